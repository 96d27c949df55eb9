import 'reflect-metadata';
import { loadConfigOrExit } from '@socle/platform-config';
import { createApp } from './app/create-app';

async function main(): Promise<void> {
  const config = loadConfigOrExit('socle-api');
  const app = await createApp(config);
  await app.listen({ port: config.PORT, host: config.HOST });
  process.stdout.write(`socle-api listening on http://${config.HOST}:${config.PORT}/graphql\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`socle-api failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
