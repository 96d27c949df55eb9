/** What an organisation archive holds, and how its parts are named. */
export const ARCHIVE_FORMAT = 'socle.organization-archive';
export const ARCHIVE_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

/** Who owns the rows of an archived table: the organisation itself, its agency (copied when missing), or the platform (people). */
export type TableScope = 'organization' | 'agency' | 'platform';

export interface ArchivedColumn {
  name: string;
  /** PostgreSQL's type as `format_type` spells it: values are read back with a cast to it. */
  type: string;
}

export interface ArchivedTable {
  name: string;
  scope: TableScope;
  /** Inside the archive, e.g. `tables/objectives.jsonl`. */
  file: string;
  rows: number;
  /** Hex SHA-256 of the file's bytes. */
  sha256: string;
  columns: ArchivedColumn[];
}

export interface ArchivedMedia {
  /** The storage key on the source instance; the file is `media/<key>`. The target stores it under a key of its own. */
  key: string;
  sha256: string;
  size: number;
}

/** scrypt parameters of the key that seals the secrets inside the archive; the salt is base64. */
export interface PassphraseKdf {
  name: 'scrypt';
  salt: string;
  N: number;
  r: number;
  p: number;
}

export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: number;
  /** Name of the last migration of the exporting instance: an archive imports only into the same schema. */
  schemaVersion: string;
  exportedAt: string;
  organization: { id: string; name: string; agencyId: string };
  tables: ArchivedTable[];
  media: ArchivedMedia[];
  secrets: {
    kdf: PassphraseKdf;
    /** A known value sealed with the passphrase's key: a wrong passphrase is told before anything is written. */
    check: string;
    /** `table.column` values sealed with the passphrase's key instead of the instance's. */
    sealedColumns: string[];
  };
  /** Tables holding the organisation's rows that are not in the archive, each with why. */
  excludedTables: Record<string, string>;
}

/** A refused export or import: the message says what is wrong, never a secret. */
export class TenantArchiveError extends Error {
  constructor(
    message: string,
    /** The archive is sound but clashes with what is here (its organisation already exists): 409 over HTTP. */
    readonly conflict = false,
  ) {
    super(message);
    this.name = 'TenantArchiveError';
  }
}
