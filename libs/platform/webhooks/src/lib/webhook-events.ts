import { Injectable, Logger } from '@nestjs/common';
import type { OrganizationUnitOfWork } from '@socle/platform-database';
import { JobQueues } from '@socle/platform-queue';
import { isWebhookEventType, WebhookEventType } from './catalogue';

export const WEBHOOKS_QUEUE = 'webhooks';
export const DELIVER_WEBHOOKS_JOB = 'DeliverWebhooksJob';

/** Largest `data` of one event, as JSON text (the table refuses more). */
export const WEBHOOK_DATA_MAX_BYTES = 65_536;

// eslint-disable-next-line no-control-regex -- NUL is what PostgreSQL's JSON refuses
const NUL = /\u0000/g;
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Strings as PostgreSQL's JSON takes them: NUL and unpaired surrogates (a network's words may hold them) become U+FFFD. */
function storable(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.replace(NUL, '\ufffd').replace(UNPAIRED_SURROGATE, '\ufffd') : value;
}

/**
 * Emits webhook events from any module: `emit` writes an outbox row in the
 * caller's unit of work, so a rolled-back change emits nothing and a committed
 * one is never lost. The delivery job is enqueued once the transaction
 * commits; if Redis loses it, the job's reconciler finds the row. An event is
 * written only when an enabled endpoint of the organisation or of its agency
 * listens to its type at that moment (an endpoint receives what happens after
 * it is saved); which of those endpoints receive it is decided at delivery
 * time (one disabled meanwhile does not).
 */
@Injectable()
export class WebhookEvents {
  private readonly logger = new Logger('WebhookEvents');

  constructor(private readonly queues: JobQueues) {}

  /** The event's id, or null when no endpoint listens to its type (nothing written). */
  async emit(uow: OrganizationUnitOfWork, type: WebhookEventType, data: Record<string, unknown>): Promise<string | null> {
    const [id] = await this.emitMany(uow, [{ type, data }]);
    return id ?? null;
  }

  async emitMany(
    uow: OrganizationUnitOfWork,
    events: readonly { type: WebhookEventType; data: Record<string, unknown> }[],
  ): Promise<string[]> {
    if (events.length === 0) return [];
    // Each event's data serialised once, as it is stored: its size is checked on that text, which is also what is sent.
    const parts: string[] = [];
    for (const event of events) {
      if (!isWebhookEventType(event.type)) throw new Error(`webhook event type ${JSON.stringify(event.type)} is not in the catalogue`);
      const data = JSON.stringify(event.data, storable);
      if (Buffer.byteLength(data) > WEBHOOK_DATA_MAX_BYTES) throw new Error(`webhook event ${event.type}: data too large`);
      parts.push(`{"type":${JSON.stringify(event.type)},"data":${data}}`);
    }
    // Only the types an enabled endpoint of the organisation or its agency listens to are written, in the same statement
    // (socle_webhook_subscribed_types, evaluated once): without endpoints an event costs no row and no delivery job. The
    // list is taken as json (checked, not built into a tree); only the data of events written becomes jsonb.
    const rows = await uow.prepared<{ id: string }>(
      'webhook_events_emit',
      `INSERT INTO webhook_events (organization_id, type, data)
       SELECT $1, e.type, e.data::jsonb FROM json_to_recordset($2::json) AS e (type text, data json)
        WHERE e.type = ANY ((SELECT socle_webhook_subscribed_types($1))::text[])
       RETURNING id`,
      [uow.organizationId, `[${parts.join(',')}]`],
    );
    if (rows.length === 0) return [];
    const organizationId = uow.organizationId;
    uow.afterCommit(async () => {
      try {
        await this.queues.add(WEBHOOKS_QUEUE, DELIVER_WEBHOOKS_JOB, { organizationId });
      } catch (error) {
        // The rows are committed: the reconciler fans them out later.
        this.logger.warn(`webhook job for organization ${organizationId} not enqueued (${error instanceof Error ? error.name : 'error'})`);
      }
    });
    return rows.map((r) => r.id);
  }
}
