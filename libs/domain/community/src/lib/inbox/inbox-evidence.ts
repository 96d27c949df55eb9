import type { EvidenceContext, EvidenceProvider, EvidenceResult } from '@socle/platform-evidence';

export const RESPONSE_TIME_KEY = 'community.responseTime';
/** The window the median is taken over. */
export const RESPONSE_TIME_DAYS = 30;
export const RESPONSE_PRACTICE_KEY = 'community.responsePractice';
/** The rolling window of response practice, in days (8 weeks). */
export const RESPONSE_PRACTICE_DAYS = 56;

export interface ResponsePracticeFacts {
  /** Comments received in the window that were due: answered, or unanswered past their due time. */
  due: number;
  /** Of those, first-answered no later than the due time the comment-handling rules gave them. */
  inTime: number;
}

/** Pure: the share of the window's due comments first-answered within the rules' delay. */
export function responsePracticeEvidence(f: ResponsePracticeFacts): EvidenceResult {
  const days = RESPONSE_PRACTICE_DAYS;
  if (f.due === 0) {
    return {
      value: null,
      score: 0,
      explanation: {
        fr: `Aucun commentaire à traiter sur les ${days} derniers jours : la pratique de réponse n'est pas encore démontrée.`,
        en: `No comment to handle in the last ${days} days: answering in practice is not shown yet.`,
      },
    };
  }
  const share = Math.max(0, Math.min(1, f.inTime / f.due));
  const pct = Math.round(share * 100);
  return {
    value: Math.round(share * 1000) / 1000,
    score: Math.round(share * 1000) / 1000,
    explanation: {
      fr: `${f.inTime} commentaire${f.inTime > 1 ? 's' : ''} sur ${f.due} ${f.inTime > 1 ? 'ont reçu' : 'a reçu'} une première réponse dans le délai des règles sur les ${days} derniers jours (${pct} %).`,
      en: `${f.inTime} of ${f.due} comments got a first answer within the rules' delay over the last ${days} days (${pct}%).`,
    },
  };
}

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

/** The inbox's evidence: the median first-response time against the comment-handling rules, and the share answered in time. */
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
    {
      key: RESPONSE_PRACTICE_KEY,
      title: { fr: 'Réponses dans les délais', en: 'Answers in time' },
      description: {
        fr: `Part des commentaires reçus sur les ${RESPONSE_PRACTICE_DAYS} derniers jours et arrivés à échéance (répondus, ou sans réponse et en retard) qui ont reçu une première réponse avant l'échéance donnée par les règles de modération.`,
        en: `Share of the comments received over the last ${RESPONSE_PRACTICE_DAYS} days that fell due (answered, or unanswered and overdue) which got a first answer before the due time the comment-handling rules gave them.`,
      },
      source: 'seed 002, step 9 (intervenir rapidement); seed 002, step 5 C (délai)',
    },
  ],
  async compute(ctx: EvidenceContext) {
    // One scan for both windows: the median over the shorter one, the in-time share over the longer one.
    const [row] = await ctx.uow.prepared<{ count: number; median: number | null; allowed: number | null; due: number; in_time: number }>(
      'evidence_inbox',
      `SELECT count(*) FILTER (WHERE received_at > $2::timestamptz - make_interval(days => $3))::int AS count,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (coalesce(first_response_at, $2::timestamptz) - received_at)) / 60)
                FILTER (WHERE received_at > $2::timestamptz - make_interval(days => $3))::float8 AS median,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM (due_at - received_at)) / 60)
                FILTER (WHERE received_at > $2::timestamptz - make_interval(days => $3))::float8 AS allowed,
              count(*) FILTER (WHERE received_at > $2::timestamptz - make_interval(days => $4))::int AS due,
              count(*) FILTER (WHERE received_at > $2::timestamptz - make_interval(days => $4) AND first_response_at <= due_at
                                 AND first_response_at <= $2::timestamptz)::int AS in_time
         FROM inbox_items
        WHERE organization_id = $1 AND received_at > $2::timestamptz - make_interval(days => greatest($3, $4)) AND received_at <= $2::timestamptz
          AND status <> 'DISMISSED' AND (first_response_at IS NOT NULL OR due_at < $2::timestamptz)`,
      [ctx.organizationId, ctx.at, RESPONSE_TIME_DAYS, RESPONSE_PRACTICE_DAYS],
    );
    return {
      [RESPONSE_TIME_KEY]: responseTimeEvidence({ count: row.count, medianMinutes: row.median, allowedMinutes: row.allowed }),
      [RESPONSE_PRACTICE_KEY]: responsePracticeEvidence({ due: row.due, inTime: row.in_time }),
    };
  },
};
