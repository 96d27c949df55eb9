import type { ContentSource, ContentStatus } from './status';

export type ContentTriage = 'ACCEPTED' | 'DECLINED';

/** A content item as stored in `content_items` (one organisation's row, read inside its tenant). */
export interface ContentItemEntity {
  organizationId: string;
  id: string;
  title: string;
  brief: string;
  theme: string | null;
  campaign: string | null;
  objectiveId: string | null;
  segmentId: string | null;
  networkPlanId: string | null;
  source: ContentSource;
  status: ContentStatus;
  suggestedBy: string | null;
  triage: ContentTriage | null;
  triageReason: string | null;
  triagedBy: string | null;
  triagedAt: Date | null;
  plannedFor: Date | null;
  /** Bumped on every edit of the text or the variants: an approval is for one revision. */
  revision: number;
  createdBy: string | null;
  updatedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type FindingSeverity = 'BLOCK' | 'WARN';

/** One finding of a variant's last check: a connector limit or a content rule, with the spans of text it is about. */
export interface VariantFinding {
  severity: FindingSeverity;
  rule: string;
  message: string;
  spans: { start: number; end: number }[];
}

/** A variant's network-specific settings, by name. */
export type VariantOptions = Record<string, string | number | boolean>;

/** A content item's text for one network account (`content_variants`). */
export interface ContentVariantEntity {
  organizationId: string;
  id: string;
  itemId: string;
  /** Null once the account was disconnected: the text is kept, it cannot be scheduled. */
  networkAccountId: string | null;
  network: string;
  text: string;
  linkUrl: string | null;
  mediaIds: string[];
  /** The network's own settings (`Variant.options`), typed as the connector's manifest documents them. */
  options: VariantOptions;
  /** The item's long form (a press release's article): the item's other variants link to it once it is published. */
  longForm: boolean;
  findings: VariantFinding[];
  createdAt: Date;
  updatedAt: Date;
}

export const ITEM_COLUMNS = `organization_id, id, title, brief, theme, campaign, objective_id, segment_id, network_plan_id, source, status,
  suggested_by, triage, triage_reason, triaged_by, triaged_at, planned_for, revision, created_by, updated_by, created_at, updated_at`;

export interface ItemRow {
  organization_id: string;
  id: string;
  title: string;
  brief: string;
  theme: string | null;
  campaign: string | null;
  objective_id: string | null;
  segment_id: string | null;
  network_plan_id: string | null;
  source: ContentSource;
  status: ContentStatus;
  suggested_by: string | null;
  triage: ContentTriage | null;
  triage_reason: string | null;
  triaged_by: string | null;
  triaged_at: Date | null;
  planned_for: Date | null;
  revision: number;
  created_by: string | null;
  updated_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export function toItemEntity(r: ItemRow): ContentItemEntity {
  return {
    organizationId: r.organization_id,
    id: r.id,
    title: r.title,
    brief: r.brief,
    theme: r.theme,
    campaign: r.campaign,
    objectiveId: r.objective_id,
    segmentId: r.segment_id,
    networkPlanId: r.network_plan_id,
    source: r.source,
    status: r.status,
    suggestedBy: r.suggested_by,
    triage: r.triage,
    triageReason: r.triage_reason,
    triagedBy: r.triaged_by,
    triagedAt: r.triaged_at,
    plannedFor: r.planned_for,
    revision: r.revision,
    createdBy: r.created_by,
    updatedBy: r.updated_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export const VARIANT_COLUMNS =
  'organization_id, id, item_id, network_account_id, network, text, link_url, media_ids, options, long_form, findings, created_at, updated_at';

export interface VariantRow {
  organization_id: string;
  id: string;
  item_id: string;
  network_account_id: string | null;
  network: string;
  text: string;
  link_url: string | null;
  media_ids: string[];
  options: VariantOptions;
  long_form: boolean;
  findings: VariantFinding[];
  created_at: Date;
  updated_at: Date;
}

export function toVariantEntity(r: VariantRow): ContentVariantEntity {
  return {
    organizationId: r.organization_id,
    id: r.id,
    itemId: r.item_id,
    networkAccountId: r.network_account_id,
    network: r.network,
    text: r.text,
    linkUrl: r.link_url,
    mediaIds: r.media_ids ?? [],
    options: r.options ?? {},
    longForm: r.long_form ?? false,
    findings: r.findings ?? [],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
