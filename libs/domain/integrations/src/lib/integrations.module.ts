import { DynamicModule, Module } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import { SocleConfig } from '@socle/platform-config';
import { SecretBox } from '@socle/platform-crypto';
import { MailOutbox } from '@socle/platform-mail';
import { DeliverWebhooksJob } from './deliver-webhooks.job';
import { WEBHOOK_SECRET_BOX, WEBHOOK_SENDER, WebhookEndpointService } from './webhook-endpoint.service';
import { WebhookRepository } from './webhook.repository';
import { AgencyWebhookEndpointResolver, WebhookCatalogueResolver, WebhookEndpointResolver } from './webhook.resolver';
import { WebhookSender } from './webhook-sender';

export interface IntegrationsModuleOptions {
  /** Serve the GraphQL resolvers (the API). */
  http?: boolean;
  /** Run the delivery job (the worker). */
  worker?: boolean;
}

/** Outgoing webhooks: endpoints, their signed deliveries and the job that sends them. */
@Module({})
export class IntegrationsModule {
  static forRoot(options: IntegrationsModuleOptions = {}): DynamicModule {
    return {
      module: IntegrationsModule,
      providers: [
        {
          provide: WEBHOOK_SECRET_BOX,
          inject: [SocleConfig],
          useFactory: (config: SocleConfig) => SecretBox.fromConfig(config.ENCRYPTION_KEYS, config.ENCRYPTION_ACTIVE_KEY),
        },
        {
          provide: WEBHOOK_SENDER,
          inject: [SocleConfig],
          useFactory: (config: SocleConfig) => {
            try {
              return new WebhookSender(config.OUTBOUND_ALLOWED_RANGES);
            } catch (error) {
              throw new Error(`OUTBOUND_ALLOWED_RANGES: ${(error as Error).message}`);
            }
          },
        },
        AuditRepository,
        MailOutbox,
        WebhookRepository,
        WebhookEndpointService,
        ...(options.worker ? [DeliverWebhooksJob] : []),
        ...(options.http ? [WebhookCatalogueResolver, WebhookEndpointResolver, AgencyWebhookEndpointResolver] : []),
      ],
      exports: [WebhookEndpointService, WebhookRepository, WEBHOOK_SENDER, ...(options.worker ? [DeliverWebhooksJob] : [])],
    };
  }
}
