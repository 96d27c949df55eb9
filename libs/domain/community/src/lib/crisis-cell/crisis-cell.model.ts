/**
 * The crisis cell (seed 001: the crisis structure of the comment-handling policy;
 * seed 002 step 5): who is in it and what each does, the escalation chain (who is
 * told when, while nobody handles the crisis), and the playbook with its holding
 * statement. Pure: validation, the order in which members are told, the mail text.
 */

export const CELL_ROLES = ['LEAD', 'SPOKESPERSON', 'COMMUNITY_MANAGER', 'LEGAL', 'EXECUTIVE', 'EXPERT', 'OTHER'] as const;
export type CellRole = (typeof CELL_ROLES)[number];

export const CELL_ROLE_LABELS: Record<CellRole, { fr: string; en: string }> = {
  LEAD: { fr: 'Responsable de la cellule', en: 'Cell lead' },
  SPOKESPERSON: { fr: 'Porte-parole', en: 'Spokesperson' },
  COMMUNITY_MANAGER: { fr: 'Community manager', en: 'Community manager' },
  LEGAL: { fr: 'Juridique', en: 'Legal' },
  EXECUTIVE: { fr: 'Direction', en: 'Executive' },
  EXPERT: { fr: 'Expert', en: 'Subject expert' },
  OTHER: { fr: 'Autre', en: 'Other' },
};

export const CRISIS_CELL_LIMITS = {
  members: 30,
  escalationSteps: 10,
  playbookSteps: 30,
  name: 120,
  contact: 254,
  title: 200,
  text: 4000,
  holdingStatement: 4000,
  /** The longest wait before an escalation step: one week. */
  delayMinutes: 7 * 24 * 60,
} as const;

export interface CrisisCellMember {
  id: string;
  name: string;
  /** An organisation member (their account's e-mail is used when `email` is empty), or null for someone outside. */
  userId: string | null;
  cellRole: CellRole;
  email: string | null;
  phone: string | null;
}

export interface EscalationStep {
  /** Minutes after the trigger at which this step's members are told. */
  delayMinutes: number;
  memberIds: string[];
}

export interface PlaybookStep {
  title: string;
  text: string;
}

export interface CrisisCell {
  members: CrisisCellMember[];
  escalation: EscalationStep[];
  playbook: PlaybookStep[];
  holdingStatement: string | null;
}

/** The cell as it is written: escalation steps name members by their position in `members`. */
export interface CrisisCellInput {
  members: { name: string; userId?: string | null; cellRole: string; email?: string | null; phone?: string | null }[];
  escalation: { delayMinutes: number; memberIndexes: number[] }[];
  playbook: { title: string; text: string }[];
  holdingStatement?: string | null;
}

export interface Problem {
  path: string;
  message: string;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}\.[^\s@]{1,63}$/;
const PHONE = /^\+?[0-9 ().-]{3,40}$/;
// NUL and other control characters other than tab and line breaks, and lone surrogates.
function hasForbidden(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

function text(value: unknown, path: string, max: number, problems: Problem[], required: boolean): string | null {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
    if (required) problems.push({ path, message: 'must not be empty' });
    return null;
  }
  if (typeof value !== 'string') {
    problems.push({ path, message: 'must be text' });
    return null;
  }
  const trimmed = value.trim();
  if (trimmed.length > max) problems.push({ path, message: `must be at most ${max} characters` });
  else if (hasForbidden(trimmed)) problems.push({ path, message: 'must not contain control characters or broken characters' });
  else return trimmed;
  return null;
}

/**
 * Checks a cell as written and builds it (members get the ids `newId` gives); every
 * problem with its path (`.members[2].email`), nothing built when there is one.
 */
export function parseCrisisCell(input: CrisisCellInput, newId: () => string): { cell: CrisisCell | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const L = CRISIS_CELL_LIMITS;
  if (input.members.length > L.members) problems.push({ path: '.members', message: `at most ${L.members} members` });
  const members: CrisisCellMember[] = input.members.slice(0, L.members).map((m, i) => {
    const at = `.members[${i}]`;
    const name = text(m.name, `${at}.name`, L.name, problems, true);
    if (!(CELL_ROLES as readonly string[]).includes(m.cellRole))
      problems.push({ path: `${at}.cellRole`, message: `must be one of ${CELL_ROLES.join(', ')}` });
    const email = text(m.email, `${at}.email`, L.contact, problems, false);
    if (email !== null && !EMAIL.test(email)) problems.push({ path: `${at}.email`, message: 'must be an e-mail address' });
    const phone = text(m.phone, `${at}.phone`, 40, problems, false);
    if (phone !== null && !PHONE.test(phone))
      problems.push({ path: `${at}.phone`, message: 'must be a phone number (digits, spaces, + ( ) . -)' });
    return { id: newId(), name: name ?? '', userId: m.userId ?? null, cellRole: m.cellRole as CellRole, email, phone };
  });
  if (input.escalation.length > L.escalationSteps) problems.push({ path: '.escalation', message: `at most ${L.escalationSteps} steps` });
  let previousDelay = -1;
  const escalation: EscalationStep[] = input.escalation.slice(0, L.escalationSteps).map((step, i) => {
    const at = `.escalation[${i}]`;
    if (!Number.isInteger(step.delayMinutes) || step.delayMinutes < 0 || step.delayMinutes > L.delayMinutes)
      problems.push({ path: `${at}.delayMinutes`, message: `must be a whole number of minutes from 0 to ${L.delayMinutes} (one week)` });
    else if (step.delayMinutes < previousDelay)
      problems.push({ path: `${at}.delayMinutes`, message: 'must not come before the previous step (the chain is in order)' });
    else previousDelay = step.delayMinutes;
    if (step.memberIndexes.length === 0) problems.push({ path: `${at}.memberIndexes`, message: 'must name at least one member' });
    const ids: string[] = [];
    step.memberIndexes.forEach((index, k) => {
      if (!Number.isInteger(index) || index < 0 || index >= members.length)
        problems.push({ path: `${at}.memberIndexes[${k}]`, message: `must be the position of a member (0 to ${members.length - 1})` });
      else if (!ids.includes(members[index].id)) ids.push(members[index].id);
    });
    return { delayMinutes: step.delayMinutes, memberIds: ids };
  });
  if (input.playbook.length > L.playbookSteps) problems.push({ path: '.playbook', message: `at most ${L.playbookSteps} steps` });
  const playbook: PlaybookStep[] = input.playbook.slice(0, L.playbookSteps).map((step, i) => ({
    title: text(step.title, `.playbook[${i}].title`, L.title, problems, true) ?? '',
    text: text(step.text, `.playbook[${i}].text`, L.text, problems, true) ?? '',
  }));
  const holdingStatement = text(input.holdingStatement, '.holdingStatement', L.holdingStatement, problems, false);
  if (problems.length > 0) return { cell: null, problems };
  return { cell: { members, escalation, playbook, holdingStatement }, problems };
}

export interface PlannedNotice {
  member: CrisisCellMember;
  /** Position in the chain, or null for a member outside it (told at once). */
  step: number | null;
  delayMinutes: number;
}

/**
 * Who is told when: each member at the first escalation step that names them,
 * members the chain does not name at once (the whole cell knows), in the order of
 * their delay then of the cell.
 */
export function planNotices(cell: CrisisCell): PlannedNotice[] {
  const notices = cell.members.map((member) => {
    const step = cell.escalation.findIndex((s) => s.memberIds.includes(member.id));
    return { member, step: step < 0 ? null : step, delayMinutes: step < 0 ? 0 : cell.escalation[step].delayMinutes };
  });
  return notices
    .map((n, order) => ({ n, order }))
    .sort((a, b) => a.n.delayMinutes - b.n.delayMinutes || a.order - b.order)
    .map(({ n }) => n);
}

/** The mail a member receives: what happened, their role, the playbook and the holding statement, in French then English. */
export function crisisMail(
  cell: CrisisCell,
  member: CrisisCellMember,
  trigger: 'ALERT_RAISED' | 'CRISIS_PAUSE',
  reason: string,
): { subject: string; text: string } {
  const what =
    trigger === 'ALERT_RAISED'
      ? { fr: 'Alerte de crise levée', en: 'Crisis alert raised' }
      : { fr: 'Publications suspendues (pause de crise)', en: 'Publishing paused for a crisis' };
  const role = CELL_ROLE_LABELS[member.cellRole];
  const lines = [
    `${what.fr} — ${what.en}`,
    '',
    reason,
    '',
    `Votre rôle dans la cellule de crise / Your role in the crisis cell: ${role.fr} / ${role.en}`,
  ];
  if (cell.playbook.length > 0) {
    lines.push('', 'Marche à suivre / Playbook:');
    cell.playbook.forEach((step, i) => lines.push(`${i + 1}. ${step.title}`, `   ${step.text.replace(/\n/g, '\n   ')}`));
  }
  if (cell.holdingStatement) lines.push('', 'Déclaration d’attente / Holding statement:', cell.holdingStatement);
  return { subject: `[Socle] ${what.fr} / ${what.en}`, text: lines.join('\n') };
}
