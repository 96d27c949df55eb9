import { DynamicModule, Inject, Injectable, Logger, Module, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AccountsModule, AuditRepository } from '@socle/accounts';
import { PublicationRepository } from '@socle/content';
import { SocleConfig } from '@socle/platform-config';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { EvidenceRegistry } from '@socle/platform-evidence';
import { MailOutbox } from '@socle/platform-mail';
import { DomainVerifier, parseDnsServers } from './domain-verifier';
import { BlogDigestRepository } from './blog-digest.repository';
import { SendBlogDigestJob } from './jobs/send-blog-digest.job';
import { SendReleaseDigestJob } from './jobs/send-release-digest.job';
import { NewsletterRepository } from './newsletter.repository';
import { NewsletterService } from './newsletter.service';
import { PressReleaseRepository } from './press-release.repository';
import { PressReleaseService } from './press-release.service';
import { PRESS_ROOM_LIVE_KEY, pressRoomEvidenceProvider } from './press-room-evidence';
import { PressRoomRepository } from './press-room.repository';
import { PressRoomResolver } from './press-room.resolver';
import { DOMAIN_VERIFIER, PressRoomService } from './press-room.service';
import { CustomDomainTable, registerCustomDomainTable } from './public/custom-domains';
import { PressPublicController } from './public/press-public.controller';
import { PublicSiteService } from './public/public-site.service';

export interface PressRoomModuleOptions {
  /** Serve the GraphQL resolvers and the public pages (the API). */
  http?: boolean;
  /** Run the newsletter's job (the worker). */
  worker?: boolean;
  /** The content module instance of the composition root (media library and content items). */
  imports?: DynamicModule['imports'];
}

/** How often the API reads the verified custom domains again (a verification in the same process counts at once). */
export const CUSTOM_DOMAINS_REFRESH_MS = 60_000;
const MAX_CUSTOM_DOMAINS = 100_000;

/** Keeps the API's table of verified custom domains filled, and routes their requests to the press room. */
@Injectable()
class CustomDomainRouting implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('PressRoomDomains');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly table: CustomDomainTable,
    private readonly units: UnitOfWorkFactory,
    private readonly rooms: PressRoomRepository,
    @Optional() @Inject(HttpAdapterHost) private readonly adapterHost?: HttpAdapterHost,
  ) {}

  async onModuleInit(): Promise<void> {
    const server = this.adapterHost?.httpAdapter?.getInstance?.() as object | undefined;
    if (!server) return;
    registerCustomDomainTable(server, this.table);
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), CUSTOM_DOMAINS_REFRESH_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async refresh(): Promise<void> {
    try {
      this.table.replace(await this.units.read({}, (uow) => this.rooms.verifiedHosts(uow, MAX_CUSTOM_DOMAINS)));
    } catch (error) {
      // The previous table stays: a database hiccup does not take the custom domains down.
      this.logger.warn(`custom domains not refreshed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * The hosted virtual press room (seed 000, owned media): settings, releases, public pages and feeds, custom
 * domains and the newsletter. Registers its evidence (room live, recent releases, subscribers) in the API and the worker.
 */
@Module({})
export class PressRoomModule implements OnModuleInit {
  constructor(private readonly evidence: EvidenceRegistry) {}

  onModuleInit(): void {
    if (!this.evidence.has(PRESS_ROOM_LIVE_KEY)) this.evidence.register(pressRoomEvidenceProvider);
  }

  static forRoot(options: PressRoomModuleOptions = {}): DynamicModule {
    return {
      module: PressRoomModule,
      imports: [AccountsModule, ...(options.imports ?? [])],
      controllers: options.http ? [PressPublicController] : [],
      providers: [
        {
          provide: DOMAIN_VERIFIER,
          inject: [SocleConfig],
          useFactory: (config: SocleConfig) => {
            try {
              return new DomainVerifier(parseDnsServers(config.PRESS_ROOM_DNS_SERVERS));
            } catch (error) {
              throw new Error(`PRESS_ROOM_DNS_SERVERS: ${(error as Error).message}`);
            }
          },
        },
        CustomDomainTable,
        AuditRepository,
        MailOutbox,
        PressRoomRepository,
        PressReleaseRepository,
        NewsletterRepository,
        BlogDigestRepository,
        PressRoomService,
        PressReleaseService,
        NewsletterService,
        ...(options.http ? [PressRoomResolver, PublicSiteService, CustomDomainRouting] : []),
        // The digest reads what the content module published (its repository, as the community module uses it).
        ...(options.worker ? [SendReleaseDigestJob, SendBlogDigestJob, PublicationRepository] : []),
      ],
      exports: [
        PressRoomService,
        PressReleaseService,
        NewsletterService,
        ...(options.worker ? [SendReleaseDigestJob, SendBlogDigestJob] : []),
      ],
    };
  }
}
