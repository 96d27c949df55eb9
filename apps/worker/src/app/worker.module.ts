import { DynamicModule, Module } from '@nestjs/common';
import { AccountsModule } from '@socle/accounts';
import { StrategyModule } from '@socle/strategy';
import { CommunityModule } from '@socle/community';
import { infrastructureModules } from '@socle/domain-catalog';
import { EvaluationModule, PortfolioModule } from '@socle/evaluation';
import { PoliciesModule } from '@socle/policies';
import { SocleConfig } from '@socle/platform-config';

/** Composition root of the worker: the domain modules whose jobs it runs. */
@Module({})
export class WorkerModule {
  static forRoot(config: SocleConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ...infrastructureModules(config, 'socle-worker'),
        AccountsModule,
        StrategyModule,
        CommunityModule.forRoot(),
        PoliciesModule.forRoot(),
        EvaluationModule,
        PortfolioModule.forRoot({ liveScoresAt: config.LIVE_SCORES_AT }),
      ],
    };
  }
}
