import { Gauge, Registry } from 'prom-client';
import type { JobQueues } from '@socle/platform-queue';

/** What the gauges show of one queue. */
export interface QueueCounts {
  /** Jobs a worker would take now: BullMQ's `waiting` plus `prioritized` (delayed jobs are not backlog yet). */
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

/** Reads one queue's counts; rejects when Redis does not answer. */
export type QueueCountReader = (queue: string) => Promise<QueueCounts>;

/**
 * The counts of a BullMQ queue in one Redis round trip: `getJobCounts` is a single Lua script over the
 * queue's keys, which share one Redis Cluster slot (`bullPrefix`).
 */
export function bullQueueCounts(queues: JobQueues): QueueCountReader {
  return async (queue) => {
    const counts = await queues.queue(queue).getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed');
    return {
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      failed: counts.failed ?? 0,
    };
  };
}

export interface QueueGaugeOptions {
  /** `QUEUE_PREFIX`, as the `queue_prefix` label: deployments sharing a Prometheus (or a Redis) stay apart. */
  prefix: string;
  /** The queues this process serves. */
  queues: readonly string[];
  read: QueueCountReader;
  /** Counts are reused this long (1 s), so a burst of scrapes costs one read per queue. */
  cacheMs?: number;
  /** A scrape waits this long for a queue's counts (2 s), then leaves that queue's gauges out. */
  timeoutMs?: number;
  onError?: (queue: string, error: unknown) => void;
  now?: () => number;
}

/**
 * Registers `socle_queue_{waiting,active,delayed,failed}_jobs{queue_prefix,queue}`, read from Redis when scraped:
 * at most one read per queue per `cacheMs` and one in flight. A queue whose counts fail or time out is left out of
 * that scrape rather than shown stale, so an autoscaler sees no value (and holds) instead of a wrong one.
 */
export function registerQueueGauges(registry: Registry, options: QueueGaugeOptions): void {
  const cacheMs = options.cacheMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 2000;
  const now = options.now ?? Date.now;
  // The read of each queue still in flight: a scrape during a Redis outage joins it rather than queueing another command.
  const inFlight = new Map<string, Promise<QueueCounts>>();
  const countsOf = (queue: string): Promise<QueueCounts> => {
    let read = inFlight.get(queue);
    if (!read) {
      read = Promise.resolve().then(() => options.read(queue));
      const done = () => inFlight.delete(queue);
      read.then(done, done);
      inFlight.set(queue, read);
    }
    return read;
  };

  const withTimeout = async (queue: string): Promise<[string, QueueCounts] | undefined> => {
    let timer: NodeJS.Timeout | undefined;
    try {
      const counts = await Promise.race([
        countsOf(queue),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`queue counts timed out after ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      return [queue, counts];
    } catch (error) {
      options.onError?.(queue, error);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  };

  // The four gauges of a scrape, and every scrape of the next `cacheMs`, share one snapshot: at most one read per
  // queue per `cacheMs`, whatever the scrape rate.
  let snapshot: { at: number; counts: Promise<Array<[string, QueueCounts]>> } | undefined;
  const current = () => {
    if (!snapshot || now() - snapshot.at >= cacheMs) {
      snapshot = {
        at: now(),
        counts: Promise.all(options.queues.map(withTimeout)).then((all) =>
          all.filter((entry): entry is [string, QueueCounts] => entry !== undefined),
        ),
      };
    }
    return snapshot.counts;
  };

  const gauge = (name: string, help: string, pick: (counts: QueueCounts) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['queue_prefix', 'queue'] as const,
      registers: [registry],
      async collect() {
        const counts = await current();
        this.reset();
        for (const [queue, c] of counts) this.set({ queue_prefix: options.prefix, queue }, pick(c));
      },
    });
  gauge('socle_queue_waiting_jobs', 'Jobs ready to run now (BullMQ waiting + prioritized), by queue', (c) => c.waiting);
  gauge('socle_queue_active_jobs', 'Jobs being processed, by queue', (c) => c.active);
  gauge('socle_queue_delayed_jobs', 'Jobs scheduled for later or backing off before a retry, by queue', (c) => c.delayed);
  gauge('socle_queue_failed_jobs', 'Failed jobs still kept in Redis, by queue', (c) => c.failed);
}
