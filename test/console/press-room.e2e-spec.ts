import { randomBytes } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { addOrganizationMember, type AgencySession } from '@socle/testing';
import { firstError } from '../e2e/e2e-support';
import { approvedItem, LoopbackDns, png, uploadMedia } from '../e2e/press-room-support';
import { axeProblems, startConsoleHarness, type ConsoleHarness } from './browser-harness';

interface StoredRoom {
  slug: string;
  title: string;
  enabled: boolean;
  blogDigest: boolean;
  url: string;
  customDomain: { host: string; status: string; recordName: string; recordValue: string } | null;
  contacts: { name: string; role: string; email: string | null; phone: string | null }[];
  mediaKit: { mediaAssetId: string; caption: string; credit: string }[];
}
const ROOM_FIELDS = `slug title enabled blogDigest url customDomain { host status recordName recordValue }
  contacts { name role email phone } mediaKit { mediaAssetId caption credit }`;

/** The text of what a field's aria-describedby names: its description and, after a refusal, the API's message. */
async function descriptionOf(field: Locator): Promise<string> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => field.page().locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

/** Waits until the field is marked invalid; answers what is said next to it. */
async function refusedAt(page: Page, field: Locator): Promise<string> {
  await field.and(page.locator('[aria-invalid="true"]')).waitFor();
  return descriptionOf(field);
}

/**
 * A client's press room in a real browser against the API, its database and a DNS server on loopback: a content lead
 * sets the room up (a malformed slug refused next to its field, then slug, title, public pages on, contacts added and
 * reordered, a media kit entry picked from the media library with its caption and credit), sees its public address
 * and reads the public page over HTTP; publishes a release from an approved item (a second publication of the item
 * refused at the item), withdraws it after confirming (its page then answers 404); claims a custom domain, is shown
 * the TXT record to create, and verifies it (not found, then found); reads the newsletter's subscribers page by page
 * and by state. A viewer, whom the API refuses to change the room, sees it read-only with the addresses hidden.
 */
describe('console: a client’s press room', () => {
  let h: ConsoleHarness;
  let dns: LoopbackDns;
  let owner: Awaited<ReturnType<ConsoleHarness['signUpAgency']>>;
  let session: AgencySession;

  beforeAll(async () => {
    dns = await new LoopbackDns().start();
    h = await startConsoleHarness({ PRESS_ROOM_DNS_SERVERS: dns.server });
    owner = await h.signUpAgency('Agence Presse Console');
    session = { ...owner, refreshToken: '', userId: '' };
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await dns?.stop();
  });

  const suffix = () => randomBytes(3).toString('hex');
  const storedRoom = async (organizationId: string) =>
    (await h.api.ok<{ pressRoom: StoredRoom | null }>(`{ pressRoom { ${ROOM_FIELDS} } }`, {}, { token: owner.token, organizationId }))
      .pressRoom;
  /** Subscribers written as the public sign-up leaves them (the newsletter's own suite covers the sign-up). */
  const subscribe = (organizationId: string, email: string, state: 'PENDING' | 'CONFIRMED' | 'UNSUBSCRIBED', at: Date) =>
    h.admin.query(
      `INSERT INTO newsletter_subscribers (organization_id, email, name, state, unsubscribe_nonce, created_at, confirmed_at, unsubscribed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        organizationId,
        email,
        `Journaliste ${email.split('@')[0]}`,
        state,
        randomBytes(16).toString('base64url'),
        at,
        state === 'PENDING' ? null : at,
        state === 'UNSUBSCRIBED' ? at : null,
      ],
    );

  it('sets the room up, publishes and withdraws a release, claims and verifies a custom domain, and lists the subscribers', async () => {
    const org = await h.createClient(owner, 'Cave des Alpes', { locale: 'EN' });
    const lead = await addOrganizationMember(h.api, session, org, ['CONTENT_LEAD']);
    const assetId = await uploadMedia(h.api, session, org, await png(320, [180, 60, 40]));
    const itemId = await approvedItem(h.api, h.admin, session, org, { title: 'Vendanges 2026', brief: 'Une récolte exceptionnelle.' });
    const slug = `cave-des-alpes-${suffix()}`;
    const title = 'Cave des Alpes, salle de presse';

    const page = await h.newPage(await h.freshContext());
    await h.logIn(page, lead.email);
    await page.goto(`${h.origin}/organizations/${org}`);
    // Whatever the member's account speaks, the walk is in English (French at the end).
    await page.locator('label', { hasText: /^EN$/ }).click();
    await page.getByRole('navigation', { name: 'Pages of Cave des Alpes' }).getByRole('link', { name: 'Press room' }).click();
    await page.waitForURL(`${h.origin}/organizations/${org}/press-room`);
    await page.getByRole('heading', { name: 'Press room of Cave des Alpes' }).waitFor();
    await page.getByText('This client has no press room yet: choose its slug and title, then save it.').waitFor();
    expect(await axeProblems(page)).toEqual([]);

    // A malformed slug: the API's message next to the slug, nothing stored.
    const slugField = page.getByRole('textbox', { name: 'Slug', exact: true });
    await slugField.fill('-bad-');
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
    await page.getByRole('button', { name: 'Save the press room' }).click();
    expect(await refusedAt(page, slugField)).toContain('must be 3 to 63 lowercase letters, digits and dashes');
    expect(await page.getByRole('textbox', { name: 'Title', exact: true }).getAttribute('aria-invalid')).toBeNull();
    expect(await storedRoom(org)).toBeNull();

    // The room: slug, public pages on, a description, two contacts (the second moved first), a media kit entry.
    await slugField.fill(slug);
    await page.getByRole('switch', { name: 'Public pages on' }).check();
    await page.getByRole('switch', { name: 'Weekly blog digest' }).check();
    await page.getByRole('textbox', { name: 'Introduction' }).fill('Les nouvelles de la cave.');
    await page.getByRole('button', { name: 'Add a contact' }).click();
    const first = page.getByRole('group', { name: 'Contact 1' });
    await first.getByRole('textbox', { name: 'Name', exact: true }).fill('Claire Martin');
    await first.getByRole('textbox', { name: 'Role' }).fill('Press officer');
    await first.getByRole('textbox', { name: 'E-mail' }).fill('claire@Cave-Alpes.COM');
    await first.getByRole('textbox', { name: 'Telephone' }).fill('+33 4 50 00 00 00');
    await page.getByRole('button', { name: 'Add a contact' }).click();
    await page.getByRole('group', { name: 'Contact 2' }).getByRole('textbox', { name: 'Name', exact: true }).fill('Service presse');
    await page.getByRole('button', { name: 'Move up: Service presse' }).click();
    expect(await page.getByRole('group', { name: 'Contact 1' }).getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe(
      'Service presse',
    );
    await page.getByRole('button', { name: 'Choose media' }).click();
    const library = page.getByRole('dialog');
    await library.getByRole('checkbox', { name: 'Use visuel.png' }).check();
    await library.getByRole('button', { name: 'Done' }).click();
    await library.waitFor({ state: 'hidden' });
    const media = page.getByRole('group', { name: 'Media 1' });
    await media.getByText(/^visuel\.png · 320×240$/).waitFor();
    await media.getByRole('textbox', { name: 'Caption' }).fill('Les caves en automne');
    await media.getByRole('textbox', { name: 'Credit' }).fill('Photo : Jean Dupont');
    await page.getByRole('button', { name: 'Save the press room' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();

    const roomUrl = `${h.origin}/press/${slug}`;
    const address = page.getByTestId('press-address');
    await address.getByRole('link', { name: roomUrl }).waitFor();
    await address.getByText('Online').waitFor();
    // The room read again after its creation leaves the form, and its notice, in place.
    expect(await page.getByRole('status').getByText('Saved.').isVisible()).toBe(true);
    expect(await storedRoom(org)).toEqual({
      slug,
      title,
      enabled: true,
      blogDigest: true,
      url: roomUrl,
      customDomain: null,
      contacts: [
        { name: 'Service presse', role: '', email: null, phone: null },
        { name: 'Claire Martin', role: 'Press officer', email: 'claire@cave-alpes.com', phone: '+33 4 50 00 00 00' },
      ],
      mediaKit: [{ mediaAssetId: assetId, caption: 'Les caves en automne', credit: 'Photo : Jean Dupont' }],
    });
    // The address the page shows answers with the room, its contacts and its media kit.
    const publicPage = await fetch(roomUrl);
    expect(publicPage.status).toBe(200);
    const html = await publicPage.text();
    expect(html).toContain(`<h1>${title}</h1>`);
    expect(html).toContain('Claire Martin');
    expect(html).toContain('Les caves en automne');
    // What the API kept shows after a reload (the address in lower case where it was typed otherwise).
    await page.reload();
    await page.getByRole('heading', { name: 'Press room of Cave des Alpes' }).waitFor();
    expect(await slugField.inputValue()).toBe(slug);
    expect(await page.getByRole('switch', { name: 'Public pages on' }).isChecked()).toBe(true);
    expect(await page.getByRole('switch', { name: 'Weekly blog digest' }).isChecked()).toBe(true);
    expect(await page.getByRole('group', { name: 'Contact 2' }).getByRole('textbox', { name: 'E-mail' }).inputValue()).toBe(
      'claire@cave-alpes.com',
    );
    expect(await axeProblems(page)).toEqual([]);
    await h.screenshot(page, 'press-room');

    // A release from the approved item: listed as published, its public page answers.
    const itemField = page.getByRole('combobox', { name: 'Content item' });
    await itemField.click();
    await page.getByRole('option', { name: 'Vendanges 2026' }).click();
    await page.getByRole('button', { name: 'Publish the release' }).click();
    await page.getByRole('status').getByText('Published: Vendanges 2026.').waitFor();
    const releaseUrl = `${roomUrl}/releases/vendanges-2026`;
    const row = page.getByTestId('press-release').filter({ hasText: 'Vendanges 2026' });
    await row.getByTestId('press-release-status').getByText('Published').waitFor();
    await row.getByRole('link', { name: releaseUrl }).waitFor();
    expect((await fetch(releaseUrl)).status).toBe(200);
    const releases = await h.admin.query('SELECT item_id, slug FROM press_releases WHERE organization_id = $1', [org]);
    expect(releases.rows).toEqual([{ item_id: itemId, slug: 'vendanges-2026' }]);

    // The same item again: the API's refusal at the item.
    await itemField.click();
    await page.getByRole('option', { name: 'Vendanges 2026' }).click();
    await page.getByRole('button', { name: 'Publish the release' }).click();
    expect(await refusedAt(page, itemField)).toContain('This item is already a release of the press room');
    expect((await h.admin.query('SELECT 1 FROM press_releases WHERE organization_id = $1', [org])).rowCount).toBe(1);

    // Withdrawn after confirming: listed as withdrawn, its page is gone.
    await row.getByRole('button', { name: 'Withdraw Vendanges 2026' }).click();
    const confirm = page.getByRole('dialog', { name: 'Withdraw the release?' });
    await confirm.getByText('“Vendanges 2026” will answer “not found” for good').waitFor();
    await confirm.getByRole('button', { name: 'Withdraw for good' }).click();
    await row.getByTestId('press-release-status').getByText('Withdrawn').waitFor();
    expect(await row.getByRole('button', { name: 'Withdraw Vendanges 2026' }).count()).toBe(0);
    expect((await fetch(releaseUrl)).status).toBe(404);

    // A custom domain: a malformed one refused at its field, then the TXT record to create, checked twice.
    const domainField = page.getByRole('textbox', { name: 'Domain', exact: true });
    await domainField.fill('https://presse.cave-des-alpes.com/');
    await page.getByRole('button', { name: 'Save the domain' }).click();
    expect(await refusedAt(page, domainField)).toContain('must be a host name only');
    const host = `presse-${suffix()}.cave-des-alpes.com`;
    await domainField.fill(host);
    await page.getByRole('button', { name: 'Save the domain' }).click();
    const claim = page.getByTestId('press-domain-claim');
    await claim.getByTestId('press-domain-status').getByText('Waiting for verification').waitFor();
    const claimed = (await storedRoom(org))?.customDomain;
    expect(claimed).toMatchObject({ host, status: 'PENDING', recordName: `_socle-press.${host}` });
    expect(await claim.getByTestId('press-record-name').textContent()).toBe(`_socle-press.${host}`);
    expect(await claim.getByTestId('press-record-value').textContent()).toBe(claimed?.recordValue);
    expect(claimed?.recordValue).toMatch(/^socle-press-verification=/);
    await claim.getByText(/Last check never/).waitFor();

    await claim.getByRole('button', { name: 'Verify now' }).click();
    await claim.getByTestId('press-domain-status').getByText('Not verified').waitFor();
    expect(await claim.getByTestId('press-domain-error').textContent()).toBe(
      `The last check failed: No TXT record _socle-press.${host} was found.`,
    );
    dns.txt.set(`_socle-press.${host}`, [claimed?.recordValue ?? '']);
    await claim.getByRole('button', { name: 'Verify now' }).click();
    await claim.getByTestId('press-domain-status').getByText('Verified').waitFor();
    await claim.getByText(`The room answers at https://${host}.`).waitFor();
    expect(await claim.getByTestId('press-domain-error').count()).toBe(0);
    await address.getByRole('link', { name: `https://${host}` }).waitFor();
    expect((await storedRoom(org))?.customDomain?.status).toBe('VERIFIED');

    // The newsletter: 21 confirmed, one pending, one unsubscribed; 20 a page.
    const start = Date.now() - 3_600_000;
    for (let i = 0; i < 21; i++)
      await subscribe(org, `lecteur${String(i).padStart(2, '0')}@presse.example.com`, 'CONFIRMED', new Date(start + i * 1000));
    await subscribe(org, 'attente@presse.example.com', 'PENDING', new Date(start + 30_000));
    await subscribe(org, 'parti@presse.example.com', 'UNSUBSCRIBED', new Date(start + 31_000));
    await page.reload();
    const counts = page.getByRole('list', { name: 'Subscribers by state' });
    await counts.getByText('Confirmed: 21').waitFor();
    await counts.getByText('Pending: 1').waitFor();
    await counts.getByText('Unsubscribed: 1').waitFor();
    const subscribers = page.getByTestId('press-subscriber');
    await page.getByText('23 subscribers').waitFor();
    expect(await subscribers.count()).toBe(20);
    expect(await subscribers.first().getByRole('cell').first().textContent()).toBe('lecteur00@presse.example.com');
    await page.getByRole('button', { name: 'Next page' }).click();
    await subscribers.filter({ hasText: 'parti@presse.example.com' }).waitFor();
    expect(await subscribers.allTextContents()).toEqual([
      expect.stringContaining('lecteur20@presse.example.com'),
      expect.stringContaining('attente@presse.example.com'),
      expect.stringContaining('parti@presse.example.com'),
    ]);
    await page.getByRole('radiogroup', { name: 'Subscribers shown' }).getByText('Pending').click();
    await page.getByText('1 subscriber', { exact: true }).waitFor();
    expect(await subscribers.allTextContents()).toEqual([
      expect.stringMatching(/^attente@presse\.example\.comJournaliste attentePendingreleases/),
    ]);

    // The same page in French.
    await page.locator('label', { hasText: /^FR$/ }).click();
    await page.getByRole('heading', { name: 'Salle de presse de Cave des Alpes' }).waitFor();
    await page.getByRole('list', { name: 'Abonnés par état' }).getByText('Confirmé : 21').waitFor();
    await page.getByRole('button', { name: 'Enregistrer la salle de presse' }).waitFor();
    expect(h.pageProblems).toEqual([]);
  }, 120_000);

  it('shows the room read-only to a member who may not change it', async () => {
    const org = await h.createClient(owner, 'Fromagerie du Lac', { locale: 'EN' });
    const viewer = await addOrganizationMember(h.api, session, org, ['VIEWER']);
    const slug = `fromagerie-du-lac-${suffix()}`;
    const as = { token: owner.token, organizationId: org };
    await h.api.ok(
      'mutation ($input: UpdatePressRoomInput!) { updatePressRoom(input: $input) { id } }',
      {
        input: {
          slug,
          title: 'Fromagerie du Lac',
          enabled: true,
          contacts: [{ name: 'Paul Girard', email: 'paul@fromagerie.example.com' }],
        },
      },
      as,
    );
    const itemId = await approvedItem(h.api, h.admin, session, org, { title: 'Tomme de printemps' });
    await h.api.ok('mutation ($input: PublishPressReleaseInput!) { publishPressRelease(input: $input) { id } }', { input: { itemId } }, as);
    await subscribe(org, 'lectrice@presse.example.com', 'CONFIRMED', new Date());

    // The API refuses a viewer's change: the page must not offer one.
    const refused = await h.api.gql(
      'mutation ($input: UpdatePressRoomInput!) { updatePressRoom(input: $input) { id } }',
      { input: { title: 'Changé' } },
      { token: viewer.token, organizationId: org },
    );
    expect(firstError(refused).extensions.code).toBe('FORBIDDEN');

    const page = await h.newPage(await h.freshContext());
    await h.logIn(page, viewer.email);
    await page.goto(`${h.origin}/organizations/${org}/press-room`);
    await page.locator('label', { hasText: /^EN$/ }).click();
    await page.getByRole('heading', { name: 'Press room of Fromagerie du Lac' }).waitFor();
    await page
      .getByTestId('press-read-only')
      .getByText('Only the agency’s owners and administrators and this client’s content and strategy leads change the press room.')
      .waitFor();
    const slugField = page.getByRole('textbox', { name: 'Slug', exact: true });
    expect(await slugField.inputValue()).toBe(slug);
    expect(await slugField.getAttribute('readonly')).not.toBeNull();
    expect(await page.getByRole('textbox', { name: 'Title', exact: true }).getAttribute('readonly')).not.toBeNull();
    expect(await page.getByRole('switch', { name: 'Public pages on' }).isDisabled()).toBe(true);
    expect(
      await page.getByRole('group', { name: 'Contact 1' }).getByRole('textbox', { name: 'Name', exact: true }).getAttribute('readonly'),
    ).not.toBeNull();
    expect(await page.getByRole('textbox', { name: 'Domain', exact: true }).getAttribute('readonly')).not.toBeNull();
    await page.getByTestId('press-release').getByText('Tomme de printemps').waitFor();
    await page.getByTestId('press-subscriber').waitFor();
    for (const name of [
      'Save the press room',
      'Add a contact',
      'Choose media',
      'Save the domain',
      'Publish the release',
      'Withdraw Tomme de printemps',
    ]) {
      expect({ name, count: await page.getByRole('button', { name }).count() }).toEqual({ name, count: 0 });
    }
    // The API hides the subscribers' addresses and names from a viewer.
    expect(await page.getByTestId('press-subscriber').getByText('Hidden').count()).toBe(2);
    expect(await page.getByText('lectrice@presse.example.com').count()).toBe(0);
    expect(await axeProblems(page)).toEqual([]);
    expect(h.pageProblems).toEqual([]);
  }, 90_000);
});
