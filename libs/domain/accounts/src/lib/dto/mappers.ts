import type { AgencyAuditEventEntity, ApiKeyEntity, AuditEventEntity, OrganizationEntity } from '../entities';
import { derivedId } from '@socle/platform-graphql';
import type { ApiKeyObject, AuditEventObject, OrganizationObject } from './objects';

/** The id of a person's membership of an agency, whether read as AgencyMember or as AgencyMembership. */
export const agencyMembershipId = (agencyId: string, userId: string): string => derivedId('AgencyMember', agencyId, userId);

/** The id of a person's membership of an organization, whether read as OrganizationMember or as OrganizationMembership. */
export const organizationMembershipId = (organizationId: string, userId: string): string =>
  derivedId('OrganizationMember', organizationId, userId);

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
