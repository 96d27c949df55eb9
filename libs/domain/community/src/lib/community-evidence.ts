import type { EvidenceContext, EvidenceProvider, EvidenceResult } from '@socle/platform-evidence';

export const ACCOUNTS_CONNECTED_KEY = 'community.accountsConnected';

interface AccountFacts {
  ok: number;
  total: number;
  networks: string[];
  failing: string[];
}

/** Pure: the evidence from the counts (score 1 once one account is healthy). */
export function accountsConnectedEvidence(f: AccountFacts): EvidenceResult {
  const failing = f.failing.length
    ? { fr: ` ; à reconnecter ou vérifier : ${f.failing.join(', ')}`, en: `; to reconnect or check: ${f.failing.join(', ')}` }
    : { fr: '', en: '' };
  if (f.ok === 0) {
    return {
      value: 0,
      score: 0,
      explanation:
        f.total === 0
          ? { fr: "Aucun compte de réseau n'est connecté.", en: 'No network account is connected.' }
          : { fr: `Aucun compte connecté ne fonctionne${failing.fr}.`, en: `No connected account works${failing.en}.` },
    };
  }
  return {
    value: f.ok,
    score: 1,
    explanation: {
      fr: `${f.ok} compte${f.ok > 1 ? 's' : ''} connecté${f.ok > 1 ? 's' : ''} et en bon état sur ${f.networks.join(', ')}${failing.fr}.`,
      en: `${f.ok} connected account${f.ok > 1 ? 's' : ''} in good health on ${f.networks.join(', ')}${failing.en}.`,
    },
  };
}

export const LISTENING_PRACTICE_KEY = 'community.listeningPractice';
/** The rolling window of listening practice, in weeks of 7 days back from the evaluation time. */
export const LISTENING_PRACTICE_WEEKS = 8;

/** One thing listening must cover: the brand, or one listed competitor. */
export interface ListeningRequirement {
  kind: 'BRAND' | 'COMPETITOR';
  /** The competitor's name; null for the brand. */
  name: string | null;
  /** Weeks of the window (0 = the last 7 days) in which a query of this kind (of this competitor) ran successfully. */
  weeks: number[];
}

/**
 * Pure: the share of the window's weeks each requirement was listened to,
 * averaged over the brand and every listed competitor; the value is the number
 * of weeks in which all of them were.
 */
export function listeningPracticeEvidence(
  requirements: readonly ListeningRequirement[],
  windowWeeks = LISTENING_PRACTICE_WEEKS,
): EvidenceResult {
  const covered = (r: ListeningRequirement) => new Set(r.weeks.filter((w) => Number.isInteger(w) && w >= 0 && w < windowWeeks)).size;
  const brand = requirements.filter((r) => r.kind === 'BRAND');
  const competitors = requirements.filter((r) => r.kind === 'COMPETITOR');
  const all = [...brand, ...competitors];
  if (all.length === 0 || all.every((r) => covered(r) === 0)) {
    return {
      value: 0,
      score: 0,
      explanation: {
        fr: `Aucune veille n'a tourné sur les ${windowWeeks} dernières semaines (ni sur la marque, ni sur les concurrents).`,
        en: `No listening ran in the last ${windowWeeks} weeks (neither on the brand nor on competitors).`,
      },
    };
  }
  let fullWeeks = 0;
  for (let w = 0; w < windowWeeks; w++) if (all.every((r) => r.weeks.includes(w))) fullWeeks++;
  const score = all.reduce((sum, r) => sum + covered(r) / windowWeeks, 0) / all.length;
  const brandWeeks = brand.length ? covered(brand[0]) : 0;
  const behind = competitors
    .filter((r) => covered(r) < windowWeeks)
    .sort((a, b) => covered(a) - covered(b))
    .slice(0, 4);
  const behindText = (l: 'fr' | 'en') =>
    behind.length
      ? l === 'fr'
        ? ` ; concurrents peu suivis : ${behind.map((r) => `« ${r.name} » ${covered(r)}/${windowWeeks}`).join(', ')}`
        : `; competitors seldom listened to: ${behind.map((r) => `"${r.name}" ${covered(r)}/${windowWeeks}`).join(', ')}`
      : '';
  const competitorsText = (l: 'fr' | 'en') =>
    competitors.length === 0 ? (l === 'fr' ? ' ; aucun concurrent listé' : '; no competitor listed') : '';
  return {
    value: fullWeeks,
    score: Math.round(score * 1000) / 1000,
    explanation: {
      fr: `Veille de la marque sur ${brandWeeks} semaine${brandWeeks > 1 ? 's' : ''} sur ${windowWeeks}, marque et tous les concurrents couverts ${fullWeeks} semaine${fullWeeks > 1 ? 's' : ''} sur ${windowWeeks}${behindText('fr')}${competitorsText('fr')}.`,
      en: `Brand listened to in ${brandWeeks} of ${windowWeeks} weeks, brand and every competitor covered in ${fullWeeks} of ${windowWeeks} weeks${behindText('en')}${competitorsText('en')}.`,
    },
  };
}

/**
 * Per requirement (the brand, then each listed competitor), the weeks of the
 * window in which one of its queries ran successfully. The listening module
 * keeps per query and account the time of the last successful run, and per
 * match the time it was recorded (only a successful run records one), so a
 * week counts when it holds a query's last success or a match recorded then
 * for a mention published that week or the week before (a first run's
 * back-fill of older mentions does not make earlier weeks count). Each probe
 * stops at its first row on the index of matches by query and time.
 */
export const LISTENING_PRACTICE_SQL = `
  WITH weeks AS (SELECT n, $2::timestamptz - (n + 1) * interval '7 days' AS s, $2::timestamptz - n * interval '7 days' AS e
                   FROM generate_series(0, $3::int - 1) AS n),
       req AS (SELECT 'BRAND'::text AS kind, NULL::uuid AS competitor_id, NULL::text AS name, 0::bigint AS position
               UNION ALL
               SELECT 'COMPETITOR', c.id, c.name, row_number() OVER (ORDER BY c.created_at, c.id) FROM competitors c WHERE c.organization_id = $1)
  SELECT r.kind, r.name,
         coalesce((SELECT array_agg(w.n ORDER BY w.n) FROM weeks w
                    WHERE EXISTS (
                      SELECT 1 FROM listening_queries q
                       WHERE q.organization_id = $1 AND q.kind = r.kind AND q.competitor_id IS NOT DISTINCT FROM r.competitor_id
                         AND (EXISTS (SELECT 1 FROM listening_query_sources s
                                       WHERE s.organization_id = $1 AND s.query_id = q.id AND s.last_success_at >= w.s AND s.last_success_at < w.e)
                              OR EXISTS (SELECT 1 FROM mention_matches mm
                                          WHERE mm.organization_id = $1 AND mm.query_id = q.id
                                            AND mm.published_at >= w.s - interval '7 days' AND mm.published_at < w.e
                                            AND mm.created_at >= w.s AND mm.created_at < w.e)))), '{}') AS weeks
    FROM req r ORDER BY r.position`;

/** The community module's evidence: accounts in one statement; listening practice in one more, a few index probes per week and query. */
export const communityEvidenceProvider: EvidenceProvider = {
  module: 'community',
  definitions: [
    {
      key: ACCOUNTS_CONNECTED_KEY,
      title: { fr: 'Profils créés et connectés', en: 'Profiles created and connected' },
      description: {
        fr: 'Au moins un compte de réseau connecté et en bon état ; la liste des réseaux concernés.',
        en: 'At least one network account connected and healthy; the networks concerned.',
      },
      source: 'seed 002, step 3',
    },
    {
      key: LISTENING_PRACTICE_KEY,
      title: { fr: 'Veille pratiquée', en: 'Listening in practice' },
      description: {
        fr: `Part des ${LISTENING_PRACTICE_WEEKS} dernières semaines où la veille a tourné avec succès sur la marque et sur chaque concurrent listé (une requête de marque, une requête par concurrent), en moyenne.`,
        en: `Share of the last ${LISTENING_PRACTICE_WEEKS} weeks in which listening ran successfully on the brand and on each listed competitor (a brand query, a query per competitor), on average.`,
      },
      source: 'seed 002, step 1; seed 004',
    },
  ],
  async compute(ctx: EvidenceContext) {
    const [row] = await ctx.uow.prepared<AccountFacts>(
      'evidence_community_accounts',
      `SELECT count(*) FILTER (WHERE status = 'OK')::int AS ok, count(*)::int AS total,
              coalesce(array_agg(DISTINCT network ORDER BY network) FILTER (WHERE status = 'OK'), '{}') AS networks,
              coalesce(array_agg(DISTINCT network ORDER BY network) FILTER (WHERE status <> 'OK'), '{}') AS failing
         FROM network_accounts WHERE organization_id = $1`,
      [ctx.organizationId],
    );
    const requirements = await ctx.uow.prepared<ListeningRequirement>('evidence_listening_practice', LISTENING_PRACTICE_SQL, [
      ctx.organizationId,
      ctx.at,
      LISTENING_PRACTICE_WEEKS,
    ]);
    return {
      [ACCOUNTS_CONNECTED_KEY]: accountsConnectedEvidence(row),
      [LISTENING_PRACTICE_KEY]: listeningPracticeEvidence(requirements),
    };
  },
};
