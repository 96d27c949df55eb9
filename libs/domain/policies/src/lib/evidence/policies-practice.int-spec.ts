import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, releaseParkedConnections, UnitOfWorkFactory } from '@socle/platform-database';
import { policyTemplate } from '../templates/policy-templates';
import { ACKNOWLEDGED_SHARE_KEY, EDITED_FROM_TEMPLATE_KEY, policiesEvidenceProvider } from './policies.evidence';

/**
 * The policies practice keys on the real PostgreSQL, as the application role
 * with the tenant set: published text against its template, and the members
 * who read every published policy.
 */
describe('policies practice evidence', () => {
  let dataSource: DataSource;
  let units: UnitOfWorkFactory;
  let admin: Client;
  let org: string;
  let other: string;
  const sql = async <T extends Record<string, unknown>>(text: string, params: unknown[]) => (await admin.query<T>(text, params)).rows;
  const compute = (organizationId: string) =>
    units.runInOrganization(organizationId, (uow) =>
      policiesEvidenceProvider.compute({ uow, organizationId, at: new Date(), earlier: new Map() }),
    );

  const organisation = async (name: string) => {
    const [agency] = await sql<{ id: string }>(`INSERT INTO agencies (name) VALUES ($1) RETURNING id`, [`Agence ${name}`]);
    const [o] = await sql<{ id: string }>(`INSERT INTO organizations (agency_id, name) VALUES ($1, $2) RETURNING id`, [agency.id, name]);
    return o.id;
  };
  const member = async (organizationId: string) => {
    const [user] = await sql<{ id: string }>(
      `INSERT INTO users (email, display_name, password_hash) VALUES (gen_random_uuid()::text || '@example.org', 'Membre', 'x') RETURNING id`,
      [],
    );
    await sql(`INSERT INTO organization_memberships (organization_id, user_id, roles) VALUES ($1, $2, '{CONTRIBUTOR}')`, [
      organizationId,
      user.id,
    ]);
    return user.id;
  };
  /** A published policy: returns its document and version ids. */
  const publish = async (organizationId: string, kind: string, language: string, title: string, sections: unknown) => {
    const [doc] = await sql<{ id: string }>(
      `INSERT INTO policy_documents (organization_id, kind, language) VALUES ($1, $2, $3) RETURNING id`,
      [organizationId, kind, language],
    );
    const [version] = await sql<{ id: string }>(
      `INSERT INTO policy_versions (organization_id, policy_id, number, status, title, sections, published_at) VALUES ($1, $2, 1, 'PUBLISHED', $3, $4, now()) RETURNING id`,
      [organizationId, doc.id, title, JSON.stringify(sections)],
    );
    return { policy: doc.id, version: version.id };
  };
  const acknowledge = (organizationId: string, p: { policy: string; version: string }, userId: string) =>
    sql(`INSERT INTO policy_acknowledgements (organization_id, version_id, user_id, policy_id) VALUES ($1, $2, $3, $4)`, [
      organizationId,
      p.version,
      userId,
      p.policy,
    ]);

  beforeAll(async () => {
    dataSource = createDataSource({
      url: process.env.DATABASE_URL as string,
      entities: [],
      poolSize: 2,
      applicationName: 'policies-practice-spec',
    });
    await dataSource.initialize();
    units = new UnitOfWorkFactory(dataSource);
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
  });

  afterAll(async () => {
    await admin.end();
    await releaseParkedConnections(dataSource);
    await dataSource.destroy();
  });

  beforeEach(async () => {
    org = await organisation('Horizon');
    other = await organisation('Voisin');
  });

  it('scores a policy published as the template 0 and a rewritten one 1, and counts the members who read them all', async () => {
    const template = policyTemplate('EDITORIAL_POLICY', 'fr');
    const editorial = await publish(org, 'EDITORIAL_POLICY', 'fr', template.title, template.sections);
    const guide = await publish(org, 'USAGE_GUIDE', 'en', 'How Horizon uses social media', [
      {
        key: 'context',
        title: 'Why we are there',
        body: 'Horizon answers tenants’ questions on Mastodon within the day; the press office posts news twice a week.',
      },
    ]);
    const [ann, bob] = [await member(org), await member(org), await member(org)];
    await acknowledge(org, editorial, ann);
    await acknowledge(org, guide, ann);
    await acknowledge(org, editorial, bob);
    // Another tenant's policy and acknowledgements are not read here.
    const theirs = await publish(other, 'USAGE_GUIDE', 'fr', 'Guide', [{ key: 'a', title: 'A', body: 'Notre propre texte.' }]);
    await acknowledge(other, theirs, await member(other));

    const out = await compute(org);
    expect(out[EDITED_FROM_TEMPLATE_KEY].score).toBe(0.5);
    expect(out[EDITED_FROM_TEMPLATE_KEY].explanation.en).toContain('1 of 2 published policies are rewritten for the organisation');
    expect(out[EDITED_FROM_TEMPLATE_KEY].explanation.en).toContain('the editorial policy (0% of words changed)');
    // 3 of 6 acknowledgements given, but only 1 of 3 members read both policies.
    expect(out['policies.acknowledged'].score).toBe(0.5);
    expect(out[ACKNOWLEDGED_SHARE_KEY].score).toBeCloseTo(1 / 3, 3);
    expect(out[ACKNOWLEDGED_SHARE_KEY].explanation.en).toBe('1 of 3 members acknowledged every published policy (33%).');

    const theirOut = await compute(other);
    expect(theirOut[EDITED_FROM_TEMPLATE_KEY].score).toBe(1);
    expect(theirOut[ACKNOWLEDGED_SHARE_KEY].score).toBe(1);
  });

  it('reads the staff list when the organisation keeps one: every employee must know the policies', async () => {
    const guide = await publish(org, 'USAGE_GUIDE', 'fr', 'Guide', [{ key: 'a', title: 'A', body: 'Notre propre texte.' }]);
    await acknowledge(org, guide, await member(org));
    const staff = async (name: string) =>
      (
        await sql<{ id: string }>(
          `INSERT INTO policy_staff (organization_id, name, email, department) VALUES ($1, $2, $2 || '@horizon.example', 'Accueil') RETURNING id`,
          [org, name],
        )
      )[0].id;
    const [read, unread] = [await staff('lea'), await staff('marc')];
    await staff('ancien').then((id) => sql(`UPDATE policy_staff SET removed_at = now() WHERE organization_id = $1 AND id = $2`, [org, id]));
    await sql(`INSERT INTO policy_acknowledgements (organization_id, version_id, staff_id, policy_id) VALUES ($1, $2, $3, $4)`, [
      org,
      guide.version,
      read,
      guide.policy,
    ]);
    expect(unread).not.toBe(read);
    const out = await compute(org);
    // 1 of the 2 current staff, though the only member read it.
    expect(out[ACKNOWLEDGED_SHARE_KEY]).toMatchObject({ value: 0.5, score: 0.5 });
    expect(out[ACKNOWLEDGED_SHARE_KEY].explanation.en).toBe('1 of 2 staff acknowledged every published policy (50%).');
    expect((await compute(other))[ACKNOWLEDGED_SHARE_KEY]).toMatchObject({ score: 0 });
  });

  it('scores nothing while no policy is published', async () => {
    await member(org);
    const out = await compute(org);
    expect(out[EDITED_FROM_TEMPLATE_KEY]).toMatchObject({ value: null, score: 0 });
    expect(out[ACKNOWLEDGED_SHARE_KEY]).toMatchObject({ score: 0 });
  });
});
