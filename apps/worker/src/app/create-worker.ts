import { INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Job, Worker } from 'bullmq';
import type { Logger as PinoLogger } from 'pino';
import { PurgeOrganizationJob } from '@socle/accounts';
import {
  CheckNetworkAccountJob,
  CollectMetricsJob,
  EscalateCrisisCellJob,
  EscalateInboxJob,
  EvaluateAlertsJob,
  FetchInboxJob,
  RunListeningQueryJob,
  SendInboxReplyJob,
} from '@socle/community';
import { PublishPublicationJob, SweepMediaFilesJob } from '@socle/content';
import { RecomputeLiveScoreJob, SendExecutiveReportJob } from '@socle/evaluation';
import { DeliverWebhooksJob } from '@socle/integrations';
import { SocleConfig } from '@socle/platform-config';
import { SendMailJob } from '@socle/platform-mail';
import { SendBlogDigestJob, SendReleaseDigestJob } from '@socle/press-room';
import { SendAdvocacyDigestJob } from '@socle/strategy';
import {
  assertJobPayload,
  bullPrefix,
  duplicateFor,
  isReconcilable,
  JobHandler,
  JobQueues,
  JobPayload,
  REDIS,
  RedisClient,
} from '@socle/platform-queue';
import { createLogger, Metrics, PinoNestLogger } from '@socle/platform-observability';
import { jobFailureLog } from './job-failure';
import { bullQueueCounts, registerQueueGauges } from './queue-metrics';
import { WorkerModule } from './worker.module';

/** Handler classes the worker runs, one entry per job name. */
const HANDLER_TYPES = [
  PurgeOrganizationJob,
  CheckNetworkAccountJob,
  RunListeningQueryJob,
  FetchInboxJob,
  EscalateInboxJob,
  SendInboxReplyJob,
  EvaluateAlertsJob,
  CollectMetricsJob,
  EscalateCrisisCellJob,
  RecomputeLiveScoreJob,
  PublishPublicationJob,
  SweepMediaFilesJob,
  SendMailJob,
  SendAdvocacyDigestJob,
  SendExecutiveReportJob,
  DeliverWebhooksJob,
  SendReleaseDigestJob,
  SendBlogDigestJob,
];

export interface RunningWorker {
  context: INestApplicationContext;
  workers: Worker[];
  /** Its jobs counter and the depth of the queues it serves, read from Redis when scraped (served by the health server). */
  metrics: Metrics;
  /** Re-enqueues what Redis lost, from the state in PostgreSQL. Runs at start and every `reconcileEveryMs`. */
  reconcile(): Promise<number>;
  close(): Promise<void>;
}

/** Jobs of a queue run at once by one process when its handlers name no other number. */
const DEFAULT_CONCURRENCY = 4;

export async function createWorker(
  config: SocleConfig,
  options: {
    logger?: PinoLogger;
    /** Jobs run at once on every queue, instead of each queue's own number. */
    concurrency?: number;
    reconcileEveryMs?: number;
    /** Runs before any queue is consumed or reconciled: a handler set here (a shortened lease) holds for every job. */
    prepare?: (context: INestApplicationContext) => void | Promise<void>;
  } = {},
): Promise<RunningWorker> {
  const pino = options.logger ?? createLogger(config.LOG_LEVEL);
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: new PinoNestLogger(pino) });
  await options.prepare?.(context);
  const logger = new Logger('Worker');
  // With the Node.js process metrics (memory, event-loop lag, `socle_` prefix), as the API's.
  const metrics = new Metrics();
  const handlers: JobHandler<JobPayload>[] = HANDLER_TYPES.map((type) => context.get<JobHandler>(type, { strict: false })).filter(
    (handler) => config.servesQueue(handler.queue),
  );
  const known = new Set(HANDLER_TYPES.map((type) => context.get<JobHandler>(type, { strict: false }).queue));
  const unknown = config.WORKER_QUEUES.split(',')
    .map((name) => name.trim())
    .filter((name) => name && !known.has(name));
  if (unknown.length)
    throw new Error(`WORKER_QUEUES names no queue of this worker: ${unknown.join(', ')} (queues: ${[...known].join(', ')})`);
  const byQueue = new Map<string, Map<string, JobHandler<JobPayload>>>();
  for (const handler of handlers) {
    const names = byQueue.get(handler.queue) ?? new Map<string, JobHandler<JobPayload>>();
    names.set(handler.name, handler);
    byQueue.set(handler.queue, names);
  }
  registerQueueGauges(metrics.registry, {
    prefix: config.QUEUE_PREFIX,
    queues: [...byQueue.keys()],
    read: bullQueueCounts(context.get(JobQueues, { strict: false })),
    onError: (queue, error) => logger.warn(`queue ${queue}: counts not read: ${error instanceof Error ? error.message : String(error)}`),
  });
  const redis = context.get<RedisClient>(REDIS);
  const connections: RedisClient[] = [];
  const track = (connection: RedisClient) => {
    connections.push(connection);
    return connection;
  };
  const workers = [...byQueue.entries()].map(([queue, names]) => {
    const worker = new Worker(
      queue,
      async (job: Job) => {
        const handler = names.get(job.name);
        if (!handler) throw new Error(`no handler for job ${job.name} on queue ${queue}`);
        // Every payload names its tenant (an organisation, or a user or an agency for mails of their own); the handler works inside
        // it (row-level security as for a request).
        assertJobPayload(job.data);
        return handler.handle(job.data);
      },
      {
        connection: track(duplicateFor(redis, 'queue')),
        prefix: bullPrefix(config.QUEUE_PREFIX, queue),
        concurrency: options.concurrency ?? Math.max(...[...names.values()].map((h) => h.concurrency ?? DEFAULT_CONCURRENCY)),
      },
    );
    worker.on('completed', (job) => metrics.jobs.inc({ queue, name: job.name, outcome: 'completed' }));
    worker.on('failed', (job, error) => {
      metrics.jobs.inc({ queue, name: job?.name ?? 'unknown', outcome: 'failed' });
      const { level, line } = jobFailureLog(job, error);
      if (level === 'warn') logger.warn(line);
      else logger.error(line);
    });
    return worker;
  });

  const reconcile = async () => {
    let count = 0;
    for (const handler of handlers) if (isReconcilable(handler)) count += await handler.reconcile();
    return count;
  };
  await reconcile();
  const timer = setInterval(
    () => {
      reconcile().catch((error: unknown) => logger.error(`reconcile failed: ${String(error)}`));
    },
    options.reconcileEveryMs ?? 5 * 60_000,
  );
  timer.unref();

  return {
    context,
    workers,
    metrics,
    reconcile,
    async close() {
      clearInterval(timer);
      await Promise.all(workers.map((w) => w.close()));
      for (const connection of connections) connection.disconnect();
      await context.close();
    },
  };
}
