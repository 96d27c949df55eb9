import { GraphQLSchemaHost } from '@nestjs/graphql';
import { Client } from 'pg';
import { addOrganizationMember, AgencySession, createOrganization, GqlOptions, signUpAgency, TestApi } from '@socle/testing';

/**
 * A user of organisation A aims every query and mutation at organisation B's
 * ids. Each attempt ends in NOT_FOUND or FORBIDDEN and B is unchanged.
 */
describe('cross-tenant isolation through the API', () => {
  let api: TestApi;
  let a: AgencySession;
  let b: AgencySession;
  let orgA: string;
  let orgB: string;
  let memberB: { userId: string };
  let keyB: string;
  let keyA: string;
  let accountB: string;

  const snapshotOfB = async () =>
    api.ok(
      `{ organization { id name sector status } members(first: 50) { edges { node { userId roles } } } auditLog(first: 100) { edges { node { action } } } networkAccounts(first: 50) { edges { node { id status lastCheckedAt updatedAt } } } }`,
      {},
      { token: b.token, organizationId: orgB },
    );
  const agencySnapshotOfB = async () =>
    api.ok(`{ agency { name } apiKeys(first: 50) { edges { node { id revokedAt } } } agencyMembers(first: 50) { edges { node { userId role } } } organizations(first: 50) { edges { node { id status } } } }`, {}, { token: b.token });

  beforeAll(async () => {
    api = await TestApi.start();
    a = await signUpAgency(api, 'Agence A');
    b = await signUpAgency(api, 'Agence B');
    orgA = await createOrganization(api, a, 'Client A');
    orgB = await createOrganization(api, b, 'Client B');
    await addOrganizationMember(api, a, orgA, ['STRATEGY_LEAD']);
    memberB = await addOrganizationMember(api, b, orgB, ['COMMUNITY_MANAGER']);
    const key = await api.ok<{ createApiKey: { apiKey: { id: string } } }>(`mutation { createApiKey(input: { name: "B", scopes: [read, write] }) { apiKey { id } } }`, {}, { token: b.token });
    keyB = key.createApiKey.apiKey.id;
    const ka = await api.ok<{ createApiKey: { secret: string } }>(`mutation { createApiKey(input: { name: "A", scopes: [read, write] }) { secret } }`, {}, { token: a.token });
    keyA = ka.createApiKey.secret;
    // A connected account in B, written as superuser (its sealed value is never opened: every attempt stops before).
    const admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    const { rows } = await admin.query<{ id: string }>(
      `INSERT INTO network_accounts (organization_id, network, handle, service_url, credentials_ciphertext, credentials_key_id, last_checked_at)
       VALUES ($1, 'mastodon', 'victim@b.example', 'https://b.example', 'v1.t1.x.y.z', 't1', now()) RETURNING id`,
      [orgB],
    );
    await admin.end();
    accountB = rows[0].id;
  });
  afterAll(async () => {
    await api.stop();
  });

  // Every query and mutation of the schema, aimed at B from A's side.
  const attacks: Record<string, (ids: { orgB: string; orgA: string; memberB: string; keyB: string; agencyB: string; ownerB: string; accountB: string }) => { query: string; options: 'orgB' | 'orgA' | 'agency' | 'agencyB' }[]> = {
    organization: () => [{ query: '{ organization { id } }', options: 'orgB' }],
    updateOrganization: () => [{ query: 'mutation { updateOrganization(input: { name: "pwned" }) { id } }', options: 'orgB' }],
    members: () => [{ query: '{ members(first: 5) { edges { node { userId } } } }', options: 'orgB' }],
    inviteMember: () => [{ query: 'mutation { inviteMember(input: { email: "x@example.test", roles: [VIEWER] }) { token } }', options: 'orgB' }],
    changeMemberRoles: ({ memberB }) => [
      { query: `mutation { changeMemberRoles(input: { userId: "${memberB}", roles: [VIEWER] }) { userId } }`, options: 'orgB' },
      { query: `mutation { changeMemberRoles(input: { userId: "${memberB}", roles: [VIEWER] }) { userId } }`, options: 'orgA' },
    ],
    removeMember: ({ memberB }) => [
      { query: `mutation { removeMember(input: { userId: "${memberB}" }) { userId } }`, options: 'orgB' },
      { query: `mutation { removeMember(input: { userId: "${memberB}" }) { userId } }`, options: 'orgA' },
    ],
    auditLog: () => [{ query: '{ auditLog(first: 5) { edges { node { id } } } }', options: 'orgB' }],
    agency: () => [{ query: '{ agency { id } }', options: 'agencyB' }],
    renameAgency: () => [{ query: 'mutation { renameAgency(input: { name: "pwned" }) { id } }', options: 'agencyB' }],
    organizations: () => [{ query: '{ organizations(first: 5) { edges { node { id } } } }', options: 'agencyB' }],
    createOrganization: () => [{ query: 'mutation { createOrganization(input: { name: "pwned" }) { id } }', options: 'agencyB' }],
    deleteOrganization: ({ orgB }) => [
      { query: `mutation { deleteOrganization(input: { id: "${orgB}", confirmName: "Client B" }) { id } }`, options: 'agency' },
    ],
    agencyMembers: () => [{ query: '{ agencyMembers(first: 5) { edges { node { userId } } } }', options: 'agencyB' }],
    inviteAgencyMember: () => [{ query: 'mutation { inviteAgencyMember(input: { email: "x@example.test", role: ADMIN }) { token } }', options: 'agencyB' }],
    changeAgencyMemberRole: ({ ownerB }) => [
      { query: `mutation { changeAgencyMemberRole(input: { userId: "${ownerB}", role: MEMBER }) { userId } }`, options: 'agency' },
    ],
    removeAgencyMember: ({ ownerB }) => [{ query: `mutation { removeAgencyMember(input: { userId: "${ownerB}" }) { userId } }`, options: 'agency' }],
    apiKeys: () => [{ query: '{ apiKeys(first: 5) { edges { node { id } } } }', options: 'agencyB' }],
    createApiKey: ({ orgB }) => [{ query: `mutation { createApiKey(input: { name: "x", scopes: [read], organizationId: "${orgB}" }) { secret } }`, options: 'agency' }],
    revokeApiKey: ({ keyB }) => [{ query: `mutation { revokeApiKey(input: { id: "${keyB}" }) { id } }`, options: 'agency' }],
    agencyAuditLog: () => [{ query: '{ agencyAuditLog(first: 5) { edges { node { id } } } }', options: 'agencyB' }],
    networks: () => [{ query: '{ networks { id } }', options: 'orgB' }],
    networkAccounts: () => [{ query: '{ networkAccounts(first: 5) { edges { node { id handle } } } }', options: 'orgB' }],
    connectNetworkAccount: () => [
      { query: 'mutation { connectNetworkAccount(input: { network: "rss", serviceUrl: "http://127.0.0.1:9/feed.xml" }) { id } }', options: 'orgB' },
    ],
    startNetworkOAuth: () => [
      { query: 'mutation { startNetworkOAuth(input: { network: "mastodon", serviceUrl: "http://127.0.0.1:9" }) { state } }', options: 'orgB' },
    ],
    disconnectNetworkAccount: ({ accountB }) => [
      { query: `mutation { disconnectNetworkAccount(input: { id: "${accountB}" }) { id } }`, options: 'orgB' },
      { query: `mutation { disconnectNetworkAccount(input: { id: "${accountB}" }) { id } }`, options: 'orgA' },
    ],
    checkNetworkAccount: ({ accountB }) => [
      { query: `mutation { checkNetworkAccount(input: { id: "${accountB}" }) { id status } }`, options: 'orgB' },
      { query: `mutation { checkNetworkAccount(input: { id: "${accountB}" }) { id status } }`, options: 'orgA' },
    ],
  };
  // Operations that take no tenant id: they act on the caller's own account only.
  const selfOnly = ['signUp', 'logIn', 'refreshSession', 'logOut', 'acceptInvitation', 'me'];

  it('covers every query and mutation of the schema', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const operations = [...Object.keys(schema.getQueryType()?.getFields() ?? {}), ...Object.keys(schema.getMutationType()?.getFields() ?? {})].sort();
    expect(operations).toEqual([...Object.keys(attacks), ...selfOnly].sort());
  });

  it("refuses every operation aimed at B's tenant, and B is unchanged", async () => {
    const before = [await snapshotOfB(), await agencySnapshotOfB()];
    const ids = { orgB, orgA, memberB: memberB.userId, keyB, agencyB: b.agencyId, ownerB: b.userId, accountB };
    const results: string[] = [];
    for (const [name, build] of Object.entries(attacks)) {
      for (const attack of build(ids)) {
        const options: GqlOptions = { token: a.token };
        if (attack.options === 'orgB') options.organizationId = orgB;
        if (attack.options === 'orgA') options.organizationId = orgA;
        if (attack.options === 'agencyB') options.agencyId = b.agencyId;
        const res = await api.gql(attack.query, {}, options);
        const code = res.body.errors?.[0]?.extensions?.code;
        results.push(`${name}/${attack.options}: ${String(code)}`);
        expect({ name, via: attack.options, code, data: res.body.data ? Object.values(res.body.data).filter((v) => v !== null) : [] }).toEqual({
          name, via: attack.options, code: expect.stringMatching(/^(NOT_FOUND|FORBIDDEN)$/), data: [],
        });
      }
    }
    expect(results.length).toBeGreaterThanOrEqual(Object.keys(attacks).length);
    expect([await snapshotOfB(), await agencySnapshotOfB()]).toEqual(before);
  });

  it("keeps an agency's API key out of another agency's organisations", async () => {
    const res = await api.gql('{ organization { id name } }', {}, { token: keyA, organizationId: orgB });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(res.body.data ?? null).toBeNull();
  });

  it("lists only the agency's own organisations, and me shows only the caller's memberships", async () => {
    const list = await api.ok<{ organizations: { edges: { node: { id: string } }[] } }>('{ organizations(first: 100) { edges { node { id } } } }', {}, { token: a.token });
    const ids = list.organizations.edges.map((e) => e.node.id);
    expect(ids).toContain(orgA);
    expect(ids).not.toContain(orgB);
    const me = await api.ok<{ me: { agencies: { agency: { id: string } }[] } }>('{ me { agencies { agency { id } } } }', {}, { token: a.token });
    expect(me.me.agencies.map((x) => x.agency.id)).toEqual([a.agencyId]);
  });
});
