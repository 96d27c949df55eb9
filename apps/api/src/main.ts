import 'reflect-metadata';
import { ConfigError, loadConfig } from '@socle/platform-config';
import { createApp } from './app/create-app';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`socle-api: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const app = await createApp(config);
  await app.listen({ port: config.PORT, host: config.HOST });
  process.stdout.write(`socle-api listening on http://${config.HOST}:${config.PORT}/graphql\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`socle-api failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
