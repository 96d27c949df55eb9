import { Client } from 'pg';
import { RecomputeLiveScoreJob } from '@socle/evaluation';
import { statementCounter } from '@socle/platform-database';
import { createWorker, RunningWorker } from '@socle/worker';
import {
  addOrganizationMember,
  AgencySession,
  createOrganization,
  signUpAgency,
  STRONG_PASSWORD,
  TestApi,
  uniqueEmail,
} from '@socle/testing';
import { firstError } from './e2e-support';

/**
 * The agency portfolio, the radar and the comparison, over assessments written
 * as the database owner (the assessment workflow has its own suite), and the
 * live scores recomputed on demand and by the nightly job through the real
 * worker and Redis.
 */
const t = (en: string, fr: string) => ({ en, fr });
const MODEL = {
  name: t('Test model', 'Modèle de test'),
  description: t('', ''),
  levels: [1, 2, 3, 4, 5].map((n) => ({ number: n, name: t(`Level ${n}`, `Niveau ${n}`), description: t('', ''), minScore: (n - 1) * 20 })),
  dimensions: [
    {
      key: 'strategy',
      title: t('Strategy', 'Stratégie'),
      description: t('', ''),
      weight: 1,
      criteria: [
        {
          key: 'strategy.q',
          kind: 'DECLARATIVE',
          title: t('Q', 'Q'),
          weight: 1,
          source: 'seed 001',
          recommendation: t('r', 'r'),
          question: t('?', '?'),
          scale: [0, 1].map((value) => ({ value, score: value, label: t(`${value}`, `${value}`), meaning: t('', '') })),
        },
      ],
    },
    {
      key: 'review',
      title: t('Evaluation', 'Évaluation'),
      description: t('', ''),
      weight: 1,
      criteria: [
        {
          key: 'review.recent',
          kind: 'EVIDENCE',
          title: t('Recent', 'Récente'),
          weight: 1,
          source: 'seed 002, step 10',
          recommendation: t('r', 'r'),
          evidenceKey: 'evaluation.recentAssessment',
        },
      ],
    },
  ],
};
const MODEL_ID = '0b6f2a52-7a43-4d35-9f0e-2c4b8d1e6a10';

const PORTFOLIO = `query ($first: Int, $after: String, $sort: PortfolioSortInput, $filter: PortfolioFilterInput) {
  portfolio(first: $first, after: $after, sort: $sort, filter: $filter) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node {
      organizationId name trend daysSinceAssessment
      lastAssessment { id score level levelName previousScore finalizedAt }
      weakestDimension { key title score }
      liveScore { score level computedAt change }
    } }
  }
}`;

interface Entry {
  organizationId: string;
  name: string;
  trend: number | null;
  daysSinceAssessment: number | null;
  lastAssessment: { id: string; score: number | null; level: number | null; levelName: string | null; previousScore: number | null } | null;
  weakestDimension: { key: string; title: string; score: number } | null;
  liveScore: { score: number | null; level: number | null; computedAt: string; change: number | null } | null;
}
interface Page {
  portfolio: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: Entry }[];
  };
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('portfolio, radar, comparison and live scores', () => {
  let api: TestApi;
  let admin: Client;
  let worker: RunningWorker | undefined;
  let owner: AgencySession;
  let other: AgencySession;
  const org: Record<'alpha' | 'bravo' | 'charlie' | 'foreign', string> = { alpha: '', bravo: '', charlie: '', foreign: '' };

  const finalised = async (
    organizationId: string,
    agencyId: string,
    daysAgo: number,
    score: number,
    level: number,
    dims: Record<string, number | null>,
  ) => {
    await admin.query(
      `INSERT INTO maturity_assessments (organization_id, model_agency_id, model_id, model_version, model_content, status, started_at, finalized_at,
         overall_score, level, dimension_scores, evidence, recommendations)
       VALUES ($1, $2, $3, 1, $4, 'FINALIZED', now() - make_interval(days => $5), now() - make_interval(days => $5), $6, $7, $8, '{}', '[]')`,
      [organizationId, agencyId, MODEL_ID, JSON.stringify(MODEL), daysAgo, score, level, JSON.stringify(dims)],
    );
  };
  const page = async (variables: Record<string, unknown>, token = owner.token) =>
    (await api.ok<Page>(PORTFOLIO, variables, { token })).portfolio;
  const names = async (variables: Record<string, unknown>, token = owner.token) =>
    (await page(variables, token)).edges.map((e) => e.node.name);

  beforeAll(async () => {
    api = await TestApi.start();
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    owner = await signUpAgency(api, 'Agence Portefeuille');
    other = await signUpAgency(api, 'Agence Voisine');
    org.charlie = await createOrganization(api, owner, 'Charlie Café');
    org.alpha = await createOrganization(api, owner, 'Alpha Assurances');
    org.bravo = await createOrganization(api, owner, 'Bravo Vélos');
    org.foreign = await createOrganization(api, other, 'Alpha Étranger');
    // Alpha: assessed twice (40 then 62.5), Bravo once long ago, Charlie never (a draft does not count).
    await finalised(org.alpha, owner.agencyId, 120, 40, 3, { strategy: 30, review: 50 });
    await finalised(org.alpha, owner.agencyId, 10, 62.5, 4, { strategy: 25, review: 100 });
    await finalised(org.bravo, owner.agencyId, 200, 30, 2, { strategy: 50, review: 10 });
    await admin.query(
      `INSERT INTO maturity_assessments (organization_id, model_agency_id, model_id, model_version, model_content, status) VALUES ($1, $2, $3, 1, $4, 'DRAFT')`,
      [org.charlie, owner.agencyId, MODEL_ID, JSON.stringify(MODEL)],
    );
    await finalised(org.foreign, other.agencyId, 5, 99, 5, { strategy: 99, review: 99 });
  });
  afterAll(async () => {
    await worker?.close();
    await admin.end();
    await api.stop();
  });

  it("lists the agency's organisations by name with their latest assessment, trend, weakest dimension and days since", async () => {
    const p = await page({});
    expect(p.totalCount).toBe(3);
    expect(p.edges.map((e) => e.node.name)).toEqual(['Alpha Assurances', 'Bravo Vélos', 'Charlie Café']);
    const [alpha, bravo, charlie] = p.edges.map((e) => e.node);
    expect(alpha).toMatchObject({
      organizationId: org.alpha,
      trend: 22.5,
      daysSinceAssessment: 10,
      lastAssessment: { score: 62.5, level: 4, levelName: 'Niveau 4', previousScore: 40 }, // the owner reads French
      weakestDimension: { key: 'strategy', title: 'Stratégie', score: 25 },
      liveScore: null,
    });
    expect(bravo).toMatchObject({
      trend: null,
      daysSinceAssessment: 200,
      lastAssessment: { score: 30, level: 2, previousScore: null },
      weakestDimension: { key: 'review', score: 10 },
    });
    expect(charlie).toMatchObject({
      lastAssessment: null,
      trend: null,
      weakestDimension: null,
      daysSinceAssessment: null,
      liveScore: null,
    });
    // Another agency's organisation never appears, not even by name.
    expect(await names({ filter: { search: 'Alpha' } })).toEqual(['Alpha Assurances']);
  });

  it('sorts by score, level, trend and days since the last assessment, missing values last', async () => {
    expect(await names({ sort: { field: 'SCORE', direction: 'DESC' } })).toEqual(['Alpha Assurances', 'Bravo Vélos', 'Charlie Café']);
    expect(await names({ sort: { field: 'SCORE', direction: 'ASC' } })).toEqual(['Bravo Vélos', 'Alpha Assurances', 'Charlie Café']);
    expect(await names({ sort: { field: 'LEVEL' } })).toEqual(['Bravo Vélos', 'Alpha Assurances', 'Charlie Café']);
    expect(await names({ sort: { field: 'TREND', direction: 'DESC' } })).toEqual(['Alpha Assurances', 'Bravo Vélos', 'Charlie Café']);
    expect(await names({ sort: { field: 'DAYS_SINCE_ASSESSMENT', direction: 'DESC' } })).toEqual([
      'Charlie Café',
      'Bravo Vélos',
      'Alpha Assurances',
    ]);
    expect(await names({ sort: { field: 'NAME', direction: 'DESC' } })).toEqual(['Charlie Café', 'Bravo Vélos', 'Alpha Assurances']);
  });

  it('filters by level, score, assessment age and name', async () => {
    expect(await names({ filter: { levelMin: 3 } })).toEqual(['Alpha Assurances']);
    expect(await names({ filter: { levelMax: 2 } })).toEqual(['Bravo Vélos']);
    expect(await names({ filter: { scoreBelow: 50 } })).toEqual(['Bravo Vélos']);
    expect(await names({ filter: { scoreAbove: 30 } })).toEqual(['Alpha Assurances']);
    expect(await names({ filter: { assessedWithinDays: 30 } })).toEqual(['Alpha Assurances']);
    expect(await names({ filter: { notAssessedForDays: 100 } })).toEqual(['Bravo Vélos', 'Charlie Café']);
    expect(await names({ filter: { search: 'vélo' } })).toEqual(['Bravo Vélos']);
    expect(await names({ filter: { search: '%' } })).toEqual([]);
    const p = await page({ filter: { levelMin: 2, scoreBelow: 90 }, sort: { field: 'SCORE', direction: 'DESC' } });
    expect([p.totalCount, p.edges.map((e) => e.node.name)]).toEqual([2, ['Alpha Assurances', 'Bravo Vélos']]);
  });

  it('refuses bad filters and cursors with the field at fault', async () => {
    const contradictory = firstError(await api.gql(PORTFOLIO, { filter: { levelMin: 4, levelMax: 2 } }, { token: owner.token }));
    expect(contradictory.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.levelMin' });
    const outOfRange = firstError(await api.gql(PORTFOLIO, { filter: { scoreBelow: 101 } }, { token: owner.token }));
    expect(outOfRange.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.scoreBelow' });
    const first = await page({ first: 1, sort: { field: 'SCORE' } });
    const reused = firstError(
      await api.gql(PORTFOLIO, { first: 1, after: first.pageInfo.endCursor, sort: { field: 'LEVEL' } }, { token: owner.token }),
    );
    expect(reused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(firstError(await api.gql(PORTFOLIO, { after: 'forged' }, { token: owner.token })).extensions.field).toBe('after');
  });

  it('pages with opaque cursors', async () => {
    const sort = { field: 'SCORE', direction: 'DESC' };
    const one = await page({ first: 2, sort });
    expect(one.edges.map((e) => e.node.name)).toEqual(['Alpha Assurances', 'Bravo Vélos']);
    expect(one.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const two = await page({ first: 2, after: one.pageInfo.endCursor, sort });
    expect(two.edges.map((e) => e.node.name)).toEqual(['Charlie Café']);
    expect(two.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(two.totalCount).toBe(3);
    const past = await page({ first: 2, after: two.pageInfo.endCursor, sort });
    expect([past.edges, past.totalCount, past.pageInfo.hasNextPage]).toEqual([[], 3, false]);
  });

  it('reads a page in the same number of statements whatever the number of organisations and assessments', async () => {
    const agency = await signUpAgency(api, 'Agence Nombreuse');
    const statementsFor = async () => {
      const before = statementCounter.count;
      await page({ first: 20, sort: { field: 'TREND', direction: 'DESC' }, filter: { levelMin: 1 } }, agency.token);
      return statementCounter.count - before;
    };
    const first = await createOrganization(api, agency, 'Premier');
    await finalised(first, agency.agencyId, 3, 50, 3, { strategy: 50, review: 50 });
    const few = await statementsFor();
    for (let i = 0; i < 12; i++) {
      const id = await createOrganization(api, agency, `Client ${i}`);
      for (let k = 0; k < 3; k++)
        await finalised(id, agency.agencyId, 10 + k * 40, 30 + k * 10 + i, 2 + (k % 3), { strategy: 10 * k, review: i });
    }
    const many = await statementsFor();
    expect((await page({ filter: { levelMin: 1 } }, agency.token)).totalCount).toBe(13);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(3); // open with the tenant, the page, COMMIT
  });

  it('shows an agency MEMBER only the organisations where they hold a membership, and nothing else exists for them', async () => {
    const email = uniqueEmail('portfolio-member');
    const invite = await api.ok<{ inviteAgencyMember: { token: string } }>(
      'mutation ($input: InviteAgencyMemberInput!) { inviteAgencyMember(input: $input) { token } }',
      { input: { email, role: 'MEMBER' } },
      { token: owner.token },
    );
    const accepted = await api.ok<{ acceptInvitation: { session: { accessToken: string } } }>(
      'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { session { accessToken } } }',
      { input: { token: invite.inviteAgencyMember.token, displayName: 'Member', password: STRONG_PASSWORD, locale: 'EN' } },
    );
    const token = accepted.acceptInvitation.session.accessToken;
    expect((await page({}, token)).totalCount).toBe(0);
    const orgInvite = await api.ok<{ inviteMember: { token: string } }>(
      'mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { token } }',
      { input: { email, roles: ['ANALYST'] } },
      { token: owner.token, organizationId: org.alpha },
    );
    await api.ok(
      'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userId } }',
      { input: { token: orgInvite.inviteMember.token } },
      { token },
    );
    const mine = await page({}, token);
    expect(mine.edges.map((e) => e.node.name)).toEqual(['Alpha Assurances']);
    expect(mine.edges[0].node.lastAssessment?.levelName).toBe('Level 4'); // the member reads English
    const radar = '{ organizationMaturityRadar(organizationId: "ID") { source } }';
    expect(firstError(await api.gql(radar.replace('ID', org.bravo), {}, { token })).extensions.code).toBe('NOT_FOUND');
    expect(
      (await api.ok<{ organizationMaturityRadar: { source: string } }>(radar.replace('ID', org.alpha), {}, { token }))
        .organizationMaturityRadar.source,
    ).toBe('ASSESSMENT');
    // The comparison averages over what the member sees: Alpha alone.
    const comparison = await api.ok<{ maturityComparison: { organizationCount: number; overall: { delta: number } } }>(
      `{ maturityComparison(organizationId: "${org.alpha}") { organizationCount overall { delta } } }`,
      {},
      { token },
    );
    expect(comparison.maturityComparison).toEqual({ organizationCount: 1, overall: { delta: 0 } });
  });

  it('draws the radar of the latest assessment, at agency level and inside the organisation', async () => {
    const radar = await api.ok<{
      organizationMaturityRadar: { source: string; at: string; level: number; levelName: string; axes: unknown[] };
    }>(
      `{ organizationMaturityRadar(organizationId: "${org.alpha}") { source at level levelName overallScore axes { dimensionKey title score } } }`,
      {},
      { token: owner.token },
    );
    expect(radar.organizationMaturityRadar).toMatchObject({
      source: 'ASSESSMENT',
      level: 4,
      levelName: 'Niveau 4',
      axes: [
        { dimensionKey: 'strategy', title: 'Stratégie', score: 25 },
        { dimensionKey: 'review', title: 'Évaluation', score: 100 },
      ],
    });
    const inside = await api.ok<{ maturityRadar: { source: string; axes: { score: number }[] } }>(
      '{ maturityRadar { source axes { score } } }',
      {},
      { token: owner.token, organizationId: org.bravo },
    );
    expect(inside.maturityRadar).toEqual({ source: 'ASSESSMENT', axes: [{ score: 50 }, { score: 10 }] });
    const never = await api.ok<{ organizationMaturityRadar: null }>(
      `{ organizationMaturityRadar(organizationId: "${org.charlie}") { source } }`,
      {},
      { token: owner.token },
    );
    expect(never.organizationMaturityRadar).toBeNull();
    for (const id of [org.foreign, '00000000-0000-4000-8000-000000000000']) {
      const res = await api.gql(`{ organizationMaturityRadar(organizationId: "${id}") { source } }`, {}, { token: owner.token });
      expect(firstError(res).extensions.code).toBe('NOT_FOUND');
    }
  });

  it("compares an organisation with the agency's average, dimension by dimension", async () => {
    const res = await api.ok<{ maturityComparison: Record<string, unknown> }>(
      `{ maturityComparison(organizationId: "${org.alpha}") { organizationCount modelId overall { score agencyAverage delta } dimensions { dimensionKey title score agencyAverage delta } } }`,
      {},
      { token: owner.token },
    );
    // Alpha (latest 62.5) and Bravo (30) share the model; Alpha's earlier assessment and the other agency's do not count.
    expect(res.maturityComparison).toEqual({
      organizationCount: 2,
      modelId: MODEL_ID,
      overall: { score: 62.5, agencyAverage: 46.3, delta: 16.2 },
      dimensions: [
        { dimensionKey: 'strategy', title: 'Stratégie', score: 25, agencyAverage: 37.5, delta: -12.5 },
        { dimensionKey: 'review', title: 'Évaluation', score: 100, agencyAverage: 55, delta: 45 },
      ],
    });
    expect(
      (
        await api.ok<{ maturityComparison: null }>(
          `{ maturityComparison(organizationId: "${org.charlie}") { modelId } }`,
          {},
          { token: owner.token },
        )
      ).maturityComparison,
    ).toBeNull();
    expect(
      firstError(await api.gql(`{ maturityComparison(organizationId: "${org.foreign}") { modelId } }`, {}, { token: owner.token }))
        .extensions.code,
    ).toBe('NOT_FOUND');
  });

  it('recomputes a live score on demand, with the model of the last assessment or the built-in one', async () => {
    const recompute =
      'mutation { recomputeLiveScore { organizationId modelId overallScore level measuredLevel coverage { evidence assessment unknown } dimensions { key score } evidence { key score explanation } } }';
    const alpha = await api.ok<{
      recomputeLiveScore: {
        modelId: string;
        overallScore: number;
        dimensions: { key: string; score: number | null }[];
        evidence: { key: string; score: number; explanation: string }[];
      };
    }>(recompute, {}, { token: owner.token, organizationId: org.alpha });
    // The assessment (written as owner) has no answers: its declarative criterion is unknown, 0, keeping its half of the weight.
    expect(alpha.recomputeLiveScore).toMatchObject({
      modelId: MODEL_ID,
      overallScore: 50,
      level: 3,
      measuredLevel: 5,
      coverage: { evidence: 0.5, assessment: 0, unknown: 0.5 },
    });
    expect(alpha.recomputeLiveScore.dimensions).toEqual([
      { key: 'strategy', score: 0 },
      { key: 'review', score: 100 },
    ]);
    expect(alpha.recomputeLiveScore.evidence).toEqual([
      { key: 'evaluation.recentAssessment', score: 1, explanation: expect.stringMatching(/il y a 10 jours/) },
    ]);
    const charlie = await api.ok<{ recomputeLiveScore: { modelId: string } }>(
      recompute,
      {},
      { token: owner.token, organizationId: org.charlie },
    );
    expect(charlie.recomputeLiveScore.modelId).toBe('default');
    const radar = await api.ok<{ organizationMaturityRadar: { source: string; axes: { title: string }[] } }>(
      `{ organizationMaturityRadar(organizationId: "${org.charlie}") { source axes { title } } }`,
      {},
      { token: owner.token },
    );
    expect(radar.organizationMaturityRadar.source).toBe('LIVE');
    expect(radar.organizationMaturityRadar.axes.length).toBeGreaterThan(1);
    // A VIEWER of the client cannot trigger it.
    const viewer = await addOrganizationMember(api, owner, org.alpha, ['VIEWER']);
    expect(firstError(await api.gql(recompute, {}, { token: viewer.token, organizationId: org.alpha })).extensions.code).toBe('FORBIDDEN');
  });

  it('recomputes every due organisation in the nightly run, through the worker and Redis, keeping the history', async () => {
    // Created "before last night": due for the current run. Other suites' organisations, created today, are not.
    await admin.query(`UPDATE organizations SET created_at = now() - interval '3 days' WHERE id = ANY($1)`, [
      [org.alpha, org.bravo, org.charlie],
    ]);
    await admin.query(`DELETE FROM maturity_live_scores WHERE organization_id = ANY($1)`, [[org.bravo, org.charlie]]);
    await admin.query(
      `UPDATE maturity_live_scores SET computed_at = computed_at - interval '2 days', overall_score = 80 WHERE organization_id = $1`,
      [org.alpha],
    );
    worker = await createWorker(api.config, { reconcileEveryMs: 60 * 60_000 }); // its start-up tick is the run
    const live = async () => {
      const p = await page({ sort: { field: 'LIVE_SCORE', direction: 'DESC' } });
      return p.edges.every((e) => e.node.liveScore && Date.parse(e.node.liveScore.computedAt) > Date.now() - 60_000) ? p : undefined;
    };
    const p = await waitFor(live);
    const byName = Object.fromEntries(p.edges.map((e) => [e.node.name, e.node.liveScore]));
    expect(byName['Alpha Assurances']).toMatchObject({ score: 50, change: -30 }); // 80 the night before; its question unknown (0)
    expect(byName['Bravo Vélos']).toMatchObject({ score: 30, change: null }); // 200 days: (365 − 200) / 275 = 60 on half the weight
    expect(p.edges[0].node.name).toBe('Alpha Assurances');
    const { rows } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM maturity_live_scores WHERE organization_id = $1', [
      org.alpha,
    ]);
    expect(rows[0].n).toBe(2);
    // The other agency's organisation, created today, waits for its first night.
    const foreign = await admin.query('SELECT 1 FROM maturity_live_scores WHERE organization_id = $1', [org.foreign]);
    expect(foreign.rowCount).toBe(0);
    // A second tick the same night enqueues nothing more.
    const job = worker.context.get(RecomputeLiveScoreJob, { strict: false });
    expect(await job.reconcile()).toBe(0);
    // A job of tonight's run delivered again (a retry, another queue) finds the work done and adds nothing.
    const last = await admin.query<{ at: Date }>('SELECT max(computed_at) AS at FROM maturity_live_scores WHERE organization_id = $1', [
      org.alpha,
    ]);
    expect(await job.handle({ organizationId: org.alpha, slot: new Date(last.rows[0].at.getTime() - 1000).toISOString() })).toBeNull();
    const again = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM maturity_live_scores WHERE organization_id = $1', [
      org.alpha,
    ]);
    expect(again.rows[0].n).toBe(2);
  });
});
