import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { JobHandler, JobQueues, Reconcilable, TenantJobPayload } from '@socle/platform-queue';
import { MAILER, Mailer, MailSendError } from './mailer';
import { MAIL_QUEUE, MailOutbox, SEND_MAIL_JOB } from './mail-outbox';

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

/**
 * Sends an organisation's due mails from the outbox. Each mail is claimed
 * under a lease in its own short transaction, sent outside any transaction,
 * then marked SENT, retried later with exponential back-off, or FAILED
 * (a 5xx refusal, or too many attempts). Without an SMTP server nothing is
 * claimed: mails stay PENDING until one is configured. `reconcile` finds the
 * organisations whose job Redis lost.
 */
@Injectable()
export class SendMailJob implements JobHandler<TenantJobPayload>, Reconcilable {
  readonly queue = MAIL_QUEUE;
  readonly name = SEND_MAIL_JOB;
  private readonly logger = new Logger(SEND_MAIL_JOB);
  /** The retry rules (tests may shorten the back-off). */
  policy: MailRetryPolicy = DEFAULT_MAIL_RETRY;
  leaseMs = 120_000;
  batchSize = 20;

  constructor(
    private readonly units: UnitOfWorkFactory,
    private readonly outbox: MailOutbox,
    private readonly queues: JobQueues,
    @Inject(MAIL_OPTIONS) private readonly options: MailOptions,
    @Optional() @Inject(MAILER) private readonly mailer: Mailer | null,
  ) {}

  async handle({ organizationId }: TenantJobPayload): Promise<SendMailSummary> {
    const summary: SendMailSummary = { sent: 0, retried: 0, failed: 0, waiting: !this.mailer };
    if (!this.mailer) return summary;
    for (;;) {
      const batch = await this.units.runInOrganization(organizationId, (uow) => this.outbox.claim(uow, this.batchSize, this.leaseMs));
      for (const mail of batch) {
        try {
          const { messageId } = await this.mailer.send({
            from: this.options.from,
            to: mail.recipient,
            subject: mail.subject,
            text: mail.textBody,
          });
          await this.units.runInOrganization(organizationId, (uow) => this.outbox.markSent(uow, mail.id, messageId));
          summary.sent += 1;
        } catch (error) {
          const failure = error instanceof MailSendError ? error : new MailSendError('TRANSIENT', 'send failed');
          const retryIn = mailRetryDelay(this.policy, mail.attempts, failure.kind);
          await this.units.runInOrganization(organizationId, (uow) => this.outbox.markFailed(uow, mail.id, failure.summary, retryIn));
          if (retryIn === null) summary.failed += 1;
          else summary.retried += 1;
        }
      }
      if (batch.length < this.batchSize) break;
    }
    // The next retry of this organisation, as a delayed job (the reconciler catches it too if Redis loses it).
    const next = await this.units.runInOrganization(organizationId, (uow) => this.outbox.nextDue(uow));
    if (next) {
      await this.queues.add(MAIL_QUEUE, SEND_MAIL_JOB, { organizationId }, { delay: Math.max(0, next.getTime() - Date.now()) });
    }
    if (summary.failed) this.logger.warn(`${summary.failed} mail(s) of organization ${organizationId} given up`);
    return summary;
  }

  async reconcile(): Promise<number> {
    if (!this.mailer) return 0;
    const organizations = await this.units.run({}, (uow) => this.outbox.dueOrganizations(uow, 1000));
    for (const organizationId of organizations) await this.queues.add(MAIL_QUEUE, SEND_MAIL_JOB, { organizationId });
    return organizations.length;
  }
}
