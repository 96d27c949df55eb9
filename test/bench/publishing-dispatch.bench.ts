/**
 * Publishing dispatch: 10,000 publications across 100 organisations, all due
 * at the same second, published by the real worker (in process: its modules,
 * its queue, its claim with a lease, the connector) to the loopback Mastodon
 * instance, which runs in a child process (loopback-mastodon-process.ts): it
 * answers from another core, as a network would, and its memory is not the
 * worker's. Prints:
 *
 *   - the time from the due second until every publication is PUBLISHED;
 *   - publications per second, and that throughput as a ratio of a bare BullMQ
 *     queue whose no-op processor handles 10,000 jobs at the same concurrency,
 *     measured in the same run against the same Redis: once before the rounds,
 *     in each round's lead time (the worker waiting, its wake-ups not yet
 *     due), and twice after them. Each round's ratio is given against the bare
 *     queue measured just before it (the machine as it was then: a shared
 *     host's speed drifts by tens of percent within minutes) and against the
 *     fastest of all the measures (a machine busy at one moment, the database
 *     vacuuming what the rounds wrote, never flatters that one);
 *   - the CPU each part spent per publication: the worker's process, the
 *     loopback instance, PostgreSQL's backends for the worker (read from /proc
 *     where the server runs on this machine), and the machine's busy share;
 *   - the network exchange alone, in each round's lead time: the Mastodon
 *     connector posting 10,000 statuses to the same instance with as many calls
 *     in flight as the worker has (concurrency × lanes), with no queue and no
 *     database; and from it the ratio's ceiling on this machine: the
 *     publications per second both cores would give if the worker did nothing
 *     but that exchange and PostgreSQL did what the round measured, against
 *     the bare queue just before (with the worker's own CPU beyond the
 *     exchange, what the dispatch adds on the worker's side);
 *   - the peak RSS of the worker's process, next to its RSS before the run;
 *   - SQL statements per publication (statementCounter: claim, reads, record,
 *     attempt, item moves, audit, and the sweeper's share).
 *
 * The publications are written as the database owner in a few statements
 * (items, variants, publications); each gets the delayed wake-up that
 * scheduling queues (PublicationWakeups.wake), so the run starts as the
 * scheduling path leaves it. No assertion on time: figures to compare.
 *
 *   node -r @swc-node/register test/bench/publishing-dispatch.bench.ts      (npm run bench:publishing)
 *   BENCH_PUBLICATIONS=10000 BENCH_ORGS=100                                  (the defaults)
 *   BENCH_CONCURRENCY                                                        (default: the worker's, PUBLISHING_CONCURRENCY)
 *   BENCH_LATENCY_MS=200                                                     (every answer of the instance waits that long)
 *
 * Needs PostgreSQL (superuser postgres@127.0.0.1:5432, or SOCLE_PG_ADMIN_URL) and
 * Redis (REDIS_URL). Creates its own database and drops it at the end, and
 * removes its Redis keys.
 */
import './production-env';
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { Queue, Worker } from 'bullmq';
import { Pool } from 'pg';
import { CredentialVault } from '@socle/community';
import { createHttpClient } from '@socle/connector-sdk';
import { MastodonConnector } from '@socle/plugin-mastodon';
import { Budget, PublicationWakeups, PublishPublicationJob } from '@socle/content';
import { loadConfig } from '@socle/platform-config';
import { statementCounter } from '@socle/platform-database';
import { bullPrefix, createRedis, duplicateFor } from '@socle/platform-queue';
import { adminUrl, databaseUrl } from '@socle/testing';
import { createWorker } from '@socle/worker';
import { LoopbackMastodon } from './loopback-mastodon-process';
import { deleteRedisKeys, provisionDatabase, runBenchMain, seedDuePublications, startBenchRun } from './bench-run';
import { machineTicks, processCpuMicros } from './proc-cpu';

const PUBLICATIONS = Number(process.env.BENCH_PUBLICATIONS ?? 10_000);
const ORGS = Number(process.env.BENCH_ORGS ?? 100);
/** Every answer of the loopback instance waits this long, as a distant instance's would (0: none). */
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 0);
const AGENCIES = 10;
/** A warm-up round of its own organisations before the measured one (0: none). */
const WARMUP = Number(process.env.BENCH_WARMUP ?? PUBLICATIONS);
/** Measured rounds after it, each with organisations of its own; the median ratio is the figure. */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
/** How far ahead of seeding a round's publications are due. */
const LEAD_MS = 10_000;

/** Samples the process's RSS every 50 ms until stopped; returns the peak. */
function rssSampler(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

/**
 * The CPU PostgreSQL spent for the worker: its backends on the run's database (the benchmark's own connections, as
 * the database owner, left out), read from /proc when the server runs on this machine (a remote one gives null). A
 * backend that ended meanwhile is missed; none does during a round.
 */
async function databaseCpuMicros(admin: Pool, database: string): Promise<Map<number, number> | null> {
  const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND usename <> current_user', [
    database,
  ]);
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    const micros = processCpuMicros(pid);
    if (micros === null) return null;
    cpu.set(pid, micros);
  }
  return cpu;
}

/** CPU used between two readings of `databaseCpuMicros` (a backend opened between them counts from zero). */
function databaseCpuBetween(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (!before || !after) return null;
  let micros = 0;
  for (const [pid, value] of after) micros += value - (before.get(pid) ?? 0);
  return micros;
}

/** A bare BullMQ queue: `count` jobs added in bulk, a no-op processor at `concurrency`; seconds until all completed. */
async function bareQueueSeconds(redisUrl: string, prefix: string, count: number, concurrency: number): Promise<number> {
  const connection = createRedis({ url: redisUrl, clusterNodes: process.env.REDIS_CLUSTER_NODES }, 'queue');
  const queue = new Queue('noop', { connection, prefix });
  for (let i = 0; i < count; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, count - i) }, (_, j) => ({
        name: 'noop',
        data: { organizationId: 'x', n: i + j },
        opts: { jobId: `noop-${i + j}`, removeOnComplete: true, removeOnFail: true },
      })),
    );
  }
  let done = 0;
  const started = process.hrtime.bigint();
  const finished = new Promise<void>((resolve) => {
    const worker = new Worker('noop', async () => undefined, {
      connection: duplicateFor(connection, 'queue'),
      prefix,
      concurrency,
    });
    worker.on('completed', () => {
      done += 1;
      if (done === count) void worker.close().then(() => resolve());
    });
  });
  await finished;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await queue.close();
  connection.disconnect();
  return seconds;
}

/**
 * The network exchange alone: the Mastodon connector posts `count` statuses to the instance, `inFlight` calls at once,
 * over the accounts' tokens in turn, with no queue and no database. Its rate, and the CPU it took per post on each side.
 */
async function networkExchange(
  mastodon: LoopbackMastodon,
  tokens: string[],
  label: string,
  count: number,
  inFlight: number,
): Promise<{ perSecond: number; clientMicros: number; instanceMicros: number }> {
  const connector = new MastodonConnector();
  const ctx = { http: createHttpClient({ timeoutMs: 10_000, outbound: { allowedRanges: ['127.0.0.0/8', '::1/128'] } }) };
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const instanceBefore = await mastodon.cpuMicros();
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: Math.min(inFlight, count) }, async () => {
      for (let i = next++; i < count; i = next++) {
        const credentials = { serviceUrl: mastodon.baseUrl, secrets: { accessToken: tokens[i % tokens.length] } };
        const post = await connector.publish(ctx, credentials, {
          variant: { text: `Exchange ${label} ${i}: bonjour https://socle.example/p/${i} #bench` },
          idempotencyKey: `exchange-${label}-${i}`,
        });
        if (!post.externalId) throw new Error('the instance gave no id');
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    perSecond: count / seconds,
    clientMicros: (cpu.user + cpu.system) / count,
    instanceMicros: ((await mastodon.cpuMicros()) - instanceBefore) / count,
  };
}

async function main(): Promise<void> {
  const run = startBenchRun();
  const { database, queuePrefix, redisUrl } = run;

  try {
    provisionDatabase(run);
    const admin = new Pool({ connectionString: databaseUrl(new URL(adminUrl()).username || 'postgres', database), max: 4 });
    run.onCleanUp(() => admin.end());

    run.onCleanUp(() => deleteRedisKeys(redisUrl, [`${queuePrefix}:*`, `${queuePrefix}-noop:*`]));

    const mastodon = await LoopbackMastodon.start({ answerDelayMs: LATENCY_MS });
    run.onCleanUp(() => mastodon.close());
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl('socle_app', database),
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: queuePrefix,
      JWT_SECRET: `bench-jwt-secret-${randomBytes(24).toString('hex')}`,
      API_KEY_PEPPER: `bench-api-key-pepper-${randomBytes(24).toString('hex')}`,
      ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
      // The loopback instance stands for the network; the guard refuses loopback otherwise.
      OUTBOUND_ALLOWED_RANGES: '127.0.0.0/8,::1/128',
      CONNECTOR_TIMEOUT_MS: '10000',
      LOG_LEVEL: 'warn',
    });

    // The bare queue first, alone on the machine (and again after the rounds: the faster of the two is the baseline).
    // The worker's own concurrency for publishing wake-ups, for the bare queue as for the worker.
    const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? config.PUBLISHING_CONCURRENCY);
    const bareBefore = await bareQueueSeconds(redisUrl, bullPrefix(`${queuePrefix}-noop`, 'noop'), PUBLICATIONS, CONCURRENCY);

    const rssBefore = process.memoryUsage().rss;
    const worker = await createWorker(config, { concurrency: CONCURRENCY, reconcileEveryMs: 3600_000 });
    let workerClosed: Promise<void> | undefined;
    const closeWorker = () => (workerClosed ??= worker.close());
    run.onCleanUp(closeWorker);
    const vault = worker.context.get(CredentialVault, { strict: false });
    const wakeups = worker.context.get(PublicationWakeups, { strict: false });
    // The dispatch's settings, to try others: BENCH_LANES, BENCH_BATCH_SIZE, BENCH_RECORD_EVERY, BENCH_RECORD_AFTER_MS,
    // BENCH_DATABASE_TURNS.
    const job = worker.context.get(PublishPublicationJob, { strict: false });
    job.lanes = Number(process.env.BENCH_LANES ?? job.lanes);
    job.batchSize = Number(process.env.BENCH_BATCH_SIZE ?? job.batchSize);
    job.recordEvery = Number(process.env.BENCH_RECORD_EVERY ?? job.recordEvery);
    job.recordAfterMs = Number(process.env.BENCH_RECORD_AFTER_MS ?? job.recordAfterMs);
    if (process.env.BENCH_DATABASE_TURNS) job.databaseTurns = new Budget(Number(process.env.BENCH_DATABASE_TURNS));

    // The exchange's own accounts on the instance, and a first run of it to open its connections and compile its code.
    const exchangeTokens = await Promise.all(Array.from({ length: ORGS }, (_, i) => mastodon.createAccessToken(`exchange${i}`)));
    const inFlight = CONCURRENCY * job.lanes;
    await networkExchange(mastodon, exchangeTokens, 'warm-up', 2000, inFlight);

    type Account = { org: string; id: string; ciphertext: string; keyId: string; handle: string };
    /** `count` organisations, one connected Mastodon account each (credentials sealed for their row, as connecting does). */
    const seedOrganizations = async (round: string, count: number): Promise<Account[]> => {
      const agencies = (
        await admin.query<{ id: string }>(`INSERT INTO agencies (name) SELECT 'Agence ' || g FROM generate_series(1, $1) g RETURNING id`, [
          AGENCIES,
        ])
      ).rows.map((r) => r.id);
      const orgs = (
        await admin.query<{ id: string }>(
          `INSERT INTO organizations (agency_id, name) SELECT ($1::uuid[])[1 + g % $3], 'Client ' || g FROM generate_series(1, $2) g RETURNING id`,
          [agencies, count, AGENCIES],
        )
      ).rows.map((r) => r.id);
      const accounts: Account[] = await Promise.all(
        orgs.map(async (org, i) => {
          const id = randomUUID();
          const handle = `${round}${i}`;
          const accessToken = await mastodon.createAccessToken(handle);
          const sealed = vault.seal(org, id, { serviceUrl: mastodon.baseUrl, secrets: { accessToken } });
          return { org, id, ciphertext: sealed.ciphertext, keyId: sealed.keyId, handle };
        }),
      );
      await admin.query(
        `INSERT INTO network_accounts (organization_id, id, network, handle, service_url, credentials_ciphertext, credentials_key_id)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
        [
          accounts.map((a) => a.org),
          accounts.map((a) => a.id),
          accounts.map(() => 'mastodon'),
          accounts.map((a) => a.handle),
          accounts.map(() => mastodon.baseUrl),
          accounts.map((a) => a.ciphertext),
          accounts.map((a) => a.keyId),
        ],
      );
      return accounts;
    };

    /**
     * One round: its own organisations, `count` publications spread over them, all due at the same second (far enough
     * ahead for the wake-ups to be queued first); measured from that second until every one of them is PUBLISHED.
     */
    const runRound = async (round: string, count: number) => {
      const seedStarted = Date.now();
      const accounts = await seedOrganizations(round, ORGS);
      const dueAt = new Date(Math.ceil((Date.now() + LEAD_MS) / 1000) * 1000);
      const publications = await seedDuePublications(
        admin,
        accounts.map((a) => a.org),
        accounts.map((a) => a.id),
        count,
        dueAt,
      );
      for (let i = 0; i < publications.length; i += 200) {
        await Promise.all(publications.slice(i, i + 200).map((p) => wakeups.wake(p.organization_id, dueAt)));
      }
      const seedSeconds = (Date.now() - seedStarted) / 1000;
      // The bare queue as the machine is now, while the worker waits for the round's wake-ups to fall due.
      const bareSeconds = await bareQueueSeconds(redisUrl, bullPrefix(`${queuePrefix}-noop`, 'noop'), PUBLICATIONS, CONCURRENCY);
      // The network exchange alone, as the machine is now.
      const exchange = await networkExchange(mastodon, exchangeTokens, round, PUBLICATIONS, inFlight);
      if (Date.now() >= dueAt.getTime()) throw new Error('seeding and the bare queue took longer than the lead time: raise it');
      const orgIds = accounts.map((a) => a.org);
      const publishedOfRound = async () =>
        Number(
          (
            await admin.query<{ n: string }>(
              "SELECT count(*) AS n FROM publications WHERE organization_id = ANY($1::uuid[]) AND status = 'PUBLISHED'",
              [orgIds],
            )
          ).rows[0].n,
        );
      const postsBefore = await mastodon.statusCount();

      await new Promise((resolve) => setTimeout(resolve, dueAt.getTime() - Date.now()));
      const statementsBefore = statementCounter.count;
      const rss = rssSampler();
      const cpuBefore = process.cpuUsage();
      const networkCpuBefore = await mastodon.cpuMicros();
      const databaseCpuBefore = await databaseCpuMicros(admin, database);
      const machineBefore = machineTicks();
      // Watched from the network's side while the posts go out (the instance counts them; the database is left to the
      // worker), then from the database until every one is recorded PUBLISHED.
      const progress: string[] = [];
      let lastReport = Date.now();
      const watch = async (what: string, done: () => Promise<number>, everyMs: number) => {
        for (let n = 0; n < count;) {
          await new Promise((resolve) => setTimeout(resolve, everyMs));
          n = await done();
          if (Date.now() - lastReport >= 10_000) {
            lastReport = Date.now();
            progress.push(`${((Date.now() - dueAt.getTime()) / 1000).toFixed(0)} s: ${n} ${what}`);
          }
          if (Date.now() - dueAt.getTime() > 30 * 60_000) throw new Error(`not all ${what} after 30 minutes (${n})`);
        }
      };
      await watch('posted', async () => (await mastodon.statusCount()) - postsBefore, 20);
      await watch('recorded', publishedOfRound, 20);
      const peakRss = rss.stop();
      const cpu = process.cpuUsage(cpuBefore);
      const networkCpu = (await mastodon.cpuMicros()) - networkCpuBefore;
      const machineAfter = machineTicks();
      const databaseCpu = databaseCpuBetween(databaseCpuBefore, await databaseCpuMicros(admin, database));
      const machineBusy =
        machineBefore && machineAfter ? (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total) : null;
      const statements = statementCounter.count - statementsBefore;
      // The end: when the last of them was recorded (its attempt's finish, by the database's clock, on this machine).
      const { rows: outcomes } = await admin.query<{ outcome: string; n: string; last: Date }>(
        `SELECT outcome, count(*) AS n, max(finished_at) AS last FROM publication_attempts WHERE organization_id = ANY($1::uuid[])
          GROUP BY outcome ORDER BY outcome`,
        [orgIds],
      );
      const last = Math.max(...outcomes.map((o) => o.last.getTime()));
      const seconds = (last - dueAt.getTime()) / 1000;
      const cpuSeconds = (Date.now() - dueAt.getTime()) / 1000;
      return {
        count,
        dueAt,
        seedSeconds,
        bareSeconds,
        exchange,
        seconds,
        cpuSeconds,
        progress,
        peakRss,
        cpu,
        networkCpu,
        databaseCpu,
        machineBusy,
        statements,
        outcomes,
      };
    };

    const warm = WARMUP > 0 ? await runRound('warmup', WARMUP) : null;
    const measured: Awaited<ReturnType<typeof runRound>>[] = [];
    for (let i = 0; i < ROUNDS; i++) measured.push(await runRound(`client${i}-`, PUBLICATIONS));
    const posts = await mastodon.statusCount();
    await closeWorker();
    // Twice after: the database's autovacuum of what the rounds wrote may run during one of them.
    const bareAfter: number[] = [];
    for (let i = 0; i < 2; i++)
      bareAfter.push(await bareQueueSeconds(redisUrl, bullPrefix(`${queuePrefix}-noop`, 'noop'), PUBLICATIONS, CONCURRENCY));
    const bareSeconds = Math.min(bareBefore, ...bareAfter, ...[warm, ...measured].flatMap((r) => (r ? [r.bareSeconds] : [])));
    const barePerSecond = PUBLICATIONS / bareSeconds;

    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
    const describe = (label: string, r: Awaited<ReturnType<typeof runRound>>) => {
      const perSecond = r.count / r.seconds;
      const cpuOf = (micros: number) =>
        `${(micros / 1e6).toFixed(1)} s (${((micros / 1e6 / r.cpuSeconds) * 100).toFixed(0)} % of one core)`;
      return [
        `  ${label}: ${r.count} publications across ${ORGS} organisations of their own, all due at ${r.dueAt.toISOString()}`,
        `    setup (items, variants, publications by SQL; one delayed wake-up each)  ${r.seedSeconds.toFixed(1)} s`,
        `    due second → all PUBLISHED                                             ${r.seconds.toFixed(2)} s  (${perSecond.toFixed(0)} publications/s)${r.progress.length ? `; ${r.progress.join(', ')}` : ''}`,
        `    bare queue in the round's lead time                                    ${r.bareSeconds.toFixed(2)} s (${(PUBLICATIONS / r.bareSeconds).toFixed(0)} jobs/s)`,
        `    dispatch throughput / bare queue: just before / the fastest            ${adjacentRatio(r).toFixed(3)} / ${(perSecond / barePerSecond).toFixed(3)}`,
        ...exchangeLines(r),
        `    RSS before the worker → peak during the round                          ${mb(rssBefore)} → ${mb(r.peakRss)} (the worker's process)`,
        `    CPU until all were seen PUBLISHED (${r.cpuSeconds.toFixed(1)} s): worker process ${cpuOf(r.cpu.user + r.cpu.system)}, loopback Mastodon ${cpuOf(r.networkCpu)}` +
          (r.databaseCpu === null ? '' : `, PostgreSQL backends ${cpuOf(r.databaseCpu)}`) +
          (r.machineBusy === null ? '' : `; the machine ${(r.machineBusy * 100).toFixed(0)} % busy (${cpus().length} cores)`),
        `    CPU per publication                                                    ${perPublication(r)}`,
        `    SQL statements per publication                                         ${(r.statements / r.count).toFixed(1)}`,
        `    attempts                                                               ${r.outcomes.map((o) => `${o.outcome}=${o.n}`).join(' ')}`,
      ];
    };
    /**
     * The exchange alone, and the ratio's ceiling: both cores fully busy, the worker doing nothing but the exchange's
     * client side, the instance its side, PostgreSQL what it did in the round.
     */
    const exchangeLines = (r: Awaited<ReturnType<typeof runRound>>) => {
      const { perSecond, clientMicros, instanceMicros } = r.exchange;
      const lines = [
        `    network exchange alone (${inFlight} calls in flight, no queue, no database)  ${perSecond.toFixed(0)} posts/s, ${(perSecond / (PUBLICATIONS / r.bareSeconds)).toFixed(3)} of the bare queue; CPU per post: client ${clientMicros.toFixed(0)} µs, instance ${instanceMicros.toFixed(0)} µs`,
      ];
      if (r.databaseCpu !== null) {
        const worker = (r.cpu.user + r.cpu.system) / r.count;
        const ceiling = (cpus().length * 1e6) / (clientMicros + instanceMicros + r.databaseCpu / r.count);
        lines.push(
          `    ceiling: the exchange + the round's PostgreSQL CPU on ${cpus().length} fully busy cores     ${ceiling.toFixed(0)} publications/s, ${(ceiling / (PUBLICATIONS / r.bareSeconds)).toFixed(3)} of the bare queue; the worker's CPU beyond the exchange ${(worker - clientMicros).toFixed(0)} µs per publication`,
        );
      }
      return lines;
    };
    const perPublication = (r: Awaited<ReturnType<typeof runRound>>) => {
      const us = (micros: number) => `${(micros / r.count).toFixed(0)} µs`;
      const worker = r.cpu.user + r.cpu.system;
      const parts = [`worker ${us(worker)}`, `network ${us(r.networkCpu)}`];
      if (r.databaseCpu !== null) parts.push(`PostgreSQL ${us(r.databaseCpu)}`, `together ${us(worker + r.networkCpu + r.databaseCpu)}`);
      return parts.join(', ');
    };
    const adjacentRatio = (r: Awaited<ReturnType<typeof runRound>>) => r.count / r.seconds / (PUBLICATIONS / r.bareSeconds);
    const medianOf = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
    const ratios = measured.map((r) => r.count / r.seconds / barePerSecond);
    const adjacent = measured.map(adjacentRatio);
    process.stdout.write(
      [
        `Publishing dispatch: worker concurrency ${CONCURRENCY} (in process), database turns ${job.databaseTurns.capacity}, lanes ${job.lanes}, batches of ${job.batchSize}, records every ${job.recordEvery} or ${job.recordAfterMs} ms; loopback Mastodon in a child process${LATENCY_MS ? `, answering after ${LATENCY_MS} ms` : ''}`,
        `  bare BullMQ no-op queue, ${PUBLICATIONS} jobs, concurrency ${CONCURRENCY}, before / after the rounds  ${bareBefore.toFixed(2)} / ${bareAfter.map((s) => s.toFixed(2)).join(', ')} s  (the fastest of these and the rounds' own: ${barePerSecond.toFixed(0)} jobs/s)`,
        ...(warm
          ? describe('warm-up round (a worker just started: its code not yet compiled by V8, its connections not yet open)', warm)
          : []),
        ...measured.flatMap((r, i) =>
          describe(`measured round ${i + 1} of ${measured.length} (the same worker, warm, as a running one is)`, r),
        ),
        `  dispatch throughput / bare queue just before, warm rounds              ${adjacent.map((r) => r.toFixed(3)).join(', ')} (median ${medianOf(adjacent).toFixed(3)}; target 0.25)`,
        `  dispatch throughput / the fastest bare queue, warm rounds              ${ratios.map((r) => r.toFixed(3)).join(', ')} (median ${medianOf(ratios).toFixed(3)}; target 0.25)`,
        `  posts on the instance                                                  ${posts} (for ${PUBLICATIONS * measured.length + WARMUP} publications)`,
        '',
      ].join('\n'),
    );
  } finally {
    await run.cleanUp();
  }
}

runBenchMain(main);
