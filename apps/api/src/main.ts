import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { loadConfigOrExit, stopOnSignals } from '@socle/platform-config';
import { createApp } from './app/create-app';

async function main(): Promise<void> {
  const config = loadConfigOrExit('socle-api');
  const app = await createApp(config);
  // Closing stops accepting connections, answers the requests in flight (new requests on open connections get 503),
  // ends live subscriptions, then releases the database and Redis.
  stopOnSignals('socle-api', () => app.close(), config.SHUTDOWN_TIMEOUT_MS);
  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.getHttpServer().address() as AddressInfo;
  process.stdout.write(`socle-api listening on http://${config.HOST}:${address.port}/graphql\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`socle-api failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
