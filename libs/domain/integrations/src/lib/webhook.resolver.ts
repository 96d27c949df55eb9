import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AgencyContext, AgencyCtx, OrganizationContext, OrgCtx, Requires, SignedIn } from '@socle/platform-auth';
import { Connection, PageArgs, paginate } from '@socle/platform-graphql';
import { WEBHOOK_EVENT_TYPES } from '@socle/platform-webhooks';
import {
  CreateWebhookEndpointInput,
  ReplayWebhookDeliveryInput,
  RotateWebhookSecretInput,
  UpdateWebhookEndpointInput,
  WebhookDeliveriesArgs,
  WebhookEndpointIdInput,
} from './dto/webhook.inputs';
import {
  DeleteWebhookEndpointPayload,
  WebhookDeliveryConnection,
  WebhookDeliveryObject,
  WebhookEndpointConnection,
  WebhookEndpointObject,
  WebhookEndpointWithSecretObject,
  WebhookEventTypeObject,
  WebhookTestResultObject,
} from './dto/webhook.objects';
import { DeliveryWithAttempts, WebhookEndpointService } from './webhook-endpoint.service';
import type { EndpointOwner, WebhookEndpointRow } from './webhook.repository';

function toEndpoint(row: WebhookEndpointRow): WebhookEndpointObject {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    disabledAt: row.disabledAt,
    previousSecretUntil: row.previousSecretUntil && row.previousSecretUntil > new Date() ? row.previousSecretUntil : null,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toDelivery(row: DeliveryWithAttempts): WebhookDeliveryObject {
  return {
    id: row.id,
    eventId: row.eventId,
    eventType: row.eventType,
    organizationId: row.organizationId,
    status: row.status,
    attemptCount: row.attemptList.length,
    nextAttemptAt: row.status === 'PENDING' ? row.nextAttemptAt : null,
    createdAt: row.createdAt,
    deliveredAt: row.deliveredAt,
    attempts: row.attemptList,
  };
}

const orgOwner = (ctx: OrganizationContext): EndpointOwner => ({ level: 'ORGANIZATION', uow: ctx.uow, agencyId: ctx.agencyId });
const agencyOwner = (ctx: AgencyContext): EndpointOwner => ({ level: 'AGENCY', uow: ctx.uow, agencyId: ctx.agencyId });

@Resolver(() => WebhookEventTypeObject)
export class WebhookCatalogueResolver {
  @SignedIn()
  @Query(() => [WebhookEventTypeObject], { description: 'The event types webhook endpoints may subscribe to, with an example of each.' })
  webhookEventTypes(): WebhookEventTypeObject[] {
    return WEBHOOK_EVENT_TYPES.map((t) => ({ type: t.type, description: t.description, example: t.example }));
  }
}

/** A client's own endpoints: they receive that organisation's events. */
@Resolver(() => WebhookEndpointObject)
export class WebhookEndpointResolver {
  constructor(private readonly endpoints: WebhookEndpointService) {}

  @Requires('webhooks.read')
  @Query(() => WebhookEndpointConnection, { description: "The organisation's webhook endpoints." })
  async webhookEndpoints(@OrgCtx() ctx: OrganizationContext, @Args() page: PageArgs): Promise<Connection<WebhookEndpointObject>> {
    return paginate(
      page,
      (keyset) => this.endpoints.page(orgOwner(ctx), keyset),
      (e) => [e.createdAt, e.id],
      toEndpoint,
      () => this.endpoints.count(orgOwner(ctx)),
    );
  }

  @Requires('webhooks.read')
  @Query(() => WebhookDeliveryConnection, {
    description: 'Deliveries to one of the organisation’s endpoints, newest first, with their attempts.',
  })
  async webhookDeliveries(
    @OrgCtx() ctx: OrganizationContext,
    @Args() args: WebhookDeliveriesArgs,
  ): Promise<Connection<WebhookDeliveryObject>> {
    return paginate(
      args,
      (keyset) => this.endpoints.deliveries(orgOwner(ctx), args.endpointId, keyset),
      (d) => [d.createdAt, d.id],
      toDelivery,
      () => this.endpoints.countDeliveries(orgOwner(ctx), args.endpointId),
    );
  }

  @Requires('webhooks.manage')
  @Mutation(() => WebhookEndpointWithSecretObject, { description: 'Adds an endpoint. Its signing secret is in this answer only.' })
  async createWebhookEndpoint(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The new endpoint.' }) input: CreateWebhookEndpointInput,
  ): Promise<WebhookEndpointWithSecretObject> {
    const { endpoint, secret } = await this.endpoints.create(orgOwner(ctx), ctx.actor, input, ctx.requestId);
    return { endpoint: toEndpoint(endpoint), secret };
  }

  @Requires('webhooks.manage')
  @Mutation(() => WebhookEndpointObject, {
    description:
      'Changes an endpoint; fields left out keep their value. BAD_USER_INPUT for a refused URL (with its field) or an unknown event type; NOT_FOUND for an unknown id.',
  })
  async updateWebhookEndpoint(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The endpoint and what changes.' }) input: UpdateWebhookEndpointInput,
  ): Promise<WebhookEndpointObject> {
    const { id, ...changes } = input;
    return toEndpoint(await this.endpoints.update(orgOwner(ctx), ctx.actor, id, withoutNulls(changes), ctx.requestId));
  }

  @Requires('webhooks.manage')
  @Mutation(() => DeleteWebhookEndpointPayload, {
    description: 'Deletes an endpoint with its deliveries and their log; nothing more is sent to it. NOT_FOUND for an unknown id.',
  })
  async deleteWebhookEndpoint(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The endpoint.' }) input: WebhookEndpointIdInput,
  ): Promise<DeleteWebhookEndpointPayload> {
    return { id: await this.endpoints.delete(orgOwner(ctx), ctx.actor, input.id, ctx.requestId) };
  }

  @Requires('webhooks.manage')
  @Mutation(() => WebhookEndpointWithSecretObject, {
    description: 'A new signing secret (in this answer only); the previous one keeps signing during the overlap window.',
  })
  async rotateWebhookSecret(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The endpoint and the overlap window.' }) input: RotateWebhookSecretInput,
  ): Promise<WebhookEndpointWithSecretObject> {
    const { endpoint, secret } = await this.endpoints.rotateSecret(orgOwner(ctx), ctx.actor, input.id, input.overlapHours, ctx.requestId);
    return { endpoint: toEndpoint(endpoint), secret };
  }

  @Requires('webhooks.manage')
  @Mutation(() => WebhookDeliveryObject, { description: 'Sends a delivery again now, under the same webhook id.' })
  async replayWebhookDelivery(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The delivery.' }) input: ReplayWebhookDeliveryInput,
  ): Promise<WebhookDeliveryObject> {
    return toDelivery(await this.endpoints.replay(orgOwner(ctx), ctx.actor, input.deliveryId, ctx.requestId));
  }

  @Requires('webhooks.manage')
  @Mutation(() => WebhookTestResultObject, { description: 'Sends a webhook.ping event to the endpoint now and says how it went.' })
  async sendTestWebhook(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The endpoint.' }) input: WebhookEndpointIdInput,
  ): Promise<WebhookTestResultObject> {
    return this.endpoints.sendTest(orgOwner(ctx), input.id);
  }
}

/** The agency's own endpoints: they receive the events of all its clients. */
@Resolver(() => WebhookEndpointObject)
export class AgencyWebhookEndpointResolver {
  constructor(private readonly endpoints: WebhookEndpointService) {}

  @Requires('agency.webhooks.read')
  @Query(() => WebhookEndpointConnection, { description: "The agency's webhook endpoints (events of all its clients)." })
  async agencyWebhookEndpoints(@AgencyCtx() ctx: AgencyContext, @Args() page: PageArgs): Promise<Connection<WebhookEndpointObject>> {
    return paginate(
      page,
      (keyset) => this.endpoints.page(agencyOwner(ctx), keyset),
      (e) => [e.createdAt, e.id],
      toEndpoint,
      () => this.endpoints.count(agencyOwner(ctx)),
    );
  }

  @Requires('agency.webhooks.read')
  @Query(() => WebhookDeliveryConnection, {
    description: 'Deliveries to one of the agency’s endpoints, newest first, with their attempts.',
  })
  async agencyWebhookDeliveries(
    @AgencyCtx() ctx: AgencyContext,
    @Args() args: WebhookDeliveriesArgs,
  ): Promise<Connection<WebhookDeliveryObject>> {
    return paginate(
      args,
      (keyset) => this.endpoints.deliveries(agencyOwner(ctx), args.endpointId, keyset),
      (d) => [d.createdAt, d.id],
      toDelivery,
      () => this.endpoints.countDeliveries(agencyOwner(ctx), args.endpointId),
    );
  }

  @Requires('agency.webhooks.manage')
  @Mutation(() => WebhookEndpointWithSecretObject, { description: 'Adds an agency endpoint. Its signing secret is in this answer only.' })
  async createAgencyWebhookEndpoint(
    @AgencyCtx() ctx: AgencyContext,
    @Args('input', { description: 'The new endpoint.' }) input: CreateWebhookEndpointInput,
  ): Promise<WebhookEndpointWithSecretObject> {
    const { endpoint, secret } = await this.endpoints.create(agencyOwner(ctx), ctx.actor, input, ctx.requestId);
    return { endpoint: toEndpoint(endpoint), secret };
  }

  @Requires('agency.webhooks.manage')
  @Mutation(() => WebhookEndpointObject, {
    description:
      'Changes an endpoint; fields left out keep their value. BAD_USER_INPUT for a refused URL (with its field) or an unknown event type; NOT_FOUND for an unknown id.',
  })
  async updateAgencyWebhookEndpoint(
    @AgencyCtx() ctx: AgencyContext,
    @Args('input', { description: 'The endpoint and what changes.' }) input: UpdateWebhookEndpointInput,
  ): Promise<WebhookEndpointObject> {
    const { id, ...changes } = input;
    return toEndpoint(await this.endpoints.update(agencyOwner(ctx), ctx.actor, id, withoutNulls(changes), ctx.requestId));
  }

  @Requires('agency.webhooks.manage')
  @Mutation(() => DeleteWebhookEndpointPayload, {
    description: 'Deletes an endpoint with its deliveries and their log; nothing more is sent to it. NOT_FOUND for an unknown id.',
  })
  async deleteAgencyWebhookEndpoint(
    @AgencyCtx() ctx: AgencyContext,
    @Args('input', { description: 'The endpoint.' }) input: WebhookEndpointIdInput,
  ): Promise<DeleteWebhookEndpointPayload> {
    return { id: await this.endpoints.delete(agencyOwner(ctx), ctx.actor, input.id, ctx.requestId) };
  }

  @Requires('agency.webhooks.manage')
  @Mutation(() => WebhookEndpointWithSecretObject, {
    description: 'A new signing secret (in this answer only); the previous one keeps signing during the overlap window.',
  })
  async rotateAgencyWebhookSecret(
    @AgencyCtx() ctx: AgencyContext,
    @Args('input', { description: 'The endpoint and the overlap window.' }) input: RotateWebhookSecretInput,
  ): Promise<WebhookEndpointWithSecretObject> {
    const { endpoint, secret } = await this.endpoints.rotateSecret(
      agencyOwner(ctx),
      ctx.actor,
      input.id,
      input.overlapHours,
      ctx.requestId,
    );
    return { endpoint: toEndpoint(endpoint), secret };
  }

  @Requires('agency.webhooks.manage')
  @Mutation(() => WebhookDeliveryObject, { description: 'Sends a delivery again now, under the same webhook id.' })
  async replayAgencyWebhookDelivery(
    @AgencyCtx() ctx: AgencyContext,
    @Args('input', { description: 'The delivery.' }) input: ReplayWebhookDeliveryInput,
  ): Promise<WebhookDeliveryObject> {
    return toDelivery(await this.endpoints.replay(agencyOwner(ctx), ctx.actor, input.deliveryId, ctx.requestId));
  }

  @Requires('agency.webhooks.manage')
  @Mutation(() => WebhookTestResultObject, { description: 'Sends a webhook.ping event to the endpoint now and says how it went.' })
  async sendAgencyTestWebhook(
    @AgencyCtx() ctx: AgencyContext,
    @Args('input', { description: 'The endpoint.' }) input: WebhookEndpointIdInput,
  ): Promise<WebhookTestResultObject> {
    return this.endpoints.sendTest(agencyOwner(ctx), input.id);
  }
}

/** GraphQL null means "keep" for every field of an update. */
function withoutNulls<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], null>;
  };
}
