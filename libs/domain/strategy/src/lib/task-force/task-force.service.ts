import { Injectable } from '@nestjs/common';
import { badInput, FieldProblem, notFound } from '@socle/platform-errors';
import type { KeysetPage } from '@socle/platform-graphql';
import { uniqueOr } from '../errors';
import { RitualRecord, StrategyCtx, StrategyRepository, TaskForceMemberRecord } from '../repositories';
import { cleanText } from '../validation';
import type { AddTaskForceMemberInput, CreateRitualInput, UpdateRitualInput } from '../dto/inputs';
import { AgendaSlot, BRAINSTORM_MINUTES, BrainstormTheme, brainstormThemeOf, MINUTES_PER_MEMBER, weeklyAgenda } from './agenda';
import { Cadence, formatDate, isoWeek, isValidTimeZone, nextOccurrence } from './calendar';

/** Which cadence a kind of ritual must have (null: either). */
const KIND_CADENCE: Record<string, 'WEEKLY' | 'MONTHLY' | null> = {
  WEEKLY_MEETING: 'WEEKLY',
  MONTHLY_EXECUTIVE_REPORT: 'MONTHLY',
  BEST_CONTENT_MAIL: 'MONTHLY',
  DIGITAL_TEAMS_MEETING: null,
  OTHER: null,
};

export interface WeeklyMeeting {
  ritual: RitualRecord;
  startsAt: Date;
  endsAt: Date;
  localDate: string;
  isoWeek: number;
  brainstormTheme: BrainstormTheme;
  agenda: AgendaSlot[];
}

export function cadenceOf(r: Pick<RitualRecord, 'cadence' | 'weekday' | 'dayOfMonth' | 'time'>): Cadence {
  return r.cadence === 'WEEKLY'
    ? { cadence: 'WEEKLY', weekday: r.weekday as number, time: r.time }
    : { cadence: 'MONTHLY', dayOfMonth: r.dayOfMonth as number, time: r.time };
}

/** The task force (people in the roles of seed 001) and its rituals. */
@Injectable()
export class TaskForceService {
  constructor(private readonly repo: StrategyRepository) {}

  pageMembers(ctx: StrategyCtx, keyset: KeysetPage): Promise<TaskForceMemberRecord[]> {
    return this.repo.pageTaskForce(ctx, keyset);
  }

  countMembers(ctx: StrategyCtx): Promise<number> {
    return this.repo.countTaskForce(ctx);
  }

  async addMember(ctx: StrategyCtx, input: AddTaskForceMemberInput): Promise<TaskForceMemberRecord> {
    const userId = input.userId ?? null;
    const externalName = cleanText(input.externalName);
    if ((userId === null) === (externalName === null)) {
      throw badInput(
        'input.userId',
        'give either userId (an organization member) or externalName (someone from outside), not both nor neither',
      );
    }
    if (userId && input.externalContact)
      throw badInput('input.externalContact', 'is only for an external person: a member is reached through their account');
    if (userId && !(await this.repo.isOrganizationMember(ctx, userId))) {
      throw badInput(
        'input.userId',
        `${userId} is not a member of this organization: invite them first, or add them as an external person`,
      );
    }
    const id = await uniqueOr(
      () =>
        uniqueOr(
          () =>
            this.repo.insertTaskForceMember(ctx, {
              role: input.role,
              userId,
              externalName,
              externalContact: cleanText(input.externalContact),
              department: cleanText(input.department),
            }),
          'task_force_members_user_key',
          'input.userId',
          'This person already holds this role in the task force.',
        ),
      'task_force_members_external_key',
      'input.externalName',
      'This person already holds this role in the task force.',
    );
    return (await this.repo.findTaskForceMember(ctx, id)) as TaskForceMemberRecord;
  }

  async removeMember(ctx: StrategyCtx, id: string): Promise<string> {
    if ((await this.repo.deleteTaskForceMember(ctx, id)) === 0) throw notFound('Task-force member', id);
    return id;
  }

  // ------------------------------------------------------------------ rituals

  pageRituals(ctx: StrategyCtx, keyset: KeysetPage): Promise<RitualRecord[]> {
    return this.repo.pageRituals(ctx, keyset);
  }

  countRituals(ctx: StrategyCtx): Promise<number> {
    return this.repo.countRituals(ctx);
  }

  /** Checks a ritual's schedule as a whole; returns the cadence it implies. */
  private schedule(
    kind: string,
    s: { title: string | null; weekday: number | null; dayOfMonth: number | null; timezone: string },
  ): 'WEEKLY' | 'MONTHLY' {
    const problems: FieldProblem[] = [];
    if (kind === 'OTHER' && !s.title) problems.push({ field: 'input.title', message: 'is required for a ritual of kind OTHER' });
    if ((s.weekday === null) === (s.dayOfMonth === null)) {
      problems.push({
        field: 'input.weekday',
        message: 'give weekday (a weekly ritual) or dayOfMonth (a monthly one), exactly one of them',
      });
    }
    const cadence = s.weekday !== null ? 'WEEKLY' : 'MONTHLY';
    const required = KIND_CADENCE[kind];
    if (required && problems.length === 0 && required !== cadence) {
      problems.push(
        required === 'WEEKLY'
          ? { field: 'input.weekday', message: `a ${kind} is weekly: give weekday (1 Monday … 7 Sunday), not dayOfMonth` }
          : { field: 'input.dayOfMonth', message: `a ${kind} is monthly: give dayOfMonth (1 … 28), not weekday` },
      );
    }
    if (!isValidTimeZone(s.timezone)) problems.push({ field: 'input.timezone', message: 'must be an IANA time zone such as Europe/Paris' });
    if (problems.length) throw badInput(problems);
    return cadence;
  }

  async createRitual(ctx: StrategyCtx, input: CreateRitualInput): Promise<RitualRecord> {
    const timezone = input.timezone?.trim() || (await this.repo.organization(ctx)).timezone;
    const title = cleanText(input.title);
    const weekday = input.weekday ?? null;
    const dayOfMonth = input.dayOfMonth ?? null;
    const cadence = this.schedule(input.kind, { title, weekday, dayOfMonth, timezone });
    return uniqueOr(
      () => this.repo.insertRitual(ctx, { kind: input.kind, title, cadence, weekday, dayOfMonth, time: input.time, timezone }),
      'rituals_kind_key',
      'input.kind',
      `There is already a ${input.kind} ritual: update it instead.`,
    );
  }

  async updateRitual(ctx: StrategyCtx, input: UpdateRitualInput): Promise<RitualRecord> {
    const current = await this.repo.findRitual(ctx, input.id);
    if (!current) throw notFound('Ritual', input.id);
    // Giving one of weekday / dayOfMonth switches the cadence; the other is dropped.
    let weekday = current.weekday;
    let dayOfMonth = current.dayOfMonth;
    if (input.weekday !== undefined && input.dayOfMonth !== undefined) {
      weekday = input.weekday;
      dayOfMonth = input.dayOfMonth;
    } else if (input.weekday !== undefined && input.weekday !== null) {
      weekday = input.weekday;
      dayOfMonth = null;
    } else if (input.dayOfMonth !== undefined && input.dayOfMonth !== null) {
      dayOfMonth = input.dayOfMonth;
      weekday = null;
    }
    const title = input.title === undefined ? current.title : cleanText(input.title);
    const timezone = input.timezone?.trim() || current.timezone;
    if (input.time === null) throw badInput('input.time', 'cannot be removed (null): leave it out to keep it');
    const cadence = this.schedule(current.kind, { title, weekday, dayOfMonth, timezone });
    const updated = await this.repo.updateRitual(ctx, input.id, {
      title,
      cadence,
      weekday,
      dayOfMonth,
      time: input.time ?? current.time,
      timezone,
    });
    if (!updated) throw notFound('Ritual', input.id);
    return updated;
  }

  async deleteRitual(ctx: StrategyCtx, id: string): Promise<string> {
    if ((await this.repo.deleteRitual(ctx, id)) === 0) throw notFound('Ritual', id);
    return id;
  }

  /** The next weekly meeting and its agenda, or null when no weekly meeting is scheduled. */
  async nextWeeklyMeeting(ctx: StrategyCtx, now = new Date()): Promise<WeeklyMeeting | null> {
    const ritual = await this.repo.weeklyMeeting(ctx);
    if (!ritual) return null;
    const members = await this.repo.allTaskForce(ctx);
    return weeklyMeetingOf(ritual, members, now);
  }
}

/** Pure: the next occurrence of a weekly ritual with the agenda for that week. */
export function weeklyMeetingOf(ritual: RitualRecord, members: TaskForceMemberRecord[], now: Date): WeeklyMeeting {
  const { startsAt, localDate } = nextOccurrence(cadenceOf(ritual), ritual.timezone, now);
  const week = isoWeek(localDate).week;
  const agenda = weeklyAgenda(
    members.map((m) => ({ id: m.id, role: m.role, userId: m.userId, name: m.name })),
    week,
  );
  const duration = agenda.length ? agenda[agenda.length - 1].endOffsetMinutes : MINUTES_PER_MEMBER + BRAINSTORM_MINUTES;
  return {
    ritual,
    startsAt,
    endsAt: new Date(startsAt.getTime() + duration * 60_000),
    localDate: formatDate(localDate),
    isoWeek: week,
    brainstormTheme: brainstormThemeOf(week),
    agenda,
  };
}
