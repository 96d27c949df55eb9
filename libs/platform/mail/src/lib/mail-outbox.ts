import { Injectable, Logger } from '@nestjs/common';
import type { OrganizationUnitOfWork, UnitOfWork } from '@socle/platform-database';
import { JobQueues } from '@socle/platform-queue';
import type { MailMessage } from './mailer';

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

const COLUMNS = `id, recipient, subject, text_body AS "textBody", purpose, reference, status, attempts, next_attempt_at AS "nextAttemptAt",
  last_error AS "lastError", message_id AS "messageId", created_at AS "createdAt", sent_at AS "sentAt"`;

/** Lowercase letters, digits, dots, dashes and underscores: what a purpose may be. */
const PURPOSE = /^[a-z0-9._-]{1,60}$/;

/**
 * The outbox: a mail is a row written in the same transaction as the change
 * that sends it (so a rolled-back change sends nothing, and a committed one is
 * never lost), then sent by `SendMailJob`. Once a mail is sent, cancelled or
 * given up its body is emptied: bodies carry personal links that are their own
 * permission, and a copy at rest would outlive the mail's purpose. The job is enqueued once the
 * transaction commits; if Redis loses it, the job's reconciler finds the row.
 */
@Injectable()
export class MailOutbox {
  private readonly logger = new Logger('MailOutbox');

  constructor(private readonly queues: JobQueues) {}

  async enqueue(uow: OrganizationUnitOfWork, mails: readonly OutgoingMail[]): Promise<string[]> {
    if (mails.length === 0) return [];
    for (const mail of mails) if (!PURPOSE.test(mail.purpose)) throw new Error(`mail purpose ${JSON.stringify(mail.purpose)} is not a key`);
    const rows = await uow.query<{ id: string }>(
      `INSERT INTO mail_outbox (organization_id, recipient, subject, text_body, purpose, reference)
       SELECT $1, m.recipient, m.subject, m.text_body, m.purpose, m.reference
         FROM jsonb_to_recordset($2::jsonb) AS m (recipient text, subject text, text_body text, purpose text, reference uuid)
       RETURNING id`,
      [
        uow.organizationId,
        JSON.stringify(
          mails.map((m) => ({
            recipient: m.to,
            subject: m.subject,
            text_body: m.text,
            purpose: m.purpose,
            reference: m.reference ?? null,
          })),
        ),
      ],
    );
    const organizationId = uow.organizationId;
    uow.afterCommit(async () => {
      try {
        await this.queues.add(MAIL_QUEUE, SEND_MAIL_JOB, { organizationId });
      } catch (error) {
        // The rows are committed: the reconciler sends them later.
        this.logger.warn(`mail job for organization ${organizationId} not enqueued (${error instanceof Error ? error.name : 'error'})`);
      }
    });
    return rows.map((r) => r.id);
  }

  /** Cancels the pending mails written for these rows (e.g. links that died before their mail left). */
  async cancelFor(uow: OrganizationUnitOfWork, references: readonly string[]): Promise<number> {
    if (references.length === 0) return 0;
    return uow.execute(
      `UPDATE mail_outbox SET status = 'CANCELLED', lease_until = NULL, text_body = ''
        WHERE organization_id = $1 AND reference = ANY($2::uuid[]) AND status = 'PENDING'`,
      [uow.organizationId, references],
    );
  }

  async find(uow: OrganizationUnitOfWork, id: string): Promise<OutboxRow | null> {
    const [row] = await uow.query<OutboxRow>(`SELECT ${COLUMNS} FROM mail_outbox WHERE organization_id = $1 AND id = $2`, [
      uow.organizationId,
      id,
    ]);
    return row ?? null;
  }

  async forReference(uow: OrganizationUnitOfWork, reference: string): Promise<OutboxRow[]> {
    return uow.query<OutboxRow>(
      `SELECT ${COLUMNS} FROM mail_outbox WHERE organization_id = $1 AND reference = $2 ORDER BY created_at, id`,
      [uow.organizationId, reference],
    );
  }

  // ------------------------------------------------------------------ for the job

  /** Takes up to `limit` due mails for `leaseMs` (one attempt counted each); others' leases are skipped, not waited for. */
  async claim(uow: OrganizationUnitOfWork, limit: number, leaseMs: number): Promise<OutboxRow[]> {
    return uow.query<OutboxRow>(
      `WITH due AS (
         SELECT id FROM mail_outbox
          WHERE organization_id = $1 AND status = 'PENDING' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
          ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE mail_outbox o SET attempts = o.attempts + 1, lease_until = now() + make_interval(secs => $3::double precision / 1000)
           FROM due WHERE o.organization_id = $1 AND o.id = due.id RETURNING o.*)
       SELECT ${COLUMNS} FROM claimed`,
      [uow.organizationId, limit, leaseMs],
    );
  }

  async markSent(uow: OrganizationUnitOfWork, id: string, messageId: string | null): Promise<void> {
    await uow.execute(
      `UPDATE mail_outbox SET status = 'SENT', sent_at = now(), lease_until = NULL, message_id = $3, last_error = NULL, text_body = ''
        WHERE organization_id = $1 AND id = $2 AND status = 'PENDING'`,
      [uow.organizationId, id, messageId],
    );
  }

  /** A failed attempt: tried again after `retryInMs`, or FAILED for good when null. */
  async markFailed(uow: OrganizationUnitOfWork, id: string, error: string, retryInMs: number | null): Promise<void> {
    await uow.execute(
      `UPDATE mail_outbox SET lease_until = NULL, last_error = $3,
              status = CASE WHEN $4::double precision IS NULL THEN 'FAILED' ELSE 'PENDING' END,
              text_body = CASE WHEN $4::double precision IS NULL THEN '' ELSE text_body END,
              next_attempt_at = CASE WHEN $4::double precision IS NULL THEN next_attempt_at
                                     ELSE now() + make_interval(secs => $4::double precision / 1000) END
        WHERE organization_id = $1 AND id = $2 AND status = 'PENDING'`,
      [uow.organizationId, id, error.slice(0, 200), retryInMs],
    );
  }

  /** When the next pending mail of the organisation is due (null when none waits). */
  async nextDue(uow: OrganizationUnitOfWork): Promise<Date | null> {
    const [row] = await uow.query<{ at: Date | null }>(
      `SELECT min(greatest(next_attempt_at, coalesce(lease_until, next_attempt_at))) AS at FROM mail_outbox WHERE organization_id = $1 AND status = 'PENDING'`,
      [uow.organizationId],
    );
    return row?.at ?? null;
  }

  /** Organisations with a mail due, across tenants (SECURITY DEFINER function: ids only). */
  async dueOrganizations(uow: UnitOfWork, limit: number): Promise<string[]> {
    const rows = await uow.query<{ organization_id: string }>('SELECT organization_id FROM socle_mail_outbox_due($1)', [limit]);
    return rows.map((r) => r.organization_id);
  }
}
