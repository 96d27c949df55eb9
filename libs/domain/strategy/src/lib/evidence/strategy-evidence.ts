import type { EvidenceContext, EvidenceDefinition, EvidenceProvider, EvidenceResult } from '@socle/platform-evidence';
import { both, quoted } from '../i18n';
import { ROADMAP_EVIDENCE_KEYS, ROADMAP_STEPS, RoadmapStepStatus, stepStatus } from '../roadmap/roadmap-steps';
import { TASK_FORCE_ROLES, TASK_FORCE_ROLE_LABELS, TaskForceRole } from '../task-force/roles';

export const STRATEGY_EVIDENCE_KEYS = [
  'strategy.objectivesMeasurable',
  'strategy.kpisPerObjective',
  'strategy.segmentsDefined',
  'strategy.networkPlansDefined',
  'strategy.competitorsDefined',
  'strategy.taskForceRoles',
  'strategy.rituals',
  'strategy.brandVoice',
  'strategy.roadmapSteps',
  'strategy.kpisMeasured',
] as const;

/** The rolling window of measured KPI values, in days. */
export const KPI_MEASURED_DAYS = 90;

export type StrategyEvidenceKey = (typeof STRATEGY_EVIDENCE_KEYS)[number];

const def = (
  key: StrategyEvidenceKey,
  title: EvidenceDefinition['title'],
  description: EvidenceDefinition['description'],
  source: string,
): EvidenceDefinition => ({ key, title, description, source });

export const STRATEGY_EVIDENCE_DEFINITIONS: readonly EvidenceDefinition[] = [
  def(
    'strategy.objectivesMeasurable',
    { fr: 'Objectifs mesurables', en: 'Measurable objectives' },
    {
      fr: 'Part des objectifs mesurables et en cours (indicateur, valeur de départ, cible, échéance non dépassée), avec des objectifs de business et de marque.',
      en: 'Share of objectives that are measurable and current (metric, baseline, target, deadline not passed), with both business and brand objectives.',
    },
    'seed 001, §1; seed 002, step 2',
  ),
  def(
    'strategy.kpisPerObjective',
    { fr: 'KPI par objectif', en: 'KPIs per objective' },
    {
      fr: 'Part des objectifs suivis par au moins un indicateur de performance.',
      en: 'Share of objectives followed by at least one key performance indicator.',
    },
    'seed 001, §2 (the analyst); seed 002, step 10',
  ),
  def(
    'strategy.segmentsDefined',
    { fr: 'Clientèles définies', en: 'Audiences defined' },
    {
      fr: 'Des segments de clientèle, chacun avec ses besoins et ses usages (relations publiques, publicité-marketing, service client).',
      en: 'Audience segments, each with its needs and usages (public relations, advertising and marketing, customer service).',
    },
    'seed 002, step 2; seed 003',
  ),
  def(
    'strategy.networkPlansDefined',
    { fr: 'Réseaux choisis', en: 'Networks chosen' },
    {
      fr: 'Part des plans de réseau complets (segments visés, raison, fréquence de publication).',
      en: 'Share of network plans that are complete (segments addressed, rationale, posting frequency).',
    },
    'seed 001, §3; seed 002, step 3',
  ),
  def(
    'strategy.competitorsDefined',
    { fr: 'Concurrents identifiés', en: 'Competitors identified' },
    {
      fr: 'Des concurrents nommés, avec leurs comptes sur les réseaux pour les observer.',
      en: 'Named competitors, with their network handles to watch them.',
    },
    'seed 002, step 1',
  ),
  def(
    'strategy.taskForceRoles',
    { fr: 'Rôles de la task force', en: 'Task-force roles' },
    {
      fr: 'Part des cinq fonctions de la task force attribuées (leader stratégie, contenu, community manager, analyste, coordinateur).',
      en: 'Share of the five task-force functions assigned (strategy lead, content, community manager, analyst, coordinator).',
    },
    'seed 001, §2',
  ),
  def(
    'strategy.rituals',
    { fr: 'Rituels', en: 'Rituals' },
    {
      fr: 'Une réunion hebdomadaire et un rapport mensuel à la direction planifiés.',
      en: 'A weekly meeting and a monthly executive report scheduled.',
    },
    'seed 001, §2 and §4',
  ),
  def(
    'strategy.brandVoice',
    { fr: 'Voix de la marque', en: 'Brand voice' },
    {
      fr: 'Ton, mots à employer, mots à éviter et forme d’adresse (tu ou vous) définis.',
      en: 'Tone, words to use, words to avoid and form of address (tu or vous) defined.',
    },
    'seed 001, §3; seed 002, step 9',
  ),
  def(
    'strategy.roadmapSteps',
    { fr: "Feuille de route d'intégration", en: 'Integration roadmap' },
    {
      fr: "Part des dix étapes d'intégration terminées (mesurées ou cochées à la main).",
      en: 'Share of the ten integration steps done (measured or set by hand).',
    },
    'seed 002, the ten steps',
  ),
  def(
    'strategy.kpisMeasured',
    { fr: 'KPI mesurés', en: 'KPIs measured' },
    {
      fr: `Part des KPI des objectifs qui ont une valeur mesurée sur les ${KPI_MEASURED_DAYS} derniers jours : une mesure choisie (abonnés, publications, engagement, mentions, part de voix, délai de réponse) et des données de la plateforme pour la calculer sur la période.`,
      en: `Share of the objectives' KPIs with a measured value over the last ${KPI_MEASURED_DAYS} days: a measure chosen (followers, posts, engagement, mentions, share of voice, response time) and platform data to compute it over the period.`,
    },
    'seed 001, §2 (the analyst); seed 002, step 10',
  ),
];

/** What the one statement returns. */
export interface StrategyFacts {
  objectives: number;
  objective_kinds: string[];
  expired_objectives: string[];
  objectives_without_kpi: string[];
  segments: number;
  incomplete_segments: string[];
  plans: number;
  incomplete_plans: string[];
  uncovered_segments: string[];
  competitors: number;
  competitors_without_handles: string[];
  roles: string[];
  ritual_kinds: string[];
  brand_voice: { tone: string; use: number; avoid: number; address_form: string | null } | null;
  manual_steps: Record<string, RoadmapStepStatus>;
  /** KPIs of the objectives, and those with a measured value in the window. */
  kpis?: number;
  kpis_measured?: number;
  /** Up to four KPIs without a measured value, by name. */
  kpis_unmeasured?: string[];
}

/**
 * All the strategy facts of one organisation in ONE statement of counts and
 * short name lists: the cost is the same whatever the amount of data.
 */
export const STRATEGY_FACTS_SQL = `
  WITH org AS (SELECT ($2::timestamptz AT TIME ZONE o.timezone)::date AS today FROM organizations o WHERE o.id = $1),
       win AS (SELECT $2::timestamptz - $3::int * interval '1 day' AS since, $2::timestamptz AS until),
       -- Whether the data each KPI measure is computed from has a point in the window (the measures of the KPI progress).
       recent AS (SELECT
         EXISTS (SELECT 1 FROM metric_samples m, win w WHERE m.organization_id = $1 AND m.metric = 'FOLLOWERS' AND m.publication_id IS NULL
                   AND m.sampled_at >= w.since AND m.sampled_at <= w.until) AS followers,
         EXISTS (SELECT 1 FROM publications p, win w WHERE p.organization_id = $1 AND p.status = 'PUBLISHED'
                   AND p.published_at >= w.since AND p.published_at <= w.until) AS posts,
         EXISTS (SELECT 1 FROM metric_samples m, win w WHERE m.organization_id = $1 AND m.publication_id IS NOT NULL
                   AND m.sampled_at >= w.since AND m.sampled_at <= w.until) AS engagement,
         EXISTS (SELECT 1 FROM mention_matches mm JOIN listening_queries q ON q.organization_id = mm.organization_id AND q.id = mm.query_id, win w
                  WHERE mm.organization_id = $1 AND q.kind = 'BRAND' AND mm.published_at >= w.since AND mm.published_at <= w.until) AS brand_mentions,
         EXISTS (SELECT 1 FROM mention_matches mm JOIN listening_queries q ON q.organization_id = mm.organization_id AND q.id = mm.query_id, win w
                  WHERE mm.organization_id = $1 AND q.kind = 'COMPETITOR' AND mm.published_at >= w.since AND mm.published_at <= w.until) AS competitor_mentions,
         EXISTS (SELECT 1 FROM inbox_items i, win w WHERE i.organization_id = $1 AND i.status <> 'DISMISSED'
                   AND i.received_at >= w.since AND i.received_at <= w.until AND (i.first_response_at IS NOT NULL OR i.due_at < w.until)) AS responses),
       kpi_measured AS (
         SELECT k.name, k.created_at, k.id,
                CASE WHEN k.measure = 'FOLLOWERS' THEN r.followers
                     WHEN k.measure = 'POSTS_PUBLISHED' THEN r.posts
                     WHEN k.measure IN ('ENGAGEMENT', 'ENGAGEMENT_RATE') THEN r.engagement
                     WHEN k.measure IN ('MENTIONS', 'NEGATIVE_MENTION_SHARE') THEN r.brand_mentions
                     WHEN k.measure = 'SHARE_OF_VOICE' THEN r.brand_mentions AND r.competitor_mentions
                     WHEN k.measure = 'FIRST_RESPONSE_MINUTES' THEN r.responses
                     ELSE false END AS measured
           FROM kpis k, recent r WHERE k.organization_id = $1)
  SELECT
    (SELECT count(*)::int FROM kpi_measured) AS kpis,
    (SELECT count(*)::int FROM kpi_measured WHERE measured) AS kpis_measured,
    (SELECT coalesce((array_agg(name ORDER BY name, id))[1:4], '{}') FROM kpi_measured WHERE NOT measured) AS kpis_unmeasured,
    (SELECT count(*)::int FROM objectives WHERE organization_id = $1) AS objectives,
    (SELECT coalesce(array_agg(DISTINCT kind), '{}') FROM objectives WHERE organization_id = $1) AS objective_kinds,
    (SELECT coalesce((array_agg(title ORDER BY created_at, id))[1:4], '{}') FROM objectives
      WHERE organization_id = $1 AND deadline < coalesce((SELECT today FROM org), $2::date)) AS expired_objectives,
    (SELECT count(*)::int FROM objectives
      WHERE organization_id = $1 AND deadline < coalesce((SELECT today FROM org), $2::date)) AS expired_objectives_count,
    (SELECT coalesce((array_agg(o.title ORDER BY o.created_at, o.id))[1:4], '{}') FROM objectives o
      WHERE o.organization_id = $1 AND NOT EXISTS (SELECT 1 FROM kpis k WHERE k.organization_id = $1 AND k.objective_id = o.id)) AS objectives_without_kpi,
    (SELECT count(*)::int FROM objectives o
      WHERE o.organization_id = $1 AND NOT EXISTS (SELECT 1 FROM kpis k WHERE k.organization_id = $1 AND k.objective_id = o.id)) AS objectives_without_kpi_count,
    (SELECT count(*)::int FROM audience_segments WHERE organization_id = $1) AS segments,
    (SELECT coalesce((array_agg(name ORDER BY created_at, id))[1:4], '{}') FROM audience_segments
      WHERE organization_id = $1 AND (cardinality(usages) = 0 OR btrim(needs) = '')) AS incomplete_segments,
    (SELECT count(*)::int FROM audience_segments WHERE organization_id = $1 AND (cardinality(usages) = 0 OR btrim(needs) = '')) AS incomplete_segments_count,
    (SELECT count(*)::int FROM network_plans WHERE organization_id = $1) AS plans,
    (SELECT coalesce((array_agg(p.network ORDER BY p.created_at, p.id))[1:4], '{}') FROM network_plans p
      WHERE p.organization_id = $1 AND (btrim(p.rationale) = '' OR p.posts_per_week = 0
        OR NOT EXISTS (SELECT 1 FROM network_plan_segments s WHERE s.organization_id = $1 AND s.network_plan_id = p.id))) AS incomplete_plans,
    (SELECT count(*)::int FROM network_plans p
      WHERE p.organization_id = $1 AND (btrim(p.rationale) = '' OR p.posts_per_week = 0
        OR NOT EXISTS (SELECT 1 FROM network_plan_segments s WHERE s.organization_id = $1 AND s.network_plan_id = p.id))) AS incomplete_plans_count,
    (SELECT coalesce((array_agg(s.name ORDER BY s.created_at, s.id))[1:4], '{}') FROM audience_segments s
      WHERE s.organization_id = $1 AND NOT EXISTS (SELECT 1 FROM network_plan_segments ps WHERE ps.organization_id = $1 AND ps.segment_id = s.id)) AS uncovered_segments,
    (SELECT count(*)::int FROM competitors WHERE organization_id = $1) AS competitors,
    (SELECT coalesce((array_agg(name ORDER BY created_at, id))[1:4], '{}') FROM competitors
      WHERE organization_id = $1 AND jsonb_array_length(handles) = 0) AS competitors_without_handles,
    (SELECT count(*)::int FROM competitors WHERE organization_id = $1 AND jsonb_array_length(handles) = 0) AS competitors_without_handles_count,
    (SELECT coalesce(array_agg(DISTINCT role), '{}') FROM task_force_members WHERE organization_id = $1) AS roles,
    (SELECT coalesce(array_agg(DISTINCT kind), '{}') FROM rituals WHERE organization_id = $1) AS ritual_kinds,
    (SELECT json_build_object('tone', tone, 'use', cardinality(words_to_use), 'avoid', cardinality(words_to_avoid), 'address_form', address_form)
       FROM brand_voices WHERE organization_id = $1) AS brand_voice,
    (SELECT coalesce(json_object_agg(step, status), '{}') FROM roadmap_step_statuses WHERE organization_id = $1) AS manual_steps`;

export type StrategyFactsRow = StrategyFacts & {
  expired_objectives_count: number;
  objectives_without_kpi_count: number;
  incomplete_segments_count: number;
  incomplete_plans_count: number;
  competitors_without_handles_count: number;
};

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Turns the facts into the strategy evidence, with sentences a client executive understands. */
export function strategyEvidence(
  f: StrategyFactsRow,
  earlier: ReadonlyMap<string, EvidenceResult>,
): Record<StrategyEvidenceKey, EvidenceResult> {
  const out = {} as Record<StrategyEvidenceKey, EvidenceResult>;

  {
    const kpis = f.kpis ?? 0;
    const measured = f.kpis_measured ?? 0;
    // The first names, then how many more (the statement returns at most four names).
    const unmeasured = (f.kpis_unmeasured ?? []).slice(0, 3);
    unmeasured.push(...Array<string>(Math.max(0, kpis - measured - unmeasured.length)).fill(''));
    out['strategy.kpisMeasured'] = {
      value: measured,
      score: share(measured, kpis),
      explanation:
        kpis === 0
          ? { fr: "Aucun KPI n'est défini : rien n'est mesuré.", en: 'No KPI is defined: nothing is measured.' }
          : both((l) => {
              const head =
                l === 'fr'
                  ? `${measured} KPI sur ${kpis} ${measured > 1 ? 'ont' : 'a'} une valeur mesurée sur les ${KPI_MEASURED_DAYS} derniers jours`
                  : `${measured} of ${kpis} KPIs have a measured value over the last ${KPI_MEASURED_DAYS} days`;
              return unmeasured.length
                ? `${head}${l === 'fr' ? ' ; sans mesure récente : ' : '; without a recent measure: '}${quoted(unmeasured, l)}.`
                : `${head}.`;
            }),
    };
  }

  // Objectives: measurable by construction (metric, baseline ≠ target, deadline are required); current unless the deadline passed.
  {
    const current = f.objectives - f.expired_objectives_count;
    const bothKinds = f.objective_kinds.includes('BUSINESS') && f.objective_kinds.includes('BRAND');
    const score = share(current, f.objectives) * (bothKinds ? 1 : 0.5);
    out['strategy.objectivesMeasurable'] = {
      value: current,
      score,
      explanation:
        f.objectives === 0
          ? { fr: "Aucun objectif n'est défini.", en: 'No objective is defined.' }
          : both((l) => {
              const head =
                l === 'fr'
                  ? `${current} objectif${current > 1 ? 's' : ''} sur ${f.objectives} ${current > 1 ? 'sont mesurables et en cours' : 'est mesurable et en cours'}`
                  : `${current} of ${f.objectives} objectives ${current === 1 ? 'is' : 'are'} measurable and current`;
              const parts = [head];
              if (f.expired_objectives.length) {
                parts.push(
                  l === 'fr'
                    ? `échéance dépassée : ${quoted(f.expired_objectives, l)}`
                    : `deadline passed: ${quoted(f.expired_objectives, l)}`,
                );
              }
              if (!bothKinds) {
                const missing = f.objective_kinds.includes('BUSINESS')
                  ? l === 'fr'
                    ? 'de marque'
                    : 'brand'
                  : l === 'fr'
                    ? 'de business'
                    : 'business';
                parts.push(l === 'fr' ? `aucun objectif ${missing}` : `no ${missing} objective`);
              }
              return `${parts.join(l === 'fr' ? ' ; ' : '; ')}.`;
            }),
    };
  }

  {
    const withKpi = f.objectives - f.objectives_without_kpi_count;
    out['strategy.kpisPerObjective'] = {
      value: withKpi,
      score: share(withKpi, f.objectives),
      explanation:
        f.objectives === 0
          ? { fr: 'Aucun objectif, donc aucun KPI à suivre.', en: 'No objective, so no KPI to follow.' }
          : both((l) => {
              const head =
                l === 'fr'
                  ? `${withKpi} objectif${withKpi > 1 ? 's' : ''} sur ${f.objectives} ${withKpi > 1 ? 'ont' : 'a'} au moins un KPI`
                  : `${withKpi} of ${f.objectives} objectives have at least one KPI`;
              return f.objectives_without_kpi.length
                ? `${head}${l === 'fr' ? ' ; sans KPI : ' : '; without a KPI: '}${quoted(f.objectives_without_kpi, l)}.`
                : `${head}.`;
            }),
    };
  }

  {
    const complete = f.segments - f.incomplete_segments_count;
    out['strategy.segmentsDefined'] = {
      value: f.segments,
      score: share(complete, f.segments),
      explanation:
        f.segments === 0
          ? { fr: "Aucun segment de clientèle n'est défini.", en: 'No audience segment is defined.' }
          : both((l) => {
              const head =
                l === 'fr'
                  ? `${complete} segment${complete > 1 ? 's' : ''} sur ${f.segments} ${complete > 1 ? 'ont' : 'a'} des besoins et des usages`
                  : `${complete} of ${f.segments} segments have needs and usages`;
              return f.incomplete_segments.length
                ? `${head}${l === 'fr' ? ' ; à compléter : ' : '; to complete: '}${quoted(f.incomplete_segments, l)}.`
                : `${head}.`;
            }),
    };
  }

  {
    const complete = f.plans - f.incomplete_plans_count;
    out['strategy.networkPlansDefined'] = {
      value: f.plans,
      score: share(complete, f.plans),
      explanation:
        f.plans === 0
          ? { fr: "Aucun réseau n'est choisi.", en: 'No network is chosen.' }
          : both((l) => {
              const parts = [
                l === 'fr'
                  ? `${complete} plan${complete > 1 ? 's' : ''} de réseau sur ${f.plans} ${complete > 1 ? 'sont complets' : 'est complet'}`
                  : `${complete} of ${f.plans} network plans are complete`,
              ];
              if (f.incomplete_plans.length)
                parts.push(
                  `${l === 'fr' ? 'à compléter (segments, raison ou fréquence) : ' : 'to complete (segments, rationale or frequency): '}${quoted(f.incomplete_plans, l)}`,
                );
              if (f.uncovered_segments.length)
                parts.push(`${l === 'fr' ? 'segments sans réseau : ' : 'segments without a network: '}${quoted(f.uncovered_segments, l)}`);
              return `${parts.join(l === 'fr' ? ' ; ' : '; ')}.`;
            }),
    };
  }

  {
    const watched = f.competitors - f.competitors_without_handles_count;
    out['strategy.competitorsDefined'] = {
      value: f.competitors,
      score: share(watched, f.competitors),
      explanation:
        f.competitors === 0
          ? { fr: "Aucun concurrent n'est identifié.", en: 'No competitor is identified.' }
          : both((l) => {
              const head =
                l === 'fr'
                  ? `${watched} concurrent${watched > 1 ? 's' : ''} sur ${f.competitors} ${watched > 1 ? 'ont' : 'a'} des comptes à observer`
                  : `${watched} of ${f.competitors} competitors have handles to watch`;
              return f.competitors_without_handles.length
                ? `${head}${l === 'fr' ? ' ; sans compte : ' : '; without a handle: '}${quoted(f.competitors_without_handles, l)}.`
                : `${head}.`;
            }),
    };
  }

  {
    const filled = TASK_FORCE_ROLES.filter((r) => f.roles.includes(r));
    const missing = TASK_FORCE_ROLES.filter((r) => !f.roles.includes(r));
    out['strategy.taskForceRoles'] = {
      value: filled.length,
      score: filled.length / TASK_FORCE_ROLES.length,
      explanation: both((l) => {
        const head =
          l === 'fr'
            ? `${filled.length} fonction${filled.length > 1 ? 's' : ''} de la task force sur ${TASK_FORCE_ROLES.length} attribuée${filled.length > 1 ? 's' : ''}`
            : `${filled.length} of ${TASK_FORCE_ROLES.length} task-force functions assigned`;
        return missing.length
          ? `${head}${l === 'fr' ? ' ; à pourvoir : ' : '; still open: '}${missing.map((r: TaskForceRole) => TASK_FORCE_ROLE_LABELS[r][l]).join(', ')}.`
          : `${head}.`;
      }),
    };
  }

  {
    const weekly = f.ritual_kinds.includes('WEEKLY_MEETING');
    const monthly = f.ritual_kinds.includes('MONTHLY_EXECUTIVE_REPORT');
    out['strategy.rituals'] = {
      value: f.ritual_kinds.length,
      score: (weekly ? 0.5 : 0) + (monthly ? 0.5 : 0),
      explanation: {
        fr: `Réunion hebdomadaire : ${weekly ? 'planifiée' : 'non planifiée'} ; rapport mensuel à la direction : ${monthly ? 'planifié' : 'non planifié'}.`,
        en: `Weekly meeting: ${weekly ? 'scheduled' : 'not scheduled'}; monthly executive report: ${monthly ? 'scheduled' : 'not scheduled'}.`,
      },
    };
  }

  {
    const v = f.brand_voice;
    const parts = v ? [v.tone.trim() !== '', v.use > 0, v.avoid > 0, v.address_form !== null] : [false, false, false, false];
    const names = [
      { fr: 'le ton', en: 'the tone' },
      { fr: 'les mots à employer', en: 'words to use' },
      { fr: 'les mots à éviter', en: 'words to avoid' },
      { fr: "la forme d'adresse", en: 'the form of address' },
    ];
    const missing = names.filter((_, i) => !parts[i]);
    out['strategy.brandVoice'] = {
      value: parts.filter(Boolean).length,
      score: parts.filter(Boolean).length / parts.length,
      explanation: !v
        ? { fr: "La voix de la marque n'est pas définie.", en: 'The brand voice is not defined.' }
        : missing.length === 0
          ? {
              fr: `Voix de la marque complète : ton, ${plural(v.use, 'mot', 'mots')} à employer, ${plural(v.avoid, 'mot', 'mots')} à éviter, ${v.address_form === 'TU' ? 'tutoiement' : 'vouvoiement'}.`,
              en: `Brand voice complete: tone, ${plural(v.use, 'word', 'words')} to use, ${plural(v.avoid, 'word', 'words')} to avoid, ${v.address_form === 'TU' ? '"tu"' : '"vous"'} address.`,
            }
          : both(
              (l) =>
                `${l === 'fr' ? 'Voix de la marque à compléter : ' : 'Brand voice to complete: '}${missing.map((m) => m[l]).join(', ')}.`,
            ),
    };
  }

  {
    const manual = new Map<number, RoadmapStepStatus>(Object.entries(f.manual_steps ?? {}).map(([k, v]) => [Number(k), v]));
    const scoreOf = (key: string) => (out[key as StrategyEvidenceKey] ?? earlier.get(key))?.score;
    const statuses = ROADMAP_STEPS.map((step) => ({ step, status: stepStatus(step, scoreOf, manual) }));
    const done = statuses.filter((s) => s.status === 'DONE').length;
    const next = statuses.find((s) => s.status !== 'DONE')?.step;
    out['strategy.roadmapSteps'] = {
      value: done,
      score: done / ROADMAP_STEPS.length,
      explanation: both((l) => {
        const head =
          l === 'fr'
            ? `${done} étape${done > 1 ? 's' : ''} sur ${ROADMAP_STEPS.length} terminée${done > 1 ? 's' : ''}`
            : `${done} of ${ROADMAP_STEPS.length} steps done`;
        return next
          ? `${head}${l === 'fr' ? ` ; prochaine : étape ${next.number}, ${quoted([next.title.fr], l)}` : `; next: step ${next.number}, ${quoted([next.title.en], l)}`}.`
          : `${head}.`;
      }),
    };
  }
  return out;
}

/**
 * The keys the roadmap reads that this provider does not compute itself: other modules' keys, and
 * `strategy.*` keys of other providers (governance's meetings, committee and approved strategy).
 * Those no module provides in this process read as absent.
 */
const OWN_KEYS = new Set<string>(STRATEGY_EVIDENCE_DEFINITIONS.map((d) => d.key));
const FOREIGN_ROADMAP_KEYS = ROADMAP_EVIDENCE_KEYS.filter((k) => !OWN_KEYS.has(k));

/** The strategy module's evidence provider: every key from one statement. */
export function strategyEvidenceProvider(): EvidenceProvider {
  return {
    module: 'strategy',
    definitions: STRATEGY_EVIDENCE_DEFINITIONS,
    dependsOn: FOREIGN_ROADMAP_KEYS,
    async compute(ctx: EvidenceContext) {
      const [row] = await ctx.uow.prepared<StrategyFactsRow>('evidence_strategy_facts', STRATEGY_FACTS_SQL, [
        ctx.organizationId,
        ctx.at,
        KPI_MEASURED_DAYS,
      ]);
      return strategyEvidence(row, ctx.earlier);
    },
  };
}
