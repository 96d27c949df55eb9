import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import { badInput } from '@socle/platform-errors';
import { MailOutbox } from '@socle/platform-mail';
import type { Alert } from '../alerts/alerts.types';
import { AlertsService } from '../alerts/alerts.service';
import { CrisisPauseGateway, CrisisPauseSubscriber } from '../alerts/crisis-pause';
import type { TenantCtx } from '../repositories';
import { CrisisCell, CrisisCellInput, crisisMail, parseCrisisCell, planNotices } from './crisis-cell.model';

export interface StoredCrisisCell extends CrisisCell {
  updatedAt: Date;
}

export type CrisisTrigger = 'ALERT_RAISED' | 'CRISIS_PAUSE';

export interface CrisisNotification {
  id: string;
  trigger: CrisisTrigger;
  alertId: string | null;
  reason: string;
  memberId: string;
  memberName: string;
  cellRole: string;
  escalationStep: number | null;
  dueAt: Date;
  recipient: string | null;
  status: 'QUEUED' | 'RECORDED' | 'SCHEDULED' | 'SKIPPED';
  createdAt: Date;
}

/** Escalation steps handled in one run at most (the rest on the next run). */
export const ESCALATIONS_PER_RUN = 200;

const NOTIFICATION = `id, trigger, alert_id AS "alertId", reason, member_id AS "memberId", member_name AS "memberName", cell_role AS "cellRole",
  escalation_step AS "escalationStep", due_at AS "dueAt", recipient, status, created_at AS "createdAt"`;
export const NOTIFICATIONS_CAP = 200;

/**
 * The organisation's crisis cell, and its notification when a crisis alert is
 * raised (in the evaluator's transaction, through the alerts' listener) or when
 * publishing is paused for a crisis, from an alert or directly (in the pause's
 * transaction, through the crisis-pause gateway); the pause's chain stops when it
 * ends. Members told at once get a
 * mail through the outbox (committed with the trigger, or not at all); members of
 * a later escalation step are recorded with the time they are due.
 */
@Injectable()
export class CrisisCellService implements OnModuleInit {
  constructor(
    private readonly audit: AuditRepository,
    private readonly outbox: MailOutbox,
    private readonly alerts: AlertsService,
    private readonly crisisPause: CrisisPauseGateway,
  ) {}

  onModuleInit(): void {
    this.alerts.onRaised(this.alertRaised);
    this.crisisPause.subscribe(this.pause);
  }

  private readonly alertRaised = async (ctx: TenantCtx, alert: Alert): Promise<void> => {
    const reason =
      `Crisis alert ${alert.id}: ${alert.observedCount} negative mentions between ${alert.windowStart.toISOString()} and ` +
      `${alert.windowEnd.toISOString()} (usual ${alert.baselineMean.toFixed(1)}).`;
    await this.notify(ctx, 'ALERT_RAISED', alert.id, reason);
  };

  /**
   * A crisis pause, started from an alert or directly: the cell is told as for an alert (its first step now,
   * the chain after); when the pause ends, the chain of every pause notification still to come stops.
   */
  private readonly pause: CrisisPauseSubscriber = {
    started: async (ctx, reason, alertId) => {
      await this.notify(ctx, 'CRISIS_PAUSE', alertId, reason);
    },
    ended: async (ctx) => {
      await this.closePauseEscalation(ctx);
    },
  };

  async get(ctx: TenantCtx): Promise<StoredCrisisCell | null> {
    const [row] = await ctx.uow.query<StoredCrisisCell>(
      `SELECT members, escalation, playbook, holding_statement AS "holdingStatement", updated_at AS "updatedAt"
         FROM crisis_cells WHERE organization_id = $1`,
      [ctx.organizationId],
    );
    return row ?? null;
  }

  /** Replaces the cell after checking all of it (members of the organisation included); nothing is stored on a problem. */
  async set(ctx: TenantCtx, input: CrisisCellInput): Promise<StoredCrisisCell> {
    const { cell, problems } = parseCrisisCell(input, randomUUID);
    const userIds = input.members.map((m) => m.userId ?? null);
    const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    userIds.forEach((id, i) => {
      if (id !== null && !UUID.test(id)) problems.push({ path: `.members[${i}].userId`, message: 'must be a user id' });
    });
    const asked = [...new Set(userIds.filter((id): id is string => id !== null && UUID.test(id)))];
    if (asked.length > 0) {
      const found = await ctx.uow.query<{ user_id: string }>(
        'SELECT user_id FROM organization_memberships WHERE organization_id = $1 AND user_id = ANY($2::uuid[])',
        [ctx.organizationId, asked],
      );
      const members = new Set(found.map((r) => r.user_id));
      userIds.forEach((id, i) => {
        if (id !== null && UUID.test(id) && !members.has(id))
          problems.push({
            path: `.members[${i}].userId`,
            message: `${id} is not a member of this organization: leave userId out for someone from outside`,
          });
      });
    }
    if (!cell || problems.length > 0) throw badInput(problems.map((p) => ({ field: `input${p.path}`, message: p.message })));
    await ctx.uow.execute(
      `INSERT INTO crisis_cells (organization_id, members, escalation, playbook, holding_statement, updated_by, updated_at)
       VALUES ($1, $2::jsonb, $3::jsonb, $4::jsonb, $5, $6, now())
       ON CONFLICT (organization_id) DO UPDATE SET members = EXCLUDED.members, escalation = EXCLUDED.escalation, playbook = EXCLUDED.playbook,
         holding_statement = EXCLUDED.holding_statement, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [
        ctx.organizationId,
        JSON.stringify(cell.members),
        JSON.stringify(cell.escalation),
        JSON.stringify(cell.playbook),
        cell.holdingStatement,
        ctx.actor.type === 'USER' ? ctx.actor.id : null,
      ],
    );
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'crisis_cell.updated',
        targetType: 'CrisisCell',
        targetId: ctx.organizationId,
        metadata: { members: cell.members.length, escalationSteps: cell.escalation.length, playbookSteps: cell.playbook.length },
      },
      ctx.requestId,
    );
    return (await this.get(ctx)) as StoredCrisisCell;
  }

  /**
   * Tells the cell: one notification row per member, due at once or after their
   * escalation step's delay; a mail through the outbox for those due at once with an
   * address (their own, or their account's). Nothing without a cell.
   */
  async notify(ctx: TenantCtx, trigger: CrisisTrigger, alertId: string | null, reason: string, now = new Date()): Promise<number> {
    const cell = await this.get(ctx);
    if (!cell || cell.members.length === 0) return 0;
    const accountIds = cell.members.filter((m) => m.userId && !m.email).map((m) => m.userId as string);
    const accountEmails = new Map<string, string>();
    if (accountIds.length > 0) {
      const rows = await ctx.uow.query<{ id: string; email: string }>(
        `SELECT u.id, u.email FROM organization_memberships om JOIN users u ON u.id = om.user_id
          WHERE om.organization_id = $1 AND om.user_id = ANY($2::uuid[])`,
        [ctx.organizationId, accountIds],
      );
      for (const r of rows) accountEmails.set(r.id, r.email);
    }
    const clippedReason = reason.slice(0, 2000);
    const rows = [];
    for (const notice of planNotices(cell)) {
      const recipient = notice.member.email ?? (notice.member.userId ? (accountEmails.get(notice.member.userId) ?? null) : null);
      let status: CrisisNotification['status'] = notice.delayMinutes > 0 ? 'SCHEDULED' : recipient ? 'QUEUED' : 'RECORDED';
      let mailId: string | null = null;
      if (status === 'QUEUED' && recipient) {
        const mail = crisisMail(cell, notice.member, trigger, clippedReason);
        [mailId] = await this.outbox.enqueue(ctx.uow, [
          { to: recipient, subject: mail.subject, text: mail.text, purpose: 'crisis-cell.notification', reference: alertId },
        ]);
        if (!mailId) status = 'RECORDED';
      }
      rows.push({
        trigger,
        alert_id: alertId,
        reason: clippedReason,
        member_id: notice.member.id,
        member_name: notice.member.name,
        cell_role: notice.member.cellRole,
        escalation_step: notice.step,
        due_at: new Date(now.getTime() + notice.delayMinutes * 60_000).toISOString(),
        recipient,
        status,
        mail_id: mailId,
      });
    }
    await ctx.uow.execute(
      `INSERT INTO crisis_cell_notifications (organization_id, trigger, alert_id, reason, member_id, member_name, cell_role, escalation_step, due_at,
                                              recipient, status, mail_id)
       SELECT $1, n.trigger, n.alert_id, n.reason, n.member_id, n.member_name, n.cell_role, n.escalation_step, n.due_at, n.recipient, n.status, n.mail_id
         FROM jsonb_to_recordset($2::jsonb) AS n(trigger text, alert_id uuid, reason text, member_id uuid, member_name text, cell_role text,
                                                 escalation_step int, due_at timestamptz, recipient text, status text, mail_id uuid)`,
      [ctx.organizationId, JSON.stringify(rows)],
    );
    return rows.length;
  }

  /**
   * The escalation chain goes on: notifications SCHEDULED and due by `now` are sent
   * (a mail through the outbox, QUEUED; RECORDED without an address), or SKIPPED
   * when their alert is no longer OPEN (someone acknowledged or resolved it) or,
   * for a crisis pause's, when publishing is no longer paused.
   * Rows are locked (SKIP LOCKED): two runs never send one step twice.
   */
  async escalateDue(ctx: TenantCtx, now = new Date()): Promise<{ sent: number; skipped: number }> {
    const due = await ctx.uow.query<{
      id: string;
      trigger: CrisisTrigger;
      alert_id: string | null;
      reason: string;
      member_id: string;
      recipient: string | null;
      alert_status: string | null;
    }>(
      `SELECT n.id, n.trigger, n.alert_id, n.reason, n.member_id, n.recipient, a.status AS alert_status
         FROM crisis_cell_notifications n LEFT JOIN alerts a ON a.organization_id = n.organization_id AND a.id = n.alert_id
        WHERE n.organization_id = $1 AND n.status = 'SCHEDULED' AND n.due_at <= $2
        ORDER BY n.due_at, n.id LIMIT ${ESCALATIONS_PER_RUN} FOR UPDATE OF n SKIP LOCKED`,
      [ctx.organizationId, now],
    );
    if (due.length === 0) return { sent: 0, skipped: 0 };
    const cell = await this.get(ctx);
    // A pause's chain stops when the pause ends (the resume skips its rows; this holds it for a resume racing this run).
    const pauseOn = due.some((r) => r.trigger === 'CRISIS_PAUSE') ? await this.crisisPause.isOn(ctx) : false;
    let sent = 0;
    let skipped = 0;
    for (const row of due) {
      const member = cell?.members.find((m) => m.id === row.member_id);
      let status: CrisisNotification['status'];
      let mailId: string | null = null;
      if ((row.alert_id && row.alert_status !== 'OPEN') || (row.trigger === 'CRISIS_PAUSE' && !pauseOn)) {
        status = 'SKIPPED';
        skipped++;
      } else if (row.recipient && cell && member) {
        const mail = crisisMail(cell, member, row.trigger, row.reason);
        [mailId] = await this.outbox.enqueue(ctx.uow, [
          { to: row.recipient, subject: mail.subject, text: mail.text, purpose: 'crisis-cell.notification', reference: row.alert_id },
        ]);
        status = 'QUEUED';
        sent++;
      } else {
        status = 'RECORDED';
        sent++;
      }
      await ctx.uow.execute('UPDATE crisis_cell_notifications SET status = $3, mail_id = $4 WHERE organization_id = $1 AND id = $2', [
        ctx.organizationId,
        row.id,
        status,
        mailId,
      ]);
    }
    return { sent, skipped };
  }

  /** The crisis pause ended: its notifications still SCHEDULED are SKIPPED (the chain stops). Returns how many. */
  async closePauseEscalation(ctx: TenantCtx): Promise<number> {
    const rows = await ctx.uow.query<{ id: string }>(
      // In a CTE: the driver answers a bare UPDATE … RETURNING with [rows, count], not the rows.
      `WITH skipped AS (
         UPDATE crisis_cell_notifications SET status = 'SKIPPED'
          WHERE organization_id = $1 AND trigger = 'CRISIS_PAUSE' AND status = 'SCHEDULED' RETURNING id
       )
       SELECT id FROM skipped`,
      [ctx.organizationId],
    );
    return rows.length;
  }

  /** The latest notifications, newest first (of one alert when given), at most `NOTIFICATIONS_CAP`. */
  notifications(ctx: TenantCtx, alertId: string | null, limit = 50): Promise<CrisisNotification[]> {
    const capped = Math.min(Math.max(Math.trunc(limit) || 0, 0), NOTIFICATIONS_CAP);
    return alertId
      ? ctx.uow.query(
          `SELECT ${NOTIFICATION} FROM crisis_cell_notifications WHERE organization_id = $1 AND alert_id = $2
            ORDER BY created_at DESC, id DESC LIMIT ${capped}`,
          [ctx.organizationId, alertId],
        )
      : ctx.uow.query(
          `SELECT ${NOTIFICATION} FROM crisis_cell_notifications WHERE organization_id = $1 ORDER BY created_at DESC, id DESC LIMIT ${capped}`,
          [ctx.organizationId],
        );
  }
}
