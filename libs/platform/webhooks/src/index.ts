import { WebhookEvents1765000002200 } from './lib/migrations/1765000002200-webhook-events';

export { WEBHOOK_EVENT_TYPES, WebhookEventType, WebhookEventTypeSpec, WEBHOOK_PING_TYPE, isWebhookEventType } from './lib/catalogue';
export { WebhookEvents, WEBHOOKS_QUEUE, DELIVER_WEBHOOKS_JOB, WEBHOOK_DATA_MAX_BYTES } from './lib/webhook-events';

/** The outbox table; run after the accounts migrations (it refers to organizations). */
export const WEBHOOK_EVENTS_MIGRATIONS = [WebhookEvents1765000002200];
