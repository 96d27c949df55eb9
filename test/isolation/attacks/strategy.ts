import type { Attack, AttackModule } from './attack-module';

const nextYear = `${new Date().getUTCFullYear() + 1}-12-31`;

/** The same operation aimed at B's row from inside B (refused by the guard) and from A (B's id is not found in A). */
const both = (query: string): Attack[] => [
  { query, options: 'orgB' },
  { query, options: 'orgA' },
];

export const strategyAttacks: AttackModule = {
  name: 'strategy',
  async setup({ asOwner, orgB, memberB }) {
    const one = async (sql: string, params: unknown[]) => (await asOwner<{ id: string }>(sql, params))[0].id;
    const objectiveB = await one(
      `INSERT INTO objectives (organization_id, kind, title, metric, baseline, target, deadline) VALUES ($1, 'BRAND', 'Notoriété B', 'abonnés', 10, 100, $2) RETURNING id`,
      [orgB, nextYear],
    );
    const kpiB = await one(
      `INSERT INTO kpis (organization_id, objective_id, name, metric, target, frequency) VALUES ($1, $2, 'Abonnés', 'followers', 100, 'MONTHLY') RETURNING id`,
      [orgB, objectiveB],
    );
    const segmentB = await one(
      `INSERT INTO audience_segments (organization_id, name, needs, usages) VALUES ($1, 'Clients B', 'Infos', '{PR}') RETURNING id`,
      [orgB],
    );
    const planB = await one(
      `INSERT INTO network_plans (organization_id, network, rationale, posts_per_week) VALUES ($1, 'mastodon', 'B', 2) RETURNING id`,
      [orgB],
    );
    await asOwner('INSERT INTO network_plan_segments (organization_id, network_plan_id, segment_id) VALUES ($1, $2, $3)', [
      orgB,
      planB,
      segmentB,
    ]);
    const competitorB = await one(
      `INSERT INTO competitors (organization_id, name, handles) VALUES ($1, 'Rival B', '[{"network":"mastodon","handle":"@rival"}]') RETURNING id`,
      [orgB],
    );
    await asOwner(
      `INSERT INTO brand_voices (organization_id, tone, words_to_use, words_to_avoid, address_form) VALUES ($1, 'Sobre', '{qualité}', '{promo}', 'VOUS')`,
      [orgB],
    );
    const taskForceB = await one(
      `INSERT INTO task_force_members (organization_id, role, user_id) VALUES ($1, 'COMMUNITY_MANAGER', $2) RETURNING id`,
      [orgB, memberB.userId],
    );
    const ritualB = await one(
      `INSERT INTO rituals (organization_id, kind, cadence, weekday, time_of_day, timezone) VALUES ($1, 'WEEKLY_MEETING', 'WEEKLY', 1, '09:30', 'Europe/Paris') RETURNING id`,
      [orgB],
    );
    await asOwner(`INSERT INTO roadmap_step_statuses (organization_id, step, status, note) VALUES ($1, 4, 'IN_PROGRESS', 'B')`, [orgB]);
    return { objectiveB, kpiB, segmentB, planB, competitorB, taskForceB, ritualB };
  },
  attacks: {
    objectives: () => [{ query: '{ objectives(first: 5) { edges { node { id title } } } }', options: 'orgB' }],
    objective: ({ objectiveB }) => both(`{ objective(id: "${objectiveB}") { id title kpis { id } } }`),
    createObjective: () => [
      {
        query: `mutation { createObjective(input: { kind: BRAND, title: "x", metric: "m", baseline: 1, target: 2, deadline: "${nextYear}" }) { id } }`,
        options: 'orgB',
      },
    ],
    updateObjective: ({ objectiveB }) => both(`mutation { updateObjective(input: { id: "${objectiveB}", title: "pwned" }) { id } }`),
    deleteObjective: ({ objectiveB }) => both(`mutation { deleteObjective(input: { id: "${objectiveB}" }) { id } }`),
    createKpi: ({ objectiveB }) =>
      both(`mutation { createKpi(input: { objectiveId: "${objectiveB}", name: "x", metric: "m", target: 1, frequency: WEEKLY }) { id } }`),
    updateKpi: ({ kpiB }) => both(`mutation { updateKpi(input: { id: "${kpiB}", target: 0 }) { id } }`),
    deleteKpi: ({ kpiB }) => both(`mutation { deleteKpi(input: { id: "${kpiB}" }) { id } }`),
    audienceSegments: () => [{ query: '{ audienceSegments(first: 5) { edges { node { id name } } } }', options: 'orgB' }],
    createAudienceSegment: () => [{ query: 'mutation { createAudienceSegment(input: { name: "x" }) { id } }', options: 'orgB' }],
    updateAudienceSegment: ({ segmentB }) => both(`mutation { updateAudienceSegment(input: { id: "${segmentB}", name: "pwned" }) { id } }`),
    deleteAudienceSegment: ({ segmentB }) => both(`mutation { deleteAudienceSegment(input: { id: "${segmentB}" }) { id } }`),
    networkPlans: () => [{ query: '{ networkPlans(first: 5) { edges { node { id segments { id } } } } }', options: 'orgB' }],
    createNetworkPlan: ({ segmentB }) => [
      {
        query: `mutation { createNetworkPlan(input: { network: "bluesky", segmentIds: ["${segmentB}"], postsPerWeek: 1 }) { id } }`,
        options: 'orgB',
      },
    ],
    updateNetworkPlan: ({ planB }) =>
      both(`mutation { updateNetworkPlan(input: { id: "${planB}", postsPerWeek: 0, segmentIds: [] }) { id } }`),
    deleteNetworkPlan: ({ planB }) => both(`mutation { deleteNetworkPlan(input: { id: "${planB}" }) { id } }`),
    competitors: () => [{ query: '{ competitors(first: 5) { edges { node { id name } } } }', options: 'orgB' }],
    createCompetitor: () => [{ query: 'mutation { createCompetitor(input: { name: "x" }) { id } }', options: 'orgB' }],
    updateCompetitor: ({ competitorB }) => both(`mutation { updateCompetitor(input: { id: "${competitorB}", handles: [] }) { id } }`),
    deleteCompetitor: ({ competitorB }) => both(`mutation { deleteCompetitor(input: { id: "${competitorB}" }) { id } }`),
    brandVoice: () => [{ query: '{ brandVoice { tone wordsToAvoid } }', options: 'orgB' }],
    setBrandVoice: () => [
      { query: 'mutation { setBrandVoice(input: { tone: "x", wordsToUse: [], wordsToAvoid: [] }) { tone } }', options: 'orgB' },
    ],
    taskForceMembers: () => [{ query: '{ taskForceMembers(first: 5) { edges { node { id name } } } }', options: 'orgB' }],
    addTaskForceMember: ({ memberB }) => [
      { query: `mutation { addTaskForceMember(input: { role: ANALYST, userId: "${memberB}" }) { id } }`, options: 'orgB' },
    ],
    removeTaskForceMember: ({ taskForceB }) => both(`mutation { removeTaskForceMember(input: { id: "${taskForceB}" }) { id } }`),
    rituals: () => [{ query: '{ rituals(first: 5) { edges { node { id nextOccurrence } } } }', options: 'orgB' }],
    createRitual: () => [
      { query: 'mutation { createRitual(input: { kind: OTHER, title: "x", weekday: 1, time: "10:00" }) { id } }', options: 'orgB' },
    ],
    updateRitual: ({ ritualB }) => both(`mutation { updateRitual(input: { id: "${ritualB}", time: "23:00" }) { id } }`),
    deleteRitual: ({ ritualB }) => both(`mutation { deleteRitual(input: { id: "${ritualB}" }) { id } }`),
    nextWeeklyMeeting: () => [{ query: '{ nextWeeklyMeeting { startsAt agenda { name } } }', options: 'orgB' }],
    roadmap: () => [{ query: '{ roadmap { steps { number status note } } }', options: 'orgB' }],
    setRoadmapStepStatus: () => [
      { query: 'mutation { setRoadmapStepStatus(input: { step: 4, status: DONE, note: "pwned" }) { status } }', options: 'orgB' },
    ],
    strategyDocument: () => [{ query: '{ strategyDocument { markdown } }', options: 'orgB' }],
  },
  snapshot: async ({ api, b, orgB }) => {
    const as = { token: b.token, organizationId: orgB };
    const doc = await api.ok<{ strategyDocument: Record<string, unknown> }>(
      `{ strategyDocument { objectives { id title updatedAt kpis { id target updatedAt } } segments { id name updatedAt } networkPlans { id postsPerWeek segments { id } updatedAt }
         brandVoice { tone wordsToUse wordsToAvoid addressForm updatedAt } competitors { id handles { handle } updatedAt } taskForce { id role }
         rituals { id time updatedAt } } }`,
      {},
      as,
    );
    const roadmap = await api.ok('{ roadmap { steps { number status note updatedAt } } }', {}, as);
    return { doc: doc.strategyDocument, roadmap };
  },
};
