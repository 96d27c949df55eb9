import { Injectable, Logger } from '@nestjs/common';
import { organizationTablesInDeleteOrder, UnitOfWorkFactory } from '@socle/platform-database';
import { JobHandler, TenantJobPayload } from '@socle/platform-queue';
import { AuditRepository, OrganizationRepository } from './repositories';
import { ACCOUNTS_QUEUE, PURGE_ORGANIZATION_JOB, PurgeOrganizationScheduler } from './purge-organization.scheduler';

export interface PurgeOrganizationPayload extends TenantJobPayload {
  agencyId: string;
}

const BATCH = 500;

/**
 * Deletes every row of an organisation pending deletion, table by table in
 * batches (each batch its own short transaction inside that tenant), then the
 * organisation itself, and records the purge in the agency's audit log.
 * Idempotent: a retried or duplicated job finds less, or nothing, to delete.
 */
@Injectable()
export class PurgeOrganizationJob implements JobHandler<PurgeOrganizationPayload> {
  readonly queue = ACCOUNTS_QUEUE;
  readonly name = PURGE_ORGANIZATION_JOB;
  private readonly logger = new Logger(PURGE_ORGANIZATION_JOB);

  constructor(
    private readonly units: UnitOfWorkFactory,
    private readonly organizations: OrganizationRepository,
    private readonly audit: AuditRepository,
    private readonly scheduler: PurgeOrganizationScheduler,
  ) {}

  async handle({ organizationId, agencyId }: PurgeOrganizationPayload): Promise<Record<string, number>> {
    // One purger per organisation at a time, whatever the queues or replicas: a transaction-level
    // advisory lock held by an otherwise idle unit of work for the whole purge (released at its end,
    // or when its connection dies with the worker). Another purger finds it taken and leaves.
    const claim = this.units.create({});
    try {
      const [row] = await claim.query<{ claimed: boolean }>(
        "SELECT pg_try_advisory_xact_lock(hashtextextended('socle.purge:' || $1::text, 0)) AS claimed",
        [organizationId],
      );
      if (!row.claimed) {
        this.logger.log(`organization ${organizationId} is being purged by another worker`);
        return {};
      }
      return await this.purge(organizationId, agencyId);
    } finally {
      await claim.rollback();
    }
  }

  private async purge(organizationId: string, agencyId: string): Promise<Record<string, number>> {
    const actor = { type: 'SYSTEM' as const, id: null };
    const pending = await this.units.run({ agencyId }, async (uow) => {
      const org = await this.organizations.findInAgency({ uow, actor, agencyId, agencyRole: null }, organizationId);
      return org?.status === 'DELETION_PENDING' ? org : null;
    });
    if (!pending) return {}; // already purged, or never asked for
    const scope = { organizationId };
    const tables = await this.units.run(scope, (uow) => organizationTablesInDeleteOrder(uow));
    const counts: Record<string, number> = {};
    for (const table of tables) {
      counts[table] = 0;
      for (;;) {
        const deleted = await this.units.run(scope, (uow) =>
          uow.execute(
            `DELETE FROM "${table}" WHERE ctid = ANY(ARRAY(SELECT ctid FROM "${table}" WHERE organization_id = $1 LIMIT ${BATCH}))`,
            [organizationId],
          ),
        );
        counts[table] += deleted;
        if (deleted < BATCH) break;
      }
    }
    await this.units.run({ agencyId, organizationId }, async (uow) => {
      const ctx = { uow, actor, agencyId, agencyRole: null };
      await this.organizations.deleteRow(ctx, organizationId);
      await this.audit.recordInAgency(uow, agencyId, actor, {
        action: 'organization.purged',
        targetType: 'Organization',
        targetId: organizationId,
        organizationId,
        metadata: { name: pending.name, deletedRows: counts },
      });
    });
    this.logger.log(`purged organization ${organizationId}: ${JSON.stringify(counts)}`);
    return counts;
  }

  /** Re-enqueues every organisation still pending deletion (state lives in PostgreSQL, not Redis). */
  async reconcile(): Promise<number> {
    const pending = await this.units.run({}, (uow) => this.organizations.pendingDeletions(uow));
    for (const org of pending) await this.scheduler.schedule({ organizationId: org.id, agencyId: org.agency_id });
    return pending.length;
  }
}
