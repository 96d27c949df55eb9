import { derivedId } from '@socle/platform-graphql';
import { isEditable } from '../documents/policy-model';
import type { PolicyEventRow, PolicyVersionRow, PolicyWithVersions } from '../documents/policy.repository';
import type { PolicyTemplate } from '../templates/policy-templates';
import {
  PolicyDocumentObject,
  PolicyEventActionEnum,
  PolicyEventObject,
  PolicyKindEnum,
  PolicyLanguageEnum,
  PolicyTemplateObject,
  PolicyVersionObject,
  PolicyVersionStatusEnum,
} from './objects';

/**
 * The id of a member's acknowledgement of a policy version, done or still pending: the same from the mutation that
 * records it and from the summary's lists, and unchanged when a pending one is made.
 */
export const memberAcknowledgementId = (versionId: string, userId: string): string => derivedId('PolicyAcknowledgement', versionId, userId);

/** The id of a staff-list person's acknowledgement of a policy version, done or still pending. */
export const staffAcknowledgementId = (versionId: string, staffId: string): string =>
  derivedId('StaffPolicyAcknowledgement', versionId, staffId);

export function toPolicyVersion(v: PolicyVersionRow): PolicyVersionObject {
  return {
    id: v.id,
    policyId: v.policyId,
    number: v.number,
    status: v.status as PolicyVersionStatusEnum,
    title: v.title,
    sections: v.sections.map((s) => ({ key: s.key, title: s.title, body: s.body })),
    editable: isEditable(v.status),
    createdBy: v.createdBy,
    updatedBy: v.updatedBy,
    submittedBy: v.submittedBy,
    submittedAt: v.submittedAt,
    returnedBy: v.returnedBy,
    returnedAt: v.returnedAt,
    returnComment: v.returnComment,
    approvedBy: v.approvedBy,
    approvedAt: v.approvedAt,
    publishedBy: v.publishedBy,
    publishedAt: v.publishedAt,
    supersededAt: v.supersededAt,
    createdAt: v.createdAt,
    updatedAt: v.updatedAt,
  };
}

export function toPolicyDocument(d: PolicyWithVersions): PolicyDocumentObject {
  return {
    id: d.id,
    kind: d.kind as PolicyKindEnum,
    language: d.language as PolicyLanguageEnum,
    status: (d.latestVersion?.status ?? 'DRAFT') as PolicyVersionStatusEnum,
    latestVersion: d.latestVersion ? toPolicyVersion(d.latestVersion) : null,
    publishedVersion: d.publishedVersion ? toPolicyVersion(d.publishedVersion) : null,
    createdBy: d.createdBy,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

export function toPolicyEvent(e: PolicyEventRow): PolicyEventObject {
  return {
    id: e.id,
    versionId: e.versionId,
    versionNumber: e.versionNumber,
    action: e.action as PolicyEventActionEnum,
    fromStatus: e.fromStatus as PolicyVersionStatusEnum | null,
    toStatus: e.toStatus as PolicyVersionStatusEnum,
    actorType: e.actorType,
    actorId: e.actorId,
    comment: e.comment,
    occurredAt: e.occurredAt,
  };
}

export function toPolicyTemplate(t: PolicyTemplate): PolicyTemplateObject {
  return {
    kind: t.kind as PolicyKindEnum,
    language: t.language as PolicyLanguageEnum,
    title: t.title,
    sections: t.sections.map((s) => ({ ...s })),
  };
}
