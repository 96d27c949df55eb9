import { WebhookEvents } from '@socle/platform-webhooks';
import { Module, Provider } from '@nestjs/common';
import { MailOutbox } from '@socle/platform-mail';
import { AuditRepository } from '@socle/accounts';
import { AssessmentRepository } from './assessment/assessment.repository';
import { AssessmentResolver } from './assessment/assessment.resolver';
import { AssessmentService } from './assessment/assessment.service';
import { MentionSearchRepository } from '@socle/community';
import {
  CommunityReportRepository,
  CommunityReportResolver,
  CommunityReportService,
  ExecutiveReportRepository,
  ExecutiveReportResolver,
  ExecutiveReportService,
  SendExecutiveReportJob,
} from './community-report';
import { KpiMeasuresRepository, KpiProgressResolver, KpiProgressService } from './kpi';
import { KpiValuesRepository, KpiValuesResolver, KpiValuesService } from './kpi-values';
import { MaturityModelRepository } from './model/model.repository';
import { MaturityModelResolver } from './model/model.resolver';
import { MaturityModelService } from './model/model.service';
import { ReportDownloadController } from './report/report-download.controller';
import { ReportLinks } from './report/report-links';
import { AssessmentReportResolver } from './report/report.resolver';

// One list per kind, so each part of the module adds its own lines.
const REPOSITORIES: Provider[] = [
  AuditRepository,
  MaturityModelRepository,
  AssessmentRepository,
  CommunityReportRepository,
  ExecutiveReportRepository,
  MentionSearchRepository,
  KpiMeasuresRepository,
  KpiValuesRepository,
];

const SERVICES: Provider[] = [
  MaturityModelService,
  AssessmentService,
  ReportLinks,
  CommunityReportService,
  ExecutiveReportService,
  KpiProgressService,
  KpiValuesService,
  WebhookEvents,
  MailOutbox,
];

const RESOLVERS: Provider[] = [
  MaturityModelResolver,
  AssessmentResolver,
  AssessmentReportResolver,
  CommunityReportResolver,
  ExecutiveReportResolver,
  KpiProgressResolver,
  KpiValuesResolver,
];

/** Jobs and evidence providers (the worker runs them; the API registers the providers too). */
const JOBS: Provider[] = [SendExecutiveReportJob];

/**
 * Evaluation: maturity models (agency level), assessments (organisation
 * level), live scores and the agency portfolio, reports. The evidence registry
 * comes from the global EvidenceModule.
 */
@Module({
  providers: [...REPOSITORIES, ...SERVICES, ...RESOLVERS, ...JOBS],
  exports: [MaturityModelService, AssessmentService, ReportLinks, CommunityReportService],
})
export class EvaluationModule {}

/** The HTTP side of evaluation, for the API only: `GET /reports/<link>` downloads. */
@Module({ imports: [EvaluationModule], controllers: [ReportDownloadController] })
export class EvaluationHttpModule {}
