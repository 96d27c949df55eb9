import 'reflect-metadata';
import { loadConfigOrExit, stopOnSignals } from '@socle/platform-config';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { REDIS } from '@socle/platform-queue';
import { createWorker } from './app/create-worker';
import { HealthServer, startHealthServer } from './app/health-server';

async function main(): Promise<void> {
  const config = loadConfigOrExit('socle-worker');
  const worker = await createWorker(config);
  let health: HealthServer | undefined;
  // Closing stops the probes, stops taking jobs and waits for those in hand, then releases the database and Redis.
  stopOnSignals('socle-worker', async () => void (await Promise.all([health?.close(), worker.close()])), config.SHUTDOWN_TIMEOUT_MS);
  if (config.WORKER_HEALTH_PORT !== undefined) {
    const units = worker.context.get(UnitOfWorkFactory);
    const redis = worker.context.get<{ ping(): Promise<unknown> }>(REDIS);
    health = await startHealthServer({
      host: config.HOST,
      port: config.WORKER_HEALTH_PORT,
      checks: { postgres: () => units.ping(), redis: () => redis.ping() },
      metrics: worker.metrics.registry,
    });
    process.stdout.write(`socle-worker health on http://${config.HOST}:${health.port}/health/live, metrics on /metrics\n`);
  }
  process.stdout.write(`socle-worker running ${worker.workers.map((w) => w.name).join(', ')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`socle-worker failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
