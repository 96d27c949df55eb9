import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditRepository } from '@socle/accounts';
import type { Actor } from '@socle/platform-auth';
import { SecretBox } from '@socle/platform-crypto';
import type { KeysetPage } from '@socle/platform-graphql';
import { badInput, notFound } from '@socle/platform-errors';
import { JobQueues } from '@socle/platform-queue';
import { DELIVER_WEBHOOKS_JOB, isWebhookEventType, WEBHOOK_PING_TYPE, WEBHOOKS_QUEUE } from '@socle/platform-webhooks';
import { EndpointOwner, WebhookAttemptRow, WebhookDeliveryRow, WebhookEndpointRow, WebhookRepository } from './webhook.repository';
import { generateWebhookSecret, signatureHeader, WebhookAttemptResult, WebhookSender } from './webhook-sender';

export const WEBHOOK_SECRET_BOX = Symbol('WEBHOOK_SECRET_BOX');
export const WEBHOOK_SENDER = Symbol('WEBHOOK_SENDER');

/** Default overlap of a rotation: the previous secret keeps signing for a day. */
export const DEFAULT_ROTATION_OVERLAP_HOURS = 24;

/** What a secret is bound to when sealed: copied to another endpoint's row, it no longer opens. */
export function secretAad(agencyId: string, endpointId: string): string {
  return `webhook_endpoints:${agencyId}:${endpointId}`;
}

/** The body every endpoint receives. */
export function webhookBody(type: string, organizationId: string | null, occurredAt: Date, data: Record<string, unknown>): string {
  return JSON.stringify({ type, timestamp: occurredAt.toISOString(), organizationId, data });
}

export interface EndpointCommand {
  url?: string;
  description?: string;
  eventTypes?: string[];
  enabled?: boolean;
}

export interface DeliveryWithAttempts extends WebhookDeliveryRow {
  attemptList: WebhookAttemptRow[];
}

/**
 * Endpoints of an agency or of one organisation: their URL (checked against
 * the outbound rules before it is stored), subscriptions, secret (shown once,
 * stored sealed, rotated with an overlap window), deliveries and replays.
 */
@Injectable()
export class WebhookEndpointService {
  private readonly logger = new Logger('WebhookEndpoints');

  constructor(
    private readonly repository: WebhookRepository,
    private readonly audit: AuditRepository,
    private readonly queues: JobQueues,
    @Inject(WEBHOOK_SECRET_BOX) private readonly box: SecretBox,
    @Inject(WEBHOOK_SENDER) private readonly sender: WebhookSender,
  ) {}

  async create(
    owner: EndpointOwner,
    actor: Actor,
    command: Required<Pick<EndpointCommand, 'url' | 'eventTypes'>> & EndpointCommand,
    requestId?: string,
  ) {
    await this.checkUrl(command.url);
    const eventTypes = this.checkEventTypes(command.eventTypes);
    const id = randomUUID();
    const secret = generateWebhookSecret();
    const endpoint = await this.repository.insertEndpoint(owner, {
      id,
      url: command.url,
      description: command.description ?? '',
      eventTypes,
      enabled: command.enabled ?? true,
      secretSealed: this.box.encrypt(secret, secretAad(owner.agencyId, id)),
      createdBy: actor.type === 'USER' ? actor.id : null,
    });
    await this.record(owner, actor, 'webhook_endpoint.created', endpoint, { url: endpoint.url, eventTypes }, requestId);
    return { endpoint, secret };
  }

  async update(owner: EndpointOwner, actor: Actor, id: string, command: EndpointCommand, requestId?: string): Promise<WebhookEndpointRow> {
    if (command.url !== undefined && command.url !== null) await this.checkUrl(command.url);
    const eventTypes = command.eventTypes ? this.checkEventTypes(command.eventTypes) : undefined;
    const endpoint = await this.repository.updateEndpoint(owner, id, { ...command, eventTypes });
    if (!endpoint) throw notFound('WebhookEndpoint', id);
    await this.record(
      owner,
      actor,
      'webhook_endpoint.updated',
      endpoint,
      { url: endpoint.url, eventTypes: endpoint.eventTypes, enabled: endpoint.enabled },
      requestId,
    );
    return endpoint;
  }

  async delete(owner: EndpointOwner, actor: Actor, id: string, requestId?: string): Promise<string> {
    const endpoint = await this.repository.findEndpoint(owner, id);
    if (!endpoint || !(await this.repository.deleteEndpoint(owner, id))) throw notFound('WebhookEndpoint', id);
    await this.record(owner, actor, 'webhook_endpoint.deleted', endpoint, { url: endpoint.url }, requestId);
    return id;
  }

  async rotateSecret(owner: EndpointOwner, actor: Actor, id: string, overlapHours: number | undefined, requestId?: string) {
    const current = await this.repository.findEndpoint(owner, id);
    if (!current) throw notFound('WebhookEndpoint', id);
    const secret = generateWebhookSecret();
    const aad = secretAad(owner.agencyId, id);
    const overlapUntil = new Date(Date.now() + (overlapHours ?? DEFAULT_ROTATION_OVERLAP_HOURS) * 3_600_000);
    const endpoint = await this.repository.rotateSecret(owner, id, this.box.encrypt(secret, aad), current.secretSealed, overlapUntil);
    if (!endpoint) throw notFound('WebhookEndpoint', id);
    await this.record(owner, actor, 'webhook_endpoint.secret_rotated', endpoint, { overlapUntil: overlapUntil.toISOString() }, requestId);
    return { endpoint, secret };
  }

  find(owner: EndpointOwner, id: string): Promise<WebhookEndpointRow | null> {
    return this.repository.findEndpoint(owner, id);
  }

  page(owner: EndpointOwner, page: KeysetPage): Promise<WebhookEndpointRow[]> {
    return this.repository.endpointPage(owner, page);
  }

  count(owner: EndpointOwner): Promise<number> {
    return this.repository.countEndpoints(owner);
  }

  async deliveries(owner: EndpointOwner, endpointId: string, page: KeysetPage): Promise<DeliveryWithAttempts[]> {
    if (!(await this.repository.findEndpoint(owner, endpointId))) throw notFound('WebhookEndpoint', endpointId);
    const rows = await this.repository.deliveryPage(owner, endpointId, page);
    const attempts = await this.repository.attemptsOf(
      owner.uow,
      rows.map((r) => r.id),
    );
    return rows.map((row) => ({ ...row, attemptList: attempts.filter((a) => a.deliveryId === row.id) }));
  }

  /** How many deliveries the endpoint has; `deliveries` has already answered NOT_FOUND for an endpoint the owner does not have. */
  countDeliveries(owner: EndpointOwner, endpointId: string): Promise<number> {
    return this.repository.countDeliveries(owner, endpointId);
  }

  /** Sends a delivery again now, under the same webhook id (receivers deduplicate on it if they wish). */
  async replay(owner: EndpointOwner, actor: Actor, deliveryId: string, requestId?: string): Promise<DeliveryWithAttempts> {
    const delivery = await this.repository.findDelivery(owner, deliveryId);
    if (!delivery) throw notFound('WebhookDelivery', deliveryId);
    const replayed = await this.repository.replay(owner, delivery);
    if (!replayed) throw notFound('WebhookDelivery', deliveryId);
    const endpoint = await this.repository.findEndpoint(owner, delivery.endpointId);
    if (endpoint) await this.record(owner, actor, 'webhook_delivery.replayed', endpoint, { deliveryId }, requestId);
    const organizationId = delivery.organizationId;
    owner.uow.afterCommit(async () => {
      try {
        await this.queues.add(WEBHOOKS_QUEUE, DELIVER_WEBHOOKS_JOB, { organizationId });
      } catch {
        this.logger.warn(`webhook job for organization ${organizationId} not enqueued; the reconciler will`);
      }
    });
    const attempts = await this.repository.attemptsOf(owner.uow, [deliveryId]);
    return { ...replayed, attemptList: attempts };
  }

  /** Sends a `webhook.ping` event to the endpoint now and says how it went (nothing stored). */
  async sendTest(owner: EndpointOwner, id: string): Promise<WebhookAttemptResult & { webhookId: string }> {
    const endpoint = await this.repository.findEndpoint(owner, id);
    if (!endpoint) throw notFound('WebhookEndpoint', id);
    const webhookId = randomUUID();
    const now = new Date();
    const body = webhookBody(WEBHOOK_PING_TYPE, endpoint.organizationId, now, { endpointId: endpoint.id });
    const secrets = this.secretsOf(endpoint, now);
    const result = await this.sender.send(endpoint.url, this.headers(secrets, webhookId, now, body), body);
    return { ...result, webhookId };
  }

  /** The secrets that sign now: the current one, and the previous one during its overlap window. */
  secretsOf(
    endpoint: Pick<WebhookEndpointRow, 'agencyId' | 'id' | 'secretSealed' | 'previousSecretSealed' | 'previousSecretUntil'>,
    now: Date,
  ): string[] {
    const aad = secretAad(endpoint.agencyId, endpoint.id);
    const secrets = [this.box.decrypt(endpoint.secretSealed, aad)];
    if (endpoint.previousSecretSealed && endpoint.previousSecretUntil && endpoint.previousSecretUntil > now) {
      secrets.push(this.box.decrypt(endpoint.previousSecretSealed, aad));
    }
    return secrets;
  }

  headers(secrets: readonly string[], webhookId: string, at: Date, body: string): Record<string, string> {
    return {
      'webhook-id': webhookId,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': signatureHeader(secrets, webhookId, at, body),
    };
  }

  private async checkUrl(url: string): Promise<void> {
    const problem = await this.sender.problemWith(url);
    if (problem) throw badInput('input.url', problem);
  }

  private checkEventTypes(types: readonly string[]): string[] {
    types.forEach((type, index) => {
      if (!isWebhookEventType(type)) throw badInput(`input.eventTypes[${index}]`, 'is not an event type of webhookEventTypes');
    });
    return [...new Set(types)].sort();
  }

  private async record(
    owner: EndpointOwner,
    actor: Actor,
    action: string,
    endpoint: WebhookEndpointRow,
    metadata: Record<string, unknown>,
    requestId?: string,
  ): Promise<void> {
    const entry = { action, targetType: 'WebhookEndpoint', targetId: endpoint.id, metadata };
    if (owner.level === 'ORGANIZATION') await this.audit.recordInOrganization(owner.uow, actor, entry, requestId);
    else await this.audit.recordInAgency(owner.uow, owner.agencyId, actor, entry, requestId);
  }
}
