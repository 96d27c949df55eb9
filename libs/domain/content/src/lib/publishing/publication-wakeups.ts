import { Injectable } from '@nestjs/common';
import { JobQueues, TenantJobPayload } from '@socle/platform-queue';
import type { UnitOfWork } from '@socle/platform-database';

export const PUBLISHING_QUEUE = 'publishing';
export const PUBLISH_PUBLICATION_JOB = 'PublishPublicationJob';

/**
 * Ids only: "organisation O may have due publications". What to do is read
 * from PostgreSQL when it runs. `publicationId` names one publication instead
 * (wake-ups queued before dispatch went by organisation, and callers that want
 * one publication's result): then only that one is claimed.
 */
export interface PublishPublicationPayload extends TenantJobPayload {
  publicationId?: string;
}

/** The job id of an organisation's wake-up: one per organisation and tag (a due time, a sweep period). */
export function wakeUpJobId(organizationId: string, tag: string | Date): string {
  return `publish-org-${organizationId}-${tag instanceof Date ? tag.getTime() : tag}`;
}

const WAKE_UP_OPTIONS = {
  // The state is in PostgreSQL: a failed wake-up is dropped, never kept (its id would block the next one).
  attempts: 2,
  backoff: { type: 'fixed' as const, delay: 1000 },
  removeOnComplete: true,
  removeOnFail: true,
};

/**
 * Wake-ups of the publishing worker, by organisation and due time: a hundred
 * items scheduled for the same minute in one organisation make one job, which
 * claims them in batches (see `PublishPublicationJob`). Redis holds nothing
 * that matters: a lost wake-up only delays publications until the sweeper finds
 * them due; a duplicate one finds nothing to claim.
 */
@Injectable()
export class PublicationWakeups {
  constructor(private readonly queues: JobQueues) {}

  /** A wake-up of the organisation at `at` (now when past); the job id dedupes those for the same time. */
  async wake(organizationId: string, at: Date, tag: string | Date = at): Promise<void> {
    const payload: PublishPublicationPayload = { organizationId };
    await this.queues.add(PUBLISHING_QUEUE, PUBLISH_PUBLICATION_JOB, payload, {
      ...WAKE_UP_OPTIONS,
      jobId: wakeUpJobId(organizationId, tag),
      delay: Math.max(0, at.getTime() - Date.now()),
    });
  }

  /** Wake-ups sent once the unit of work has committed (a wake-up for an uncommitted row would find nothing); one per distinct time. */
  wakeAfterCommit(
    uow: UnitOfWork,
    organizationId: string,
    publications: readonly { id: string; nextAttemptAt: Date; status: string }[],
  ): void {
    const times = new Map<number, Date>();
    for (const p of publications) if (p.status === 'SCHEDULED') times.set(p.nextAttemptAt.getTime(), p.nextAttemptAt);
    if (times.size === 0) return;
    uow.afterCommit(async () => {
      for (const at of times.values()) await this.wake(organizationId, at);
    });
  }

  /**
   * The organisations whose wake-up for that time still waits in Redis, not yet taken by a worker: it will claim what
   * is due when it runs. One Redis round trip.
   */
  async waiting(wakeUps: readonly { organizationId: string; at: Date }[]): Promise<Set<string>> {
    const byJob = new Map(wakeUps.map((w) => [wakeUpJobId(w.organizationId, w.at), w.organizationId]));
    const waiting = await this.queues.notStarted(PUBLISHING_QUEUE, [...byJob.keys()]);
    return new Set([...waiting].map((jobId) => byJob.get(jobId) as string));
  }

  /** Many organisations at once (the sweeper): one Redis round trip. */
  async wakeMany(organizationIds: readonly string[], tag: string): Promise<void> {
    if (organizationIds.length === 0) return;
    await this.queues.queue(PUBLISHING_QUEUE).addBulk(
      organizationIds.map((organizationId) => ({
        name: PUBLISH_PUBLICATION_JOB,
        data: { organizationId } satisfies PublishPublicationPayload,
        opts: { ...WAKE_UP_OPTIONS, jobId: wakeUpJobId(organizationId, tag) },
      })),
    );
  }
}
