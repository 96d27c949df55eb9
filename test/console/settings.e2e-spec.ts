import { PurgeOrganizationJob } from '@socle/accounts';
import { axeProblems, startConsoleHarness, type ConsoleHarness } from './browser-harness';

/**
 * A client's settings in a real browser: its profile saved (a refusal of the API next to its field, the new time zone
 * and language kept after a reload, the switcher showing the new name), then the client deleted by an agency owner
 * (a wrong confirmation refused at its field, nothing deleted), its purge followed on the page until its data is gone.
 */
describe('console: a client’s settings and its deletion', () => {
  let h: ConsoleHarness;

  beforeAll(async () => {
    h = await startConsoleHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('saves the profile, then deletes the client and follows its purge', async () => {
    const owner = await h.signUpAgency('Agence Réglages');
    const org = await h.createClient(owner, 'Fromagerie Martin', { locale: 'FR' });
    const page = await h.newPage(await h.freshContext());
    await h.logIn(page, owner.email);
    await page.goto(`${h.origin}/organizations/${org}/settings`);
    await page.getByRole('heading', { name: 'Settings of Fromagerie Martin' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await h.screenshot(page, 'settings');

    // A name the API refuses (over 200 characters): its message next to the field, nothing saved.
    const name = page.getByRole('textbox', { name: 'Name' });
    await name.fill('F'.repeat(201));
    await page.getByRole('button', { name: 'Save' }).click();
    await name.and(page.locator('[aria-invalid="true"]')).waitFor();
    const stored = async () =>
      (
        await h.admin.query<{ name: string; timezone: string; locale: string; sector: string | null }>(
          'SELECT name, timezone, locale, sector FROM organizations WHERE id = $1',
          [org],
        )
      ).rows[0];
    expect(await stored()).toMatchObject({ name: 'Fromagerie Martin', timezone: 'Europe/Paris', locale: 'fr' });
    const language = page.getByRole('combobox', { name: 'Language of its reports and mails' });
    expect(await language.inputValue()).toBe('Français');

    await name.fill('Fromagerie Martin & Fils');
    await page.getByRole('combobox', { name: 'Time zone' }).fill('Pacific/Auck');
    await page.getByRole('option', { name: 'Pacific/Auckland' }).click();
    await language.click();
    await page.getByRole('option', { name: 'English' }).click();
    await page.getByRole('textbox', { name: 'Sector' }).fill('Crèmerie');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    expect(await stored()).toEqual({ name: 'Fromagerie Martin & Fils', timezone: 'Pacific/Auckland', locale: 'en', sector: 'Crèmerie' });
    await page.reload();
    await page.getByRole('heading', { name: 'Settings of Fromagerie Martin & Fils' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Time zone' }).inputValue()).toBe('Pacific/Auckland');
    expect(await language.inputValue()).toBe('English');

    // Deleting: a wrong name is refused at its field and deletes nothing.
    await page.getByRole('button', { name: 'Delete the client…' }).click();
    const dialog = page.getByRole('dialog');
    const confirm = dialog.getByRole('textbox', { name: /Type the client’s name/ });
    await confirm.fill('Fromagerie');
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    await confirm.and(page.locator('[aria-invalid="true"]')).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    expect((await h.admin.query('SELECT status FROM organizations WHERE id = $1', [org])).rows[0]).toEqual({ status: 'ACTIVE' });

    await confirm.fill('Fromagerie Martin & Fils');
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    await page.getByText('The data is being purged in the background; this page follows it.').waitFor();
    expect((await h.admin.query('SELECT status FROM organizations WHERE id = $1', [org])).rows[0]).toEqual({
      status: 'DELETION_PENDING',
    });
    await h.screenshot(page, 'settings-purging');

    // The worker's purge (run here as the worker runs it): the page sees the client gone.
    const purge = h.api.app.get(PurgeOrganizationJob, { strict: false });
    await purge.handle({ organizationId: org, agencyId: owner.agencyId });
    await page.getByText('Fromagerie Martin & Fils and all its data are deleted.').waitFor();
    expect((await h.admin.query('SELECT 1 FROM organizations WHERE id = $1', [org])).rowCount).toBe(0);
    await page.getByRole('link', { name: 'Back to the portfolio' }).click();
    await page.waitForURL(`${h.origin}/portfolio`);
    expect(h.pageProblems).toEqual([]);
  }, 90_000);
});
