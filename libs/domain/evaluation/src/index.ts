export * from './lib/report/assessment-report';
export * from './lib/model/model-content';
export {
  scoreModel,
  levelFor,
  AnswerInput,
  EvidenceInput,
  CriterionScore,
  DimensionScore,
  Recommendation,
  ScoreResult,
  ScoreOptions,
} from './lib/model/scoring';
// Live scores and the agency portfolio.
export { PortfolioModule, PortfolioModuleOptions } from './lib/portfolio/portfolio.module';
export {
  RecomputeLiveScoreJob,
  RecomputeLiveScorePayload,
  EVALUATION_QUEUE,
  RECOMPUTE_LIVE_SCORE_JOB,
} from './lib/live/recompute-live-score.job';
export { LiveScoreService } from './lib/live/live-score.service';
export { RecentAssessmentEvidence, RECENT_ASSESSMENT_KEY } from './lib/live/recent-assessment.evidence';
export { LiveScores1764500000001 } from './lib/migrations/1764500000001-live-scores';
export { PortfolioRepository, Viewer as PortfolioViewer } from './lib/portfolio/portfolio.repository';
// Assessment report files (PDF for executives, CSV for spreadsheets).
export { renderAssessmentReportPdf } from './lib/report/render-pdf';
export { renderAssessmentReportCsv } from './lib/report/render-csv';
export { renderReportFile, reportFilename, ReportFile, ReportFileFormat } from './lib/report/report-file';
export { radarGeometry, radarPolygon, RadarGeometry, RadarAxis, Point as RadarPoint } from './lib/report/radar-geometry';
// Maturity models and assessments.
export { EvaluationModule, EvaluationHttpModule } from './lib/evaluation.module';
export { ReportLinks, ReportLinkClaims, REPORT_LINK_TTL_MS, EXECUTIVE_REPORT_LINK_TTL_MS } from './lib/report/report-links';
// Community reports: the quarterly "what is said about you" report and the monthly executive report.
export {
  CommunityReportService,
  CommunityReportRepository,
  COMMUNITY_REPORT_PRODUCED,
  renderCommunityReportPdf,
  renderCommunityReportCsv,
  type CommunityReport,
  ExecutiveReportService,
  ExecutiveReportOutcome,
  SendExecutiveReportJob,
  SEND_EXECUTIVE_REPORT_JOB,
  ExecutiveReportPayload,
  EXECUTIVE_REPORT_MAIL_PURPOSE,
  executiveReportReference,
} from './lib/community-report';
export {
  DEFAULT_MATURITY_MODEL,
  DEFAULT_MODEL_ID,
  DEFAULT_MODEL_VERSION,
  DEFAULT_MODEL_EVIDENCE_KEYS,
  skeletonModel,
} from './lib/model/default-model';
export { validateModelContent, evidenceKeysOf, ModelProblem, MODEL_LIMITS } from './lib/model/validate-content';
export {
  checkModelContent,
  exportModel,
  parseModelExport,
  MATURITY_MODEL_SCHEMA,
  MATURITY_MODEL_SCHEMA_ID,
  MATURITY_MODEL_FORMAT,
  MATURITY_MODEL_FORMAT_VERSION,
  MaturityModelExport,
} from './lib/model/model-json';
export { MaturityModelService } from './lib/model/model.service';
export { AssessmentService } from './lib/assessment/assessment.service';
export { buildAssessmentReport } from './lib/assessment/build-report';
export { roadmapStepTitle } from './lib/assessment/roadmap-steps';
export { MaturityModelEntity, MaturityModelVersionEntity } from './lib/model/entities';
export { MaturityAssessmentEntity, MaturityAnswerEntity, FrozenEvidence } from './lib/assessment/entities';
import { MaturityModelEntity as _ModelEntity, MaturityModelVersionEntity as _VersionEntity } from './lib/model/entities';
import { MaturityAssessmentEntity as _AssessmentEntity, MaturityAnswerEntity as _AnswerEntity } from './lib/assessment/entities';
import { Evaluation1764500000000 } from './lib/migrations/1764500000000-evaluation';
import { LiveScoreCoverage1765000000800 } from './lib/migrations/1765000000800-live-score-coverage';
import { KpiValues1765000000900 } from './lib/migrations/1765000000900-kpi-values';
import { KpiValuesPurge1765000001410 } from './lib/migrations/1765000001410-kpi-values-purge';
import { AssessmentDates1765000001800 } from './lib/migrations/1765000001800-assessment-dates';
import { ExecutiveReportSchedule1765000002800 } from './lib/migrations/1765000002800-executive-report-schedule';

export { Evaluation1764500000000, KpiValues1765000000900 };
export const EVALUATION_ENTITIES = [_ModelEntity, _VersionEntity, _AssessmentEntity, _AnswerEntity];
/** In run order; the live-scores migration follows (listed by the catalog). */
export const EVALUATION_MIGRATIONS = [
  Evaluation1764500000000,
  LiveScoreCoverage1765000000800,
  KpiValues1765000000900,
  KpiValuesPurge1765000001410,
  AssessmentDates1765000001800,
  ExecutiveReportSchedule1765000002800,
];
// KPI progress against target, from measured data.
export { KpiProgressService, KpiProgress, KpiPeriodProgress, KpiProgressStatus, KpiMeasuresRepository } from './lib/kpi';
// KPI values entered by hand or imported from CSV, with their history.
export { KpiValuesService, KpiValuesRepository, KpiValueRow, KpiValueSource, parseKpiCsv, KPI_CSV_LIMITS } from './lib/kpi-values';
