import type { VolumeBucketRow } from '@socle/community';
import type { ReportLocale } from '../report/assessment-report';
import type { CommunityReportKind, ReportPeriod } from './period';

/**
 * Everything a community report shows — the quarterly "what is said about you"
 * report and the monthly executive report — assembled by the service from the
 * listening, inbox, alerts, KPI and publishing data; the renderers (PDF, CSV)
 * and the GraphQL objects only lay it out. Counts are of the period, with the
 * previous period beside them where a comparison says something.
 */
/** A bucket of the volume chart: the listening analytics' bucket, without its instant (the local date says it). */
export type VolumePoint = Omit<VolumeBucketRow, 'start'>;

export interface VolumeTotals {
  total: number;
  positive: number;
  neutral: number;
  negative: number;
  averageSentiment: number | null;
}

export interface CommunityReport {
  kind: CommunityReportKind;
  locale: ReportLocale;
  organizationName: string;
  agencyName: string;
  timeZone: string;
  period: ReportPeriod & { label: string; complete: boolean };
  previousPeriod: ReportPeriod & { label: string };
  /** When the figures were read (a report of a period in progress stops there). */
  generatedAt: Date;
  volume: {
    interval: 'DAY' | 'WEEK';
    points: VolumePoint[];
    totals: VolumeTotals;
    previousPoints: VolumePoint[];
    previousTotals: VolumeTotals;
  };
  /** Most frequent authors of the period's mentions. */
  topAuthors: { handle: string; mentions: number }[];
  /** Most frequent words of the period's mentions (folded, stop words removed), and the volumes of the TOPIC queries. */
  topTopics: { terms: { term: string; mentions: number }[]; queries: { name: string; mentions: number; previousMentions: number }[] };
  shareOfVoice: { total: number; sides: { kind: 'BRAND' | 'COMPETITOR'; name: string; mentions: number; share: number }[] };
  inbox: {
    received: number;
    answered: number;
    /** Answered after their due time, or still unanswered past it. */
    breaches: number;
    /** Median minutes from reception to the first answer (unanswered overdue items counted up to the period's end). */
    medianFirstResponseMinutes: number | null;
    /** Median minutes the comment-handling rules allowed (due time minus reception). */
    slaMinutes: number | null;
  };
  kpis: {
    name: string;
    measure: string | null;
    unit: string | null;
    target: number;
    status: 'MEASURED' | 'NOT_MEASURED' | 'NOT_MEASURED_YET';
    /** The value of the KPI's last period within the report's period. */
    value: number | null;
    /** Share of the way from the baseline to the target (1 = reached). */
    progress: number | null;
    onTrack: boolean | null;
  }[];
  /** Negative-sentiment spike alerts opened in the period; null when the alerts are not installed. */
  alerts: { windowStart: Date; observedCount: number; ratio: number; status: string }[] | null;
  /**
   * Monthly report only: the period's best-performing posts (likes, reposts and replies as last measured), the
   * "contents that performed best" the monthly mail to the management shows.
   */
  topPublications: { title: string; network: string; publishedAt: Date; url: string | null; engagement: number | null }[] | null;
  /** Monthly report only: posts published per network against the plan (posts per week prorated to the period). */
  publications: { network: string; published: number; planned: number | null }[] | null;
  /**
   * Actions taken on feedback recorded in the period (seed 003: feedback followed by concrete actions): how many,
   * how many followed up or done, and the latest of them; null or absent when the action log is not installed.
   */
  feedbackActions?: FeedbackActionsSection | null;
}

export interface FeedbackActionsSection {
  recorded: number;
  /** With a follow-up written, or done. */
  followedUp: number;
  done: number;
  /** Still OPEN or IN_PROGRESS. */
  open: number;
  /** The period's actions, most recent first (at most REPORT_TOP.feedbackActions). */
  items: { decision: string; status: string; followUp: string | null; mentions: number; inboxItems: number; recordedAt: Date }[];
}
