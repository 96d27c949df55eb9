import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import { OrganizationUnitOfWork, UnitOfWorkFactory } from '@socle/platform-database';
import { MailOutbox } from '@socle/platform-mail';
import { JobHandler, JobQueues, Reconcilable, TenantJobPayload } from '@socle/platform-queue';
import { DELIVER_WEBHOOKS_JOB, WEBHOOKS_QUEUE } from '@socle/platform-webhooks';
import { ClaimedDelivery, WebhookRepository } from './webhook.repository';
import { WebhookAttemptResult, WebhookSender } from './webhook-sender';
import { WEBHOOK_SENDER, webhookBody, WebhookEndpointService } from './webhook-endpoint.service';

export interface WebhookRetryPolicy {
  /** Waits after the 1st, 2nd… failed attempt; a delivery is FAILED for good once they are used up. */
  delaysMs: readonly number[];
  /** Each wait is stretched by up to this fraction, at random (so retries of many deliveries spread out). */
  jitter: number;
}

/** Eight attempts over about a day and a half: at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h later (plus jitter). */
export const DEFAULT_WEBHOOK_RETRY: WebhookRetryPolicy = {
  delaysMs: [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 50_400_000],
  jitter: 0.2,
};

/** Wait before the next attempt after `attempts` failed ones, or null when the delivery is given up. */
export function webhookRetryDelay(policy: WebhookRetryPolicy, attempts: number, random: () => number = Math.random): number | null {
  const base = policy.delaysMs[attempts - 1];
  if (base === undefined) return null;
  return Math.round(base * (1 + policy.jitter * random()));
}

export interface DeliverWebhooksSummary {
  fannedOut: number;
  delivered: number;
  retried: number;
  failed: number;
  disabledEndpoints: number;
}

/**
 * Delivers an organisation's webhooks. First the fan-out: events not yet
 * fanned out become one delivery per subscribed endpoint (the organisation's
 * and its agency's). Then due deliveries are claimed in batches under a lease
 * (a short transaction), POSTed together outside any transaction (signed,
 * through the outbound guard), and the batch's attempts logged in one more
 * short transaction: DELIVERED on a 2xx, otherwise retried with back-off, or
 * FAILED once the retries are used up. Delivery is at least once: a worker
 * that dies between a POST and its record leaves the lease to expire, and the
 * delivery is sent again under the same webhook id (receivers deduplicate on it). A FAILED
 * delivery disables its endpoint when nothing reached that endpoint since the
 * delivery was first tried (so after a day and more of failure), with an audit
 * row and a mail to the agency's owners (and a client's strategy leads).
 * `reconcile` finds the organisations whose job Redis lost.
 */
@Injectable()
export class DeliverWebhooksJob implements JobHandler<TenantJobPayload>, Reconcilable {
  readonly queue = WEBHOOKS_QUEUE;
  readonly name = DELIVER_WEBHOOKS_JOB;
  private readonly logger = new Logger(DELIVER_WEBHOOKS_JOB);
  /** The retry rules (tests shorten them). */
  policy: WebhookRetryPolicy = DEFAULT_WEBHOOK_RETRY;
  leaseMs = 60_000;
  batchSize = 20;

  constructor(
    private readonly units: UnitOfWorkFactory,
    private readonly repository: WebhookRepository,
    private readonly endpoints: WebhookEndpointService,
    private readonly queues: JobQueues,
    private readonly audit: AuditRepository,
    private readonly outbox: MailOutbox,
    @Inject(WEBHOOK_SENDER) private readonly sender: WebhookSender,
  ) {}

  async handle({ organizationId }: TenantJobPayload): Promise<DeliverWebhooksSummary> {
    const summary: DeliverWebhooksSummary = { fannedOut: 0, delivered: 0, retried: 0, failed: 0, disabledEndpoints: 0 };
    const agencyId = await this.units.runInOrganization(organizationId, (uow) => this.repository.agencyOf(uow));
    if (!agencyId) return summary; // the organisation is gone
    // The worker acts in the organisation and its agency: it reads the agency's endpoints too.
    const inTenant = <T>(work: (uow: OrganizationUnitOfWork) => Promise<T>) =>
      this.units.runInOrganization(organizationId, work, { agencyId });
    for (;;) {
      const { events } = await inTenant((uow) => this.repository.fanOut(uow, agencyId, 500));
      summary.fannedOut += events;
      if (events < 500) break;
    }
    for (;;) {
      const batch = await inTenant((uow) => this.repository.claim(uow, this.batchSize, this.leaseMs));
      // Sent outside any transaction, all at once; their outcomes recorded together in one short transaction.
      const results = await Promise.all(batch.map(async (delivery) => ({ delivery, result: await this.attempt(delivery) })));
      summary.disabledEndpoints += await inTenant((uow) => this.record(uow, agencyId, results, summary));
      if (batch.length < this.batchSize) break;
    }
    const next = await inTenant((uow) => this.repository.nextDue(uow));
    if (next) {
      await this.queues.add(WEBHOOKS_QUEUE, DELIVER_WEBHOOKS_JOB, { organizationId }, { delay: Math.max(0, next.getTime() - Date.now()) });
    }
    return summary;
  }

  /** The attempts of a batch: logged, then each delivery DELIVERED, retried later or FAILED; how many endpoints that disabled. */
  private async record(
    uow: OrganizationUnitOfWork,
    agencyId: string,
    results: { delivery: ClaimedDelivery; result: WebhookAttemptResult }[],
    summary: DeliverWebhooksSummary,
  ): Promise<number> {
    await this.repository.recordAttempts(uow, results);
    summary.delivered += await this.repository.markDelivered(
      uow,
      results.filter((r) => r.result.ok).map((r) => r.delivery.id),
    );
    let disabled = 0;
    for (const { delivery, result } of results) {
      if (result.ok) continue;
      const retryIn = webhookRetryDelay(this.policy, delivery.attempts);
      if (!(await this.repository.markFailed(uow, delivery.id, retryIn))) continue;
      if (retryIn !== null) {
        summary.retried += 1;
        continue;
      }
      summary.failed += 1;
      if (await this.disableIfPersistent(uow, agencyId, delivery)) disabled += 1;
    }
    return disabled;
  }

  private async attempt(delivery: ClaimedDelivery): Promise<WebhookAttemptResult> {
    if (!delivery.enabled) {
      // Disabled after it was claimed, or replayed while disabled: not sent.
      return {
        ok: false,
        httpStatus: null,
        latencyMs: 0,
        responseExcerpt: '',
        errorClass: 'REFUSED_DESTINATION',
        errorMessage: 'the endpoint is disabled',
      };
    }
    const now = new Date();
    const body = webhookBody(delivery.eventType, delivery.organizationId, delivery.eventCreatedAt, delivery.data);
    let headers: Record<string, string>;
    try {
      headers = this.endpoints.headers(
        this.endpoints.secretsOf(
          {
            agencyId: delivery.endpointAgencyId,
            id: delivery.endpointId,
            secretSealed: delivery.secretSealed,
            previousSecretSealed: delivery.previousSecretSealed,
            previousSecretUntil: delivery.previousSecretUntil,
          },
          now,
        ),
        delivery.id,
        now,
        body,
      );
    } catch {
      return {
        ok: false,
        httpStatus: null,
        latencyMs: 0,
        responseExcerpt: '',
        errorClass: 'NETWORK',
        errorMessage: 'the secret could not be read',
      };
    }
    return this.sender.send(delivery.url, headers, body);
  }

  private async disableIfPersistent(uow: OrganizationUnitOfWork, agencyId: string, delivery: ClaimedDelivery): Promise<boolean> {
    const reason = `Every attempt of a delivery failed since ${delivery.createdAt.toISOString()} and nothing reached the endpoint since.`;
    const disabled = await this.repository.disableAfterFailures(
      uow,
      delivery.endpointAgencyId,
      delivery.endpointId,
      delivery.createdAt,
      reason,
    );
    if (!disabled) return false;
    const actor = { type: 'SYSTEM' as const, id: null };
    const entry = {
      action: 'webhook_endpoint.disabled',
      targetType: 'WebhookEndpoint',
      targetId: delivery.endpointId,
      metadata: { reason, deliveryId: delivery.id, url: delivery.url },
    };
    const organizationLevel = delivery.endpointScope === 'ORGANIZATION';
    if (organizationLevel) await this.audit.recordInOrganization(uow, actor, entry);
    else await this.audit.recordInAgency(uow, agencyId, actor, { ...entry, organizationId: uow.organizationId });
    const people = await this.repository.ownersToTell(uow, agencyId, organizationLevel);
    await this.outbox.enqueue(
      uow,
      people.map(({ email, locale }) => ({
        to: email,
        purpose: 'integrations.webhook-disabled',
        reference: delivery.endpointId,
        ...disabledMail(locale, delivery.url, organizationLevel),
      })),
    );
    this.logger.warn(`webhook endpoint ${delivery.endpointId} disabled after persistent failure`);
    return true;
  }

  async reconcile(): Promise<number> {
    const organizations = await this.units.run({}, (uow) => this.repository.organizationsWithWork(uow, 1000));
    for (const organizationId of organizations) await this.queues.add(WEBHOOKS_QUEUE, DELIVER_WEBHOOKS_JOB, { organizationId });
    return organizations.length;
  }
}

function disabledMail(locale: string, url: string, organizationLevel: boolean): { subject: string; text: string } {
  const where = organizationLevel ? 'client' : 'agency';
  if (locale === 'en') {
    return {
      subject: 'A webhook endpoint was disabled',
      text:
        `The ${where} webhook endpoint ${url} failed every delivery attempt for more than a day and was disabled.\n` +
        'Fix the receiver, then enable the endpoint again and replay the failed deliveries from the console or the API.',
    };
  }
  return {
    subject: 'Un point de réception de webhooks a été désactivé',
    text:
      `Le point de réception ${url} (${where === 'agency' ? 'agence' : 'client'}) a échoué à toutes les tentatives de livraison pendant plus d’un jour ; il a été désactivé.\n` +
      'Corrigez le récepteur, réactivez le point de réception, puis rejouez les livraisons échouées depuis la console ou l’API.',
  };
}
