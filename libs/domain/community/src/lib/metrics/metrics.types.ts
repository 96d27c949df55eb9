/** The counts of a connected account, read from its profile. */
export const ACCOUNT_METRIC_KEYS = ['FOLLOWERS', 'FOLLOWING', 'POSTS'] as const;
/** The counts of one published publication. */
export const PUBLICATION_METRIC_KEYS = ['LIKES', 'REPOSTS', 'REPLIES', 'QUOTES', 'IMPRESSIONS'] as const;

export type AccountMetricKey = (typeof ACCOUNT_METRIC_KEYS)[number];
export type PublicationMetricKey = (typeof PUBLICATION_METRIC_KEYS)[number];
export type MetricKey = AccountMetricKey | PublicationMetricKey;

export const isAccountMetric = (metric: MetricKey): metric is AccountMetricKey =>
  (ACCOUNT_METRIC_KEYS as readonly string[]).includes(metric);

/** Buckets of a series, in UTC (weeks start on Monday, as PostgreSQL's date_trunc has them). */
export type MetricInterval = 'HOUR' | 'DAY' | 'WEEK' | 'MONTH';

/** A sample to store: an account's metric (publicationId null) or a publication's. */
export interface NewMetricSample {
  accountId: string;
  publicationId: string | null;
  metric: MetricKey;
  value: number;
  sampledAt: Date;
}

/** One bucket of a series: the value at the bucket's end, and how many series (accounts or publications) it adds up. */
export interface MetricPoint {
  at: Date;
  value: number;
  series: number;
}

/** Where the collection of one account's metrics stands. */
export interface MetricCollectionState {
  accountId: string;
  lastRunAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  failures: number;
  retryAt: Date | null;
  samplesAdded: number;
}

/** A publication whose metrics the job reads. */
export interface MeasuredPublication {
  id: string;
  accountId: string;
  externalId: string;
}
