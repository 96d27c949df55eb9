import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AgencyContext, AgencyCtx, OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { Connection, PageArgs, paginate } from '@socle/platform-graphql';
import { ApiKeyService } from './api-key.service';
import { AuditRepository } from './repositories';
import { ApiKeyConnection, ApiKeyObject, AuditEventConnection, AuditEventObject, CreateApiKeyPayloadObject } from './dto/objects';
import { CreateApiKeyInput, RevokeApiKeyInput } from './dto/inputs';
import { toApiKey, toAuditEvent } from './dto/mappers';

@Resolver(() => ApiKeyObject)
export class ApiKeyResolver {
  constructor(private readonly keys: ApiKeyService) {}

  @Requires('agency.apiKeys.manage')
  @Query(() => ApiKeyConnection, {
    description: "The agency's API keys, oldest first, revoked and expired ones included. For the agency's owners and admins.",
  })
  async apiKeys(@AgencyCtx() ctx: AgencyContext, @Args() page: PageArgs): Promise<Connection<ApiKeyObject>> {
    return paginate(
      page,
      (keyset) => this.keys.page(ctx, keyset),
      (k) => [k.createdAt, k.id],
      toApiKey,
      () => this.keys.count(ctx),
    );
  }

  @Requires('agency.apiKeys.manage')
  @Mutation(() => CreateApiKeyPayloadObject, {
    description:
      "Creates an API key; the secret is in this answer only. BAD_USER_INPUT on input.expiresAt when not in the future; NOT_FOUND when organizationId is not a client of the agency. For the agency's owners and admins, never for another key.",
  })
  async createApiKey(
    @AgencyCtx() ctx: AgencyContext,
    @Args('input', { description: "The key's name, scopes, optional organization and expiry." }) input: CreateApiKeyInput,
  ): Promise<CreateApiKeyPayloadObject> {
    const { apiKey, secret } = await this.keys.create(ctx, input);
    return { apiKey: toApiKey(apiKey), secret };
  }

  @Requires('agency.apiKeys.manage')
  @Mutation(() => ApiKeyObject, { description: 'Revokes an API key: it is refused from now on. NOT_FOUND for a key of another agency.' })
  async revokeApiKey(
    @AgencyCtx() ctx: AgencyContext,
    @Args('input', { description: 'The key to revoke.' }) input: RevokeApiKeyInput,
  ): Promise<ApiKeyObject> {
    return toApiKey(await this.keys.revoke(ctx, input.id));
  }
}

@Resolver(() => AuditEventObject)
export class AuditResolver {
  constructor(private readonly audit: AuditRepository) {}

  @Requires('organization.audit.read')
  @Query(() => AuditEventConnection, { description: "The organization's audit log, newest first." })
  async auditLog(@OrgCtx() ctx: OrganizationContext, @Args() page: PageArgs): Promise<Connection<AuditEventObject>> {
    return paginate(
      page,
      (keyset) => this.audit.organizationPage(ctx, keyset),
      (e) => [e.occurredAt, e.id],
      toAuditEvent,
      () => this.audit.countInOrganization(ctx),
    );
  }

  @Requires('agency.audit.read')
  @Query(() => AuditEventConnection, { description: "The agency's audit log (sign-ins, clients, staff, keys), newest first." })
  async agencyAuditLog(@AgencyCtx() ctx: AgencyContext, @Args() page: PageArgs): Promise<Connection<AuditEventObject>> {
    return paginate(
      page,
      (keyset) => this.audit.agencyPage(ctx, keyset),
      (e) => [e.occurredAt, e.id],
      toAuditEvent,
      () => this.audit.countInAgency(ctx),
    );
  }
}
