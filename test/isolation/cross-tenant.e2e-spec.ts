import { GraphQLSchemaHost } from '@nestjs/graphql';
import { Client } from 'pg';
import { addOrganizationMember, createOrganization, GqlOptions, signUpAgency, TestApi } from '@socle/testing';
import { ATTACK_MODULES, IsolationWorld } from './attacks';

/**
 * A user of organisation A aims every query and mutation at organisation B's
 * ids. Each attempt ends in NOT_FOUND or FORBIDDEN and B is unchanged. Each
 * module contributes its attacks from `attacks/`.
 */
describe('cross-tenant isolation through the API', () => {
  let api: TestApi;
  let world: IsolationWorld;
  let admin: Client;
  let ids: Record<string, string>;
  let keyA: string;

  const snapshotOfB = async () => Promise.all(ATTACK_MODULES.map((m) => m.snapshot?.(world) ?? null));

  beforeAll(async () => {
    api = await TestApi.start();
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    const a = await signUpAgency(api, 'Agence A');
    const b = await signUpAgency(api, 'Agence B');
    const orgA = await createOrganization(api, a, 'Client A');
    const orgB = await createOrganization(api, b, 'Client B');
    await addOrganizationMember(api, a, orgA, ['STRATEGY_LEAD']);
    const memberB = await addOrganizationMember(api, b, orgB, ['COMMUNITY_MANAGER']);
    const approverB = await addOrganizationMember(api, b, orgB, ['EXECUTIVE_APPROVER']);
    world = {
      api,
      a,
      b,
      orgA,
      orgB,
      memberB,
      approverB,
      asOwner: async <T>(sql: string, params: unknown[] = []) => (await admin.query(sql, params)).rows as T[],
    };
    ids = { orgA, orgB, memberB: memberB.userId, approverB: approverB.userId, agencyB: b.agencyId, ownerB: b.userId };
    for (const module of ATTACK_MODULES) Object.assign(ids, (await module.setup?.(world)) ?? {});
    const ka = await api.ok<{ createApiKey: { secret: string } }>(
      `mutation { createApiKey(input: { name: "A", scopes: [read, write] }) { secret } }`,
      {},
      { token: a.token },
    );
    keyA = ka.createApiKey.secret;
  });
  afterAll(async () => {
    await admin?.end();
    await api.stop();
  });

  it('covers every query and mutation of the schema', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const operations = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}),
    ].sort();
    const covered = ATTACK_MODULES.flatMap((m) => [...Object.keys(m.attacks), ...(m.selfOnly ?? [])]).sort();
    expect(operations).toEqual(covered);
  });

  it("refuses every operation aimed at B's tenant, and B is unchanged", async () => {
    const before = await snapshotOfB();
    const results: string[] = [];
    for (const module of ATTACK_MODULES) {
      for (const [name, build] of Object.entries(module.attacks)) {
        for (const attack of build(ids)) {
          const options: GqlOptions = { token: world.a.token };
          if (attack.options === 'orgB') options.organizationId = world.orgB;
          if (attack.options === 'orgA') options.organizationId = world.orgA;
          if (attack.options === 'agencyB') options.agencyId = world.b.agencyId;
          const res = await api.gql(attack.query, {}, options);
          const code = res.body.errors?.[0]?.extensions?.code;
          results.push(`${name}/${attack.options}: ${String(code)}`);
          expect({
            name,
            via: attack.options,
            code,
            data: res.body.data ? Object.values(res.body.data).filter((v) => v !== null) : [],
          }).toEqual({
            name,
            via: attack.options,
            code: expect.stringMatching(/^(NOT_FOUND|FORBIDDEN)$/),
            data: [],
          });
        }
      }
    }
    expect(results.length).toBeGreaterThanOrEqual(ATTACK_MODULES.reduce((n, m) => n + Object.keys(m.attacks).length, 0));
    expect(await snapshotOfB()).toEqual(before);
  });

  it("keeps an agency's API key out of another agency's organisations", async () => {
    const res = await api.gql('{ organization { id name } }', {}, { token: keyA, organizationId: world.orgB });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(res.body.data ?? null).toBeNull();
  });

  it("lists only the agency's own organisations, and me shows only the caller's memberships", async () => {
    const list = await api.ok<{ organizations: { edges: { node: { id: string } }[] } }>(
      '{ organizations(first: 100) { edges { node { id } } } }',
      {},
      { token: world.a.token },
    );
    const orgIds = list.organizations.edges.map((e) => e.node.id);
    expect(orgIds).toContain(world.orgA);
    expect(orgIds).not.toContain(world.orgB);
    const me = await api.ok<{ me: { agencies: { agency: { id: string } }[] } }>(
      '{ me { agencies { agency { id } } } }',
      {},
      { token: world.a.token },
    );
    expect(me.me.agencies.map((x) => x.agency.id)).toEqual([world.a.agencyId]);
  });
});
