import type { MentionEntity, SentimentLabel } from './listening.entities';

/** The columns of a mention (alias `m`) as every reader of mentions selects them, with the queries that matched it. */
export const MENTION_COLUMNS = `m.organization_id, m.id, m.source, m.external_id, m.account_id, m.author_handle, m.author_name, m.author_reach, m.text, m.url,
  m.published_at, m.published_at_estimated, m.language, m.sentiment_score, m.sentiment_label, m.reach, m.created_at,
  ARRAY(SELECT mm.query_id FROM mention_matches mm WHERE mm.organization_id = m.organization_id AND mm.mention_id = m.id ORDER BY mm.created_at, mm.query_id) AS query_ids`;

export interface MentionDbRow {
  organization_id: string;
  id: string;
  source: string;
  external_id: string;
  account_id: string | null;
  author_handle: string;
  author_name: string | null;
  author_reach: number | null;
  text: string;
  url: string | null;
  published_at: Date;
  published_at_estimated: boolean;
  language: string | null;
  sentiment_score: number | null;
  sentiment_label: SentimentLabel | null;
  reach: number | null;
  created_at: Date;
  query_ids: string[];
}

export function toMentionEntity(r: MentionDbRow): MentionEntity {
  return {
    organizationId: r.organization_id,
    id: r.id,
    source: r.source,
    externalId: r.external_id,
    accountId: r.account_id,
    authorHandle: r.author_handle,
    authorName: r.author_name,
    authorReach: r.author_reach,
    text: r.text,
    url: r.url,
    publishedAt: r.published_at,
    publishedAtEstimated: r.published_at_estimated,
    language: r.language,
    sentimentScore: r.sentiment_score,
    sentimentLabel: r.sentiment_label,
    reach: r.reach,
    createdAt: r.created_at,
    queryIds: r.query_ids,
  };
}
