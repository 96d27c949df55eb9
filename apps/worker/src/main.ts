import 'reflect-metadata';
import { loadConfigOrExit } from '@socle/platform-config';
import { createWorker } from './app/create-worker';

async function main(): Promise<void> {
  const config = loadConfigOrExit('socle-worker');
  const worker = await createWorker(config);
  process.stdout.write(`socle-worker running ${worker.workers.map((w) => w.name).join(', ')}\n`);
  const stop = () => {
    worker.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`socle-worker failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
