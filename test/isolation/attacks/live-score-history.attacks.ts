import type { AttackModule } from './attack-module';

const HISTORY = (organizationId: string) =>
  `{ liveScoreHistory(organizationId: "${organizationId}", first: 10) { edges { node { computedAt overallScore dimensions { key name score } } } } }`;

/** The live score history: A enters B's organisation, or names it from its own. */
export const liveScoreHistoryAttacks: AttackModule = {
  name: 'live score history',
  async setup({ asOwner, orgB }) {
    // Two kept live scores of B (the built-in model's identity), written as owner.
    await asOwner(
      `INSERT INTO maturity_live_scores (organization_id, computed_at, model_agency_id, model_id, model_version, overall_score, level, dimension_scores, evidence)
       VALUES ($1, now() - interval '40 days', NULL, 'default', 4, 35, 2, '{"strategy": 35}', '{}'),
              ($1, now() - interval '39 days', NULL, 'default', 4, 36, 2, '{"strategy": 36}', '{}')`,
      [orgB],
    );
    return {};
  },
  attacks: {
    liveScoreHistory: ({ orgB }) => [
      { query: HISTORY(orgB), options: 'orgB' },
      { query: HISTORY(orgB), options: 'orgA' },
    ],
  },
  snapshot: ({ api, b, orgB }) => api.ok(HISTORY(orgB), {}, { token: b.token, organizationId: orgB }),
};
