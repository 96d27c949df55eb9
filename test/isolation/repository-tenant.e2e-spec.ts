import { ModulesContainer } from '@nestjs/core';
import type { DataSource } from 'typeorm';
import { AuditRepository } from '@socle/accounts';
import { OrganizationContext, organizationContext } from '@socle/platform-auth';
import { DATA_SOURCE, inOrganizationUnitOfWork, inUnitOfWork, OrganizationUnitOfWork, UnitOfWork } from '@socle/platform-database';
import { createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { adminDatabase } from '../e2e/e2e-support';

/** What these tests use of the accounts module's organisation repository (it is not exported: reached through the container). */
interface OrganizationReader {
  find(ctx: OrganizationContext): Promise<{ id: string; name: string } | null>;
}

function providerNamed<T>(api: TestApi, name: string): T {
  for (const module of api.app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      if ((wrapper.metatype as { name?: string } | null)?.name === name && wrapper.instance) return wrapper.instance as T;
    }
  }
  throw new Error(`no provider ${name}`);
}

/**
 * A repository reads the tenant from its unit of work: with a unit of work of
 * organisation A it cannot reach B, whatever else its caller passes. The
 * compiler refuses the forgeries (`@ts-expect-error` lines, checked by tsc);
 * at run time the same forgeries still land in A.
 */
describe('repositories act in their unit of work’s organisation', () => {
  let api: TestApi;
  let dataSource: DataSource;
  let orgA: string;
  let orgB: string;
  const actor = { type: 'SYSTEM' as const, id: null };

  beforeAll(async () => {
    api = await TestApi.start();
    dataSource = api.app.get<DataSource>(DATA_SOURCE);
    const a = await signUpAgency(api, 'Agence A');
    const b = await signUpAgency(api, 'Agence B');
    orgA = await createOrganization(api, a, 'Client A');
    orgB = await createOrganization(api, b, 'Client B');
  });
  afterAll(async () => {
    await api.stop();
  });

  it('does not compile a call that names another organisation or brings an unproven unit of work', () => {
    const audit = new AuditRepository();
    const typeChecks = (plain: UnitOfWork, inA: OrganizationUnitOfWork, ctxA: OrganizationContext) => {
      // @ts-expect-error a unit of work that did not enter an organisation proves none
      void audit.recordInOrganization(plain, actor, { action: 'x' });
      // @ts-expect-error the organisation is the unit of work's: no separate argument
      void audit.recordInOrganization(inA, orgB, actor, { action: 'x' });
      // @ts-expect-error a context cannot name another organisation than its unit of work's
      const forged: OrganizationContext = { ...ctxA, organizationId: orgB };
      // @ts-expect-error an object is not a unit of work of an organisation
      const fake: OrganizationUnitOfWork = { organizationId: orgB };
      return [forged, fake];
    };
    expect(typeof typeChecks).toBe('function');
  });

  it('writes and reads only in A with a unit of work of A, even through a forged context', async () => {
    const audit = new AuditRepository();
    const organizations = providerNamed<OrganizationReader>(api, 'OrganizationRepository');
    const found = await inOrganizationUnitOfWork(dataSource, orgA, async (uow) => {
      await audit.recordInOrganization(uow, actor, { action: 'isolation.probe' });
      const ctx = organizationContext(uow, {
        actor,
        agencyId: '00000000-0000-4000-8000-000000000000',
        agencyRole: null,
        organizationRoles: [],
      });
      // A forged organisation id beside the unit of work is not what the repository reads.
      const forged = { ...ctx, organizationId: orgB } as unknown as OrganizationContext;
      return organizations.find(forged);
    });
    expect(found).toMatchObject({ id: orgA, name: 'Client A' });
    const admin = await adminDatabase();
    try {
      const rows = (
        await admin.query<{ organization_id: string }>("SELECT organization_id FROM audit_events WHERE action = 'isolation.probe'")
      ).rows;
      expect(rows).toEqual([{ organization_id: orgA }]);
    } finally {
      await admin.end();
    }
  });

  it("finds nothing of B's with a unit of work of A, and row-level security refuses a write aimed at B", async () => {
    const organizations = providerNamed<OrganizationReader>(api, 'OrganizationRepository');
    await inOrganizationUnitOfWork(dataSource, orgA, async (uow) => {
      expect(await uow.query('SELECT id FROM organizations WHERE id = $1', [orgB])).toEqual([]);
      const ctx = organizationContext(uow, {
        actor,
        agencyId: '00000000-0000-4000-8000-000000000000',
        agencyRole: null,
        organizationRoles: [],
      });
      expect((await organizations.find(ctx))?.id).toBe(orgA);
    });
    // Below the types, the database holds the line too: B's row cannot be written from A's transaction.
    await expect(
      inOrganizationUnitOfWork(dataSource, orgA, (uow) =>
        uow.query(
          "INSERT INTO audit_events (organization_id, actor_type, action, metadata) VALUES ($1, 'SYSTEM', 'isolation.forged', '{}')",
          [orgB],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    // And a unit of work without an organisation sees no organisation rows at all.
    expect(
      await inUnitOfWork(dataSource, {}, (uow) => uow.query('SELECT id FROM organizations WHERE id = ANY($1::uuid[])', [[orgA, orgB]])),
    ).toEqual([]);
  });
});
