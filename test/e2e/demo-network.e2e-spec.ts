import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'pg';
import { loadConfig } from '@socle/platform-config';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { createWorker, RunningWorker } from '@socle/worker';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the demo loaders are scripts of the API app; this checks them against a real API
import { seedStrategyDemo } from '../../apps/api/src/cli/demo/strategy';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the demo loaders are scripts of the API app; this checks them against a real API
import { seedContentDemo } from '../../apps/api/src/cli/demo/content';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the demo loaders are scripts of the API app; this checks them against a real API
import { seedNetworkDemo } from '../../apps/api/src/cli/demo/network';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the demo loaders are scripts of the API app; this checks them against a real API
import { seedCommunityDemo } from '../../apps/api/src/cli/demo/community';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the demo network process of the API app, started here in the test
import { DemoNetwork, startDemoNetwork } from '../../apps/api/src/cli/demo/network-server';
import { adminDatabase } from './e2e-support';

const CLIENTS = [
  { slug: 'boulangerie', name: 'Boulangeries Dupont', locale: 'fr' },
  { slug: 'mutuelle', name: 'Mutuelle des Alpes', locale: 'fr' },
  { slug: 'velo', name: 'Cycles Léman SA', locale: 'en' },
] as const;
type Slug = (typeof CLIENTS)[number]['slug'];
const ROLES = ['STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER', 'EXECUTIVE_APPROVER', 'CONTRIBUTOR'] as const;
const emailOf = (role: string, slug: string) => `${role.toLowerCase().replace(/_/g, '-')}@${slug}.demo`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The demo on its local network: each client connects its account there, listens for its brand and its
 * competitor, gets approved posts published by the worker, and answers inbox items (the reply is posted to
 * the demo network). A second run adds no account, query, post or reply; a restarted network keeps its posts.
 */
describe('demo network', () => {
  let api: TestApi;
  let worker: RunningWorker;
  let admin: Client;
  let network: DemoNetwork;
  let owner: AgencySession;
  let stateDir: string;
  const orgs = {} as Record<Slug, string>;
  const people = new Map<string, string>();
  const reports: string[] = [];

  const ownerAuth = () => ({ authorization: `Bearer ${owner.token}` });
  const must = <T>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    api.ok<T>(query, variables, { headers });
  const logIn = async (email: string) => people.get(email) ?? null;
  const seed = async () => {
    const up = await seedNetworkDemo(must, ownerAuth(), CLIENTS, (line) => reports.push(line), network.baseUrl);
    await seedContentDemo(must, logIn, ownerAuth(), CLIENTS, (line) => reports.push(line));
    if (up) await seedCommunityDemo(must, logIn, ownerAuth(), CLIENTS, (line) => reports.push(line), { inboxWaitMs: 20_000 });
    return up;
  };
  const count = async (sql: string, slug: Slug) => (await admin.query<{ n: number }>(sql, [orgs[slug]])).rows[0].n;
  const counts = async () => {
    const state: Record<string, Record<string, number>> = {};
    for (const { slug } of CLIENTS) {
      state[slug] = {
        accounts: await count('SELECT count(*)::int AS n FROM network_accounts WHERE organization_id = $1', slug),
        queries: await count('SELECT count(*)::int AS n FROM listening_queries WHERE organization_id = $1', slug),
        publications: await count("SELECT count(*)::int AS n FROM publications WHERE organization_id = $1 AND status <> 'CANCELLED'", slug),
        replies: await count('SELECT count(*)::int AS n FROM inbox_replies WHERE organization_id = $1', slug),
        items: await count('SELECT count(*)::int AS n FROM content_items WHERE organization_id = $1', slug),
      };
    }
    return state;
  };

  beforeAll(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'socle-demo-network-'));
    network = await startDemoNetwork({
      port: 0,
      stateFile: join(stateDir, 'state.json'),
      secret: process.env.JWT_SECRET,
      commentDelayMs: 500,
    });
    api = await TestApi.start({ CONNECTOR_TIMEOUT_MS: '2000' });
    worker = await createWorker(
      loadConfig({ ...process.env, QUEUE_PREFIX: api.config.QUEUE_PREFIX, CONNECTOR_TIMEOUT_MS: '2000', PUBLISHING_SWEEP_SECONDS: '1' }),
      { reconcileEveryMs: 600_000 },
    );
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Horizon');
    for (const client of CLIENTS) {
      orgs[client.slug] = await createOrganization(api, owner, client.name);
      for (const role of ROLES)
        people.set(emailOf(role, client.slug), (await addOrganizationMember(api, owner, orgs[client.slug], [role])).token);
      await seedStrategyDemo(must, { ...ownerAuth(), 'x-socle-organization': orgs[client.slug] }, client);
    }
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await api?.stop();
    await admin?.end();
    await network?.close();
    if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  });

  it('publishes, listens and answers on the demo network, differently per client; a second run adds nothing', async () => {
    expect(await seed()).toBe(true);

    // Published by the worker within the first minute, at the demo network.
    const published = async (slug: Slug) =>
      (
        await admin.query<{ external_url: string }>(
          "SELECT external_url FROM publications WHERE organization_id = $1 AND status = 'PUBLISHED'",
          [orgs[slug]],
        )
      ).rows;
    for (let i = 0; i < 120 && ((await published('velo')).length < 3 || (await published('boulangerie')).length < 1); i++) await sleep(500);
    expect((await published('velo')).length).toBeGreaterThanOrEqual(3);
    expect((await published('boulangerie')).length).toBe(1);
    expect(await published('mutuelle')).toEqual([]);
    for (const row of await published('velo')) expect(row.external_url.startsWith(`${network.baseUrl}/@cyclesleman/`)).toBe(true);

    // Mentions of the brand and the competitor, dated over the past weeks.
    for (const { slug } of CLIENTS) {
      const { rows } = await admin.query<{ n: number; oldest: Date }>(
        'SELECT count(*)::int AS n, min(published_at) AS oldest FROM mentions WHERE organization_id = $1',
        [orgs[slug]],
      );
      expect(rows[0].n).toBeGreaterThanOrEqual(4);
      expect(Date.now() - rows[0].oldest.getTime()).toBeGreaterThan(14 * 86_400_000);
    }

    // The inbox (the mentions; the same customers may comment on the new posts too): the mutual answered every question, the bakery one, one assigned and waiting.
    const inbox = async (slug: Slug) =>
      (
        await admin.query<{ author_handle: string; status: string; assigned: boolean }>(
          "SELECT author_handle, status, assignee_id IS NOT NULL AS assigned FROM inbox_items WHERE organization_id = $1 AND kind = 'MENTION'",
          [orgs[slug]],
        )
      ).rows;
    const item = async (slug: Slug, author: string) => (await inbox(slug)).find((i) => i.author_handle.startsWith(`${author}@`));
    const statusOf = async (slug: Slug, author: string) => (await item(slug, author))?.status;
    expect(await statusOf('mutuelle', 'ines_etudiante')).toBe('ANSWERED');
    expect(await statusOf('mutuelle', 'lea_m')).toBe('ANSWERED');
    expect(await statusOf('boulangerie', 'paul_voisin')).toBe('ANSWERED');
    // Still waiting: the worker escalates an open item once it is past due (a test suite's worker may already have),
    // which keeps its assignee.
    const assigned = await item('boulangerie', 'julie_r');
    expect(['ASSIGNED', 'ESCALATED']).toContain(assigned?.status);
    expect(assigned?.assigned).toBe(true);
    const untouched = await item('boulangerie', 'marc_b');
    expect(['NEW', 'ESCALATED']).toContain(untouched?.status);
    expect(untouched?.assigned).toBe(false);
    // The replies are really posted to the demo network, under the question.
    const replyPosted = () => network.server.statusesOf('boulangeriesdupont').some((s) => String(s.content).includes('1er mai de 7 h'));
    for (let i = 0; i < 40 && !replyPosted(); i++) await sleep(500);
    expect(replyPosted()).toBe(true);

    // Another tenant's view: the velo organisation sees none of the bakery's inbox items or mentions.
    const foreign = await api.ok<{ inboxItems: { edges: { node: { authorHandle: string } }[] } }>(
      '{ inboxItems(first: 100) { edges { node { authorHandle } } } }',
      {},
      { token: owner.token, organizationId: orgs.velo },
    );
    expect(foreign.inboxItems.edges.some((e) => e.node.authorHandle.startsWith('julie_r@'))).toBe(false);

    // Again: no new account, query, item, publication or reply; the network holds the same posts.
    // (Replies and customers' comments still in flight may add posts meanwhile: none is ever posted twice.)
    const before = await counts();
    await seed();
    expect(await counts()).toEqual(before);
    await sleep(2000);
    const posted = network.server.exportState().statuses.map((s) => `${s.accountId} ${s.inReplyToId} ${s.text}`);
    expect(new Set(posted).size).toBe(posted.length);
  }, 150_000);

  it('a restarted demo network keeps its accounts, tokens and posts, and adds no corpus twice', async () => {
    const file = join(stateDir, 'state.json');
    network.save();
    const posts = network.server.statusCount();
    const again = await startDemoNetwork({ port: 0, stateFile: file, secret: process.env.JWT_SECRET });
    try {
      expect(again.server.statusCount()).toBe(posts);
    } finally {
      await again.close();
    }
  });
});
