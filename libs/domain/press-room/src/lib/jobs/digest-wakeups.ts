import { Logger } from '@nestjs/common';
import type { UnitOfWork } from '@socle/platform-database';
import type { JobQueues, TenantJobPayload } from '@socle/platform-queue';

export const PRESS_ROOM_QUEUE = 'press-room';
export const SEND_RELEASE_DIGEST_JOB = 'SendReleaseDigestJob';

export type ReleaseDigestPayload = TenantJobPayload;

/** One wake-up per organisation and due time: releases due at the same moment make one job. */
export function digestJobId(organizationId: string, at: Date | string): string {
  return `press-digest-${organizationId}-${at instanceof Date ? at.getTime() : at}`;
}

export const WAKEUP_OPTIONS = {
  // The state is in PostgreSQL: a failed wake-up is dropped, never kept (its id would block the next one); the
  // reconciler finds what is still due.
  attempts: 3,
  backoff: { type: 'exponential' as const, delay: 2000 },
  removeOnComplete: true,
  removeOnFail: true,
};

/** Wakes the newsletter's job for the organisation at `at` (now when past), once the unit of work has committed. */
export function enqueueDigest(uow: UnitOfWork, queues: JobQueues, organizationId: string, at: Date): void {
  uow.afterCommit(async () => {
    // A lost wake-up only delays the mails: the reconciler finds what is due.
    await wakeDigest(queues, organizationId, at).catch((error: unknown) =>
      new Logger('PressRoom').warn(`newsletter wake-up not queued: ${error instanceof Error ? error.message : String(error)}`),
    );
  });
}

export async function wakeDigest(queues: JobQueues, organizationId: string, at: Date, tag: Date | string = at): Promise<void> {
  const payload: ReleaseDigestPayload = { organizationId };
  await queues.add(PRESS_ROOM_QUEUE, SEND_RELEASE_DIGEST_JOB, payload, {
    ...WAKEUP_OPTIONS,
    jobId: digestJobId(organizationId, tag),
    delay: Math.max(0, at.getTime() - Date.now()),
  });
}
