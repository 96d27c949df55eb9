import type { AgencyAuditEventEntity, ApiKeyEntity, AuditEventEntity, OrganizationEntity } from '../entities';
import type { ApiKeyObject, AuditEventObject, OrganizationObject } from './objects';

export const toOrganization = (o: OrganizationEntity): OrganizationObject => o as unknown as OrganizationObject;

export const toApiKey = (k: ApiKeyEntity): ApiKeyObject => ({
  id: k.id,
  name: k.name,
  organizationId: k.scopeOrganizationId,
  scopes: k.scopes as ApiKeyObject['scopes'],
  displayPrefix: k.displayPrefix,
  createdAt: k.createdAt,
  expiresAt: k.expiresAt,
  revokedAt: k.revokedAt,
  lastUsedAt: k.lastUsedAt,
});

export const toAuditEvent = (e: AuditEventEntity | AgencyAuditEventEntity): AuditEventObject => ({
  id: e.id,
  occurredAt: e.occurredAt,
  actorType: e.actorType as AuditEventObject['actorType'],
  actorId: e.actorId,
  action: e.action,
  targetType: e.targetType,
  targetId: e.targetId,
  metadata: e.metadata,
  requestId: e.requestId,
  organizationId: 'organizationId' in e ? e.organizationId : e.subjectOrganizationId,
});
