import type { Client } from 'pg';
import { statementCounter } from '@socle/platform-database';
import {
  addOrganizationMember,
  AgencySession,
  createOrganization,
  signUpAgency,
  STRONG_PASSWORD,
  TestApi,
  uniqueEmail,
} from '@socle/testing';
import { adminDatabase, firstError } from './e2e-support';

/**
 * The history of an organisation's live scores: kept rows written as the
 * database owner at chosen times (the nightly run and recomputation have their
 * own suites), plus two recomputations through the API; order, paging, the
 * range, one per local day, bad input, and who may read it.
 */
const t = (en: string, fr: string) => ({ en, fr });
const MODEL_ID = '5d0c8a4e-2f7b-4c1e-9a3d-6b8e1f2a7c90';
const MODEL = {
  name: t('History model', "Modèle d'historique"),
  description: t('', ''),
  levels: [1, 2, 3].map((n) => ({ number: n, name: t(`Level ${n}`, `Niveau ${n}`), description: t('', ''), minScore: (n - 1) * 30 })),
  dimensions: [
    { key: 'listen', title: t('Listening', 'Écoute'), description: t('', ''), weight: 1, criteria: [] },
    { key: 'define', title: t('Definition', 'Définition'), description: t('', ''), weight: 1, criteria: [] },
  ],
};

const HISTORY = `query ($organizationId: ID!, $from: DateTime, $to: DateTime, $first: Int, $after: String, $granularity: LiveScoreHistoryGranularity) {
  liveScoreHistory(organizationId: $organizationId, from: $from, to: $to, first: $first, after: $after, granularity: $granularity) {
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node {
      computedAt overallScore level levelCapped measuredScore measuredLevel modelId modelVersion
      coverage { evidence assessment unknown }
      dimensions { key name score }
    } }
  }
}`;

const COUNTED = `query ($organizationId: ID!, $from: DateTime, $to: DateTime, $first: Int, $after: String, $granularity: LiveScoreHistoryGranularity) {
  liveScoreHistory(organizationId: $organizationId, from: $from, to: $to, first: $first, after: $after, granularity: $granularity) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor }
  }
}`;

interface Node {
  computedAt: string;
  overallScore: number | null;
  level: number | null;
  levelCapped: boolean;
  measuredScore: number | null;
  measuredLevel: number | null;
  modelId: string;
  modelVersion: number;
  coverage: { evidence: number; assessment: number; unknown: number } | null;
  dimensions: { key: string; name: string; score: number | null }[];
}
interface Page {
  liveScoreHistory: {
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: Node }[];
  };
}

const HOUR = 3600_000;

describe('live score history', () => {
  let api: TestApi;
  let admin: Client;
  let owner: AgencySession;
  let other: AgencySession;
  let alpha = '';
  let bravo = '';
  let foreign = '';
  /** UTC midnight thirty days ago: the kept rows are at hours after it. */
  let base = 0;
  const at = (hours: number) => new Date(base + hours * HOUR).toISOString();
  // In New York (UTC-5 or -4), +8 h, +20 h and +27 h are one local day; +36 h, +60 h and +252 h one each.
  const KEPT = [8, 20, 27, 36, 60, 252];

  const history = async (variables: Record<string, unknown>, token = owner.token, organizationId = alpha) =>
    (await api.ok<Page>(HISTORY, { organizationId, ...variables }, { token, organizationId })).liveScoreHistory;
  const times = async (variables: Record<string, unknown>, token = owner.token) =>
    (await history(variables, token)).edges.map((e) => e.node.computedAt);

  const keep = async (
    organizationId: string,
    hours: number,
    score: number,
    model: { agency: string | null; id: string; version: number } = { agency: owner.agencyId, id: MODEL_ID, version: 1 },
  ) => {
    await admin.query(
      `INSERT INTO maturity_live_scores (organization_id, computed_at, model_agency_id, model_id, model_version, overall_score, level,
         dimension_scores, evidence, coverage_evidence, coverage_assessment, coverage_unknown, measured_score, measured_level, reached_level)
       VALUES ($1, $2, $3, $4, $5, $6, 1, $7, '{}', 0.5, 0.25, 0.25, $6, 1, 2)`,
      [organizationId, at(hours), model.agency, model.id, model.version, score, JSON.stringify({ define: score - 1, listen: score + 1 })],
    );
  };

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Historique');
    other = await signUpAgency(api, 'Agence Voisine');
    alpha = await createOrganization(api, owner, 'Alpha Historique');
    bravo = await createOrganization(api, owner, 'Bravo Recalcul');
    foreign = await createOrganization(api, other, 'Client Voisin');
    await admin.query(`UPDATE organizations SET timezone = 'America/New_York' WHERE id = $1`, [alpha]);
    const today = new Date();
    base = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - 30 * 24 * HOUR;
    // The model's content is known through the finalised assessment that froze it.
    await admin.query(
      `INSERT INTO maturity_assessments (organization_id, model_agency_id, model_id, model_version, model_content, status, started_at, finalized_at,
         overall_score, level, dimension_scores, evidence, recommendations)
       VALUES ($1, $2, $3, 1, $4, 'FINALIZED', $5, $5, 40, 2, '{"listen": 40, "define": 40}', '{}', '[]')`,
      [alpha, owner.agencyId, MODEL_ID, JSON.stringify(MODEL), at(-24)],
    );
    for (const [i, hours] of KEPT.entries()) await keep(alpha, hours, 10 + i * 10);
    await keep(foreign, 8, 90, { agency: other.agencyId, id: MODEL_ID, version: 1 });
  });
  afterAll(async () => {
    await admin.end();
    await api.stop();
  });

  it('lists every kept live score newest first, with its coverage, cap and dimensions named in the viewer language', async () => {
    const page = await history({});
    expect(page.edges.map((e) => e.node.computedAt)).toEqual([...KEPT].reverse().map(at));
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expect(page.edges[0].node).toEqual({
      computedAt: at(252),
      overallScore: 60,
      level: 1,
      levelCapped: true,
      measuredScore: 60,
      measuredLevel: 1,
      modelId: MODEL_ID,
      modelVersion: 1,
      coverage: { evidence: 0.5, assessment: 0.25, unknown: 0.25 },
      // The model's order, in French for the owner.
      dimensions: [
        { key: 'listen', name: 'Écoute', score: 61 },
        { key: 'define', name: 'Définition', score: 59 },
      ],
    });
  });

  it('pages with cursors and reads a page in one statement', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const before = statementCounter.count;
      const page: Page['liveScoreHistory'] = await history({ first: 4, ...(after ? { after } : {}) });
      // Open with the tenant (the membership probe), the page, COMMIT.
      expect(statementCounter.count - before).toBeLessThanOrEqual(3);
      seen.push(...page.edges.map((e) => e.node.computedAt));
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(2);
    expect(seen).toEqual([...KEPT].reverse().map(at));
  });

  it('keeps a range, both ends included', async () => {
    expect(await times({ from: at(27), to: at(60) })).toEqual([at(60), at(36), at(27)]);
    expect(await times({ from: at(200) })).toEqual([at(252)]);
    expect(await times({ to: at(20) })).toEqual([at(20), at(8)]);
    expect(await times({ from: at(61), to: at(250) })).toEqual([]);
  });

  it("keeps the last computation of each day in the organisation's time zone, pages by day and with a range", async () => {
    expect(await times({ granularity: 'DAY' })).toEqual([at(252), at(60), at(36), at(27)]);
    const first = await history({ granularity: 'DAY', first: 3 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await history({ granularity: 'DAY', first: 3, after: first.pageInfo.endCursor });
    // The next page starts with the day before: 27 h stands for its whole day, never 20 h or 8 h after it.
    expect(second.edges.map((e) => e.node.computedAt)).toEqual([at(27)]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    // The range applies first: the last computation up to `to` stands for the cut day.
    expect(await times({ granularity: 'DAY', to: at(21) })).toEqual([at(20)]);
    // The default is every computation.
    expect(await times({ granularity: 'COMPUTATION', from: at(8), to: at(27) })).toEqual([at(27), at(20), at(8)]);
  });

  it("counts the whole history over all pages: computations or days, within the range, never another organisation's", async () => {
    // Every page, `first` at a time: the totalCount each page answered and the entries of all pages.
    const counted = async (variables: Record<string, unknown>, first: number, token = owner.token, organizationId = alpha) => {
      const counts: number[] = [];
      let entries = 0;
      let after: string | null = null;
      do {
        const page: { totalCount: number; edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } = (
          await api.ok<{
            liveScoreHistory: { totalCount: number; edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
          }>(COUNTED, { organizationId, first, ...variables, ...(after ? { after } : {}) }, { token, organizationId })
        ).liveScoreHistory;
        counts.push(page.totalCount);
        entries += page.edges.length;
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      return { counts, entries };
    };
    expect(await counted({}, 4)).toEqual({ counts: [6, 6], entries: 6 });
    expect(await counted({ from: at(27), to: at(60) }, 2)).toEqual({ counts: [3, 3], entries: 3 });
    // By day, in the organisation's time zone: 8 h, 20 h and 27 h are one day.
    expect(await counted({ granularity: 'DAY' }, 3)).toEqual({ counts: [4, 4], entries: 4 });
    expect(await counted({ granularity: 'DAY', to: at(21) }, 1)).toEqual({ counts: [1], entries: 1 });
    // The other agency's client keeps one score of its own, counted there and not here.
    expect(await counted({}, 4, other.token, foreign)).toEqual({ counts: [1], entries: 1 });
    expect(await counted({}, 4)).toEqual({ counts: [6, 6], entries: 6 });
  });

  it('names the built-in model dimensions, and an unknown model dimensions by key', async () => {
    await keep(bravo, 1, 50, { agency: null, id: 'default', version: 1 });
    await keep(bravo, 2, 50, { agency: owner.agencyId, id: 'a-model-gone', version: 3 });
    const [gone, builtIn] = (await history({ to: at(2) }, owner.token, bravo)).edges.map((e) => e.node);
    expect(gone.dimensions).toEqual([
      { key: 'define', name: 'define', score: 49 },
      { key: 'listen', name: 'listen', score: 51 },
    ]);
    expect(builtIn.dimensions[0]).toEqual({ key: 'strategy', name: 'Stratégie et objectifs', score: null });
    expect(builtIn.dimensions.slice(-2)).toEqual([
      { key: 'define', name: 'define', score: 49 },
      { key: 'listen', name: 'listen', score: 51 },
    ]);
  });

  it('shows two recomputations on demand at the top of the history', async () => {
    const recompute = 'mutation { recomputeLiveScore { computedAt overallScore } }';
    const one = await api.ok<{ recomputeLiveScore: { computedAt: string } }>(recompute, {}, { token: owner.token, organizationId: bravo });
    const two = await api.ok<{ recomputeLiveScore: { computedAt: string } }>(recompute, {}, { token: owner.token, organizationId: bravo });
    const page = await history({ first: 2 }, owner.token, bravo);
    expect(page.edges.map((e) => e.node.computedAt)).toEqual([two.recomputeLiveScore.computedAt, one.recomputeLiveScore.computedAt]);
    expect(page.edges[0].node.modelId).toBe('default');
    expect(page.edges[0].node.dimensions.length).toBeGreaterThan(0);

    // A kept score has one id: the one recomputeLiveScore answered is the one its history entry shows; each score its own.
    const ids = async (organizationId: string) =>
      (
        await api.ok<{ liveScoreHistory: { edges: { node: { id: string; computedAt: string } }[] } }>(
          'query ($organizationId: ID!) { liveScoreHistory(organizationId: $organizationId, first: 2) { edges { node { id computedAt } } } }',
          { organizationId },
          { token: owner.token, organizationId },
        )
      ).liveScoreHistory.edges.map((e) => e.node);
    const three = await api.ok<{ recomputeLiveScore: { id: string; computedAt: string } }>(
      'mutation { recomputeLiveScore { id computedAt } }',
      {},
      { token: owner.token, organizationId: bravo },
    );
    const [newest, previous] = await ids(bravo);
    expect(newest).toEqual(three.recomputeLiveScore);
    expect(previous.id).not.toBe(newest.id);
    const kept = await ids(alpha);
    expect(kept.map((n) => n.id)).not.toContain(newest.id);
    expect(new Set(kept.map((n) => n.id)).size).toBe(2);
  });

  it('refuses bad bounds, sizes and cursors with the field path', async () => {
    const problem = async (variables: Record<string, unknown>) => {
      const res = await api.gql(HISTORY, { organizationId: alpha, ...variables }, { token: owner.token, organizationId: alpha });
      expect(res.body.data ?? null).toBeNull();
      const error = firstError(res);
      return [error.extensions.code, error.extensions.field];
    };
    expect(await problem({ from: at(60), to: at(36) })).toEqual(['BAD_USER_INPUT', 'to']);
    const threeYearsAgo = new Date(Date.now() - 3 * 365 * 24 * HOUR).toISOString();
    expect(await problem({ from: threeYearsAgo })).toEqual(['BAD_USER_INPUT', 'from']);
    expect(await problem({ from: threeYearsAgo, to: at(0) })).toEqual(['BAD_USER_INPUT', 'from']);
    expect(await problem({ first: 0 })).toEqual(['BAD_USER_INPUT', 'first']);
    expect(await problem({ first: 101 })).toEqual(['BAD_USER_INPUT', 'first']);
    expect(await problem({ after: 'forged' })).toEqual(['BAD_USER_INPUT', 'after']);
    // A cursor of another organisation's history is not one of this history.
    const bravoCursor = (await history({ first: 1 }, owner.token, bravo)).pageInfo.endCursor;
    expect(await problem({ after: bravoCursor })).toEqual(['BAD_USER_INPUT', 'after']);
    const notADate = firstError(
      await api.gql(HISTORY, { organizationId: alpha, from: 'yesterday' }, { token: owner.token, organizationId: alpha }),
    );
    expect(notADate.extensions.code).toBe('BAD_USER_INPUT');
    // Two years exactly is accepted.
    expect(await times({ from: new Date(Date.now() - 730 * 24 * HOUR).toISOString() })).toHaveLength(KEPT.length);
  });

  it("lets an agency member read a client's history through their membership, in their own language", async () => {
    const email = uniqueEmail('history-member');
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
    // Not a member of the client yet: it does not exist for them.
    const before = firstError(await api.gql(HISTORY, { organizationId: alpha }, { token, organizationId: alpha }));
    expect(before.extensions.code).toBe('NOT_FOUND');
    const orgInvite = await api.ok<{ inviteMember: { token: string } }>(
      'mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { token } }',
      { input: { email, roles: ['ANALYST'] } },
      { token: owner.token, organizationId: alpha },
    );
    await api.ok(
      'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userId } }',
      { input: { token: orgInvite.inviteMember.token } },
      { token },
    );
    const page = await history({ first: 1 }, token);
    expect(page.edges[0].node.dimensions.map((d) => d.name)).toEqual(['Listening', 'Definition']);
    // A viewer of the organisation reads it too, as they read the live score.
    const viewer = await addOrganizationMember(api, owner, alpha, ['VIEWER']);
    expect(await times({ first: 1 }, viewer.token)).toEqual([at(252)]);
    // A contributor does not read assessments.
    const contributor = await addOrganizationMember(api, owner, alpha, ['CONTRIBUTOR']);
    const refused = firstError(await api.gql(HISTORY, { organizationId: alpha }, { token: contributor.token, organizationId: alpha }));
    expect(refused.extensions.code).toBe('FORBIDDEN');
  });

  it("gives another agency nothing of the client's history, whichever organisation it names", async () => {
    const code = async (organizationId: string, header: string, token = other.token) => {
      const res = await api.gql(HISTORY, { organizationId }, { token, organizationId: header });
      expect(res.body.data?.liveScoreHistory ?? null).toBeNull();
      return firstError(res).extensions.code;
    };
    // Entering the client: it does not exist for the other agency.
    expect(await code(alpha, alpha)).toBe('NOT_FOUND');
    // From its own organisation, naming the client.
    expect(await code(alpha, foreign)).toBe('NOT_FOUND');
    // Nor the other way round: the owner entering Alpha cannot name the foreign organisation.
    expect(await code(foreign, alpha, owner.token)).toBe('NOT_FOUND');
    // And the foreign organisation's own history holds only its row.
    const own = await history({}, other.token, foreign);
    expect(own.edges.map((e) => e.node.overallScore)).toEqual([90]);
  });
});
