import { Injectable, OnModuleInit } from '@nestjs/common';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { JobHandler, JobQueues, TenantJobPayload } from '@socle/platform-queue';
import { LISTENING_QUEUE, RunListeningQueryJob } from '../listening/listening.job';
import type { TenantCtx } from '../repositories';
import { AlertsRepository } from './alerts.repository';
import { AlertsService } from './alerts.service';

/** On the listening queue: alerts are read from what listening stores, and run in the same worker pool. */
export const ALERTS_QUEUE = LISTENING_QUEUE;
export const EVALUATE_ALERTS_JOB = 'EvaluateAlertsJob';

/** Negative mentions stored longer ago than the longest window cannot change a verdict: the reconciler looks back this far. */
const LOOK_BACK_MS = 24 * 3600 * 1000;

const MINUTE_MS = 60_000;

/**
 * An evaluation's job is kept a while after it ran, so its id (organisation
 * and minute) still answers "this minute's evaluation exists" to the runs
 * that store mentions later in the same minute.
 */
const EVALUATION_JOB_OPTIONS: NonNullable<Parameters<JobQueues['add']>[3]> = {
  attempts: 3,
  removeOnComplete: { age: 300 },
  removeOnFail: 1000,
};

/** States in which an evaluation has not started yet: it will read whatever was committed before it starts. */
const NOT_STARTED = new Set(['waiting', 'delayed', 'prioritized', 'waiting-children']);

export function evaluationJobId(organizationId: string, minute: number): string {
  return `alerts-${organizationId}-${minute}`;
}

/** Enqueues evaluations; the job id dedupes (one evaluation per organisation and minute). */
@Injectable()
export class AlertsScheduler {
  constructor(private readonly queues: JobQueues) {}

  async evaluate(organizationId: string, now = Date.now()): Promise<void> {
    await this.queues.add(
      ALERTS_QUEUE,
      EVALUATE_ALERTS_JOB,
      { organizationId },
      {
        ...EVALUATION_JOB_OPTIONS,
        jobId: evaluationJobId(organizationId, Math.floor(now / MINUTE_MS)),
      },
    );
  }

  /**
   * After a listening run committed new mentions: this minute's evaluation
   * at once, or nothing when it is enqueued and has not started (it will see
   * them). When it has already started or run, the mentions may be after what
   * it read: the next minute's evaluation is enqueued for the start of that
   * minute. A burst of runs thus costs one evaluation per organisation and
   * minute, and no stored mention waits more than a minute to be judged.
   */
  async evaluateAfterIngest(organizationId: string, now = Date.now()): Promise<{ jobId: string; delayMs: number } | null> {
    const minute = Math.floor(now / MINUTE_MS);
    const jobId = evaluationJobId(organizationId, minute);
    const existing = await this.queues.queue(ALERTS_QUEUE).getJob(jobId);
    const state = existing ? await existing.getState() : 'unknown';
    if (state === 'unknown') {
      await this.queues.add(ALERTS_QUEUE, EVALUATE_ALERTS_JOB, { organizationId }, { ...EVALUATION_JOB_OPTIONS, jobId });
      return { jobId, delayMs: 0 };
    }
    if (NOT_STARTED.has(state)) return null;
    const next = evaluationJobId(organizationId, minute + 1);
    const delayMs = Math.max(0, (minute + 1) * MINUTE_MS - now);
    await this.queues.add(
      ALERTS_QUEUE,
      EVALUATE_ALERTS_JOB,
      { organizationId },
      { ...EVALUATION_JOB_OPTIONS, jobId: next, delay: delayMs },
    );
    return { jobId: next, delayMs };
  }
}

/**
 * Evaluates an organisation's negative mentions against its baseline (see
 * `AlertsService.evaluate`), in one tenant transaction. A listening run that
 * stored new mentions enqueues its organisation's evaluation at once
 * (`AlertsScheduler.evaluateAfterIngest`), so a spike is judged as soon as it
 * is stored. The reconciler, at every worker tick, also enqueues the
 * organisations with alerts on and negative mentions stored since their last
 * evaluation: what Redis lost is judged within a tick, and a quiet
 * organisation costs nothing.
 */
@Injectable()
export class EvaluateAlertsJob implements JobHandler, OnModuleInit {
  readonly queue = ALERTS_QUEUE;
  readonly name = EVALUATE_ALERTS_JOB;

  constructor(
    private readonly units: UnitOfWorkFactory,
    private readonly alerts: AlertsRepository,
    private readonly service: AlertsService,
    private readonly scheduler: AlertsScheduler,
    private readonly listening: RunListeningQueryJob,
  ) {}

  onModuleInit(): void {
    this.listening.onIngested(this.afterIngest);
  }

  /** A listening run stored new mentions: evaluate now, unless the organisation turned alerts off. */
  readonly afterIngest = async (ctx: TenantCtx): Promise<void> => {
    if (!(await this.alerts.settings(ctx)).enabled) return;
    await this.scheduler.evaluateAfterIngest(ctx.organizationId);
  };

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
