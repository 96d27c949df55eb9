import { Injectable } from '@nestjs/common';
import { badInput, conflict, DomainError, FieldProblem, notFound } from '@socle/platform-errors';
import type { KeysetPage } from '@socle/platform-graphql';
import { uniqueOr } from '../errors';
import { formatDate, parseDate } from '../task-force/calendar';
import { cleanText } from '../validation';
import {
  ATTENDEE_LIMIT,
  COMMITTEE_LIMIT,
  DecisionRow,
  DecisionStatus,
  GovernanceCtx,
  GovernanceMemberRow,
  GovernanceRepository,
  MeetingKind,
  MeetingRow,
} from './governance.repository';

export type CommitteeStatus = 'NO_COMMITTEE' | 'NO_TOP_MANAGEMENT' | 'COMPLETE';

export interface Committee {
  members: GovernanceMemberRow[];
  topManagementCount: number;
  status: CommitteeStatus;
}

/** Pure: how the committee stands against seed 000 (a mixed committee with a top-management representative). */
export function committeeOf(members: GovernanceMemberRow[]): Committee {
  const topManagementCount = members.filter((m) => m.topManagement).length;
  const status: CommitteeStatus = members.length === 0 ? 'NO_COMMITTEE' : topManagementCount === 0 ? 'NO_TOP_MANAGEMENT' : 'COMPLETE';
  return { members, topManagementCount, status };
}

/** How far in the future a meeting may be dated (clocks, time zones): meetings recorded are meetings held. */
const FUTURE_SLACK_MS = 24 * 3_600_000;
const EARLIEST = Date.UTC(2000, 0, 1);

/** A reference to another row that is not in this organisation: NOT_FOUND, naming the field. */
export function missing(what: string, id: string, field: string): DomainError {
  return new DomainError('NOT_FOUND', `${what} ${id} was not found in this organization.`, {
    field,
    problems: [{ field, message: `${what} ${id} was not found in this organization` }],
  });
}

/**
 * The governance record: the mixed committee (members with a function, the
 * top-management flag), its meetings (committee sessions and the task force's
 * rituals as held, attendees, minutes) and the decisions taken. Writes are
 * audited by the strategy audit interceptor, in the request's transaction.
 */
@Injectable()
export class GovernanceService {
  constructor(private readonly repo: GovernanceRepository) {}

  // ------------------------------------------------------------------ committee

  async committee(ctx: GovernanceCtx): Promise<Committee> {
    return committeeOf(await this.repo.committee(ctx));
  }

  async addMember(
    ctx: GovernanceCtx,
    input: { userId?: string | null; externalName?: string | null; function: string; topManagement?: boolean | null },
  ): Promise<GovernanceMemberRow> {
    const userId = input.userId ?? null;
    const externalName = cleanText(input.externalName);
    const fn = cleanText(input.function);
    const problems: FieldProblem[] = [];
    if ((userId === null) === (externalName === null)) {
      problems.push({
        field: 'input.userId',
        message: 'give either userId (an organization member) or externalName (someone from outside), not both nor neither',
      });
    }
    if (!fn) problems.push({ field: 'input.function', message: 'must not be blank' });
    if (problems.length) throw badInput(problems);
    if (userId && !(await this.repo.isOrganizationMember(ctx, userId))) throw missing('Member', userId, 'input.userId');
    if ((await this.repo.lockCommittee(ctx)) >= COMMITTEE_LIMIT) {
      throw conflict(`The committee already has ${COMMITTEE_LIMIT} members: remove one first.`, 'input', 'COMMITTEE_FULL');
    }
    const id = await uniqueOr(
      () =>
        uniqueOr(
          () => this.repo.insertMember(ctx, { userId, externalName, function: fn as string, topManagement: !!input.topManagement }),
          'governance_members_user_key',
          'input.userId',
          'This person is already a member of the committee.',
        ),
      'governance_members_external_key',
      'input.externalName',
      'This person is already a member of the committee.',
    );
    return (await this.repo.member(ctx, id)) as GovernanceMemberRow;
  }

  async updateMember(
    ctx: GovernanceCtx,
    input: { id: string; function?: string | null; topManagement?: boolean | null },
  ): Promise<GovernanceMemberRow> {
    const problems: FieldProblem[] = [];
    const fn = input.function === undefined || input.function === null ? undefined : cleanText(input.function);
    if (input.function !== undefined && !fn)
      problems.push({ field: 'input.function', message: 'must not be blank (leave it out to keep it)' });
    if (input.topManagement === null)
      problems.push({ field: 'input.topManagement', message: 'cannot be removed (null): give true or false' });
    if (fn === undefined && (input.topManagement === undefined || input.topManagement === null) && !problems.length) {
      problems.push({ field: 'input', message: 'give function, topManagement or both' });
    }
    if (problems.length) throw badInput(problems);
    if (!(await this.repo.updateMember(ctx, input.id, { function: fn ?? undefined, topManagement: input.topManagement ?? undefined }))) {
      throw notFound('Committee member', input.id);
    }
    return (await this.repo.member(ctx, input.id)) as GovernanceMemberRow;
  }

  async removeMember(ctx: GovernanceCtx, id: string): Promise<string> {
    if ((await this.repo.deleteMember(ctx, id)) === 0) throw notFound('Committee member', id);
    return id;
  }

  // ------------------------------------------------------------------ meetings

  pageMeetings(ctx: GovernanceCtx, keyset: KeysetPage, kind?: MeetingKind): Promise<MeetingRow[]> {
    return this.repo.pageMeetings(ctx, keyset, { kind });
  }

  countMeetings(ctx: GovernanceCtx, kind?: MeetingKind): Promise<number> {
    return this.repo.countMeetings(ctx, { kind });
  }

  async meeting(ctx: GovernanceCtx, id: string): Promise<MeetingRow> {
    const row = await this.repo.meeting(ctx, id);
    if (!row) throw notFound('Meeting', id);
    return row;
  }

  async recordMeeting(
    ctx: GovernanceCtx,
    input: { kind: MeetingKind; heldAt: Date; attendeeIds?: string[] | null; minutes?: string | null; ritualId?: string | null },
    now = new Date(),
  ): Promise<MeetingRow> {
    const fields = await this.checkMeeting(ctx, { ...input, ritualId: input.ritualId ?? null }, now);
    const id = await this.repo.insertMeeting(ctx, {
      kind: input.kind,
      heldAt: input.heldAt,
      minutes: cleanText(input.minutes) ?? '',
      ritualId: fields.ritualId,
    });
    await this.repo.setAttendees(ctx, id, fields.attendeeIds ?? []);
    return this.meeting(ctx, id);
  }

  async updateMeeting(
    ctx: GovernanceCtx,
    input: {
      id: string;
      kind?: MeetingKind | null;
      heldAt?: Date | null;
      attendeeIds?: string[] | null;
      minutes?: string | null;
      ritualId?: string | null;
    },
    now = new Date(),
  ): Promise<MeetingRow> {
    const current = await this.meeting(ctx, input.id);
    if (input.kind === null) throw badInput('input.kind', 'cannot be removed (null): leave it out to keep it');
    if (input.heldAt === null) throw badInput('input.heldAt', 'cannot be removed (null): leave it out to keep it');
    const next = {
      kind: input.kind ?? current.kind,
      heldAt: input.heldAt ?? current.heldAt,
      ritualId: input.ritualId === undefined ? current.ritualId : input.ritualId,
      attendeeIds: input.attendeeIds === undefined ? undefined : (input.attendeeIds ?? []),
    };
    const fields = await this.checkMeeting(ctx, next, now);
    const minutes = input.minutes === undefined ? current.minutes : (cleanText(input.minutes) ?? '');
    await this.repo.updateMeeting(ctx, input.id, { kind: next.kind, heldAt: next.heldAt, minutes, ritualId: fields.ritualId });
    if (fields.attendeeIds) await this.repo.setAttendees(ctx, input.id, fields.attendeeIds);
    return this.meeting(ctx, input.id);
  }

  async deleteMeeting(ctx: GovernanceCtx, id: string): Promise<string> {
    if ((await this.repo.deleteMeeting(ctx, id)) === 0) throw notFound('Meeting', id);
    return id;
  }

  private async checkMeeting(
    ctx: GovernanceCtx,
    m: { kind: MeetingKind; heldAt: Date; attendeeIds?: string[] | null; ritualId: string | null },
    now: Date,
  ): Promise<{ attendeeIds?: string[]; ritualId: string | null }> {
    const problems: FieldProblem[] = [];
    const at = m.heldAt.getTime();
    if (!Number.isFinite(at) || at < EARLIEST) problems.push({ field: 'input.heldAt', message: 'must be a date from 2000 on' });
    else if (at > now.getTime() + FUTURE_SLACK_MS) {
      problems.push({ field: 'input.heldAt', message: 'is in the future: record a meeting once it was held' });
    }
    if (m.ritualId && m.kind !== 'TASK_FORCE_RITUAL') {
      problems.push({
        field: 'input.ritualId',
        message: 'links a meeting of kind TASK_FORCE_RITUAL to its ritual; give that kind or leave it out',
      });
    }
    const attendeeIds = m.attendeeIds ? [...new Set(m.attendeeIds.map((id) => id.toLowerCase()))] : undefined;
    if (attendeeIds && attendeeIds.length > ATTENDEE_LIMIT) {
      problems.push({ field: 'input.attendeeIds', message: `must hold at most ${ATTENDEE_LIMIT} committee members` });
    }
    if (problems.length) throw badInput(problems);
    if (m.ritualId && !(await this.repo.ritualExists(ctx, m.ritualId))) throw missing('Ritual', m.ritualId, 'input.ritualId');
    if (attendeeIds?.length) {
      const unknown = new Set(await this.repo.unknownMembers(ctx, attendeeIds));
      if (unknown.size) {
        const index = (m.attendeeIds ?? []).findIndex((id) => unknown.has(id.toLowerCase()));
        const id = (m.attendeeIds ?? [])[index];
        throw missing('Committee member', id, `input.attendeeIds[${index}]`);
      }
    }
    return { attendeeIds, ritualId: m.ritualId };
  }

  // ------------------------------------------------------------------ decisions

  pageDecisions(ctx: GovernanceCtx, keyset: KeysetPage, filter: { status?: DecisionStatus; meetingId?: string }): Promise<DecisionRow[]> {
    return this.repo.pageDecisions(ctx, keyset, filter);
  }

  countDecisions(ctx: GovernanceCtx, filter: { status?: DecisionStatus; meetingId?: string }): Promise<number> {
    return this.repo.countDecisions(ctx, filter);
  }

  async decision(ctx: GovernanceCtx, id: string): Promise<DecisionRow> {
    const row = await this.repo.decision(ctx, id);
    if (!row) throw notFound('Decision', id);
    return row;
  }

  async recordDecision(
    ctx: GovernanceCtx,
    input: { text: string; meetingId?: string | null; ownerMemberId?: string | null; dueDate?: string | null },
  ): Promise<DecisionRow> {
    const text = cleanText(input.text);
    const problems: FieldProblem[] = [];
    if (!text) problems.push({ field: 'input.text', message: 'must not be blank' });
    const dueDate = this.date(input.dueDate ?? null, problems);
    if (problems.length) throw badInput(problems);
    await this.checkLinks(ctx, input.meetingId ?? null, input.ownerMemberId ?? null);
    const id = await this.repo.insertDecision(ctx, {
      text: text as string,
      meetingId: input.meetingId ?? null,
      ownerMemberId: input.ownerMemberId ?? null,
      dueDate,
    });
    return this.decision(ctx, id);
  }

  async updateDecision(
    ctx: GovernanceCtx,
    input: {
      id: string;
      text?: string | null;
      meetingId?: string | null;
      ownerMemberId?: string | null;
      dueDate?: string | null;
      status?: DecisionStatus | null;
    },
  ): Promise<DecisionRow> {
    const current = await this.decision(ctx, input.id);
    const problems: FieldProblem[] = [];
    const text = input.text === undefined ? current.text : cleanText(input.text);
    if (!text) problems.push({ field: 'input.text', message: 'must not be blank (leave it out to keep it)' });
    if (input.status === null) problems.push({ field: 'input.status', message: 'cannot be removed (null): give OPEN, DONE or DROPPED' });
    const dueDate = input.dueDate === undefined ? current.dueDate : this.date(input.dueDate, problems);
    if (problems.length) throw badInput(problems);
    const meetingId = input.meetingId === undefined ? current.meetingId : input.meetingId;
    const ownerMemberId = input.ownerMemberId === undefined ? current.ownerMemberId : input.ownerMemberId;
    await this.checkLinks(ctx, input.meetingId ?? null, input.ownerMemberId ?? null);
    const updated = await this.repo.updateDecision(ctx, input.id, {
      text: text as string,
      meetingId,
      ownerMemberId,
      dueDate,
      status: input.status ?? current.status,
    });
    if (!updated) throw notFound('Decision', input.id);
    return this.decision(ctx, input.id);
  }

  async deleteDecision(ctx: GovernanceCtx, id: string): Promise<string> {
    if ((await this.repo.deleteDecision(ctx, id)) === 0) throw notFound('Decision', id);
    return id;
  }

  private date(value: string | null, problems: FieldProblem[]): string | null {
    if (value === null) return null;
    const d = parseDate(value);
    if (!d) {
      problems.push({ field: 'input.dueDate', message: 'must be a date written YYYY-MM-DD' });
      return null;
    }
    return formatDate(d);
  }

  private async checkLinks(ctx: GovernanceCtx, meetingId: string | null, ownerMemberId: string | null): Promise<void> {
    if (meetingId && !(await this.repo.meeting(ctx, meetingId))) throw missing('Meeting', meetingId, 'input.meetingId');
    if (ownerMemberId && (await this.repo.unknownMembers(ctx, [ownerMemberId])).length) {
      throw missing('Committee member', ownerMemberId, 'input.ownerMemberId');
    }
  }
}
