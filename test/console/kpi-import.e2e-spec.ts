import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { axeProblems, startConsoleHarness, type ConsoleHarness } from './browser-harness';

/**
 * A KPI's values imported from a CSV file in a real browser: a file with a wrong line refused as a whole (each
 * problem with its line, nothing stored), then a good one imported (the count said, the values listed with their
 * source, the KPI's other values untouched).
 */
describe('console: KPI values imported from a CSV file', () => {
  let h: ConsoleHarness;

  beforeAll(async () => {
    h = await startConsoleHarness();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('refuses a file with a wrong line whole, then imports a good one', async () => {
    const owner = await h.signUpAgency('Agence Import');
    const org = await h.createClient(owner, 'Cave Lambert');
    const asOwner = <T>(query: string, input: Record<string, unknown>) =>
      h.api.ok<T>(query, { input }, { token: owner.token, organizationId: org });
    const objective = await asOwner<{ createObjective: { id: string } }>(
      'mutation ($input: CreateObjectiveInput!) { createObjective(input: $input) { id } }',
      {
        kind: 'BRAND',
        title: 'Bring visitors',
        metric: 'visits',
        baseline: 10,
        target: 90,
        deadline: `${new Date().getUTCFullYear() + 1}-06-30`,
      },
    );
    const kpi = await asOwner<{ createKpi: { id: string } }>('mutation ($input: CreateKpiInput!) { createKpi(input: $input) { id } }', {
      objectiveId: objective.createObjective.id,
      name: 'Visits from social',
      metric: 'visits',
      frequency: 'MONTHLY',
      target: 90,
    });
    const kpiId = kpi.createKpi.id;
    const stored = async () =>
      (
        await h.admin.query<{ date: string; value: string; source: string }>(
          "SELECT to_char(measured_at, 'YYYY-MM-DD') AS date, trim_scale(value)::text AS value, source FROM kpi_values WHERE kpi_id = $1 ORDER BY measured_at",
          [kpiId],
        )
      ).rows;

    const page = await h.newPage(await h.freshContext());
    await h.logIn(page, owner.email);
    await page.goto(`${h.origin}/organizations/${org}/strategy/objectives`);
    const objectiveCard = page.getByTestId('objective').filter({ hasText: 'Bring visitors' });
    await objectiveCard.getByRole('button', { name: 'Progress of Visits from social' }).click();
    const progress = page.getByTestId('kpi-progress');
    await progress.getByRole('button', { name: 'Import values (CSV)…' }).click();
    const dialog = page.getByRole('dialog');

    // A file whose third line is not a number: refused whole, the line named, nothing stored.
    const bad = join(tmpdir(), `kpi-bad-${process.pid}.csv`);
    writeFileSync(bad, 'date,value,note\n2026-09-30,40,September\n2026-10-31,forty,October\n');
    await dialog.locator('input[type="file"]').setInputFiles(bad);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    const refusal = dialog.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/line 3/);
    expect(await axeProblems(page)).toEqual([]);
    expect(await stored()).toEqual([]);

    // Pasted, corrected: both values stored, the count said, the list follows.
    await dialog
      .getByRole('textbox', { name: 'Or paste the values' })
      .fill('date;value;note\n2026-09-30;40,5;September\n2026-10-31;44;October');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByRole('status').getByText('2 values imported.').waitFor();
    expect(await stored()).toEqual([
      { date: '2026-09-30', value: '40.5', source: 'CSV_IMPORT' },
      { date: '2026-10-31', value: '44', source: 'CSV_IMPORT' },
    ]);
    await h.screenshot(page, 'strategy-kpi-import');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await progress.getByTestId('kpi-value').filter({ hasText: '44' }).waitFor();
    expect(await progress.getByTestId('kpi-value').count()).toBe(2);
    expect(h.pageProblems).toEqual([]);
  }, 90_000);
});
