import type { AttackModule } from './attack-module';

const t = (s: string) => ({ en: s, fr: s });
const MODEL = {
  name: t('B model'),
  description: t(''),
  levels: [1, 2].map((n) => ({ number: n, name: t(`L${n}`), description: t(''), minScore: (n - 1) * 50 })),
  dimensions: [
    {
      key: 'review',
      title: t('Review'),
      description: t(''),
      weight: 1,
      criteria: [
        {
          key: 'review.recent',
          kind: 'EVIDENCE',
          title: t('Recent'),
          weight: 1,
          source: 'seed 002',
          recommendation: t('r'),
          evidenceKey: 'evaluation.recentAssessment',
        },
      ],
    },
  ],
};

/** The portfolio, radar, comparison and live score: A aims at B's organisation from every side. */
export const portfolioAttacks: AttackModule = {
  name: 'portfolio',
  async setup({ asOwner, orgB, b }) {
    // A finalised assessment and a live score in B, written as owner.
    await asOwner(
      `INSERT INTO maturity_assessments (organization_id, model_agency_id, model_id, model_version, model_content, status, finalized_at,
         overall_score, level, dimension_scores, evidence, recommendations)
       VALUES ($1, $2, 'b-model', 1, $3, 'FINALIZED', now() - interval '3 days', 70, 2, '{"review": 70}', '{}', '[]')`,
      [orgB, b.agencyId, JSON.stringify(MODEL)],
    );
    await asOwner(
      `INSERT INTO maturity_live_scores (organization_id, computed_at, model_agency_id, model_id, model_version, overall_score, level, dimension_scores, evidence)
       VALUES ($1, now() - interval '1 day', $2, 'b-model', 1, 100, 2, '{"review": 100}', '{}')`,
      [orgB, b.agencyId],
    );
    return {};
  },
  attacks: {
    portfolio: () => [{ query: '{ portfolio(first: 5) { totalCount edges { node { organizationId name } } } }', options: 'agencyB' }],
    organizationMaturityRadar: ({ orgB }) => [
      { query: `{ organizationMaturityRadar(organizationId: "${orgB}") { source axes { score } } }`, options: 'agency' },
      { query: `{ organizationMaturityRadar(organizationId: "${orgB}") { source axes { score } } }`, options: 'agencyB' },
    ],
    maturityComparison: ({ orgB }) => [
      { query: `{ maturityComparison(organizationId: "${orgB}") { overall { score agencyAverage } } }`, options: 'agency' },
      { query: `{ maturityComparison(organizationId: "${orgB}") { overall { score agencyAverage } } }`, options: 'agencyB' },
    ],
    maturityRadar: () => [{ query: '{ maturityRadar { source axes { score } } }', options: 'orgB' }],
    recomputeLiveScore: () => [{ query: 'mutation { recomputeLiveScore { overallScore computedAt } }', options: 'orgB' }],
  },
  snapshot: ({ api, b, orgB }) =>
    Promise.all([
      api.ok(
        '{ portfolio(first: 50) { totalCount edges { node { organizationId trend lastAssessment { id score } liveScore { score computedAt } } } } }',
        {},
        { token: b.token },
      ),
      api.ok('{ maturityRadar(source: LIVE) { at overallScore } }', {}, { token: b.token, organizationId: orgB }),
    ]),
};
