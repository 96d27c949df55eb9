import { addOrganizationMember } from '@socle/testing';
import { axeProblems, startConsoleHarness, type ConsoleHarness } from './browser-harness';

/**
 * The written strategy's versions in a real browser: the agency's owner takes a version and submits it; the client's
 * executive approver returns it (a return without a comment refused at its field), the owner submits it again, the
 * approver approves it with a comment: it is the version in force, shown as such.
 */
describe('console: the strategy document’s versions and their approval, and the roadmap’s steps set by hand', () => {
  let h: ConsoleHarness;

  beforeAll(async () => {
    h = await startConsoleHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('takes, submits, returns, resubmits and approves a version', async () => {
    const owner = await h.signUpAgency('Agence Versions');
    const org = await h.createClient(owner, 'Librairie Roux');
    const approver = await addOrganizationMember(h.api, { ...owner, refreshToken: '', userId: '' }, org, ['EXECUTIVE_APPROVER']);
    // The approver reads the console in English, like the owner.
    await h.api.ok('mutation { updateMe(input: { locale: EN }) { id } }', {}, { token: approver.token });
    const status = async () =>
      (
        await h.admin.query<{ number: number; status: string }>(
          'SELECT number, status FROM strategy_document_versions WHERE organization_id = $1 ORDER BY number',
          [org],
        )
      ).rows;

    const ownerPage = await h.newPage(await h.freshContext());
    await h.logIn(ownerPage, owner.email);
    await ownerPage.goto(`${h.origin}/organizations/${org}/strategy/document`);
    const versions = ownerPage.getByTestId('strategy-versions');
    await versions.getByText('No version yet').waitFor();
    await versions.getByRole('button', { name: 'Take a version…' }).click();
    await ownerPage.getByRole('textbox', { name: 'What changed (for the approver)' }).fill('First complete strategy');
    await ownerPage.getByRole('button', { name: 'Take the version' }).click();
    const row = versions.getByTestId('strategy-version').first();
    await row.getByText('Draft').waitFor();
    await row.getByRole('button', { name: 'Submit' }).click();
    await ownerPage.getByRole('dialog').getByRole('button', { name: 'Submit' }).click();
    await row.getByText('Awaiting approval').waitFor();
    expect(await row.getByText('With the executive approvers').count()).toBe(1);
    expect(await status()).toEqual([{ number: 1, status: 'IN_REVIEW' }]);
    expect(await axeProblems(ownerPage)).toEqual([]);

    // The approver returns it: a comment is required.
    const approverPage = await h.newPage(await h.freshContext());
    await h.logIn(approverPage, approver.email);
    await approverPage.goto(`${h.origin}/organizations/${org}/strategy/document`);
    const theirRow = approverPage.getByTestId('strategy-version').first();
    await theirRow.getByRole('button', { name: 'Return' }).click();
    const dialog = approverPage.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Return' }).click();
    const comment = dialog.getByRole('textbox', { name: 'What must change' });
    await comment.and(approverPage.locator('[aria-invalid="true"]')).waitFor();
    expect(await status()).toEqual([{ number: 1, status: 'IN_REVIEW' }]);
    await comment.fill('Add the budget per network.');
    await dialog.getByRole('button', { name: 'Return' }).click();
    await theirRow.getByText('Returned: Add the budget per network.').waitFor();
    expect(await status()).toEqual([{ number: 1, status: 'DRAFT' }]);

    // Submitted again by the owner, approved by the approver: the version in force.
    await ownerPage.reload();
    await row.getByText('Returned: Add the budget per network.').waitFor();
    await row.getByRole('button', { name: 'Submit' }).click();
    await ownerPage.getByRole('dialog').getByRole('button', { name: 'Submit' }).click();
    await row.getByText('Awaiting approval').waitFor();
    await approverPage.reload();
    await theirRow.getByRole('button', { name: 'Approve' }).click();
    await dialog.getByRole('textbox', { name: 'Comment (optional)' }).fill('Go.');
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await theirRow.getByText('Approved').waitFor();
    await approverPage.getByTestId('approved-version').getByText('Approved version 1').waitFor();
    expect(await status()).toEqual([{ number: 1, status: 'APPROVED' }]);
    expect(await axeProblems(approverPage)).toEqual([]);
    await h.screenshot(approverPage, 'strategy-versions');
    expect(h.pageProblems).toEqual([]);
  }, 90_000);

  it('sets a step no evidence measures, with its note; measured steps offer nothing to set', async () => {
    const owner = await h.signUpAgency('Agence Feuille de route');
    const org = await h.createClient(owner, 'Atelier Vidal');
    const page = await h.newPage(await h.freshContext());
    await h.logIn(page, owner.email);
    await page.goto(`${h.origin}/organizations/${org}/strategy/roadmap`);
    const steps = page.getByTestId('roadmap-step');
    await steps.nth(9).waitFor();
    // Step 8 (the task force's coordination) is set by hand; the nine others are measured.
    expect(await page.getByRole('button', { name: /^Update step/ }).count()).toBe(1);
    const step8 = steps.nth(7);
    await step8.getByRole('button', { name: /^Update step/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Done', { exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Content plan agreed with the client on 1 December.');
    expect(await axeProblems(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await step8.getByText('Content plan agreed with the client on 1 December.').waitFor();
    await step8.getByText('Done', { exact: true }).waitFor();
    const roadmap = await h.api.ok<{ roadmap: { steps: { number: number; status: string; note: string | null }[] } }>(
      '{ roadmap { steps { number status note } } }',
      {},
      { token: owner.token, organizationId: org },
    );
    expect(roadmap.roadmap.steps.find((s) => s.number === 8)).toEqual({
      number: 8,
      status: 'DONE',
      note: 'Content plan agreed with the client on 1 December.',
    });
    expect(h.pageProblems).toEqual([]);
  }, 90_000);
});
