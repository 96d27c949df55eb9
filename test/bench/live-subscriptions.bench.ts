/**
 * Live updates: GraphQL subscriptions over graphql-ws through the real API (Fastify, Nest, the WebSocket server with its
 * authentication at connection, the subscription's access check at subscribe time and before events, Redis pub/sub per
 * organisation), against a bare baseline measured in the same run: the same Redis messages fanned out by a bare `ws`
 * server to the same number of bare WebSocket clients, with a graphql-ws-shaped message per event and no checks.
 *
 * `BENCH_CONNECTIONS` clients spread over `BENCH_ORGS` organisations each watch `inboxItemChanged`; a publisher then sends
 * `BENCH_EVENTS` inbox events per organisation, one Redis message each, as the API and the worker do after a commit.
 * Prints, for both: deliveries per second (events × subscribers of their organisation, until the last one arrived),
 * latency from publish to receipt (p50, p95, p99), and the API's ratio to the bare server. Also the time to open and
 * authenticate the connections, and the heap used per open subscription (clients and server share this process).
 *
 *   node -r @swc-node/register test/bench/live-subscriptions.bench.ts      (npm run bench:subscriptions)
 *   BENCH_CONNECTIONS=200 BENCH_ORGS=10 BENCH_EVENTS=200                   (the defaults)
 *
 * Needs PostgreSQL (superuser postgres@127.0.0.1:5432, or SOCLE_PG_ADMIN_URL) and Redis (REDIS_URL). Creates its own
 * database and Redis key prefix and removes both at the end. No assertion: figures to compare.
 */
import './production-env';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Client, createClient } from 'graphql-ws';
import WebSocket, { WebSocketServer } from 'ws';
import { createRedis, LiveEvents, redisTargetOf, type LiveEvent } from '@socle/platform-queue';
import { createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { benchApiEnv, deleteRedisKeys, provisionDatabase, runBenchMain, startBenchRun } from './bench-run';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const ORGS = Number(process.env.BENCH_ORGS ?? 10);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 200);
/** The paced run: a round of one event per organisation every PACE_MS, for PACED_ROUNDS rounds. */
const PACE_MS = Number(process.env.BENCH_PACE_MS ?? 200);
const PACED_ROUNDS = Number(process.env.BENCH_PACED_ROUNDS ?? 25);
const TOPIC = 'inboxItem';
const SUBSCRIPTION = 'subscription { inboxItemChanged { change itemId organizationId status occurredAt } }';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, condition: () => boolean, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** What one side of the comparison measured. */
interface Measured {
  seconds: number;
  deliveries: number;
  latencies: number[];
}

/** Receipt bookkeeping shared by both sides: a count and the publish-to-receipt latency of each delivery. */
class Tally {
  received = 0;
  readonly latencies: number[] = [];
  record(occurredAt: string): void {
    this.received += 1;
    this.latencies.push(Date.now() - Date.parse(occurredAt));
  }
}

function inboxEvent(organizationId: string): LiveEvent {
  return {
    topic: TOPIC,
    organizationId,
    id: randomUUID(),
    change: 'CREATED',
    fields: {
      kind: 'COMMENT',
      source: 'mastodon',
      status: 'NEW',
      severity: 'NORMAL',
      assigneeId: null,
      dueAt: new Date().toISOString(),
      version: 1,
    },
    occurredAt: new Date().toISOString(),
  };
}

/**
 * Publishes `events` events per organisation, one Redis message each, organisations in turn (a round every `everyMs`,
 * or as fast as Redis takes them); then waits for every delivery.
 */
async function publishAll(
  publisher: LiveEvents,
  orgs: string[],
  tally: Tally,
  expected: number,
  events = EVENTS,
  everyMs = 0,
): Promise<Measured> {
  const before = tally.received;
  const latencyStart = tally.latencies.length;
  const started = performance.now();
  for (let i = 0; i < events; i += 1) {
    const round = performance.now();
    await Promise.all(orgs.map((org) => publisher.publish([inboxEvent(org)])));
    if (everyMs > 0) await sleep(Math.max(0, everyMs - (performance.now() - round)));
  }
  await waitFor(`${expected} deliveries`, () => tally.received - before >= expected);
  return {
    seconds: (performance.now() - started) / 1000,
    deliveries: tally.received - before,
    latencies: tally.latencies.slice(latencyStart).sort((a, b) => a - b),
  };
}

/** The baseline: a bare `ws` server that forwards each organisation's Redis messages to its sockets, one message per event. */
async function startBareServer(redisUrl: string, channelOf: (org: string) => string, orgs: string[]) {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const socketsByOrg = new Map<string, Set<WebSocket>>();
  server.on('connection', (socket, request) => {
    const org = new URL(request.url ?? '/', 'http://bare').searchParams.get('org') ?? '';
    const set = socketsByOrg.get(org) ?? new Set<WebSocket>();
    set.add(socket);
    socketsByOrg.set(org, set);
    socket.on('close', () => set.delete(socket));
  });
  const subscriber = createRedis({ ...redisTargetOf(process.env), url: redisUrl }, 'subscriber', { lazyConnect: true });
  await subscriber.connect();
  const orgOfChannel = new Map(orgs.map((org) => [channelOf(org), org]));
  subscriber.on('message', (channel: string, message: string) => {
    const sockets = socketsByOrg.get(orgOfChannel.get(channel) ?? '');
    if (!sockets) return;
    for (const event of JSON.parse(message) as LiveEvent[]) {
      const payload = JSON.stringify({
        type: 'next',
        id: '1',
        payload: {
          data: {
            inboxItemChanged: {
              change: event.change,
              itemId: event.id,
              organizationId: event.organizationId,
              status: event.fields.status,
              occurredAt: event.occurredAt,
            },
          },
        },
      });
      for (const socket of sockets) socket.send(payload);
    }
  });
  await subscriber.subscribe(...orgs.map(channelOf));
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: async () => {
      subscriber.disconnect();
      for (const client of server.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function report(name: string, measured: Measured): void {
  const perSecond = measured.deliveries / measured.seconds;
  const l = measured.latencies;
  process.stdout.write(
    `${name.padEnd(34)} ${measured.deliveries} deliveries in ${measured.seconds.toFixed(2)} s = ${Math.round(perSecond)}/s; ` +
      `latency p50 ${percentile(l, 50)} ms, p95 ${percentile(l, 95)} ms, p99 ${percentile(l, 99)} ms\n`,
  );
}

async function main(): Promise<void> {
  const run = startBenchRun();
  const { queuePrefix, redisUrl } = run;
  try {
    const ownerUrl = provisionDatabase(run);
    run.onCleanUp(() => deleteRedisKeys(redisUrl, [`${queuePrefix}:*`]));
    const env = benchApiEnv(run, ownerUrl, { RATE_LIMIT_USER_PER_MINUTE: '10000000' });
    const api = await TestApi.start(env);
    run.onCleanUp(() => api.stop());
    const url = await api.subscriptionsUrl();
    const live = api.app.get(LiveEvents, { strict: false });
    const publisherRedis = createRedis({ ...redisTargetOf(process.env), url: redisUrl }, 'commands', { lazyConnect: true });
    await publisherRedis.connect();
    run.onCleanUp(() => publisherRedis.disconnect());
    const publisher = new LiveEvents(publisherRedis, api.config.QUEUE_PREFIX);

    const session = await signUpAgency(api, 'Agence Banc');
    const orgs: string[] = [];
    for (let i = 0; i < ORGS; i += 1) orgs.push(await createOrganization(api, session, `Client ${i + 1}`));
    const orgOf = (i: number) => orgs[i % ORGS];
    const subscribersOf = (org: string) => Array.from({ length: CONNECTIONS }, (_, i) => orgOf(i)).filter((o) => o === org).length;
    const expected = orgs.reduce((sum, org) => sum + EVENTS * subscribersOf(org), 0);

    // Socle: one graphql-ws connection per subscriber, authenticated at connection, one subscription each.
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const tally = new Tally();
    const clients: Client[] = [];
    run.onCleanUp(async () => {
      for (const client of clients) await client.dispose();
    });
    const openStarted = performance.now();
    for (let i = 0; i < CONNECTIONS; i += 1) {
      const client = createClient({
        url,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${session.token}`, 'x-socle-organization': orgOf(i) },
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: (error) => process.stderr.write(`connection failed: ${String(error)}\n`),
      });
      clients.push(client);
      client.subscribe<{ inboxItemChanged: { occurredAt: string } }>(
        { query: SUBSCRIPTION },
        {
          next: (value) => {
            if (value.data) tally.record(value.data.inboxItemChanged.occurredAt);
            else process.stderr.write(`subscription error: ${JSON.stringify(value.errors)}\n`);
          },
          error: (error) => process.stderr.write(`subscription failed: ${JSON.stringify(error)}\n`),
          complete: () => undefined,
        },
      );
    }
    await waitFor('every subscription to listen', () => orgs.every((org) => live.listening(org) >= subscribersOf(org)));
    const openSeconds = (performance.now() - openStarted) / 1000;
    global.gc?.();
    const heapPerSubscription = (process.memoryUsage().heapUsed - heapBefore) / CONNECTIONS;

    // Warm-up: one event per organisation through both sides is left out of the figures.
    const bare = await startBareServer(redisUrl, (org) => live.channelOf(org), orgs);
    run.onCleanUp(() => bare.close());
    const bareTally = new Tally();
    const bareSockets: WebSocket[] = [];
    for (let i = 0; i < CONNECTIONS; i += 1) {
      const socket = new WebSocket(`${bare.url}?org=${orgOf(i)}`);
      socket.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString()) as { payload: { data: { inboxItemChanged: { occurredAt: string } } } };
        bareTally.record(message.payload.data.inboxItemChanged.occurredAt);
      });
      await new Promise<void>((resolve, reject) => socket.once('open', () => resolve()).once('error', reject));
      bareSockets.push(socket);
    }
    for (const org of orgs) await publisher.publish([inboxEvent(org)]);
    await waitFor('the warm-up', () => tally.received >= CONNECTIONS && bareTally.received >= CONNECTIONS);
    const warm = tally.received;
    const bareWarm = bareTally.received;
    tally.latencies.length = 0;
    bareTally.latencies.length = 0;

    // Both sides receive every message (the bare server listens to the same channels), so each is measured on its own
    // counter while the other's sockets also read: the same load for both, in the same run.
    const socle = await publishAll(publisher, orgs, tally, expected);
    await waitFor('the bare side to catch up', () => bareTally.received - bareWarm >= expected);
    const bareRun = await publishAll(publisher, orgs, bareTally, expected);
    await waitFor('the API side to catch up', () => tally.received - warm >= 2 * expected);
    // Latency below saturation: the same paced events reach both sides at once.
    const pacedExpected = (expected / EVENTS) * PACED_ROUNDS;
    const bareBefore = bareTally.received;
    const bareLatencyStart = bareTally.latencies.length;
    const soclePaced = await publishAll(publisher, orgs, tally, pacedExpected, PACED_ROUNDS, PACE_MS);
    await waitFor('the bare side’s paced events', () => bareTally.received - bareBefore >= pacedExpected);
    const barePaced: Measured = {
      seconds: soclePaced.seconds,
      deliveries: bareTally.received - bareBefore,
      latencies: bareTally.latencies.slice(bareLatencyStart).sort((a, b) => a - b),
    };

    process.stdout.write(
      `\n${CONNECTIONS} subscriptions over ${ORGS} organisations, ${EVENTS} events per organisation ` +
        `(${expected} deliveries per side)\n`,
    );
    process.stdout.write(
      `opened and authenticated in ${openSeconds.toFixed(2)} s (${Math.round(CONNECTIONS / openSeconds)}/s); ` +
        `heap per subscription (client and server) ${(heapPerSubscription / 1024).toFixed(1)} kB` +
        `${global.gc ? '' : ' (run node with --expose-gc for a steadier figure)'}\n`,
    );
    process.stdout.write('As fast as Redis takes them (throughput; latency includes the queue that builds up):\n');
    report('API (graphql-ws, checks, Redis)', socle);
    report('bare ws + Redis', bareRun);
    process.stdout.write(`ratio API / bare: ${(socle.deliveries / socle.seconds / (bareRun.deliveries / bareRun.seconds)).toFixed(2)}\n`);
    process.stdout.write(
      `Paced, a round of ${ORGS} events every ${PACE_MS} ms (${Math.round((pacedExpected / PACED_ROUNDS) * (1000 / PACE_MS))} deliveries/s per side):\n`,
    );
    report('API (graphql-ws, checks, Redis)', soclePaced);
    report('bare ws + Redis', barePaced);
    for (const socket of bareSockets) socket.terminate();
  } finally {
    await run.cleanUp();
  }
}

runBenchMain(main);
