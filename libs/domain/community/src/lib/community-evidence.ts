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
 * window in which one of its queries ran successfully, read from the log of
 * listening runs (listening_run_weeks: per query and UTC ISO week, the first
 * and the last successful run), so a week in which listening ran and found
 * nothing counts. Week n of the window is [at - 7(n+1) days, at - 7n days)
 * back from the evaluation time, 7 days of 24 hours. Such a week covers the
 * end of one ISO week and the start of the next: it holds a run iff the first
 * or the last run of one of those two weeks falls inside it, so each log row
 * gives the weeks of its first and last run, by arithmetic. One pass over the
 * organisation's queries, per query one range of at most nine log rows on its
 * primary key, grouped by requirement and joined to the requirements by hash
 * (an organisation with a hundred competitors does not scan its queries once
 * per competitor).
 */
export const LISTENING_PRACTICE_SQL = `
  WITH req AS (SELECT 'BRAND'::text AS kind, NULL::uuid AS competitor_id, NULL::text AS name, 0::bigint AS position
               UNION ALL
               SELECT 'COMPETITOR', c.id, c.name, row_number() OVER (ORDER BY c.created_at, c.id) FROM competitors c WHERE c.organization_id = $1),
       ran AS (SELECT q.kind, coalesce(q.competitor_id, '00000000-0000-0000-0000-000000000000'::uuid) AS competitor_key,
                      array_agg(DISTINCT w.n ORDER BY w.n) AS weeks
                 FROM listening_queries q
                 JOIN listening_run_weeks l
                   ON l.organization_id = $1 AND l.query_id = q.id
                  AND l.week_start >= date_trunc('week', ($2::timestamptz - $3::int * interval '168 hours') AT TIME ZONE 'UTC')::date
                  AND l.week_start <= date_trunc('week', $2::timestamptz AT TIME ZONE 'UTC')::date
                 CROSS JOIN LATERAL (VALUES (l.first_success_at), (l.last_success_at)) AS t(at)
                 CROSS JOIN LATERAL (SELECT ceil(date_part('epoch', $2::timestamptz - t.at) / 604800)::int - 1 AS n) AS w
                WHERE q.organization_id = $1 AND q.kind IN ('BRAND', 'COMPETITOR') AND w.n BETWEEN 0 AND $3::int - 1
                GROUP BY 1, 2)
  SELECT r.kind, r.name, coalesce(ran.weeks, '{}') AS weeks
    FROM req r
    LEFT JOIN ran ON ran.kind = r.kind AND ran.competitor_key = coalesce(r.competitor_id, '00000000-0000-0000-0000-000000000000'::uuid)
   ORDER BY r.position`;

/** The community module's evidence: accounts in one statement; listening practice in one more, a few index probes per requirement and query. */
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
