import { Injectable } from '@nestjs/common';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { JobHandler, JobQueues, TenantJobPayload } from '@socle/platform-queue';
import { LISTENING_QUEUE } from '../listening/listening.job';
import { AlertsRepository } from './alerts.repository';
import { AlertsService } from './alerts.service';

/** On the listening queue: alerts are read from what listening stores, and run in the same worker pool. */
export const ALERTS_QUEUE = LISTENING_QUEUE;
export const EVALUATE_ALERTS_JOB = 'EvaluateAlertsJob';

/** Negative mentions stored longer ago than the longest window cannot change a verdict: the reconciler looks back this far. */
const LOOK_BACK_MS = 24 * 3600 * 1000;

/** Enqueues evaluations; the job id dedupes (one pending evaluation per organisation and minute). */
@Injectable()
export class AlertsScheduler {
  constructor(private readonly queues: JobQueues) {}

  async evaluate(organizationId: string, now = Date.now()): Promise<void> {
    await this.queues.add(
      ALERTS_QUEUE,
      EVALUATE_ALERTS_JOB,
      { organizationId },
      { jobId: `alerts-${organizationId}-${Math.floor(now / 60_000)}`, attempts: 3, removeOnComplete: true, removeOnFail: 1000 },
    );
  }
}

/**
 * Evaluates an organisation's negative mentions against its baseline (see
 * `AlertsService.evaluate`), in one tenant transaction. The reconciler, at
 * every worker tick, enqueues the organisations with alerts on and negative
 * mentions stored since their last evaluation, so a spike is judged within a
 * tick of the listening run that stored it, and a quiet organisation costs nothing.
 */
@Injectable()
export class EvaluateAlertsJob implements JobHandler {
  readonly queue = ALERTS_QUEUE;
  readonly name = EVALUATE_ALERTS_JOB;

  constructor(
    private readonly units: UnitOfWorkFactory,
    private readonly alerts: AlertsRepository,
    private readonly service: AlertsService,
    private readonly scheduler: AlertsScheduler,
  ) {}

  async handle({ organizationId }: TenantJobPayload): Promise<{ spike: boolean; alertId: string | null; raised: boolean }> {
    const outcome = await this.units.runInOrganization(organizationId, (uow) =>
      this.service.evaluate({ uow, organizationId: uow.organizationId, actor: { type: 'SYSTEM', id: null } }),
    );
    return { spike: outcome.verdict?.spike ?? false, alertId: outcome.alert?.id ?? null, raised: outcome.raised };
  }

  async reconcile(): Promise<number> {
    const now = Date.now();
    const due = await this.units.run({}, (uow) => this.alerts.organizationsDue(uow, new Date(now - LOOK_BACK_MS), 10_000));
    for (const organizationId of due) await this.scheduler.evaluate(organizationId, now);
    return due.length;
  }
}
