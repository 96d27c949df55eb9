import { Client } from 'pg';
import { PurgeOrganizationJob } from '@socle/accounts';
import { createWorker, RunningWorker } from '@socle/worker';
import { addOrganizationMember, createOrganization, signUpAgency, TestApi } from '@socle/testing';

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 20000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function rowsOf(admin: Client, organizationId: string): Promise<Record<string, number>> {
  const { rows } = await admin.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'organization_id'",
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of rows) {
    const r = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table_name}" WHERE organization_id = $1`, [
      organizationId,
    ]);
    counts[table_name] = r.rows[0].n;
  }
  const org = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM organizations WHERE id = $1', [organizationId]);
  counts.organizations = org.rows[0].n;
  return counts;
}

describe('deleting an organisation', () => {
  let api: TestApi;
  let worker: RunningWorker | undefined;
  let admin: Client;
  beforeAll(async () => {
    api = await TestApi.start();
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await worker?.close();
    await admin.end();
    await api.stop();
  });

  it('is pending until the worker purges every row in batches, and the purge is audited', async () => {
    const owner = await signUpAgency(api);
    const doomed = await createOrganization(api, owner, 'Client Sortant');
    const kept = await createOrganization(api, owner, 'Client Fidèle');
    for (const roles of [['VIEWER'], ['ANALYST'], ['CONTENT_LEAD']]) await addOrganizationMember(api, owner, doomed, roles);
    await addOrganizationMember(api, owner, kept, ['VIEWER']);
    const before = await rowsOf(admin, doomed);
    expect(before.organization_memberships).toBe(3);
    expect(before.audit_events).toBeGreaterThan(0);
    const keptBefore = await rowsOf(admin, kept);

    const res = await api.ok<{ deleteOrganization: { status: string; deletionRequestedAt: string } }>(
      `mutation ($input: DeleteOrganizationInput!) { deleteOrganization(input: $input) { status deletionRequestedAt } }`,
      { input: { id: doomed, confirmName: 'Client Sortant' } },
      { token: owner.token },
    );
    expect(res.deleteOrganization.status).toBe('DELETION_PENDING');
    expect(res.deleteOrganization.deletionRequestedAt).toEqual(expect.any(String));

    // Visible as pending; nothing acts inside it any more.
    const pending = await api.ok<{ organizations: { edges: { node: { id: string; status: string } }[] } }>(
      '{ organizations(first: 10, filter: { status: DELETION_PENDING }) { edges { node { id status } } } }',
      {},
      { token: owner.token },
    );
    expect(pending.organizations.edges.map((e) => e.node.id)).toEqual([doomed]);
    const inside = await api.gql('{ members(first: 5) { edges { node { userId } } } }', {}, { token: owner.token, organizationId: doomed });
    expect(inside.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    worker = await createWorker(api.config);
    await waitFor(async () => ((await rowsOf(admin, doomed)).organizations === 0 ? true : undefined));
    expect(Object.values(await rowsOf(admin, doomed)).every((n) => n === 0)).toBe(true);
    expect(await rowsOf(admin, kept)).toEqual(keptBefore);

    const audit = await api.ok<{
      agencyAuditLog: { edges: { node: { action: string; targetId: string; metadata: { deletedRows: Record<string, number> } } }[] };
    }>('{ agencyAuditLog(first: 20) { edges { node { action targetId metadata } } } }', {}, { token: owner.token });
    const purged = audit.agencyAuditLog.edges.find((e) => e.node.action === 'organization.purged');
    expect(purged?.node.targetId).toBe(doomed);
    expect(purged?.node.metadata.deletedRows.organization_memberships).toBe(3);
  });

  it('is finished by the reconciler when the queue lost the job', async () => {
    const owner = await signUpAgency(api);
    const doomed = await createOrganization(api, owner, 'Client Oublié');
    await addOrganizationMember(api, owner, doomed, ['VIEWER']);
    // As if Redis had lost the job: the state is only in PostgreSQL.
    await admin.query("UPDATE organizations SET status = 'DELETION_PENDING', deletion_requested_at = now() WHERE id = $1", [doomed]);
    worker ??= await createWorker(api.config);
    expect(await worker.reconcile()).toBeGreaterThanOrEqual(1);
    await waitFor(async () => ((await rowsOf(admin, doomed)).organizations === 0 ? true : undefined));
    expect((await rowsOf(admin, doomed)).organization_memberships).toBe(0);
  });

  it('lets one purger at a time work on an organisation: a second one leaves, and the audit counts everything once', async () => {
    const owner = await signUpAgency(api);
    const doomed = await createOrganization(api, owner, 'Client Doublé');
    for (const roles of [['VIEWER'], ['ANALYST']]) await addOrganizationMember(api, owner, doomed, roles);
    await admin.query("UPDATE organizations SET status = 'DELETION_PENDING', deletion_requested_at = now() WHERE id = $1", [doomed]);
    worker ??= await createWorker(api.config);
    const job = worker.context.get(PurgeOrganizationJob, { strict: false });
    const payload = { organizationId: doomed, agencyId: owner.agencyId };
    const results = await Promise.all([job.handle(payload), job.handle(payload)]);
    expect(results.filter((r) => Object.keys(r).length > 0)).toHaveLength(1);
    expect(results.find((r) => Object.keys(r).length > 0)?.organization_memberships).toBe(2);
    expect((await rowsOf(admin, doomed)).organizations).toBe(0);
    const audit = await api.ok<{ agencyAuditLog: { edges: { node: { action: string; targetId: string } }[] } }>(
      '{ agencyAuditLog(first: 50) { edges { node { action targetId } } } }',
      {},
      { token: owner.token },
    );
    expect(audit.agencyAuditLog.edges.filter((e) => e.node.action === 'organization.purged' && e.node.targetId === doomed)).toHaveLength(1);
  });
});
