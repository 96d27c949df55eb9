/**
 * Webhook delivery: events across organisations, each with one endpoint on a
 * loopback receiver, delivered by the real worker (in process: its modules, its
 * queue, the fan-out, the claim with a lease, the signature, the outbound
 * guard, the attempt log). Prints:
 *
 *   - deliveries per second, from the first job enqueued until every delivery is DELIVERED;
 *   - bare loops of HTTP POSTs of the same bodies to the same receiver at the
 *     same number in flight, measured in the same run (Node's fetch, and the
 *     guarded client the worker sends with), and the worker's ratio to each;
 *   - SQL statements per delivery (statementCounter).
 *
 * The events are written as the database owner in one statement, as if emitted
 * (outbox rows not yet fanned out); one job per organisation is then enqueued,
 * as the emitting transaction's after-commit step does. No assertion: figures to compare.
 *
 *   node -r @swc-node/register test/bench/webhook-delivery.bench.ts      (npm run bench:webhooks)
 *   BENCH_EVENTS=5000 BENCH_ORGS=20 BENCH_CONCURRENCY=4                  (the defaults; 4 is the worker's)
 *
 * Needs PostgreSQL (superuser postgres@127.0.0.1:5432, or SOCLE_PG_ADMIN_URL) and
 * Redis (REDIS_URL). Creates its own database and drops it at the end, and removes its Redis keys.
 */
import './production-env';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { DeliverWebhooksJob, secretAad, WEBHOOK_SECRET_BOX, WebhookSender } from '@socle/integrations';
import { loadConfig } from '@socle/platform-config';
import type { SecretBox } from '@socle/platform-crypto';
import { statementCounter } from '@socle/platform-database';
import { JobQueues } from '@socle/platform-queue';
import { DELIVER_WEBHOOKS_JOB, WEBHOOKS_QUEUE } from '@socle/platform-webhooks';
import { adminUrl, databaseUrl } from '@socle/testing';
import { createWorker } from '@socle/worker';
import { deleteRedisKeys, provisionDatabase, runBenchMain, startBenchRun } from './bench-run';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 5_000);
const ORGS = Number(process.env.BENCH_ORGS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

/** A receiver that answers 204 to every POST once its body is read. */
async function startReceiver(): Promise<{ server: Server; url: string; count: () => number }> {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received += 1;
      res.writeHead(204);
      res.end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, count: () => received };
}

/** `total` calls of `post`, `inFlight` at a time; seconds taken. */
async function bareLoopSeconds(post: () => Promise<unknown>, total: number, inFlight: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < total) {
        next += 1;
        await post();
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

async function main(): Promise<void> {
  const run = startBenchRun();
  const { database, queuePrefix, redisUrl } = run;
  try {
    provisionDatabase(run);
    const admin = new Pool({ connectionString: databaseUrl(new URL(adminUrl()).username || 'postgres', database), max: 4 });
    run.onCleanUp(() => admin.end());
    run.onCleanUp(() => deleteRedisKeys(redisUrl, [`${queuePrefix}:*`]));
    const receiver = await startReceiver();
    run.onCleanUp(() => new Promise<void>((resolve) => receiver.server.close(() => resolve())));
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl('socle_app', database),
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: queuePrefix,
      WORKER_QUEUES: WEBHOOKS_QUEUE,
      JWT_SECRET: `bench-jwt-secret-${randomBytes(24).toString('hex')}`,
      API_KEY_PEPPER: `bench-api-key-pepper-${randomBytes(24).toString('hex')}`,
      ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
      // The receiver stands for the integrator's server; the guard refuses loopback otherwise.
      OUTBOUND_ALLOWED_RANGES: '127.0.0.0/8,::1/128',
      LOG_LEVEL: 'warn',
    });

    const worker = await createWorker(config, { concurrency: CONCURRENCY, reconcileEveryMs: 3600_000 });
    run.onCleanUp(() => worker.close());
    const box = worker.context.get<SecretBox>(WEBHOOK_SECRET_BOX, { strict: false });
    const job = worker.context.get(DeliverWebhooksJob, { strict: false });
    const queues = worker.context.get(JobQueues, { strict: false });

    const [agency] = (await admin.query<{ id: string }>(`INSERT INTO agencies (name) VALUES ('Agence bench') RETURNING id`)).rows;
    const orgs = (
      await admin.query<{ id: string }>(
        `INSERT INTO organizations (agency_id, name) SELECT $1, 'Client ' || g FROM generate_series(1, $2) g RETURNING id`,
        [agency.id, ORGS],
      )
    ).rows.map((r) => r.id);
    for (const org of orgs) {
      const id = randomUUID();
      await admin.query(
        `INSERT INTO webhook_endpoints (agency_id, id, scope_organization_id, url, event_types, secret_sealed)
         VALUES ($1, $2, $3, $4, ARRAY['mentions.created'], $5)`,
        [agency.id, id, org, receiver.url, box.encrypt(`whsec_${randomBytes(32).toString('base64')}`, secretAad(agency.id, id))],
      );
    }
    const data = { listeningQueryId: randomUUID(), count: 12, mentionIds: [randomUUID(), randomUUID()] };
    await admin.query(
      `INSERT INTO webhook_events (organization_id, type, data)
       SELECT ($1::uuid[])[1 + g % $3], 'mentions.created', $4::jsonb FROM generate_series(1, $2) g`,
      [orgs, EVENTS, ORGS, JSON.stringify(data)],
    );
    const inFlight = CONCURRENCY * job.batchSize;

    // The bare loop first: the same receiver, bodies of the same size, as many requests in flight as the worker can have.
    const body = JSON.stringify({ type: 'mentions.created', timestamp: new Date().toISOString(), organizationId: orgs[0], data });
    // Two bare loops: Node's fetch, and the guarded client the worker sends with (no database, queue or signature).
    const bareSeconds = await bareLoopSeconds(
      async () => (await fetch(receiver.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body })).arrayBuffer(),
      EVENTS,
      inFlight,
    );
    const sender = new WebhookSender(config.OUTBOUND_ALLOWED_RANGES);
    const guardedSeconds = await bareLoopSeconds(() => sender.send(receiver.url, {}, body), EVENTS, inFlight);

    const before = receiver.count();
    const statementsBefore = statementCounter.count;
    const started = performance.now();
    for (const organizationId of orgs) await queues.add(WEBHOOKS_QUEUE, DELIVER_WEBHOOKS_JOB, { organizationId });
    for (;;) {
      const { rows } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE status = 'DELIVERED'`);
      if (rows[0].n >= EVENTS) break;
      if (performance.now() - started > 600_000) throw new Error(`only ${rows[0].n} of ${EVENTS} delivered after 10 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    const statements = statementCounter.count - statementsBefore;
    const { rows: attempts } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM webhook_attempts');

    const perSecond = EVENTS / seconds;
    const barePerSecond = EVENTS / bareSeconds;
    process.stdout.write(
      [
        `webhook delivery: ${EVENTS} events, ${ORGS} organisations, worker concurrency ${CONCURRENCY}, up to ${inFlight} requests in flight`,
        `  delivered by the worker:   ${seconds.toFixed(2)} s, ${perSecond.toFixed(0)} deliveries/s (${receiver.count() - before} received, ${attempts[0].n} attempts logged)`,
        `  bare loop of HTTP POSTs (fetch):          ${bareSeconds.toFixed(2)} s, ${barePerSecond.toFixed(0)} requests/s`,
        `  bare loop of HTTP POSTs (guarded client): ${guardedSeconds.toFixed(2)} s, ${(EVENTS / guardedSeconds).toFixed(0)} requests/s`,
        `  ratio worker / bare fetch loop:          ${(perSecond / barePerSecond).toFixed(2)}`,
        `  ratio worker / bare guarded-client loop: ${(perSecond / (EVENTS / guardedSeconds)).toFixed(2)}`,
        `  SQL statements per delivery: ${(statements / EVENTS).toFixed(2)}`,
        '',
      ].join('\n'),
    );
  } finally {
    await run.cleanUp();
  }
}

runBenchMain(main);
