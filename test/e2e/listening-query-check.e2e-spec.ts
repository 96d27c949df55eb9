import type { Client } from 'pg';
import { AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { adminDatabase, firstError, leaksIn } from './e2e-support';

interface Check {
  valid: boolean;
  message: string | null;
  position: number | null;
  sources: string[] | null;
  terms: number | null;
}

const CHECK = 'query ($query: String!) { checkListeningQuery(query: $query) { valid message position sources terms } }';
const CREATE = 'mutation ($input: CreateListeningQueryInput!) { createListeningQuery(input: $input) { id } }';

/** The read-only syntax check of listening queries: the parser's verdict, the same limits as createListeningQuery, nothing stored. */
describe('checkListeningQuery', () => {
  let api: TestApi;
  let admin: Client;
  let owner: AgencySession;
  let outsider: AgencySession;
  let org: string;

  const check = async (query: string, organizationId = org) =>
    (await api.ok<{ checkListeningQuery: Check }>(CHECK, { query }, { token: owner.token, organizationId })).checkListeningQuery;
  const refusal = async (query: string) => {
    const res = await api.gql(CHECK, { query }, { token: owner.token, organizationId: org });
    expect(res.status).toBeLessThan(500);
    expect(leaksIn(res.body)).toEqual([]);
    expect(res.body.data ?? null).toBeNull();
    return firstError(res).extensions;
  };
  const stored = async () =>
    (await admin.query('SELECT count(*)::int AS n FROM listening_queries WHERE organization_id = $1', [org])).rows[0].n as number;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Écoute Syntaxe');
    outsider = await signUpAgency(api, 'Agence Voisine Syntaxe');
    org = await createOrganization(api, owner, 'Boulangerie Syntaxe');
  });
  afterAll(async () => {
    await api?.stop();
    await admin?.end();
  });

  it('accepts a valid text and says what it understood', async () => {
    expect(await check('(boulangerie OR "pain au levain") -promo source:mastodon')).toEqual({
      valid: true,
      message: null,
      position: null,
      sources: ['mastodon'],
      terms: 4,
    });
    expect(await check('fournil lang:fr')).toEqual({ valid: true, message: null, position: null, sources: null, terms: 2 });
  });

  it('answers a refused text with the message and position createListeningQuery gives, storing nothing', async () => {
    const text = 'boulangerie AND (levain';
    const verdict = await check(text);
    expect(verdict).toMatchObject({ valid: false, sources: null, terms: null });
    expect(verdict.message).toMatch(/at \d+$/);
    expect(typeof verdict.position).toBe('number');

    const res = await api.gql(
      CREATE,
      { input: { kind: 'TOPIC', name: 'Syntaxe', query: text } },
      { token: owner.token, organizationId: org },
    );
    const created = firstError(res).extensions;
    expect(created).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.query', position: verdict.position });

    expect(await check('NOT promo')).toMatchObject({ valid: false, position: 0 });
    expect(await check('source:mastodon source:rss')).toMatchObject({ valid: false });
    expect(await check('   ')).toMatchObject({ valid: false, message: 'empty query at 0', position: 0 });
    expect(await stored()).toBe(0);
  });

  it('refuses hostile texts as BAD_USER_INPUT on query', async () => {
    for (const hostile of ['a'.repeat(2001), 'pain\u0000levain', 'pain \ud800 levain', `${'('.repeat(5000)}x`]) {
      expect(await refusal(hostile)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
    }
    // Deep nesting within the length limit is the parser's refusal, not an error.
    expect(await check(`${'('.repeat(100)}x${')'.repeat(100)}`)).toMatchObject({ valid: false });
    expect(await stored()).toBe(0);
  });

  it("needs the organization's listening read permission", async () => {
    const res = await api.gql(CHECK, { query: 'fournil' }, { token: outsider.token, organizationId: org });
    expect(firstError(res).extensions.code).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
    expect(res.body.data ?? null).toBeNull();
    const anonymous = await api.gql(CHECK, { query: 'fournil' }, { organizationId: org });
    expect(firstError(anonymous).extensions.code).toBe('UNAUTHENTICATED');
  });
});
