import { Injectable } from '@nestjs/common';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { MAIL_QUEUE } from '@socle/platform-mail';
import { JobHandler, JobQueues, TenantJobPayload } from '@socle/platform-queue';
import { dueDigest } from './advocacy-schedule';
import { AdvocacyService, DigestOutcome } from './advocacy.resolver';

export const SEND_ADVOCACY_DIGEST_JOB = 'SendAdvocacyDigestJob';
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const HOUR_MS = 3_600_000;

export interface AdvocacyDigestPayload extends TenantJobPayload {
  /** YYYY-MM, in the organisation's time zone. */
  month: string;
}

/**
 * Sends an organisation's monthly advocacy digest by itself (see
 * `AdvocacyService.sendScheduledDigest`), in one tenant transaction. On the
 * mail queue (it only queues mails). The reconciler, at every worker tick,
 * lists the organisations that turned the digest on (with their time zone and
 * the last month handled) and enqueues those whose previous month is due and
 * not handled (one job per organisation, month and hour): a job run twice, or
 * two reconcilers racing, queue the month's mails once (lock, reference, last month).
 */
@Injectable()
export class SendAdvocacyDigestJob implements JobHandler<AdvocacyDigestPayload> {
  readonly queue = MAIL_QUEUE;
  readonly name = SEND_ADVOCACY_DIGEST_JOB;

  constructor(
    private readonly units: UnitOfWorkFactory,
    private readonly advocacy: AdvocacyService,
    private readonly queues: JobQueues,
  ) {}

  async handle({ organizationId, month }: AdvocacyDigestPayload): Promise<{ outcome: DigestOutcome; recipients: number }> {
    if (typeof month !== 'string' || !MONTH.test(month)) throw new Error('the advocacy digest job needs a month written YYYY-MM');
    return this.units.runInOrganization(organizationId, (uow) =>
      this.advocacy.sendScheduledDigest({ uow, organizationId: uow.organizationId, actor: { type: 'SYSTEM', id: null } }, month),
    );
  }

  async reconcile(now = new Date()): Promise<number> {
    const enabled = await this.units.run({}, (uow) =>
      uow.query<{ organization_id: string; timezone: string; last_month: string | null }>(
        'SELECT organization_id, timezone, last_month FROM socle_advocacy_digests_enabled($1)',
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
      await this.queues.add(
        MAIL_QUEUE,
        SEND_ADVOCACY_DIGEST_JOB,
        { organizationId: org.organization_id, month: due.month } as AdvocacyDigestPayload,
        {
          attempts: 3,
          removeOnComplete: { age: 300 },
          removeOnFail: 1000,
          // One job per organisation, month and hour: a job that failed for good is tried again the next hour.
          jobId: `advocacy-digest-${org.organization_id}-${due.month}-${hour}`,
        },
      );
      queued++;
    }
    return queued;
  }
}
