import type { ContentItemEntity, ContentVariantEntity } from '../content-item.entity';
import {
  ContentFindingSeverityEnum,
  ContentItemObject,
  ContentSourceEnum,
  ContentStatusEnum,
  ContentTriageEnum,
  ContentVariantObject,
} from './objects';

export function toContentItem(i: ContentItemEntity): ContentItemObject {
  return {
    id: i.id,
    title: i.title,
    brief: i.brief,
    theme: i.theme,
    campaign: i.campaign,
    objectiveId: i.objectiveId,
    segmentId: i.segmentId,
    networkPlanId: i.networkPlanId,
    source: i.source as ContentSourceEnum,
    status: i.status as ContentStatusEnum,
    suggestedBy: i.suggestedBy,
    triage: i.triage as ContentTriageEnum | null,
    triageReason: i.triageReason,
    triagedBy: i.triagedBy,
    triagedAt: i.triagedAt,
    plannedFor: i.plannedFor,
    revision: i.revision,
    createdBy: i.createdBy,
    updatedBy: i.updatedBy,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
  };
}

export function toContentVariant(v: ContentVariantEntity): ContentVariantObject {
  return {
    id: v.id,
    itemId: v.itemId,
    networkAccountId: v.networkAccountId,
    network: v.network,
    text: v.text,
    linkUrl: v.linkUrl,
    mediaIds: v.mediaIds,
    options: Object.entries(v.options)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, value]) => ({ name, value: String(value) })),
    longForm: v.longForm,
    findings: v.findings.map((f) => ({
      severity: f.severity as ContentFindingSeverityEnum,
      rule: f.rule,
      message: f.message,
      spans: f.spans.map((s) => ({ start: s.start, end: s.end })),
    })),
    blocked: v.findings.some((f) => f.severity === 'BLOCK'),
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  };
}
