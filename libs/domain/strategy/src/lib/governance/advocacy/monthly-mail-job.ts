import { UnitOfWorkFactory } from '@socle/platform-database';
import { MAIL_QUEUE } from '@socle/platform-mail';
import type { OrganizationUnitOfWork, ProvenOrganizationId } from '@socle/platform-database';
import { JobHandler, JobQueues, TenantJobPayload } from '@socle/platform-queue';
import { dueDigest } from './advocacy-schedule';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const HOUR_MS = 3_600_000;

export interface MonthlyMailPayload extends TenantJobPayload {
  /** YYYY-MM, in the organisation's time zone. */
  month: string;
}

/** What a monthly mail job sends through: the organisation's unit of work, as the system. */
export interface MonthlyMailContext {
  uow: OrganizationUnitOfWork;
  organizationId: ProvenOrganizationId;
  actor: { type: 'SYSTEM'; id: null };
}

/**
 * A mail an organisation turns on and the worker sends by itself each month (the advocacy digest, the executive report):
 * the previous month's, on the first business day at 09:00 in the organisation's time zone (`dueDigest`), in one tenant
 * transaction. On the mail queue (it only queues mails). The reconciler, at every worker tick, lists the organisations
 * that turned it on (a SECURITY DEFINER function returning their time zone and the last month handled) and enqueues those
 * whose previous month is due and not handled, one job per organisation, month and hour: a job run twice, or two
 * reconcilers racing, queue the month's mails once (the subclass's lock, outbox reference and last month).
 */
export abstract class MonthlyMailJob<R> implements JobHandler<MonthlyMailPayload> {
  readonly queue = MAIL_QUEUE;
  abstract readonly name: string;
  /** The SECURITY DEFINER function listing the organisations that turned the mail on (a constant, never input). */
  protected abstract readonly enabledFunction: string;
  /** How the job ids start (one per organisation, month and hour). */
  protected abstract readonly jobIdPrefix: string;

  protected constructor(
    protected readonly units: UnitOfWorkFactory,
    protected readonly queues: JobQueues,
  ) {}

  /** Sends the month's mails, once: under a lock, skipping a month already handled. */
  protected abstract send(ctx: MonthlyMailContext, month: string): Promise<R>;

  async handle({ organizationId, month }: MonthlyMailPayload): Promise<R> {
    if (typeof month !== 'string' || !MONTH.test(month)) throw new Error(`${this.name} needs a month written YYYY-MM`);
    return this.units.runInOrganization(organizationId, (uow) =>
      this.send({ uow, organizationId: uow.organizationId, actor: { type: 'SYSTEM', id: null } }, month),
    );
  }

  async reconcile(now = new Date()): Promise<number> {
    const enabled = await this.units.run({}, (uow) =>
      uow.query<{ organization_id: string; timezone: string; last_month: string | null }>(
        `SELECT organization_id, timezone, last_month FROM ${this.enabledFunction}($1)`,
        [10_000],
      ),
    );
    const hour = Math.floor(now.getTime() / HOUR_MS);
    let queued = 0;
    for (const org of enabled) {
      let due: { month: string } | null;
      try {
        due = dueDigest(now, org.timezone);
      } catch {
        continue; // a time zone this runtime does not know: nothing is due rather than a stopped reconciler
      }
      if (!due || (org.last_month !== null && org.last_month >= due.month)) continue;
      await this.queues.add(MAIL_QUEUE, this.name, { organizationId: org.organization_id, month: due.month } as MonthlyMailPayload, {
        attempts: 3,
        removeOnComplete: { age: 300 },
        removeOnFail: 1000,
        // One job per organisation, month and hour: a job that failed for good is tried again the next hour.
        jobId: `${this.jobIdPrefix}-${org.organization_id}-${due.month}-${hour}`,
      });
      queued++;
    }
    return queued;
  }
}
