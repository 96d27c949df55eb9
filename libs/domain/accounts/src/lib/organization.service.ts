import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AgencyContext, OrganizationContext } from '@socle/platform-auth';
import { badInput, notFound } from '@socle/platform-errors';
import { OrganizationEntity } from './entities';
import { AuditRepository, OrganizationFilter, OrganizationRepository, PageQuery } from './repositories';
import { PurgeOrganizationScheduler } from './purge-organization.scheduler';

export type OrganizationPatch = Partial<Pick<OrganizationEntity, 'name' | 'sector' | 'size' | 'locale' | 'timezone'>>;

/** Owners and admins see every client; other agency members only those they belong to. */
function visibleTo(ctx: AgencyContext, filter: OrganizationFilter): OrganizationFilter {
  const restricted = ctx.agencyRole !== 'OWNER' && ctx.agencyRole !== 'ADMIN' && ctx.actor.type === 'USER';
  return { ...filter, memberUserId: restricted ? (ctx.actor.id ?? undefined) : undefined };
}

@Injectable()
export class OrganizationService {
  constructor(
    private readonly organizations: OrganizationRepository,
    private readonly audit: AuditRepository,
    private readonly purge: PurgeOrganizationScheduler,
  ) {}

  async create(
    ctx: AgencyContext,
    input: Pick<OrganizationEntity, 'name' | 'sector' | 'size' | 'locale' | 'timezone'>,
  ): Promise<OrganizationEntity> {
    const organization = await this.organizations.insert(ctx, { id: randomUUID(), ...input });
    await this.audit.recordInAgency(
      ctx.uow,
      ctx.agencyId,
      ctx.actor,
      {
        action: 'organization.created',
        targetType: 'Organization',
        targetId: organization.id,
        organizationId: organization.id,
        metadata: { name: input.name },
      },
      ctx.requestId,
    );
    return organization;
  }

  page(ctx: AgencyContext, filter: OrganizationFilter, page: PageQuery): Promise<OrganizationEntity[]> {
    return this.organizations.page(ctx, visibleTo(ctx, filter), page);
  }

  /** How many organisations the caller sees with this filter: every page of `page` together. */
  count(ctx: AgencyContext, filter: OrganizationFilter): Promise<number> {
    return this.organizations.count(ctx, visibleTo(ctx, filter));
  }

  async get(ctx: OrganizationContext): Promise<OrganizationEntity> {
    const organization = await this.organizations.find(ctx);
    if (!organization) throw notFound('Organization', ctx.organizationId);
    return organization;
  }

  async update(ctx: OrganizationContext, patch: OrganizationPatch): Promise<OrganizationEntity> {
    const organization = await this.organizations.update(ctx, patch);
    if (!organization) throw notFound('Organization', ctx.organizationId);
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action: 'organization.updated',
        targetType: 'Organization',
        targetId: ctx.organizationId,
        metadata: { fields: Object.keys(patch) },
      },
      ctx.requestId,
    );
    return organization;
  }

  /**
   * Marks the organisation as pending deletion (nothing may act inside it from
   * now on) and schedules the purge once this transaction commits.
   */
  async requestDeletion(ctx: AgencyContext, id: string, confirmName: string): Promise<OrganizationEntity> {
    const organization = await this.organizations.findInAgency(ctx, id);
    if (!organization) throw notFound('Organization', id);
    if (organization.name !== confirmName)
      throw badInput('input.confirmName', 'must repeat the organization name exactly, to confirm the deletion');
    if (organization.status === 'ACTIVE') {
      await this.organizations.markDeletionPending(ctx, id);
      await this.audit.recordInAgency(
        ctx.uow,
        ctx.agencyId,
        ctx.actor,
        {
          action: 'organization.deletion_requested',
          targetType: 'Organization',
          targetId: id,
          organizationId: id,
          metadata: { name: organization.name },
        },
        ctx.requestId,
      );
      ctx.uow.afterCommit(() => this.purge.schedule({ organizationId: id, agencyId: ctx.agencyId }));
    }
    return (await this.organizations.findInAgency(ctx, id)) as OrganizationEntity;
  }
}
