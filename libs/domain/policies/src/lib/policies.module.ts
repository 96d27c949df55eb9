import { WebhookEvents } from '@socle/platform-webhooks';
import { DynamicModule, Module, OnModuleInit, Provider } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import { EvidenceRegistry } from '@socle/platform-evidence';
import { MailOutbox } from '@socle/platform-mail';
import { StrategyModule } from '@socle/strategy';
import { AcknowledgementLinkController } from './acknowledgements/acknowledgement-link.controller';
import { AcknowledgementLinks } from './acknowledgements/acknowledgement-links';
import {
  AcknowledgementRequestResolver,
  StaffAcknowledgementFieldResolver,
  StaffAcknowledgementPeopleResolver,
} from './acknowledgements/acknowledgements.resolver';
import { AcknowledgementsRepository } from './acknowledgements/acknowledgements.repository';
import { AcknowledgementsService } from './acknowledgements/acknowledgements.service';
import { PolicyReviewRepository } from './documents/policy-review.repository';
import { PolicyReviewResolver, PolicyVersionReviewFieldResolver } from './documents/policy-review.resolver';
import { StaffRepository } from './staff/staff.repository';
import { StaffResolver } from './staff/staff.resolver';
import { StaffService } from './staff/staff.service';
import { BusinessCalendarResolver } from './business-calendar/business-calendar.resolver';
import { BusinessCalendarService } from './business-calendar/business-calendar.service';
import { CommentRulesService } from './comment-rules/comment-rules.service';
import { ContentRulesService } from './content-rules-store/content-rules.service';
import { NETWORK_TEXT_LIMITS, NetworkTextLimitsSource } from './content-rules-store/network-text-limits';
import { PolicyAcknowledgementSummaryResolver, PolicyResolver } from './documents/policy.resolver';
import { PolicyRepository } from './documents/policy.repository';
import { PolicyService } from './documents/policy.service';
import { policiesEvidenceProvider } from './evidence/policies.evidence';
import { CommentRulesResolver, ContentRulesResolver } from './rules.resolver';

export interface PoliciesModuleOptions {
  /** Serve the GraphQL resolvers (the API); the worker only registers the evidence. */
  http?: boolean;
  /**
   * Where network text limits come from (see `NETWORK_TEXT_LIMITS`): the composition
   * root knows the connector registry, this module does not.
   */
  networkTextLimits?: {
    imports?: DynamicModule['imports'];
    inject?: (string | symbol | (abstract new (...args: never[]) => unknown))[];
    useFactory: (...args: never[]) => NetworkTextLimitsSource;
  };
}

/** Policy documents and their approval workflow, acknowledgements, comment-handling rules, content rules, and their evidence. */
@Module({})
export class PoliciesModule implements OnModuleInit {
  constructor(private readonly evidence: EvidenceRegistry) {}

  static forRoot(options: PoliciesModuleOptions = {}): DynamicModule {
    const limits: Provider[] = options.networkTextLimits
      ? [
          {
            provide: NETWORK_TEXT_LIMITS,
            inject: options.networkTextLimits.inject ?? [],
            useFactory: options.networkTextLimits.useFactory as (...args: unknown[]) => NetworkTextLimitsSource,
          },
        ]
      : [];
    return {
      module: PoliciesModule,
      imports: [StrategyModule, ...(options.networkTextLimits?.imports ?? [])],
      providers: [
        ...limits,
        // Review step, staff list and acknowledgement links (mails go through the outbox, written in the request's transaction).
        PolicyReviewRepository,
        StaffRepository,
        StaffService,
        AcknowledgementsRepository,
        AcknowledgementLinks,
        AcknowledgementsService,
        MailOutbox,
        ...(options.http
          ? [
              PolicyReviewResolver,
              PolicyVersionReviewFieldResolver,
              StaffResolver,
              AcknowledgementRequestResolver,
              StaffAcknowledgementFieldResolver,
              StaffAcknowledgementPeopleResolver,
            ]
          : []),
        AuditRepository,
        PolicyRepository,
        PolicyService,
        WebhookEvents,
        CommentRulesService,
        BusinessCalendarService,
        ContentRulesService,
        ...(options.http
          ? [PolicyResolver, PolicyAcknowledgementSummaryResolver, CommentRulesResolver, ContentRulesResolver, BusinessCalendarResolver]
          : []),
      ],
      controllers: options.http ? [AcknowledgementLinkController] : [],
      exports: [PolicyService, CommentRulesService, ContentRulesService, BusinessCalendarService],
    };
  }

  onModuleInit(): void {
    if (!this.evidence.has('policies.usageGuide')) this.evidence.register(policiesEvidenceProvider);
  }
}
