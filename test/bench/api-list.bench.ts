/**
 * Cost of the full API stack on a tenant-scoped list, against a bare baseline
 * measured in the same run on the same tables:
 *
 *   (a) `members(first: 20)` through the real app on a real port: Fastify, Nest,
 *       passport JWT, rate limiter (Redis), access guard, the request's unit of
 *       work with the tenant set, repository, DataLoader, row-level security;
 *   (b) the same query and the same JSON answer from a bare Apollo Server on a bare
 *       Fastify (the integration Nest uses too), one raw `pg` query joining users
 *       with a plain `WHERE organization_id = $1`, as a superuser;
 *   (c) `{ __typename }` through both: the fixed cost of a request without data.
 *
 * It also counts the SQL statements of one list request for pages of 5, 20 and
 * 50 members: a constant count means no N+1.
 *
 *   node -r @swc-node/register test/bench/api-list.bench.ts
 *   BENCH_SECONDS=8 BENCH_WARMUP_SECONDS=5 BENCH_ROUNDS=3 BENCH_CONNECTIONS=50   (the defaults)
 *   BENCH_PROFILE=aFull   (writes a CPU profile of the server during that target's runs)
 *
 * Needs PostgreSQL (superuser postgres@127.0.0.1:5432, or SOCLE_PG_ADMIN_URL) and
 * Redis (REDIS_URL, default redis://127.0.0.1:6379). Creates its own database and
 * Redis key prefix and removes both at the end. The figures are for reading: the
 * exit code is 0 unless the run itself breaks.
 */
import './production-env';
import { ApolloServer } from '@apollo/server';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GraphQLScalarType } from 'graphql';
import { DATA_SOURCE, setReadOnlyParking, statementCounter } from '@socle/platform-database';
import type { DataSource } from 'typeorm';
import { adminUrl, createOrganization, databaseUrl, signUpAgency, TestApi } from '@socle/testing';
import { ChildProcess, fork } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import * as inspector from 'node:inspector';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Pool } from 'pg';
import { withoutExtensions, type LoadRequest, type LoadResult } from './load-generator';
import { deleteRedisKeys, provisionDatabase, runBenchMain, startBenchRun } from './bench-run';
import { machineTicks, processCpuMicros } from './proc-cpu';

const ROOT = path.resolve(__dirname, '../..');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MEMBERS = 60;
const STATEMENT_SAMPLES = 20;
const PAGE_SIZES = [5, 20, 50];

const TARGET_LIST_THROUGHPUT = 0.7;
const TARGET_LIST_P99 = 1.5;
const TARGET_TYPENAME_THROUGHPUT = 0.8;

const listQuery = (first: number) =>
  `{ members(first: ${first}) { edges { cursor node { roles joinedAt user { id displayName email } } } pageInfo { hasNextPage endCursor } } }`;
const LIST_QUERY = listQuery(20);
const TYPENAME_QUERY = '{ __typename }';

const ROLE_SETS = [['CONTRIBUTOR'], ['ANALYST', 'VIEWER'], ['COMMUNITY_MANAGER'], ['CONTENT_LEAD', 'COORDINATOR'], ['VIEWER']];

// ---------------------------------------------------------------------------
// Baseline: bare Apollo Server on bare Fastify, raw pg, same schema shape.

const BARE_TYPE_DEFS = `#graphql
  scalar DateTime
  enum OrganizationRole { STRATEGY_LEAD CONTENT_LEAD COMMUNITY_MANAGER ANALYST COORDINATOR EXECUTIVE_APPROVER CONTRIBUTOR VIEWER }
  enum Locale { FR EN }
  type User { id: ID! email: String! displayName: String! locale: Locale! createdAt: DateTime! }
  type OrganizationMember { userId: ID! roles: [OrganizationRole!]! joinedAt: DateTime! user: User! }
  type OrganizationMemberEdge { cursor: String! node: OrganizationMember! }
  type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
  type OrganizationMemberConnection { edges: [OrganizationMemberEdge!]! pageInfo: PageInfo! }
  type Query { members(first: Int, after: String): OrganizationMemberConnection! }
`;

interface BareContext {
  organizationId?: string;
}

interface BareRow {
  user_id: string;
  roles: string[];
  created_at: Date;
  email: string;
  display_name: string;
  locale: string;
  user_created_at: Date;
}

// Same cursor format as the API's (base64url of the JSON [sort value, id]).
const cursorOf = (row: BareRow) => Buffer.from(JSON.stringify([row.created_at.toISOString(), row.user_id])).toString('base64url');

async function startBareServer(pool: Pool): Promise<{ url: string; close: () => Promise<void> }> {
  const fastify: FastifyInstance = Fastify({ logger: false });
  const apollo = new ApolloServer<BareContext>({
    typeDefs: BARE_TYPE_DEFS,
    resolvers: {
      // As in the API: upper-case GraphQL names over the stored language codes.
      Locale: { FR: 'fr', EN: 'en' },
      DateTime: new GraphQLScalarType({ name: 'DateTime', serialize: (value) => (value as Date).toISOString() }),
      Query: {
        members: async (_parent: unknown, args: { first?: number; after?: string }, ctx: BareContext) => {
          const size = args.first ?? 20;
          const params: unknown[] = [ctx.organizationId, size + 1];
          let where = 'm.organization_id = $1';
          if (args.after) {
            params.push(...(JSON.parse(Buffer.from(args.after, 'base64url').toString('utf8')) as [string, string]));
            where += ' AND (m.created_at, m.user_id) > ($3::timestamptz, $4::uuid)';
          }
          const { rows } = await pool.query<BareRow>(
            `SELECT m.user_id, m.roles, m.created_at, u.email, u.display_name, u.locale, u.created_at AS user_created_at
               FROM organization_memberships m JOIN users u ON u.id = m.user_id
              WHERE ${where} ORDER BY m.created_at, m.user_id LIMIT $2`,
            params,
          );
          const edges = rows.slice(0, size).map((r) => ({
            cursor: cursorOf(r),
            node: {
              userId: r.user_id,
              roles: r.roles,
              joinedAt: r.created_at,
              user: { id: r.user_id, email: r.email, displayName: r.display_name, locale: r.locale, createdAt: r.user_created_at },
            },
          }));
          return {
            edges,
            pageInfo: {
              hasNextPage: rows.length > size,
              hasPreviousPage: !!args.after,
              startCursor: edges[0]?.cursor ?? null,
              endCursor: edges[edges.length - 1]?.cursor ?? null,
            },
          };
        },
      },
    },
    plugins: [fastifyApolloDrainPlugin(fastify)],
  });
  await apollo.start();
  await fastify.register(fastifyApollo(apollo), {
    context: async (request: FastifyRequest) => {
      const header = request.headers['x-socle-organization'];
      return { organizationId: Array.isArray(header) ? header[0] : header };
    },
  });
  await fastify.listen({ port: 0, host: '127.0.0.1' });
  const { port } = fastify.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, close: () => fastify.close() };
}

// ---------------------------------------------------------------------------
// Set-up and tear-down.

async function seedMembers(admin: Pool, organizationId: string, count: number): Promise<void> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await admin.query(
    `INSERT INTO users (id, email, display_name, password_hash, locale)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])`,
    [
      ids,
      ids.map((_, i) => `member-${i + 1}@bench.example.test`),
      ids.map((_, i) => `Membre ${i + 1}`),
      ids.map(() => 'no-login'),
      ids.map((_, i) => (i % 3 === 0 ? 'en' : 'fr')),
    ],
  );
  // Distinct join times, oldest first, so pages are deterministic.
  await admin.query(
    `INSERT INTO organization_memberships (organization_id, user_id, roles, created_at)
     SELECT $1, t.u, string_to_array(t.r, ','), now() - make_interval(secs => t.n)
       FROM unnest($2::uuid[], $3::text[], $4::int[]) AS t(u, r, n)`,
    [organizationId, ids, ids.map((_, i) => ROLE_SETS[i % ROLE_SETS.length].join(',')), ids.map((_, i) => 10 * (count - i))],
  );
}

// ---------------------------------------------------------------------------
// Measurement.

interface Target {
  key: 'aFull' | 'aNoPark' | 'bBare' | 'cFull' | 'cBare';
  label: string;
  url: string;
  body: string;
  expectBody: string;
}

interface Sample extends LoadResult {
  /** CPU milliseconds per request of this process (the servers) and of the database's backends. */
  serverCpuMs: number;
  postgresCpuMs: number;
  loadCpuShare: number;
  machineBusy: number;
}

/** The machine's CPU ticks so far: this benchmark needs them (Linux). */
function ticksNow(): { busy: number; total: number } {
  const ticks = machineTicks();
  if (!ticks) throw new Error('/proc/stat cannot be read: this benchmark measures CPU on Linux');
  return ticks;
}

/** CPU seconds used so far by each backend serving `database` (both pools connect to it). */
async function backendCpu(admin: Pool, database: string): Promise<Map<number, number>> {
  const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [
    database,
  ]);
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    const micros = processCpuMicros(pid);
    // null: the backend ended, or PostgreSQL runs elsewhere: not counted
    if (micros !== null) cpu.set(pid, micros / 1e6);
  }
  return cpu;
}

type LoadMessage = { ready: true } | { ok: true; result: LoadResult } | { ok: false; id: number; error: string };

class LoadGenerator {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: LoadResult) => void; reject: (e: Error) => void }>();
  readonly ready: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    let markReady: () => void = () => undefined;
    this.ready = new Promise((resolve) => (markReady = resolve));
    child.on('message', (message: LoadMessage) => {
      if ('ready' in message) return markReady();
      const id = message.ok ? message.result.id : message.id;
      const waiter = this.pending.get(id);
      this.pending.delete(id);
      if (message.ok) waiter?.resolve(message.result);
      else waiter?.reject(new Error(`load generator: ${message.error}`));
    });
    child.on('exit', (code) => {
      markReady();
      for (const waiter of this.pending.values()) waiter.reject(new Error(`load generator exited (${code})`));
      this.pending.clear();
    });
  }

  static start(): LoadGenerator {
    // Explicit execArgv: profiling flags given to this process stay on the server side.
    const child = fork(path.resolve(__dirname, 'load-generator.ts'), [], {
      cwd: ROOT,
      execArgv: ['-r', '@swc-node/register'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new LoadGenerator(child);
  }

  run(request: Omit<LoadRequest, 'id'>): Promise<LoadResult> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ ...request, id });
    });
  }

  stop(): void {
    if (this.child.connected) this.child.disconnect();
    if (this.child.exitCode === null) this.child.kill();
  }
}

interface Probe {
  admin: Pool;
  database: string;
}

async function measure(
  load: LoadGenerator,
  target: Target,
  headers: Record<string, string>,
  seconds: number,
  probe: Probe,
): Promise<Sample> {
  const backendsBefore = await backendCpu(probe.admin, probe.database);
  const cpuBefore = process.cpuUsage();
  const ticksBefore = ticksNow();
  const result = await load.run({
    url: target.url,
    headers,
    body: target.body,
    expectBody: target.expectBody,
    connections: CONNECTIONS,
    seconds,
  });
  const cpu = process.cpuUsage(cpuBefore);
  const ticksAfter = ticksNow();
  let postgresSeconds = 0;
  for (const [pid, used] of await backendCpu(probe.admin, probe.database)) postgresSeconds += used - (backendsBefore.get(pid) ?? 0);
  const requests = Math.max(1, result.requests);
  return {
    ...result,
    serverCpuMs: (cpu.user + cpu.system) / 1e3 / requests,
    postgresCpuMs: (postgresSeconds * 1e3) / requests,
    loadCpuShare: result.cpuSeconds / result.seconds,
    machineBusy: (ticksAfter.busy - ticksBefore.busy) / Math.max(1, ticksAfter.total - ticksBefore.total),
  };
}

/** Share of the machine busy with other work while nothing of this run is under load. */
async function backgroundBusy(ms: number): Promise<number> {
  const before = ticksNow();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = ticksNow();
  return (after.busy - before.busy) / Math.max(1, after.total - before.total);
}

async function post(url: string, headers: Record<string, string>, body: string): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 300)}`);
  const parsed = JSON.parse(text) as { errors?: unknown[] };
  if (parsed.errors?.length) throw new Error(`${url} answered with errors: ${text.slice(0, 300)}`);
  return text;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const pct = (share: number) => `${(share * 100).toFixed(0)} %`;
const pad = (value: string, width: number) => value.padStart(width);
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

// ---------------------------------------------------------------------------

/**
 * BENCH_PROFILE=<target key> (aFull, bBare, cFull, cBare) records a CPU profile of this
 * process during that target's measured runs, for Chrome DevTools or any .cpuprofile viewer.
 */
async function startProfile(): Promise<() => Promise<string>> {
  const session = new inspector.Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
  await post('Profiler.enable');
  await post('Profiler.start');
  return async () => {
    const { profile } = await post<{ profile: object }>('Profiler.stop');
    session.disconnect();
    const file = path.join(os.tmpdir(), `socle-bench-${Date.now()}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    return file;
  };
}

async function main(): Promise<void> {
  const run = startBenchRun();
  const { database, queuePrefix, redisUrl } = run;

  try {
    const started = Date.now();
    const ownerUrl = provisionDatabase(run);
    run.onCleanUp(() => deleteRedisKeys(redisUrl, [`${queuePrefix}:*`, `\\{${queuePrefix}\\}:*`]));

    const env: Record<string, string> = {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl('socle_app', database),
      DATABASE_OWNER_URL: ownerUrl,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: queuePrefix,
      JWT_SECRET: process.env.JWT_SECRET ?? `bench-jwt-secret-${randomBytes(24).toString('hex')}`,
      API_KEY_PEPPER: process.env.API_KEY_PEPPER ?? `bench-api-key-pepper-${randomBytes(24).toString('hex')}`,
      // Key ring for credentials at rest (nothing is encrypted during the run, but the app needs one to start).
      ENCRYPTION_KEYS: process.env.ENCRYPTION_KEYS ?? `bench:${randomBytes(32).toString('base64')}`,
      ...(process.env.ENCRYPTION_ACTIVE_KEY ? { ENCRYPTION_ACTIVE_KEY: process.env.ENCRYPTION_ACTIVE_KEY } : {}),
      // Only the seeding signs up: a cheap hash keeps the set-up short and changes nothing in the measured path.
      SCRYPT_LOG_N: '10',
      LOG_LEVEL: 'warn',
      // The limiter stays on (its Redis round trip is part of every request) but never refuses during the run.
      RATE_LIMIT_USER_PER_MINUTE: '10000000',
    };
    const api = await TestApi.start(env);
    run.onCleanUp(() => api.stop());
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    const fullUrl = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}/graphql`;
    const poolSize = api.config.DATABASE_POOL_SIZE;
    // The same stack with parked read-only transactions turned off: each query ends with its own COMMIT round trip.
    const noPark = await TestApi.start(env);
    run.onCleanUp(() => noPark.stop());
    setReadOnlyParking(noPark.app.get<DataSource>(DATA_SOURCE), false);
    await noPark.app.listen({ port: 0, host: '127.0.0.1' });
    const noParkUrl = `http://127.0.0.1:${(noPark.server.address() as AddressInfo).port}/graphql`;

    const admin = new Pool({ connectionString: databaseUrl(new URL(adminUrl()).username || 'postgres', database), max: poolSize });
    run.onCleanUp(() => admin.end());
    const session = await signUpAgency(api, 'Agence Banc');
    const organizationId = await createOrganization(api, session, 'Client Banc');
    await seedMembers(admin, organizationId, MEMBERS);
    await admin.query('ANALYZE');
    const bare = await startBareServer(admin);
    run.onCleanUp(() => bare.close());

    const headers = {
      'content-type': 'application/json',
      authorization: `Bearer ${session.token}`,
      'x-socle-organization': organizationId,
    };
    const listBody = JSON.stringify({ query: LIST_QUERY });
    const typenameBody = JSON.stringify({ query: TYPENAME_QUERY });

    // Fairness check: both sides must give the very same data, byte for byte (the full stack adds its own
    // extensions.cost, the cost and budget every answer carries; producing it is part of what is measured).
    const fullList = withoutExtensions(await post(fullUrl, headers, listBody));
    const bareList = await post(bare.url, headers, listBody);
    if (fullList !== bareList)
      throw new Error(`the baseline answers differently:\nfull: ${fullList.slice(0, 400)}\nbare: ${bareList.slice(0, 400)}`);
    const edges = (JSON.parse(fullList) as { data: { members: { edges: unknown[] } } }).data.members.edges.length;
    if (edges !== 20) throw new Error(`expected 20 members on the page, got ${edges}`);
    const fullTypename = withoutExtensions(await post(fullUrl, headers, typenameBody));
    const bareTypename = await post(bare.url, headers, typenameBody);
    if (fullTypename !== bareTypename) throw new Error(`__typename answers differ: ${fullTypename} / ${bareTypename}`);

    // Statements per list request, by page size (sequential, nothing else runs).
    const statements: { size: number; perRequest: number }[] = [];
    const deferredBefore = statementCounter.deferredCommits;
    for (const size of PAGE_SIZES) {
      const body = JSON.stringify({ query: listQuery(size) });
      await post(fullUrl, headers, body);
      const before = statementCounter.count;
      for (let i = 0; i < STATEMENT_SAMPLES; i++) await post(fullUrl, headers, body);
      statements.push({ size, perRequest: (statementCounter.count - before) / STATEMENT_SAMPLES });
    }
    const deferredCount = statementCounter.deferredCommits - deferredBefore;

    const targets: Target[] = [
      { key: 'aFull', label: '(a) members(first: 20), full stack', url: fullUrl, body: listBody, expectBody: fullList },
      { key: 'aNoPark', label: "(a') the same, parking off", url: noParkUrl, body: listBody, expectBody: fullList },
      { key: 'bBare', label: '(b) members(first: 20), bare', url: bare.url, body: listBody, expectBody: bareList },
      { key: 'cFull', label: '(c) { __typename }, full stack', url: fullUrl, body: typenameBody, expectBody: fullTypename },
      { key: 'cBare', label: '(c) { __typename }, bare', url: bare.url, body: typenameBody, expectBody: bareTypename },
    ];

    // The load generator is a child process, not this process: in-process, autocannon would share the
    // server's single event loop and its CPU time would be charged to the stack under test. As a
    // separate process it is scheduled on the other core; its CPU share is printed to show it is not
    // the bottleneck (it needs a fraction of what the servers do per request).
    const load = LoadGenerator.start();
    run.onCleanUp(() => load.stop());
    const setupSeconds = (Date.now() - started) / 1000;

    await load.ready;
    const probe = { admin, database };
    const background = await backgroundBusy(1000);
    for (const target of targets) await measure(load, target, headers, WARMUP_SECONDS, probe);
    const samples: Record<Target['key'], Sample[]> = { aFull: [], aNoPark: [], bBare: [], cFull: [], cBare: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of targets) {
        const profiling = process.env.BENCH_PROFILE === target.key ? await startProfile() : undefined;
        samples[target.key].push(await measure(load, target, headers, SECONDS, probe));
        if (profiling) process.stderr.write(`CPU profile of ${target.key}: ${await profiling()}\n`);
      }
    }

    // -------------------------------------------------------------------------
    const cpus = os.cpus();
    const pgVersion = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
    const out: string[] = [];
    out.push('');
    out.push(
      `API list benchmark: ${CONNECTIONS} connections, warm-up ${WARMUP_SECONDS} s per target, ${ROUNDS} interleaved rounds of ${SECONDS} s, medians`,
    );
    out.push(
      `Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version} (NODE_ENV=${process.env.NODE_ENV}), PostgreSQL ${pgVersion}, DB pool ${poolSize} on each side; ${MEMBERS} members; set-up ${setupSeconds.toFixed(1)} s`,
    );
    out.push(
      `Background load before the run: ${pct(background)} of the machine busy with other work${background > 0.15 ? ' (other processes compete: figures are noisier than usual)' : ''}`,
    );
    if (cpus.length <= 4) {
      out.push(
        `CPU caveat: ${cpus.length} cores are shared by the server (one Node thread), PostgreSQL, Redis and the load generator.`,
        '  Absolute figures are not a capacity; the ratios compare both stacks under the same constraint. The full stack',
        '  also spends more CPU in PostgreSQL and Redis (more round trips), which here competes with Node for the same cores.',
      );
    }
    out.push('');
    out.push(
      `${'target'.padEnd(38)}${pad('req/s', 9)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('node CPU', 10)}${pad('pg CPU', 9)}${pad('loadgen', 9)}${pad('machine', 9)}   rounds (req/s)`,
    );
    const summary = {} as Record<Target['key'], { rps: number; p50: number; p99: number }>;
    for (const target of targets) {
      const s = samples[target.key];
      const row = {
        rps: median(s.map((x) => x.requestsPerSecond)),
        p50: median(s.map((x) => x.p50Ms)),
        p99: median(s.map((x) => x.p99Ms)),
      };
      summary[target.key] = row;
      out.push(
        `${target.label.padEnd(38)}${pad(row.rps.toFixed(0), 9)}${pad(row.p50.toFixed(1), 9)}${pad(row.p99.toFixed(1), 9)}` +
          `${pad(median(s.map((x) => x.serverCpuMs)).toFixed(2), 10)}${pad(median(s.map((x) => x.postgresCpuMs)).toFixed(2), 9)}${pad(pct(median(s.map((x) => x.loadCpuShare))), 9)}` +
          `${pad(pct(median(s.map((x) => x.machineBusy))), 9)}   ${s.map((x) => x.requestsPerSecond.toFixed(0)).join(' / ')}`,
      );
      const bad = s.reduce((n, x) => n + x.non2xx + x.errors + x.timeouts + x.mismatches, 0);
      if (bad > 0) {
        out.push(
          `  ! ${bad} answers were not the expected 200 body (non-2xx ${s.reduce((n, x) => n + x.non2xx, 0)}, errors ${s.reduce((n, x) => n + x.errors, 0)}, mismatches ${s.reduce((n, x) => n + x.mismatches, 0)})`,
        );
      }
    }
    out.push('  node CPU / pg CPU: CPU ms per request of the server process and of the database backends; loadgen: load generator,');
    out.push('  % of one core; machine: all cores busy, % of the machine.');
    out.push('');
    out.push(`SQL statements per list request on the full stack (${STATEMENT_SAMPLES} sequential requests each):`);
    out.push(`  ${statements.map((s) => `first: ${s.size} -> ${s.perRequest.toFixed(2)}`).join(', ')}`);
    out.push(`  (open with the tenant set and the membership checked, then the page; a query's read-only transaction ends in the`);
    out.push(`  next opening round trip: ${deferredCount} of them ended on a timer instead, when no request came within 25 ms)`);
    out.push('');

    const listThroughput = summary.aFull.rps / summary.bBare.rps;
    const listP99 = summary.aFull.p99 / summary.bBare.p99;
    const typenameThroughput = summary.cFull.rps / summary.cBare.rps;
    const parkingGain = summary.aFull.rps / summary.aNoPark.rps;
    const parkingRounds = samples.aFull.map((x, i) => x.requestsPerSecond / samples.aNoPark[i].requestsPerSecond);
    const constant = statements.every((s) => s.perRequest === statements[0].perRequest);
    out.push('Targets');
    out.push(
      `  (a)/(b) throughput        ${listThroughput.toFixed(2).padStart(6)}   target >= ${TARGET_LIST_THROUGHPUT.toFixed(2)}   ${verdict(listThroughput >= TARGET_LIST_THROUGHPUT)}`,
    );
    out.push(
      `  (a)/(b) p99               ${listP99.toFixed(2).padStart(6)}   target <= ${TARGET_LIST_P99.toFixed(2)}   ${verdict(listP99 <= TARGET_LIST_P99)}`,
    );
    out.push(
      `  (c) full/bare throughput  ${typenameThroughput.toFixed(2).padStart(6)}   target >= ${TARGET_TYPENAME_THROUGHPUT.toFixed(2)}   ${verdict(typenameThroughput >= TARGET_TYPENAME_THROUGHPUT)}`,
    );
    out.push(
      `  (a)/(a') parking gain     ${parkingGain.toFixed(2).padStart(6)}   per round ${parkingRounds.map((r) => r.toFixed(2)).join(' / ')}; (a')/(b) ${(summary.aNoPark.rps / summary.bBare.rps).toFixed(2)}, p99 ${(summary.aNoPark.p99 / summary.bBare.p99).toFixed(2)}`,
    );
    out.push(
      `  statements per request    ${statements.map((s) => s.perRequest.toFixed(2)).join(' / ')}   target: equal for pages of ${PAGE_SIZES.join(', ')}   ${verdict(constant)}`,
    );
    out.push('');
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    await run.cleanUp();
  }
}

runBenchMain(main, 'api-list');
