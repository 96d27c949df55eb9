import { Injectable } from '@nestjs/common';
import { JobQueues } from '@socle/platform-queue';

export const ACCOUNTS_QUEUE = 'accounts';
export const PURGE_ORGANIZATION_JOB = 'PurgeOrganizationJob';

@Injectable()
export class PurgeOrganizationScheduler {
  constructor(private readonly queues: JobQueues) {}

  /** One job per organisation (the job id dedupes); the reconciler calls this again for anything Redis lost. */
  async schedule(payload: { organizationId: string; agencyId: string }): Promise<void> {
    await this.queues.add(ACCOUNTS_QUEUE, PURGE_ORGANIZATION_JOB, payload, { jobId: `purge-${payload.organizationId}` });
  }
}
