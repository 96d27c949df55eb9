import { DynamicModule, Module, OnModuleInit, Provider } from '@nestjs/common';
import { AccountsModule, AuditRepository } from '@socle/accounts';
import { EvidenceRegistry } from '@socle/platform-evidence';
import { PoliciesModule } from '@socle/policies';
import { StrategyModule } from '@socle/strategy';
import { APPROVALS_PART } from './approvals/approvals.part';
import { CALENDAR_PART } from './calendar/calendar.part';
import { CONTENT_PLANNED_KEY, contentEvidenceProvider } from './calendar/content-evidence';
import { ContentPart } from './content-part';
import { ITEMS_PART } from './items/items.part';
import { MEDIA_PART } from './media/media.part';
import { PUBLISHING_PART } from './publishing/publishing.part';

/** The parts in dependency order: items first, the others read them. */
export const CONTENT_PARTS: readonly ContentPart[] = [ITEMS_PART, MEDIA_PART, APPROVALS_PART, PUBLISHING_PART, CALENDAR_PART];

export interface ContentModuleOptions {
  /** Serve the GraphQL resolvers and HTTP routes (the API). */
  http?: boolean;
  /** Run the jobs (the worker). */
  worker?: boolean;
  /**
   * Providers the composition root gives the module: the network targets
   * (`NETWORK_TARGETS`, implemented by the community module, which owns the
   * network accounts) and the policies module instance to share.
   */
  imports?: DynamicModule['imports'];
  providers?: Provider[];
}

/** Content items and variants, the suggestion box, approvals, the media library, publishing and the calendar. */
@Module({})
export class ContentModule implements OnModuleInit {
  constructor(private readonly evidence: EvidenceRegistry) {}

  /** Registers the content evidence (seed 002, steps 4 and 7) in the API and in the worker. */
  onModuleInit(): void {
    if (!this.evidence.has(CONTENT_PLANNED_KEY)) this.evidence.register(contentEvidenceProvider);
  }

  static forRoot(options: ContentModuleOptions = {}): DynamicModule {
    const all = (pick: (part: ContentPart) => Provider[]) => CONTENT_PARTS.flatMap(pick);
    return {
      module: ContentModule,
      imports: [AccountsModule, StrategyModule, ...(options.imports ?? [PoliciesModule.forRoot()])],
      controllers: options.http ? CONTENT_PARTS.flatMap((part) => part.controllers ?? []) : [],
      providers: [
        AuditRepository,
        ...(options.providers ?? []),
        ...all((part) => part.providers),
        ...(options.http ? all((part) => part.resolvers) : []),
        ...(options.worker ? all((part) => part.workers) : []),
      ],
      exports: all((part) => part.exports),
    };
  }
}
