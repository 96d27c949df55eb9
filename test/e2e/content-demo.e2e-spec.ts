import type { Client } from 'pg';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the demo loaders are scripts of the API app; this checks them against a real API
import { seedContentDemo } from '../../apps/api/src/cli/demo/content';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the demo loaders are scripts of the API app; this checks them against a real API
import { seedStrategyDemo } from '../../apps/api/src/cli/demo/strategy';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback Mastodon of the plugin's tests stands for an account connected after the demo was loaded
import { MastodonTestServer } from '../../plugins/mastodon/src/test/mastodon-test-server';
import { adminDatabase, isolatedPrefix } from './e2e-support';

/** The demo's three clients, as `apps/api/src/cli/seed-demo.ts` declares them. */
const CLIENTS = [
  { slug: 'boulangerie', name: 'Boulangeries Dupont', locale: 'fr' },
  { slug: 'mutuelle', name: 'Mutuelle des Alpes', locale: 'fr' },
  { slug: 'velo', name: 'Cycles Léman SA', locale: 'en' },
] as const;
type Slug = (typeof CLIENTS)[number]['slug'];

/** The demo people the content demo acts as. */
const ROLES = ['STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER', 'EXECUTIVE_APPROVER', 'CONTRIBUTOR'] as const;
type Role = (typeof ROLES)[number];
const emailOf = (role: Role, slug: Slug) => `${role.toLowerCase().replace(/_/g, '-')}@${slug}.demo`;

interface Item {
  id: string;
  title: string;
  status: string;
  source: string;
  theme: string | null;
  campaign: string | null;
  objectiveId: string | null;
  segmentId: string | null;
  networkPlanId: string | null;
  plannedFor: string | null;
  suggestedBy: string | null;
  triage: string | null;
  triageReason: string | null;
  triagedBy: string | null;
  createdBy: string | null;
  variants: { id: string; network: string; blocked: boolean }[];
}
const ITEM = `id title status source theme campaign objectiveId segmentId networkPlanId plannedFor suggestedBy triage triageReason triagedBy createdBy
  variants { id network blocked }`;

/**
 * The demo's editorial life loads through the public API in each client's language, idempotently: a second run
 * logs nobody in and changes nothing. Without a connected account (the demo's case) review cannot start; with one,
 * the next run brings one item to review and one through the approval chain, decided by the people of its roles.
 */
describe('demo content', () => {
  let api: TestApi;
  let admin: Client;
  let mastodon: MastodonTestServer;
  let owner: AgencySession;
  const orgs = {} as Record<Slug, string>;
  const people = new Map<string, { token: string; userId: string }>();
  const logins: string[] = [];
  const reports: string[] = [];

  const person = (role: Role, slug: Slug) => people.get(emailOf(role, slug)) as { token: string; userId: string };
  const ownerAuth = () => ({ authorization: `Bearer ${owner.token}` });
  const must = <T>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    api.ok<T>(query, variables, { headers });
  const logIn = async (email: string) => {
    logins.push(email);
    return people.get(email)?.token ?? null;
  };
  const seed = () => seedContentDemo(must, logIn, ownerAuth(), CLIENTS, (line) => reports.push(line));

  const items = async (slug: Slug) =>
    (
      await api.ok<{ contentItems: { edges: { node: Item }[] } }>(
        `{ contentItems(first: 100) { edges { node { ${ITEM} } } } }`,
        {},
        { token: owner.token, organizationId: orgs[slug] },
      )
    ).contentItems.edges.map((e) => e.node);
  const byTitle = async (slug: Slug, title: string) => {
    const item = (await items(slug)).find((i) => i.title === title);
    if (!item) throw new Error(`no item "${title}" in ${slug}`);
    return item;
  };

  /** Everything a run could change, per organisation: items per status, revisions, variants, decisions, the chain, the audit trail. */
  async function snapshot(): Promise<Record<string, unknown>> {
    const state: Record<string, unknown> = {};
    for (const client of CLIENTS) {
      const org = orgs[client.slug];
      const statuses = await admin.query<{ status: string; n: number }>(
        'SELECT status, count(*)::int AS n FROM content_items WHERE organization_id = $1 GROUP BY status ORDER BY status',
        [org],
      );
      const {
        rows: [totals],
      } = await admin.query(
        `SELECT (SELECT coalesce(sum(revision), 0)::int FROM content_items WHERE organization_id = $1) AS revisions,
                (SELECT max(updated_at) FROM content_items WHERE organization_id = $1) AS "lastUpdate",
                (SELECT count(*)::int FROM content_variants WHERE organization_id = $1) AS variants,
                (SELECT count(*)::int FROM content_approval_decisions WHERE organization_id = $1) AS decisions,
                (SELECT count(*)::int FROM audit_events WHERE organization_id = $1 AND action LIKE 'content.%') AS "contentAudit"`,
        [org],
      );
      const chain = await api.ok<{ approvalChain: unknown }>(
        '{ approvalChain { isDefault updatedAt steps { role mode } } }',
        {},
        { token: owner.token, organizationId: org },
      );
      state[client.slug] = {
        statuses: Object.fromEntries(statuses.rows.map((r) => [r.status, r.n])),
        ...totals,
        chain: chain.approvalChain,
      };
    }
    return state;
  }
  const statusesOf = (state: Record<string, unknown>, slug: Slug) => (state[slug] as { statuses: Record<string, number> }).statuses;

  beforeAll(async () => {
    mastodon = await MastodonTestServer.start();
    api = await TestApi.start({ QUEUE_PREFIX: isolatedPrefix('content-demo'), CONNECTOR_TIMEOUT_MS: '2000' });
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Horizon');
    for (const client of CLIENTS) {
      orgs[client.slug] = await createOrganization(api, owner, client.name);
      for (const role of ROLES) people.set(emailOf(role, client.slug), await addOrganizationMember(api, owner, orgs[client.slug], [role]));
      await seedStrategyDemo(must, { ...ownerAuth(), 'x-socle-organization': orgs[client.slug] }, client);
    }
  });
  afterAll(async () => {
    await admin?.end();
    await api?.stop();
    await mastodon?.close();
  });

  it('without a connected account: a chain, the suggestion box and planned drafts in each client, loaded twice to the same state, no network called', async () => {
    await seed();
    const first = await snapshot();
    const firstLogins = logins.splice(0);
    await seed();
    expect(await snapshot()).toEqual(first);
    expect(logins).toEqual([]);
    expect(mastodon.requests).toHaveLength(0);

    // Only the people with something to do logged in: the contributor, the content lead, the community manager.
    expect([...firstLogins].sort()).toEqual(
      CLIENTS.flatMap((c) => (['CONTRIBUTOR', 'CONTENT_LEAD', 'COMMUNITY_MANAGER'] as const).map((r) => emailOf(r, c.slug))).sort(),
    );
    for (const client of CLIENTS) {
      expect(statusesOf(first, client.slug)).toEqual({ IDEA: 1, DRAFT: 5, CANCELLED: 1 });
      expect(first[client.slug]).toMatchObject({ variants: 0, decisions: 0 });
    }
    // Review needs a variant for an account: the run says which items wait for one.
    expect(reports).toHaveLength(6);
    expect(reports[0]).toMatch(/^Boulangeries Dupont: 2 item\(s\) stay DRAFT until a network account is connected/);
    expect((first.boulangerie as { chain: unknown }).chain).toMatchObject({
      isDefault: true,
      steps: [{ role: 'CONTENT_LEAD', mode: 'ANY' }],
    });
    expect((first.mutuelle as { chain: unknown }).chain).toMatchObject({
      isDefault: false,
      steps: [{ role: 'CONTENT_LEAD' }, { role: 'EXECUTIVE_APPROVER' }],
    });
    expect((first.velo as { chain: unknown }).chain).toMatchObject({
      isDefault: false,
      steps: [{ role: 'CONTENT_LEAD' }, { role: 'STRATEGY_LEAD' }],
    });

    // The suggestion box, in the client's language: the contributor sees the decisions and the reason of the refusal.
    const mine = await api.ok<{ myContentSuggestions: { edges: { node: Item }[] } }>(
      `{ myContentSuggestions(first: 10) { edges { node { ${ITEM} } } } }`,
      {},
      { token: person('CONTRIBUTOR', 'mutuelle').token, organizationId: orgs.mutuelle },
    );
    // Suggested together, in one transaction: the same creation time, so compared in title order.
    const suggestions = mine.myContentSuggestions.edges.map((e) => e.node).sort((x, y) => x.title.localeCompare(y.title));
    expect(suggestions.map((s) => [s.title, s.status, s.triage])).toEqual([
      ['Les questions des adhérents en vidéo', 'DRAFT', 'ACCEPTED'],
      ['Quiz : connaissez-vous vos garanties ?', 'IDEA', null],
      ['Témoignages d’adhérents hospitalisés', 'CANCELLED', 'DECLINED'],
    ]);
    expect(suggestions[2]).toMatchObject({
      source: 'EMPLOYEE_SUGGESTION',
      suggestedBy: person('CONTRIBUTOR', 'mutuelle').userId,
      triagedBy: person('CONTENT_LEAD', 'mutuelle').userId,
    });
    expect(suggestions[2].triageReason).toMatch(/données de santé/);
    expect((await byTitle('velo', 'Price match against Alpen Bikes')).triageReason).toMatch(/^We do not compete on price/);

    // The task force's items: written by the community manager, tied to the strategy, planned over the coming weeks.
    const now = Date.now();
    for (const client of CLIENTS) {
      const planned = (await items(client.slug)).filter((i) => i.source === 'TASK_FORCE');
      expect(planned).toHaveLength(4);
      for (const item of planned) {
        expect(item).toMatchObject({ status: 'DRAFT', createdBy: person('COMMUNITY_MANAGER', client.slug).userId, variants: [] });
        expect(item.theme && item.campaign && item.segmentId && item.networkPlanId).toBeTruthy();
        const at = Date.parse(item.plannedFor ?? '');
        expect(at).toBeGreaterThan(now);
        expect(at).toBeLessThan(now + 5 * 7 * 86_400_000);
      }
      expect(planned.filter((i) => i.objectiveId).length).toBeGreaterThanOrEqual(3);
      const calendar = await api.ok<{ contentCalendar: { entries: { title: string; itemStatus: string }[] } }>(
        'query ($input: ContentCalendarInput!) { contentCalendar(input: $input) { entries { title itemStatus } } }',
        { input: { from: new Date(now).toISOString(), to: new Date(now + 5 * 7 * 86_400_000).toISOString() } },
        { token: owner.token, organizationId: orgs[client.slug] },
      );
      expect(calendar.contentCalendar.entries.map((e) => e.title).sort()).toEqual(planned.map((i) => i.title).sort());
    }
    expect((await byTitle('boulangerie', 'Portrait : Julien, apprenti boulanger')).theme).toBe('Savoir-faire');
    expect((await byTitle('velo', 'Book a test ride at the Lausanne showroom')).campaign).toBe('Test-ride weekends');
  });

  it('once an account is connected: the next run brings one item to review and one through the chain, decided by its roles; again changes nothing', async () => {
    const connect = async (slug: Slug) =>
      api.ok(
        'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id } }',
        { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: mastodon.createAccessToken(slug) } },
        { token: owner.token, organizationId: orgs[slug] },
      );
    await connect('mutuelle');
    await connect('velo');
    // What the seed could call: anything but the account reads that workers' health checks and metrics collections make on
    // their own schedule (any suite's worker on this database may read these accounts meanwhile).
    const seedCalls = () => mastodon.requests.filter((r) => !(r.method === 'GET' && r.path === '/api/v1/accounts/verify_credentials'));
    const networkCalls = seedCalls().length;
    const before = await snapshot();
    logins.splice(0);
    reports.splice(0);

    await seed();
    const first = await snapshot();
    expect(first.boulangerie).toEqual(before.boulangerie);
    for (const slug of ['mutuelle', 'velo'] as const)
      expect(statusesOf(first, slug)).toEqual({ IDEA: 1, DRAFT: 3, IN_REVIEW: 1, APPROVED: 1, CANCELLED: 1 });
    expect(reports).toEqual([expect.stringMatching(/^Boulangeries Dupont: 2 item\(s\) stay DRAFT/)]);

    const approved = await byTitle('mutuelle', 'Prévention : 5 gestes pour le dos au bureau');
    expect(approved).toMatchObject({ status: 'APPROVED', variants: [{ network: 'mastodon', blocked: false }] });
    expect((await byTitle('mutuelle', 'Suivre ses remboursements dans l’espace adhérent')).status).toBe('IN_REVIEW');
    const deciders = async (slug: Slug, itemId: string) =>
      (
        await api.ok<{ contentItemApprovals: { complete: boolean; steps: { decisions: { deciderUserId: string; verdict: string }[] }[] } }>(
          'query ($id: ID!) { contentItemApprovals(itemId: $id) { complete steps { decisions { deciderUserId verdict } } } }',
          { id: itemId },
          { token: owner.token, organizationId: orgs[slug] },
        )
      ).contentItemApprovals;
    expect(await deciders('mutuelle', approved.id)).toEqual({
      complete: true,
      steps: [
        { decisions: [{ deciderUserId: person('CONTENT_LEAD', 'mutuelle').userId, verdict: 'APPROVED' }] },
        { decisions: [{ deciderUserId: person('EXECUTIVE_APPROVER', 'mutuelle').userId, verdict: 'APPROVED' }] },
      ],
    });
    const ride = await byTitle('velo', 'Book a test ride at the Lausanne showroom');
    expect(await deciders('velo', ride.id)).toEqual({
      complete: true,
      steps: [
        { decisions: [{ deciderUserId: person('CONTENT_LEAD', 'velo').userId, verdict: 'APPROVED' }] },
        { decisions: [{ deciderUserId: person('STRATEGY_LEAD', 'velo').userId, verdict: 'APPROVED' }] },
      ],
    });

    expect([...new Set(logins)].sort()).toEqual([
      'community-manager@mutuelle.demo',
      'community-manager@velo.demo',
      'content-lead@mutuelle.demo',
      'content-lead@velo.demo',
      'executive-approver@mutuelle.demo',
      'strategy-lead@velo.demo',
    ]);
    logins.splice(0);

    await seed();
    expect(await snapshot()).toEqual(first);
    expect(logins).toEqual([]);
    // Variants are checked against the connector's manifest: no run called the network.
    expect(seedCalls()).toHaveLength(networkCalls);
  });
});
