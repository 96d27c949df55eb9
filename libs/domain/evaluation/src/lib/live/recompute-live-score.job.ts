import { Inject, Injectable, Logger } from '@nestjs/common';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { assertTenantPayload, JobHandler, JobQueues, Reconcilable, TenantJobPayload } from '@socle/platform-queue';
import { LiveScoreRepository } from './live-score.repository';
import { LiveScoreService } from './live-score.service';
import { DailyTime, lastSlot, slotId } from './nightly-schedule';

export const EVALUATION_QUEUE = 'evaluation';
export const RECOMPUTE_LIVE_SCORE_JOB = 'RecomputeLiveScoreJob';
export const LIVE_SCORES_SCHEDULE = Symbol('LIVE_SCORES_SCHEDULE');

/** How many organisations one scheduler statement lists and one Redis round trip enqueues. */
const FAN_OUT_BATCH = 500;

/** `slot`: the nightly run the job belongs to (ISO time); absent for a recomputation asked now. */
export type RecomputeLiveScorePayload = TenantJobPayload & { slot?: string };

/**
 * Recomputes one organisation's live score, inside that organisation's unit of
 * work (row-level security as for a request).
 *
 * Its `reconcile()` is the nightly scheduler: the worker runs it at start and on
 * every reconcile tick (5 minutes by default). It lists, in batches of 500 ids
 * (one statement each), the active organisations whose latest live score is
 * older than the last nightly slot (02:00 UTC by default) and enqueues one job
 * per organisation in one Redis round trip per batch. Job ids name the slot, so
 * ticks and worker replicas never enqueue an organisation twice for one night;
 * and because "due" is read from PostgreSQL, a night missed (worker down, Redis
 * lost) is caught up at the next tick. A job of a nightly run does nothing when
 * the organisation already has a live score since the slot (retries, replicas).
 */
@Injectable()
export class RecomputeLiveScoreJob implements JobHandler<RecomputeLiveScorePayload>, Reconcilable {
  readonly queue = EVALUATION_QUEUE;
  readonly name = RECOMPUTE_LIVE_SCORE_JOB;
  private readonly logger = new Logger(RECOMPUTE_LIVE_SCORE_JOB);

  constructor(
    private readonly units: UnitOfWorkFactory,
    @Inject(LIVE_SCORES_SCHEDULE) private readonly schedule: DailyTime,
    private readonly queues: JobQueues,
    private readonly service: LiveScoreService,
    private readonly scores: LiveScoreRepository,
  ) {}

  async handle({ organizationId, slot }: RecomputeLiveScorePayload): Promise<{ overallScore: number | null; level: number | null } | null> {
    const night = typeof slot === 'string' && !Number.isNaN(Date.parse(slot)) ? new Date(slot) : undefined;
    // The payload names the tenant: a job acts in the organisation it was enqueued for.
    const score = await this.units.runInOrganization(organizationId, async (uow) => {
      if (night && (await this.scores.alreadyComputedSince(uow, night))) return 'already';
      return this.service.recompute(uow);
    });
    if (score === 'already') {
      this.logger.debug(`live score of organization ${organizationId}: already computed for the run of ${slot}`);
      return null;
    }
    this.logger.debug(`live score of organization ${organizationId}: ${score ? String(score.overallScore) : 'organization gone'}`);
    return score ? { overallScore: score.overallScore, level: score.level } : null;
  }

  /** Enqueues the organisations due for the current night's run; returns how many. */
  async reconcile(now: Date = new Date()): Promise<number> {
    const slot = lastSlot(now, this.schedule);
    const run = slotId(slot);
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const ids = await this.units.run({}, (uow) => this.scores.due(uow, slot, after, FAN_OUT_BATCH));
      if (ids.length === 0) break;
      const jobs = ids.map((organizationId) => {
        const data: RecomputeLiveScorePayload = { organizationId, slot: slot.toISOString() };
        assertTenantPayload(data);
        return {
          name: RECOMPUTE_LIVE_SCORE_JOB,
          data,
          opts: {
            jobId: `live-score-${organizationId}-${run}`,
            attempts: 3,
            backoff: { type: 'exponential', delay: 5000 },
            removeOnComplete: true,
            removeOnFail: 1000,
          },
        };
      });
      await this.queues.queue(EVALUATION_QUEUE).addBulk(jobs);
      total += ids.length;
      after = ids[ids.length - 1];
      if (ids.length < FAN_OUT_BATCH) break;
    }
    if (total > 0) this.logger.log(`enqueued ${total} live-score recomputations for the run of ${slot.toISOString()}`);
    return total;
  }
}
