/**
 * Writes the GraphQL schema the code defines to apps/api/schema.graphql (sorted).
 * The file is committed: a test fails when it differs from the code, so every
 * change to the API shows up in review. Needs the same environment as the API.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '@socle/platform-config';
import { createApp } from '../app/create-app';
import { printSortedSchema } from '../app/schema-file';

async function main(): Promise<void> {
  const app = await createApp(loadConfig({ ...process.env, LOG_LEVEL: 'warn' }));
  try {
    const file = resolve(__dirname, '../../schema.graphql');
    writeFileSync(file, printSortedSchema(app));
    process.stdout.write(`wrote ${file}\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`print-schema: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
