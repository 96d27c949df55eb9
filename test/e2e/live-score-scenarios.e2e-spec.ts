import type { Client } from 'pg';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback Mastodon of the plugin's tests is the network these tests talk to
import { MastodonTestServer } from '../../plugins/mastodon/src/test/mastodon-test-server';
import { adminDatabase } from './e2e-support';

/**
 * What the live score may claim, on three organisations of one agency scored
 * with the built-in model:
 *
 *   (a) "Atelier Cadré" sets everything up — objectives with KPIs, segments, a
 *       network plan, a competitor, brand voice, the task force and its rituals,
 *       the five policies approved, published and read, comment and content
 *       rules, a connected account — and declares itself mature in a finalised
 *       assessment, but publishes nothing;
 *   (b) "Vélos Bavards" publishes on its plan every week, with a connected
 *       account and nothing else: no policy, no objective, no assessment;
 *   (c) "Fromagerie Complète" does both.
 *
 * Everything is built through the GraphQL API, except the past weeks of
 * publications of (b) and (c): the API publishes now, and regularity counts
 * whole weeks gone by, so those rows are written as the database owner, as the
 * publishing pipeline leaves them (its own suites cover how they get there).
 */

interface Live {
  overallScore: number;
  level: number;
  measuredScore: number;
  measuredLevel: number;
  levelCapped: boolean;
  coverage: { evidence: number; assessment: number; unknown: number };
  criteria: { key: string; source: string; score: number | null; answeredAt: string | null; ageDays: number | null }[];
}

const LIVE_FIELDS =
  'overallScore level measuredScore measuredLevel levelCapped coverage { evidence assessment unknown } criteria { key source score answeredAt ageDays }';

describe('live score scenarios: set up without publishing, publishing without policies, both', () => {
  let api: TestApi;
  let admin: Client;
  let mastodon: MastodonTestServer;
  let owner: AgencySession;
  const org: Record<'setUp' | 'publishing' | 'both', string> = { setUp: '', publishing: '', both: '' };
  const live: Partial<Record<keyof typeof org, Live>> = {};

  const as = (organizationId: string, token = owner.token) => ({ token, organizationId });
  const ok = <T = Record<string, unknown>>(
    organizationId: string,
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ) => api.ok<T>(query, variables, as(organizationId, token));

  /** Objectives with KPIs, segments, a network plan (3 posts a week on Mastodon), a competitor, brand voice, task force, rituals. */
  const setUpStrategy = async (organizationId: string, people: Record<string, { userId: string }>) => {
    const year = new Date().getUTCFullYear() + 1;
    for (const kind of ['BUSINESS', 'BRAND']) {
      const objective = await ok<{ createObjective: { id: string } }>(
        organizationId,
        'mutation ($input: CreateObjectiveInput!) { createObjective(input: $input) { id } }',
        {
          input: {
            kind,
            title: `Objectif ${kind}`,
            metric: 'abonnés Mastodon',
            baseline: 100,
            target: 400,
            unit: 'abonnés',
            deadline: `${year}-06-30`,
          },
        },
      );
      await ok(organizationId, 'mutation ($input: CreateKpiInput!) { createKpi(input: $input) { id } }', {
        input: {
          objectiveId: objective.createObjective.id,
          name: `Abonnés ${kind}`,
          metric: 'followers',
          target: 400,
          unit: 'abonnés',
          frequency: 'MONTHLY',
        },
      });
    }
    const segment = await ok<{ createAudienceSegment: { id: string } }>(
      organizationId,
      'mutation ($input: CreateAudienceSegmentInput!) { createAudienceSegment(input: $input) { id } }',
      { input: { name: 'Clients du quartier', needs: 'Horaires et nouveautés', usages: ['ADVERTISING_MARKETING', 'CUSTOMER_SERVICE'] } },
    );
    await addPlan(organizationId, [segment.createAudienceSegment.id]);
    await ok(organizationId, 'mutation ($input: CreateCompetitorInput!) { createCompetitor(input: $input) { id } }', {
      input: { name: 'Concurrent du coin', handles: [{ network: 'mastodon', handle: '@concurrent' }], notes: 'Même rue' },
    });
    await ok(organizationId, 'mutation ($input: SetBrandVoiceInput!) { setBrandVoice(input: $input) { updatedAt } }', {
      input: { tone: 'Chaleureux et précis', wordsToUse: ['artisanal'], wordsToAvoid: ['industriel'], addressForm: 'VOUS' },
    });
    for (const role of ['STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER', 'ANALYST', 'COORDINATOR']) {
      await ok(organizationId, 'mutation ($input: AddTaskForceMemberInput!) { addTaskForceMember(input: $input) { id } }', {
        input: { role, userId: people[role].userId },
      });
    }
    await ok(organizationId, 'mutation { createRitual(input: { kind: WEEKLY_MEETING, weekday: 2, time: "09:30" }) { id } }');
    await ok(organizationId, 'mutation { createRitual(input: { kind: MONTHLY_EXECUTIVE_REPORT, dayOfMonth: 5, time: "08:00" }) { id } }');
  };

  const addPlan = (organizationId: string, segmentIds: string[]) =>
    ok(organizationId, 'mutation ($input: CreateNetworkPlanInput!) { createNetworkPlan(input: $input) { id } }', {
      input: { network: 'mastodon', segmentIds, postsPerWeek: 3, reservedHandle: '@atelier', rationale: 'Communauté locale' },
    });

  /** The five policies written in the organisation's own words, approved by the executive, published and read by every member; comment and content rules. */
  const setUpPolicies = async (organizationId: string, people: Record<string, { userId: string; token: string }>) => {
    for (const kind of ['USAGE_GUIDE', 'EDITORIAL_POLICY', 'COMMENT_HANDLING', 'PERSONAL_USE', 'CODE_OF_CONDUCT']) {
      const created = await ok<{ createPolicy: { latestVersion: { id: string } } }>(
        organizationId,
        'mutation ($input: CreatePolicyInput!) { createPolicy(input: $input) { latestVersion { id } } }',
        { input: { kind, language: 'fr', fromTemplate: false } },
        people.STRATEGY_LEAD.token,
      );
      const versionId = created.createPolicy.latestVersion.id;
      await ok(
        organizationId,
        'mutation ($input: UpdatePolicyDraftInput!) { updatePolicyDraft(input: $input) { id } }',
        {
          input: {
            versionId,
            title: `Notre politique ${kind}`,
            sections: [
              {
                key: 'regles',
                title: 'Nos règles',
                body: `Ce que notre équipe fait pour ${kind} : qui publie, qui répond, sous quel délai, et qui décide en cas de crise.`,
              },
            ],
          },
        },
        people.STRATEGY_LEAD.token,
      );
      const input = { input: { versionId } };
      await ok(
        organizationId,
        'mutation ($input: PolicyVersionInput!) { submitPolicyForReview(input: $input) { id } }',
        input,
        people.STRATEGY_LEAD.token,
      );
      await ok(
        organizationId,
        'mutation ($input: ApprovePolicyVersionInput!) { approvePolicyVersion(input: $input) { id } }',
        input,
        people.EXECUTIVE_APPROVER.token,
      );
      await ok(
        organizationId,
        'mutation ($input: PolicyVersionInput!) { publishPolicyVersion(input: $input) { id } }',
        input,
        people.STRATEGY_LEAD.token,
      );
      for (const person of Object.values(people)) {
        await ok(
          organizationId,
          'mutation ($input: PolicyVersionInput!) { acknowledgePolicyVersion(input: $input) { userId } }',
          input,
          person.token,
        );
      }
    }
    await ok(organizationId, 'mutation ($input: SetCommentHandlingRulesInput!) { setCommentHandlingRules(input: $input) { updatedAt } }', {
      input: {
        rules: [
          { channel: '*', severity: 'NORMAL', responseMinutes: 240, responsibleRole: 'COMMUNITY_MANAGER' },
          { channel: '*', severity: 'CRISIS', responseMinutes: 30, responsibleRole: 'STRATEGY_LEAD', escalate: true },
        ],
      },
    });
    await ok(organizationId, 'mutation ($input: SetContentRulesInput!) { setContentRules(input: $input) { version } }', {
      input: { rules: [{ id: 'hashtags', kind: 'MAX_HASHTAGS', severity: 'WARN', max: 3 }] },
    });
  };

  const connectAccount = (organizationId: string, username: string) =>
    ok(organizationId, 'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id } }', {
      input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: mastodon.createAccessToken(username) },
    });

  /** A finalised assessment answering every question with the top of its scale: the organisation declares itself mature. */
  const declareMature = async (organizationId: string) => {
    const model = await ok<{ maturityModel: { versions: { content: { dimensions: { criteria: Record<string, unknown>[] }[] } }[] } }>(
      organizationId,
      '{ maturityModel(id: "default") { versions { content } } }',
    );
    const started = await ok<{ startAssessment: { id: string } }>(
      organizationId,
      'mutation { startAssessment(input: { modelId: "default" }) { id } }',
    );
    const assessmentId = started.startAssessment.id;
    const questions = model.maturityModel.versions[0].content.dimensions
      .flatMap((d) => d.criteria)
      .filter((c) => c.kind === 'DECLARATIVE') as { key: string; scale: { value: number }[] }[];
    for (const q of questions) {
      await ok(organizationId, 'mutation ($input: AnswerAssessmentCriterionInput!) { answerAssessmentCriterion(input: $input) { id } }', {
        input: { assessmentId, criterionKey: q.key, value: Math.max(...q.scale.map((o) => o.value)) },
      });
    }
    await ok(organizationId, 'mutation ($input: FinalizeAssessmentInput!) { finalizeAssessment(input: $input) { id } }', {
      input: { assessmentId },
    });
    return questions.length;
  };

  /** Three posts published on Mastodon in each of the last five weeks (the plan's frequency), as the publishing pipeline leaves them. */
  const publishedWeekly = async (organizationId: string) => {
    for (let day = 1; day <= 35; day += 1) {
      if (day % 7 !== 1 && day % 7 !== 3 && day % 7 !== 5) continue;
      const at = new Date(Date.now() - day * 86_400_000);
      const { rows } = await admin.query<{ id: string }>(
        `INSERT INTO content_items (organization_id, title, status, revision, created_by, updated_by, created_at, updated_at)
         VALUES ($1, $2, 'PUBLISHED', 1, $3, $3, $4, $4) RETURNING id`,
        [organizationId, `Publication du jour ${day}`, owner.userId, at],
      );
      await admin.query(
        `INSERT INTO publications (organization_id, item_id, network, due_at, next_attempt_at, status, idempotency_key, external_id, published_at)
         VALUES ($1, $2, 'mastodon', $3, $3, 'PUBLISHED', $4, $5, $3)`,
        [organizationId, rows[0].id, at, `scenario-${organizationId}-${day}`, `status-${day}`],
      );
    }
  };

  const team = async (organizationId: string) => {
    const people: Record<string, { userId: string; token: string }> = {};
    for (const role of ['STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER', 'ANALYST', 'COORDINATOR', 'EXECUTIVE_APPROVER']) {
      people[role] = await addOrganizationMember(api, owner, organizationId, [role]);
    }
    return people;
  };

  const recompute = async (organizationId: string): Promise<Live> =>
    (await ok<{ recomputeLiveScore: Live }>(organizationId, `mutation { recomputeLiveScore { ${LIVE_FIELDS} } }`)).recomputeLiveScore;

  beforeAll(async () => {
    mastodon = await MastodonTestServer.start();
    api = await TestApi.start({ CONNECTOR_TIMEOUT_MS: '2000' });
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Scénarios');
    org.setUp = await createOrganization(api, owner, 'Atelier Cadré');
    org.publishing = await createOrganization(api, owner, 'Vélos Bavards');
    org.both = await createOrganization(api, owner, 'Fromagerie Complète');

    for (const key of ['setUp', 'both'] as const) {
      const people = await team(org[key]);
      await setUpStrategy(org[key], people);
      await setUpPolicies(org[key], people);
      await connectAccount(org[key], `compte-${key}`);
      await declareMature(org[key]);
    }
    await addPlan(org.publishing, []);
    await connectAccount(org.publishing, 'velos');
    await publishedWeekly(org.publishing);
    await publishedWeekly(org.both);
    for (const key of Object.keys(org) as (keyof typeof org)[]) live[key] = await recompute(org[key]);
  }, 120_000);

  afterAll(async () => {
    await admin?.end();
    await api?.stop();
    await mastodon?.close();
  });

  const source = (l: Live, key: string) => l.criteria.find((c) => c.key === key);

  /*
   * The built-in model (version 3): 38 criteria, levels from 0 / 20 / 40 / 60 / 80.
   * Its evidence criteria carry 63.7 % of the weight, its 13 questions 36.3 %.
   * The level is the lower of the level the overall score reaches and the level
   * the measured part (evidence criteria alone, renormalised) supports.
   */

  it('(a) set up everything, published nothing: level 3 (Defined), capped below the 4 its own answers would give', () => {
    const a = live.setUp as Live;
    // Every question answered at the top of its scale in a finalised assessment of today: carried, 0 days old.
    expect(a.coverage).toEqual({ evidence: 0.637, assessment: 0.363, unknown: 0 });
    expect(source(a, 'people.executive-sponsor')).toMatchObject({ source: 'ASSESSMENT', score: 1, ageDays: 0 });
    expect(source(a, 'people.executive-sponsor')?.answeredAt).toEqual(expect.any(String));
    // Set-up without practice scores at most the cap (0.4): a network plan nobody publishes on, rituals never held,
    // comment rules with no answered comment, competitors nobody listens to, an account that publishes nothing.
    for (const key of [
      'strategy.network-plans',
      'people.rituals',
      'community.comment-rules',
      'listening.competitors',
      'owned-media.accounts-connected',
    ])
      expect(source(a, key)).toMatchObject({ source: 'EVIDENCE', score: 0.4 });
    // Nothing published in the last four weeks: regularity 0.
    expect(source(a, 'content.regularity')).toMatchObject({ source: 'EVIDENCE', score: 0 });
    // The overall (75.6) reaches level 4 on the strength of the declarations (36.3 % of the weight at full marks) ...
    expect(a.overallScore).toBeGreaterThanOrEqual(60);
    expect(a.overallScore).toBeLessThan(80);
    // ... but what is measured (57.7: policies, strategy and people written down, nothing done with them) supports level 3 only.
    expect(a.measuredScore).toBeGreaterThanOrEqual(40);
    expect(a.measuredScore).toBeLessThan(60);
    expect(a).toMatchObject({ measuredLevel: 3, level: 3, levelCapped: true });
  });

  it('(b) publishes regularly without policies: level 1 (Initial), the publishing alone is a small share of the model', () => {
    const b = live.publishing as Live;
    // No assessment: the 13 questions are unknown and count 0 with their weight kept.
    expect(b.coverage).toEqual({ evidence: 0.637, assessment: 0, unknown: 0.363 });
    expect(b.criteria.filter((c) => c.source === 'UNKNOWN')).toHaveLength(13);
    expect(source(b, 'listening.coverage')).toEqual({
      key: 'listening.coverage',
      source: 'UNKNOWN',
      score: null,
      answeredAt: null,
      ageDays: null,
    });
    // Three posts a week, as planned, for the last four whole weeks: regularity is full ...
    expect(source(b, 'content.regularity')).toMatchObject({ source: 'EVIDENCE', score: 1 });
    // ... but no policy, objective, segment, task force or rules: every governance criterion measures 0.
    for (const key of [
      'governance.four-policies-approved',
      'governance.code-of-conduct',
      'strategy.objectives-measurable',
      'people.task-force-roles',
    ])
      expect(source(b, key)).toMatchObject({ source: 'EVIDENCE', score: 0 });
    // Regularity weighs 3/9 of the content dimension (12/110 of the model), the connected account a part of owned media:
    // under 20 both overall (5.7) and measured (7.9), so level 1, and nothing to cap.
    expect(b.overallScore).toBeLessThan(20);
    expect(b.measuredScore).toBeLessThan(20);
    expect(b).toMatchObject({ measuredLevel: 1, level: 1, levelCapped: false });
  });

  it('(c) does both: level 4 (Managed), the highest of the three, still capped below the 5 its declarations would give', () => {
    const c = live.both as Live;
    const a = live.setUp as Live;
    const b = live.publishing as Live;
    expect(c.coverage).toEqual({ evidence: 0.637, assessment: 0.363, unknown: 0 });
    // Publishing on the plan lifts what set-up alone was capped at: the plan, the account and regularity.
    expect(source(c, 'content.regularity')?.score).toBe(1);
    expect(source(c, 'strategy.network-plans')?.score).toBeGreaterThan(0.4);
    expect(source(c, 'owned-media.accounts-connected')?.score).toBeGreaterThan(0.4);
    // Measured 64.6: level 4. The overall (81.2) would reach 5, but comments unanswered, listening not run and
    // rituals not held keep the measured part below 80: the level stays at 4.
    expect(c.measuredScore).toBeGreaterThanOrEqual(60);
    expect(c.measuredScore).toBeLessThan(80);
    expect(c.overallScore).toBeGreaterThanOrEqual(80);
    expect(c).toMatchObject({ measuredLevel: 4, level: 4, levelCapped: true });
    // Doing both beats either alone, measured and overall.
    expect(c.measuredScore).toBeGreaterThan(a.measuredScore);
    expect(a.measuredScore).toBeGreaterThan(b.measuredScore);
    expect(c.overallScore).toBeGreaterThan(a.overallScore);
  });

  it('shows the coverage and the cap beside the live score in the portfolio, to the agency only', async () => {
    const p = await api.ok<{
      portfolio: {
        edges: {
          node: {
            name: string;
            liveScore: { score: number; level: number; measuredLevel: number; levelCapped: boolean; coverage: Live['coverage'] };
          };
        }[];
      };
    }>(
      '{ portfolio(first: 10) { edges { node { name liveScore { score level measuredLevel levelCapped coverage { evidence assessment unknown } } } } } }',
      {},
      { token: owner.token },
    );
    const byName = Object.fromEntries(p.portfolio.edges.map((e) => [e.node.name, e.node.liveScore]));
    expect(byName['Atelier Cadré']).toEqual({
      score: (live.setUp as Live).overallScore,
      level: 3,
      measuredLevel: 3,
      levelCapped: true,
      coverage: { evidence: 0.637, assessment: 0.363, unknown: 0 },
    });
    expect(byName['Vélos Bavards']).toMatchObject({
      level: 1,
      levelCapped: false,
      coverage: { evidence: 0.637, assessment: 0, unknown: 0.363 },
    });
    expect(byName['Fromagerie Complète']).toMatchObject({ level: 4, levelCapped: true });

    // Another agency sees none of it and cannot recompute it.
    const other = await signUpAgency(api, 'Agence Voisine');
    const theirs = await api.ok<{ portfolio: { totalCount: number } }>(
      '{ portfolio(first: 10) { totalCount } }',
      {},
      { token: other.token },
    );
    expect(theirs.portfolio.totalCount).toBe(0);
    const res = await api.gql(`mutation { recomputeLiveScore { ${LIVE_FIELDS} } }`, {}, { token: other.token, organizationId: org.setUp });
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.[0]?.extensions?.code).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
  });

  it('shows the age of carried answers, and counts answers older than a year as unknown', async () => {
    // Time passes for (a)'s finalised answers (immutable for the application: the owner steps around the guard).
    const age = async (days: number) => {
      await admin.query('BEGIN');
      await admin.query("SET LOCAL session_replication_role = 'replica'");
      await admin.query(`UPDATE maturity_answers SET answered_at = now() - make_interval(days => $2) WHERE organization_id = $1`, [
        org.setUp,
        days,
      ]);
      await admin.query('COMMIT');
    };
    await age(200);
    const older = await recompute(org.setUp);
    expect(source(older, 'people.executive-sponsor')).toMatchObject({ source: 'ASSESSMENT', score: 1, ageDays: 200 });
    expect(older.coverage).toEqual({ evidence: 0.637, assessment: 0.363, unknown: 0 });

    await age(400);
    const stale = await recompute(org.setUp);
    expect(source(stale, 'people.executive-sponsor')).toMatchObject({ source: 'UNKNOWN', score: null, ageDays: null });
    expect(stale.coverage).toEqual({ evidence: 0.637, assessment: 0, unknown: 0.363 });
    // The declarations no longer count: the overall falls to about the measured share (57.7 × 0.637 ≈ 37), level 2,
    // under what the measured part supports (3): nothing to cap.
    expect(stale.overallScore).toBeLessThan(40);
    expect(stale).toMatchObject({ level: 2, measuredLevel: 3, levelCapped: false });
  });
});
