import { Global, Inject, Injectable, Module, DynamicModule, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { isUuid } from '@socle/platform-database';
import { LiveEvents } from './live-events';
import { createRedis, duplicateFor, RedisClient, RedisTarget } from './redis';

export const REDIS = Symbol('REDIS');

/** Every job payload names its tenant; the worker rebuilds that tenant's context from it. */
export interface TenantJobPayload {
  organizationId: string;
  agencyId?: string;
  [key: string]: unknown;
}

export function assertTenantPayload(payload: unknown): asserts payload is TenantJobPayload {
  const p = payload as Partial<TenantJobPayload> | null;
  if (!p || !isUuid(p.organizationId) || (p.agencyId !== undefined && !isUuid(p.agencyId))) {
    throw new Error('job payload must carry a valid organizationId (and agencyId when given)');
  }
}

/**
 * A job about one person's account rather than a client organisation (a password-reset mail): it names the user,
 * and the handler works as that user (row-level security by user).
 */
export interface UserJobPayload {
  userId: string;
  organizationId?: undefined;
  [key: string]: unknown;
}

/** A job of an agency itself rather than one of its clients (an invitation mail to its staff): it runs in that agency. */
export interface AgencyJobPayload {
  agencyId: string;
  organizationId?: undefined;
  userId?: undefined;
  [key: string]: unknown;
}

/** What a job may name: an organisation (most jobs), a user, or an agency. */
export type JobPayload = TenantJobPayload | UserJobPayload | AgencyJobPayload;

/** Either an organisation's job (a valid organizationId), a user's (a valid userId) or an agency's (a valid agencyId alone). */
export function assertJobPayload(payload: unknown): asserts payload is JobPayload {
  const p = payload as Record<string, unknown> | null;
  if (p && p['organizationId'] === undefined && (isUuid(p['userId']) || (p['userId'] === undefined && isUuid(p['agencyId'])))) return;
  assertTenantPayload(payload);
}

/** A job handler contributed by a domain module; job name = class name. */
export interface JobHandler<P extends JobPayload = TenantJobPayload> {
  readonly queue: string;
  readonly name: string;
  /** Jobs of its queue a worker process runs at once (the highest of the queue's handlers; 4 when none says). */
  readonly concurrency?: number;
  handle(payload: P): Promise<unknown>;
}

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');

/** A handler whose durable state lives in PostgreSQL can re-enqueue what Redis lost. */
export interface Reconcilable {
  reconcile(): Promise<number>;
}

export function isReconcilable(handler: object): handler is Reconcilable {
  return typeof (handler as Partial<Reconcilable>).reconcile === 'function';
}

export interface QueueOptions {
  /** A single Redis or a Redis Cluster (see `redisTargetOf`). */
  redis: RedisTarget;
  prefix: string;
}

export const QUEUE_OPTIONS = Symbol('QUEUE_OPTIONS');

/**
 * The BullMQ key prefix of `queue`: under the deployment's prefix, hash-tagged with the queue's name, so
 * each queue's keys share one Redis Cluster slot (BullMQ's scripts touch several of them at once) while
 * different queues spread over the masters. Keys read `<prefix>:{<queue>}:<queue>:…`.
 */
export function bullPrefix(prefix: string, queue: string): string {
  return `${prefix}:{${queue}}`;
}

@Injectable()
export class JobQueues implements OnApplicationShutdown {
  private readonly queues = new Map<string, Queue>();
  private readonly connections: RedisClient[] = [];

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(QUEUE_OPTIONS) private readonly options: QueueOptions,
  ) {}

  queue(name: string): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      const connection = duplicateFor(this.redis, 'queue');
      this.connections.push(connection);
      queue = new Queue(name, { connection, prefix: bullPrefix(this.options.prefix, name) });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async add(queue: string, name: string, payload: JobPayload, options: JobsOptions = {}): Promise<void> {
    assertJobPayload(payload);
    await this.queue(queue).add(name, payload, {
      attempts: 8,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: true,
      removeOnFail: 1000,
      ...options,
    });
  }

  /**
   * Which of these jobs of `queue` wait to run (waiting or delayed, not yet taken by a worker): the job exists and has
   * not started (BullMQ marks a job `processedOn` when a worker takes it, and keeps the mark on a retry). A key that
   * holds something else than a job counts as no job. One round trip.
   */
  async notStarted(queue: string, jobIds: readonly string[]): Promise<Set<string>> {
    if (jobIds.length === 0) return new Set();
    const q = this.queue(queue);
    // The keys of one queue share its hash tag (bullPrefix): one slot, so one pipeline on a cluster too.
    const pipeline = this.redis.pipeline();
    for (const id of jobIds) pipeline.hmget(q.toKey(id), 'timestamp', 'processedOn');
    const results = (await pipeline.exec()) ?? [];
    const waiting = new Set<string>();
    results.forEach(([error, value], i) => {
      if (error) return;
      const [timestamp, processedOn] = value as (string | null)[];
      if (timestamp !== null && processedOn === null) waiting.add(jobIds[i]);
    });
    return waiting;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    // BullMQ leaves connections it was given open.
    for (const connection of this.connections) connection.disconnect();
  }
}

@Injectable()
class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}
  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

@Global()
@Module({})
export class QueueModule {
  static forRoot(options: QueueOptions): DynamicModule {
    return {
      module: QueueModule,
      providers: [
        { provide: QUEUE_OPTIONS, useValue: options },
        { provide: REDIS, useFactory: () => createRedis(options.redis, 'commands') },
        JobQueues,
        RedisCloser,
        // Channels under the queue prefix: deployments (and test runs) with other prefixes never see each other's events.
        { provide: LiveEvents, useFactory: (redis: RedisClient) => new LiveEvents(redis, options.prefix), inject: [REDIS] },
      ],
      exports: [REDIS, QUEUE_OPTIONS, JobQueues, LiveEvents],
    };
  }
}
