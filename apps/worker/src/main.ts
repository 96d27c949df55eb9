import 'reflect-metadata';
import { loadConfigOrExit, stopOnSignals } from '@socle/platform-config';
import { createWorker } from './app/create-worker';

async function main(): Promise<void> {
  const config = loadConfigOrExit('socle-worker');
  const worker = await createWorker(config);
  // Closing stops taking jobs and waits for those in hand, then releases the database and Redis.
  stopOnSignals('socle-worker', () => worker.close(), config.SHUTDOWN_TIMEOUT_MS);
  process.stdout.write(`socle-worker running ${worker.workers.map((w) => w.name).join(', ')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`socle-worker failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
