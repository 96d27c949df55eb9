import { Client } from 'pg';
import { DEFAULT_MATURITY_MODEL, DeclarativeCriterion } from '@socle/evaluation';
import { AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { adminDatabase, firstError } from './e2e-support';

const FIELDS = `id status finalizedAt assessedAt assessedOn overallScore previousAssessmentId previousOverallScore`;

interface Dated {
  id: string;
  status: string;
  finalizedAt: string | null;
  assessedAt: string | null;
  assessedOn: string | null;
  overallScore: number | null;
  previousAssessmentId: string | null;
  previousOverallScore: number | null;
}

const QUESTIONS = DEFAULT_MATURITY_MODEL.dimensions
  .flatMap((d) => d.criteria)
  .filter((c): c is DeclarativeCriterion => c.kind === 'DECLARATIVE');

const DAY_MS = 86_400_000;

/** The local day (YYYY-MM-DD) `offset` days from now in `timeZone`. */
function dayIn(timeZone: string, offset: number, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(now.getTime() + offset * DAY_MS),
  );
}

/**
 * Assessments dated in the past: an audit of last quarter recorded today is
 * dated then. The date is checked (a calendar day of the organisation, not in
 * the future, at most five years back, not before the latest finalised one),
 * the database holds the same rules, and the history, the portfolio, the live
 * score and the report read it. Another tenant can neither date nor read.
 */
describe('assessment dates', () => {
  let api: TestApi;
  let admin: Client;
  let owner: AgencySession;
  let other: AgencySession;
  let org: string;
  let otherOrg: string;
  // UTC+14: its "today" is tomorrow in UTC for ten hours a day, so a server-side UTC shortcut would show.
  const ZONE = 'Pacific/Kiritimati';

  const as = (organizationId = org, token = owner.token) => ({ token, organizationId });
  const start = async (organizationId = org): Promise<Dated> =>
    (
      await api.ok<{ startAssessment: Dated }>(
        `mutation { startAssessment(input: { modelId: "default" }) { ${FIELDS} } }`,
        {},
        as(organizationId),
      )
    ).startAssessment;
  const answerAll = async (id: string, value: number, organizationId = org) => {
    for (const q of QUESTIONS) {
      await api.ok(
        `mutation ($input: AnswerAssessmentCriterionInput!) { answerAssessmentCriterion(input: $input) { id } }`,
        { input: { assessmentId: id, criterionKey: q.key, value: Math.min(value, Math.max(...q.scale.map((o) => o.value))) } },
        as(organizationId),
      );
    }
  };
  const finalize = (assessmentId: string, assessedOn?: unknown, options = as()) =>
    api.gql<{ finalizeAssessment: Dated }>(
      `mutation ($input: FinalizeAssessmentInput!) { finalizeAssessment(input: $input) { ${FIELDS} } }`,
      { input: { assessmentId, ...(assessedOn === undefined ? {} : { assessedOn }) } },
      options,
    );
  const read = async (id: string, organizationId = org) =>
    (await api.ok<{ assessment: Dated }>(`query ($id: ID!) { assessment(id: $id) { ${FIELDS} } }`, { id }, as(organizationId))).assessment;
  const stored = async (id: string) =>
    (
      await admin.query<{ status: string; assessed_at: Date | null }>(
        'SELECT status, assessed_at FROM maturity_assessments WHERE id = $1',
        [id],
      )
    ).rows[0];
  /** Starts, answers every question with `value` and finalises dated `assessedOn`. */
  const complete = async (value: number, assessedOn?: string, organizationId = org): Promise<Dated> => {
    const draft = await start(organizationId);
    await answerAll(draft.id, value, organizationId);
    const res = await finalize(draft.id, assessedOn, as(organizationId));
    if (!res.body.data) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data.finalizeAssessment;
  };

  beforeAll(async () => {
    api = await TestApi.start();
    owner = await signUpAgency(api, 'Agence Dates');
    other = await signUpAgency(api, 'Agence Voisine');
    org = await createOrganization(api, owner, 'Client Daté');
    otherOrg = await createOrganization(api, other, 'Client Voisin');
    admin = await adminDatabase();
    await admin.query('UPDATE organizations SET timezone = $2 WHERE id = $1', [org, ZONE]);
  });
  afterAll(async () => {
    await admin.end();
    await api.stop();
  });

  it('refuses days that are not calendar days, in the future, too old, or hostile, with the field path, storing nothing', async () => {
    const draft = await start();
    const cases: unknown[] = [
      dayIn(ZONE, 1),
      dayIn(ZONE, 400),
      dayIn(ZONE, -5 * 366 - 2),
      '2026-02-30',
      '2026-13-01',
      '2026-00-10',
      '26-01-01',
      '2026-1-1',
      '2026-01-01T00:00:00Z',
      ` ${dayIn(ZONE, -1)}`,
      `${dayIn(ZONE, -1)}\u0000`,
      '\u0000',
      '2026-0\ud8001',
      '',
      '0000-01-01',
      'x'.repeat(200_000),
    ];
    for (const assessedOn of cases) {
      const error = firstError(await finalize(draft.id, assessedOn));
      expect({ assessedOn: String(assessedOn).slice(0, 30), ext: error.extensions }).toMatchObject({
        ext: { code: 'BAD_USER_INPUT' },
      });
      expect(JSON.stringify(error.extensions)).toContain('input.assessedOn');
    }
    for (const assessedOn of [12, true, ['2026-01-01'], { day: '2026-01-01' }]) {
      const res = await finalize(draft.id, assessedOn);
      expect(res.body.data ?? null).toBeNull();
      expect(res.body.errors?.length).toBeGreaterThan(0);
    }
    // A day that is not one is refused by the Date scalar itself, saying which form it expects; a day that is one but
    // not allowed, by the rules of assessments.
    const notADay = firstError(await finalize(draft.id, '2026-02-30'));
    expect(notADay.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.assessedOn',
      problems: [
        {
          field: 'input.assessedOn',
          message: 'Expected a calendar day written YYYY-MM-DD (such as 2026-10-01), got "2026-02-30": that day does not exist.',
        },
      ],
    });
    expect(firstError(await finalize(draft.id, dayIn(ZONE, 1))).message).toMatch(/is in the future/);
    expect(await stored(draft.id)).toEqual({ status: 'DRAFT', assessed_at: null });
    expect((await read(draft.id)).assessedAt).toBeNull();
    // The oldest day allowed (five years back to the day) is accepted: the bound is not off by one.
    const fiveYears = (() => {
      const [y, m, d] = dayIn(ZONE, 0).split('-').map(Number);
      const date = new Date(0);
      date.setUTCFullYear(y - 5, m - 1, d);
      return date.toISOString().slice(0, 10);
    })();
    const oldest = (await finalize(draft.id, fiveYears)).body.data?.finalizeAssessment;
    expect(oldest?.assessedOn).toBe(fiveYears);
  });

  it('dates assessments in the past, keeps the finalisation time, and orders the history, trend and previous by date', async () => {
    const early = await complete(1, dayIn(ZONE, -270));
    const middle = await complete(3, dayIn(ZONE, -180));
    const before = Date.now();
    const today = await complete(4, dayIn(ZONE, 0));
    // A past day is stored as its last millisecond in the organisation's time zone.
    expect(early.assessedOn).toBe(dayIn(ZONE, -270));
    expect(dayIn(ZONE, 0, new Date(early.assessedAt as string))).toBe(early.assessedOn);
    expect(dayIn(ZONE, 0, new Date(Date.parse(early.assessedAt as string) + 1))).not.toBe(early.assessedOn);
    expect(Date.parse(early.finalizedAt as string)).toBeGreaterThan(Date.now() - 10 * 60_000);
    // Today: the finalisation time itself.
    expect(today.assessedAt).toBe(today.finalizedAt);
    expect(Date.parse(today.assessedAt as string)).toBeGreaterThanOrEqual(before - 1000);
    expect(middle).toMatchObject({ previousAssessmentId: early.id, previousOverallScore: early.overallScore });
    expect(today).toMatchObject({ previousAssessmentId: middle.id, previousOverallScore: middle.overallScore });

    const list = await api.ok<{ assessments: { edges: { node: { id: string; assessedOn: string | null } }[] } }>(
      '{ assessments(first: 10) { edges { node { id assessedOn } } } }',
      {},
      as(),
    );
    const finalised = list.assessments.edges.map((e) => e.node).filter((n) => [early.id, middle.id, today.id].includes(n.id));
    expect(finalised.map((n) => n.id)).toEqual([today.id, middle.id, early.id]);
    // Paging follows the same order (the cursor carries the date).
    const first = await api.ok<{ assessments: { pageInfo: { endCursor: string }; edges: { node: { id: string } }[] } }>(
      '{ assessments(first: 1) { pageInfo { endCursor } edges { node { id } } } }',
      {},
      as(),
    );
    expect(first.assessments.edges[0].node.id).toBe(today.id);
    const second = await api.ok<{ assessments: { edges: { node: { id: string } }[] } }>(
      'query ($after: String) { assessments(first: 1, after: $after) { edges { node { id } } } }',
      { after: first.assessments.pageInfo.endCursor },
      as(),
    );
    expect(second.assessments.edges[0].node.id).toBe(middle.id);
  });

  it('refuses a day before the latest finalised assessment, and accepts the same day', async () => {
    const client = await createOrganization(api, owner, 'Client Ordonné');
    await complete(2, dayIn('Europe/Paris', -60), client);
    const draft = await start(client);
    const error = firstError(await finalize(draft.id, dayIn('Europe/Paris', -61), as(client)));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(error.extensions)).toContain('input.assessedOn');
    expect(error.message + JSON.stringify(error.extensions)).toContain(dayIn('Europe/Paris', -60));
    expect(await stored(draft.id)).toEqual({ status: 'DRAFT', assessed_at: null });
    const same = (await finalize(draft.id, dayIn('Europe/Paris', -60), as(client))).body.data?.finalizeAssessment;
    expect(same?.assessedOn).toBe(dayIn('Europe/Paris', -60));
    // After an undated one (today), no earlier day any more.
    await complete(2, undefined, client);
    const late = await start(client);
    expect(firstError(await finalize(late.id, dayIn('Europe/Paris', -1), as(client))).extensions.code).toBe('BAD_USER_INPUT');
  });

  it('finalises undated drafts of one organisation at the same time, each dated when it took its turn', async () => {
    const client = await createOrganization(api, owner, 'Client Simultané');
    const drafts = await Promise.all(Array.from({ length: 8 }, () => start(client)));
    // Each transaction starts before it waits for the organisation's turn: a date taken from the transaction's
    // start would put a later turn before an earlier one, which the database refuses.
    const results = await Promise.all(drafts.map((d) => finalize(d.id, undefined, as(client))));
    expect(results.map((r) => r.body.errors ?? null)).toEqual(drafts.map(() => null));
    const rows = await admin.query<{ assessed_at: Date; finalized_at: Date }>(
      `SELECT assessed_at, finalized_at FROM maturity_assessments WHERE organization_id = $1 ORDER BY assessed_at`,
      [client],
    );
    expect(rows.rows).toHaveLength(8);
    for (const row of rows.rows) expect(row.assessed_at.getTime()).toBe(row.finalized_at.getTime());
  });

  it('the database holds the rules: set when finalised only, not after the finalisation, not too old, in order', async () => {
    const client = await createOrganization(api, owner, 'Client Contraint');
    const draft = await start(client);
    const finalise = (assessedAt: string | null) =>
      admin.query(
        `UPDATE maturity_assessments SET status = 'FINALIZED', finalized_at = now(), assessed_at = $2::timestamptz,
                overall_score = 10, level = 1, dimension_scores = '{}', evidence = '{}', recommendations = '[]'
          WHERE id = $1`,
        [draft.id, assessedAt],
      );
    await expect(finalise(new Date(Date.now() + DAY_MS).toISOString())).rejects.toThrow(/maturity_assessments_assessed_range_check/);
    await expect(finalise(new Date(Date.now() - 6 * 366 * DAY_MS).toISOString())).rejects.toThrow(
      /maturity_assessments_assessed_range_check/,
    );
    const dated = await complete(2, dayIn('Europe/Paris', -30), client);
    await expect(finalise(new Date(Date.parse(dated.assessedAt as string) - DAY_MS).toISOString())).rejects.toThrow(
      /before an assessment already finalised/,
    );
    await expect(admin.query('UPDATE maturity_assessments SET assessed_at = now() WHERE id = $1', [draft.id])).rejects.toThrow(
      /maturity_assessments_assessed_check/,
    );
    expect(await stored(draft.id)).toEqual({ status: 'DRAFT', assessed_at: null });
    // Finalised without a date (a direct write): dated by its finalisation time.
    await finalise(null);
    const row = await admin.query<{ same: boolean }>('SELECT assessed_at = finalized_at AS same FROM maturity_assessments WHERE id = $1', [
      draft.id,
    ]);
    expect(row.rows[0].same).toBe(true);
    // And the date of a finalised assessment never changes.
    await expect(
      admin.query(`UPDATE maturity_assessments SET assessed_at = assessed_at - interval '1 day' WHERE id = $1`, [dated.id]),
    ).rejects.toThrow(/finalised and cannot change/);
    // A history imported by an operator (rows inserted already finalised) is held by the range only, and dated by default.
    const insert = (finalizedDaysAgo: number, assessedAt: string | null) =>
      admin.query<{ assessed_at: Date; finalized_at: Date }>(
        `INSERT INTO maturity_assessments (organization_id, model_id, model_version, model_content, status, started_at, finalized_at,
           assessed_at, overall_score, level, dimension_scores, evidence, recommendations)
         VALUES ($1, 'default', 1, $4::jsonb, 'FINALIZED', now() - make_interval(days => $2), now() - make_interval(days => $2), $3::timestamptz,
                 5, 1, '{}', '{}', '[]')
         RETURNING assessed_at, finalized_at`,
        [client, finalizedDaysAgo, assessedAt, JSON.stringify(DEFAULT_MATURITY_MODEL)],
      );
    const imported = (await insert(400, null)).rows[0];
    expect(imported.assessed_at).toEqual(imported.finalized_at);
    await expect(insert(400, new Date(Date.now() - 300 * DAY_MS).toISOString())).rejects.toThrow(
      /maturity_assessments_assessed_range_check/,
    );
    // Recorded now, made 200 days ago: the history reads it where it was made, not where it was recorded.
    await insert(0, new Date(Date.now() - 200 * DAY_MS).toISOString());
    const history = await api.ok<{ assessments: { edges: { node: { id: string; assessedAt: string } }[] } }>(
      '{ assessments(first: 10) { edges { node { id assessedAt } } } }',
      {},
      as(client),
    );
    const dates = history.assessments.edges.map((e) => Date.parse(e.node.assessedAt));
    expect(dates).toHaveLength(4);
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    expect(history.assessments.edges[1].node.id).toBe(dated.id);
  });

  it('the portfolio, the live score and the report read the date', async () => {
    const client = await createOrganization(api, owner, 'Client Portefeuille Daté');
    const zone = 'Europe/Paris';
    const older = await complete(1, dayIn(zone, -100), client);
    const newer = await complete(4, dayIn(zone, -40), client);
    const portfolio = await api.ok<{
      portfolio: {
        edges: { node: { organizationId: string; trend: number | null; daysSinceAssessment: number | null; lastAssessment: Dated } }[];
      };
    }>(
      'query ($s: String) { portfolio(first: 5, filter: { search: $s }) { edges { node { organizationId trend daysSinceAssessment lastAssessment { id finalizedAt assessedAt previousScore } } } } }',
      { s: 'Portefeuille Daté' },
      { token: owner.token },
    );
    const node = portfolio.portfolio.edges.find((e) => e.node.organizationId === client)?.node;
    expect(node?.lastAssessment).toMatchObject({ id: newer.id, assessedAt: newer.assessedAt, previousScore: older.overallScore });
    expect(node?.trend).toBeCloseTo((newer.overallScore as number) - (older.overallScore as number), 1);
    expect(node?.daysSinceAssessment).toBeGreaterThanOrEqual(38);
    expect(node?.daysSinceAssessment).toBeLessThanOrEqual(40);
    const filtered = async (filter: string) =>
      (
        await api.ok<{ portfolio: { edges: { node: { organizationId: string } }[] } }>(
          `{ portfolio(first: 50, filter: { search: "Portefeuille Daté", ${filter} }) { edges { node { organizationId } } } }`,
          {},
          { token: owner.token },
        )
      ).portfolio.edges.map((e) => e.node.organizationId);
    expect(await filtered('assessedWithinDays: 30')).not.toContain(client);
    expect(await filtered('notAssessedForDays: 30')).toContain(client);
    expect(await filtered('assessedWithinDays: 45')).toContain(client);

    const radar = await api.ok<{ organizationMaturityRadar: { at: string } }>(
      'query ($id: ID!) { organizationMaturityRadar(organizationId: $id, source: ASSESSMENT) { at } }',
      { id: client },
      { token: owner.token },
    );
    expect(radar.organizationMaturityRadar.at).toBe(newer.assessedAt);

    // Answers recorded today for an assessment of 40 days ago are 40 days old.
    const live = await api.ok<{
      recomputeLiveScore: { criteria: { key: string; source: string; ageDays: number | null; answeredAt: string | null }[] };
    }>('mutation { recomputeLiveScore { criteria { key source ageDays answeredAt } } }', {}, as(client));
    const carried = live.recomputeLiveScore.criteria.filter((c) => c.source === 'ASSESSMENT');
    expect(carried.length).toBeGreaterThan(0);
    for (const c of carried) {
      expect(c.ageDays).toBeGreaterThanOrEqual(38);
      expect(c.ageDays).toBeLessThanOrEqual(40);
      expect(c.answeredAt).toBe(newer.assessedAt);
    }

    const report = await api.ok<{ assessmentReport: { filename: string; base64: string } }>(
      'query ($input: AssessmentReportInput!) { assessmentReport(input: $input) { filename base64 } }',
      { input: { assessmentId: newer.id, format: 'CSV', locale: 'EN' } },
      as(client),
    );
    expect(report.assessmentReport.filename).toContain(dayIn(zone, -40));
    const csv = Buffer.from(report.assessmentReport.base64, 'base64').toString('utf8');
    const [y, m, d] = dayIn(zone, -40).split('-').map(Number);
    const shown = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(y, m - 1, d)),
    );
    expect(csv).toContain(`Assessment made on ${shown}`);
  });

  it('another tenant can neither date nor read an assessment', async () => {
    const draft = await start();
    // The other agency, in its own organisation, aiming at this one's draft.
    const dated = await finalize(draft.id, dayIn(ZONE, -10), { token: other.token, organizationId: otherOrg });
    expect(dated.body.data ?? null).toBeNull();
    expect(firstError(dated).extensions.code).toBe('NOT_FOUND');
    // The other agency naming this organisation.
    const named = await finalize(draft.id, dayIn(ZONE, -10), { token: other.token, organizationId: org });
    expect(named.body.data ?? null).toBeNull();
    expect(firstError(named).extensions.code).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
    const readOther = await api.gql(
      `query ($id: ID!) { assessment(id: $id) { ${FIELDS} } }`,
      { id: draft.id },
      {
        token: other.token,
        organizationId: otherOrg,
      },
    );
    expect(firstError(readOther).extensions.code).toBe('NOT_FOUND');
    expect(await stored(draft.id)).toEqual({ status: 'DRAFT', assessed_at: null });
    // Nor does its history move: the other organisation's list does not hold it.
    const list = await api.ok<{ assessments: { edges: { node: { id: string } }[] } }>(
      '{ assessments(first: 50) { edges { node { id } } } }',
      {},
      { token: other.token, organizationId: otherOrg },
    );
    expect(list.assessments.edges.map((e) => e.node.id)).not.toContain(draft.id);
  });
});
