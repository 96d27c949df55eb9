import { GraphQLSchemaHost } from '@nestjs/graphql';
import { createClient } from 'graphql-ws';
import { Client } from 'pg';
import WebSocket from 'ws';
import {
  addOrganizationMember,
  createOrganization,
  dropTestDatabase,
  GqlOptions,
  GqlResult,
  ownTestDatabase,
  signUpAgency,
  TestApi,
} from '@socle/testing';
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
  let database: ReturnType<typeof ownTestDatabase> | undefined;
  let ids: Record<string, string>;
  let keyA: string;

  /** Each module's picture of B, read one after the other (through one connection). */
  const snapshotOfB = async () => {
    const pictures: unknown[] = [];
    for (const m of ATTACK_MODULES) pictures.push((await m.snapshot?.(world)) ?? null);
    return pictures;
  };

  /**
   * A subscription sent over WebSocket as the HTTP request would be (the same credentials and organisation in
   * connection_init): its first answer, or no error at all when it was accepted and waits for events (a failed attack).
   */
  const subscribeOnce = async (query: string, options: GqlOptions): Promise<GqlResult> => {
    const client = createClient({
      url: await api.subscriptionsUrl(),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.organizationId ? { 'x-socle-organization': options.organizationId } : {}),
        ...(options.agencyId ? { 'x-socle-agency': options.agencyId } : {}),
      },
    });
    try {
      const body = await new Promise<GqlResult['body']>((resolve) => {
        const timer = setTimeout(() => resolve({ data: null }), 3000);
        const done = (answer: GqlResult['body']) => {
          clearTimeout(timer);
          resolve(answer);
        };
        client.subscribe(
          { query },
          {
            next: (result) => done(result as GqlResult['body']),
            error: (error) => done({ errors: Array.isArray(error) ? error : [{ message: String(error), extensions: { code: 'CLOSED' } }] }),
            complete: () => done({ data: null }),
          },
        );
      });
      return { status: 0, body, headers: {} };
    } finally {
      await client.dispose();
    }
  };

  beforeAll(async () => {
    // A database of its own: B holds what other suites' workers act on across every tenant of a database (a press
    // release due with a confirmed subscriber, a crisis notification due), and a digest or an escalation they sent for B
    // would read as a change an attack made.
    database = ownTestDatabase();
    api = await TestApi.start({ ...database.env });
    admin = new Client({ connectionString: database.adminUrl });
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
      `mutation { createApiKey(input: { name: "A", scopes: [READ, WRITE] }) { secret } }`,
      {},
      { token: a.token },
    );
    keyA = ka.createApiKey.secret;
  });
  afterAll(async () => {
    await admin?.end();
    await api?.stop();
    if (database) await dropTestDatabase(database.name);
  });

  it('covers every query, mutation and subscription of the schema', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const operations = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}),
      ...Object.keys(schema.getSubscriptionType()?.getFields() ?? {}),
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
          const res = /^\s*subscription\b/.test(attack.query)
            ? await subscribeOnce(attack.query, options)
            : await api.gql(attack.query, {}, options);
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
    expect(res.body.data?.organization ?? null).toBeNull();
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

  it("viewer tells A's person and A's key nothing of B's organisation: NOT_FOUND on its organization part, the rest their own", async () => {
    const query = '{ viewer { kind user { id } apiKey { agencyId } organization { organizationId agencyId roles permissions } } }';
    for (const token of [world.a.token, keyA]) {
      const res = await api.gql<{ viewer: { user: unknown; apiKey: unknown; organization: unknown } }>(
        query,
        {},
        { token, organizationId: world.orgB },
      );
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors?.[0]).toMatchObject({ path: ['viewer', 'organization'], extensions: { code: 'NOT_FOUND' } });
      const viewer = res.body.data?.viewer;
      expect(viewer?.organization).toBeNull();
      expect(JSON.stringify(res.body.data)).not.toContain(world.b.agencyId);
      if (token === keyA) expect(viewer?.apiKey).toEqual({ agencyId: world.a.agencyId });
      else expect(viewer?.user).toEqual({ id: world.a.userId });
    }
    // B's own member sees B's organisation, for comparison.
    const own = await api.ok<{ viewer: { organization: { organizationId: string; roles: string[] } } }>(
      '{ viewer { organization { organizationId roles } } }',
      {},
      { token: world.memberB.token, organizationId: world.orgB },
    );
    expect(own.viewer.organization).toEqual({ organizationId: world.orgB, roles: ['COMMUNITY_MANAGER'] });
  });
});
