import { WebhookEndpoints1765000002210 } from './lib/migrations/1765000002210-webhook-endpoints';
import { WebhookSubscribedTypes1765000003000 } from './lib/migrations/1765000003000-webhook-subscribed-types';

export { IntegrationsModule, IntegrationsModuleOptions } from './lib/integrations.module';
export {
  DeliverWebhooksJob,
  DeliverWebhooksSummary,
  WebhookRetryPolicy,
  DEFAULT_WEBHOOK_RETRY,
  webhookRetryDelay,
} from './lib/deliver-webhooks.job';
export { WebhookEndpointService, WEBHOOK_SECRET_BOX, WEBHOOK_SENDER, webhookBody, secretAad } from './lib/webhook-endpoint.service';
export { WebhookRepository } from './lib/webhook.repository';
export { WebhookSender, generateWebhookSecret, signatureHeader, excerptOf, RESPONSE_EXCERPT_MAX } from './lib/webhook-sender';

/** Endpoints, deliveries and attempts; run after the webhook outbox (deliveries refer to its events). */
export const INTEGRATIONS_MIGRATIONS = [WebhookEndpoints1765000002210, WebhookSubscribedTypes1765000003000];
