import type { LocalisedText } from '@socle/platform-evidence';

/** The task-force functions of the method (seed 001, §2), in the order the seed gives them. */
export const TASK_FORCE_ROLES = ['STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER', 'ANALYST', 'COORDINATOR'] as const;
export type TaskForceRole = (typeof TASK_FORCE_ROLES)[number];

export const TASK_FORCE_ROLE_LABELS: Record<TaskForceRole, LocalisedText> = {
  STRATEGY_LEAD: { fr: 'Leader stratégie', en: 'Strategy lead' },
  CONTENT_LEAD: { fr: 'Responsable du contenu', en: 'Content lead' },
  COMMUNITY_MANAGER: { fr: 'Community manager', en: 'Community manager' },
  ANALYST: { fr: 'Analyste', en: 'Analyst' },
  COORDINATOR: { fr: 'Coordinateur social media', en: 'Social media coordinator' },
};

/** What each function answers for, as the seed describes it. */
export const TASK_FORCE_ROLE_MISSIONS: Record<TaskForceRole, LocalisedText> = {
  STRATEGY_LEAD: {
    fr: 'Responsable de la vision à long terme ; veille à ce que les opérations restent en phase avec les objectifs.',
    en: 'Owns the long-term vision; keeps day-to-day operations in line with the objectives.',
  },
  CONTENT_LEAD: {
    fr: 'Pilote la stratégie de contenu et son déploiement sur le Web ; gère la boîte à suggestions.',
    en: 'Runs the content strategy and its deployment on the web; runs the suggestion box.',
  },
  COMMUNITY_MANAGER: {
    fr: 'Publie sur les médias sociaux et gère les échanges avec les clients, les influenceurs et les médias.',
    en: 'Publishes on social media and handles conversations with customers, influencers and the media.',
  },
  ANALYST: {
    fr: 'Mesure la réussite avec des indicateurs de performance (KPI) sur les objectifs de business et de marque.',
    en: 'Measures success with key performance indicators (KPIs) on the business and brand objectives.',
  },
  COORDINATOR: {
    fr: 'Facilite la communication interne : réunions, rapports réguliers à la direction.',
    en: 'Eases internal communication: meetings, regular reports to executives.',
  },
};
