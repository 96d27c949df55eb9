import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract as extractTar } from 'tar';
import type { CredentialVault } from '@socle/community';
import type { MediaStorage } from '@socle/content';
import { isUuid, UnitOfWork, UnitOfWorkFactory } from '@socle/platform-database';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  ArchivedColumn,
  ArchivedTable,
  ArchiveManifest,
  MANIFEST_FILE,
  TenantArchiveError,
} from './archive-format';
import { digestFile, readJsonLines } from './archive-files';
import { PORTABLE_TEXT_SETTINGS, sealedAad, USER_COLUMNS } from './export-organization';
import { PassphraseSeal } from './passphrase-seal';
import { currentSchemaVersion } from './schema-version';
import { columnsOf, exportedTablesInInsertOrder, isJsonType, quoteIdentifier, SEALED_COLUMNS, userReferenceColumns } from './tenant-tables';

export interface ImportOrganizationOptions {
  /** The gzip tar, read as a stream. */
  input: Readable;
  /** The agency the organisation joins on this instance. */
  targetAgencyId: string;
  passphrase: string;
  /** This instance's vault: the secrets are sealed again with it. */
  vault: CredentialVault;
  media: MediaStorage;
}

export interface ImportSummary {
  organizationId: string;
  name: string;
  /** Rows inserted per table. */
  rows: Record<string, number>;
  mediaFiles: number;
  /** People found on this instance by email, and people created (without a password: they set one by a reset). */
  peopleMatched: number;
  peopleCreated: number;
  /** The agency's maturity models (and versions) copied because the target agency lacked them. */
  agencyRowsCopied: number;
  /** What the import had to change for this instance (a press room address held here by another organisation…). */
  notices: string[];
}

/** A password hash no password matches: a person created by an import sets a password through the reset flow. */
export const NO_PASSWORD = '!imported';

type Row = Record<string, unknown>;
const ALLOWED_PATH =
  /^(manifest\.json|(tables|agency)\/[a-z_][a-z0-9_]*\.jsonl|people\/users\.jsonl|media\/[0-9a-f]{32}|(tables|agency|people|media)\/?)$/;
const MAX_PARAMETERS = 30000;
const MAX_BATCH_ROWS = 500;

/**
 * Imports an organisation archive into `targetAgencyId`, in one transaction: everything is stored or nothing is.
 * Refused, with nothing stored, when the archive is not one (format, format version, schema version), when a file
 * does not match its SHA-256 or row count (altered or truncated), when the passphrase is wrong, or when the
 * organisation already exists here. Ids are kept, so an archive imported into a fresh instance is the organisation
 * as it was; people are matched by email or created without a password; media files are written to this instance's
 * storage (and removed again if the transaction fails).
 */
export async function importOrganization(units: UnitOfWorkFactory, options: ImportOrganizationOptions): Promise<ImportSummary> {
  if (!isUuid(options.targetAgencyId)) throw new TenantArchiveError('the target agency id is not a UUID');
  const directory = await mkdtemp(join(tmpdir(), 'socle-import-'));
  const storedKeys: string[] = [];
  try {
    await unpack(options.input, directory);
    const manifest = await readManifest(directory);
    await verifyFiles(directory, manifest);
    const seal = await PassphraseSeal.open(options.passphrase, manifest.secrets.kdf, manifest.secrets.check);

    const keyMap = new Map<string, string>();
    const uow = units.create({ organizationId: manifest.organization.id, agencyId: options.targetAgencyId });
    try {
      await uow.query(PORTABLE_TEXT_SETTINGS);
      const [agency] = await uow.query('SELECT id FROM agencies WHERE id = $1', [options.targetAgencyId]);
      if (!agency) throw new TenantArchiveError(`agency ${options.targetAgencyId} does not exist on this instance`);
      const [present] = await uow.query('SELECT id FROM organizations WHERE id = $1', [manifest.organization.id]);
      if (present)
        throw new TenantArchiveError(`organisation ${manifest.organization.id} already exists on this instance: nothing imported`, true);

      const targetTables = await exportedTablesInInsertOrder(uow);
      const archived = new Map(manifest.tables.filter((t) => t.scope === 'organization').map((t) => [t.name, t]));
      for (const name of archived.keys())
        if (!targetTables.includes(name))
          throw new TenantArchiveError(`the archive holds table ${name}, which this instance does not import`);
      const order = targetTables.filter((name) => archived.has(name));
      const columns = await columnsOf(uow, [...order, 'maturity_models', 'maturity_model_versions']);
      for (const table of manifest.tables.filter((t) => t.scope !== 'platform')) checkColumns(table, columns.get(table.name) ?? []);

      const people = await importPeople(uow, directory, manifest, options.targetAgencyId);

      // Files first (the storage is outside the transaction): removed again below if anything fails.
      for (const file of manifest.media) {
        const stored = await options.media.put(createReadStream(join(directory, 'media', file.key)));
        storedKeys.push(stored.key);
        if (stored.sha256 !== file.sha256) throw new TenantArchiveError(`media file ${file.key} changed while stored`);
        keyMap.set(file.key, stored.key);
      }

      const remap = remapper(manifest.organization.agencyId, options.targetAgencyId, people.map);
      const agencyRowsCopied = await importAgencyModels(uow, directory, manifest, columns, remap, people.known);

      const userColumns = await userReferenceColumns(uow, order);
      const rows: Record<string, number> = {};
      const finalisations: { id: string; finalizedAt: unknown; assessedAt: unknown }[] = [];
      for (const name of order) {
        const table = archived.get(name) as ArchivedTable;
        const tableColumns = columns.get(name) ?? [];
        const foreignKeys = (userColumns.get(name) ?? []).filter((r) => r.foreignKey).map((r) => r.column);
        const sealed = SEALED_COLUMNS.filter((s) => s.table === name);
        let batch: Row[] = [];
        rows[name] = 0;
        for await (const source of readJsonLines(join(directory, table.file))) {
          const row = remap(source, tableColumns);
          // A person the archive does not list (neither the organisation nor its agency could see them): as if deleted.
          for (const column of foreignKeys)
            if (typeof source[column] === 'string' && !people.known.has(source[column] as string)) row[column] = null;
          for (const { column, keyIdColumn } of sealed) {
            if (typeof row[column] !== 'string') continue;
            const opened = JSON.parse(
              seal.open(row[column] as string, sealedAad(name, column, manifest.organization.id, String(row.id))),
            ) as object;
            row[column] = options.vault.sealJson(manifest.organization.id, String(row.id), opened);
            row[keyIdColumn] = options.vault.activeKeyId;
          }
          if (name === 'media_assets') {
            const key = keyMap.get(String(row.storage_key));
            if (!key) throw new TenantArchiveError(`media asset ${String(row.id)} names a file the archive does not hold`);
            row.storage_key = key;
          }
          if (name === 'maturity_assessments' && row.status === 'FINALIZED') {
            // Answers of a finalised assessment cannot be added: it is finalised once its answers are in.
            finalisations.push({ id: String(row.id), finalizedAt: row.finalized_at, assessedAt: row.assessed_at });
            Object.assign(row, { status: 'DRAFT', finalized_at: null, assessed_at: null });
          }
          batch.push(row);
          if (batch.length >= MAX_BATCH_ROWS || (batch.length + 1) * tableColumns.length > MAX_PARAMETERS) {
            rows[name] += await insertRows(uow, name, tableColumns, batch);
            batch = [];
          }
        }
        if (batch.length) rows[name] += await insertRows(uow, name, tableColumns, batch);
        if (rows[name] !== table.rows)
          throw new TenantArchiveError(`table ${name}: ${rows[name]} rows stored, the manifest says ${table.rows}`);
      }
      // In the order they were dated: a finalised assessment is never dated before one finalised earlier.
      finalisations.sort((a, b) => String(a.assessedAt).localeCompare(String(b.assessedAt)));
      for (const { id, finalizedAt, assessedAt } of finalisations)
        await uow.query(
          `UPDATE maturity_assessments SET status = 'FINALIZED', finalized_at = $2::timestamptz, assessed_at = $3::timestamptz
            WHERE organization_id = socle_current_organization_id() AND id = $1`,
          [id, finalizedAt, assessedAt],
        );
      const notices = rows.press_rooms ? await settlePressRoomAddresses(uow) : [];
      await uow.commit();
      return {
        organizationId: manifest.organization.id,
        name: manifest.organization.name,
        rows,
        mediaFiles: manifest.media.length,
        peopleMatched: people.matched,
        peopleCreated: people.created,
        agencyRowsCopied,
        notices,
      };
    } catch (error) {
      await uow.rollback();
      throw error;
    }
  } catch (error) {
    for (const key of storedKeys) await options.media.delete(key).catch(() => undefined);
    throw error;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/** Longest press room slug (the table's check). */
const MAX_SLUG = 63;

/**
 * A press room's slug and custom domain are unique across the instance (`socle_press_room_claim`, which serialises
 * claims of one address). The archive's may be held here by another organisation: the slug then gets the first free
 * `-2`, `-3`… suffix and the custom domain is dropped; a free custom domain is kept but must be verified again on this
 * instance (its DNS still points at the source; the TXT value is unchanged, so a new check passes once it is moved).
 */
async function settlePressRoomAddresses(uow: UnitOfWork): Promise<string[]> {
  const [room] = await uow.query<{ slug: string; domain: string | null }>(
    'SELECT slug, custom_domain AS domain FROM press_rooms WHERE organization_id = socle_current_organization_id()',
  );
  if (!room) return [];
  const taken = async (slug: string | null, domain: string | null) =>
    ((await uow.query<{ taken: string | null }>('SELECT socle_press_room_claim($1, $2) AS taken', [slug, domain]))[0]?.taken ?? null) !==
    null;
  const notices: string[] = [];
  let slug = room.slug;
  for (let n = 2; await taken(slug, null); n++) {
    const suffix = n <= 100 ? `-${n}` : `-${randomBytes(4).toString('hex')}`;
    slug = `${room.slug.slice(0, MAX_SLUG - suffix.length).replace(/-+$/, '')}${suffix}`;
  }
  if (slug !== room.slug) notices.push(`press room address "${room.slug}" is held by another organisation here: the room is at "${slug}"`);
  const domainTaken = room.domain !== null && (await taken(null, room.domain));
  if (domainTaken) notices.push(`custom domain ${room.domain} is claimed by another organisation here: the room no longer uses it`);
  else if (room.domain !== null) notices.push(`custom domain ${room.domain} must be verified again on this instance`);
  await uow.query(
    `UPDATE press_rooms
        SET slug = $1, domain_verified_at = NULL, domain_checked_at = NULL, domain_check_error = NULL,
            domain_claimed_at = CASE WHEN $2 THEN NULL ELSE now() END,
            custom_domain = CASE WHEN $2 THEN NULL ELSE custom_domain END,
            domain_challenge = CASE WHEN $2 THEN NULL ELSE domain_challenge END
      WHERE organization_id = socle_current_organization_id()`,
    [slug, domainTaken],
  );
  return notices;
}

async function unpack(input: Readable, directory: string): Promise<void> {
  const refused: string[] = [];
  const unpacker = extractTar({
    cwd: directory,
    strict: true,
    // Regular files and folders of the expected names only: no link, device or path outside the archive's layout.
    filter: (path, entry) => {
      const type = 'type' in entry ? entry.type : entry.isDirectory() ? 'Directory' : 'File';
      const allowed = (type === 'File' || type === 'Directory') && ALLOWED_PATH.test(path);
      if (!allowed) refused.push(path);
      return allowed;
    },
  });
  try {
    await pipeline(input, unpacker as unknown as Writable);
  } catch (error) {
    throw new TenantArchiveError(
      `not a readable organisation archive (gzip tar): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (refused.length) throw new TenantArchiveError(`the archive holds entries outside its layout: ${refused.slice(0, 3).join(', ')}`);
}

async function readManifest(directory: string): Promise<ArchiveManifest> {
  let manifest: ArchiveManifest;
  try {
    manifest = JSON.parse(await readFile(join(directory, MANIFEST_FILE), 'utf8')) as ArchiveManifest;
  } catch {
    throw new TenantArchiveError('the archive has no readable manifest.json');
  }
  if (manifest?.format !== ARCHIVE_FORMAT)
    throw new TenantArchiveError(`not an organisation archive (format ${JSON.stringify(manifest?.format)})`);
  if (manifest.formatVersion !== ARCHIVE_FORMAT_VERSION)
    throw new TenantArchiveError(
      `archive format version ${manifest.formatVersion} is not supported (this instance reads ${ARCHIVE_FORMAT_VERSION})`,
    );
  const schema = currentSchemaVersion();
  if (manifest.schemaVersion !== schema)
    throw new TenantArchiveError(
      `the archive was exported at schema version ${manifest.schemaVersion}, this instance is at ${schema}: import it into an instance at the same version`,
    );
  if (
    !isUuid(manifest.organization?.id) ||
    !isUuid(manifest.organization?.agencyId) ||
    !Array.isArray(manifest.tables) ||
    !Array.isArray(manifest.media)
  )
    throw new TenantArchiveError('the archive manifest is incomplete');
  return manifest;
}

/** Every file the manifest names is there, whole and unchanged (SHA-256, row count, size). */
async function verifyFiles(directory: string, manifest: ArchiveManifest): Promise<void> {
  const files = new Set<string>();
  for (const table of manifest.tables) {
    const expected =
      table.scope === 'organization'
        ? `tables/${table.name}.jsonl`
        : table.scope === 'agency'
          ? `agency/${table.name}.jsonl`
          : 'people/users.jsonl';
    if (table.file !== expected || files.has(table.file))
      throw new TenantArchiveError(`the manifest names an unexpected file ${JSON.stringify(table.file)}`);
    files.add(table.file);
    const digest = await digestFile(join(directory, table.file)).catch(() => null);
    if (!digest) throw new TenantArchiveError(`${table.file} is missing from the archive (truncated?)`);
    if (digest.sha256 !== table.sha256 || digest.lines !== table.rows)
      throw new TenantArchiveError(
        `${table.file} does not match the manifest (SHA-256 or row count): the archive was altered or truncated`,
      );
  }
  if (!files.has('tables/organizations.jsonl') || !files.has('people/users.jsonl'))
    throw new TenantArchiveError('the archive manifest is incomplete');
  for (const file of manifest.media) {
    const digest = await digestFile(join(directory, 'media', String(file.key))).catch(() => null);
    if (!digest) throw new TenantArchiveError(`media/${file.key} is missing from the archive (truncated?)`);
    if (digest.sha256 !== file.sha256 || digest.size !== file.size)
      throw new TenantArchiveError(`media/${file.key} does not match the manifest (SHA-256 or size): the archive was altered or truncated`);
  }
}

function checkColumns(table: ArchivedTable, target: ArchivedColumn[]): void {
  const spell = (columns: ArchivedColumn[]) => columns.map((c) => `${c.name}:${c.type}`).join(',');
  if (spell(table.columns ?? []) !== spell(target))
    throw new TenantArchiveError(`table ${table.name} of the archive does not have this instance's columns`);
}

/**
 * People: matched by email to an account of this instance, else created with the same id and no usable password
 * (they choose one through the password reset; no password hash ever travels).
 */
async function importPeople(
  uow: UnitOfWork,
  directory: string,
  manifest: ArchiveManifest,
  agencyId: string,
): Promise<{ map: Map<string, string>; known: Set<string>; matched: number; created: number }> {
  const table = manifest.tables.find((t) => t.scope === 'platform' && t.name === 'users') as ArchivedTable;
  if (JSON.stringify(table.columns) !== JSON.stringify(USER_COLUMNS))
    throw new TenantArchiveError('the archive lists people in an unknown shape');
  const map = new Map<string, string>();
  let matched = 0;
  let created = 0;
  const organizationId = manifest.organization.id;
  for await (const person of readJsonLines(join(directory, table.file))) {
    const email = String(person.email ?? '');
    if (!isUuid(person.id) || !email.includes('@')) throw new TenantArchiveError('the archive lists a person without id or email');
    const [existing] = await uow.query<{ id: string }>('SELECT id FROM socle_auth_user_by_email($1)', [email]);
    if (existing) {
      map.set(person.id, existing.id);
      matched += 1;
      continue;
    }
    // A person's row is written as that person (row-level security), inside the same transaction.
    await uow.rescope({ organizationId, agencyId, userId: person.id });
    await uow.query('INSERT INTO users (id, email, display_name, password_hash, locale) VALUES ($1, $2, $3, $4, $5)', [
      person.id,
      email,
      String(person.display_name ?? ''),
      NO_PASSWORD,
      String(person.locale ?? 'fr'),
    ]);
    map.set(person.id, person.id);
    created += 1;
  }
  if (created) await uow.rescope({ organizationId, agencyId });
  return { map, known: new Set(map.keys()), matched, created };
}

/**
 * Values that name the source agency name the target agency; values that name a person name the matched person.
 * Applied to every uuid column: a UUID of one kind never equals one of another.
 */
function remapper(sourceAgency: string, targetAgency: string, people: Map<string, string>) {
  return (source: Row, columns: ArchivedColumn[]): Row => {
    const row: Row = {};
    for (const { name, type } of columns) {
      const value = source[name] ?? null;
      if (type === 'uuid' && typeof value === 'string') row[name] = value === sourceAgency ? targetAgency : (people.get(value) ?? value);
      else row[name] = value;
    }
    return row;
  };
}

/** Maturity models of the source agency that the organisation's assessments name, copied when the target agency lacks them. */
async function importAgencyModels(
  uow: UnitOfWork,
  directory: string,
  manifest: ArchiveManifest,
  columns: Map<string, ArchivedColumn[]>,
  remap: (row: Row, columns: ArchivedColumn[]) => Row,
  knownPeople: Set<string>,
): Promise<number> {
  let copied = 0;
  for (const name of ['maturity_models', 'maturity_model_versions']) {
    const table = manifest.tables.find((t) => t.scope === 'agency' && t.name === name);
    if (!table) continue;
    const tableColumns = columns.get(name) ?? [];
    for await (const source of readJsonLines(join(directory, table.file))) {
      const row = remap(source, tableColumns);
      // The people who wrote the model may be unknown here (agency members are not in the archive).
      for (const column of ['created_by', 'published_by'])
        if (typeof source[column] === 'string' && !knownPeople.has(source[column] as string)) row[column] = null;
      copied += await insertRows(uow, name, tableColumns, [row], 'ON CONFLICT DO NOTHING');
    }
  }
  return copied;
}

async function insertRows(uow: UnitOfWork, table: string, columns: ArchivedColumn[], rows: Row[], conflict = ''): Promise<number> {
  const parameters: unknown[] = [];
  const tuples = rows.map(
    (row) =>
      `(${columns
        .map(({ name, type }) => {
          const value = row[name] ?? null;
          parameters.push(value === null ? null : isJsonType(type) ? JSON.stringify(value) : String(value));
          return `$${parameters.length}::${type}`;
        })
        .join(', ')})`,
  );
  const names = columns.map((c) => quoteIdentifier(c.name)).join(', ');
  return uow.execute(`INSERT INTO ${quoteIdentifier(table)} (${names}) VALUES ${tuples.join(', ')} ${conflict}`, parameters);
}
