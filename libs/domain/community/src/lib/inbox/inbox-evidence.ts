import type { EvidenceContext, EvidenceProvider, EvidenceResult } from '@socle/platform-evidence';

export const RESPONSE_TIME_KEY = 'community.responseTime';
/** The window the median is taken over. */
export const RESPONSE_TIME_DAYS = 30;

export interface ResponseTimeFacts {
  /** Items considered: answered ones, and open ones already past due (counted up to now). */
  count: number;
  /** Median minutes from reception to the first answer. */
  medianMinutes: number | null;
  /** Median minutes the rules allowed (due time minus reception). */
  allowedMinutes: number | null;
}

function duration(minutes: number): { fr: string; en: string } {
  if (minutes < 120) {
    const m = Math.round(minutes);
    return { fr: `${m} min`, en: `${m} min` };
  }
  const h = Math.round(minutes / 6) / 10;
  return { fr: `${String(h).replace('.', ',')} h`, en: `${h} h` };
}

/**
 * Pure: score 1 when the median first response is within the median delay the
 * rules allow, else allowed / taken (half as fast as asked: 0.5).
 */
export function responseTimeEvidence(f: ResponseTimeFacts): EvidenceResult {
  if (f.count === 0 || f.medianMinutes === null || f.allowedMinutes === null) {
    return {
      value: null,
      score: 0,
      explanation: {
        fr: `Aucun commentaire à traiter sur les ${RESPONSE_TIME_DAYS} derniers jours : le délai de réponse n'est pas encore mesuré.`,
        en: `No comment to handle in the last ${RESPONSE_TIME_DAYS} days: the response time is not measured yet.`,
      },
    };
  }
  const taken = duration(f.medianMinutes);
  const allowed = duration(f.allowedMinutes);
  const within = f.medianMinutes <= f.allowedMinutes;
  const score = within ? 1 : Math.max(0, Math.min(1, f.allowedMinutes / Math.max(f.medianMinutes, 1e-9)));
  return {
    value: Math.round(f.medianMinutes * 10) / 10,
    score: Math.round(score * 1000) / 1000,
    explanation: within
      ? {
          fr: `Première réponse en ${taken.fr} (médiane sur ${f.count} commentaires, ${RESPONSE_TIME_DAYS} jours), dans le délai des règles (${allowed.fr}).`,
          en: `First answer within ${taken.en} (median of ${f.count} comments over ${RESPONSE_TIME_DAYS} days), inside the rules' delay (${allowed.en}).`,
        }
      : {
          fr: `Première réponse en ${taken.fr} (médiane sur ${f.count} commentaires, ${RESPONSE_TIME_DAYS} jours), au-delà du délai des règles (${allowed.fr}).`,
          en: `First answer within ${taken.en} (median of ${f.count} comments over ${RESPONSE_TIME_DAYS} days), beyond the rules' delay (${allowed.en}).`,
        },
  };
}

/** The inbox's evidence: the median first-response time against the comment-handling rules. */
export const inboxEvidenceProvider: EvidenceProvider = {
  module: 'community',
  definitions: [
    {
      key: RESPONSE_TIME_KEY,
      title: { fr: 'Délai de réponse aux commentaires', en: 'Response time to comments' },
      description: {
        fr: 'Temps médian de première réponse aux commentaires sur 30 jours (les commentaires en retard sans réponse comptent), comparé au délai des règles de modération.',
        en: "Median first-response time to comments over 30 days (overdue unanswered comments count), against the comment-handling rules' delay.",
      },
      source: 'seed 002, step 9',
    },
  ],
  async compute(ctx: EvidenceContext) {
    const [row] = await ctx.uow.query<{ count: number; median: number | null; allowed: number | null }>(
      `SELECT count(*)::int AS count,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (coalesce(first_response_at, $2::timestamptz) - received_at)) / 60)::float8 AS median,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (due_at - received_at)) / 60)::float8 AS allowed
         FROM inbox_items
        WHERE organization_id = $1 AND received_at > $2::timestamptz - make_interval(days => $3) AND status <> 'DISMISSED'
          AND (first_response_at IS NOT NULL OR due_at < $2::timestamptz)`,
      [ctx.organizationId, ctx.at, RESPONSE_TIME_DAYS],
    );
    return { [RESPONSE_TIME_KEY]: responseTimeEvidence({ count: row.count, medianMinutes: row.median, allowedMinutes: row.allowed }) };
  },
};
