import { addOrganizationMember, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { isolatedPrefix } from './e2e-support';

const CREATE = 'mutation ($name: String!) { createCompetitor(input: { name: $name }) { id name } }';
const COMPETITORS = '{ competitors(first: 100) { edges { node { id name } } } }';

/**
 * Client idempotency keys: a mutation sent again with the same `Idempotency-Key` creates nothing twice and gets the
 * first answer; the key is claimed in the mutation's own transaction, so concurrent retries wait for the first one.
 */
describe('idempotency keys on mutations', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ QUEUE_PREFIX: isolatedPrefix('idempotency') });
  });
  afterAll(async () => {
    await api?.stop();
  });

  const named = async (token: string, organizationId: string, name: string) =>
    (
      await api.ok<{ competitors: { edges: { node: { id: string; name: string } }[] } }>(COMPETITORS, {}, { token, organizationId })
    ).competitors.edges
      .map((e) => e.node)
      .filter((c) => c.name === name);

  it('creates once when the same request is sent six times at once with one key, and answers each with the same object', async () => {
    const owner = await signUpAgency(api);
    const organizationId = await createOrganization(api, owner, 'Client idempotent');
    const headers = { 'idempotency-key': 'retry-7f3c2a' };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        api.gql<{ createCompetitor: { id: string } }>(CREATE, { name: 'Vélo Rival' }, { token: owner.token, organizationId, headers }),
      ),
    );
    const ids = new Set(answers.map((a) => a.body.data?.createCompetitor.id));
    expect(answers.map((a) => a.body.errors)).toEqual(answers.map(() => undefined));
    expect(ids.size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(5);
    expect(await named(owner.token, organizationId, 'Vélo Rival')).toHaveLength(1);
    // A retry later gets the same answer again; without a key, the same request runs again (and meets the name it took).
    const later = await api.gql<{ createCompetitor: { id: string } }>(
      CREATE,
      { name: 'Vélo Rival' },
      { token: owner.token, organizationId, headers },
    );
    expect(later.headers['idempotent-replayed']).toBe('true');
    expect(later.body.data?.createCompetitor.id).toBe([...ids][0]);
    const keyless = await api.gql(CREATE, { name: 'Vélo Rival' }, { token: owner.token, organizationId });
    expect(keyless.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await named(owner.token, organizationId, 'Vélo Rival')).toHaveLength(1);
  });

  it('refuses a key used for another request, and frees a key whose mutation failed', async () => {
    const owner = await signUpAgency(api);
    const organizationId = await createOrganization(api, owner, 'Client prudent');
    const headers = { 'idempotency-key': 'order-42' };
    await api.ok(CREATE, { name: 'Premier' }, { token: owner.token, organizationId, headers });
    const other = await api.gql(CREATE, { name: 'Second' }, { token: owner.token, organizationId, headers });
    expect(other.status).toBe(422);
    expect(other.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    expect(await named(owner.token, organizationId, 'Second')).toHaveLength(0);
    // A refused mutation keeps nothing, its key neither: the same key then serves a request that succeeds.
    const freeKey = { 'idempotency-key': 'order-43' };
    const blank = await api.gql(CREATE, { name: '   ' }, { token: owner.token, organizationId, headers: freeKey });
    expect(blank.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const fixed = await api.gql(CREATE, { name: 'Troisième' }, { token: owner.token, organizationId, headers: freeKey });
    expect(fixed.body.errors).toBeUndefined();
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();
    expect(await named(owner.token, organizationId, 'Troisième')).toHaveLength(1);
  });

  it('keeps keys apart per caller and per tenant: the same key elsewhere runs on its own and never sees another answer', async () => {
    const owner = await signUpAgency(api);
    const organizationId = await createOrganization(api, owner, 'Client A');
    const colleague = await addOrganizationMember(api, owner, organizationId, ['STRATEGY_LEAD']);
    const stranger = await signUpAgency(api, 'Agence B');
    const theirs = await createOrganization(api, stranger, 'Client B');
    const headers = { 'idempotency-key': 'shared-key' };
    const mine = await api.ok<{ createCompetitor: { id: string } }>(
      CREATE,
      { name: 'Rival' },
      { token: owner.token, organizationId, headers },
    );
    const colleagues = await api.gql<{ createCompetitor: { id: string } }>(
      CREATE,
      { name: 'Rival bis' },
      { token: colleague.token, organizationId, headers },
    );
    const strangers = await api.gql<{ createCompetitor: { id: string } }>(
      CREATE,
      { name: 'Rival' },
      { token: stranger.token, organizationId: theirs, headers },
    );
    for (const answer of [colleagues, strangers]) {
      expect(answer.body.errors).toBeUndefined();
      expect(answer.headers['idempotent-replayed']).toBeUndefined();
      expect(answer.body.data?.createCompetitor.id).toBeDefined();
      expect(answer.body.data?.createCompetitor.id).not.toBe(mine.createCompetitor.id);
    }
    expect(await named(owner.token, organizationId, 'Rival')).toHaveLength(1);
    expect(await named(owner.token, organizationId, 'Rival bis')).toHaveLength(1);
    expect(await named(stranger.token, theirs, 'Rival')).toHaveLength(1);
    // The stranger aiming at this organisation with the key is refused before any key is read.
    const aimed = await api.gql(CREATE, { name: 'Rival' }, { token: stranger.token, organizationId, headers });
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(aimed.body.errors?.[0]?.extensions?.code);
    expect(aimed.headers['idempotent-replayed']).toBeUndefined();
    expect(await named(owner.token, organizationId, 'Rival')).toHaveLength(1);
  });

  it('works at the agency level, ignores the key on queries, and refuses malformed keys and keys on personal mutations', async () => {
    const owner = await signUpAgency(api);
    const headers = { 'idempotency-key': 'new-client-1' };
    const create = 'mutation { createOrganization(input: { name: "Client unique" }) { id } }';
    const first = await api.ok<{ createOrganization: { id: string } }>(create, {}, { token: owner.token, headers });
    const again = await api.gql<{ createOrganization: { id: string } }>(create, {}, { token: owner.token, headers });
    expect(again.body.data?.createOrganization.id).toBe(first.createOrganization.id);
    const list = await api.ok<{ organizations: { edges: { node: { name: string } }[] } }>(
      '{ organizations(first: 100) { edges { node { name } } } }',
      {},
      { token: owner.token },
    );
    expect(list.organizations.edges.filter((e) => e.node.name === 'Client unique')).toHaveLength(1);
    const query = await api.gql('{ viewer { kind } }', {}, { token: owner.token, headers });
    expect(query.body.errors).toBeUndefined();
    for (const key of ['two words', 'a'.repeat(256), 'tab\there', 'clé']) {
      const res = await api.gql(create, {}, { token: owner.token, headers: { 'idempotency-key': key } });
      expect({ key: key.slice(0, 10), status: res.status, ext: res.body.errors?.[0]?.extensions }).toMatchObject({
        key: key.slice(0, 10),
        status: 422,
        ext: { code: 'BAD_USER_INPUT', field: 'Idempotency-Key' },
      });
    }
    const personal = await api.gql(
      'mutation { updateMe(input: { displayName: "Moi" }) { id } }',
      {},
      { token: owner.token, headers: { 'idempotency-key': 'me-1' } },
    );
    expect(personal.status).toBe(422);
    expect(personal.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    expect(list.organizations.edges.length).toBeGreaterThan(0);
  });
});
