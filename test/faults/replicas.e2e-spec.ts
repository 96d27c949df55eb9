import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import {
  NetworkHop,
  postsPerText,
  seedPublications,
  SeededPublication,
  sleep,
  statusCounts,
  until,
  WorkerProcess,
} from './support/fault-harness';
import { Scene } from './support/scene';
import { listenToWebhooks, WebhookReceiver } from '../e2e/webhook-receiver';

const ROOT = resolve(__dirname, '../..');
/** Organisations publishing, two Mastodon accounts each, and their publications each. */
const ORGANIZATIONS = 3;
const PER_ORGANIZATION = Number(process.env.FAULT_REPLICA_PUBLICATIONS ?? 40);
const WORKERS = 3;
const LEASE_MS = 4000;
/** The network holds its answer to a post this long: a worker killed meanwhile made a post it never recorded. */
const ANSWER_DELAY_MS = 250;

/** The API as its own process (its real entry point), on a free port. */
class ApiProcess {
  readonly output: string[] = [];
  readonly exited: Promise<number | null>;
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {
    this.exited = new Promise((done) => child.once('exit', (code) => done(code)));
  }

  static async start(env: Record<string, string>): Promise<ApiProcess> {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', resolve(ROOT, 'apps/api/src/main.ts')], {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    const keep = (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean).slice(-50));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const port = await new Promise<number>((found, failed) => {
      const timer = setTimeout(() => failed(new Error(`API not ready after 90 s:\n${lines.join('\n')}`)), 90_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        const m = chunk.toString('utf8').match(/listening on http:\/\/127\.0\.0\.1:(\d+)\//);
        if (m) {
          clearTimeout(timer);
          found(Number(m[1]));
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        failed(new Error(`API exited (${code}) before it was ready:\n${lines.join('\n')}`));
      });
    });
    const api = new ApiProcess(child, port);
    api.output.push(...lines);
    return api;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/graphql`;
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}

/**
 * Replicas: two API processes and three worker processes on the same PostgreSQL
 * and Redis, while publications go out (through a hop that strips Mastodon's
 * idempotency key, so only the lease and `findPublished` prevent a second
 * post), webhook deliveries follow them, a listening query comes due, the
 * nightly live scores come due, an organisation's deletion is purged, and
 * requests come in on both APIs. One
 * worker and one API are killed with SIGKILL mid-work, another worker stopped
 * with SIGTERM while it holds publications. Then: every publication PUBLISHED
 * and posted exactly once, every publication.published event delivered, the
 * network's posts heard once by one run of the query, one live score per
 * organisation for the night, the organisation purged, every
 * write an API acknowledged stored once, the stopped worker exited 0.
 */
describe('two APIs and three workers on the same PostgreSQL and Redis', () => {
  let scene: Scene;
  let hop: NetworkHop;
  let receiver: WebhookReceiver;
  const apis: ApiProcess[] = [];
  const workers: WorkerProcess[] = [];
  /** The requests on both APIs go on while true (stopped by the test, or after it whatever happened). */
  let writing = false;

  beforeAll(async () => {
    scene = await Scene.start();
    hop = await NetworkHop.start(scene.mastodon.baseUrl, { delayMs: ANSWER_DELAY_MS, stripIdempotencyKey: true });
    receiver = await new WebhookReceiver().start();
  }, 120_000);
  afterAll(async () => {
    writing = false;
    await Promise.all(workers.map((w) => w.kill()));
    await Promise.all(apis.map((a) => a.kill()));
    await receiver?.stop();
    await hop?.close();
    await scene?.close();
  });

  it('does every job once, loses nothing, and takes over what a killed replica held', async () => {
    const { admin, owner } = scene;
    // Three organisations publishing (the first listening to its publications' webhooks, the last to the network); a fourth about to be deleted.
    const orgs: string[] = [];
    for (let o = 0; o < ORGANIZATIONS; o++) orgs.push(await scene.organization(`Boulangerie Réplique ${o}`));
    const leaving = await scene.organization('Client qui part');
    await listenToWebhooks(scene.api, owner, orgs[0], receiver, ['publication.published']);
    const usernames: string[] = [];
    const accounts: string[][] = [];
    for (const [o, org] of orgs.entries()) {
      const list: string[] = [];
      for (let a = 0; a < 2; a++) {
        const username = Scene.username(`replica-${o}-${a}`);
        usernames.push(username);
        list.push(await scene.connect(org, username, hop.baseUrl));
      }
      accounts.push(list);
    }
    // The night's live scores are due for organisations that existed before the slot (00:00 UTC today).
    await admin.query(`UPDATE organizations SET created_at = now() - interval '2 days' WHERE id = ANY($1::uuid[])`, [[...orgs, leaving]]);

    // Listening: a query of the third organisation, due at once, over posts a passer-by made on the network.
    const passerBy = Scene.username('passante');
    const heard = Array.from({ length: 5 }, (_, i) => `La brioche réplique numéro ${i} est excellente`);
    for (const text of heard) scene.mastodon.postAs(passerBy, text);
    const listening = orgs[2];
    const { createListeningQuery } = await scene.api.ok<{ createListeningQuery: { id: string } }>(
      'mutation ($input: CreateListeningQueryInput!) { createListeningQuery(input: $input) { id } }',
      { input: { kind: 'BRAND', name: 'Brioche', query: 'brioche', sources: ['mastodon'] } },
      { token: owner.token, organizationId: listening },
    );
    // Five processes on two cores: the network gets 5 s, so that a listening source is not timed out into a retry run
    // (a second run of the query, rightly counted, that this test's count of one would take for a double).
    const env = scene.workerEnv({
      FAULT_LEASE_MS: String(LEASE_MS),
      FAULT_WORKER_CONCURRENCY: '4',
      LIVE_SCORES_AT: '00:00',
      CONNECTOR_TIMEOUT_MS: '5000',
    });
    apis.push(...(await Promise.all([ApiProcess.start(env), ApiProcess.start(env)])));
    const seeded: SeededPublication[] = [];
    // Due once every replica runs (released below): due at once, the first worker up could send all 120 before the slowest
    // was ready, and no worker would then be caught holding publications.
    const due = new Date(Date.now() + 3_600_000);
    for (const [o, org] of orgs.entries())
      seeded.push(...(await seedPublications(admin, org, accounts[o], PER_ORGANIZATION, due, `replica-${o}`)));
    const ids = seeded.map((p) => p.id);
    workers.push(...(await Promise.all(Array.from({ length: WORKERS }, () => WorkerProcess.start(env)))));

    // Requests on both APIs all along, as a load balancer sends them: a write each, retried on the other API when the
    // first cannot be reached (a killed replica), and remembered once acknowledged.
    const acknowledged: string[] = [];
    const unreachable: number[] = [0, 0];
    writing = true;
    const writes = (async () => {
      for (let n = 0; writing; n++) {
        const name = `Segment ${n}`;
        for (const target of [n % 2, (n + 1) % 2]) {
          try {
            const res = await fetch(apis[target].url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}`, 'x-socle-organization': orgs[1] },
              body: JSON.stringify({
                query: 'mutation ($input: CreateAudienceSegmentInput!) { createAudienceSegment(input: $input) { id name } }',
                variables: { input: { name } },
              }),
            });
            const body = (await res.json()) as {
              data?: { createAudienceSegment: { name: string } };
              errors?: { extensions?: { code?: string } }[];
            };
            // A retry of a write the killed API had stored before it could answer finds it there.
            const retriedAndFound = target !== n % 2 && body.errors?.[0]?.extensions?.code === 'CONFLICT';
            if (body.errors && !retriedAndFound) throw new Error(`createAudienceSegment answered ${JSON.stringify(body.errors)}`);
            acknowledged.push(name);
            break;
          } catch (error) {
            // fetch fails with a TypeError (of Node's realm, not the test's) when the API cannot be reached.
            if ((error as { name?: unknown } | null)?.name === 'TypeError') unreachable[target] += 1;
            else throw error;
          }
        }
        await sleep(50);
      }
    })();
    // The deletion goes through the second API.
    const deletion = await fetch(apis[1].url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}` },
      body: JSON.stringify({
        query: 'mutation ($input: DeleteOrganizationInput!) { deleteOrganization(input: $input) { status } }',
        variables: { input: { id: leaving, confirmName: 'Client qui part' } },
      }),
    });
    expect(await deletion.json()).toMatchObject({ data: { deleteOrganization: { status: 'DELETION_PENDING' } } });

    // The publications each live worker holds (claimed, lease running), by process id.
    const holders = async (): Promise<Map<number, number>> => {
      const { rows } = await admin.query<{ leased_by: string; n: number }>(
        `SELECT leased_by, count(*)::int AS n FROM publications WHERE id = ANY($1::uuid[]) AND status = 'PUBLISHING' GROUP BY leased_by`,
        [ids],
      );
      const byPid = new Map<number, number>();
      for (const r of rows) {
        const pid = Number(r.leased_by.split(':')[1]);
        if (workers.some((w) => w.pid === pid && !stopped.has(w))) byPid.set(pid, (byPid.get(pid) ?? 0) + r.n);
      }
      return byPid;
    };
    const stopped = new Set<WorkerProcess>();
    const holdingWorker = async (what: string) => {
      const byPid = await until(what, holders, (m) => m.size > 0, 60_000, 50);
      const [pid, count] = [...byPid].sort((a, b) => b[1] - a[1])[0];
      const worker = workers.find((w) => w.pid === pid) as WorkerProcess;
      stopped.add(worker);
      return { worker, count };
    };

    await admin.query('UPDATE publications SET due_at = now(), next_attempt_at = now() WHERE id = ANY($1::uuid[])', [ids]);
    // One worker killed while it holds publications, and the first API with it.
    const killed = await holdingWorker('a worker holding publications');
    const killedAt = await statusCounts(admin, ids);
    await Promise.all([killed.worker.kill('SIGKILL'), apis[0].kill('SIGKILL')]);
    // Another asked to stop while it holds publications (some of them, once the lease ran out, the killed one's): it
    // finishes them and exits 0.
    const terminated = await holdingWorker('another worker holding publications');
    const stoppedAt = Date.now();
    await terminated.worker.kill('SIGTERM');
    const stopCode = await terminated.worker.exited;
    const stopMs = Date.now() - stoppedAt;
    // What it held, it finished: none of its attempts left unfinished or abandoned.
    const { rows: leftBehind } = await admin.query<{ outcome: string | null; n: number }>(
      `SELECT outcome, count(*)::int AS n FROM publication_attempts
        WHERE publication_id = ANY($1::uuid[]) AND worker LIKE $2 AND (finished_at IS NULL OR outcome = 'ABANDONED') GROUP BY outcome`,
      [ids, `%:${terminated.worker.pid}:%`],
    );
    const { rows: abandoned } = await admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM publication_attempts WHERE publication_id = ANY($1::uuid[]) AND worker LIKE $2`,
      [ids, `%:${killed.worker.pid}:%`],
    );

    const final = await until(
      'every publication PUBLISHED',
      () => statusCounts(admin, ids),
      (c) => (c.PUBLISHED ?? 0) === ids.length,
      90_000,
      250,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\nworkers:\n${workers.map((w) => w.output()).join('\n---\n')}`);
    });
    writing = false;
    await writes;

    // Publications: each text posted once.
    const statuses = usernames.flatMap((u) => scene.mastodon.statusesOf(u));
    const perText = postsPerText(
      statuses,
      seeded.map((p) => p.text),
    );
    const doubled = [...perText].filter(([, n]) => n !== 1).map(([t, n]) => `${t} ×${n}`);
    const { rows: outcomes } = await admin.query<{ outcome: string; n: number }>(
      `SELECT outcome, count(*)::int AS n FROM publication_attempts WHERE publication_id = ANY($1::uuid[]) GROUP BY outcome ORDER BY outcome`,
      [ids],
    );
    // Webhooks: every publication of the listening organisation told, under one webhook id each (retries keep it).
    const webhookOf = orgs[0];
    const expectedTold = seeded.filter((p) => accounts[0].includes(p.accountId)).map((p) => p.id);
    const told = await until(
      'every publication.published delivered',
      async () => {
        const byPublication = new Map<string, Set<string>>();
        for (const r of receiver.at('/events')) {
          const event = JSON.parse(r.body) as { organizationId: string; data: { publicationId: string } };
          if (event.organizationId !== webhookOf) continue;
          const set = byPublication.get(event.data.publicationId) ?? new Set<string>();
          set.add(r.headers['webhook-id']);
          byPublication.set(event.data.publicationId, set);
        }
        return byPublication;
      },
      (m) => expectedTold.every((id) => m.has(id)),
      60_000,
      250,
    );
    // Live scores: one per organisation for the night, however many workers found it due.
    const { rows: scores } = await admin.query<{ organization_id: string; n: number }>(
      `SELECT organization_id, count(*)::int AS n FROM maturity_live_scores
        WHERE organization_id = ANY($1::uuid[]) AND computed_at >= date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
        GROUP BY organization_id ORDER BY organization_id`,
      [orgs],
    );
    // The purge: the organisation gone, and nothing of it left in the tables that held it.
    const gone = await until(
      'the organisation purged',
      async () => (await admin.query('SELECT 1 FROM organizations WHERE id = $1', [leaving])).rowCount,
      (n) => n === 0,
      60_000,
      250,
    );
    // Listening: every post heard once, by one run of the query however many workers found it due.
    const mentions = await until(
      'the listening query run',
      async () =>
        (await admin.query<{ text: string }>('SELECT text FROM mentions WHERE organization_id = $1 ORDER BY text', [listening])).rows.map(
          (r) => r.text,
        ),
      (texts) => texts.length >= heard.length,
      60_000,
      250,
    );
    const { rows: runs } = await admin.query<{ runs: number }>(
      'SELECT runs FROM listening_run_weeks WHERE organization_id = $1 AND query_id = $2',
      [listening, createListeningQuery.id],
    );
    // Writes: each acknowledged one stored once, nothing stored twice.
    const { rows: segments } = await admin.query<{ name: string; n: number }>(
      'SELECT name, count(*)::int AS n FROM audience_segments WHERE organization_id = $1 GROUP BY name',
      [orgs[1]],
    );
    const stored = new Map(segments.map((s) => [s.name, s.n]));

    process.stdout.write(
      `[fault: replicas] ${ids.length} publications, ${WORKERS} workers and 2 APIs; a worker holding ${killed.count} publications and an API killed at ${killedAt.PUBLISHED ?? 0} published; ` +
        `a worker stopped with SIGTERM holding ${terminated.count} publications exited ${stopCode} after ${stopMs} ms; ` +
        `attempts ${outcomes.map((o) => `${o.outcome}=${o.n}`).join(' ')}; ${hop.posts} POSTs for ${statuses.length} posts; ` +
        `${told.size} publications told by webhook; ${acknowledged.length} writes acknowledged (${unreachable[0]} refused by the killed API)\n`,
    );
    expect(final).toEqual({ PUBLISHED: ids.length });
    expect(doubled).toEqual([]);
    expect(statuses).toHaveLength(ids.length);
    expect([...told.values()].filter((webhookIds) => webhookIds.size !== 1)).toEqual([]);
    expect(told.size).toBe(expectedTold.length);
    expect(scores).toEqual(
      orgs.map((id) => ({ organization_id: id, n: 1 })).sort((a, b) => a.organization_id.localeCompare(b.organization_id)),
    );
    expect(gone).toBe(0);
    expect(mentions.map((text) => heard.filter((h) => text.includes(h)).length)).toEqual(heard.map(() => 1));
    expect(runs).toEqual([{ runs: 1 }]);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.filter((name) => stored.get(name) !== 1)).toEqual([]);
    expect([...stored.keys()].filter((name) => !acknowledged.includes(name))).toEqual([]);
    // The killed API refused connections afterwards, and the writes went on through the other one.
    expect(unreachable[0]).toBeGreaterThan(0);
    expect(stopCode).toBe(0);
    expect(leftBehind).toEqual([]);
    // The killed worker had attempts in flight: they were abandoned and taken over (each publication still posted once).
    expect(outcomes).toContainEqual({ outcome: 'ABANDONED', n: expect.any(Number) });
    expect(abandoned[0].n).toBeGreaterThan(0);
  }, 300_000);
});
