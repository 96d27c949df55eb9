import type { LocalisedText } from '@socle/platform-evidence';

/**
 * The task-force functions of the method (seed 001, §2), in the order the seed gives them.
 * Evidence and the roadmap count these five ("task-force roles filled").
 */
export const TASK_FORCE_ROLES = ['STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER', 'ANALYST', 'COORDINATOR'] as const;
export type TaskForceFunction = (typeof TASK_FORCE_ROLES)[number];

/**
 * The roles of seed 000 ("Entreprise et médias sociaux", people): web animators
 * (content, facilitation, management), the support roles (programmer, graphic
 * designer) and the promotion roles (public relations, marketing). They sit beside
 * the five functions: a task-force member may hold any of them, and one person may
 * hold several (one row per role; a bakery's task force is one person, seed 001).
 */
export const TEAM_ROLES = [
  'CONTENT_FACILITATOR',
  'FACILITATOR',
  'ADMINISTRATOR',
  'DEVELOPER',
  'GRAPHIC_DESIGNER',
  'PUBLIC_RELATIONS',
  'MARKETER',
] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** Every role a task-force member may hold: the five functions first, then the seed 000 roles. */
export const TASK_FORCE_MEMBER_ROLES = [...TASK_FORCE_ROLES, ...TEAM_ROLES] as const;
export type TaskForceRole = (typeof TASK_FORCE_MEMBER_ROLES)[number];

/** Seed 000's three families of roles, and the task force's own functions. */
export type RoleFamily = 'TASK_FORCE' | 'ANIMATION' | 'SUPPORT' | 'PROMOTION';
export const ROLE_FAMILIES: Record<TaskForceRole, RoleFamily> = {
  STRATEGY_LEAD: 'TASK_FORCE',
  CONTENT_LEAD: 'TASK_FORCE',
  COMMUNITY_MANAGER: 'TASK_FORCE',
  ANALYST: 'TASK_FORCE',
  COORDINATOR: 'TASK_FORCE',
  CONTENT_FACILITATOR: 'ANIMATION',
  FACILITATOR: 'ANIMATION',
  ADMINISTRATOR: 'ANIMATION',
  DEVELOPER: 'SUPPORT',
  GRAPHIC_DESIGNER: 'SUPPORT',
  PUBLIC_RELATIONS: 'PROMOTION',
  MARKETER: 'PROMOTION',
};

export function isTaskForceFunction(role: TaskForceRole): role is TaskForceFunction {
  return (TASK_FORCE_ROLES as readonly string[]).includes(role);
}

export const TASK_FORCE_ROLE_LABELS: Record<TaskForceRole, LocalisedText> = {
  STRATEGY_LEAD: { fr: 'Leader stratégie', en: 'Strategy lead' },
  CONTENT_LEAD: { fr: 'Responsable du contenu', en: 'Content lead' },
  COMMUNITY_MANAGER: { fr: 'Community manager', en: 'Community manager' },
  ANALYST: { fr: 'Analyste', en: 'Analyst' },
  COORDINATOR: { fr: 'Coordinateur social media', en: 'Social media coordinator' },
  CONTENT_FACILITATOR: { fr: 'Animateur de contenu', en: 'Content facilitator' },
  FACILITATOR: { fr: 'Animateur-facilitateur', en: 'Community facilitator' },
  ADMINISTRATOR: { fr: 'Animateur-administrateur', en: 'Social media administrator' },
  DEVELOPER: { fr: 'Programmeur', en: 'Developer' },
  GRAPHIC_DESIGNER: { fr: 'Infographe', en: 'Graphic designer' },
  PUBLIC_RELATIONS: { fr: 'Relationniste', en: 'Public relations officer' },
  MARKETER: { fr: 'Marketeur', en: 'Marketer' },
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
  CONTENT_FACILITATOR: {
    fr: 'Fait de la veille, découvre des connaissances, les synthétise et les transfère dans les médias sociaux.',
    en: 'Keeps watch, finds knowledge, sums it up and carries it into social media.',
  },
  FACILITATOR: {
    fr: 'Crée un réseau de membres, fidélise leur participation, amorce les discussions et mobilise les influenceurs.',
    en: 'Builds a network of members, keeps them taking part, starts discussions and rallies influencers.',
  },
  ADMINISTRATOR: {
    fr: 'Coordonne l’équipe médias sociaux, veille à l’atteinte des objectifs et fait le pont avec la haute direction.',
    en: 'Coordinates the social media team, sees the objectives met and bridges to top management.',
  },
  DEVELOPER: {
    fr: 'Veille à la sécurité des systèmes de publication, configure les outils de collaboration, forme les membres.',
    en: 'Keeps the publishing systems secure, configures the collaboration tools, trains the members.',
  },
  GRAPHIC_DESIGNER: {
    fr: 'Crée les éléments graphiques, participe aux kits médias et à l’intégration visuelle des contenus.',
    en: 'Creates the graphics, works on the media kits and the visuals of the content.',
  },
  PUBLIC_RELATIONS: {
    fr: 'Développe les stratégies de communication qui portent la vision, l’identité et les valeurs de l’entreprise.',
    en: 'Develops the communication strategies that carry the company’s vision, identity and values.',
  },
  MARKETER: {
    fr: 'Met en pratique les stratégies de diffusion et de mise en marché pour augmenter l’auditoire et le trafic.',
    en: 'Puts distribution and marketing strategies to work to grow the audience and the traffic.',
  },
};

/** A person of the task force with every role they hold (their rows grouped), and their department. */
export interface TaskForcePerson {
  /** `user:<id>` for an organisation member, `external:<name in lower case>` for someone from outside. */
  key: string;
  name: string;
  userId: string | null;
  roles: TaskForceRole[];
  /** The task-force functions among their roles (seed 001: one person may hold them all). */
  functions: TaskForceFunction[];
  department: string | null;
  memberIds: string[];
}

/**
 * The people behind the task-force rows: one row per person and role, grouped by the
 * member's account or the external person's name; roles in the order of
 * `TASK_FORCE_MEMBER_ROLES`, people in the order of their first role then by name.
 */
export function taskForcePeople(
  rows: readonly { id: string; role: TaskForceRole; userId: string | null; name: string; department?: string | null }[],
): TaskForcePerson[] {
  const order = (role: TaskForceRole) => TASK_FORCE_MEMBER_ROLES.indexOf(role);
  const people = new Map<string, TaskForcePerson>();
  for (const row of rows) {
    const key = row.userId ? `user:${row.userId}` : `external:${row.name.trim().toLowerCase()}`;
    let person = people.get(key);
    if (!person) {
      person = { key, name: row.name, userId: row.userId, roles: [], functions: [], department: null, memberIds: [] };
      people.set(key, person);
    }
    if (!person.roles.includes(row.role)) person.roles.push(row.role);
    person.department ??= row.department ?? null;
    person.memberIds.push(row.id);
  }
  return [...people.values()]
    .map((p) => {
      const roles = [...p.roles].sort((a, b) => order(a) - order(b));
      return { ...p, roles, functions: roles.filter(isTaskForceFunction) };
    })
    .sort((a, b) => order(a.roles[0]) - order(b.roles[0]) || a.name.localeCompare(b.name));
}
