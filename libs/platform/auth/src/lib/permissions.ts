/**
 * Role -> permission matrix. Each permission acts at one level: AGENCY
 * (the agency's own data: its clients, staff, keys) or ORGANIZATION (inside one
 * client). Resolvers declare the permission they need; the access guard checks it.
 */
export const AGENCY_ROLES = ['OWNER', 'ADMIN', 'MEMBER'] as const;
export type AgencyRole = (typeof AGENCY_ROLES)[number];

export const ORGANIZATION_ROLES = [
  'STRATEGY_LEAD',
  'CONTENT_LEAD',
  'COMMUNITY_MANAGER',
  'ANALYST',
  'COORDINATOR',
  'EXECUTIVE_APPROVER',
  'CONTRIBUTOR',
  'VIEWER',
] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

export type PermissionLevel = 'AGENCY' | 'ORGANIZATION';

/**
 * The modules an API key's scopes can be narrowed to. Stored scopes are `read` / `write` (every module) or
 * `<area>:read` / `<area>:write` (one module).
 */
export const PERMISSION_AREAS = [
  'organizations',
  'network_accounts',
  'strategy',
  'policies',
  'content',
  'community',
  'evaluation',
  'webhooks',
] as const;
export type PermissionArea = (typeof PERMISSION_AREAS)[number];
export type PermissionAccess = 'read' | 'write';

interface PermissionSpec {
  level: PermissionLevel;
  /** The module whose `<area>:<access>` API-key scope opens it (besides the all-module `read` / `write`). */
  area: PermissionArea;
  /** read permissions are open to read-scoped API keys; write ones need a write scope. */
  access: PermissionAccess;
  agencyRoles: readonly AgencyRole[];
  organizationRoles: readonly OrganizationRole[];
  /** Only people, never API keys (credentials and membership management). */
  humansOnly?: boolean;
}

const ALL_ORG: readonly OrganizationRole[] = ORGANIZATION_ROLES;
const MANAGERS: readonly AgencyRole[] = ['OWNER', 'ADMIN'];
const ALL_AGENCY: readonly AgencyRole[] = AGENCY_ROLES;

export const PERMISSIONS = {
  'agency.read': { level: 'AGENCY', area: 'organizations', access: 'read', agencyRoles: ALL_AGENCY, organizationRoles: [] },
  'agency.update': { level: 'AGENCY', area: 'organizations', access: 'write', agencyRoles: ['OWNER'], organizationRoles: [] },
  'agency.members.read': { level: 'AGENCY', area: 'organizations', access: 'read', agencyRoles: ALL_AGENCY, organizationRoles: [] },
  'agency.members.manage': {
    level: 'AGENCY',
    area: 'organizations',
    access: 'write',
    agencyRoles: MANAGERS,
    organizationRoles: [],
    humansOnly: true,
  },
  'agency.audit.read': { level: 'AGENCY', area: 'organizations', access: 'read', agencyRoles: MANAGERS, organizationRoles: [] },
  'agency.apiKeys.manage': {
    level: 'AGENCY',
    area: 'organizations',
    access: 'write',
    agencyRoles: MANAGERS,
    organizationRoles: [],
    humansOnly: true,
  },
  'organizations.list': { level: 'AGENCY', area: 'organizations', access: 'read', agencyRoles: ALL_AGENCY, organizationRoles: [] },
  'organizations.create': { level: 'AGENCY', area: 'organizations', access: 'write', agencyRoles: MANAGERS, organizationRoles: [] },
  'organizations.delete': {
    level: 'AGENCY',
    area: 'organizations',
    access: 'write',
    agencyRoles: MANAGERS,
    organizationRoles: [],
    humansOnly: true,
  },
  // Handing a client over as an archive (everything it owns, its network credentials sealed with a passphrase) and
  // taking one in: people only, as the credentials are; the import, which adds a client, for the agency's owners.
  'agency.organizations.export': {
    level: 'AGENCY',
    area: 'organizations',
    access: 'read',
    agencyRoles: MANAGERS,
    organizationRoles: [],
    humansOnly: true,
  },
  'agency.organizations.import': {
    level: 'AGENCY',
    area: 'organizations',
    access: 'write',
    agencyRoles: ['OWNER'],
    organizationRoles: [],
    humansOnly: true,
  },
  'organization.read': { level: 'ORGANIZATION', area: 'organizations', access: 'read', agencyRoles: MANAGERS, organizationRoles: ALL_ORG },
  'organization.update': {
    level: 'ORGANIZATION',
    area: 'organizations',
    access: 'write',
    agencyRoles: MANAGERS,
    organizationRoles: ['STRATEGY_LEAD'],
  },
  'organization.members.read': {
    level: 'ORGANIZATION',
    area: 'organizations',
    access: 'read',
    agencyRoles: MANAGERS,
    organizationRoles: ALL_ORG,
  },
  'organization.members.manage': {
    level: 'ORGANIZATION',
    area: 'organizations',
    access: 'write',
    agencyRoles: MANAGERS,
    organizationRoles: ['STRATEGY_LEAD', 'COORDINATOR'],
    humansOnly: true,
  },
  'organization.audit.read': {
    level: 'ORGANIZATION',
    area: 'organizations',
    access: 'read',
    agencyRoles: MANAGERS,
    organizationRoles: ['STRATEGY_LEAD', 'COORDINATOR', 'EXECUTIVE_APPROVER'],
  },
  'accounts.read': {
    level: 'ORGANIZATION',
    area: 'network_accounts',
    access: 'read',
    agencyRoles: MANAGERS,
    organizationRoles: ['STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER', 'ANALYST', 'COORDINATOR', 'EXECUTIVE_APPROVER', 'VIEWER'],
  },
  'accounts.manage': {
    level: 'ORGANIZATION',
    area: 'network_accounts',
    access: 'write',
    agencyRoles: MANAGERS,
    organizationRoles: ['STRATEGY_LEAD', 'COMMUNITY_MANAGER'],
    humansOnly: true,
  },
  // strategy: everyone in the client reads it; the strategy lead (with the coordinator for the task force) writes it.
  'strategy.read': { level: 'ORGANIZATION', area: 'strategy', access: 'read', agencyRoles: MANAGERS, organizationRoles: ALL_ORG },
  'strategy.manage': {
    level: 'ORGANIZATION',
    area: 'strategy',
    access: 'write',
    agencyRoles: MANAGERS,
    organizationRoles: ['STRATEGY_LEAD'],
  },
  'taskForce.manage': {
    level: 'ORGANIZATION',
    area: 'strategy',
    access: 'write',
    agencyRoles: MANAGERS,
    organizationRoles: ['STRATEGY_LEAD', 'COORDINATOR'],
  },
  'roadmap.manage': {
    level: 'ORGANIZATION',
    area: 'strategy',
    access: 'write',
    agencyRoles: MANAGERS,
    organizationRoles: ['STRATEGY_LEAD', 'COORDINATOR'],
  },
  // policies: drafted by the leads, approved only by the executive approver (checked on the role, not only the permission).
  'policies.read': { level: 'ORGANIZATION', area: 'policies', access: 'read', agencyRoles: MANAGERS, organizationRoles: ALL_ORG },
  'policies.edit': {
    level: 'ORGANIZATION',
    area: 'policies',
    access: 'write',
    agencyRoles: MANAGERS,
    organizationRoles: ['STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER', 'COORDINATOR'],
  },
  'policies.approve': {
    level: 'ORGANIZATION',
    area: 'policies',
    access: 'write',
    agencyRoles: [],
    organizationRoles: ['EXECUTIVE_APPROVER'],
    humansOnly: true,
  },
  'policies.publish': {
    level: 'ORGANIZATION',
    area: 'policies',
    access: 'write',
    agencyRoles: MANAGERS,
    organizationRoles: ['STRATEGY_LEAD', 'COORDINATOR', 'EXECUTIVE_APPROVER'],
  },
  'policies.acknowledge': {
    level: 'ORGANIZATION',
    area: 'policies',
    access: 'write',
    agencyRoles: [],
    organizationRoles: ALL_ORG,
    humansOnly: true,
  },
  'contentRules.manage': {
    level: 'ORGANIZATION',
    area: 'policies',
    access: 'write',
    agencyRoles: MANAGERS,
    organizationRoles: ['STRATEGY_LEAD', 'CONTENT_LEAD'],
  },
  'content.check': { level: 'ORGANIZATION', area: 'content', access: 'read', agencyRoles: MANAGERS, organizationRoles: ALL_ORG },
  // content: everyone reads the plan and suggests ideas; writers edit; the content lead triages suggestions;
  // approvers decide (who may decide a given step is the organisation's approval chain); the crisis pause is
  // for whoever answers for the organisation's voice.
  'content.read': { level: 'ORGANIZATION', area: 'content', access: 'read', agencyRoles: MANAGERS, organizationRoles: ALL_ORG },
  'content.suggest': { level: 'ORGANIZATION', area: 'content', access: 'write', agencyRoles: MANAGERS, organizationRoles: ALL_ORG },
  'content.edit': {
    level: 'ORGANIZATION',
    area: 'content',
    access: 'write',
    agencyRoles: MANAGERS,
    organizationRoles: ['STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER', 'COORDINATOR'],
  },
  'content.triage': {
    level: 'ORGANIZATION',
    area: 'content',
    access: 'write',
    agencyRoles: MANAGERS,
    organizationRoles: ['STRATEGY_LEAD', 'CONTENT_LEAD'],
  },
  'content.approve': {
    level: 'ORGANIZATION',
    area: 'content',
    access: 'write',
    agencyRoles: MANAGERS,
    organizationRoles: ['STRATEGY_LEAD', 'CONTENT_LEAD', 'COORDINATOR', 'EXECUTIVE_APPROVER'],
    humansOnly: true,
  },
  'content.approvalChain.manage': {
    level: 'ORGANIZATION',
    area: 'content',
    access: 'write',
    agencyRoles: MANAGERS,
    organizationRoles: ['STRATEGY_LEAD', 'CONTENT_LEAD'],
  },
  'content.schedule': {
    level: 'ORGANIZATION',
    area: 'content',
    access: 'write',
    agencyRoles: MANAGERS,
    organizationRoles: ['STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER'],
  },
  'content.crisisPause': {
    level: 'ORGANIZATION',
    area: 'content',
    access: 'write',
    agencyRoles: MANAGERS,
    organizationRoles: ['STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER', 'COORDINATOR', 'EXECUTIVE_APPROVER'],
  },
  'media.read': { level: 'ORGANIZATION', area: 'content', access: 'read', agencyRoles: MANAGERS, organizationRoles: ALL_ORG },
  'media.manage': {
    level: 'ORGANIZATION',
    area: 'content',
    access: 'write',
    agencyRoles: MANAGERS,
    organizationRoles: ['STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER', 'COORDINATOR'],
  },
  // The agency's calendar across all its clients (each row still read inside its own tenant).
  'agencyCalendar.read': { level: 'AGENCY', area: 'content', access: 'read', agencyRoles: ALL_AGENCY, organizationRoles: [] },
  // listening: everyone in the client reads mentions; the strategy, content and community leads write the queries.
  'listening.read': { level: 'ORGANIZATION', area: 'community', access: 'read', agencyRoles: MANAGERS, organizationRoles: ALL_ORG },
  'listening.manage': {
    level: 'ORGANIZATION',
    area: 'community',
    access: 'write',
    agencyRoles: MANAGERS,
    organizationRoles: ['STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER'],
  },
  // inbox: comments and mentions to answer; the community manager and the leads handle them.
  'inbox.read': {
    level: 'ORGANIZATION',
    area: 'community',
    access: 'read',
    agencyRoles: MANAGERS,
    organizationRoles: ['STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER', 'ANALYST', 'COORDINATOR', 'EXECUTIVE_APPROVER', 'VIEWER'],
  },
  'inbox.handle': {
    level: 'ORGANIZATION',
    area: 'community',
    access: 'write',
    agencyRoles: MANAGERS,
    organizationRoles: ['STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER', 'COORDINATOR'],
  },
  // evaluation: maturity models belong to the agency; assessments to one client.
  'maturityModels.read': { level: 'AGENCY', area: 'evaluation', access: 'read', agencyRoles: ALL_AGENCY, organizationRoles: [] },
  'maturityModels.manage': { level: 'AGENCY', area: 'evaluation', access: 'write', agencyRoles: MANAGERS, organizationRoles: [] },
  'portfolio.read': { level: 'AGENCY', area: 'evaluation', access: 'read', agencyRoles: ALL_AGENCY, organizationRoles: [] },
  'assessments.read': {
    level: 'ORGANIZATION',
    area: 'evaluation',
    access: 'read',
    agencyRoles: MANAGERS,
    organizationRoles: ['STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER', 'ANALYST', 'COORDINATOR', 'EXECUTIVE_APPROVER', 'VIEWER'],
  },
  // outgoing webhooks: endpoints receive a client's events (organisation level) or all the agency's clients' events
  // (agency level); their secrets are shown once, so only people manage them.
  'webhooks.read': { level: 'ORGANIZATION', area: 'webhooks', access: 'read', agencyRoles: MANAGERS, organizationRoles: ['STRATEGY_LEAD'] },
  'webhooks.manage': {
    level: 'ORGANIZATION',
    area: 'webhooks',
    access: 'write',
    agencyRoles: MANAGERS,
    organizationRoles: ['STRATEGY_LEAD'],
    humansOnly: true,
  },
  'agency.webhooks.read': { level: 'AGENCY', area: 'webhooks', access: 'read', agencyRoles: MANAGERS, organizationRoles: [] },
  'agency.webhooks.manage': {
    level: 'AGENCY',
    area: 'webhooks',
    access: 'write',
    agencyRoles: MANAGERS,
    organizationRoles: [],
    humansOnly: true,
  },
  'assessments.manage': {
    level: 'ORGANIZATION',
    area: 'evaluation',
    access: 'write',
    agencyRoles: MANAGERS,
    organizationRoles: ['STRATEGY_LEAD', 'ANALYST'],
  },
} as const satisfies Record<string, PermissionSpec>;

export type Permission = keyof typeof PERMISSIONS;

export function permissionSpec(permission: Permission): PermissionSpec {
  return PERMISSIONS[permission];
}

/** Permissions a person holds at agency level. */
export function agencyPermissions(role: AgencyRole | null): Set<Permission> {
  const out = new Set<Permission>();
  if (!role) return out;
  for (const [name, spec] of Object.entries(PERMISSIONS) as [Permission, PermissionSpec][]) {
    if (spec.level === 'AGENCY' && spec.agencyRoles.includes(role)) out.add(name);
  }
  return out;
}

/**
 * Permissions a person holds inside one organisation: from their organisation
 * roles, and from their agency role (owners and admins act in every client).
 */
export function organizationPermissions(agencyRole: AgencyRole | null, roles: readonly OrganizationRole[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const [name, spec] of Object.entries(PERMISSIONS) as [Permission, PermissionSpec][]) {
    if (spec.level !== 'ORGANIZATION') continue;
    if ((agencyRole && spec.agencyRoles.includes(agencyRole)) || roles.some((r) => spec.organizationRoles.includes(r))) out.add(name);
  }
  return out;
}

/**
 * The scopes an API key may hold, as stored: every module's reads or writes, or one module's. A module scope
 * exists only where it opens something: connecting network accounts and managing webhooks are for people only,
 * so those modules have no write scope. A write scope does not include the matching read scope.
 */
export const API_KEY_SCOPES = [
  'read',
  'write',
  'organizations:read',
  'organizations:write',
  'network_accounts:read',
  'strategy:read',
  'strategy:write',
  'policies:read',
  'policies:write',
  'content:read',
  'content:write',
  'community:read',
  'community:write',
  'evaluation:read',
  'evaluation:write',
  'webhooks:read',
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

function opensToKeys(spec: PermissionSpec, scopes: readonly string[]): boolean {
  if ('humansOnly' in spec && spec.humansOnly) return false;
  return scopes.includes(spec.access) || scopes.includes(`${spec.area}:${spec.access}`);
}

/** Permissions an API key holds at a level, from its scopes. Never the humans-only ones. */
export function apiKeyPermissions(level: PermissionLevel, scopes: readonly string[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const [name, spec] of Object.entries(PERMISSIONS) as [Permission, PermissionSpec][]) {
    if (spec.level === level && opensToKeys(spec, scopes)) out.add(name);
  }
  return out;
}

/** Every permission one scope opens, at either level, in the matrix's order (for the scope's documentation). */
export function permissionsOfScope(scope: ApiKeyScope): Permission[] {
  return (Object.entries(PERMISSIONS) as [Permission, PermissionSpec][])
    .filter(([, spec]) => opensToKeys(spec, [scope]))
    .map(([name]) => name);
}
