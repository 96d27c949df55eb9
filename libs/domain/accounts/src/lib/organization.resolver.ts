import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AgencyContext, AgencyCtx, OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { Connection, paginate } from '@socle/platform-graphql';
import { notFound } from '@socle/platform-errors';
import { AgencyRepository } from './repositories';
import { OrganizationService } from './organization.service';
import { AgencyObject, OrganizationConnection, OrganizationObject } from './dto/objects';
import {
  RenameAgencyInput,
  CreateOrganizationInput,
  DeleteOrganizationInput,
  OrganizationsArgs,
  UpdateOrganizationInput,
} from './dto/inputs';
import { toOrganization } from './dto/mappers';

@Resolver(() => OrganizationObject)
export class OrganizationResolver {
  constructor(private readonly service: OrganizationService) {}

  @Requires('organizations.list')
  @Query(() => OrganizationConnection, { description: "The agency's client organizations, oldest first." })
  async organizations(@AgencyCtx() ctx: AgencyContext, @Args() page: OrganizationsArgs): Promise<Connection<OrganizationObject>> {
    return paginate(
      page,
      (keyset) => this.service.page(ctx, page.filter ?? {}, keyset),
      (o) => [o.createdAt, o.id],
      toOrganization,
    );
  }

  @Requires('organizations.create')
  @Mutation(() => OrganizationObject)
  async createOrganization(@AgencyCtx() ctx: AgencyContext, @Args('input') input: CreateOrganizationInput): Promise<OrganizationObject> {
    return toOrganization(
      await this.service.create(ctx, {
        name: input.name,
        sector: input.sector ?? null,
        size: input.size ?? null,
        locale: input.locale,
        timezone: input.timezone,
      }),
    );
  }

  @Requires('organizations.delete')
  @Mutation(() => OrganizationObject, {
    description: 'Marks the organization for deletion; its data is purged in the background. Status DELETION_PENDING until done.',
  })
  async deleteOrganization(@AgencyCtx() ctx: AgencyContext, @Args('input') input: DeleteOrganizationInput): Promise<OrganizationObject> {
    return toOrganization(await this.service.requestDeletion(ctx, input.id, input.confirmName));
  }

  @Requires('organization.read')
  @Query(() => OrganizationObject, { description: 'The organization named by the X-Socle-Organization header (or the API key).' })
  async organization(@OrgCtx() ctx: OrganizationContext): Promise<OrganizationObject> {
    return toOrganization(await this.service.get(ctx));
  }

  @Requires('organization.update')
  @Mutation(() => OrganizationObject)
  async updateOrganization(@OrgCtx() ctx: OrganizationContext, @Args('input') input: UpdateOrganizationInput): Promise<OrganizationObject> {
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    return toOrganization(await this.service.update(ctx, patch));
  }
}

@Resolver(() => AgencyObject)
export class AgencyResolver {
  constructor(private readonly agencies: AgencyRepository) {}

  @Requires('agency.read')
  @Query(() => AgencyObject, { description: 'The agency the request acts for (X-Socle-Agency, or your first agency).' })
  async agency(@AgencyCtx() ctx: AgencyContext): Promise<AgencyObject> {
    const agency = await this.agencies.find(ctx);
    if (!agency) throw notFound('Agency', ctx.agencyId);
    return agency;
  }

  @Requires('agency.update')
  @Mutation(() => AgencyObject)
  async renameAgency(@AgencyCtx() ctx: AgencyContext, @Args('input') input: RenameAgencyInput): Promise<AgencyObject> {
    const agency = await this.agencies.rename(ctx, input.name);
    if (!agency) throw notFound('Agency', ctx.agencyId);
    return agency;
  }
}
