import { Injectable } from '@nestjs/common';
import { JobQueues, TenantJobPayload } from '@socle/platform-queue';
import type { UnitOfWork } from '@socle/platform-database';

export const PUBLISHING_QUEUE = 'publishing';
export const PUBLISH_PUBLICATION_JOB = 'PublishPublicationJob';

/** Ids only: "publication X may be due". What to do is read from PostgreSQL when it runs. */
export interface PublishPublicationPayload extends TenantJobPayload {
  publicationId: string;
}

/**
 * Wake-ups of the publishing worker. Redis holds nothing that matters: a lost
 * wake-up only delays a publication until the sweeper finds it due; a
 * duplicate one finds nothing to claim.
 */
@Injectable()
export class PublicationWakeups {
  constructor(private readonly queues: JobQueues) {}

  /** A wake-up at `at` (now when past); one per publication and time (the job id dedupes). */
  async wake(organizationId: string, publicationId: string, at: Date, tag = String(at.getTime())): Promise<void> {
    const payload: PublishPublicationPayload = { organizationId, publicationId };
    await this.queues.add(PUBLISHING_QUEUE, PUBLISH_PUBLICATION_JOB, payload, {
      jobId: `publish-${publicationId}-${tag}`,
      delay: Math.max(0, at.getTime() - Date.now()),
      // The state is in PostgreSQL: a failed wake-up is dropped, never kept (its id would block the next one).
      attempts: 2,
      backoff: { type: 'fixed', delay: 1000 },
      removeOnComplete: true,
      removeOnFail: true,
    });
  }

  /** Wake-ups sent once the unit of work has committed (a wake-up for an uncommitted row would find nothing). */
  wakeAfterCommit(
    uow: UnitOfWork,
    organizationId: string,
    publications: readonly { id: string; nextAttemptAt: Date; status: string }[],
  ): void {
    const due = publications.filter((p) => p.status === 'SCHEDULED');
    if (due.length === 0) return;
    uow.afterCommit(async () => {
      for (const p of due) await this.wake(organizationId, p.id, p.nextAttemptAt);
    });
  }

  /** Many at once (the sweeper): one Redis round trip. */
  async wakeMany(rows: readonly { organization_id: string; id: string }[], tag: string): Promise<void> {
    if (rows.length === 0) return;
    await this.queues.queue(PUBLISHING_QUEUE).addBulk(
      rows.map((row) => ({
        name: PUBLISH_PUBLICATION_JOB,
        data: { organizationId: row.organization_id, publicationId: row.id } satisfies PublishPublicationPayload,
        opts: {
          jobId: `publish-${row.id}-${tag}`,
          attempts: 2,
          backoff: { type: 'fixed', delay: 1000 },
          removeOnComplete: true,
          removeOnFail: true,
        },
      })),
    );
  }
}
