import type { Client } from 'pg';
import { AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { adminDatabase, firstError, isolatedPrefix } from './e2e-support';

const CREATE_KEY = 'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id scopes } } }';
const CONTENT_ITEMS = '{ contentItems(first: 20) { edges { node { id title } } } }';
const CREATE_ITEM = 'mutation ($title: String!) { createContentItem(input: { title: $title }) { id title } }';
const ROADMAP = '{ roadmap { doneCount } }';
const VIEWER = '{ viewer { apiKey { scopes } organization { permissions } } }';

/**
 * API keys limited to modules (CONTENT_READ, CONTENT_WRITE…) with real keys through the whole stack: a module scope
 * opens its module's operations and nothing else, a write scope does not include reading, and the tenant stays shut
 * to another agency's keys whatever their scopes.
 */
describe('API-key scopes by module', () => {
  let api: TestApi;
  let admin: Client;
  let owner: AgencySession;
  let org: string;
  let itemId: string;

  const createKey = async (session: AgencySession, input: Record<string, unknown>) =>
    (
      await api.ok<{ createApiKey: { secret: string; apiKey: { id: string; scopes: string[] } } }>(
        CREATE_KEY,
        { input: { name: 'Outil', ...input } },
        { token: session.token },
      )
    ).createApiKey;

  beforeAll(async () => {
    api = await TestApi.start({ QUEUE_PREFIX: isolatedPrefix('api-key-scopes') });
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Modules');
    org = await createOrganization(api, owner, 'Client Modules');
    itemId = (
      await api.ok<{ createContentItem: { id: string } }>(
        CREATE_ITEM,
        { title: 'Le pain de la semaine' },
        { token: owner.token, organizationId: org },
      )
    ).createContentItem.id;
  });
  afterAll(async () => {
    await admin?.end();
    await api?.stop();
  });

  it('with CONTENT_READ, reads content and is refused strategy and every change', async () => {
    const key = await createKey(owner, { scopes: ['CONTENT_READ'], organizationId: org });
    const as = { token: key.secret };
    const items = await api.ok<{ contentItems: { edges: { node: { id: string } }[] } }>(CONTENT_ITEMS, {}, as);
    expect(items.contentItems.edges.map((e) => e.node.id)).toEqual([itemId]);

    const strategy = await api.gql(ROADMAP, {}, as);
    expect(firstError(strategy).extensions.code).toBe('FORBIDDEN');
    expect(firstError(strategy).message).toBe('Your access does not include strategy.read.');
    const write = await api.gql(CREATE_ITEM, { title: 'Refusé' }, as);
    expect(firstError(write).extensions.code).toBe('FORBIDDEN');
    expect(firstError(write).message).toBe('Your access does not include content.edit.');

    const viewer = await api.ok<{ viewer: { apiKey: { scopes: string[] }; organization: { permissions: string[] } } }>(VIEWER, {}, as);
    expect(viewer.viewer.apiKey.scopes).toEqual(['CONTENT_READ']);
    expect(viewer.viewer.organization.permissions).toEqual(['content.check', 'content.read', 'media.read']);
    const { rows } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM content_items WHERE organization_id = $1', [org]);
    expect(rows[0].n).toBe(1);
  });

  it('with CONTENT_WRITE and CONTENT_READ, creates a content item and reads it back; still nothing outside content', async () => {
    const key = await createKey(owner, { scopes: ['CONTENT_WRITE', 'CONTENT_READ'], organizationId: org });
    const as = { token: key.secret };
    const created = await api.ok<{ createContentItem: { id: string; title: string } }>(CREATE_ITEM, { title: 'Par la clé' }, as);
    expect(created.createContentItem.title).toBe('Par la clé');
    const items = await api.ok<{ contentItems: { edges: { node: { id: string } }[] } }>(CONTENT_ITEMS, {}, as);
    expect(items.contentItems.edges.map((e) => e.node.id).sort()).toEqual([itemId, created.createContentItem.id].sort());
    const rename = await api.gql('mutation { updateOrganization(input: { name: "Renommé" }) { name } }', {}, as);
    expect(firstError(rename).message).toBe('Your access does not include organization.update.');
  });

  it('with CONTENT_WRITE alone, writes without reading: writing does not include reading', async () => {
    const key = await createKey(owner, { scopes: ['CONTENT_WRITE'], organizationId: org });
    const as = { token: key.secret };
    await api.ok(CREATE_ITEM, { title: 'Sans lecture' }, as);
    const read = await api.gql(CONTENT_ITEMS, {}, as);
    expect(firstError(read).message).toBe('Your access does not include content.read.');
  });

  it('with a module scope at agency level, opens only that module’s agency operations', async () => {
    const key = await createKey(owner, { scopes: ['CONTENT_READ'] });
    const calendar = await api.gql(
      'query ($input: AgencyContentCalendarInput!) { agencyContentCalendar(input: $input) { __typename } }',
      { input: { from: '2026-01-05T00:00:00Z', to: '2026-01-12T00:00:00Z' } },
      { token: key.secret },
    );
    expect(calendar.body.errors ?? []).toEqual([]);
    const organizations = await api.gql('{ organizations(first: 5) { edges { node { id } } } }', {}, { token: key.secret });
    expect(firstError(organizations).message).toBe('Your access does not include organizations.list.');
    // Inside a client chosen by header, the same module.
    const items = await api.ok<{ contentItems: { edges: { node: { id: string } }[] } }>(
      CONTENT_ITEMS,
      {},
      { token: key.secret, organizationId: org },
    );
    expect(items.contentItems.edges.map((e) => e.node.id)).toContain(itemId);
  });

  it('gives another agency’s key nothing of this tenant, whatever its scopes', async () => {
    const other = await signUpAgency(api, 'Agence Voisine');
    const key = await createKey(other, { scopes: ['READ', 'WRITE', 'CONTENT_READ', 'CONTENT_WRITE'] });
    const as = { token: key.secret, organizationId: org };
    for (const res of [await api.gql(CONTENT_ITEMS, {}, as), await api.gql(CREATE_ITEM, { title: 'Intrus' }, as)]) {
      expect(res.body.data ?? null).toBeNull();
      expect(firstError(res).extensions.code).toBe('NOT_FOUND');
    }
    const own = await api.ok<{ organizations: { edges: { node: { id: string } }[] } }>(
      '{ organizations(first: 20) { edges { node { id } } } }',
      {},
      { token: key.secret },
    );
    expect(own.organizations.edges.map((e) => e.node.id)).not.toContain(org);
    const { rows } = await admin.query<{ title: string }>('SELECT title FROM content_items WHERE organization_id = $1', [org]);
    expect(rows.map((r) => r.title)).not.toContain('Intrus');
  });

  it('accepts every scope of the schema, stores the module ones as <module>:<access>, and refuses repeats and unknown values', async () => {
    const introspection = await api.ok<{ __type: { enumValues: { name: string }[] } }>(
      '{ __type(name: "ApiKeyScope") { enumValues { name } } }',
      {},
      { token: owner.token },
    );
    const all = introspection.__type.enumValues.map((v) => v.name);
    expect(all).toEqual(
      expect.arrayContaining(['READ', 'WRITE', 'CONTENT_READ', 'CONTENT_WRITE', 'NETWORK_ACCOUNTS_READ', 'WEBHOOKS_READ']),
    );
    expect(all).not.toContain('NETWORK_ACCOUNTS_WRITE');
    const key = await createKey(owner, { scopes: all });
    expect([...key.apiKey.scopes].sort()).toEqual([...all].sort());
    const stored = await admin.query<{ scopes: string[] }>('SELECT scopes FROM api_keys WHERE id = $1', [key.apiKey.id]);
    expect(stored.rows[0].scopes).toEqual(expect.arrayContaining(['read', 'write', 'content:read', 'network_accounts:read']));
    // The database holds the same list: a value outside it is refused there too.
    await expect(admin.query(`UPDATE api_keys SET scopes = ARRAY['content:admin'] WHERE id = $1`, [key.apiKey.id])).rejects.toThrow(
      /api_keys_scopes_check/,
    );

    for (const scopes of [['CONTENT_READ', 'CONTENT_READ'], ['read'], []]) {
      const res = await api.gql(CREATE_KEY, { input: { name: 'Refusée', scopes } }, { token: owner.token });
      expect(firstError(res).extensions.code).toBe('BAD_USER_INPUT');
    }
  });
});
