/**
 * Moving a client organisation between instances or agencies:
 *
 *   organization export <organization id> <archive.tar.gz>
 *   organization import <archive.tar.gz> <target agency id>
 *
 * The passphrase that seals the archive's secrets comes from SOCLE_ARCHIVE_PASSPHRASE or, when that is unset, from
 * the first line of standard input; never from an argument (arguments show in process lists and shell histories).
 * The database (as the application role), the encryption keys and the media storage are the instance's
 * configuration (DATABASE_URL, ENCRYPTION_KEYS, MEDIA_STORAGE_DIR).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CredentialVault } from '@socle/community';
import { LocalDiskMediaStorage } from '@socle/content';
import { loadConfig } from '@socle/platform-config';
import { SecretBox } from '@socle/platform-crypto';
import { createDataSource, releaseParkedConnections, UnitOfWorkFactory } from '@socle/platform-database';
import { exportOrganization, importOrganization } from '@socle/tenant-archive';

const USAGE = 'usage: organization export <organization id> <archive.tar.gz> | organization import <archive.tar.gz> <target agency id>';

async function passphrase(): Promise<string> {
  const fromEnvironment = process.env.SOCLE_ARCHIVE_PASSPHRASE;
  if (fromEnvironment) return fromEnvironment;
  if (process.stdin.isTTY) process.stderr.write('archive passphrase (then Enter, Ctrl-D): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  if (!line) throw new Error('no passphrase: set SOCLE_ARCHIVE_PASSPHRASE or give it on standard input');
  return line;
}

async function main(): Promise<void> {
  const [command, first, second] = process.argv.slice(2);
  if (!['export', 'import'].includes(command ?? '') || !first || !second) throw new Error(USAGE);
  // npm runs scripts from the repository root; a file named on its command line is where the caller stood.
  const file = (name: string) => resolve(process.env.INIT_CWD ?? process.cwd(), name);
  const config = loadConfig(process.env);
  const secret = await passphrase();
  const dataSource = createDataSource({ url: config.DATABASE_URL, entities: [], poolSize: 2, applicationName: 'socle-archive' });
  await dataSource.initialize();
  const units = new UnitOfWorkFactory(dataSource);
  const vault = new CredentialVault(SecretBox.fromConfig(config.ENCRYPTION_KEYS, config.ENCRYPTION_ACTIVE_KEY));
  const media = new LocalDiskMediaStorage(config.MEDIA_STORAGE_DIR);
  try {
    if (command === 'export') {
      // Written under a temporary name, renamed once complete: a failed export leaves no archive that looks whole.
      const archive = file(second);
      const partial = `${archive}.partial`;
      try {
        const manifest = await exportOrganization(units, {
          organizationId: first,
          passphrase: secret,
          output: createWriteStream(partial, { flags: 'wx', mode: 0o600 }),
          vault,
          media,
        });
        await rename(partial, archive);
        const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
        process.stdout.write(
          `exported "${manifest.organization.name}" (${manifest.organization.id}): ${rows} rows in ${manifest.tables.length} tables, ` +
            `${manifest.media.length} media files, schema ${manifest.schemaVersion} -> ${archive}\n`,
        );
      } catch (error) {
        await unlink(partial).catch(() => undefined);
        throw error;
      }
    } else {
      const summary = await importOrganization(units, {
        input: createReadStream(file(first)),
        targetAgencyId: second,
        passphrase: secret,
        vault,
        media,
      });
      const rows = Object.values(summary.rows).reduce((sum, n) => sum + n, 0);
      process.stdout.write(
        `imported "${summary.name}" (${summary.organizationId}) into agency ${second}: ${rows} rows, ${summary.mediaFiles} media files, ` +
          `${summary.peopleMatched} people matched by email, ${summary.peopleCreated} created without a password (they set one with "forgot password")\n` +
          summary.notices.map((notice) => `note: ${notice}\n`).join(''),
      );
    }
  } finally {
    await releaseParkedConnections(dataSource);
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`organization: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
