import { Module, OnModuleInit } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import { EvidenceRegistry } from '@socle/platform-evidence';
import { MailOutbox } from '@socle/platform-mail';
import { BrandVoiceReader, SqlBrandVoiceReader } from './brand-voice/brand-voice.reader';
import { StrategyDocumentService } from './document/strategy-document.service';
import { strategyEvidenceProvider, STRATEGY_EVIDENCE_KEYS } from './evidence/strategy-evidence';
import { FeedbackActionRepository } from './actions/feedback-action.repository';
import { FeedbackActionResolver } from './actions/feedback-action.resolver';
import { FeedbackActionService } from './actions/feedback-action.service';
import { SendAdvocacyDigestJob } from './governance/advocacy/advocacy.jobs';
import { AdvocacyRepository } from './governance/advocacy/advocacy.repository';
import { AdvocacyResolver, AdvocacyService } from './governance/advocacy/advocacy.resolver';
import { governanceEvidenceProvider, GOVERNANCE_EVIDENCE_KEYS } from './governance/governance-evidence';
import { GovernanceRepository } from './governance/governance.repository';
import { GovernanceResolver } from './governance/governance.resolver';
import { GovernanceService } from './governance/governance.service';
import { StrategyVersionRepository } from './governance/strategy-version.repository';
import { StrategyVersionService } from './governance/strategy-version.service';
import { KpiLoader } from './kpi.loader';
import { StrategyRepository } from './repositories';
import { AudienceResolver } from './resolvers/audience.resolver';
import { ObjectiveResolver } from './resolvers/objective.resolver';
import { RoadmapResolver } from './resolvers/roadmap.resolver';
import { TaskForceResolver } from './resolvers/task-force.resolver';
import { TaskForcePeopleResolver } from './task-force/task-force-people.resolver';
import { RoadmapService } from './roadmap/roadmap.service';
import { StrategyAuditInterceptor } from './strategy-audit.interceptor';
import { StrategyService } from './strategy.service';
import { TaskForceService } from './task-force/task-force.service';

/**
 * Strategy: objectives, audiences, network plans, brand voice, task force, the
 * integration roadmap. Registers its evidence in every process that imports it
 * (the API for the roadmap, the worker for the nightly scores).
 */
@Module({
  providers: [
    { provide: BrandVoiceReader, useClass: SqlBrandVoiceReader },
    StrategyRepository,
    StrategyService,
    TaskForceService,
    RoadmapService,
    StrategyDocumentService,
    KpiLoader,
    AuditRepository,
    StrategyAuditInterceptor,
    ObjectiveResolver,
    AudienceResolver,
    TaskForceResolver,
    TaskForcePeopleResolver,
    RoadmapResolver,
    GovernanceRepository,
    GovernanceService,
    StrategyVersionRepository,
    StrategyVersionService,
    GovernanceResolver,
    FeedbackActionRepository,
    FeedbackActionService,
    FeedbackActionResolver,
    AdvocacyRepository,
    AdvocacyService,
    AdvocacyResolver,
    SendAdvocacyDigestJob,
    MailOutbox,
  ],
  exports: [BrandVoiceReader],
})
export class StrategyModule implements OnModuleInit {
  constructor(private readonly registry: EvidenceRegistry) {}

  onModuleInit(): void {
    // Idempotent: a process may hold this module more than once (imported by another domain module too).
    if (!this.registry.has(STRATEGY_EVIDENCE_KEYS[0])) this.registry.register(strategyEvidenceProvider());
    if (!this.registry.has(GOVERNANCE_EVIDENCE_KEYS[0])) this.registry.register(governanceEvidenceProvider());
  }
}
