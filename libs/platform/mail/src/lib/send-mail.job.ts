import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { UnitOfWork, UnitOfWorkFactory } from '@socle/platform-database';
import { JobHandler, JobPayload, JobQueues, Reconcilable } from '@socle/platform-queue';
import { MAILER, Mailer, MailSendError } from './mailer';
import { AGENCY_OUTBOX, MAIL_QUEUE, ORGANIZATION_OUTBOX, OutboxTable, SEND_MAIL_JOB, USER_OUTBOX } from './mail-outbox';

export const MAIL_OPTIONS = Symbol('MAIL_OPTIONS');

export interface MailOptions {
  /** Sender address of every mail. */
  from: string;
}

export interface MailRetryPolicy {
  /** Attempts before a mail is FAILED for good. */
  maxAttempts: number;
  /** Wait after the first failed attempt; doubled after each further one. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_MAIL_RETRY: MailRetryPolicy = { maxAttempts: 8, firstDelayMs: 30_000, maxDelayMs: 3_600_000 };

/** Wait before the next attempt after `attempts` failed ones, or null when the mail is given up. */
export function mailRetryDelay(policy: MailRetryPolicy, attempts: number, kind: MailSendError['kind']): number | null {
  if (kind === 'PERMANENT' || attempts >= policy.maxAttempts) return null;
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, attempts - 1));
}

export interface SendMailSummary {
  sent: number;
  retried: number;
  failed: number;
  /** True when no SMTP server is configured: the mails wait in the outbox. */
  waiting: boolean;
}

/** One tenant's outbox as the job works on it: its table, its id, and units of work inside it. */
interface TenantOutbox {
  table: OutboxTable;
  id: string;
  run<T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T>;
  payload: JobPayload;
  label: string;
}

/**
 * Sends a tenant's due mails from its outbox: an organisation's, a person's own (a job naming a user) or an agency's
 * (a job naming an agency alone). Each mail is claimed
 * under a lease in its own short transaction, sent outside any transaction,
 * then marked SENT, retried later with exponential back-off, or FAILED
 * (a 5xx refusal, or too many attempts). Without an SMTP server nothing is
 * claimed: mails stay PENDING until one is configured. `reconcile` finds the
 * organisations whose job Redis lost.
 */
@Injectable()
export class SendMailJob implements JobHandler<JobPayload>, Reconcilable {
  readonly queue = MAIL_QUEUE;
  readonly name = SEND_MAIL_JOB;
  private readonly logger = new Logger(SEND_MAIL_JOB);
  /** The retry rules (tests may shorten the back-off). */
  policy: MailRetryPolicy = DEFAULT_MAIL_RETRY;
  leaseMs = 120_000;
  batchSize = 20;

  constructor(
    private readonly units: UnitOfWorkFactory,
    private readonly queues: JobQueues,
    @Inject(MAIL_OPTIONS) private readonly options: MailOptions,
    @Optional() @Inject(MAILER) private readonly mailer: Mailer | null,
  ) {}

  async handle(payload: JobPayload): Promise<SendMailSummary> {
    const summary: SendMailSummary = { sent: 0, retried: 0, failed: 0, waiting: !this.mailer };
    if (!this.mailer) return summary;
    const outbox = this.outboxOf(payload);
    const { table, id } = outbox;
    for (;;) {
      const batch = await outbox.run((uow) => table.claim(uow, id, this.batchSize, this.leaseMs));
      for (const mail of batch) {
        try {
          const { messageId } = await this.mailer.send({
            from: this.options.from,
            to: mail.recipient,
            subject: mail.subject,
            text: mail.textBody,
            unsubscribeUrl: mail.unsubscribeUrl,
          });
          await outbox.run((uow) => table.markSent(uow, id, mail.id, messageId));
          summary.sent += 1;
        } catch (error) {
          const failure = error instanceof MailSendError ? error : new MailSendError('TRANSIENT', 'send failed');
          const retryIn = mailRetryDelay(this.policy, mail.attempts, failure.kind);
          await outbox.run((uow) => table.markFailed(uow, id, mail.id, failure.summary, retryIn));
          if (retryIn === null) summary.failed += 1;
          else summary.retried += 1;
        }
      }
      if (batch.length < this.batchSize) break;
    }
    // The next retry of this tenant, as a delayed job (the reconciler catches it too if Redis loses it).
    const next = await outbox.run((uow) => table.nextDue(uow, id));
    if (next) await this.queues.add(MAIL_QUEUE, SEND_MAIL_JOB, outbox.payload, { delay: Math.max(0, next.getTime() - Date.now()) });
    if (summary.failed) this.logger.warn(`${summary.failed} mail(s) of ${outbox.label} given up`);
    return summary;
  }

  private outboxOf(payload: JobPayload): TenantOutbox {
    if (payload.organizationId === undefined && payload.userId !== undefined) {
      const userId = payload.userId;
      return {
        table: USER_OUTBOX,
        id: userId,
        run: (work) => this.units.run({ userId }, work),
        payload: { userId },
        label: `user ${userId}`,
      };
    }
    if (payload.organizationId === undefined) {
      const agencyId = payload.agencyId as string;
      return {
        table: AGENCY_OUTBOX,
        id: agencyId,
        run: (work) => this.units.run({ agencyId }, work),
        payload: { agencyId },
        label: `agency ${agencyId}`,
      };
    }
    const organizationId = payload.organizationId;
    return {
      table: ORGANIZATION_OUTBOX,
      id: organizationId,
      run: (work) => this.units.runInOrganization(organizationId, work),
      payload: { organizationId },
      label: `organization ${organizationId}`,
    };
  }

  async reconcile(): Promise<number> {
    if (!this.mailer) return 0;
    const [organizations, users, agencies] = await this.units.run({}, async (uow) => [
      await ORGANIZATION_OUTBOX.dueTenants(uow, 1000),
      await USER_OUTBOX.dueTenants(uow, 1000),
      await AGENCY_OUTBOX.dueTenants(uow, 1000),
    ]);
    for (const organizationId of organizations) await this.queues.add(MAIL_QUEUE, SEND_MAIL_JOB, { organizationId });
    for (const userId of users) await this.queues.add(MAIL_QUEUE, SEND_MAIL_JOB, { userId });
    for (const agencyId of agencies) await this.queues.add(MAIL_QUEUE, SEND_MAIL_JOB, { agencyId });
    return organizations.length + users.length + agencies.length;
  }
}
