import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { RunListeningQueryJob } from '@socle/community';
import { loadConfig } from '@socle/platform-config';
import { statementCounter } from '@socle/platform-database';
import { addOrganizationMember, createOrganization, dropTestDatabase, ownTestDatabase, signUpAgency, TestApi } from '@socle/testing';
import { createWorker, RunningWorker } from '@socle/worker';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the inbox's fetch job, run here by hand as the inbox tests do
import { FetchInboxJob } from '../../libs/domain/community/src/lib/inbox';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback Mastodon of the plugin's tests is the network the worker talks to
import { MastodonTestServer } from '../../plugins/mastodon/src/test/mastodon-test-server';
import { listenToWebhooks, WebhookReceiver } from '../e2e/webhook-receiver';

/**
 * No hot query joins two tenant tables without organization_id. On one PostgreSQL it would only cost an index, but
 * distributed with Citus (infra/citus/distribute.sql) such a join crosses shards, or is refused. The SQL is not
 * copied here: the API runs representative requests (content items, publications, the calendar, the inbox, mention
 * search, the audit log, the agency portfolio) and the worker its hot jobs (see the describe) while every statement
 * the driver sends is recorded with its parameters; each distinct recorded statement that names two tenant tables is
 * then explained (FORMAT JSON, not executed) as the application role with the tenant set, and its plan is walked.
 *
 * A join of two tenant tables passes when its condition equates organization_id on both sides (Hash Cond, Merge
 * Cond, Join Filter, or for a parameterised nested loop the inner side's index condition), or when every tenant
 * table of both sides is restricted to the same explicit organisation (`organization_id = '<uuid>'`, the query's own
 * parameter: Citus routes that to one node). Row-level security's `socle_current_organization_id()` does not count:
 * Citus cannot route on it.
 */

interface Recorded {
  text: string;
  values: unknown[];
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Parent Relationship'?: string;
  Plans?: PlanNode[];
  [key: string]: unknown;
}

const CONDITION_KEYS = ['Hash Cond', 'Merge Cond', 'Join Filter', 'Index Cond', 'Recheck Cond', 'Filter'];
const JOINS = new Set(['Hash Join', 'Merge Join', 'Nested Loop']);

function scans(node: PlanNode, tenantTables: Set<string>): PlanNode[] {
  const own = node['Relation Name'] && tenantTables.has(node['Relation Name']) ? [node] : [];
  return own.concat(...(node.Plans ?? []).map((child) => scans(child, tenantTables)));
}

function conditions(node: PlanNode): string {
  return CONDITION_KEYS.map((k) => node[k])
    .filter((v): v is string => typeof v === 'string')
    .join(' AND ');
}

function subtreeConditions(node: PlanNode): string {
  return [conditions(node), ...(node.Plans ?? []).map(subtreeConditions)].filter(Boolean).join(' AND ');
}

/** `a.organization_id = b.organization_id`, in either order, with or without the planner's parentheses. */
const ORG_EQUALS_ORG = /organization_id\s*=\s*\(?\s*[a-z_0-9]+\.organization_id\b/;
/** `x.organization_id = o.id` (either order): a join with organizations, distributed by its id. */
const ORG_EQUALS_ORGANIZATION_ID = /organization_id\s*=\s*\(?\s*[a-z_0-9]+\.id\b|[a-z_0-9]+\.id\s*=\s*\(?\s*[a-z_0-9]*\.?organization_id\b/;

/** The join nodes of a plan that join tenant tables without organization_id, described for the failure message; `seen` counts all joins of tenant tables. */
function joinsWithoutTenant(plan: PlanNode, tenantTables: Set<string>, organizationId: string, seen = { joins: 0 }): string[] {
  const offenders: string[] = [];
  // A bitmap heap scan's index condition lives on its bitmap index child, hence the subtree.
  const pinned = (scan: PlanNode) => subtreeConditions(scan).includes(`organization_id = '${organizationId}'::uuid`);
  const visit = (node: PlanNode) => {
    const children = (node.Plans ?? []).filter((c) => c['Parent Relationship'] === 'Outer' || c['Parent Relationship'] === 'Inner');
    if (JOINS.has(node['Node Type']) && children.length === 2) {
      const [outer, inner] = children;
      const left = scans(outer, tenantTables);
      const right = scans(inner, tenantTables);
      if (left.length > 0 && right.length > 0) {
        seen.joins += 1;
        const joinCondition = [conditions(node), node['Node Type'] === 'Nested Loop' ? subtreeConditions(inner) : ''].join(' AND ');
        const withOrganizations = [...left, ...right].some((scan) => scan['Relation Name'] === 'organizations');
        const onTenant = ORG_EQUALS_ORG.test(joinCondition) || (withOrganizations && ORG_EQUALS_ORGANIZATION_ID.test(joinCondition));
        const allPinned = [...left, ...right].every(pinned);
        if (!onTenant && !allPinned)
          offenders.push(
            `${node['Node Type']} of ${left.map((s) => s['Relation Name']).join('+')} with ${right.map((s) => s['Relation Name']).join('+')}: ${joinCondition}`,
          );
      }
    }
    for (const child of node.Plans ?? []) visit(child);
  };
  visit(plan);
  return offenders;
}

const SCHEDULE = 'mutation ($input: ScheduleContentItemInput!) { scheduleContentItem(input: $input) { id } }';
const CREATE_LISTENING = 'mutation ($input: CreateListeningQueryInput!) { createListeningQuery(input: $input) { id } }';
const CONNECT = 'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id } }';
/** Publications dispatched by the worker: three items with one variant on each of two accounts, due together. */
const ITEMS = 3;
const ACCOUNTS = 2;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await sleep(100);
  }
}

/** A statement whose plan is walked: one statement (a BEGIN batch holds only settings and probes) that names a tenant table. */
function namesATenantTable(text: string, tenantTables: Set<string>): boolean {
  if (!/^\s*(WITH|SELECT|UPDATE|DELETE|INSERT)\b/i.test(text) || /;\s*\S/.test(text)) return false;
  return [...tenantTables].some((t) => new RegExp(`\\b${t}\\b`).test(text));
}

/** The `socle_*` SECURITY DEFINER functions a statement calls: their bodies are not in its plan. */
function definersCalled(text: string, definers: Set<string>): string[] {
  return [...text.matchAll(/\b(socle_[a-z_]+)\s*\(/g)].map((m) => m[1]).filter((name) => definers.has(name));
}

/**
 * The API serves a few requests and the worker, in this process, does its hot work for one organisation: it publishes
 * a batch to the loopback Mastodon (claim, items moved, posts recorded, audit and webhook events), delivers the
 * `publication.published` webhooks to a loopback receiver, fetches the inbox (replies to those posts) and runs a
 * listening query. On a database of the spec's own: a worker acts on every organisation of its database.
 *
 * The worker's cross-tenant sweeps (`socle_publishing_sweep`, `socle_webhook_events_pending`… SECURITY
 * DEFINER functions called with no tenant) are not walked: they find which organisations have work, across tenants by
 * design, and stay on the Citus coordinator as multi-shard queries (infra/citus/README.md). What runs afterwards for
 * each organisation is walked like the API's statements.
 */
describe('tenant joins in the plans of hot queries (API requests and worker jobs)', () => {
  let database: ReturnType<typeof ownTestDatabase> | undefined;
  let api: TestApi | undefined;
  let worker: RunningWorker | undefined;
  let mastodon: MastodonTestServer | undefined;
  let receiver: WebhookReceiver | undefined;
  let admin: Client;
  let tenantTables: Set<string>;
  /** Functions `socle_*` that run as their owner (SECURITY DEFINER): the sweeps, and the probes that check an access. */
  let definers: Set<string>;
  /** What the plan walk read: statements explained, those whose plan joins tenant tables, and those joins. */
  const walk = { explained: 0, withTenantJoins: 0, tenantJoins: 0 };
  const recorded: Recorded[] = [];
  /** The spec's own connections (set-up, counting, explaining) send statements the application does not. */
  const ownClients = new WeakSet<object>();
  let recording = false;
  const originalQuery = Client.prototype.query;
  let ids: { userId: string; agencyId: string; organizationId: string };
  /** Statements the units of work counted while recording: the recorder must have seen at least as many. */
  let counted = 0;
  /** What the worker's jobs did, so a path that silently did nothing fails the spec instead of passing it unread. */
  const work = { published: 0, delivered: 0, inboxInserted: 0, mentionsAdded: 0 };

  const connectedClient = async (connectionString: string) => {
    const client = new Client({ connectionString });
    ownClients.add(client);
    await client.connect();
    return client;
  };

  const countOf = async (table: 'inbox_items' | 'mentions', organizationId: string) =>
    (await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE organization_id = $1`, [organizationId])).rows[0].n;

  beforeAll(async () => {
    // Every statement of every pg client of this process (API and worker), with its parameters, while `recording`;
    // patched before any of the application's clients exists, and on the prototype, which the unit of work's
    // serialising wrapper calls through.
    Client.prototype.query = function (this: object, ...args: unknown[]) {
      const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown];
      if (recording && !ownClients.has(this)) {
        const text = typeof config === 'string' ? config : config?.text;
        const params = typeof config === 'string' ? values : (config?.values ?? values);
        if (typeof text === 'string') recorded.push({ text, values: Array.isArray(params) ? params : [] });
      }
      return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof originalQuery;

    database = ownTestDatabase();
    admin = await connectedClient(database.adminUrl);
    const { rows } = await admin.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'organization_id'`,
    );
    tenantTables = new Set(rows.map((r) => r.table_name).concat('organizations'));
    const definerRows = await admin.query<{ proname: string }>(
      `SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.prosecdef AND p.proname LIKE 'socle\\_%'`,
    );
    definers = new Set(definerRows.rows.map((r) => r.proname));

    mastodon = await MastodonTestServer.start({ rateLimit: { limit: 1_000_000, windowSeconds: 300 }, recordRequests: false });
    receiver = await new WebhookReceiver().start();
    const counterAtStart = statementCounter.count;
    recording = true;
    api = await TestApi.start({ ...database.env, CONNECTOR_TIMEOUT_MS: '2000' });
    worker = await createWorker(
      loadConfig({
        ...process.env,
        ...database.env,
        QUEUE_PREFIX: api.config.QUEUE_PREFIX,
        CONNECTOR_TIMEOUT_MS: '2000',
        PUBLISHING_SWEEP_SECONDS: '1',
        LOG_LEVEL: 'silent',
      }),
      { reconcileEveryMs: 600_000 },
    );
    const running = { api, worker, mastodon, receiver };

    const owner = await signUpAgency(running.api, 'Agence Plans');
    const organizationId = await createOrganization(running.api, owner, 'Client Plans');
    await addOrganizationMember(running.api, owner, organizationId, ['ANALYST']);
    ids = { userId: owner.userId, agencyId: owner.agencyId, organizationId };
    const inOrg = { token: owner.token, organizationId };
    await running.api.ok(
      `mutation ($input: CreateContentItemInput!) { createContentItem(input: $input) { id } }`,
      { input: { title: 'Plan' } },
      inOrg,
    );

    // The worker: a batch published to the loopback Mastodon, told to an endpoint listening to publication.published.
    await listenToWebhooks(running.api, owner, organizationId, running.receiver, ['publication.published']);
    const usernames = Array.from({ length: ACCOUNTS }, (_, i) => `plans-${i}-${randomBytes(2).toString('hex')}`);
    const accounts: string[] = [];
    for (const username of usernames) {
      const input = {
        network: 'mastodon',
        serviceUrl: running.mastodon.baseUrl,
        accessToken: running.mastodon.createAccessToken(username),
      };
      accounts.push((await running.api.ok<{ connectNetworkAccount: { id: string } }>(CONNECT, { input }, inOrg)).connectNetworkAccount.id);
    }
    const dueAt = new Date(Date.now() + 2000).toISOString();
    for (let i = 0; i < ITEMS; i++) {
      // Approved as the owner would leave it (approvals are another journey); scheduled through the API.
      const item = await admin.query<{ id: string }>(
        `INSERT INTO content_items (organization_id, title, status) VALUES ($1, $2, 'APPROVED') RETURNING id`,
        [organizationId, `Plan ${i}`],
      );
      for (const account of accounts)
        await admin.query(
          `INSERT INTO content_variants (organization_id, item_id, network_account_id, network, text) VALUES ($1, $2, $3, 'mastodon', $4)`,
          [organizationId, item.rows[0].id, account, `Fournée ${i} ${randomBytes(3).toString('hex')}`],
        );
      await running.api.ok(SCHEDULE, { input: { itemId: item.rows[0].id, dueAt } }, inOrg);
    }
    const posts = await until(
      'the worker to publish every publication',
      async () =>
        (
          await admin.query<{ external_id: string }>(
            `SELECT external_id FROM publications WHERE organization_id = $1 AND status = 'PUBLISHED'`,
            [organizationId],
          )
        ).rows,
      (published) => published.length === ITEMS * ACCOUNTS,
    );
    work.published = posts.length;
    work.delivered = (
      await until(
        'the worker to deliver every publication.published webhook',
        () => running.receiver.at('/events'),
        (got) => got.length >= ITEMS * ACCOUNTS,
      )
    ).length;

    // The inbox: replies to the posts just made, fetched by the worker's job (its payload names the tenant).
    for (const { external_id } of posts.slice(0, 2))
      running.mastodon.postAs('cliente-plans', 'Vous livrez ?', { inReplyToId: external_id });
    await running.worker.context.get(FetchInboxJob, { strict: false }).handle({ organizationId });
    // Counted in the table: a fetch the worker scheduled itself may have inserted them first.
    work.inboxInserted = await countOf('inbox_items', organizationId);

    // Listening: a query on the connected accounts' network, run by the worker's job.
    running.mastodon.postAs('passante-plans', 'La brioche plans du quartier est la meilleure');
    const { createListeningQuery } = await running.api.ok<{ createListeningQuery: { id: string } }>(
      CREATE_LISTENING,
      { input: { kind: 'BRAND', name: 'Brioche', query: 'brioche', sources: ['mastodon'] } },
      inOrg,
    );
    await running.worker.context.get(RunListeningQueryJob, { strict: false }).handle({ organizationId, queryId: createListeningQuery.id });
    work.mentionsAdded = await countOf('mentions', organizationId);

    // The API's hot reads, over the rows the worker wrote.
    const from = new Date(Date.now() - 30 * 86400_000).toISOString();
    const to = new Date(Date.now() + 30 * 86400_000).toISOString();
    const operations: [string, Record<string, unknown>, { token: string; organizationId?: string }][] = [
      ['{ contentItems(first: 20) { edges { node { id title } } } }', {}, inOrg],
      ['{ publications(first: 20) { edges { node { id status externalUrl attemptLog { number outcome } } } } }', {}, inOrg],
      [
        'query ($input: ContentCalendarInput!) { contentCalendar(input: $input) { truncated entries { itemId title } } }',
        { input: { from, to } },
        inOrg,
      ],
      ['{ inboxItems(first: 20) { edges { node { id text } } } }', {}, inOrg],
      ['{ mentions(first: 20) { edges { node { id text queryIds } } } }', {}, inOrg],
      ['{ auditLog(first: 100) { edges { node { action } } } }', {}, inOrg],
      ['{ portfolio(first: 20) { edges { node { name } } } }', {}, { token: owner.token }],
    ];
    for (const [query, variables, options] of operations) await running.api.ok(query, variables, options);
    recording = false;
    counted = statementCounter.count - counterAtStart;
  }, 120_000);

  afterAll(async () => {
    recording = false;
    await receiver?.stop();
    await worker?.close();
    await api?.stop();
    await mastodon?.close();
    await admin?.end();
    Client.prototype.query = originalQuery;
    if (database) await dropTestDatabase(database.name);
  });

  /** Each statement text once, with the parameters of its first run (all of them in the spec's organisation). */
  const distinct = () => [...new Map(recorded.map((r) => [r.text, r] as const)).values()];
  const walked = () => distinct().filter(({ text }) => namesATenantTable(text, tenantTables));

  it('saw every statement the units of work sent, and the worker did its jobs (the check is not vacuous)', () => {
    expect(counted).toBeGreaterThan(50);
    expect(recorded.length).toBeGreaterThanOrEqual(counted);
    expect(work).toEqual({
      published: ITEMS * ACCOUNTS,
      delivered: ITEMS * ACCOUNTS,
      inboxInserted: 2,
      mentionsAdded: expect.any(Number),
    });
    expect(work.mentionsAdded).toBeGreaterThanOrEqual(1);
    expect(walked().length).toBeGreaterThanOrEqual(40);
  });

  it('joins tenant tables on organization_id, or pins every side to the tenant, in every recorded plan', async () => {
    const app = await connectedClient((database as { env: Record<string, string> }).env.DATABASE_URL);
    const offenders: { sql: string; joins: string[] }[] = [];
    try {
      for (const { text, values } of walked()) {
        await app.query('BEGIN');
        try {
          await app.query(
            "SELECT set_config('socle.user_id', $1, true), set_config('socle.agency_id', $2, true), set_config('socle.organization_id', $3, true)",
            [ids.userId, ids.agencyId, ids.organizationId],
          );
          const { rows } = await app.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(`EXPLAIN (FORMAT JSON) ${text}`, values);
          walk.explained += 1;
          const seen = { joins: 0 };
          const joins = joinsWithoutTenant(rows[0]['QUERY PLAN'][0].Plan, tenantTables, ids.organizationId, seen);
          walk.tenantJoins += seen.joins;
          if (seen.joins > 0) walk.withTenantJoins += 1;
          if (joins.length > 0) offenders.push({ sql: text.replace(/\s+/g, ' ').slice(0, 300), joins });
        } finally {
          await app.query('ROLLBACK');
        }
      }
    } finally {
      await app.end();
    }
    expect(walk.explained).toBe(walked().length);
    expect(walk.withTenantJoins).toBeGreaterThanOrEqual(3);
    expect(offenders).toEqual([]);
  });

  it('lists what it explained, and the SECURITY DEFINER functions whose bodies it did not walk', () => {
    const called = [...new Set(distinct().flatMap(({ text }) => definersCalled(text, definers)))].sort();
    process.stdout.write(
      `recorded ${recorded.length} statements (${distinct().length} distinct; units of work counted ${counted}); ` +
        `explained ${walk.explained} distinct statements naming a tenant table, ${walk.withTenantJoins} of them joining tenant tables ` +
        `(${walk.tenantJoins} joins); SECURITY DEFINER functions called, bodies not walked: ${called.join(', ')}\n`,
    );
    // The sweeps ran (the worker's reconcile at start) and were recorded, not walked.
    expect(called).toEqual(expect.arrayContaining(['socle_publishing_sweep', 'socle_webhook_events_pending']));
  });

  it('tells a join without organization_id from one with it (the walk can fail)', () => {
    const scan = (table: string, cond?: string): PlanNode => ({
      'Node Type': 'Seq Scan',
      'Relation Name': table,
      ...(cond ? { Filter: cond } : {}),
    });
    const join = (cond: string): PlanNode => ({
      'Node Type': 'Hash Join',
      'Hash Cond': cond,
      Plans: [
        { ...scan('publications', '(organization_id = socle_current_organization_id())'), 'Parent Relationship': 'Outer' },
        {
          'Node Type': 'Hash',
          'Parent Relationship': 'Inner',
          Plans: [scan('content_items', '(organization_id = socle_current_organization_id())')],
        },
      ],
    });
    const tables = new Set(['publications', 'content_items']);
    expect(joinsWithoutTenant(join('(p.item_id = i.id)'), tables, ids.organizationId)).toHaveLength(1);
    expect(
      joinsWithoutTenant(join('((p.organization_id = i.organization_id) AND (p.item_id = i.id))'), tables, ids.organizationId),
    ).toEqual([]);
  });
});
