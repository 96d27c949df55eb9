export const LISTENING_QUERY_KINDS = ['BRAND', 'COMPETITOR', 'TOPIC'] as const;
export type ListeningQueryKind = (typeof LISTENING_QUERY_KINDS)[number];

export const SENTIMENT_LABELS = ['POSITIVE', 'NEUTRAL', 'NEGATIVE'] as const;
export type SentimentLabel = (typeof SENTIMENT_LABELS)[number];

export interface ListeningQueryEntity {
  organizationId: string;
  id: string;
  kind: ListeningQueryKind;
  competitorId: string | null;
  name: string;
  query: string;
  /** Networks read; empty: every connected account that reads mentions. */
  sources: string[];
  active: boolean;
  lastRunAt: Date | null;
  runRequestedAt: Date | null;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One query's state on one connected account. */
export interface ListeningSourceEntity {
  queryId: string;
  accountId: string;
  network: string;
  cursor: string | null;
  lastRunAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  failures: number;
  retryAt: Date | null;
  mentionsAdded: number;
}

export interface MentionEntity {
  organizationId: string;
  id: string;
  source: string;
  externalId: string;
  accountId: string | null;
  authorHandle: string;
  authorName: string | null;
  authorReach: number | null;
  text: string;
  url: string | null;
  publishedAt: Date;
  publishedAtEstimated: boolean;
  language: string | null;
  sentimentScore: number | null;
  sentimentLabel: SentimentLabel | null;
  reach: number | null;
  createdAt: Date;
  /** The organisation's queries that matched it. */
  queryIds: string[];
}

/** A mention ready to be stored (what a connector returned, enriched and matched). */
export interface MentionRow {
  source: string;
  externalId: string;
  accountId: string | null;
  authorHandle: string;
  authorName: string | null;
  authorReach: number | null;
  text: string;
  url: string | null;
  publishedAt: Date;
  publishedAtEstimated: boolean;
  language: string | null;
  sentimentScore: number | null;
  sentimentLabel: SentimentLabel | null;
  reach: number | null;
  /** The queries it matched (at least one). */
  queryIds: string[];
}
