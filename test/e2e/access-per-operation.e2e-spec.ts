import type { DataSource } from 'typeorm';
import { ONE_LEVEL_MESSAGE } from '@socle/platform-auth';
import { DATA_SOURCE, statementCounter, UnitOfWork, uuidLiteral } from '@socle/platform-database';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { adminDatabase } from './e2e-support';

/**
 * Access is resolved once per operation, before any resolver runs: every root
 * field must need the same level, and the tenant is entered by the probe that
 * proves the membership, never before it.
 */
describe('access resolved once per operation', () => {
  let api: TestApi;
  let owner: AgencySession;
  let orgId: string;

  const listNames = async () =>
    (
      await api.ok<{ organizations: { edges: { node: { name: string } }[] } }>(
        '{ organizations(first: 100) { edges { node { name } } } }',
        {},
        { token: owner.token },
      )
    ).organizations.edges.map((e) => e.node.name);

  beforeAll(async () => {
    api = await TestApi.start();
    owner = await signUpAgency(api, 'Agence Niveaux');
    orgId = await createOrganization(api, owner, 'Client Niveaux');
  });
  afterAll(async () => {
    await api.stop();
  });

  describe('an operation whose root fields need different levels', () => {
    const orders = {
      'agency field first': '{ organizations(first: 5) { edges { node { id } } } organization { id name } }',
      'organization field first': '{ organization { id name } organizations(first: 5) { edges { node { id } } } }',
    };
    for (const [label, query] of Object.entries(orders)) {
      it(`is refused as a whole before any resolver runs (${label})`, async () => {
        const before = statementCounter.count;
        const res = await api.gql(query, {}, { token: owner.token, organizationId: orgId });
        // Nothing reached the database: no transaction, no membership probe, no resolver.
        expect(statementCounter.count).toBe(before);
        expect(res.status).toBe(403);
        expect(res.body).not.toHaveProperty('data');
        expect(res.body.errors).toHaveLength(1);
        expect(res.body.errors?.[0]).toEqual({
          message: ONE_LEVEL_MESSAGE,
          extensions: { code: 'FORBIDDEN', requestId: expect.any(String) },
        });
      });
    }

    it('is refused through fragments too, and writes nothing', async () => {
      const mutation = `mutation { ...Both }
        fragment Both on Mutation { createOrganization(input: { name: "Jamais créée" }) { id } ... on Mutation { updateOrganization(input: { name: "Jamais renommée" }) { id } } }`;
      const res = await api.gql(mutation, {}, { token: owner.token, organizationId: orgId });
      expect(res.body.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([['FORBIDDEN', ONE_LEVEL_MESSAGE]]);
      expect(await listNames()).toEqual(['Client Niveaux']);
    });

    it('counts only the fields that are included (@skip / @include)', async () => {
      const query =
        'query ($agency: Boolean!) { organizations(first: 5) @include(if: $agency) { edges { node { id } } } organization @skip(if: $agency) { name } }';
      const inside = await api.ok<{ organization: { name: string } }>(
        query,
        { agency: false },
        { token: owner.token, organizationId: orgId },
      );
      expect(inside.organization.name).toBe('Client Niveaux');
      const agency = await api.ok<{ organizations: { edges: unknown[] } }>(query, { agency: true }, { token: owner.token });
      expect(agency.organizations.edges).toHaveLength(1);
    });
  });

  it('still answers a plain organisation list in two statements (the opening round trip with the probe, then the page)', async () => {
    await api.ok('{ members(first: 20) { edges { node { userId } } } }', {}, { token: owner.token, organizationId: orgId });
    const before = statementCounter.count;
    await api.ok('{ members(first: 20) { edges { node { userId } } } }', {}, { token: owner.token, organizationId: orgId });
    expect(statementCounter.count - before).toBe(2);
  });

  it("refuses another agency's organisation with NOT_FOUND before any resolver runs, and changes nothing there", async () => {
    const other = await signUpAgency(api, 'Agence Voisine');
    const otherOrg = await createOrganization(api, other, 'Client Voisin');
    const res = await api.gql(
      'mutation { updateOrganization(input: { name: "Pris" }) { id } }',
      {},
      { token: owner.token, organizationId: otherOrg },
    );
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    expect(res.body).not.toHaveProperty('data');
    const name = await api.ok<{ organization: { name: string } }>(
      '{ organization { name } }',
      {},
      { token: other.token, organizationId: otherOrg },
    );
    expect(name.organization.name).toBe('Client Voisin');
  });

  describe('entering an organisation in the unit of work', () => {
    let dataSource: DataSource;
    let member: { userId: string };
    let stranger: AgencySession;
    const probe = (organizationId: string, keyAgency: string | null = null) =>
      `SELECT * FROM socle_enter_organization(${uuidLiteral(organizationId)}, ${keyAgency ? uuidLiteral(keyAgency) : 'NULL'})`;
    const tenantOf = async (uow: UnitOfWork) =>
      (await uow.query<{ org: string | null }>("SELECT nullif(current_setting('socle.organization_id', true), '') AS org"))[0].org;

    beforeAll(async () => {
      dataSource = api.app.get<DataSource>(DATA_SOURCE);
      member = await addOrganizationMember(api, owner, orgId, ['VIEWER']);
      stranger = await signUpAgency(api, 'Agence Étrangère');
    });

    it('leaves no tenant set when the membership is not proven', async () => {
      const uow = new UnitOfWork(dataSource, { userId: stranger.userId });
      const entered = await uow.enterOrganization(orgId, probe(orgId));
      expect(entered).toEqual({ uow: null, row: undefined });
      expect(uow.organizationId).toBeUndefined();
      expect(await tenantOf(uow)).toBeNull();
      // Row-level security hides the organisation, as for any caller without a tenant.
      expect(await uow.query('SELECT id FROM organizations WHERE id = $1', [orgId])).toEqual([]);
      await uow.rollback();
    });

    it('sets the tenant only once the membership is proven, in the opening round trip', async () => {
      const uow = new UnitOfWork(dataSource, { userId: member.userId });
      const before = statementCounter.count;
      const entered = await uow.enterOrganization(orgId, probe(orgId));
      expect(statementCounter.count - before).toBe(1);
      expect(entered.uow).toBe(uow);
      expect(entered.row).toMatchObject({ entered: true, agency_id: owner.agencyId, roles: ['VIEWER'] });
      expect(entered.uow?.organizationId).toBe(orgId);
      expect(await tenantOf(uow)).toBe(orgId);
      await uow.rollback();
    });

    it('checks the membership with no tenant set while the probe runs', async () => {
      // The probe refuses to run inside a transaction that already has a tenant: it could only ever confirm it.
      const uow = new UnitOfWork(dataSource, { userId: member.userId, agencyId: owner.agencyId });
      await expect(uow.query(probe(orgId))).rejects.toThrow(/a tenant is already set/);
      await uow.rollback();
      const admin = await adminDatabase();
      try {
        const [source] = (
          await admin.query<{ src: string }>("SELECT prosrc AS src FROM pg_proc WHERE proname = 'socle_enter_organization'")
        ).rows;
        // Proof first, then set_config: the tenant setting is the function's last act.
        expect(source.src.indexOf('set_config')).toBeGreaterThan(source.src.indexOf('organization_memberships'));
      } finally {
        await admin.end();
      }
    });

    it('refuses to enter an organisation once the transaction is open', async () => {
      const uow = new UnitOfWork(dataSource, { userId: member.userId });
      await uow.query('SELECT 1');
      await expect(uow.enterOrganization(orgId, probe(orgId))).rejects.toThrow(/when the transaction opens/);
      expect(await tenantOf(uow)).toBeNull();
      await uow.rollback();
    });

    it("lets an API key in only to its own agency's organisations", async () => {
      const inOwn = new UnitOfWork(dataSource, {});
      expect((await inOwn.enterOrganization(orgId, probe(orgId, owner.agencyId))).uow?.organizationId).toBe(orgId);
      await inOwn.rollback();
      const elsewhere = new UnitOfWork(dataSource, {});
      expect((await elsewhere.enterOrganization(orgId, probe(orgId, stranger.agencyId))).uow).toBeNull();
      expect(await tenantOf(elsewhere)).toBeNull();
      await elsewhere.rollback();
    });
  });
});
