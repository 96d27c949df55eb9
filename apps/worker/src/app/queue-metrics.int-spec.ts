import { randomBytes, randomUUID } from 'node:crypto';
import pino from 'pino';
import { loadConfig } from '@socle/platform-config';
import { JobQueues } from '@socle/platform-queue';
import { createWorker, RunningWorker } from './create-worker';
import { HealthServer, startHealthServer } from './health-server';

/**
 * The worker's `/metrics` on its health port, against the real Redis: queue depth read from BullMQ under the
 * worker's own prefix, falling as the worker takes the jobs, and the jobs counter beside it.
 */
describe('worker queue metrics (Redis)', () => {
  const QUEUE = 'content-media';
  const prefix = `${process.env.QUEUE_PREFIX ?? 'socle-test'}-queue-metrics-${randomBytes(3).toString('hex')}`;
  let worker: RunningWorker;
  let health: HealthServer;

  beforeAll(async () => {
    const config = loadConfig({ ...process.env, QUEUE_PREFIX: prefix, WORKER_QUEUES: QUEUE });
    worker = await createWorker(config, { logger: pino({ level: 'silent' }), reconcileEveryMs: 600_000 });
    health = await startHealthServer({ host: '127.0.0.1', port: 0, checks: {}, metrics: worker.metrics.registry });
  }, 60_000);
  afterAll(async () => {
    await health?.close();
    await worker?.close();
  });

  const scrape = async () => {
    const response = await fetch(`http://127.0.0.1:${health.port}/metrics`);
    expect(response.status).toBe(200);
    return response.text();
  };
  /** The value of the `name` sample with exactly these labels, or undefined when the scrape has none. */
  const valueOf = (text: string, name: string, labels: Record<string, string>) => {
    const wanted = JSON.stringify(Object.entries(labels).sort());
    for (const line of text.split('\n')) {
      const match = /^(\w+)\{(.*)\} (\S+)$/.exec(line);
      if (!match || match[1] !== name) continue;
      const found = [...match[2].matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]).sort();
      if (JSON.stringify(found) === wanted) return Number(match[3]);
    }
    return undefined;
  };
  const ours = () => ({ queue_prefix: prefix, queue: QUEUE });
  const depth = (text: string) => ({
    waiting: valueOf(text, 'socle_queue_waiting_jobs', ours()),
    active: valueOf(text, 'socle_queue_active_jobs', ours()),
    delayed: valueOf(text, 'socle_queue_delayed_jobs', ours()),
    failed: valueOf(text, 'socle_queue_failed_jobs', ours()),
  });

  it('shows the jobs waiting in a queue the worker serves, then sees them fall as it takes them', async () => {
    const [consumer] = worker.workers.filter((w) => w.name === QUEUE);
    expect(worker.workers.map((w) => w.name)).toEqual([QUEUE]);
    await consumer.pause();
    const queues = worker.context.get(JobQueues, { strict: false });
    const N = 6;
    // A job name no handler knows: the worker takes it and fails it at once (one attempt), touching nothing else.
    for (let i = 0; i < N; i += 1) await queues.add(QUEUE, 'NoSuchJob', { organizationId: randomUUID() }, { attempts: 1 });
    await queues.add(QUEUE, 'NoSuchJob', { organizationId: randomUUID() }, { attempts: 1, delay: 10 * 60_000 });

    expect(depth(await scrape())).toEqual({ waiting: N, active: 0, delayed: 1, failed: 0 });

    consumer.resume();
    const deadline = Date.now() + 15_000;
    let last = depth(await scrape());
    while ((last.waiting !== 0 || last.failed !== N) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      last = depth(await scrape());
    }
    expect(last).toEqual({ waiting: 0, active: 0, delayed: 1, failed: N });
    const text = await scrape();
    expect(valueOf(text, 'socle_jobs_total', { queue: QUEUE, name: 'NoSuchJob', outcome: 'failed' })).toBe(N);
    expect(text).toContain('# TYPE socle_process_resident_memory_bytes gauge');
  });

  it('refuses other methods on /metrics', async () => {
    const response = await fetch(`http://127.0.0.1:${health.port}/metrics`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
  });
});
