import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { create as createTar } from 'tar';
import type { CredentialVault } from '@socle/community';
import type { MediaStorage } from '@socle/content';
import { isUuid, UnitOfWork, UnitOfWorkFactory, uuidLiteral } from '@socle/platform-database';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  ArchivedColumn,
  ArchivedMedia,
  ArchivedTable,
  ArchiveManifest,
  MANIFEST_FILE,
  PassphraseKdf,
  TableScope,
  TenantArchiveError,
} from './archive-format';
import { JsonLinesWriter } from './archive-files';
import { PassphraseSeal } from './passphrase-seal';
import { currentSchemaVersion } from './schema-version';
import {
  columnsOf,
  EXCLUDED_TABLES,
  exportedTablesInInsertOrder,
  quoteIdentifier,
  SEALED_COLUMNS,
  selectList,
  userReferenceColumns,
} from './tenant-tables';

export interface ExportOrganizationOptions {
  organizationId: string;
  /** Seals the secrets inside the archive; the importer must give it. */
  passphrase: string;
  /** Receives the gzip tar, written as it is produced. */
  output: Writable;
  /** The source instance's vault, to open the sealed credentials. */
  vault: CredentialVault;
  media: MediaStorage;
  kdf?: Omit<PassphraseKdf, 'salt'>;
}

type Row = Record<string, unknown>;

const FETCH_SIZE = 500;
export const USER_COLUMNS: ArchivedColumn[] = [
  { name: 'id', type: 'uuid' },
  { name: 'email', type: 'text' },
  { name: 'display_name', type: 'text' },
  { name: 'locale', type: 'text' },
];
/** Rows that name a maturity model of the agency (`model_agency_id`, `model_id`, `model_version`). */
export const AGENCY_MODEL_REFERENCES = ['maturity_assessments', 'maturity_live_scores'];

/** Session settings that make the text form of values independent of the server's defaults. */
export const PORTABLE_TEXT_SETTINGS =
  "SELECT set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, YMD', true), " +
  "set_config('IntervalStyle', 'postgres', true), set_config('extra_float_digits', '3', true), set_config('bytea_output', 'hex', true)";

export function sealedAad(table: string, column: string, organizationId: string, rowId: string): string {
  return `${table}.${column}:${organizationId}:${rowId}`;
}

/**
 * Exports one organisation: its rows (every organisation table the catalog lists, but the excluded ones), the people
 * and agency rows they name, and its media files, as one gzip tar with a manifest. The rows are read as the
 * application role inside the organisation (row-level security keeps any other tenant's row out) in one REPEATABLE
 * READ, read-only transaction: one consistent snapshot. Tables and files are staged in a temporary directory and
 * streamed, never held whole in memory. Secrets are opened with the instance's vault and sealed with the
 * passphrase's key.
 */
export async function exportOrganization(units: UnitOfWorkFactory, options: ExportOrganizationOptions): Promise<ArchiveManifest> {
  const { organizationId } = options;
  if (!isUuid(organizationId)) throw new TenantArchiveError('the organisation id is not a UUID');
  const seal = await PassphraseSeal.create(options.passphrase, options.kdf);
  const directory = await mkdtemp(join(tmpdir(), 'socle-export-'));
  try {
    for (const folder of ['tables', 'people', 'agency', 'media']) await mkdir(join(directory, folder));
    const userIds = new Set<string>();
    const modelVersions = new Map<string, Set<number>>();
    const mediaFiles: ArchivedMedia[] = [];
    const tables: ArchivedTable[] = [];

    const uow = units.create({ organizationId });
    uow.markSnapshot();
    let organization: { id: string; name: string; agencyId: string };
    try {
      await uow.query(PORTABLE_TEXT_SETTINGS);
      const [found] = await uow.query<{ id: string; name: string; agency_id: string }>(
        'SELECT id, name, agency_id FROM organizations WHERE id = $1',
        [organizationId],
      );
      if (!found) throw new TenantArchiveError(`organisation ${organizationId} does not exist`);
      organization = { id: found.id, name: found.name, agencyId: found.agency_id };
      const names = await exportedTablesInInsertOrder(uow);
      const columns = await columnsOf(uow, names);
      const userColumns = await userReferenceColumns(uow, names);
      for (const [index, name] of names.entries()) {
        const sealed = SEALED_COLUMNS.filter((s) => s.table === name);
        const references = userColumns.get(name) ?? [];
        const tableColumns = columns.get(name) ?? [];
        const table = await writeTable(directory, uow, name, 'organization', tableColumns, index, organizationId, async (row) => {
          for (const { column } of references) if (isUuid(row[column])) userIds.add(row[column] as string);
          for (const { column, keyIdColumn } of sealed) {
            const value = row[column];
            if (typeof value === 'string') {
              const opened = options.vault.openJson<object>(organizationId, String(row.id), value);
              row[column] = seal.seal(JSON.stringify(opened), sealedAad(name, column, organizationId, String(row.id)));
            }
            row[keyIdColumn] = null;
          }
          if (name === 'media_assets')
            mediaFiles.push({ key: String(row.storage_key), sha256: String(row.sha256), size: Number(row.byte_size) });
          if (AGENCY_MODEL_REFERENCES.includes(name) && row.model_agency_id === organization.agencyId && isUuid(row.model_id)) {
            const versions = modelVersions.get(row.model_id) ?? new Set<number>();
            versions.add(Number(row.model_version));
            modelVersions.set(row.model_id, versions);
          }
          return row;
        });
        tables.push(table);
      }
      await uow.commit();
    } catch (error) {
      await uow.rollback();
      throw error;
    }

    // People are platform rows: those the organisation or its agency can see, with neither password nor session.
    tables.push(
      await units.read({ organizationId, agencyId: organization.agencyId }, async (people) => {
        const rows = await people.query<Row>(`SELECT ${selectList(USER_COLUMNS)} FROM users WHERE id = ANY($1::uuid[]) ORDER BY id`, [
          [...userIds],
        ]);
        return writeRows(directory, 'people/users.jsonl', 'users', 'platform', USER_COLUMNS, rows);
      }),
    );
    tables.push(...(await exportAgencyModels(units, directory, organization.agencyId, modelVersions)));

    // Files are copied after the snapshot's transaction: a copy may take longer than a transaction may stay idle.
    // Stored files never change under their key, and a file a row names is never swept.
    for (const file of mediaFiles) await copyMedia(options.media, file, directory);

    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      schemaVersion: currentSchemaVersion(),
      exportedAt: new Date().toISOString(),
      organization,
      tables,
      media: mediaFiles,
      secrets: {
        kdf: seal.kdf,
        check: seal.checkValue(),
        sealedColumns: SEALED_COLUMNS.map((s) => `${s.table}.${s.column}`),
      },
      excludedTables: { ...EXCLUDED_TABLES },
    };
    await writeFile(join(directory, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    // The manifest first, so a reader learns what follows before the rest.
    const tar = createTar({ gzip: true, cwd: directory, portable: true }, [MANIFEST_FILE, 'tables', 'people', 'agency', 'media']);
    await pipeline(tar as unknown as Readable, options.output);
    return manifest;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

async function writeTable(
  directory: string,
  uow: UnitOfWork,
  name: string,
  scope: TableScope,
  columns: ArchivedColumn[],
  index: number,
  organizationId: string,
  transform: (row: Row) => Promise<Row>,
): Promise<ArchivedTable> {
  const file = `tables/${name}.jsonl`;
  const writer = new JsonLinesWriter(join(directory, file));
  const cursor = `socle_archive_${index}`;
  const key = name === 'organizations' ? 'id' : 'organization_id';
  try {
    // Row-level security already limits every read to the organisation; the filter lets PostgreSQL use its keys.
    await uow.query(
      `DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT ${selectList(columns)} FROM ${quoteIdentifier(name)} WHERE ${key} = ${uuidLiteral(organizationId)}`,
    );
    for (;;) {
      const rows = await uow.query<Row>(`FETCH ${FETCH_SIZE} FROM ${cursor}`);
      for (const row of rows) await writer.write(await transform(row));
      if (rows.length < FETCH_SIZE) break;
    }
    await uow.query(`CLOSE ${cursor}`);
  } catch (error) {
    await writer.close().catch(() => undefined);
    throw error;
  }
  const written = await writer.close();
  return { name, scope, file, rows: written.rows, sha256: written.sha256, columns };
}

async function writeRows(
  directory: string,
  file: string,
  name: string,
  scope: TableScope,
  columns: ArchivedColumn[],
  rows: Row[],
): Promise<ArchivedTable> {
  const writer = new JsonLinesWriter(join(directory, file));
  for (const row of rows) await writer.write(row);
  const written = await writer.close();
  return { name, scope, file, rows: written.rows, sha256: written.sha256, columns };
}

/**
 * The agency's own maturity models that the organisation's assessments and live scores name (built-in models are
 * in every instance): the import copies those missing into the target agency.
 */
async function exportAgencyModels(
  units: UnitOfWorkFactory,
  directory: string,
  agencyId: string,
  modelVersions: Map<string, Set<number>>,
): Promise<ArchivedTable[]> {
  return units.read({ agencyId }, async (uow) => {
    await uow.query(PORTABLE_TEXT_SETTINGS);
    const columns = await columnsOf(uow, ['maturity_models', 'maturity_model_versions']);
    const modelColumns = columns.get('maturity_models') ?? [];
    const versionColumns = columns.get('maturity_model_versions') ?? [];
    const ids = [...modelVersions.keys()].sort();
    const models = await uow.query<Row>(
      `SELECT ${selectList(modelColumns)} FROM maturity_models WHERE agency_id = $1 AND id = ANY($2::uuid[]) ORDER BY id`,
      [agencyId, ids],
    );
    const pairs = ids.flatMap((id) => [...(modelVersions.get(id) ?? [])].map((version) => `${id}:${version}`));
    const versions = await uow.query<Row>(
      `SELECT ${selectList(versionColumns)} FROM maturity_model_versions
        WHERE agency_id = $1 AND (model_id::text || ':' || version) = ANY($2::text[]) ORDER BY model_id, version`,
      [agencyId, pairs],
    );
    return [
      await writeRows(directory, 'agency/maturity_models.jsonl', 'maturity_models', 'agency', modelColumns, models),
      await writeRows(directory, 'agency/maturity_model_versions.jsonl', 'maturity_model_versions', 'agency', versionColumns, versions),
    ];
  });
}

async function copyMedia(storage: MediaStorage, file: ArchivedMedia, directory: string): Promise<void> {
  const stored = await storage.get(file.key);
  if (!stored) throw new TenantArchiveError(`media file ${file.key} is missing from the storage: the archive would be incomplete`);
  const hash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(stored.stream, tap, createWriteStream(join(directory, 'media', file.key), { flags: 'wx', mode: 0o600 }));
  const sha256 = hash.digest('hex');
  if (sha256 !== file.sha256 || size !== file.size)
    throw new TenantArchiveError(`media file ${file.key} does not match its recorded size and SHA-256: the archive would be wrong`);
}
