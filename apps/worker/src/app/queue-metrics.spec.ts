import { Registry } from 'prom-client';
import type { JobQueues } from '@socle/platform-queue';
import { bullQueueCounts, QueueCounts, registerQueueGauges } from './queue-metrics';

const COUNTS: QueueCounts = { waiting: 7, active: 2, delayed: 3, failed: 1 };

/** `name{labels} value` lines of a scrape, as `name queue value`. */
const samples = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.startsWith('socle_queue_'))
    .map((line) => {
      const match = /^(\w+)\{(.*)\} (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample: ${line}`);
      return `${match[1]} ${/queue="([^"]*)"/.exec(match[2])?.[1]} ${match[3]}`;
    })
    .sort();

describe('queue gauges', () => {
  let clock = 0;
  const now = () => clock;

  it('shows each served queue with its prefix, reading Redis once per queue however many scrapes come within 1 s', async () => {
    const reads: string[] = [];
    const registry = new Registry();
    registerQueueGauges(registry, {
      prefix: 'socle',
      queues: ['publishing', 'inbox'],
      now,
      read: async (queue) => {
        reads.push(queue);
        return queue === 'inbox' ? { ...COUNTS, waiting: 40 } : COUNTS;
      },
    });
    const scrapes = await Promise.all(Array.from({ length: 20 }, () => registry.metrics()));
    expect(samples(scrapes[19])).toEqual([
      'socle_queue_active_jobs inbox 2',
      'socle_queue_active_jobs publishing 2',
      'socle_queue_delayed_jobs inbox 3',
      'socle_queue_delayed_jobs publishing 3',
      'socle_queue_failed_jobs inbox 1',
      'socle_queue_failed_jobs publishing 1',
      'socle_queue_waiting_jobs inbox 40',
      'socle_queue_waiting_jobs publishing 7',
    ]);
    expect(scrapes[0]).toContain('socle_queue_waiting_jobs{queue_prefix="socle",queue="inbox"} 40');
    expect(reads.sort()).toEqual(['inbox', 'publishing']);
    clock += 999;
    await registry.metrics();
    expect(reads).toHaveLength(2);
    clock += 1;
    await registry.metrics();
    expect(reads).toHaveLength(4);
  });

  it('leaves out a queue whose counts fail or do not come in time, and does not ask again while a read is in flight', async () => {
    const reads: string[] = [];
    const errors: string[] = [];
    const registry = new Registry();
    registerQueueGauges(registry, {
      prefix: 'socle',
      queues: ['publishing', 'inbox', 'mail'],
      now,
      timeoutMs: 50,
      onError: (queue, error) => errors.push(`${queue}: ${error instanceof Error ? error.message : String(error)}`),
      read: (queue) => {
        reads.push(queue);
        if (queue === 'inbox') return Promise.reject(new Error('connection closed'));
        if (queue === 'mail') return new Promise<QueueCounts>(() => undefined);
        return Promise.resolve(COUNTS);
      },
    });
    expect(samples(await registry.metrics()).filter((s) => s.startsWith('socle_queue_waiting_jobs'))).toEqual([
      'socle_queue_waiting_jobs publishing 7',
    ]);
    expect(errors.sort()).toEqual(['inbox: connection closed', 'mail: queue counts timed out after 50 ms']);
    clock += 1000;
    await registry.metrics();
    // The hanging read of `mail` is joined, not repeated; the failed one of `inbox` is tried again.
    expect(reads.sort()).toEqual(['inbox', 'inbox', 'mail', 'publishing', 'publishing']);
  });

  it('counts BullMQ waiting and prioritized jobs as waiting, in one getJobCounts call per queue', async () => {
    const calls: Array<{ queue: string; types: string[] }> = [];
    const queues = {
      queue: (queue: string) => ({
        getJobCounts: async (...types: string[]) => {
          calls.push({ queue, types });
          return { waiting: 5, prioritized: 4, active: 3, delayed: 2, failed: 1 };
        },
      }),
    } as unknown as JobQueues;
    expect(await bullQueueCounts(queues)('publishing')).toEqual({ waiting: 9, active: 3, delayed: 2, failed: 1 });
    expect(calls).toEqual([{ queue: 'publishing', types: ['waiting', 'prioritized', 'active', 'delayed', 'failed'] }]);
  });
});
