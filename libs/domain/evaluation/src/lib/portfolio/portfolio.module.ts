import { DynamicModule, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { EvidenceRegistry } from '@socle/platform-evidence';
import { LiveScoreHistoryRepository } from '../live/live-score-history.repository';
import { LiveScoreHistoryResolver } from '../live/live-score-history.resolver';
import { LiveScoreHistoryService } from '../live/live-score-history.service';
import { LiveScoreRepository } from '../live/live-score.repository';
import { LiveScoreResolver } from '../live/live-score.resolver';
import { LiveScoreService } from '../live/live-score.service';
import { DEFAULT_LIVE_SCORES_AT, parseDailyTime } from '../live/nightly-schedule';
import { LIVE_SCORES_SCHEDULE, RecomputeLiveScoreJob } from '../live/recompute-live-score.job';
import { RecentAssessmentEvidence } from '../live/recent-assessment.evidence';
import { PortfolioLocale } from './portfolio-locale';
import { PortfolioRepository } from './portfolio.repository';
import { PortfolioResolver } from './portfolio.resolver';
import { PortfolioService } from './portfolio.service';

export interface PortfolioModuleOptions {
  /** Serve the GraphQL resolvers (the API); the worker runs the nightly live scores only. */
  http?: boolean;
  /** Time of day (UTC, HH:MM) of the nightly live-score run. Default 02:00. */
  liveScoresAt?: string;
}

/** Registers `evaluation.recentAssessment` with the process's evidence registry. */
@Injectable()
class EvidenceRegistration implements OnModuleInit {
  constructor(
    private readonly registry: EvidenceRegistry,
    private readonly provider: RecentAssessmentEvidence,
  ) {}

  onModuleInit(): void {
    if (!this.registry.has(this.provider.definitions[0].key)) this.registry.register(this.provider);
  }
}

/**
 * Live scores (nightly, with coverage and the level cap, with history), the agency portfolio, the
 * radar and the comparison with the agency's average.
 */
@Module({})
export class PortfolioModule {
  static forRoot(options: PortfolioModuleOptions = {}): DynamicModule {
    return {
      module: PortfolioModule,
      providers: [
        { provide: LIVE_SCORES_SCHEDULE, useValue: parseDailyTime(options.liveScoresAt ?? DEFAULT_LIVE_SCORES_AT) },
        RecentAssessmentEvidence,
        EvidenceRegistration,
        LiveScoreRepository,
        LiveScoreService,
        RecomputeLiveScoreJob,
        ...(options.http ? [PortfolioRepository, PortfolioService, PortfolioLocale, PortfolioResolver, LiveScoreResolver] : []),
        ...(options.http ? [LiveScoreHistoryRepository, LiveScoreHistoryService, LiveScoreHistoryResolver] : []),
      ],
      exports: [RecomputeLiveScoreJob, LiveScoreService],
    };
  }
}
