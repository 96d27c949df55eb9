/**
 * A worker as its own process, for the fault tests: SIGKILL, restarts and
 * terminated connections are then real. Configured by the environment it is
 * started with (the test run's database, Redis and queue prefix); prints
 * `ready <pid>` once its queues are consumed.
 *
 *   FAULT_WORKER_CONCURRENCY   jobs at once per queue (default: each queue's own, as a deployed worker)
 *   FAULT_LEASE_MS             the publishing lease, shortened so a killed worker's claims are taken
 *                              over in seconds instead of a minute (the mechanism is the same)
 *   FAULT_BACKOFF_MS           the first back-off after a transient failure (the job's policy, which tests may shorten)
 */
import 'reflect-metadata';
import { PublishPublicationJob } from '@socle/content';
import { loadConfig } from '@socle/platform-config';
import { createWorker } from '@socle/worker';

async function main(): Promise<void> {
  const leaseMs = Number(process.env.FAULT_LEASE_MS ?? 0);
  const backoffMs = Number(process.env.FAULT_BACKOFF_MS ?? 0);
  const worker = await createWorker(loadConfig(process.env), {
    concurrency: process.env.FAULT_WORKER_CONCURRENCY ? Number(process.env.FAULT_WORKER_CONCURRENCY) : undefined,
    // The publishing sweeper (PUBLISHING_SWEEP_SECONDS) is what the tests rely on, not the generic reconcile.
    reconcileEveryMs: 600_000,
    // Before the first job: a claim made with the default lease (a minute) would outlive the kills the tests make.
    prepare: (context) => {
      const job = context.get(PublishPublicationJob, { strict: false });
      if (leaseMs > 0) Object.assign(job, { leaseMs });
      if (backoffMs > 0) job.policy = { ...job.policy, baseBackoffMs: backoffMs };
    },
  });
  process.stdout.write(`ready ${process.pid}\n`);
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
  process.stderr.write(`fault worker failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
