import type { Page } from 'playwright-core';
import { axeProblems, startConsoleHarness, type ConsoleHarness } from './browser-harness';

/**
 * A client's maturity evaluation in a real browser: the live score recomputed with its coverage, an assessment started
 * on the built-in model and answered question by question, a future date refused next to its field, the assessment
 * finalised with its scores per dimension, level, measured evidence and recommendations, its PDF and CSV downloaded,
 * and the score history: the live score day by day (kept scores written as the database owner, then two recomputations)
 * with an earlier assessment, over three or twelve months.
 */
describe('console: a client evaluation', () => {
  let h: ConsoleHarness;
  let owner: Awaited<ReturnType<ConsoleHarness['signUpAgency']>>;
  let org = '';

  /** axe-core on the whole page, header included: no serious or critical violation. */
  const noSeriousViolation = async (page: Page) => {
    expect(await axeProblems(page)).toEqual([]);
  };

  /** What `probe` answers once it answers `expected`, or its last answer after `timeoutMs`. */
  const settled = async <T>(probe: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value === expected || Date.now() > deadline) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    h = await startConsoleHarness();
    owner = await h.signUpAgency('Agence Évaluation');
    org = (
      await h.api.ok<{ createOrganization: { id: string } }>(
        'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
        { input: { name: 'Coopérative du Léon', timezone: 'America/Toronto', locale: 'EN' } },
        { token: owner.token },
      )
    ).createOrganization.id;
    // An earlier assessment, two months ago, left unanswered: the history has a first point and the next one a trend.
    const as = { token: owner.token, organizationId: org };
    const earlier = await h.api.ok<{ startAssessment: { id: string } }>(
      'mutation { startAssessment(input: { modelId: "default" }) { id } }',
      {},
      as,
    );
    await h.api.ok(
      'mutation ($input: FinalizeAssessmentInput!) { finalizeAssessment(input: $input) { id } }',
      { input: { assessmentId: earlier.startAssessment.id, assessedOn: daysAgo(60) } },
      as,
    );
    // Live scores kept by earlier nights: two in the last three months, one in the last twelve only.
    for (const [days, score] of [
      [20, 31],
      [50, 27],
      [200, 12],
    ]) {
      await h.admin.query(
        `INSERT INTO maturity_live_scores (organization_id, computed_at, model_id, model_version, overall_score, level,
           coverage_evidence, coverage_assessment, coverage_unknown)
         VALUES ($1, now() - make_interval(days => $2), 'default', 4, $3, 2, 0.5, 0.2, 0.3)`,
        [org, days, score],
      );
    }
  }, 180_000);

  afterAll(async () => {
    await h?.close();
  });

  it('recomputes the live score, runs an assessment question by question, shows its results and downloads its reports', async () => {
    const context = await h.freshContext();
    const page = await h.newPage(context);
    await h.logIn(page, owner.email);
    await page.goto(`${h.origin}/organizations/${org}/evaluation`);

    // The earlier assessment listed; the history drawn.
    await page.getByTestId('assessment-row').filter({ hasText: 'Finalised' }).waitFor();
    await page.getByTestId('score-history').locator('.recharts-line').first().waitFor({ state: 'attached' });

    // The live score, recomputed now, with the share measured, carried from the last assessment and unknown.
    const live = page.getByTestId('live-score');
    await live.getByRole('button', { name: 'Recompute now' }).click();
    const coverage = live.getByTestId('live-coverage');
    await coverage.waitFor();
    const shares = (await coverage.locator('p').allTextContents()).filter((text) => text.endsWith('%'));
    expect(shares).toHaveLength(3);
    expect(shares.map((s) => Number(s.replace(/[^0-9]/g, ''))).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(99);
    await live.getByText(/Measured part alone/).waitFor();

    // Recomputed twice: today's point is the second one, beside the latest coverage; the two kept nights and the earlier
    // assessment are the other points of the last three months.
    const history = page.getByTestId('score-history');
    const recompute = live.getByRole('button', { name: 'Recompute now' });
    await recompute.click();
    await live.locator('button[data-loading]').waitFor({ state: 'detached' });
    const latest = (await live.locator('p').first().textContent()) ?? '';
    await history.getByTestId('history-coverage').getByText(`Latest live score, ${latest}, computed on`).waitFor();
    await history.getByRole('button', { name: 'Show the points as a table' }).click();
    const table = history.getByRole('table', { name: 'Score history, newest day first' });
    const rows = table.locator('tbody tr');
    expect(await settled(() => rows.count(), 4)).toBe(4);
    expect(await rows.first().locator('td').nth(1).textContent()).toBe(latest);
    expect(await rows.allTextContents()).toEqual([
      expect.stringContaining(latest),
      expect.stringMatching(/31—$/),
      expect.stringMatching(/27—$/),
      expect.stringMatching(/—[\d.]+$/),
    ]);
    // The live line has one dot a day, the assessments their own.
    // (Recharts draws each series' dots in a layer of their own, in the order of the series.)
    const dots = (series: number) => history.locator('.recharts-line-dots').nth(series).locator('.recharts-line-dot').count();
    expect(await settled(() => dots(0), 3)).toBe(3);
    expect(await settled(() => dots(1), 1)).toBe(1);
    await h.screenshot(page, 'evaluation-overview');
    await noSeriousViolation(page);

    // Twelve months: the older night too.
    await history.getByText('12 months').click();
    expect(await settled(() => rows.count(), 5)).toBe(5);
    expect(await rows.last().textContent()).toMatch(/12—$/);
    await noSeriousViolation(page);

    // A new assessment on the built-in model, one question per screen.
    await page.getByRole('button', { name: 'Start an assessment' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Start', exact: true }).click();
    await page.waitForURL((url) => /\/evaluation\/[0-9a-f-]{36}$/.test(url.pathname));
    const total = Number((await page.getByText(/^Question 1 of \d+/).textContent())?.match(/of (\d+)/)?.[1]);
    expect(total).toBeGreaterThan(2);
    await page.getByRole('radio').last().check();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByText(new RegExp(`^Question 2 of ${total}`)).waitFor();
    await page.getByText(`1 of ${total} questions answered`).waitFor();
    await page.getByRole('radio').last().check();
    await page.getByRole('textbox', { name: 'Comment (optional)' }).fill('Weekly reviews since the spring.');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByText(`2 of ${total} questions answered`).waitFor();
    // Back: the answer given is still chosen.
    await page.getByRole('button', { name: 'Previous' }).click();
    expect(await page.getByRole('radio').last().isChecked()).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Comment (optional)' }).inputValue()).toBe('Weekly reviews since the spring.');
    await h.screenshot(page, 'evaluation-question');
    await noSeriousViolation(page);

    // Finalise: a day in the future is refused next to its field.
    await page.getByRole('button', { name: 'Go to finalising' }).click();
    await page.getByText(`${total - 2} questions are still unanswered`).waitFor();
    const day = page.getByLabel('Day the assessment was made');
    await day.fill(`${new Date().getUTCFullYear() + 1}-01-15`);
    await page.getByRole('button', { name: 'Finalise', exact: true }).click();
    await page.locator('input[aria-invalid="true"]').waitFor();
    expect(await day.getAttribute('aria-invalid')).toBe('true');
    await day.fill('');
    await page.getByRole('button', { name: 'Finalise', exact: true }).click();

    // Results: score, level, dimensions with their change, evidence measured, recommendations.
    await page.getByTestId('overall-score').waitFor();
    expect(Number((await page.getByTestId('overall-score').textContent())?.replace(',', '.'))).toBeGreaterThan(0);
    await page.getByTestId('assessment-level').waitFor();
    expect(await page.getByTestId('dimension-row').count()).toBeGreaterThan(1);
    await page.getByTestId('evidence-row').first().waitFor();
    expect(await page.getByTestId('evidence-row').first().locator('td').nth(2).textContent()).not.toBe('—');
    await page
      .getByTestId('recommendations')
      .getByText(/\+[\d.]+ points/)
      .first()
      .waitFor();
    await page.getByText(/since the previous assessment/).waitFor();
    await h.screenshot(page, 'evaluation-results');
    await noSeriousViolation(page);

    // The reports, through the API's download links.
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the PDF' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);

    // Back to the list: two finalised assessments; French.
    await page.getByRole('link', { name: '← All assessments' }).click();
    await page.getByTestId('assessment-row').nth(1).waitFor();
    expect(await page.getByTestId('assessment-row').filter({ hasText: 'Finalised' }).count()).toBe(2);
    await page.getByText('FR', { exact: true }).click();
    await page.getByRole('heading', { name: 'Évaluation de la maturité' }).waitFor();

    expect(h.elsewhere()).toEqual([]);
    expect(h.pageProblems).toEqual([]);
    await context.close();
  }, 120_000);
});
