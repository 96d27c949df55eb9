import type { LocalisedText } from '@socle/platform-evidence';

export type RoadmapStepStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE';
export const ROADMAP_STEP_STATUSES: readonly RoadmapStepStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'DONE'];

export interface RoadmapStep {
  number: number;
  key: string;
  title: LocalisedText;
  description: LocalisedText;
  /** The evidence that measures the step; empty for a step set by hand. */
  evidenceKeys: readonly string[];
  /**
   * Score at which a key counts as done, for the practice keys measured over a
   * rolling window (a week without listening or one late answer should not undo
   * a step); every other key needs 1.
   */
  doneAt?: Readonly<Record<string, number>>;
}

/**
 * What practice is enough for a step: listening on 6 weeks of 8, publishing
 * and answering at 80 % of the plan and the rules' delays, 80 % of the staff
 * having read the policies ("the four policies approved and acknowledged by
 * ≥ N % of members"), actions decided from feedback in the last 90 days with
 * 80 % of them followed up (the key scores ½ + ½ × the share followed up).
 */
export const PRACTICE_DONE_AT = {
  'community.listeningPractice': 0.75,
  'content.publishingPractice': 0.8,
  'community.responsePractice': 0.8,
  'policies.acknowledgedShare': 0.8,
  'policies.editedFromTemplate': 1,
  'strategy.kpisMeasured': 1,
  'community.actingOnFeedback': 0.9,
} as const;
const practice = (...keys: (keyof typeof PRACTICE_DONE_AT)[]) => Object.fromEntries(keys.map((k) => [k, PRACTICE_DONE_AT[k]]));

/** The ten integration steps of seed 002, in its order, each measured by evidence where module data can tell. */
export const ROADMAP_STEPS: readonly RoadmapStep[] = [
  {
    number: 1,
    key: 'WATCH',
    title: { fr: 'Veille et observation', en: 'Watch and observe' },
    description: {
      fr: "Écouter avant de parler : quel est notre portrait sur le Web, qu'est-ce qui se dit sur nous, que font nos concurrents ?",
      en: 'Listen before speaking: what is our picture on the web, what is said about us, what are our competitors doing?',
    },
    // Competitors listed is the set-up; listening that ran on the brand and each of them is the step.
    evidenceKeys: ['strategy.competitorsDefined', 'community.listeningPractice'],
    doneAt: practice('community.listeningPractice'),
  },
  {
    number: 2,
    key: 'AUDIENCES_AND_OBJECTIVES',
    title: { fr: 'Identification des clientèles et des objectifs', en: 'Identify audiences and objectives' },
    description: {
      fr: 'Qui veut-on rejoindre, pourquoi, dans quel but ; distinguer les usages : relations publiques, publicité-marketing, service client.',
      en: 'Whom do we want to reach, why, to what end; tell the usages apart: public relations, advertising and marketing, customer service.',
    },
    evidenceKeys: ['strategy.objectivesMeasurable', 'strategy.segmentsDefined'],
  },
  {
    number: 3,
    key: 'TOOLS_AND_PROFILES',
    title: { fr: 'Choix des outils et création des profils', en: 'Choose the tools and create the profiles' },
    description: {
      fr: 'Choisir les réseaux selon leurs caractéristiques et les besoins des clientèles ; créer les profils et réserver les noms.',
      en: "Choose the networks by their features and the audiences' needs; create the profiles and reserve the names.",
    },
    evidenceKeys: ['strategy.networkPlansDefined', 'community.accountsConnected'],
  },
  {
    number: 4,
    key: 'CONTENT_PER_NETWORK',
    title: { fr: 'Création des contenus pour chaque réseau', en: 'Create the content for each network' },
    description: {
      fr: 'Recenser ses contenus, répondre aux besoins des clientèles, planifier la diffusion sur l’année (calendrier).',
      en: "Take stock of the content, answer the audiences' needs, plan the year's publishing (calendar).",
    },
    // A calendar planned ahead, and publications actually out week after week.
    evidenceKeys: ['content.calendarPlanned', 'content.publishingPractice'],
    doneAt: practice('content.publishingPractice'),
  },
  {
    number: 5,
    key: 'POLICIES',
    title: { fr: 'Création des politiques', en: 'Create the policies' },
    description: {
      fr: "Guide d'utilisation, politique éditoriale, gestion des commentaires, politique d'usage personnel, approuvés par la direction générale.",
      en: 'Usage guide, editorial policy, comment handling, personal-use policy, approved by the general management.',
    },
    // Approved is not enough: the published policies are the organisation's own text, not the templates.
    evidenceKeys: ['policies.fourKindsApproved', 'policies.editedFromTemplate'],
    doneAt: practice('policies.editedFromTemplate'),
  },
  {
    number: 6,
    key: 'TRAINING_AND_MOBILISATION',
    title: { fr: 'Formation et mobilisation', en: 'Training and mobilisation' },
    description: {
      fr: 'Confier l’animation à un community manager, impliquer les ressources et les experts ; les politiques doivent être connues de tous.',
      en: 'Give the community manager the lead, involve the resources and the experts; everyone must know the policies.',
    },
    // Known by all: the share of the staff who read every published policy.
    evidenceKeys: ['policies.acknowledgedShare', 'strategy.taskForceRoles'],
    doneAt: practice('policies.acknowledgedShare'),
  },
  {
    number: 7,
    key: 'DISTRIBUTION_AND_PROMOTION',
    title: { fr: 'Distribution et promotion des contenus', en: 'Distribute and promote the content' },
    description: {
      fr: 'Diffuser et promouvoir les contenus au quotidien pour développer une identité numérique forte.',
      en: 'Publish and promote the content every day to build a strong digital identity.',
    },
    evidenceKeys: ['content.regularity', 'content.publishingPractice'],
    doneAt: practice('content.publishingPractice'),
  },
  {
    number: 8,
    key: 'COMMUNITY',
    title: { fr: "Création d'une communauté", en: 'Build a community' },
    description: {
      fr: 'Réunir nos cibles, interpeller les communautés, reconnaître les influenceurs, susciter l’interaction.',
      en: 'Gather our targets, reach out to communities, recognise the influencers, spark interaction.',
    },
    evidenceKeys: [],
  },
  {
    number: 9,
    key: 'INTERACTION_AND_SHARING',
    title: { fr: 'Interaction et partage', en: 'Interact and share' },
    description: {
      fr: 'Converser sur le bon ton, apporter de la valeur ajoutée, intervenir rapidement (délai de réponse).',
      en: 'Converse in the right tone, add value, respond quickly (response delay).',
    },
    // Rules written, accounts connected, and comments actually answered within them.
    evidenceKeys: ['policies.commentRules', 'community.accountsConnected', 'community.responsePractice'],
    doneAt: practice('community.responsePractice'),
  },
  {
    number: 10,
    key: 'EVALUATION_AND_ADJUSTMENT',
    title: { fr: 'Évaluation et ajustement', en: 'Evaluate and adjust' },
    description: {
      fr: 'Mesurer les résultats par rapport aux objectifs et ajuster la stratégie.',
      en: 'Measure the results against the objectives and adjust the strategy.',
    },
    // KPIs defined and measured recently, a recent assessment, and the adjustment: what the audiences said followed by
    // concrete actions (seed 003 « suivies de toutes sortes d'actions concrètes »).
    evidenceKeys: ['strategy.kpisPerObjective', 'strategy.kpisMeasured', 'evaluation.recentAssessment', 'community.actingOnFeedback'],
    doneAt: practice('strategy.kpisMeasured', 'community.actingOnFeedback'),
  },
];

/** Every evidence key the roadmap reads. */
export const ROADMAP_EVIDENCE_KEYS: readonly string[] = [...new Set(ROADMAP_STEPS.flatMap((s) => s.evidenceKeys))];

export function roadmapStep(number: number): RoadmapStep | undefined {
  return ROADMAP_STEPS.find((s) => s.number === number);
}

export function isManualStep(step: RoadmapStep): boolean {
  return step.evidenceKeys.length === 0;
}

/**
 * DONE when every score reaches its threshold (1 unless given), IN_PROGRESS
 * when some score is above 0, NOT_STARTED otherwise.
 */
export function statusFromScores(scores: readonly number[], doneAt: readonly (number | undefined)[] = []): RoadmapStepStatus {
  if (scores.length > 0 && scores.every((s, i) => s >= (doneAt[i] ?? 1))) return 'DONE';
  if (scores.some((s) => s > 0)) return 'IN_PROGRESS';
  return 'NOT_STARTED';
}

/**
 * A step's status: from its evidence (a key not measured counts 0), or, for a
 * manual step, the status stored by hand (NOT_STARTED when never set).
 */
export function stepStatus(
  step: RoadmapStep,
  scoreOf: (key: string) => number | undefined,
  manual: ReadonlyMap<number, RoadmapStepStatus>,
): RoadmapStepStatus {
  if (isManualStep(step)) return manual.get(step.number) ?? 'NOT_STARTED';
  return statusFromScores(
    step.evidenceKeys.map((k) => scoreOf(k) ?? 0),
    step.evidenceKeys.map((k) => step.doneAt?.[k]),
  );
}

export const NOT_MEASURED_YET = {
  fr: "Pas encore mesuré : le module qui fournit cette donnée n'est pas encore en service.",
  en: 'Not measured yet: the module that provides this evidence is not running yet.',
};
