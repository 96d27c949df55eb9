import type { LocalisedText } from '@socle/platform-evidence';
import { TASK_FORCE_MEMBER_ROLES, TASK_FORCE_ROLE_LABELS, TaskForceRole } from './roles';

/** Seed 001, §4: ten minutes each, then twenty minutes of brainstorming. */
export const MINUTES_PER_MEMBER = 10;
export const BRAINSTORM_MINUTES = 20;

export type BrainstormTheme = 'STRATEGY' | 'CONTENT';

/**
 * The brainstorm alternates week by week, so each theme comes twice a month:
 * odd ISO weeks discuss strategy, even ISO weeks content ideas.
 */
export function brainstormThemeOf(isoWeekNumber: number): BrainstormTheme {
  return isoWeekNumber % 2 === 1 ? 'STRATEGY' : 'CONTENT';
}

export interface AgendaMemberInput {
  id: string;
  role: TaskForceRole;
  userId: string | null;
  name: string;
}

export interface AgendaSlot {
  kind: 'MEMBER_UPDATE' | 'BRAINSTORM';
  title: LocalisedText;
  /** The person speaking (their task-force rows: one person may hold several roles). */
  memberIds: string[];
  name: string | null;
  roles: TaskForceRole[];
  theme: BrainstormTheme | null;
  startOffsetMinutes: number;
  endOffsetMinutes: number;
}

const THEME_TITLES: Record<BrainstormTheme, LocalisedText> = {
  STRATEGY: { fr: 'Brainstorming : idées de stratégie', en: 'Brainstorming: strategy ideas' },
  CONTENT: { fr: 'Brainstorming : idées de contenu', en: 'Brainstorming: content ideas' },
};

/**
 * The weekly meeting's agenda: one ten-minute slot per person of the task force
 * (a person holding two roles speaks once), in the seed's role order then by
 * name, then the twenty-minute brainstorm of the week's theme.
 */
export function weeklyAgenda(members: readonly AgendaMemberInput[], isoWeekNumber: number): AgendaSlot[] {
  const people = new Map<string, { name: string; roles: TaskForceRole[]; memberIds: string[] }>();
  for (const m of members) {
    const key = m.userId ? `user:${m.userId}` : `external:${m.name.trim().toLowerCase()}`;
    const person = people.get(key) ?? { name: m.name, roles: [], memberIds: [] };
    if (!person.roles.includes(m.role)) person.roles.push(m.role);
    person.memberIds.push(m.id);
    people.set(key, person);
  }
  const rank = (roles: TaskForceRole[]) => Math.min(...roles.map((r) => TASK_FORCE_MEMBER_ROLES.indexOf(r)));
  const ordered = [...people.values()]
    .map((p) => ({ ...p, roles: [...p.roles].sort((a, b) => TASK_FORCE_MEMBER_ROLES.indexOf(a) - TASK_FORCE_MEMBER_ROLES.indexOf(b)) }))
    .sort((a, b) => rank(a.roles) - rank(b.roles) || a.name.localeCompare(b.name));
  const slots: AgendaSlot[] = ordered.map((p, i) => ({
    kind: 'MEMBER_UPDATE',
    title: {
      fr: `Tour de table : ${p.name} (${p.roles.map((r) => TASK_FORCE_ROLE_LABELS[r].fr).join(', ')})`,
      en: `Round table: ${p.name} (${p.roles.map((r) => TASK_FORCE_ROLE_LABELS[r].en).join(', ')})`,
    },
    memberIds: p.memberIds,
    name: p.name,
    roles: p.roles,
    theme: null,
    startOffsetMinutes: i * MINUTES_PER_MEMBER,
    endOffsetMinutes: (i + 1) * MINUTES_PER_MEMBER,
  }));
  const theme = brainstormThemeOf(isoWeekNumber);
  const start = slots.length * MINUTES_PER_MEMBER;
  slots.push({
    kind: 'BRAINSTORM',
    title: THEME_TITLES[theme],
    memberIds: [],
    name: null,
    roles: [],
    theme,
    startOffsetMinutes: start,
    endOffsetMinutes: start + BRAINSTORM_MINUTES,
  });
  return slots;
}
