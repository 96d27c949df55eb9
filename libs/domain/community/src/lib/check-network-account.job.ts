import { Injectable, Logger } from '@nestjs/common';
import { SocleConfig } from '@socle/platform-config';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { JobHandler, JobQueues, TenantJobPayload } from '@socle/platform-queue';
import { CredentialVault } from './credential-vault';
import { NetworkHealthService, REFRESH_MARGIN_MS } from './network-health.service';
import { NetworkAccountRepository } from './repositories';

export const COMMUNITY_QUEUE = 'community';
export const CHECK_NETWORK_ACCOUNT_JOB = 'CheckNetworkAccountJob';

/** Ids only: a job payload never carries credentials (Redis is not where secrets live). */
export interface CheckNetworkAccountPayload extends TenantJobPayload {
  accountId: string;
}

@Injectable()
export class CheckNetworkAccountScheduler {
  constructor(private readonly queues: JobQueues) {}

  /** One pending check per account (the job id dedupes). */
  async schedule(organizationId: string, accountId: string): Promise<void> {
    const payload: CheckNetworkAccountPayload = { organizationId, accountId };
    await this.queues.add(COMMUNITY_QUEUE, CHECK_NETWORK_ACCOUNT_JOB, payload, {
      jobId: `check-${organizationId}-${accountId}`,
      attempts: 3,
    });
  }
}

/**
 * Checks one account's health in its organisation (see NetworkHealthService).
 * Its reconciler enqueues every account whose last check is older than
 * NETWORK_ACCOUNT_CHECK_MINUTES, whose credentials expire soon, or whose
 * credentials are sealed under another key than the active one (rotation).
 */
@Injectable()
export class CheckNetworkAccountJob implements JobHandler<CheckNetworkAccountPayload> {
  readonly queue = COMMUNITY_QUEUE;
  readonly name = CHECK_NETWORK_ACCOUNT_JOB;
  private readonly logger = new Logger(CHECK_NETWORK_ACCOUNT_JOB);

  constructor(
    private readonly units: UnitOfWorkFactory,
    private readonly config: SocleConfig,
    private readonly health: NetworkHealthService,
    private readonly accounts: NetworkAccountRepository,
    private readonly vault: CredentialVault,
    private readonly scheduler: CheckNetworkAccountScheduler,
  ) {}

  async handle({ organizationId, accountId }: CheckNetworkAccountPayload): Promise<{ status: string | null }> {
    // The payload names the tenant: a job acts in the organisation it was enqueued for.
    const account = await this.units.runInOrganization(organizationId, (uow) =>
      this.health.check({ uow, organizationId: uow.organizationId, actor: { type: 'SYSTEM', id: null } }, accountId),
    );
    this.logger.log(`checked network account ${accountId} of organization ${organizationId}: ${account?.status ?? 'gone'}`);
    return { status: account?.status ?? null };
  }

  async reconcile(): Promise<number> {
    const now = Date.now();
    const due = await this.units.run({}, (uow) =>
      this.accounts.due(
        uow,
        new Date(now - this.config.NETWORK_ACCOUNT_CHECK_MINUTES * 60_000),
        new Date(now + REFRESH_MARGIN_MS),
        this.vault.activeKeyId,
        1000,
      ),
    );
    for (const row of due) await this.scheduler.schedule(row.organization_id, row.id);
    return due.length;
  }
}
