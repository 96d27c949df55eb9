import type { Page } from 'playwright-core';
import { addOrganizationMember } from '@socle/testing';
import { axeProblems, startConsoleHarness, type ConsoleHarness } from './browser-harness';

/**
 * A client's policies in a real browser, as a member who leads the strategy and is the executive approver: a policy
 * created from its starter template, its draft edited (the API's field error next to the field), submitted, approved,
 * published and acknowledged; who has not acknowledged yet; a revision compared with the version in force; the history;
 * another policy acknowledged from the list of those pending; comment-handling and content rules edited as forms (a refused
 * value shown next to its field, fixed, saved, reloaded, a rule removed) and a sample text checked against the content rules.
 */
describe('console: a client policies', () => {
  let h: ConsoleHarness;
  let owner: Awaited<ReturnType<ConsoleHarness['signUpAgency']>>;
  let lead: { token: string; userId: string; email: string };
  let org = '';

  /** axe-core on the whole page, header included: no serious or critical violation. */
  const noSeriousViolation = async (page: Page) => {
    expect(await axeProblems(page)).toEqual([]);
  };

  beforeAll(async () => {
    h = await startConsoleHarness();
    owner = await h.signUpAgency('Agence Politiques');
    org = (
      await h.api.ok<{ createOrganization: { id: string } }>(
        'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
        { input: { name: 'Mairie de Quimper', timezone: 'Pacific/Auckland', locale: 'EN' } },
        { token: owner.token },
      )
    ).createOrganization.id;
    const session = { ...owner, refreshToken: '', userId: '' };
    lead = await addOrganizationMember(h.api, session, org, ['STRATEGY_LEAD', 'EXECUTIVE_APPROVER']);
    // Someone who will not have acknowledged anything.
    await addOrganizationMember(h.api, session, org, ['COMMUNITY_MANAGER']);

    // A code of conduct already in force: the member still has to acknowledge it.
    const as = (token: string) => ({ token, organizationId: org });
    const created = await h.api.ok<{ createPolicy: { latestVersion: { id: string } } }>(
      'mutation { createPolicy(input: { kind: CODE_OF_CONDUCT, language: EN, fromTemplate: true }) { latestVersion { id } } }',
      {},
      as(owner.token),
    );
    const input = { versionId: created.createPolicy.latestVersion.id };
    await h.api.ok('mutation ($input: PolicyVersionInput!) { submitPolicyForReview(input: $input) { id } }', { input }, as(owner.token));
    await h.api.ok(
      'mutation ($input: ApprovePolicyVersionInput!) { approvePolicyVersion(input: $input) { id } }',
      { input },
      as(lead.token),
    );
    await h.api.ok('mutation ($input: PolicyVersionInput!) { publishPolicyVersion(input: $input) { id } }', { input }, as(owner.token));
  }, 180_000);

  afterAll(async () => {
    await h?.close();
  });

  it('creates, edits, submits, approves, publishes, acknowledges and compares a policy; edits the rules', async () => {
    const context = await h.freshContext();
    // An invited member's account is in French: this walk reads the page in English, as if they had picked it.
    await context.addInitScript(
      (key) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem(key, 'en'),
      `socle.locale.${lead.userId}`,
    );
    const page = await h.newPage(context);
    await h.logIn(page, lead.email);
    await page.goto(`${h.origin}/organizations/${org}/policies`);

    // The list: the code of conduct in force; the pending acknowledgement.
    const row = page.getByTestId('policy-row').filter({ hasText: 'Code of conduct' });
    await row.getByText('Published').waitFor();
    await row.getByText('Version 1').waitFor();
    await h.screenshot(page, 'policies-list');
    await noSeriousViolation(page);
    await page.getByRole('tab', { name: /To acknowledge/ }).click();
    await page.getByTestId('acknowledge-row').first().waitFor();
    expect(await page.getByTestId('acknowledge-row').count()).toBe(1);
    await page
      .getByTestId('acknowledge-row')
      .getByRole('button', { name: /^Acknowledge / })
      .click();
    await page.getByText('Nothing to acknowledge').waitFor();
    await noSeriousViolation(page);

    // A new editorial policy from its starter template.
    await page.getByRole('tab', { name: 'Documents' }).click();
    await page.getByRole('button', { name: 'New policy' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Create the draft' }).click();
    await page.waitForURL((url) => /\/policies\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByRole('heading', { name: 'Editorial policy', level: 2 }).waitFor();
    await page.getByTestId('policy-section').first().waitFor();
    expect(await page.getByTestId('policy-section').count()).toBeGreaterThan(1);

    // Edit the draft: a bad section key is refused next to its field, then the text is saved.
    await page.getByRole('button', { name: 'Edit the draft' }).click();
    await page.getByRole('textbox', { name: 'Section 1: key' }).fill('Not A Key!');
    await page.getByRole('textbox', { name: 'Section 1: text' }).fill('We publish what we can stand behind.');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.locator('input[aria-invalid="true"]').first().waitFor();
    expect(await page.getByRole('textbox', { name: 'Section 1: key' }).getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('textbox', { name: 'Section 1: key' }).fill('principles');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.getByTestId('policy-section').first().getByText('We publish what we can stand behind.').waitFor();
    await h.screenshot(page, 'policy-draft');
    await noSeriousViolation(page);

    // The workflow: submit, approve (executive approver), publish, acknowledge.
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('dialog').getByRole('textbox', { name: 'Comment (optional)' }).fill('Good to go.');
    await page.getByRole('dialog').getByRole('button', { name: 'Approve this version' }).click();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await page.getByText('You have acknowledged this version.').waitFor();
    await page.getByText('Version 1 in force').waitFor();

    // Who has acknowledged it: the member, not the community manager.
    await page.getByRole('tab', { name: 'Acknowledgements' }).click();
    await page.getByText(/Version 1: 1 of \d+ members acknowledged it/).waitFor();
    await page.getByTestId('pending-member').first().waitFor();

    // A revision, compared with the version in force.
    await page.getByRole('tab', { name: 'Text' }).click();
    await page.getByRole('button', { name: 'Start a revision' }).click();
    await page.getByText('Version 2', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Edit the draft' }).click();
    await page.getByRole('textbox', { name: 'Section 1: text' }).fill('We publish only what we can stand behind, in plain words.');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.getByTestId('policy-section').first().getByText('in plain words').waitFor();
    await page.getByRole('tab', { name: 'Compare' }).click();
    const diff = page.getByTestId('policy-diff');
    await diff.waitFor();
    expect(await diff.locator('del').allTextContents()).toEqual(['− We publish what we can stand behind.']);
    expect(await diff.locator('ins').allTextContents()).toEqual(['+ We publish only what we can stand behind, in plain words.']);
    await page.getByText('1 line added, 1 line removed').waitFor();
    await h.screenshot(page, 'policy-compare');
    await noSeriousViolation(page);

    await page.getByRole('tab', { name: 'Versions' }).click();
    await page.getByTestId('version-row').nth(1).waitFor();
    expect(await page.getByTestId('version-row').count()).toBe(2);
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByTestId('history-row').nth(4).waitFor();
    // Created, submitted, approved, published; the revision created.
    expect(await page.getByTestId('history-row').count()).toBeGreaterThanOrEqual(5);

    // Comment-handling rules, edited as a form: a delay of 0 minutes is refused next to its field, fixed and saved.
    await page.goto(`${h.origin}/organizations/${org}/policies`);
    await page.getByRole('tab', { name: 'Comment handling' }).click();
    await page.getByText('No rule yet: the default delays apply').waitFor();
    await page.getByRole('button', { name: 'Edit the rules' }).click();
    await page.getByText('The list is empty: the default delays apply').waitFor();
    await page.getByRole('button', { name: 'Add a rule' }).click();
    await page.getByRole('button', { name: 'Add a rule' }).click();
    // New rules take the first channel and severity without a rule, with the API's default delay.
    const firstRule = page.getByRole('group', { name: 'Rule 1: Any channel · Normal' });
    const secondRule = page.getByRole('group', { name: 'Rule 2: Any channel · High' });
    expect(await firstRule.getByRole('textbox', { name: 'First answer within (minutes)' }).inputValue()).toBe('1440');
    const delay = secondRule.getByRole('textbox', { name: 'First answer within (minutes)' });
    await delay.fill('0');
    await secondRule.getByRole('switch', { name: 'Hand these comments to crisis handling' }).check();
    await secondRule.getByRole('button', { name: 'Add a reply template' }).click();
    await secondRule.getByRole('textbox', { name: 'Template 1: text' }).fill('Thank you, we are looking into it right now.');
    await page.getByRole('button', { name: 'Save the rules' }).click();
    await secondRule.getByText(/must be more than 0 minutes/).waitFor();
    expect(await delay.getAttribute('aria-invalid')).toBe('true');
    expect(await firstRule.getByRole('textbox', { name: 'First answer within (minutes)' }).getAttribute('aria-invalid')).not.toBe('true');
    await h.screenshot(page, 'policies-comment-rules-form');
    await noSeriousViolation(page);
    await delay.fill('30');
    await page.getByRole('button', { name: 'Save the rules' }).click();
    await page.getByText('The rules are saved.').waitFor();
    await page.getByTestId('comment-rule').filter({ hasText: 'High' }).getByText('30 min').waitFor();
    expect(await page.getByTestId('comment-rule').count()).toBe(2);
    await h.screenshot(page, 'policies-comment-rules');
    await noSeriousViolation(page);

    // Reloaded, the rules are those saved; the first is removed.
    await page.reload();
    await page.getByRole('tab', { name: 'Comment handling' }).click();
    await page.getByTestId('comment-rule').filter({ hasText: 'High' }).getByText('Yes').waitFor();
    expect(await page.getByTestId('comment-rule').count()).toBe(2);
    await page.getByRole('button', { name: 'Edit the rules' }).click();
    expect(
      await page.getByRole('group', { name: 'Rule 2: Any channel · High' }).getByRole('textbox', { name: 'Template 1: text' }).inputValue(),
    ).toBe('Thank you, we are looking into it right now.');
    await page.getByRole('button', { name: 'Remove rule 1' }).click();
    await page.getByRole('button', { name: 'Save the rules' }).click();
    await page.getByText('The rules are saved.').waitFor();
    expect(await page.getByTestId('comment-rule').count()).toBe(1);
    await page.getByTestId('comment-rule').getByText('30 min').waitFor();

    // Content rules, edited as a form: a link domain written as a URL is refused next to the domains, fixed and saved.
    await page.getByRole('tab', { name: 'Content rules' }).click();
    await page.getByRole('button', { name: 'Edit the rules' }).click();
    await page.getByRole('button', { name: 'Add a rule' }).click();
    await page.getByRole('button', { name: 'Add a rule' }).click();
    const domainsRule = page.getByTestId('content-rule-editor').nth(0);
    const hashtagsRule = page.getByTestId('content-rule-editor').nth(1);
    await domainsRule.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Forbidden link domains' }).click();
    await domainsRule.getByRole('textbox', { name: 'Rule id' }).fill('no-spam');
    await domainsRule.getByRole('radio', { name: 'Block submission' }).check();
    const domains = domainsRule.getByLabel('Forbidden domains', { exact: true });
    await domains.fill('https://spam.example');
    await domains.press('Enter');
    await hashtagsRule.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Hashtag limit' }).click();
    await hashtagsRule.getByRole('textbox', { name: 'Rule id' }).fill('few-hashtags');
    await hashtagsRule.getByRole('textbox', { name: 'Most hashtags allowed' }).fill('2');
    await page.getByRole('button', { name: 'Save the rules' }).click();
    await domainsRule.getByText(/is not a bare domain/).waitFor();
    expect(await domains.getAttribute('aria-invalid')).toBe('true');
    expect(await hashtagsRule.getByRole('textbox', { name: 'Most hashtags allowed' }).getAttribute('aria-invalid')).not.toBe('true');
    await page.getByText('Version 0', { exact: true }).waitFor();
    await h.screenshot(page, 'policies-content-rules-form');
    await noSeriousViolation(page);
    // The JSON export holds the form's rules (an advanced way in and out).
    await page.getByRole('button', { name: 'Import / export JSON' }).click();
    expect(await page.getByRole('dialog').getByRole('textbox', { name: 'The rules as JSON' }).inputValue()).toContain('"few-hashtags"');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await domains.press('Backspace');
    await domains.fill('spam.example');
    await domains.press('Enter');
    await page.getByRole('button', { name: 'Save the rules' }).click();
    await page.getByText('The rules are saved.').waitFor();
    await page.getByTestId('content-rule').filter({ hasText: 'no-spam' }).getByText('spam.example').waitFor();
    await page.getByTestId('content-rule').filter({ hasText: 'few-hashtags' }).getByText('At most 2 hashtags').waitFor();
    await page.getByText('Version 1', { exact: true }).waitFor();

    // A sample text checked against the saved rules as it is typed.
    await page.getByRole('textbox', { name: 'Sample text' }).fill('Read https://www.spam.example/offer #one #two #three');
    await page.getByTestId('preview-findings').getByText('no-spam').waitFor();
    await page.getByTestId('preview-findings').getByText('few-hashtags').waitFor();
    await page.getByText('This text could not be submitted for approval').waitFor();
    await h.screenshot(page, 'policies-content-rules');
    await noSeriousViolation(page);
    await page.getByRole('textbox', { name: 'Sample text' }).fill('Read our offer #one');
    await page.getByTestId('preview-clear').waitFor();

    // Reloaded, the rules are those saved; one is removed.
    await page.reload();
    await page.getByRole('tab', { name: 'Content rules' }).click();
    await page.getByTestId('content-rule').nth(1).waitFor();
    expect(await page.getByTestId('content-rule').count()).toBe(2);
    await page.getByRole('button', { name: 'Edit the rules' }).click();
    expect(await page.getByTestId('content-rule-editor').nth(1).getByRole('textbox', { name: 'Most hashtags allowed' }).inputValue()).toBe(
      '2',
    );
    await page.getByRole('button', { name: 'Remove rule 2' }).click();
    await page.getByRole('button', { name: 'Save the rules' }).click();
    await page.getByText('Version 2', { exact: true }).waitFor();
    expect(await page.getByTestId('content-rule').count()).toBe(1);
    await page.getByTestId('content-rule').filter({ hasText: 'no-spam' }).waitFor();

    // French.
    await page.getByText('FR', { exact: true }).click();
    await page.getByRole('tab', { name: 'Documents' }).click();
    await page.getByTestId('policy-row').filter({ hasText: 'Ligne éditoriale' }).getByText('Brouillon').waitFor();
    await page.getByRole('tab', { name: 'Règles de contenu' }).click();
    await page.getByTestId('content-rule').getByText('Domaines de liens interdits').waitFor();
    await page.getByRole('tab', { name: 'Gestion des commentaires' }).click();
    await page.getByRole('button', { name: 'Modifier les règles' }).click();
    await page
      .getByRole('group', { name: 'Règle 1 : Tous les canaux · Élevée' })
      .getByText('Confier ces commentaires à la cellule de crise')
      .waitFor();

    expect(h.elsewhere()).toEqual([]);
    expect(h.pageProblems).toEqual([]);
    await context.close();
  }, 180_000);
});
