import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SocleConfig } from '@socle/platform-config';
import { PublishPublicationJob } from './publish-publication.job';

/**
 * Runs the publishing sweeper every PUBLISHING_SWEEP_SECONDS in the worker: a
 * timer of the process, not a repeatable job, so it keeps running when Redis
 * loses its keys (which is what it is there to repair). Several workers sweep
 * independently; the job ids dedupe what they enqueue and the claim lets one
 * worker publish.
 */
@Injectable()
export class PublicationSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('PublicationSweeper');
  private timer?: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly job: PublishPublicationJob,
    private readonly config: SocleConfig,
  ) {}

  onApplicationBootstrap(): void {
    // A worker that does not serve the publishing queue (WORKER_QUEUES) leaves publications to those that do.
    if (!this.config.servesQueue(this.job.queue)) return;
    this.timer = setInterval(() => void this.sweep(), this.config.PUBLISHING_SWEEP_SECONDS * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One sweep (skipped while the previous one still runs); the number of publications woken. */
  async sweep(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      return await this.job.reconcile();
    } catch (error) {
      this.logger.error(`publishing sweep failed: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    } finally {
      this.running = false;
    }
  }
}
