import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { Client } from 'pg';
import { create as createTar, extract as extractTar } from 'tar';
import { CredentialVault } from '@socle/community';
import { LocalDiskMediaStorage } from '@socle/content';
import { SecretBox } from '@socle/platform-crypto';
import { createDataSource, releaseParkedConnections, UnitOfWorkFactory } from '@socle/platform-database';
import { ArchiveManifest, exportOrganization, importOrganization, NO_PASSWORD } from '@socle/tenant-archive';
import {
  addOrganizationMember,
  AgencySession,
  createOrganization,
  dropTestDatabase,
  ownTestDatabase,
  signUpAgency,
  TestApi,
} from '@socle/testing';

const PASSPHRASE = 'correct horse battery staple 2026';
/** Stands for an access token of a connected network account: it must never appear in clear in an archive. */
const SECRET = `tok_${randomBytes(12).toString('hex')}`;
const FAST_KDF = { name: 'scrypt' as const, N: 2 ** 12, r: 8, p: 1 };

type DataSource = ReturnType<typeof createDataSource>;

interface Instance {
  units: UnitOfWorkFactory;
  dataSource: DataSource;
  admin: Client;
  vault: CredentialVault;
  media: LocalDiskMediaStorage;
}

async function instance(
  databaseUrl: string,
  adminUrl: string | Client,
  keys: string,
  activeKey: string,
  mediaDir: string,
): Promise<Instance> {
  const dataSource = createDataSource({ url: databaseUrl, entities: [], poolSize: 2, applicationName: 'socle-archive-test' });
  await dataSource.initialize();
  let admin: Client;
  if (typeof adminUrl === 'string') {
    admin = new Client({ connectionString: adminUrl });
    await admin.connect();
  } else admin = adminUrl;
  return {
    units: new UnitOfWorkFactory(dataSource),
    dataSource,
    admin,
    vault: new CredentialVault(SecretBox.fromConfig(keys, activeKey)),
    media: new LocalDiskMediaStorage(mediaDir),
  };
}

async function exportToBuffer(source: Instance, organizationId: string): Promise<{ bytes: Buffer; manifest: ArchiveManifest }> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const manifest = await exportOrganization(source.units, {
    organizationId,
    passphrase: PASSPHRASE,
    output,
    vault: source.vault,
    media: source.media,
    kdf: FAST_KDF,
  });
  return { bytes: Buffer.concat(chunks), manifest };
}

function importFrom(target: Instance, bytes: Buffer, targetAgencyId: string, passphrase = PASSPHRASE) {
  return importOrganization(target.units, {
    input: Readable.from([bytes]),
    targetAgencyId,
    passphrase,
    vault: target.vault,
    media: target.media,
  });
}

/** The archive unpacked, changed by `edit`, packed again. */
async function repacked(bytes: Buffer, edit: (directory: string) => Promise<void>): Promise<Buffer> {
  const directory = await mkdtemp(join(tmpdir(), 'socle-archive-edit-'));
  try {
    await new Promise<void>((resolve, reject) => {
      const unpacker = extractTar({ cwd: directory });
      unpacker.on('finish', resolve);
      unpacker.on('error', reject);
      unpacker.end(bytes);
    });
    await edit(directory);
    const chunks: Buffer[] = [];
    for await (const chunk of createTar({ gzip: true, cwd: directory, portable: true }, await readdir(directory)) as AsyncIterable<Buffer>)
      chunks.push(chunk);
    return Buffer.concat(chunks);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Rows of every table of the instance (tests compare before and after a refused import). */
async function countEverything(admin: Client): Promise<Record<string, number>> {
  const { rows } = await admin.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of rows) {
    const [{ n }] = (await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table_name}"`)).rows;
    counts[table_name] = n;
  }
  return counts;
}

async function mediaFiles(root: string): Promise<string[]> {
  const shards = await readdir(root).catch(() => [] as string[]);
  const files: string[] = [];
  for (const shard of shards) files.push(...(await readdir(join(root, shard))));
  return files.sort();
}

/**
 * Rows of a table for one organisation as PostgreSQL's JSON of them, sorted, with the values the move changes by
 * design replaced: the agency, people matched by email, storage keys, and sealed credentials (compared opened).
 */
async function rowsOf(admin: Client, table: string, organizationId: string, replace: Map<string, string>): Promise<string[]> {
  const key = table === 'organizations' ? 'id' : 'organization_id';
  const { rows } = await admin.query<{ row: Record<string, unknown> }>(`SELECT to_jsonb(t) AS row FROM "${table}" t WHERE ${key} = $1`, [
    organizationId,
  ]);
  return rows
    .map(({ row }) => {
      const normal: Record<string, unknown> = {};
      for (const [column, value] of Object.entries(row)) {
        if (['storage_key', 'credentials_ciphertext', 'credentials_key_id'].includes(column)) continue;
        normal[column] = typeof value === 'string' && replace.has(value) ? replace.get(value) : value;
      }
      return JSON.stringify(normal);
    })
    .sort();
}

/**
 * Moving a client organisation to another instance: everything it owns (several modules, a finalised assessment on
 * the agency's own model, a connected account with sealed credentials, a media file, people) is exported as one
 * archive and imported into a fresh database under another agency, where every row is the same, the credentials open
 * with the target's keys and the media bytes are equal. The archive holds no row of the agency's other client and
 * no secret in clear; an altered, truncated, foreign-schema or wrongly-unlocked archive, or one whose organisation
 * is already there, is refused with nothing stored.
 */
describe('organisation export and import', () => {
  let api: TestApi;
  let owner: AgencySession;
  let source: Instance;
  let target: Instance;
  let sourceDatabase: ReturnType<typeof ownTestDatabase>;
  let targetDatabase: ReturnType<typeof ownTestDatabase>;
  let scratch: string;
  let organization: string;
  let other: string;
  let member: { userId: string; email: string };
  let accountId: string;
  let mediaBytes: Buffer;
  let targetAgency: string;
  let ownerOnTarget: string;
  let archive: { bytes: Buffer; manifest: ArchiveManifest };

  /** Rows of several modules, written as the modules store them (superuser: the fixture, not the code under test). */
  async function fill(organizationId: string, label: string): Promise<{ accountId: string; media: Buffer }> {
    const q = (sql: string, values: unknown[]) => source.admin.query(sql, values).then((r) => r.rows as Record<string, string>[]);
    await q(
      `INSERT INTO objectives (organization_id, kind, title, metric, baseline, target, deadline, created_at)
       VALUES ($1, 'BRAND', $2, 'abonnés', 100.5, 1e6 / 3, '2027-06-30', '2026-01-02 03:04:05.678+00')`,
      [organizationId, `Notoriété ${label}`],
    );
    const [policy] = await q(
      `INSERT INTO policy_documents (organization_id, kind, language, created_by) VALUES ($1, 'EDITORIAL_POLICY', 'fr', $2) RETURNING id`,
      [organizationId, owner.userId],
    );
    await q(
      `INSERT INTO policy_versions (organization_id, policy_id, number, title, sections, created_by)
       VALUES ($1, $2, 1, 'Charte', $3::jsonb, $4)`,
      [
        organizationId,
        policy.id,
        JSON.stringify([{ title: 'Ton', body: 'é ✓ "cité"\nligne 2', n: 1.25, deep: { a: [null, true] } }]),
        member.userId,
      ],
    );
    const media = randomBytes(4096);
    const stored = await source.media.put(Readable.from([media]));
    const [asset] = await q(
      `INSERT INTO media_assets (organization_id, storage_key, content_type, byte_size, sha256, width, height, tags, uploaded_by)
       VALUES ($1, $2, 'image/png', $3, $4, 1, 1, $5, $6) RETURNING id`,
      [organizationId, stored.key, stored.size, stored.sha256, ['vitrine', 'avec espace', 'guillemet "'], member.userId],
    );
    const [item] = await q(`INSERT INTO content_items (organization_id, title, created_by) VALUES ($1, $2, $3) RETURNING id`, [
      organizationId,
      `Post ${label}`,
      owner.userId,
    ]);
    await q(
      `INSERT INTO content_variants (organization_id, item_id, network, media_ids, text) VALUES ($1, $2, 'mastodon', $3::uuid[], 'Bonjour')`,
      [organizationId, item.id, [asset.id]],
    );
    const id = randomUUID();
    const sealed = source.vault.seal(organizationId, id, {
      serviceUrl: 'https://social.example',
      secrets: { accessToken: `${SECRET}-${label}` },
    });
    await q(
      `INSERT INTO network_accounts (organization_id, id, network, handle, service_url, credentials_ciphertext, credentials_key_id, connected_by)
       VALUES ($1, $2, 'mastodon', $3, 'https://social.example', $4, $5, $6)`,
      [organizationId, id, `@${label}`, sealed.ciphertext, sealed.keyId, member.userId],
    );
    await q(
      `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, published_at, sentiment_score)
       VALUES ($1, 'mastodon', $2, '@fan', 'Super boulangerie', '2026-11-01 10:00:00.123456+00', 0.1234567890123)`,
      [organizationId, `m-${label}`],
    );
    await q(
      `INSERT INTO audit_events (organization_id, actor_type, actor_id, action, metadata) VALUES ($1, 'USER', $2, 'fixture.created', $3)`,
      [organizationId, owner.userId, { label }],
    );
    // A finalised assessment on the agency's own model, with its answers.
    const [model] = await q(`INSERT INTO maturity_models (agency_id, name, created_by) VALUES ($1, $2, $3) RETURNING id`, [
      owner.agencyId,
      `Modèle ${label}`,
      owner.userId,
    ]);
    await q(
      `INSERT INTO maturity_model_versions (agency_id, model_id, version, status, content, published_at)
       VALUES ($1, $2, 1, 'PUBLISHED', '{"dimensions": []}', now())`,
      [owner.agencyId, model.id],
    );
    const [assessment] = await q(
      `INSERT INTO maturity_assessments (organization_id, model_agency_id, model_id, model_version, model_content, started_by)
       VALUES ($1, $2, $3, 1, '{"dimensions": []}', $4) RETURNING id`,
      [organizationId, owner.agencyId, model.id, member.userId],
    );
    await q(`INSERT INTO maturity_answers (organization_id, assessment_id, criterion_key, value) VALUES ($1, $2, 'c1', 3)`, [
      organizationId,
      assessment.id,
    ]);
    await q(
      `UPDATE maturity_assessments SET status = 'FINALIZED', finalized_at = now(), finalized_by = $3, overall_score = 42.5, level = 2
        WHERE organization_id = $1 AND id = $2`,
      [organizationId, assessment.id, owner.userId],
    );
    return { accountId: id, media };
  }

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'socle-archive-test-'));
    // A source database of its own too: the workers other suites run on the shared one act on every organisation
    // there, and could add rows to this one between the export and the comparison.
    sourceDatabase = ownTestDatabase();
    api = await TestApi.start(sourceDatabase.env);
    owner = await signUpAgency(api, 'Agence source');
    organization = await createOrganization(api, owner, 'Boulangerie exportée');
    other = await createOrganization(api, owner, 'Autre client');
    member = await addOrganizationMember(api, owner, organization, ['COMMUNITY_MANAGER']);
    source = await instance(
      sourceDatabase.env.DATABASE_URL,
      sourceDatabase.adminUrl,
      process.env.ENCRYPTION_KEYS as string,
      process.env.ENCRYPTION_ACTIVE_KEY as string,
      join(scratch, 'source-media'),
    );
    ({ accountId, media: mediaBytes } = await fill(organization, 'moved'));
    await fill(other, 'stays');

    targetDatabase = ownTestDatabase();
    target = await instance(
      targetDatabase.env.DATABASE_URL,
      targetDatabase.adminUrl,
      `k7:${randomBytes(32).toString('base64')}`,
      'k7',
      join(scratch, 'target-media'),
    );
    [{ id: targetAgency }] = (
      await target.admin.query<{ id: string }>(`INSERT INTO agencies (name) VALUES ('Agence cible') RETURNING id`)
    ).rows;
    // The owner already has an account on the target instance: matched by email, not created.
    [{ id: ownerOnTarget }] = (
      await target.admin.query<{ id: string }>(
        `INSERT INTO users (email, display_name, password_hash) VALUES ($1, 'Owner', 'x') RETURNING id`,
        [owner.email.toUpperCase()],
      )
    ).rows;
    archive = await exportToBuffer(source, organization);
  }, 120_000);

  afterAll(async () => {
    for (const side of [source, target]) {
      if (!side) continue;
      await releaseParkedConnections(side.dataSource);
      await side.dataSource.destroy();
      await side.admin.end();
    }
    await api?.stop();
    for (const database of [sourceDatabase, targetDatabase]) if (database) await dropTestDatabase(database.name);
    await rm(scratch, { recursive: true, force: true });
  });

  it('describes the archive in its manifest: format, schema version, tables with counts and SHA-256, media, excluded tables', async () => {
    const { manifest } = archive;
    expect(manifest).toMatchObject({
      format: 'socle.organization-archive',
      formatVersion: 1,
      organization: { id: organization, name: 'Boulangerie exportée' },
    });
    expect(manifest.schemaVersion).toMatch(/^[A-Za-z]+\d{13}$/);
    const counts = Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]));
    expect(counts).toMatchObject({
      organizations: 1,
      objectives: 1,
      policy_versions: 1,
      media_assets: 1,
      content_variants: 1,
      network_accounts: 1,
      mentions: 1,
      maturity_answers: 1,
      organization_memberships: 1,
      maturity_models: 1,
      maturity_model_versions: 1,
      users: 2,
    });
    expect(counts.audit_events).toBeGreaterThanOrEqual(1);
    expect(manifest.media).toEqual([expect.objectContaining({ size: 4096, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
    expect(manifest.excludedTables).toHaveProperty('oauth_states');
    expect(manifest.tables.map((t) => t.name)).not.toContain('oauth_states');
  });

  it('holds no row of the agency’s other organisation and no secret in clear', async () => {
    const tarBytes = gunzipSync(archive.bytes);
    expect(tarBytes.includes(Buffer.from(organization))).toBe(true);
    expect(tarBytes.includes(Buffer.from(other))).toBe(false);
    expect(tarBytes.includes(Buffer.from('Autre client'))).toBe(false);
    expect(tarBytes.includes(Buffer.from('Post stays'))).toBe(false);
    expect(tarBytes.includes(Buffer.from(SECRET))).toBe(false);
    expect(archive.bytes.includes(Buffer.from(SECRET))).toBe(false);
    // Nor the source instance's ciphertext: the credentials are sealed with the passphrase's key.
    const [{ credentials_ciphertext }] = (
      await source.admin.query<{ credentials_ciphertext: string }>('SELECT credentials_ciphertext FROM network_accounts WHERE id = $1', [
        accountId,
      ])
    ).rows;
    expect(tarBytes.includes(Buffer.from(credentials_ciphertext))).toBe(false);
    expect(tarBytes.includes(Buffer.from('password_hash'))).toBe(false);
  });

  it('refuses a wrong passphrase, an altered, a truncated or a foreign-schema archive, storing nothing', async () => {
    const before = await countEverything(target.admin);
    const filesBefore = await mediaFiles(join(scratch, 'target-media'));
    await expect(importFrom(target, archive.bytes, targetAgency, 'not the passphrase at all')).rejects.toThrow(/wrong passphrase/);
    const altered = await repacked(archive.bytes, async (directory) => {
      const file = join(directory, 'tables', 'objectives.jsonl');
      await writeFile(file, (await readFile(file, 'utf8')).replace('Notoriété moved', 'Notoriété forged'));
    });
    await expect(importFrom(target, altered, targetAgency)).rejects.toThrow(/objectives\.jsonl does not match the manifest/);
    await expect(importFrom(target, archive.bytes.subarray(0, Math.floor(archive.bytes.length / 2)), targetAgency)).rejects.toThrow(
      /not a readable organisation archive|truncated/,
    );
    const foreign = await repacked(archive.bytes, async (directory) => {
      const file = join(directory, 'manifest.json');
      const manifest = JSON.parse(await readFile(file, 'utf8')) as ArchiveManifest;
      await writeFile(file, JSON.stringify({ ...manifest, schemaVersion: 'Future1999999999999' }));
    });
    await expect(importFrom(target, foreign, targetAgency)).rejects.toThrow(/schema version Future1999999999999/);
    const unknownFormat = await repacked(archive.bytes, async (directory) => {
      const file = join(directory, 'manifest.json');
      const manifest = JSON.parse(await readFile(file, 'utf8')) as ArchiveManifest;
      await writeFile(file, JSON.stringify({ ...manifest, formatVersion: 99 }));
    });
    await expect(importFrom(target, unknownFormat, targetAgency)).rejects.toThrow(/format version 99/);
    const extraEntry = await repacked(archive.bytes, (directory) => writeFile(join(directory, 'run-me.sh'), 'echo hello'));
    await expect(importFrom(target, extraEntry, targetAgency)).rejects.toThrow(/outside its layout: run-me\.sh/);
    // Back into the instance it came from: the organisation is there.
    const sourceBefore = await countEverything(source.admin);
    await expect(importFrom(source, archive.bytes, owner.agencyId)).rejects.toThrow(/already exists/);
    expect(await countEverything(source.admin)).toEqual(sourceBefore);
    expect(await countEverything(target.admin)).toEqual(before);
    expect(await mediaFiles(join(scratch, 'target-media'))).toEqual(filesBefore);
  });

  it('imports into a fresh instance under another agency: every row the same, credentials and media equal', async () => {
    const summary = await importFrom(target, archive.bytes, targetAgency);
    expect(summary).toMatchObject({ organizationId: organization, peopleMatched: 1, peopleCreated: 1, mediaFiles: 1, agencyRowsCopied: 2 });

    const replace = new Map([
      [owner.agencyId, targetAgency],
      [owner.userId, ownerOnTarget],
    ]);
    for (const table of archive.manifest.tables.filter((t) => t.scope === 'organization')) {
      const expected = await rowsOf(source.admin, table.name, organization, replace);
      const actual = await rowsOf(target.admin, table.name, organization, new Map());
      expect({ table: table.name, rows: actual }).toEqual({ table: table.name, rows: expected });
      expect(actual).toHaveLength(table.rows);
    }

    // Credentials: sealed with the target's key, bound to the same row, the same once opened.
    const [account] = (
      await target.admin.query<{ credentials_ciphertext: string; credentials_key_id: string }>(
        'SELECT credentials_ciphertext, credentials_key_id FROM network_accounts WHERE organization_id = $1 AND id = $2',
        [organization, accountId],
      )
    ).rows;
    expect(account.credentials_key_id).toBe('k7');
    expect(target.vault.open(organization, accountId, account.credentials_ciphertext)).toEqual({
      serviceUrl: 'https://social.example',
      secrets: { accessToken: `${SECRET}-moved` },
    });

    // Media: the same bytes under the target storage's own key.
    const [{ storage_key }] = (
      await target.admin.query<{ storage_key: string }>('SELECT storage_key FROM media_assets WHERE organization_id = $1', [organization])
    ).rows;
    const stored = await target.media.get(storage_key);
    const chunks: Buffer[] = [];
    for await (const chunk of stored?.stream ?? []) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(mediaBytes)).toBe(true);

    // People: the member created without a usable password (a reset sets one), the owner matched by email.
    const people = (
      await target.admin.query<{ id: string; email: string; password_hash: string }>(
        'SELECT id, email, password_hash FROM users ORDER BY email',
      )
    ).rows;
    expect(people).toEqual(
      expect.arrayContaining([
        { id: member.userId, email: member.email, password_hash: NO_PASSWORD },
        { id: ownerOnTarget, email: owner.email.toUpperCase(), password_hash: 'x' },
      ]),
    );
    expect(people).toHaveLength(2);
    // The agency's model the assessment used, copied into the target agency.
    const models = (await target.admin.query('SELECT agency_id, name FROM maturity_models')).rows;
    expect(models).toEqual([{ agency_id: targetAgency, name: 'Modèle moved' }]);

    // A second import of the same archive: refused, nothing stored.
    const before = await countEverything(target.admin);
    const filesBefore = await mediaFiles(join(scratch, 'target-media'));
    await expect(importFrom(target, archive.bytes, targetAgency)).rejects.toThrow(/already exists/);
    expect(await countEverything(target.admin)).toEqual(before);
    expect(await mediaFiles(join(scratch, 'target-media'))).toEqual(filesBefore);
  });

  it('gives an imported press room a free address: a slug held here gets a suffix, a custom domain held here is dropped', async () => {
    const room = (organizationId: string, slug: string, domain: string) =>
      `INSERT INTO press_rooms (organization_id, slug, title, language, enabled, custom_domain, domain_challenge, domain_claimed_at, domain_verified_at)
       VALUES ('${organizationId}', '${slug}', 'Salle de presse', 'fr', true, '${domain}', 'socle-press-verification=${'a'.repeat(24)}', now(), now())`;
    await source.admin.query(room(other, 'presse-boulangerie', 'presse.boulangerie.example'));
    // On the target, other organisations already hold the slug, its "-2" and the custom domain.
    const [{ id: occupant }] = (
      await target.admin.query<{ id: string }>(`INSERT INTO organizations (agency_id, name) VALUES ($1, 'Occupant') RETURNING id`, [
        targetAgency,
      ])
    ).rows;
    await target.admin.query(room(occupant, 'presse-boulangerie', 'presse.boulangerie.example'));
    const [{ id: neighbour }] = (
      await target.admin.query<{ id: string }>(`INSERT INTO organizations (agency_id, name) VALUES ($1, 'Voisin') RETURNING id`, [
        targetAgency,
      ])
    ).rows;
    await target.admin.query(room(neighbour, 'presse-boulangerie-2', 'autre.example'));

    const summary = await importFrom(target, (await exportToBuffer(source, other)).bytes, targetAgency);
    expect(summary.notices).toEqual([
      'press room address "presse-boulangerie" is held by another organisation here: the room is at "presse-boulangerie-3"',
      'custom domain presse.boulangerie.example is claimed by another organisation here: the room no longer uses it',
    ]);
    const rows = (
      await target.admin.query<Record<string, unknown>>(
        `SELECT organization_id, slug, enabled, custom_domain, domain_challenge, domain_verified_at FROM press_rooms
          WHERE slug LIKE 'presse-boulangerie%' ORDER BY slug`,
      )
    ).rows;
    expect(rows).toEqual([
      expect.objectContaining({ organization_id: occupant, slug: 'presse-boulangerie', custom_domain: 'presse.boulangerie.example' }),
      expect.objectContaining({ organization_id: neighbour, slug: 'presse-boulangerie-2', custom_domain: 'autre.example' }),
      {
        organization_id: other,
        slug: 'presse-boulangerie-3',
        enabled: true,
        custom_domain: null,
        domain_challenge: null,
        domain_verified_at: null,
      },
    ]);
    // The occupants keep their verified domains.
    expect(rows.slice(0, 2).every((row) => row.domain_verified_at instanceof Date)).toBe(true);

    // A free slug and domain are kept; the domain, verified for the source instance, is to be verified here again.
    const [{ id: third }] = (
      await source.admin.query<{ id: string }>(`INSERT INTO organizations (agency_id, name) VALUES ($1, 'Troisième') RETURNING id`, [
        owner.agencyId,
      ])
    ).rows;
    await source.admin.query(room(third, 'presse-libre', 'libre.example'));
    const kept = await importFrom(target, (await exportToBuffer(source, third)).bytes, targetAgency);
    expect(kept.notices).toEqual(['custom domain libre.example must be verified again on this instance']);
    const [moved] = (
      await target.admin.query<Record<string, unknown>>(
        `SELECT slug, custom_domain, domain_challenge, domain_verified_at, domain_claimed_at > now() - interval '1 minute' AS reserved
           FROM press_rooms WHERE organization_id = $1`,
        [third],
      )
    ).rows;
    expect(moved).toEqual({
      slug: 'presse-libre',
      custom_domain: 'libre.example',
      domain_challenge: `socle-press-verification=${'a'.repeat(24)}`,
      domain_verified_at: null,
      reserved: true,
    });
  });
});
