import { DynamicModule, Module } from '@nestjs/common';
import { AccountsModule } from '@socle/accounts';
import { StrategyModule } from '@socle/strategy';
import { ContentModule } from '@socle/content';
import { CommunityModule } from '@socle/community';
import { infrastructureModules } from '@socle/domain-catalog';
import { EvaluationModule, PortfolioModule } from '@socle/evaluation';
import { IntegrationsModule } from '@socle/integrations';
import { PoliciesModule } from '@socle/policies';
import { PressRoomModule } from '@socle/press-room';
import { SocleConfig } from '@socle/platform-config';
import { MailModule } from '@socle/platform-mail';

/** Composition root of the worker: the domain modules whose jobs it runs. */
@Module({})
export class WorkerModule {
  static forRoot(config: SocleConfig): DynamicModule {
    const community = CommunityModule.forRoot({ worker: true });
    const policies = PoliciesModule.forRoot();
    const content = ContentModule.forRoot({ worker: true, imports: [policies, community] });
    return {
      module: WorkerModule,
      imports: [
        ...infrastructureModules(config, 'socle-worker'),
        AccountsModule,
        StrategyModule,
        community,
        policies,
        content,
        PressRoomModule.forRoot({ worker: true, imports: [content, community] }),
        EvaluationModule,
        PortfolioModule.forRoot({ liveScoresAt: config.LIVE_SCORES_AT }),
        MailModule.forRoot({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }),
        IntegrationsModule.forRoot({ worker: true }),
      ],
    };
  }
}
