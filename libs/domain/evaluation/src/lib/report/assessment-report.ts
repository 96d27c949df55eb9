/**
 * Everything an assessment report shows, already in the organisation's language:
 * the evaluation module assembles it, the renderers (PDF, CSV) only lay it out.
 */
export type ReportLocale = 'fr' | 'en';

export interface ReportCriterion {
  /** Criterion key in the model, e.g. "strategy.objectives-measurable". */
  key: string;
  title: string;
  kind: 'DECLARATIVE' | 'EVIDENCE';
  weight: number;
  /** 0..1, null when unanswered. */
  score: number | null;
  /** The chosen answer's wording (declarative) or the evidence explanation (evidence). */
  detail: string;
  /** Assessor's comment on a declarative answer. */
  comment?: string;
}

export interface ReportDimension {
  key: string;
  title: string;
  weight: number;
  /** 0..100 */
  score: number;
  /** Score of the same dimension in the previous finalised assessment, 0..100. */
  previousScore?: number;
  criteria: ReportCriterion[];
}

export interface ReportRecommendation {
  criterionKey: string;
  dimensionTitle: string;
  text: string;
  /** The integration roadmap step (1..10) that addresses it, with its title. */
  roadmapStep?: { number: number; title: string };
}

export interface AssessmentReport {
  locale: ReportLocale;
  organizationName: string;
  agencyName: string;
  modelName: string;
  modelVersion: number;
  assessmentId: string;
  /** When the assessment was made (its date, which may be earlier than its finalisation); null for a draft. */
  assessedAt: Date | null;
  /** 0..100 */
  overallScore: number;
  level: { number: number; name: string };
  dimensions: ReportDimension[];
  recommendations: ReportRecommendation[];
  /** IANA time zone the dates are shown in (the organisation's, e.g. "Europe/Paris"); UTC when absent or unknown. */
  timeZone?: string;
  /** Overall score (0..100) of the previous finalised assessment, for the trend on the title page. */
  previousOverallScore?: number;
  /** When the previous finalised assessment was made. */
  previousAssessedAt?: Date;
}
