import { Injectable } from '@nestjs/common';
import type { Actor } from '@socle/platform-auth';
import type { OrganizationUnitOfWork } from '@socle/platform-database';
import type { KeysetPage } from '@socle/platform-graphql';

/** Who acts in which organisation (a request's OrganizationContext is one). The tenant is the unit of work's own. */
export interface GovernanceCtx {
  readonly uow: OrganizationUnitOfWork;
  readonly organizationId: OrganizationUnitOfWork['organizationId'];
  readonly actor: Actor;
  readonly requestId?: string;
}

export const MEETING_KINDS = ['COMMITTEE', 'TASK_FORCE_RITUAL', 'EXECUTIVE_REVIEW', 'OTHER'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const DECISION_STATUSES = ['OPEN', 'DONE', 'DROPPED'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** A committee holds few people: the whole committee is read at once. */
export const COMMITTEE_LIMIT = 50;
/** Attendees of one meeting (the committee's members). */
export const ATTENDEE_LIMIT = COMMITTEE_LIMIT;

export interface GovernanceMemberRow {
  id: string;
  userId: string | null;
  /** The member's display name, or the outside person's name. */
  name: string;
  external: boolean;
  function: string;
  topManagement: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface MeetingRow {
  id: string;
  kind: MeetingKind;
  heldAt: Date;
  minutes: string;
  ritualId: string | null;
  attendeeIds: string[];
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface DecisionRow {
  id: string;
  meetingId: string | null;
  text: string;
  ownerMemberId: string | null;
  dueDate: string | null;
  status: DecisionStatus;
  closedAt: Date | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const MEMBER = `m.id, m.user_id AS "userId", coalesce(u.display_name, m.external_name) AS name, (m.user_id IS NULL) AS external,
  m.function, m.top_management AS "topManagement", m.created_at AS "createdAt", m.updated_at AS "updatedAt"`;
const MEMBER_FROM = 'governance_members m LEFT JOIN users u ON u.id = m.user_id';

const MEETING = `g.id, g.kind, g.held_at AS "heldAt", g.minutes, g.ritual_id AS "ritualId",
  coalesce((SELECT array_agg(a.member_id ORDER BY a.member_id) FROM governance_meeting_attendees a
             WHERE a.organization_id = g.organization_id AND a.meeting_id = g.id), '{}') AS "attendeeIds",
  g.created_by AS "createdBy", g.created_at AS "createdAt", g.updated_at AS "updatedAt"`;

const DECISION = `id, meeting_id AS "meetingId", text, owner_member_id AS "ownerMemberId", to_char(due_date, 'YYYY-MM-DD') AS "dueDate",
  status, closed_at AS "closedAt", created_by AS "createdBy", created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The organisation's meetings (alias `g`), of one kind when given: the conditions of a page, without its cursor. */
function meetingFilter(ctx: GovernanceCtx, filter: { kind?: MeetingKind }): { where: string[]; params: unknown[] } {
  const params: unknown[] = [ctx.uow.organizationId];
  const where = ['g.organization_id = $1'];
  if (filter.kind) {
    params.push(filter.kind);
    where.push(`g.kind = $${params.length}`);
  }
  return { where, params };
}

/** The organisation's decisions, by status and meeting when given: the conditions of a page, without its cursor. */
function decisionFilter(
  ctx: GovernanceCtx,
  filter: { status?: DecisionStatus; meetingId?: string },
): { where: string[]; params: unknown[] } {
  const params: unknown[] = [ctx.uow.organizationId];
  const where = ['organization_id = $1'];
  if (filter.status) {
    params.push(filter.status);
    where.push(`status = $${params.length}`);
  }
  if (filter.meetingId) {
    params.push(filter.meetingId);
    where.push(`meeting_id = $${params.length}::uuid`);
  }
  return { where, params };
}

/** The committee, its meetings and decisions. Every statement names the tenant; row-level security holds it too. */
@Injectable()
export class GovernanceRepository {
  // ------------------------------------------------------------------ members

  committee(ctx: GovernanceCtx): Promise<GovernanceMemberRow[]> {
    return ctx.uow.query<GovernanceMemberRow>(
      `SELECT ${MEMBER} FROM ${MEMBER_FROM} WHERE m.organization_id = $1 ORDER BY m.created_at, m.id LIMIT ${COMMITTEE_LIMIT}`,
      [ctx.uow.organizationId],
    );
  }

  async member(ctx: GovernanceCtx, id: string): Promise<GovernanceMemberRow | null> {
    const [row] = await ctx.uow.query<GovernanceMemberRow>(
      `SELECT ${MEMBER} FROM ${MEMBER_FROM} WHERE m.organization_id = $1 AND m.id = $2`,
      [ctx.uow.organizationId, id],
    );
    return row ?? null;
  }

  /** Counts the members and locks the organisation's committee against a concurrent insert beyond the limit. */
  async lockCommittee(ctx: GovernanceCtx): Promise<number> {
    await ctx.uow.query("SELECT pg_advisory_xact_lock(hashtextextended('socle.governance:' || $1::text, 0))", [ctx.uow.organizationId]);
    const [row] = await ctx.uow.query<{ n: number }>('SELECT count(*)::int AS n FROM governance_members WHERE organization_id = $1', [
      ctx.uow.organizationId,
    ]);
    return row.n;
  }

  async insertMember(
    ctx: GovernanceCtx,
    m: { userId: string | null; externalName: string | null; function: string; topManagement: boolean },
  ): Promise<string> {
    const [row] = await ctx.uow.query<{ id: string }>(
      `INSERT INTO governance_members (organization_id, user_id, external_name, function, top_management) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [ctx.uow.organizationId, m.userId, m.externalName, m.function, m.topManagement],
    );
    return row.id;
  }

  async updateMember(ctx: GovernanceCtx, id: string, patch: { function?: string; topManagement?: boolean }): Promise<boolean> {
    const n = await ctx.uow.execute(
      `UPDATE governance_members SET function = coalesce($3, function), top_management = coalesce($4, top_management), updated_at = now()
        WHERE organization_id = $1 AND id = $2`,
      [ctx.uow.organizationId, id, patch.function ?? null, patch.topManagement ?? null],
    );
    return n > 0;
  }

  deleteMember(ctx: GovernanceCtx, id: string): Promise<number> {
    return ctx.uow.execute('DELETE FROM governance_members WHERE organization_id = $1 AND id = $2', [ctx.uow.organizationId, id]);
  }

  async isOrganizationMember(ctx: GovernanceCtx, userId: string): Promise<boolean> {
    const rows = await ctx.uow.query('SELECT 1 FROM organization_memberships WHERE organization_id = $1 AND user_id = $2', [
      ctx.uow.organizationId,
      userId,
    ]);
    return rows.length > 0;
  }

  /** Of `ids`, those that are not members of this organisation's committee. */
  async unknownMembers(ctx: GovernanceCtx, ids: readonly string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await ctx.uow.query<{ id: string }>(
      `SELECT x.id FROM unnest($2::uuid[]) AS x(id)
        WHERE NOT EXISTS (SELECT 1 FROM governance_members m WHERE m.organization_id = $1 AND m.id = x.id)`,
      [ctx.uow.organizationId, ids],
    );
    return rows.map((r) => r.id);
  }

  async ritualExists(ctx: GovernanceCtx, id: string): Promise<boolean> {
    const rows = await ctx.uow.query('SELECT 1 FROM rituals WHERE organization_id = $1 AND id = $2', [ctx.uow.organizationId, id]);
    return rows.length > 0;
  }

  // ------------------------------------------------------------------ meetings

  /** Most recent first. */
  pageMeetings(ctx: GovernanceCtx, keyset: KeysetPage, filter: { kind?: MeetingKind }): Promise<MeetingRow[]> {
    const { where, params } = meetingFilter(ctx, filter);
    if (keyset.after) {
      params.push(keyset.after[0], keyset.after[1]);
      where.push(`(g.held_at, g.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(keyset.size + 1);
    return ctx.uow.query<MeetingRow>(
      `SELECT ${MEETING} FROM governance_meetings g WHERE ${where.join(' AND ')} ORDER BY g.held_at DESC, g.id DESC LIMIT $${params.length}`,
      params,
    );
  }

  /** How many meetings `pageMeetings` lists with the same filter over all its pages. */
  async countMeetings(ctx: GovernanceCtx, filter: { kind?: MeetingKind }): Promise<number> {
    const { where, params } = meetingFilter(ctx, filter);
    const [row] = await ctx.uow.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM governance_meetings g WHERE ${where.join(' AND ')}`,
      params,
    );
    return row.n;
  }

  async meeting(ctx: GovernanceCtx, id: string): Promise<MeetingRow | null> {
    const [row] = await ctx.uow.query<MeetingRow>(
      `SELECT ${MEETING} FROM governance_meetings g WHERE g.organization_id = $1 AND g.id = $2`,
      [ctx.uow.organizationId, id],
    );
    return row ?? null;
  }

  async insertMeeting(
    ctx: GovernanceCtx,
    m: { kind: MeetingKind; heldAt: Date; minutes: string; ritualId: string | null },
  ): Promise<string> {
    const [row] = await ctx.uow.query<{ id: string }>(
      `INSERT INTO governance_meetings (organization_id, kind, held_at, minutes, ritual_id, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [ctx.uow.organizationId, m.kind, m.heldAt, m.minutes, m.ritualId, ctx.actor.type === 'USER' ? ctx.actor.id : null],
    );
    return row.id;
  }

  async updateMeeting(
    ctx: GovernanceCtx,
    id: string,
    m: { kind: MeetingKind; heldAt: Date; minutes: string; ritualId: string | null },
  ): Promise<boolean> {
    const n = await ctx.uow.execute(
      `UPDATE governance_meetings SET kind = $3, held_at = $4, minutes = $5, ritual_id = $6, updated_at = now() WHERE organization_id = $1 AND id = $2`,
      [ctx.uow.organizationId, id, m.kind, m.heldAt, m.minutes, m.ritualId],
    );
    return n > 0;
  }

  async setAttendees(ctx: GovernanceCtx, meetingId: string, memberIds: readonly string[]): Promise<void> {
    await ctx.uow.execute('DELETE FROM governance_meeting_attendees WHERE organization_id = $1 AND meeting_id = $2', [
      ctx.uow.organizationId,
      meetingId,
    ]);
    if (memberIds.length) {
      await ctx.uow.execute(
        `INSERT INTO governance_meeting_attendees (organization_id, meeting_id, member_id) SELECT $1, $2, x FROM unnest($3::uuid[]) AS x`,
        [ctx.uow.organizationId, meetingId, memberIds],
      );
    }
  }

  deleteMeeting(ctx: GovernanceCtx, id: string): Promise<number> {
    return ctx.uow.execute('DELETE FROM governance_meetings WHERE organization_id = $1 AND id = $2', [ctx.uow.organizationId, id]);
  }

  // ------------------------------------------------------------------ decisions

  pageDecisions(ctx: GovernanceCtx, keyset: KeysetPage, filter: { status?: DecisionStatus; meetingId?: string }): Promise<DecisionRow[]> {
    const { where, params } = decisionFilter(ctx, filter);
    if (keyset.after) {
      params.push(keyset.after[0], keyset.after[1]);
      where.push(`(created_at, id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(keyset.size + 1);
    return ctx.uow.query<DecisionRow>(
      `SELECT ${DECISION} FROM governance_decisions WHERE ${where.join(' AND ')} ORDER BY created_at, id LIMIT $${params.length}`,
      params,
    );
  }

  /** How many decisions `pageDecisions` lists with the same filter over all its pages. */
  async countDecisions(ctx: GovernanceCtx, filter: { status?: DecisionStatus; meetingId?: string }): Promise<number> {
    const { where, params } = decisionFilter(ctx, filter);
    const [row] = await ctx.uow.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM governance_decisions WHERE ${where.join(' AND ')}`,
      params,
    );
    return row.n;
  }

  async decision(ctx: GovernanceCtx, id: string): Promise<DecisionRow | null> {
    const [row] = await ctx.uow.query<DecisionRow>(`SELECT ${DECISION} FROM governance_decisions WHERE organization_id = $1 AND id = $2`, [
      ctx.uow.organizationId,
      id,
    ]);
    return row ?? null;
  }

  async insertDecision(
    ctx: GovernanceCtx,
    d: { meetingId: string | null; text: string; ownerMemberId: string | null; dueDate: string | null },
  ): Promise<string> {
    const [row] = await ctx.uow.query<{ id: string }>(
      `INSERT INTO governance_decisions (organization_id, meeting_id, text, owner_member_id, due_date, created_by)
       VALUES ($1, $2, $3, $4, $5::date, $6) RETURNING id`,
      [ctx.uow.organizationId, d.meetingId, d.text, d.ownerMemberId, d.dueDate, ctx.actor.type === 'USER' ? ctx.actor.id : null],
    );
    return row.id;
  }

  async updateDecision(
    ctx: GovernanceCtx,
    id: string,
    d: { meetingId: string | null; text: string; ownerMemberId: string | null; dueDate: string | null; status: DecisionStatus },
  ): Promise<boolean> {
    const n = await ctx.uow.execute(
      `UPDATE governance_decisions SET meeting_id = $3, text = $4, owner_member_id = $5, due_date = $6::date, status = $7,
         closed_at = CASE WHEN $7 = 'OPEN' THEN NULL WHEN status = $7 THEN closed_at ELSE now() END, updated_at = now()
        WHERE organization_id = $1 AND id = $2`,
      [ctx.uow.organizationId, id, d.meetingId, d.text, d.ownerMemberId, d.dueDate, d.status],
    );
    return n > 0;
  }

  deleteDecision(ctx: GovernanceCtx, id: string): Promise<number> {
    return ctx.uow.execute('DELETE FROM governance_decisions WHERE organization_id = $1 AND id = $2', [ctx.uow.organizationId, id]);
  }
}
