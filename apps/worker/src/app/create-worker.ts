import { INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Job, Worker } from 'bullmq';
import Redis from 'ioredis';
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
import { SendAdvocacyDigestJob } from '@socle/strategy';
import { assertJobPayload, bullPrefix, isReconcilable, JobHandler, JobPayload, REDIS } from '@socle/platform-queue';
import { createLogger, Metrics, PinoNestLogger } from '@socle/platform-observability';
import { jobFailureLog } from './job-failure';
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
];

export interface RunningWorker {
  context: INestApplicationContext;
  workers: Worker[];
  /** Re-enqueues what Redis lost, from the state in PostgreSQL. Runs at start and every `reconcileEveryMs`. */
  reconcile(): Promise<number>;
  close(): Promise<void>;
}

export async function createWorker(
  config: SocleConfig,
  options: { logger?: PinoLogger; concurrency?: number; reconcileEveryMs?: number } = {},
): Promise<RunningWorker> {
  const pino = options.logger ?? createLogger(config.LOG_LEVEL);
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: new PinoNestLogger(pino) });
  const logger = new Logger('Worker');
  const metrics = new Metrics(false);
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
  const redis = context.get<Redis>(REDIS);
  const connections: Redis[] = [];
  const track = (connection: Redis) => {
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
        connection: track(redis.duplicate({ maxRetriesPerRequest: null })),
        prefix: bullPrefix(config.QUEUE_PREFIX),
        concurrency: options.concurrency ?? 4,
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
    reconcile,
    async close() {
      clearInterval(timer);
      await Promise.all(workers.map((w) => w.close()));
      for (const connection of connections) connection.disconnect();
      await context.close();
    },
  };
}
