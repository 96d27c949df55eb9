import { clampScore, EvidenceContext, EvidenceDefinition, EvidenceProvider, EvidenceResult } from '@socle/platform-evidence';

export const CONTENT_PLANNED_KEY = 'content.calendarPlanned';
export const CONTENT_REGULARITY_KEY = 'content.regularity';

/** Whole weeks looked back at for regularity; days looked ahead for the plan. */
export const REGULARITY_WEEKS = 4;
export const PLANNED_AHEAD_DAYS = 14;

export const CONTENT_EVIDENCE: readonly EvidenceDefinition[] = [
  {
    key: CONTENT_PLANNED_KEY,
    title: { en: 'Publishing planned ahead', fr: 'Diffusion planifiée à l’avance' },
    description: {
      en: `Publications scheduled over the next ${PLANNED_AHEAD_DAYS} days against what the network plans call for (posts per week), capped per network.`,
      fr: `Publications programmées sur les ${PLANNED_AHEAD_DAYS} prochains jours au regard de ce que prévoient les plans par réseau (publications par semaine), plafonné par réseau.`,
    },
    source: 'seed 002, step 4 (planifier la diffusion sur l’année, calendrier)',
  },
  {
    key: CONTENT_REGULARITY_KEY,
    title: { en: 'Regular publishing', fr: 'Régularité de la diffusion' },
    description: {
      en: `Posts actually published over the last ${REGULARITY_WEEKS} whole weeks against the planned frequency of each network plan, capped per network.`,
      fr: `Publications réellement diffusées sur les ${REGULARITY_WEEKS} dernières semaines complètes au regard de la fréquence prévue par chaque plan, plafonné par réseau.`,
    },
    source: 'seed 002, step 7 (diffuser au quotidien) and seed 001 (« la régularité est la clé »)',
  },
];

interface PlanRow {
  network: string;
  posts_per_week: number;
  scheduled_ahead: number;
  published_back: number;
}

/**
 * Per network plan: publications scheduled in the next days and published in the
 * last whole weeks (weeks start on Monday in the organisation's time zone). One statement.
 */
export const CONTENT_EVIDENCE_SQL = `
  WITH org AS (SELECT timezone AS tz FROM organizations WHERE id = $1),
       bounds AS (SELECT (date_trunc('week', $2::timestamptz AT TIME ZONE org.tz) - $3::int * interval '1 week') AT TIME ZONE org.tz AS back_from,
                         date_trunc('week', $2::timestamptz AT TIME ZONE org.tz) AT TIME ZONE org.tz AS back_to FROM org)
  SELECT np.network, np.posts_per_week,
         (SELECT count(*)::int FROM publications p
           WHERE p.organization_id = np.organization_id AND p.network = np.network AND p.status IN ('SCHEDULED', 'PUBLISHING', 'PUBLISHED')
             AND p.due_at >= $2::timestamptz AND p.due_at < $2::timestamptz + $4::int * interval '1 day') AS scheduled_ahead,
         (SELECT count(*)::int FROM publications p, bounds b
           WHERE p.organization_id = np.organization_id AND p.network = np.network AND p.status = 'PUBLISHED'
             AND p.published_at >= b.back_from AND p.published_at < b.back_to) AS published_back
    FROM network_plans np WHERE np.organization_id = $1 AND np.posts_per_week > 0 ORDER BY np.network`;

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** Both keys from the plan rows. Pure. */
export function contentEvidence(plans: readonly PlanRow[]): Record<string, EvidenceResult> {
  if (plans.length === 0) {
    const none = { en: 'No network plan sets a frequency: nothing to measure publishing against.', fr: 'Aucun plan par réseau ne fixe de fréquence : rien à quoi mesurer la diffusion.' };
    return { [CONTENT_PLANNED_KEY]: { value: 0, score: 0, explanation: none }, [CONTENT_REGULARITY_KEY]: { value: 0, score: 0, explanation: none } };
  }
  const aheadWeeks = PLANNED_AHEAD_DAYS / 7;
  const expectedAhead = plans.reduce((sum, p) => sum + p.posts_per_week * aheadWeeks, 0);
  const metAhead = plans.reduce((sum, p) => sum + Math.min(p.scheduled_ahead, p.posts_per_week * aheadWeeks), 0);
  const planned = clampScore(metAhead / expectedAhead);
  const expectedBack = plans.reduce((sum, p) => sum + p.posts_per_week * REGULARITY_WEEKS, 0);
  const metBack = plans.reduce((sum, p) => sum + Math.min(p.published_back, p.posts_per_week * REGULARITY_WEEKS), 0);
  const regular = clampScore(metBack / expectedBack);
  const shortest = (pick: (p: PlanRow) => number, weeks: number) =>
    [...plans].sort((a, b) => pick(a) / (a.posts_per_week * weeks) - pick(b) / (b.posts_per_week * weeks))[0];
  const behindAhead = shortest((p) => p.scheduled_ahead, aheadWeeks);
  const behindBack = shortest((p) => p.published_back, REGULARITY_WEEKS);
  return {
    [CONTENT_PLANNED_KEY]: {
      value: planned, score: planned,
      explanation: {
        en: `${pct(planned)} of the next ${PLANNED_AHEAD_DAYS} days' planned posts are scheduled (${behindAhead.network}: ${behindAhead.scheduled_ahead} of ${behindAhead.posts_per_week * aheadWeeks}).`,
        fr: `${pct(planned)} des publications prévues sur les ${PLANNED_AHEAD_DAYS} prochains jours sont programmées (${behindAhead.network} : ${behindAhead.scheduled_ahead} sur ${behindAhead.posts_per_week * aheadWeeks}).`,
      },
    },
    [CONTENT_REGULARITY_KEY]: {
      value: regular, score: regular,
      explanation: {
        en: `${pct(regular)} of the planned frequency was met over the last ${REGULARITY_WEEKS} weeks (${behindBack.network}: ${behindBack.published_back} posts of ${behindBack.posts_per_week * REGULARITY_WEEKS}).`,
        fr: `${pct(regular)} de la fréquence prévue a été tenue sur les ${REGULARITY_WEEKS} dernières semaines (${behindBack.network} : ${behindBack.published_back} publications sur ${behindBack.posts_per_week * REGULARITY_WEEKS}).`,
      },
    },
  };
}

export const contentEvidenceProvider: EvidenceProvider = {
  module: 'content',
  definitions: CONTENT_EVIDENCE,
  async compute(ctx: EvidenceContext): Promise<Record<string, EvidenceResult>> {
    const plans = await ctx.uow.query<PlanRow>(CONTENT_EVIDENCE_SQL, [ctx.organizationId, ctx.at, REGULARITY_WEEKS, PLANNED_AHEAD_DAYS]);
    return contentEvidence(plans);
  },
};
