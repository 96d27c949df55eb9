import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { addOrganizationMember, signUpAgency, type AgencySession } from '@socle/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback Mastodon of the plugin's tests is the network these pages publish to
import { MastodonTestServer } from '../../plugins/mastodon/src/test/mastodon-test-server';
import { axeProblems, startConsoleHarness, type ConsoleHarness } from './browser-harness';

/**
 * A client's content pages in a real browser against the API and its database: the calendar in the organisation's
 * time zone (Auckland while the browser runs in UTC) with an entry dragged to another day and a refused move, the
 * editor with a Mastodon variant checked live (the offending word underlined, the rule's message in its tooltip),
 * an image uploaded from the media picker, the approval queue (a refusal shown by its field, then decisions), the
 * external approver's page opened from a real signed link without an account, the crisis pause and the suggestion box.
 */
const ZONE = 'Pacific/Auckland';
const DAY = 86_400_000;

/** YYYY-MM-DD of `instant` in Auckland. */
const aucklandDay = (instant: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
/** The instant Auckland's clock shows `hh:mm` on civil day `day` (YYYY-MM-DD). */
function aucklandAt(day: string, time: string): string {
  const wall = Date.parse(`${day}T${time}:00Z`);
  const offset = (t: number) =>
    Date.parse(
      new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, dateStyle: 'short', timeStyle: 'medium' }).format(new Date(t)).replace(' ', 'T') +
        'Z',
    ) - t;
  let instant = wall - offset(wall);
  instant = wall - offset(instant);
  return new Date(instant).toISOString();
}

describe('content pages in a browser', () => {
  let h: ConsoleHarness;
  let mastodon: MastodonTestServer;
  let owner: AgencySession;
  let lead: { token: string; userId: string; email: string };
  let org: string;
  let scheduledId: string;
  let reviewId: string;
  let linkItemId: string;
  const as = (who: { token: string }) => ({ token: who.token, organizationId: org });

  /** axe-core on the whole page, header included: no serious or critical violation. */
  const axe = async (page: Page, name: string) => {
    expect({ name, serious: await axeProblems(page) }).toEqual({ name, serious: [] });
  };

  beforeAll(async () => {
    mastodon = await MastodonTestServer.start();
    h = await startConsoleHarness({ OUTBOUND_ALLOWED_RANGES: '127.0.0.0/8,::1/128', CONNECTOR_TIMEOUT_MS: '2000' });
    owner = await signUpAgency(h.api, 'Agence Console Contenus');
    org = (
      await h.api.ok<{ createOrganization: { id: string } }>(
        'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
        { input: { name: 'Boulangerie du Port', timezone: ZONE, locale: 'FR' } },
        { token: owner.token },
      )
    ).createOrganization.id;
    lead = await addOrganizationMember(h.api, owner, org, ['CONTENT_LEAD']);
    const accountId = (
      await h.api.ok<{ connectNetworkAccount: { id: string } }>(
        'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id } }',
        { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: mastodon.createAccessToken('boulangerie') } },
        as(owner),
      )
    ).connectNetworkAccount.id;
    await h.api.ok(
      'mutation ($input: SetContentRulesInput!) { setContentRules(input: $input) { version } }',
      { input: { rules: [{ id: 'no-free', kind: 'AVOID_WORDS', severity: 'BLOCK', words: ['gratuit'] }] } },
      as(owner),
    );
    /** An item written by the owner, with a Mastodon variant, submitted for review. */
    const submitted = async (title: string, text: string) => {
      const id = (
        await h.api.ok<{ createContentItem: { id: string } }>(
          'mutation ($input: CreateContentItemInput!) { createContentItem(input: $input) { id } }',
          { input: { title, brief: `Brief de ${title}` } },
          as(owner),
        )
      ).createContentItem.id;
      await h.api.ok(
        'mutation ($input: SetContentVariantInput!) { setVariant(input: $input) { id } }',
        {
          input: { itemId: id, networkAccountId: accountId, text },
        },
        as(owner),
      );
      await h.api.ok('mutation ($input: ContentItemInput!) { submitContentItem(input: $input) { id } }', { input: { id } }, as(owner));
      return id;
    };
    scheduledId = await submitted('Fournée du dimanche', 'La fournée du dimanche sort à 7 h.');
    await h.api.ok(
      'mutation ($input: ApproveContentItemInput!) { approveContentItem(input: $input) { complete } }',
      {
        input: { itemId: scheduledId },
      },
      as(lead),
    );
    // Five past midnight in Auckland, two days from now: moved to today it would be in the past.
    await h.api.ok(
      'mutation ($input: ScheduleContentItemInput!) { scheduleContentItem(input: $input) { id } }',
      {
        input: { itemId: scheduledId, dueAt: aucklandAt(aucklandDay(Date.now() + 2 * DAY), '00:05') },
      },
      as(lead),
    );
    reviewId = await submitted('Galette des rois', 'Les galettes arrivent en janvier.');
    linkItemId = await submitted('Affiche de printemps', 'Le printemps est dans la vitrine.');
  }, 180_000);
  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
  });

  it('walks the calendar, the editor, the approvals, the external approver, the crisis pause and the suggestion box', async () => {
    const context = await h.freshContext();
    const page = await h.newPage(context);
    await h.logIn(page, lead.email);
    const base = `${h.origin}/organizations/${org}/content`;

    // Calendar: the scheduled publication on its day in Auckland, dragged one day later (same time of day).
    await page.goto(base);
    // The member's account speaks French (the organisation's language); the walk is in English, French at the end.
    await page.getByRole('tab', { name: 'Calendrier' }).waitFor();
    await page.locator('label', { hasText: /^EN$/ }).click();
    await page.getByText(`Dates and times in ${ZONE}`).waitFor();
    const plusTwo = aucklandDay(Date.now() + 2 * DAY);
    const plusThree = aucklandDay(Date.now() + 3 * DAY);
    const entry = page.locator(`[data-day="${plusTwo}"]`).getByTestId('calendar-entry');
    await entry.getByText('00:05 Fournée du dimanche').waitFor();
    await entry.getByText('Scheduled').waitFor();
    await h.screenshot(page, 'content-calendar-month');
    await axe(page, 'calendar');
    await entry.dragTo(page.locator(`[data-day="${plusThree}"]`));
    await page
      .getByRole('status')
      .getByText(/^Moved to /)
      .waitFor();
    await page.locator(`[data-day="${plusThree}"]`).getByText('00:05 Fournée du dimanche').waitFor();
    const moved = await h.api.ok<{ contentCalendar: { entries: { itemId: string; at: string }[] } }>(
      'query ($input: ContentCalendarInput!) { contentCalendar(input: $input) { entries { itemId at } } }',
      { input: { from: new Date(Date.now() - DAY).toISOString(), to: new Date(Date.now() + 10 * DAY).toISOString() } },
      as(lead),
    );
    expect(moved.contentCalendar.entries.filter((e) => e.itemId === scheduledId).map((e) => e.at)).toEqual([
      aucklandAt(plusThree, '00:05'),
    ]);
    // Moved to today, five past midnight has passed: the API refuses and the page says why.
    await page
      .locator(`[data-day="${plusThree}"]`)
      .getByTestId('calendar-entry')
      .dragTo(page.locator(`[data-day="${aucklandDay(Date.now())}"]`));
    await page
      .getByRole('alert')
      .getByText(/in the past/)
      .waitFor();
    await page.locator('label', { hasText: /^Week$/ }).click();
    await page.getByRole('heading', { name: /^Week of / }).waitFor();

    // Editor: a new item, a Mastodon variant checked as it is typed, an image uploaded from the picker.
    await page.getByRole('link', { name: 'New item' }).click();
    await page.getByRole('textbox', { name: 'Title' }).fill('Pain de la semaine');
    await page.getByRole('textbox', { name: 'Brief' }).fill('La tradition au levain');
    await page.getByRole('textbox', { name: 'Theme' }).fill('Saisons');
    await page.getByRole('button', { name: 'Create the item' }).click();
    await page.getByTestId('item-status').getByText('Draft').waitFor();
    await page.getByRole('tab', { name: 'Add a network' }).click();
    await page.getByRole('combobox', { name: 'Network account' }).click();
    await page.getByRole('option', { name: /boulangerie/ }).click();
    await page.getByRole('textbox', { name: /^Text for/ }).fill('Pain gratuit ce samedi');
    const underlined = page.getByTestId('violation-span');
    await underlined.getByText('gratuit').waitFor();
    await page
      .getByTestId('length-counter')
      .filter({ hasText: /^22 \/ 500 characters$/ })
      .waitFor();
    await underlined.hover();
    const tooltip = page.locator('.mantine-Tooltip-tooltip');
    await tooltip.waitFor();
    const tip = await tooltip.textContent();
    expect(tip).toBeTruthy();
    await expect(page.getByTestId('violations').textContent()).resolves.toContain(tip ?? '');
    await page.getByRole('textbox', { name: /^Text for/ }).fill('Pain au levain ce samedi');
    await page.getByTestId('checks-clear').waitFor();
    await page.getByRole('button', { name: 'Choose media' }).click();
    const png = await sharp({ create: { width: 320, height: 200, channels: 3, background: { r: 220, g: 90, b: 30 } } })
      .png()
      .toBuffer();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Upload an image' }).click();
    await (await chooser).setFiles({ name: 'vitrine.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('checkbox', { name: 'Use vitrine.png' }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Use vitrine.png' }).isChecked()).toBe(true);
    await page.getByRole('dialog').getByRole('img', { name: 'vitrine.png' }).waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByText('1 media attached').waitFor();
    await page.getByRole('button', { name: 'Save the variant' }).click();
    await page.getByRole('tab', { name: /Mastodon.*boulangerie/, selected: true }).waitFor();
    await page.getByRole('textbox', { name: /^Text for/ }).waitFor();
    await h.screenshot(page, 'content-editor');
    await axe(page, 'editor');
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await page.getByTestId('item-status').getByText('In review').waitFor();
    const written = await h.api.ok<{ contentItem: { status: string; variants: { text: string; mediaIds: string[] }[] } }>(
      'query ($id: ID!) { contentItem(id: $id) { status variants { text mediaIds } } }',
      { id: new URL(page.url()).pathname.split('/').pop() },
      as(owner),
    );
    expect(written.contentItem.status).toBe('IN_REVIEW');
    expect(written.contentItem.variants).toEqual([{ text: 'Pain au levain ce samedi', mediaIds: [expect.any(String)] }]);

    // Approval queue: a blank reason refused by its field, then a rejection and an approval.
    await page.getByRole('tab', { name: 'Approvals' }).click();
    const row = (title: string) => page.getByTestId('approval-row').filter({ hasText: title });
    await row('Galette des rois').waitFor();
    await h.screenshot(page, 'content-approvals');
    await axe(page, 'approvals');
    await row('Galette des rois').getByRole('button', { name: 'Reject' }).click();
    await page.getByRole('textbox', { name: 'What must change' }).fill('   ');
    await page.getByRole('dialog').getByRole('button', { name: 'Reject' }).click();
    const reasonField = page.getByRole('textbox', { name: 'What must change' });
    // The API's refusal comes back asynchronously: wait for the field to be marked.
    await reasonField.and(page.locator('[aria-invalid="true"]')).waitFor();
    await reasonField.fill('La date de janvier manque.');
    await page.getByRole('dialog').getByRole('button', { name: 'Reject' }).click();
    await page.getByRole('status').getByText('“Galette des rois” sent back to its authors.').waitFor();
    await row('Galette des rois').waitFor({ state: 'detached' });
    await row('Pain de la semaine').waitFor();

    // An external approver: the link made here opens the page without an account.
    await row('Affiche de printemps').getByRole('button', { name: 'Send a link' }).click();
    await page.getByRole('textbox', { name: 'Approver’s name' }).fill('Camille Martin');
    await page.getByRole('textbox', { name: 'Approver’s email' }).fill('camille@example.org');
    await page.getByRole('button', { name: 'Create the link' }).click();
    const link = (await page.getByTestId('approval-link').textContent()) ?? '';
    expect(link.startsWith(`${h.origin}/links/approvals/`)).toBe(true);
    // Mailed by default (the switch was left on), and said so.
    expect(await page.getByTestId('approval-link-status').textContent()).toContain('mailed to Camille Martin (camille@example.org)');
    await page.keyboard.press('Escape');
    const outsider = await h.newPage(await h.freshContext());
    await outsider.goto(link);
    await outsider.getByRole('heading', { name: 'Affiche de printemps' }).waitFor();
    await outsider.getByText('Le printemps est dans la vitrine.').waitFor();
    await h.screenshot(outsider, 'content-approval-link');
    await axe(outsider, 'approval link');
    await outsider.getByRole('button', { name: 'Reject' }).click();
    // Waited for: the field is marked once the page has rendered the refusal (a read right after the click can come first).
    await outsider.getByRole('textbox', { name: 'Comment' }).and(outsider.locator('[aria-invalid="true"]')).waitFor();
    await outsider.getByRole('textbox', { name: 'Comment' }).fill('Le visuel doit montrer la vitrine.');
    await outsider.getByRole('button', { name: 'Reject' }).click();
    await outsider.getByText('Thank you: your rejection and its reason are recorded.').waitFor();
    await outsider.reload();
    await outsider
      .getByRole('alert')
      .getByText(/already used/i)
      .waitFor();
    const decided = await h.api.ok<{ contentItem: { status: string } }>(
      'query ($id: ID!) { contentItem(id: $id) { status } }',
      { id: linkItemId },
      as(owner),
    );
    expect(decided.contentItem.status).toBe('DRAFT');
    const rejected = await h.api.ok<{ contentItem: { status: string } }>(
      'query ($id: ID!) { contentItem(id: $id) { status } }',
      { id: reviewId },
      as(owner),
    );
    expect(rejected.contentItem.status).toBe('DRAFT');

    // Crisis pause: what it holds, then resumed.
    await page.getByRole('tab', { name: 'Crisis pause' }).click();
    await page.getByTestId('crisis-state').getByText('Publishing normally').waitFor();
    await page.getByRole('textbox', { name: 'Reason' }).fill('Rappel de produit en cours');
    await page.getByRole('button', { name: 'Pause all publishing' }).click();
    await page.getByTestId('crisis-state').getByText('Publishing paused').waitFor();
    await page.getByText('Held by the pause (1)').waitFor();
    await page.getByTestId('held-row').getByText('Held').waitFor();
    await h.screenshot(page, 'content-crisis-pause');
    await axe(page, 'crisis pause');
    await page.getByRole('button', { name: 'Resume publishing' }).click();
    await page.getByText('Publishing resumed; 1 publication released.').waitFor();
    await page.getByTestId('crisis-state').getByText('Publishing normally').waitFor();

    // Suggestion box: two ideas, one accepted, one declined with its reason.
    await page.getByRole('tab', { name: 'Suggestion box' }).click();
    await page.getByText('No idea yet. Suggest the first one above.').waitFor();
    for (const idea of ['Portes ouvertes du fournil', 'Un pain aux algues']) {
      await page.getByRole('textbox', { name: 'Idea' }).fill(idea);
      await page.getByRole('button', { name: 'Send the idea' }).click();
      await page.getByTestId('idea-row').filter({ hasText: idea }).waitFor();
    }
    await page.getByTestId('idea-row').filter({ hasText: 'Portes ouvertes du fournil' }).getByRole('button', { name: 'Accept' }).click();
    await page.getByTestId('idea-row').filter({ hasText: 'Portes ouvertes du fournil' }).getByText('Accepted').waitFor();
    await page.getByTestId('idea-row').filter({ hasText: 'Un pain aux algues' }).getByRole('button', { name: 'Decline' }).click();
    await page.getByRole('textbox', { name: /^Reason/ }).fill('Hors de notre gamme.');
    await page.getByRole('dialog').getByRole('button', { name: 'Decline' }).click();
    await page.getByTestId('idea-row').filter({ hasText: 'Un pain aux algues' }).getByText('Hors de notre gamme.').waitFor();
    // The page at rest: the dialog has finished closing.
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await h.screenshot(page, 'content-suggestion-box');
    await axe(page, 'suggestion box');

    // The media library, then the calendar in French.
    await page.getByRole('tab', { name: 'Media library' }).click();
    await page.getByTestId('media-asset').getByText('vitrine.png').waitFor();
    await axe(page, 'media library');
    await page.locator('label', { hasText: /^FR$/ }).click();
    await page.getByRole('tab', { name: 'Calendrier' }).click();
    await page.getByRole('radio', { name: 'Mois' }).waitFor({ state: 'attached' });
    await page.locator(`[data-day="${plusThree}"]`).getByText('Programmée').waitFor();

    expect(h.elsewhere()).toEqual([]);
    expect(h.pageProblems).toEqual([]);
  }, 90_000);
});
