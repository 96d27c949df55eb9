import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AgencyContext, AgencyCtx, OrganizationContext, OrgCtx, RequestState, Requires } from '@socle/platform-auth';
import { Connection, paginate } from '@socle/platform-graphql';
import { notFound } from '@socle/platform-errors';
import { AgencyRepository } from './repositories';
import { OrganizationService } from './organization.service';
import { MyRolesLoader } from './my-roles.loader';
import { AgencyObject, OrganizationConnection, OrganizationObject, OrganizationRoleEnum } from './dto/objects';
import {
  RenameAgencyInput,
  CreateOrganizationInput,
  DeleteOrganizationInput,
  OrganizationsArgs,
  UpdateOrganizationInput,
} from './dto/inputs';
import { toOrganization } from './dto/mappers';

/** The organisation's fields that null empties; name, language and time zone always have a value. */
const CLEARABLE = new Set(['sector', 'size']);

@Resolver(() => OrganizationObject)
export class OrganizationResolver {
  constructor(
    private readonly service: OrganizationService,
    private readonly myRolesLoader: MyRolesLoader,
  ) {}

  @ResolveField(() => [OrganizationRoleEnum], {
    description:
      "The caller's own roles in this organization: empty when they act in it only as the agency's owner or admin (their agency role is in me.agencies), or with an API key.",
  })
  async myRoles(@Parent() organization: OrganizationObject, @Context('state') state: RequestState): Promise<OrganizationRoleEnum[]> {
    return (await this.myRolesLoader.load(state, organization.id)) as OrganizationRoleEnum[];
  }

  @Requires('organizations.list')
  @Query(() => OrganizationConnection, { description: "The agency's client organizations, oldest first." })
  async organizations(@AgencyCtx() ctx: AgencyContext, @Args() page: OrganizationsArgs): Promise<Connection<OrganizationObject>> {
    return paginate(
      page,
      (keyset) => this.service.page(ctx, page.filter ?? {}, keyset),
      (o) => [o.createdAt, o.id],
      toOrganization,
      () => this.service.count(ctx, page.filter ?? {}),
    );
  }

  @Requires('organizations.create')
  @Mutation(() => OrganizationObject, { description: "Creates a client organization of the agency. For the agency's owners and admins." })
  async createOrganization(
    @AgencyCtx() ctx: AgencyContext,
    @Args('input', { description: 'The new organization.' }) input: CreateOrganizationInput,
  ): Promise<OrganizationObject> {
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
  async deleteOrganization(
    @AgencyCtx() ctx: AgencyContext,
    @Args('input', {
      description: 'The organization and its name, typed again. BAD_USER_INPUT on input.confirmName when it does not match.',
    })
    input: DeleteOrganizationInput,
  ): Promise<OrganizationObject> {
    return toOrganization(await this.service.requestDeletion(ctx, input.id, input.confirmName));
  }

  @Requires('organization.read')
  @Query(() => OrganizationObject, {
    nullable: true,
    description: 'The organization named by the X-Socle-Organization header (or the API key).',
  })
  async organization(@OrgCtx() ctx: OrganizationContext): Promise<OrganizationObject> {
    return toOrganization(await this.service.get(ctx));
  }

  @Requires('organization.update')
  @Mutation(() => OrganizationObject, {
    description: "Changes the organization's settings. For its strategy lead and the agency's owners and admins.",
  })
  async updateOrganization(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The settings to change.' }) input: UpdateOrganizationInput,
  ): Promise<OrganizationObject> {
    // Left out keeps a field; null clears the fields that may be empty and keeps the others (as updateMe does).
    const patch = Object.fromEntries(Object.entries(input).filter(([k, v]) => v !== undefined && (v !== null || CLEARABLE.has(k))));
    return toOrganization(await this.service.update(ctx, patch));
  }
}

@Resolver(() => AgencyObject)
export class AgencyResolver {
  constructor(private readonly agencies: AgencyRepository) {}

  @Requires('agency.read')
  @Query(() => AgencyObject, { nullable: true, description: 'The agency the request acts for (X-Socle-Agency, or your first agency).' })
  async agency(@AgencyCtx() ctx: AgencyContext): Promise<AgencyObject> {
    const agency = await this.agencies.find(ctx);
    if (!agency) throw notFound('Agency', ctx.agencyId);
    return agency;
  }

  @Requires('agency.update')
  @Mutation(() => AgencyObject, { description: 'Renames the agency. For its owners.' })
  async renameAgency(
    @AgencyCtx() ctx: AgencyContext,
    @Args('input', { description: 'The new name.' }) input: RenameAgencyInput,
  ): Promise<AgencyObject> {
    const agency = await this.agencies.rename(ctx, input.name);
    if (!agency) throw notFound('Agency', ctx.agencyId);
    return agency;
  }
}
