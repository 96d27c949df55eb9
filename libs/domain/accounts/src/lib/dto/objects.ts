import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AGENCY_ROLES, API_KEY_SCOPES, ApiKeyScope, ORGANIZATION_ROLES, permissionsOfScope } from '@socle/platform-auth';
import { ConnectionType, DateTimeScalar, JSONObjectScalar } from '@socle/platform-graphql';

export enum AgencyRoleEnum {
  OWNER = 'OWNER',
  ADMIN = 'ADMIN',
  MEMBER = 'MEMBER',
}
export enum OrganizationRoleEnum {
  STRATEGY_LEAD = 'STRATEGY_LEAD',
  CONTENT_LEAD = 'CONTENT_LEAD',
  COMMUNITY_MANAGER = 'COMMUNITY_MANAGER',
  ANALYST = 'ANALYST',
  COORDINATOR = 'COORDINATOR',
  EXECUTIVE_APPROVER = 'EXECUTIVE_APPROVER',
  CONTRIBUTOR = 'CONTRIBUTOR',
  VIEWER = 'VIEWER',
}
export enum OrganizationStatusEnum {
  ACTIVE = 'ACTIVE',
  DELETION_PENDING = 'DELETION_PENDING',
}
export enum OrganizationSizeEnum {
  MICRO = 'MICRO',
  SMALL = 'SMALL',
  MEDIUM = 'MEDIUM',
  LARGE = 'LARGE',
  ENTERPRISE = 'ENTERPRISE',
}
/** GraphQL names in upper case like every enum of the schema; the stored values stay the language codes. */
export enum LocaleEnum {
  FR = 'fr',
  EN = 'en',
}
/** GraphQL names in upper case; the stored values are the scopes of the permission matrix (`read`, `content:read`). */
export enum ApiKeyScopeEnum {
  READ = 'read',
  WRITE = 'write',
  ORGANIZATIONS_READ = 'organizations:read',
  ORGANIZATIONS_WRITE = 'organizations:write',
  NETWORK_ACCOUNTS_READ = 'network_accounts:read',
  STRATEGY_READ = 'strategy:read',
  STRATEGY_WRITE = 'strategy:write',
  POLICIES_READ = 'policies:read',
  POLICIES_WRITE = 'policies:write',
  CONTENT_READ = 'content:read',
  CONTENT_WRITE = 'content:write',
  COMMUNITY_READ = 'community:read',
  COMMUNITY_WRITE = 'community:write',
  EVALUATION_READ = 'evaluation:read',
  EVALUATION_WRITE = 'evaluation:write',
  WEBHOOKS_READ = 'webhooks:read',
}
export enum InvitationStatusEnum {
  PENDING = 'PENDING',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}
export enum ActorTypeEnum {
  USER = 'USER',
  API_KEY = 'API_KEY',
  SYSTEM = 'SYSTEM',
}

registerEnumType(AgencyRoleEnum, {
  name: 'AgencyRole',
  description: 'OWNER and ADMIN act in every client organization of the agency.',
  valuesMap: {
    OWNER: {
      description:
        'Full control of the agency, including renaming it and granting or taking away the owner role. An agency keeps at least one owner.',
    },
    ADMIN: { description: 'Manages staff, API keys and client organizations, and acts in every client organization.' },
    MEMBER: { description: 'Agency staff who sees the agency and its client list; acts in a client organization only with roles there.' },
  },
});
registerEnumType(OrganizationRoleEnum, {
  name: 'OrganizationRole',
  description: 'Roles of the social media task force of a client organization.',
  valuesMap: {
    STRATEGY_LEAD: { description: 'Owns the strategy and the organization settings; manages members. An organization keeps at least one.' },
    CONTENT_LEAD: { description: 'Leads the editorial work: content, calendar and approvals.' },
    COMMUNITY_MANAGER: { description: 'Publishes, answers the community and manages the connected network accounts.' },
    ANALYST: { description: 'Reads and measures: metrics, listening, reports.' },
    COORDINATOR: { description: 'Coordinates the task force and its rituals; manages members.' },
    EXECUTIVE_APPROVER: { description: 'A member of the management who approves content, policies and strategy versions.' },
    CONTRIBUTOR: { description: 'Contributes to the editorial work: suggests content and reads what the members share.' },
    VIEWER: { description: 'Reads what the members share (strategy, policies, content, listening); may suggest content.' },
  },
});
registerEnumType(OrganizationStatusEnum, {
  description: 'Whether a client organization is in use or being deleted.',
  name: 'OrganizationStatus',
  valuesMap: {
    ACTIVE: { description: 'In use.' },
    DELETION_PENDING: {
      description: 'Deletion was asked for: nothing may act inside it any more, and its data is being purged in the background.',
    },
  },
});
registerEnumType(OrganizationSizeEnum, {
  description: 'Size of a client organization by headcount.',
  name: 'OrganizationSize',
  valuesMap: {
    MICRO: { description: 'Fewer than 10 people.' },
    SMALL: { description: '10 to 49 people.' },
    MEDIUM: { description: '50 to 249 people.' },
    LARGE: { description: '250 to 4,999 people.' },
    ENTERPRISE: { description: '5,000 people or more.' },
  },
});
registerEnumType(LocaleEnum, {
  description: 'A language of the console, of mails and of generated documents.',
  name: 'Locale',
  valuesMap: { FR: { description: 'French.' }, EN: { description: 'English.' } },
});

/** What each module scope is for, in words; its description then lists the permissions it opens. */
const MODULE_SCOPE_PURPOSE: Record<Exclude<keyof typeof ApiKeyScopeEnum, 'READ' | 'WRITE'>, string> = {
  ORGANIZATIONS_READ: 'Reads the agency, its client organizations and their settings, members and audit logs.',
  ORGANIZATIONS_WRITE:
    'Renames the agency, creates client organizations and changes their settings and executive report schedule (members, keys and deletions stay with people).',
  NETWORK_ACCOUNTS_READ: 'Reads the networks and the connected network accounts. Connecting them is for people only, hence no write scope.',
  STRATEGY_READ:
    'Reads the strategy: its document versions, objectives, KPIs, segments, plans, competitors, brand voice, task force, governance and roadmap.',
  STRATEGY_WRITE: 'Changes the strategy, the task force and governance, and the roadmap (approving strategy versions stays with people).',
  POLICIES_READ:
    'Reads the policies, their versions and acknowledgements, the comment-handling rules, the business calendar and the content rules.',
  POLICIES_WRITE:
    'Drafts, submits and publishes policies, and sets the comment-handling rules, the business calendar, the staff list and the content rules (approving and acknowledging stay with people).',
  CONTENT_READ:
    "Reads content items, approvals, publications, the crisis pause, the organization's and the agency's calendars and the media library; checks texts against the content rules.",
  CONTENT_WRITE:
    'Suggests, triages, edits and schedules content, sets the approval chain and the crisis pause, and tags or deletes media (approving content stays with people).',
  COMMUNITY_READ:
    'Reads listening (queries, mentions, authors, metrics, alerts, crisis cell) and the inbox (items, reply templates, feedback actions).',
  COMMUNITY_WRITE: 'Manages listening queries, alerts and the crisis cell, collects metrics, and handles the inbox.',
  EVALUATION_READ: "Reads maturity models, the agency's portfolio, assessments and reports.",
  EVALUATION_WRITE: 'Manages maturity models, runs assessments and records KPI values.',
  WEBHOOKS_READ:
    'Lists the webhook endpoints and deliveries of an organization and of the agency. Managing them is for people only (their secrets are shown once), hence no write scope.',
};

registerEnumType(ApiKeyScopeEnum, {
  description:
    'What an API key may do: READ / WRITE for every module, or the scopes of single modules. A write scope does not include reading: give READ (or the module READ) too for a key that reads and changes data. No scope opens what only people may do: managing members, API keys and webhooks, deleting organizations, connecting network accounts, approving content, policies and strategy versions, acknowledging policies.',
  name: 'ApiKeyScope',
  valuesMap: {
    READ: { description: 'Reads everything a key may read, in every module: all the *_READ scopes together.' },
    WRITE: {
      description:
        'Every operation that changes data, except those only people may do: all the *_WRITE scopes together. Does not include reading.',
    },
    ...Object.fromEntries(
      Object.entries(MODULE_SCOPE_PURPOSE).map(([name, purpose]) => [
        name,
        { description: `${purpose} Opens ${permissionsOfScope(ApiKeyScopeEnum[name as keyof typeof ApiKeyScopeEnum]).join(', ')}.` },
      ]),
    ),
  },
});
registerEnumType(ActorTypeEnum, {
  description: 'Who did something recorded in the audit log.',
  name: 'ActorType',
  valuesMap: {
    USER: { description: 'A signed-in person (actorId is their user id).' },
    API_KEY: { description: 'An API key (actorId is the key id).' },
    SYSTEM: { description: 'The platform itself, e.g. a scheduled job (actorId is null).' },
  },
});
registerEnumType(InvitationStatusEnum, {
  name: 'InvitationStatus',
  description: 'Where an invitation stands. Accepted invitations are not listed; REVOKED is only the answer of a revocation.',
  valuesMap: {
    PENDING: { description: 'Its link works until expiresAt.' },
    EXPIRED: { description: 'Its link is refused; resending gives it a new link and a new expiry.' },
    REVOKED: { description: 'Withdrawn: its link is refused.' },
  },
});

// The enums mirror the permission matrix's role lists; a drift is a compile error here.
const _agencyRolesMatch: readonly (keyof typeof AgencyRoleEnum)[] = AGENCY_ROLES;
const _orgRolesMatch: readonly (keyof typeof OrganizationRoleEnum)[] = ORGANIZATION_ROLES;
void _agencyRolesMatch;
void _orgRolesMatch;
// And the scopes mirror the matrix's stored scopes, both ways.
const _scopesMatch: readonly `${ApiKeyScopeEnum}`[] = API_KEY_SCOPES;
const _scopeValuesKnown: readonly ApiKeyScope[] = Object.values(ApiKeyScopeEnum);
void _scopesMatch;
void _scopeValuesKnown;

@ObjectType('User', { description: 'A person who can sign in.' })
export class UserObject {
  @Field(() => ID, { description: 'The user id.' }) id!: string;
  @Field(() => String, { description: 'Email address, used to sign in (stored in lower case).' }) email!: string;
  @Field(() => String, { description: 'Name shown to others, 1 to 120 characters.' }) displayName!: string;
  @Field(() => LocaleEnum, { description: 'Language of the console and of the mails sent to this person.' }) locale!: LocaleEnum;
  @Field(() => DateTimeScalar, { description: 'When the account was created (UTC).' }) createdAt!: Date;
}

@ObjectType('Agency', { description: 'An agency: the account that manages client organizations.' })
export class AgencyObject {
  @Field(() => ID, { description: 'The agency id, sent as the X-Socle-Agency header to act for it.' }) id!: string;
  @Field(() => String, { description: 'Name of the agency, 1 to 120 characters.' }) name!: string;
  @Field(() => DateTimeScalar, { description: 'When the agency signed up (UTC).' }) createdAt!: Date;
}

@ObjectType('Organization', { description: 'A client organization: one tenant of an agency.' })
export class OrganizationObject {
  @Field(() => ID, { description: 'The organization id, sent as the X-Socle-Organization header to act inside it.' }) id!: string;
  @Field(() => String, { description: 'Name of the organization, 1 to 120 characters.' }) name!: string;
  @Field(() => String, { description: 'Business sector in free text (at most 120 characters); null when not given.', nullable: true })
  sector!: string | null;
  @Field(() => OrganizationSizeEnum, { description: 'Size by headcount; null when not given.', nullable: true })
  size!: OrganizationSizeEnum | null;
  @Field(() => LocaleEnum, { description: "Language of the organization's mails and generated documents." }) locale!: LocaleEnum;
  @Field(() => String, { description: 'IANA time zone, e.g. Europe/Paris.' }) timezone!: string;
  @Field(() => OrganizationStatusEnum, { description: 'ACTIVE, or DELETION_PENDING once deletion was asked for.' })
  status!: OrganizationStatusEnum;
  @Field(() => DateTimeScalar, { description: 'When deletion was asked for (UTC); null while ACTIVE.', nullable: true })
  deletionRequestedAt!: Date | null;
  @Field(() => DateTimeScalar, { description: 'When the organization was created (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When its settings last changed (UTC).' }) updatedAt!: Date;
}

@ObjectType('OrganizationMember', { description: 'A person with roles in the organization.' })
export class OrganizationMemberObject {
  @Field(() => ID, {
    description:
      'Id of the membership (this organization and this person): opaque, stable while they are a member, the same in members and me.organizations.',
  })
  id!: string;
  @Field(() => ID, { description: "The member's user id." }) userId!: string;
  @Field(() => UserObject, { description: 'The person.' }) user!: UserObject;
  @Field(() => [OrganizationRoleEnum], { description: 'Their roles in the organization (at least one).' }) roles!: OrganizationRoleEnum[];
  @Field(() => DateTimeScalar, { description: 'When they joined the organization (UTC).' }) joinedAt!: Date;
}

@ObjectType('AgencyMember', { description: "A member of the agency's staff." })
export class AgencyMemberObject {
  @Field(() => ID, {
    description:
      'Id of the membership (this agency and this person): opaque, stable while they are staff, the same in agencyMembers and me.agencies.',
  })
  id!: string;
  @Field(() => ID, { description: "The member's user id." }) userId!: string;
  @Field(() => AgencyRoleEnum, { description: 'Their role in the agency.' }) role!: AgencyRoleEnum;
  @Field(() => DateTimeScalar, { description: 'When they joined the agency (UTC).' }) joinedAt!: Date;
  /** The person as they were, when the member is already gone (a removal's answer); otherwise loaded by `user`. */
  snapshotUser?: UserObject;
}

@ObjectType('AgencyMembership', { description: 'An agency the signed-in person belongs to, with their role there.' })
export class AgencyMembershipObject {
  @Field(() => ID, {
    description: 'Id of the membership: opaque, stable, the same as the AgencyMember id of this person in agencyMembers.',
  })
  id!: string;
  @Field(() => AgencyObject, { description: 'The agency.' }) agency!: AgencyObject;
  @Field(() => AgencyRoleEnum, { description: 'Their role in it.' }) role!: AgencyRoleEnum;
}

@ObjectType('OrganizationMembership', { description: 'A client organization the signed-in person is a member of, with their roles there.' })
export class OrganizationMembershipObject {
  @Field(() => ID, {
    description: 'Id of the membership: opaque, stable, the same as the OrganizationMember id of this person in members.',
  })
  id!: string;
  @Field(() => OrganizationObject, { description: 'The organization.' }) organization!: OrganizationObject;
  @Field(() => [OrganizationRoleEnum], { description: 'Their roles in it.' }) roles!: OrganizationRoleEnum[];
}

@ObjectType('Me', { description: 'The signed-in person and where they may act.' })
export class MeObject {
  @Field(() => UserObject, { description: 'The person.' }) user!: UserObject;
  @Field(() => [AgencyMembershipObject], { description: 'The agencies they belong to.' }) agencies!: AgencyMembershipObject[];
  @Field(() => [OrganizationMembershipObject], {
    description: 'The client organizations they are a member of (not those they act in only through an agency role).',
  })
  organizations!: OrganizationMembershipObject[];
}

@ObjectType('AuthPayload', { description: 'A signed-in session: an access token and the refresh token that renews it.' })
export class AuthPayloadObject {
  @Field(() => String, { description: 'JWT access token: send as `Authorization: Bearer …`.' }) accessToken!: string;
  @Field(() => String, { description: 'Single-use refresh token; each refresh returns a new one.' }) refreshToken!: string;
  @Field(() => Int, { description: 'Seconds until the access token expires.' }) expiresIn!: number;
  @Field(() => ID, { description: "The signed-in person's user id." }) userId!: string;
}

@ObjectType('ApiKey', { description: 'A key a program uses to call the API for the agency (header `Authorization: Bearer <secret>`).' })
export class ApiKeyObject {
  @Field(() => ID, { description: 'The key id.' }) id!: string;
  @Field(() => String, { description: 'Name given to recognise the key, 1 to 120 characters.' }) name!: string;
  @Field(() => ID, { nullable: true, description: 'Set when the key acts inside this one organization only.' }) organizationId!:
    string | null;
  @Field(() => [ApiKeyScopeEnum], { description: 'What the key may do.' }) scopes!: ApiKeyScopeEnum[];
  @Field(() => String, { description: 'First characters of the key, to recognise it; not secret.' }) displayPrefix!: string;
  @Field(() => DateTimeScalar, { description: 'When the key was created (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, {
    description: 'When the key stops working (UTC); null for a key that does not expire.',
    nullable: true,
  })
  expiresAt!: Date | null;
  @Field(() => DateTimeScalar, { description: 'When the key was revoked (UTC); null while it works.', nullable: true })
  revokedAt!: Date | null;
  @Field(() => DateTimeScalar, { description: 'When the key was last used (UTC, to the minute); null if never.', nullable: true })
  lastUsedAt!: Date | null;
}

@ObjectType('CreateApiKeyPayload', { description: 'A new API key and its secret.' })
export class CreateApiKeyPayloadObject {
  @Field(() => ApiKeyObject, { description: 'The key.' }) apiKey!: ApiKeyObject;
  @Field(() => String, { description: 'The key itself. Shown this once; only a keyed hash is stored.' }) secret!: string;
}

@ObjectType('InvitationInviter', { description: 'Who sent an invitation.' })
export class InvitationInviterObject {
  @Field(() => ID, { nullable: true, description: 'Null once their account is deleted.' }) userId!: string | null;
  @Field(() => String, {
    description: 'Their name as it is now when you can see them, else as it was when they sent it (agency staff acting in a client).',
  })
  displayName!: string;
}

@ObjectType('Invitation', {
  description: 'An invitation into an organization (roles) or the agency (agencyRole). Its token is never readable.',
})
export class InvitationObject {
  @Field(() => ID, { description: 'The invitation id.' }) id!: string;
  @Field(() => String, { description: 'The email address invited (lower case).' }) email!: string;
  @Field(() => [OrganizationRoleEnum], {
    description: 'The roles given on acceptance, for an invitation into an organization; null for the agency.',
    nullable: true,
  })
  roles!: OrganizationRoleEnum[] | null;
  @Field(() => AgencyRoleEnum, {
    description: 'The agency role given on acceptance, for an invitation into the agency; null for an organization.',
    nullable: true,
  })
  agencyRole!: AgencyRoleEnum | null;
  @Field(() => InvitationStatusEnum, { description: 'Where it stands.' }) status!: InvitationStatusEnum;
  @Field(() => InvitationInviterObject, { description: 'Who sent it; null when unknown.', nullable: true })
  invitedBy!: InvitationInviterObject | null;
  @Field(() => DateTimeScalar, { description: 'When it was sent (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When its link stops working (UTC), 7 days after it was sent or last resent.' })
  expiresAt!: Date;
}

@ObjectType('InvitationPayload', {
  description: 'A sent invitation with the token that accepts it. The token is shown in this answer only.',
})
export class InvitationPayloadObject {
  @Field(() => InvitationObject, { description: 'The invitation.' }) invitation!: InvitationObject;
  @Field(() => String, { description: 'Single-use token to hand to the invitee (shown once).' }) token!: string;
  @Field(() => String, { description: 'Link that carries the token.' }) acceptUrl!: string;
  @Field(() => Boolean, {
    description:
      'True when the link was mailed to the invitee (it leaves with the worker; earlier mails of this invitation are cancelled).',
  })
  emailed!: boolean;
}

@ObjectType('AcceptInvitationPayload', { description: 'The outcome of accepting an invitation.' })
export class AcceptInvitationPayloadObject {
  @Field(() => ID, { description: 'The user id of the person who joined.' }) userId!: string;
  @Field(() => Boolean, { description: 'Whether an account was created for them by this acceptance.' }) newAccount!: boolean;
  @Field(() => AuthPayloadObject, { nullable: true, description: 'A session for a caller who was not signed in.' })
  session!: AuthPayloadObject | null;
}

@ObjectType('AuditEvent', { description: 'Something that happened, recorded for accountability. Entries are never changed.' })
export class AuditEventObject {
  @Field(() => ID, { description: 'The entry id.' }) id!: string;
  @Field(() => DateTimeScalar, { description: 'When it happened (UTC).' }) occurredAt!: Date;
  @Field(() => ActorTypeEnum, { description: 'Who did it.' }) actorType!: ActorTypeEnum;
  @Field(() => ID, { description: 'The user or API key id of who did it; null for the platform itself.', nullable: true }) actorId!:
    string | null;
  @Field(() => String, { description: 'What happened, e.g. member.roles_changed.' }) action!: string;
  @Field(() => String, { description: 'The kind of thing acted on, e.g. User, Organization, ApiKey; null when none.', nullable: true })
  targetType!: string | null;
  @Field(() => String, { description: 'The id of the thing acted on; null when none.', nullable: true }) targetId!: string | null;
  @Field(() => ID, { description: 'The organization it happened in; null for agency-level events.', nullable: true }) organizationId!:
    string | null;
  @Field(() => JSONObjectScalar, { description: 'Details of the event (depend on action), e.g. the roles before and after a change.' })
  metadata!: Record<string, unknown>;
  @Field(() => String, {
    description: 'Id of the API request that did it, as in the error extension requestId; null for background work.',
    nullable: true,
  })
  requestId!: string | null;
}

export const OrganizationConnection = ConnectionType(OrganizationObject, 'Organization');
export const OrganizationMemberConnection = ConnectionType(OrganizationMemberObject, 'OrganizationMember');
export const AgencyMemberConnection = ConnectionType(AgencyMemberObject, 'AgencyMember');
export const ApiKeyConnection = ConnectionType(ApiKeyObject, 'ApiKey');
export const AuditEventConnection = ConnectionType(AuditEventObject, 'AuditEvent');
export const InvitationConnection = ConnectionType(InvitationObject, 'Invitation');
