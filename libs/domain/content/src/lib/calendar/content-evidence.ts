import { clampScore, EvidenceContext, EvidenceDefinition, EvidenceProvider, EvidenceResult } from '@socle/platform-evidence';

export const CONTENT_PLANNED_KEY = 'content.calendarPlanned';
export const CONTENT_REGULARITY_KEY = 'content.regularity';
export const CONTENT_APPROVAL_KEY = 'content.approvalWorkflow';
export const CONTENT_MEDIA_KIT_KEY = 'content.mediaKit';
export const CONTENT_SUGGESTIONS_KEY = 'content.suggestions';
export const CONTENT_PUBLISHING_PRACTICE_KEY = 'content.publishingPractice';

/** Whole weeks looked back at for regularity; days looked ahead for the plan. */
export const REGULARITY_WEEKS = 4;
export const PLANNED_AHEAD_DAYS = 14;
/** Whole weeks looked back at for publishing practice, each week held to its plan on its own. */
export const PUBLISHING_PRACTICE_WEEKS = 8;
/** The rolling window of the practice keys (approvals, media kit, suggestions), in days. */
export const PRACTICE_WINDOW_DAYS = 90;
/** A suggestion is answered in time when the content lead triages it within these days. */
export const TRIAGE_DAYS = 14;
/** Media kit: assets added to the library, and distinct assets used by items, that make a full half each over the window. */
export const MEDIA_ADDED_TARGET = 3;
export const MEDIA_USED_TARGET = 5;
/** Suggestions over the window that make full volume (about one every two weeks). */
export const SUGGESTIONS_TARGET = 6;

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
  {
    key: CONTENT_PUBLISHING_PRACTICE_KEY,
    title: { en: 'Publishing in practice, week after week', fr: 'Diffusion tenue semaine après semaine' },
    description: {
      en: `Posts actually published in each of the last ${PUBLISHING_PRACTICE_WEEKS} whole weeks against each network plan's posts per week, each week and network capped at its plan (a busy week does not make up for a silent one).`,
      fr: `Publications réellement diffusées chacune des ${PUBLISHING_PRACTICE_WEEKS} dernières semaines complètes au regard des publications par semaine de chaque plan, chaque semaine et chaque réseau plafonnés à leur plan (une semaine chargée ne rattrape pas une semaine muette).`,
    },
    source: 'seed 002, steps 4 and 7; seed 001 (« la régularité est la clé »)',
  },
  {
    key: CONTENT_APPROVAL_KEY,
    title: { en: 'Approval workflow in practice', fr: 'Circuit d’approbation appliqué' },
    description: {
      en: `Share of the items approved or published in the last ${PRACTICE_WINDOW_DAYS} days approved on every step of the organisation's current approval chain, the final step by someone other than the item's author (another member, or the recipient of a link the author did not send).`,
      fr: `Part des contenus approuvés ou publiés sur les ${PRACTICE_WINDOW_DAYS} derniers jours qui ont été approuvés à chaque étape du circuit actuel de l’organisation, la dernière par une autre personne que leur auteur (un autre membre, ou le destinataire d’un lien que l’auteur n’a pas envoyé).`,
    },
    source: 'seed 001, §5 (approbateur final); seed 002, step 7',
  },
  {
    key: CONTENT_MEDIA_KIT_KEY,
    title: { en: 'Media library in use', fr: 'Médiathèque utilisée' },
    description: {
      en: `Over the last ${PRACTICE_WINDOW_DAYS} days: half for assets added to the media library (${MEDIA_ADDED_TARGET} make the full half), half for distinct assets used by the variants of items worked on (${MEDIA_USED_TARGET} make the full half).`,
      fr: `Sur les ${PRACTICE_WINDOW_DAYS} derniers jours : une moitié pour les visuels ajoutés à la médiathèque (${MEDIA_ADDED_TARGET} donnent la moitié entière), une moitié pour les visuels distincts utilisés par les variantes des contenus travaillés (${MEDIA_USED_TARGET} donnent la moitié entière).`,
    },
    source: 'seed 000, §2.5 (kit médias sociaux); seed 002, step 4',
  },
  {
    key: CONTENT_SUGGESTIONS_KEY,
    title: { en: 'Employee suggestions', fr: 'Suggestions des employés' },
    description: {
      en: `Employee suggestions over the last ${PRACTICE_WINDOW_DAYS} days (${SUGGESTIONS_TARGET} make full volume) times the share of them the content lead triaged within ${TRIAGE_DAYS} days (those younger than ${TRIAGE_DAYS} days and not yet triaged are not late).`,
      fr: `Suggestions des employés sur les ${PRACTICE_WINDOW_DAYS} derniers jours (${SUGGESTIONS_TARGET} donnent le volume entier) multipliées par la part que le responsable du contenu a traitée en ${TRIAGE_DAYS} jours au plus (celles de moins de ${TRIAGE_DAYS} jours pas encore traitées ne sont pas en retard).`,
    },
    source: 'seed 001, §6 (boîte à suggestions); seed 002, step 6',
  },
];

export interface PlanRow {
  network: string;
  posts_per_week: number;
  scheduled_ahead: number;
  published_back: number;
}

/** A plan row as the statement returns it: publications per whole week, the last week first. */
export interface PlanWeeksRow {
  network: string;
  posts_per_week: number;
  scheduled_ahead: number;
  /** Publications published in each of the last whole weeks: [last week, the week before, …]. */
  published_weeks: number[];
}

/**
 * Per network plan: publications scheduled in the next days and published in
 * each of the last $3 whole weeks (weeks start on Monday in the organisation's
 * time zone). One statement. Regularity sums the first REGULARITY_WEEKS of
 * them; publishing practice holds each week to the plan on its own.
 */
export const CONTENT_EVIDENCE_SQL = `
  WITH org AS (SELECT timezone AS tz FROM organizations WHERE id = $1),
       weeks AS (SELECT w.k, (date_trunc('week', $2::timestamptz AT TIME ZONE org.tz) - w.k * interval '1 week') AT TIME ZONE org.tz AS s,
                        (date_trunc('week', $2::timestamptz AT TIME ZONE org.tz) - (w.k - 1) * interval '1 week') AT TIME ZONE org.tz AS e
                   FROM org, generate_series(1, $3::int) AS w (k))
  SELECT np.network, np.posts_per_week,
         (SELECT count(*)::int FROM publications p
           WHERE p.organization_id = np.organization_id AND p.network = np.network AND p.status IN ('SCHEDULED', 'PUBLISHING', 'PUBLISHED')
             AND p.due_at >= $2::timestamptz AND p.due_at < $2::timestamptz + $4::int * interval '1 day') AS scheduled_ahead,
         (SELECT coalesce(array_agg(c.n ORDER BY w.k), '{}') FROM weeks w
            CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM publications p
                                 WHERE p.organization_id = np.organization_id AND p.network = np.network AND p.status = 'PUBLISHED'
                                   AND p.published_at >= w.s AND p.published_at < w.e) c) AS published_weeks
    FROM network_plans np WHERE np.organization_id = $1 AND np.posts_per_week > 0 ORDER BY np.network`;

/** The plan row regularity reads: publications of its last REGULARITY_WEEKS whole weeks. */
export function regularityRow(p: PlanWeeksRow): PlanRow {
  const published_back = p.published_weeks.slice(0, REGULARITY_WEEKS).reduce((sum, n) => sum + n, 0);
  return { network: p.network, posts_per_week: p.posts_per_week, scheduled_ahead: p.scheduled_ahead, published_back };
}

/**
 * Pure: publications out per week against each plan, each network and week
 * capped at its posts per week, over the last PUBLISHING_PRACTICE_WEEKS whole
 * weeks; the value is the number of weeks every network met its plan.
 */
export function publishingPracticeEvidence(plans: readonly PlanWeeksRow[], weeks = PUBLISHING_PRACTICE_WEEKS): EvidenceResult {
  if (plans.length === 0) {
    return {
      value: 0,
      score: 0,
      explanation: {
        en: 'No network plan sets a frequency: nothing to measure publishing against.',
        fr: 'Aucun plan par réseau ne fixe de fréquence : rien à quoi mesurer la diffusion.',
      },
    };
  }
  const week = (p: PlanWeeksRow, w: number) => Math.max(0, p.published_weeks[w] ?? 0);
  const expected = plans.reduce((sum, p) => sum + p.posts_per_week * weeks, 0);
  let met = 0;
  let fullWeeks = 0;
  for (let w = 0; w < weeks; w++) {
    let all = true;
    for (const p of plans) {
      met += Math.min(week(p, w), p.posts_per_week);
      if (week(p, w) < p.posts_per_week) all = false;
    }
    if (all) fullWeeks++;
  }
  const score = clampScore(met / expected);
  const weeksMet = (p: PlanWeeksRow) => Array.from({ length: weeks }, (_, w) => week(p, w) >= p.posts_per_week).filter(Boolean).length;
  const behind = [...plans].sort((a, b) => weeksMet(a) - weeksMet(b) || a.network.localeCompare(b.network))[0];
  const out = Array.from({ length: weeks }, (_, w) => plans.reduce((sum, p) => sum + week(p, w), 0)).reduce((a, b) => a + b, 0);
  return {
    value: fullWeeks,
    score: Math.round(score * 1000) / 1000,
    explanation: {
      en: `${out} posts out over the last ${weeks} weeks: ${pct(score)} of the planned weekly posts, every network on plan in ${fullWeeks} of ${weeks} weeks (${behind.network}: plan of ${behind.posts_per_week} a week met in ${weeksMet(behind)} ${weeksMet(behind) === 1 ? 'week' : 'weeks'}).`,
      fr: `${out} publications diffusées sur les ${weeks} dernières semaines : ${pct(score)} des publications hebdomadaires prévues, tous les réseaux au rythme prévu ${fullWeeks} semaine${fullWeeks > 1 ? 's' : ''} sur ${weeks} (${behind.network} : rythme de ${behind.posts_per_week} par semaine tenu ${weeksMet(behind)} semaine${weeksMet(behind) > 1 ? 's' : ''}).`,
    },
  };
}

/** What the organisation did over the practice window; one row. */
export interface PracticeRow {
  /** Items approved or published in the window. */
  reached: number;
  /** Of those, items approved on every step of the current chain, the final step by someone other than the author. */
  through_chain: number;
  /** Steps of the organisation's current approval chain (1 for the default chain). */
  chain_steps: number;
  media_added: number;
  media_used: number;
  suggested: number;
  /** Suggestions triaged, or older than the triage delay: those that count for the share. */
  suggestions_due: number;
  triaged_in_time: number;
}

/**
 * The practice keys over the last PRACTICE_WINDOW_DAYS days before $2, in one row.
 * - Approvals: an item counts when a publication of it was published in the window, or when it is
 *   past review (APPROVED to FAILED) and its last approval on its current revision (its last change
 *   without one) falls in the window. It went through the chain when its current revision has an
 *   approval on every step of the chain in force (1 step by default), and the final step's approval
 *   is by a member other than its author, or through a link someone other than its author sent (a
 *   person or link no longer known counts as someone else: the service checked it when deciding).
 *   Member addresses are not read: they are not visible in every tenant scope evidence runs in.
 * - Media kit: assets created in the window; distinct assets listed by the variants of items changed
 *   in the window (cancelled items aside).
 * - Suggestions: items the suggestion box created in the window; due once triaged or TRIAGE_DAYS old.
 */
export const CONTENT_PRACTICE_SQL = `
  WITH win AS (SELECT $2::timestamptz - $3::int * interval '1 day' AS since, $2::timestamptz AS until),
       chain AS (SELECT COALESCE((SELECT jsonb_array_length(c.steps) FROM content_approval_chains c WHERE c.organization_id = $1), 1) AS steps),
       reached AS (
         SELECT i.id, i.revision, i.created_by
           FROM content_items i CROSS JOIN win w
                LEFT JOIN LATERAL (SELECT max(d.decided_at) AS decided_at FROM content_approval_decisions d
                                    WHERE d.organization_id = i.organization_id AND d.item_id = i.id AND d.revision = i.revision
                                      AND d.verdict = 'APPROVED') last_approval ON true
          WHERE i.organization_id = $1 AND (
            EXISTS (SELECT 1 FROM publications p
                     WHERE p.organization_id = i.organization_id AND p.item_id = i.id AND p.status = 'PUBLISHED'
                       AND p.published_at >= w.since AND p.published_at < w.until)
            OR (i.status IN ('APPROVED', 'SCHEDULED', 'PUBLISHING', 'PUBLISHED', 'FAILED')
                AND COALESCE(last_approval.decided_at, i.updated_at) >= w.since AND COALESCE(last_approval.decided_at, i.updated_at) < w.until))),
       through AS (
         SELECT r.id FROM reached r, chain c
          WHERE (SELECT count(DISTINCT d.step) FROM content_approval_decisions d
                  WHERE d.organization_id = $1 AND d.item_id = r.id AND d.revision = r.revision AND d.verdict = 'APPROVED' AND d.step <= c.steps) = c.steps
            AND EXISTS (SELECT 1 FROM content_approval_decisions d
                                 LEFT JOIN content_approval_links l ON l.organization_id = d.organization_id AND l.id = d.link_id
                         WHERE d.organization_id = $1 AND d.item_id = r.id AND d.revision = r.revision AND d.verdict = 'APPROVED' AND d.step = c.steps
                           AND CASE WHEN d.decider_kind = 'MEMBER' THEN COALESCE(d.decider_user_id <> r.created_by, true)
                                    ELSE COALESCE(l.created_by <> r.created_by, true) END)),
       suggestions AS (
         SELECT i.created_at, CASE WHEN i.triaged_at < w.until THEN i.triaged_at END AS triaged_at, w.until FROM content_items i, win w
          WHERE i.organization_id = $1 AND i.source = 'EMPLOYEE_SUGGESTION' AND i.created_at >= w.since AND i.created_at < w.until)
  SELECT (SELECT count(*)::int FROM reached) AS reached,
         (SELECT count(*)::int FROM through) AS through_chain,
         (SELECT steps::int FROM chain) AS chain_steps,
         (SELECT count(*)::int FROM media_assets m, win w WHERE m.organization_id = $1 AND m.created_at >= w.since AND m.created_at < w.until) AS media_added,
         (SELECT count(DISTINCT u.media_id)::int
            FROM content_items i JOIN content_variants v ON v.organization_id = i.organization_id AND v.item_id = i.id
                 CROSS JOIN LATERAL unnest(v.media_ids) AS u (media_id), win w
           WHERE i.organization_id = $1 AND i.status <> 'CANCELLED' AND i.updated_at >= w.since AND i.created_at < w.until) AS media_used,
         (SELECT count(*)::int FROM suggestions) AS suggested,
         (SELECT count(*)::int FROM suggestions s WHERE s.triaged_at IS NOT NULL OR s.created_at + $4::int * interval '1 day' <= s.until) AS suggestions_due,
         (SELECT count(*)::int FROM suggestions s WHERE s.triaged_at <= s.created_at + $4::int * interval '1 day') AS triaged_in_time`;

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** The three practice keys from the practice row. Pure. */
export function practiceEvidence(row: PracticeRow): Record<string, EvidenceResult> {
  const days = PRACTICE_WINDOW_DAYS;
  const approval: EvidenceResult =
    row.reached === 0
      ? {
          value: 0,
          score: 0,
          explanation: {
            en: `No item was approved or published in the last ${days} days: there is no approval to measure.`,
            fr: `Aucun contenu n’a été approuvé ni publié sur les ${days} derniers jours : aucune approbation à mesurer.`,
          },
        }
      : (() => {
          const share = clampScore(row.through_chain / row.reached);
          const steps = {
            en: row.chain_steps === 1 ? '1 step' : `${row.chain_steps} steps`,
            fr: row.chain_steps === 1 ? '1 étape' : `${row.chain_steps} étapes`,
          };
          return {
            value: share,
            score: share,
            explanation: {
              en: `${row.through_chain} of ${row.reached} items approved or published in the last ${days} days went through the whole approval chain (${steps.en}), the final step decided by someone other than their author.`,
              fr: `${row.through_chain} des ${row.reached} contenus approuvés ou publiés sur les ${days} derniers jours sont passés par tout le circuit d’approbation (${steps.fr}), la dernière étape décidée par une autre personne que leur auteur.`,
            },
          };
        })();
  const media = clampScore(0.5 * Math.min(1, row.media_added / MEDIA_ADDED_TARGET) + 0.5 * Math.min(1, row.media_used / MEDIA_USED_TARGET));
  const volume = Math.min(1, row.suggested / SUGGESTIONS_TARGET);
  const inTime = row.suggestions_due === 0 ? 1 : row.triaged_in_time / row.suggestions_due;
  const suggestions = clampScore(volume * inTime);
  return {
    [CONTENT_APPROVAL_KEY]: approval,
    [CONTENT_MEDIA_KIT_KEY]: {
      value: media,
      score: media,
      explanation: {
        en: `${row.media_added} assets added to the media library and ${row.media_used} distinct assets used in content over the last ${days} days (full marks from ${MEDIA_ADDED_TARGET} added and ${MEDIA_USED_TARGET} used).`,
        fr: `${row.media_added} visuels ajoutés à la médiathèque et ${row.media_used} visuels distincts utilisés dans les contenus sur les ${days} derniers jours (note pleine à partir de ${MEDIA_ADDED_TARGET} ajoutés et ${MEDIA_USED_TARGET} utilisés).`,
      },
    },
    [CONTENT_SUGGESTIONS_KEY]:
      row.suggested === 0
        ? {
            value: 0,
            score: 0,
            explanation: {
              en: `No employee suggestion in the last ${days} days: the suggestion box is not used.`,
              fr: `Aucune suggestion d’employé sur les ${days} derniers jours : la boîte à suggestions n’est pas utilisée.`,
            },
          }
        : {
            value: suggestions,
            score: suggestions,
            explanation: {
              en: `${row.suggested} employee suggestions in the last ${days} days (full volume from ${SUGGESTIONS_TARGET}); ${row.triaged_in_time} of the ${row.suggestions_due} due were triaged within ${TRIAGE_DAYS} days.`,
              fr: `${row.suggested} suggestions d’employés sur les ${days} derniers jours (volume entier à partir de ${SUGGESTIONS_TARGET}) ; ${row.triaged_in_time} des ${row.suggestions_due} attendues ont été traitées en ${TRIAGE_DAYS} jours au plus.`,
            },
          },
  };
}

/** Both keys from the plan rows. Pure. */
export function contentEvidence(plans: readonly PlanRow[]): Record<string, EvidenceResult> {
  if (plans.length === 0) {
    const none = {
      en: 'No network plan sets a frequency: nothing to measure publishing against.',
      fr: 'Aucun plan par réseau ne fixe de fréquence : rien à quoi mesurer la diffusion.',
    };
    return {
      [CONTENT_PLANNED_KEY]: { value: 0, score: 0, explanation: none },
      [CONTENT_REGULARITY_KEY]: { value: 0, score: 0, explanation: none },
    };
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
      value: planned,
      score: planned,
      explanation: {
        en: `${pct(planned)} of the next ${PLANNED_AHEAD_DAYS} days' planned posts are scheduled (${behindAhead.network}: ${behindAhead.scheduled_ahead} of ${behindAhead.posts_per_week * aheadWeeks}).`,
        fr: `${pct(planned)} des publications prévues sur les ${PLANNED_AHEAD_DAYS} prochains jours sont programmées (${behindAhead.network} : ${behindAhead.scheduled_ahead} sur ${behindAhead.posts_per_week * aheadWeeks}).`,
      },
    },
    [CONTENT_REGULARITY_KEY]: {
      value: regular,
      score: regular,
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
    const plans = await ctx.uow.prepared<PlanWeeksRow>('evidence_content_plans', CONTENT_EVIDENCE_SQL, [
      ctx.organizationId,
      ctx.at,
      Math.max(REGULARITY_WEEKS, PUBLISHING_PRACTICE_WEEKS),
      PLANNED_AHEAD_DAYS,
    ]);
    const [practice] = await ctx.uow.prepared<PracticeRow>('evidence_content_practice', CONTENT_PRACTICE_SQL, [
      ctx.organizationId,
      ctx.at,
      PRACTICE_WINDOW_DAYS,
      TRIAGE_DAYS,
    ]);
    return {
      ...contentEvidence(plans.map(regularityRow)),
      [CONTENT_PUBLISHING_PRACTICE_KEY]: publishingPracticeEvidence(plans),
      ...practiceEvidence(practice),
    };
  },
};
