import { Injectable, Logger } from '@nestjs/common';
import type { OrganizationUnitOfWork, UnitOfWork } from '@socle/platform-database';
import { JobPayload, JobQueues } from '@socle/platform-queue';
import { MailMessage, UNSUBSCRIBE_URL } from './mailer';

export const MAIL_QUEUE = 'mail';
export const SEND_MAIL_JOB = 'SendMailJob';

/** A mail to send, with what it is for (`policies.acknowledgement`) and, optionally, the row it belongs to (to cancel it with that row). */
export interface OutgoingMail extends MailMessage {
  purpose: string;
  reference?: string | null;
}

export interface OutboxRow {
  id: string;
  recipient: string;
  subject: string;
  textBody: string;
  unsubscribeUrl: string | null;
  purpose: string;
  reference: string | null;
  status: 'PENDING' | 'SENT' | 'FAILED' | 'CANCELLED';
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  messageId: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

const COLUMNS = `id, recipient, subject, text_body AS "textBody", unsubscribe_url AS "unsubscribeUrl", purpose, reference, status, attempts, next_attempt_at AS "nextAttemptAt",
  last_error AS "lastError", message_id AS "messageId", created_at AS "createdAt", sent_at AS "sentAt"`;

/** Lowercase letters, digits, dots, dashes and underscores: what a purpose may be. */
const PURPOSE = /^[a-z0-9._-]{1,60}$/;

/**
 * One outbox table and its tenant column: the organisations' (`mail_outbox`,
 * by organization_id), the people's own (`user_mail_outbox`, by user_id, for
 * mails about a person's account such as a password reset) or the agencies'
 * (`agency_mail_outbox`, by agency_id: invitations to their staff). All have the
 * same columns and rules; every statement names the tenant key, and row-level
 * security holds each table to the unit of work's tenant.
 */
export class OutboxTable {
  constructor(
    readonly table: 'mail_outbox' | 'user_mail_outbox' | 'agency_mail_outbox',
    readonly tenantColumn: 'organization_id' | 'user_id' | 'agency_id',
    /** The SECURITY DEFINER function that lists the tenants with a mail due (ids only). */
    private readonly dueFunction: `socle_${string}_due`,
  ) {}

  async insert(uow: UnitOfWork, tenantId: string, mails: readonly OutgoingMail[]): Promise<string[]> {
    if (mails.length === 0) return [];
    for (const mail of mails) {
      if (!PURPOSE.test(mail.purpose)) throw new Error(`mail purpose ${JSON.stringify(mail.purpose)} is not a key`);
      if (mail.unsubscribeUrl != null && !UNSUBSCRIBE_URL.test(mail.unsubscribeUrl))
        throw new Error('a mail’s unsubscription address must be an http(s) URL of printable ASCII without spaces or angle brackets');
    }
    const rows = await uow.query<{ id: string }>(
      `INSERT INTO ${this.table} (${this.tenantColumn}, recipient, subject, text_body, unsubscribe_url, purpose, reference)
       SELECT $1, m.recipient, m.subject, m.text_body, m.unsubscribe_url, m.purpose, m.reference
         FROM jsonb_to_recordset($2::jsonb)
           AS m (recipient text, subject text, text_body text, unsubscribe_url text, purpose text, reference uuid)
       RETURNING id`,
      [
        tenantId,
        JSON.stringify(
          mails.map((m) => ({
            recipient: m.to,
            subject: m.subject,
            text_body: m.text,
            unsubscribe_url: m.unsubscribeUrl ?? null,
            purpose: m.purpose,
            reference: m.reference ?? null,
          })),
        ),
      ],
    );
    return rows.map((r) => r.id);
  }

  cancelFor(uow: UnitOfWork, tenantId: string, references: readonly string[]): Promise<number> {
    if (references.length === 0) return Promise.resolve(0);
    return uow.execute(
      `UPDATE ${this.table} SET status = 'CANCELLED', lease_until = NULL, text_body = '', unsubscribe_url = NULL
        WHERE ${this.tenantColumn} = $1 AND reference = ANY($2::uuid[]) AND status = 'PENDING'`,
      [tenantId, references],
    );
  }

  async find(uow: UnitOfWork, tenantId: string, id: string): Promise<OutboxRow | null> {
    const [row] = await uow.query<OutboxRow>(`SELECT ${COLUMNS} FROM ${this.table} WHERE ${this.tenantColumn} = $1 AND id = $2`, [
      tenantId,
      id,
    ]);
    return row ?? null;
  }

  forReference(uow: UnitOfWork, tenantId: string, reference: string): Promise<OutboxRow[]> {
    return uow.query<OutboxRow>(
      `SELECT ${COLUMNS} FROM ${this.table} WHERE ${this.tenantColumn} = $1 AND reference = $2 ORDER BY created_at, id`,
      [tenantId, reference],
    );
  }

  /** Takes up to `limit` due mails for `leaseMs` (one attempt counted each); others' leases are skipped, not waited for. */
  claim(uow: UnitOfWork, tenantId: string, limit: number, leaseMs: number): Promise<OutboxRow[]> {
    return uow.query<OutboxRow>(
      `WITH due AS (
         SELECT id FROM ${this.table}
          WHERE ${this.tenantColumn} = $1 AND status = 'PENDING' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
          ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE ${this.table} o SET attempts = o.attempts + 1, lease_until = now() + make_interval(secs => $3::double precision / 1000)
           FROM due WHERE o.${this.tenantColumn} = $1 AND o.id = due.id RETURNING o.*)
       SELECT ${COLUMNS} FROM claimed`,
      [tenantId, limit, leaseMs],
    );
  }

  async markSent(uow: UnitOfWork, tenantId: string, id: string, messageId: string | null): Promise<void> {
    await uow.execute(
      `UPDATE ${this.table} SET status = 'SENT', sent_at = now(), lease_until = NULL, message_id = $3, last_error = NULL, text_body = '',
              unsubscribe_url = NULL
        WHERE ${this.tenantColumn} = $1 AND id = $2 AND status = 'PENDING'`,
      [tenantId, id, messageId],
    );
  }

  /** A failed attempt: tried again after `retryInMs`, or FAILED for good when null. */
  async markFailed(uow: UnitOfWork, tenantId: string, id: string, error: string, retryInMs: number | null): Promise<void> {
    await uow.execute(
      `UPDATE ${this.table} SET lease_until = NULL, last_error = $3,
              status = CASE WHEN $4::double precision IS NULL THEN 'FAILED' ELSE 'PENDING' END,
              text_body = CASE WHEN $4::double precision IS NULL THEN '' ELSE text_body END,
              unsubscribe_url = CASE WHEN $4::double precision IS NULL THEN NULL ELSE unsubscribe_url END,
              next_attempt_at = CASE WHEN $4::double precision IS NULL THEN next_attempt_at
                                     ELSE now() + make_interval(secs => $4::double precision / 1000) END
        WHERE ${this.tenantColumn} = $1 AND id = $2 AND status = 'PENDING'`,
      [tenantId, id, error.slice(0, 200), retryInMs],
    );
  }

  /** When the tenant's next pending mail is due (null when none waits). */
  async nextDue(uow: UnitOfWork, tenantId: string): Promise<Date | null> {
    const [row] = await uow.query<{ at: Date | null }>(
      `SELECT min(greatest(next_attempt_at, coalesce(lease_until, next_attempt_at))) AS at FROM ${this.table}
        WHERE ${this.tenantColumn} = $1 AND status = 'PENDING'`,
      [tenantId],
    );
    return row?.at ?? null;
  }

  /** Tenants with a mail due, across tenants (SECURITY DEFINER function: ids only). */
  async dueTenants(uow: UnitOfWork, limit: number): Promise<string[]> {
    const rows = await uow.query<{ id: string }>(`SELECT id FROM ${this.dueFunction}($1) AS due (id)`, [limit]);
    return rows.map((r) => r.id);
  }
}

export const ORGANIZATION_OUTBOX = new OutboxTable('mail_outbox', 'organization_id', 'socle_mail_outbox_due');
export const USER_OUTBOX = new OutboxTable('user_mail_outbox', 'user_id', 'socle_user_mail_outbox_due');
export const AGENCY_OUTBOX = new OutboxTable('agency_mail_outbox', 'agency_id', 'socle_agency_mail_outbox_due');

/**
 * The outbox: a mail is a row written in the same transaction as the change
 * that sends it (so a rolled-back change sends nothing, and a committed one is
 * never lost), then sent by `SendMailJob`. Once a mail is sent, cancelled or
 * given up its body is emptied: bodies carry personal links that are their own
 * permission, and a copy at rest would outlive the mail's purpose. The job is enqueued once the
 * transaction commits; if Redis loses it, the job's reconciler finds the row.
 *
 * Mails of a client organisation go to its outbox (`enqueue`); mails about a
 * person's own account, which belong to no organisation (a password reset),
 * go to that person's (`enqueueForUser`, in a unit of work acting as them);
 * an agency's own mails (invitations to its staff) to the agency's
 * (`enqueueForAgency`, in a unit of work in that agency).
 */
@Injectable()
export class MailOutbox {
  private readonly logger = new Logger('MailOutbox');

  constructor(private readonly queues: JobQueues) {}

  async enqueue(uow: OrganizationUnitOfWork, mails: readonly OutgoingMail[]): Promise<string[]> {
    const ids = await ORGANIZATION_OUTBOX.insert(uow, uow.organizationId, mails);
    if (ids.length) this.sendAfterCommit(uow, { organizationId: uow.organizationId });
    return ids;
  }

  /** Mails about a person's own account; the unit of work acts as that user (`{ userId }`). */
  async enqueueForUser(uow: UnitOfWork, userId: string, mails: readonly OutgoingMail[]): Promise<string[]> {
    const ids = await USER_OUTBOX.insert(uow, userId, mails);
    if (ids.length) this.sendAfterCommit(uow, { userId });
    return ids;
  }

  /** An agency's own mails (not a client's); the unit of work is in that agency (`{ agencyId }`). */
  async enqueueForAgency(uow: UnitOfWork, agencyId: string, mails: readonly OutgoingMail[]): Promise<string[]> {
    const ids = await AGENCY_OUTBOX.insert(uow, agencyId, mails);
    if (ids.length) this.sendAfterCommit(uow, { agencyId });
    return ids;
  }

  private sendAfterCommit(uow: UnitOfWork, payload: JobPayload): void {
    uow.afterCommit(async () => {
      try {
        await this.queues.add(MAIL_QUEUE, SEND_MAIL_JOB, payload);
      } catch (error) {
        // The rows are committed: the reconciler sends them later.
        this.logger.warn(`mail job not enqueued (${error instanceof Error ? error.name : 'error'}); the reconciler sends the mails`);
      }
    });
  }

  /** Cancels the pending mails written for these rows (e.g. links that died before their mail left). */
  cancelFor(uow: OrganizationUnitOfWork, references: readonly string[]): Promise<number> {
    return ORGANIZATION_OUTBOX.cancelFor(uow, uow.organizationId, references);
  }

  /** Same, in a person's own outbox. */
  cancelForUser(uow: UnitOfWork, userId: string, references: readonly string[]): Promise<number> {
    return USER_OUTBOX.cancelFor(uow, userId, references);
  }

  /** Same, in an agency's outbox. */
  cancelForAgency(uow: UnitOfWork, agencyId: string, references: readonly string[]): Promise<number> {
    return AGENCY_OUTBOX.cancelFor(uow, agencyId, references);
  }

  find(uow: OrganizationUnitOfWork, id: string): Promise<OutboxRow | null> {
    return ORGANIZATION_OUTBOX.find(uow, uow.organizationId, id);
  }

  forReference(uow: OrganizationUnitOfWork, reference: string): Promise<OutboxRow[]> {
    return ORGANIZATION_OUTBOX.forReference(uow, uow.organizationId, reference);
  }
}
