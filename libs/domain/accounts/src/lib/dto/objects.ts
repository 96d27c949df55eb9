import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AGENCY_ROLES, ORGANIZATION_ROLES } from '@socle/platform-auth';
import { ConnectionType, JSONObjectScalar } from '@socle/platform-graphql';

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
export enum LocaleEnum {
  fr = 'fr',
  en = 'en',
}
export enum ApiKeyScopeEnum {
  read = 'read',
  write = 'write',
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
  valuesMap: { fr: { description: 'French.' }, en: { description: 'English.' } },
});
registerEnumType(ApiKeyScopeEnum, {
  description: 'What an API key may do. A key holds only the operations of its scopes: give both for a key that reads and changes data.',
  name: 'ApiKeyScope',
  valuesMap: {
    read: { description: 'Queries that read data.' },
    write: {
      description:
        'Operations that change data, except those only people may do: managing members and API keys, deleting organizations, connecting network accounts, approving content, policies and strategy versions, acknowledging policies.',
    },
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

@ObjectType('User', { description: 'A person who can sign in.' })
export class UserObject {
  @Field(() => ID, { description: 'The user id.' }) id!: string;
  @Field(() => String, { description: 'Email address, used to sign in (stored in lower case).' }) email!: string;
  @Field(() => String, { description: 'Name shown to others, 1 to 120 characters.' }) displayName!: string;
  @Field(() => LocaleEnum, { description: 'Language of the console and of the mails sent to this person.' }) locale!: LocaleEnum;
  @Field(() => GraphQLISODateTime, { description: 'When the account was created (UTC).' }) createdAt!: Date;
}

@ObjectType('Agency', { description: 'An agency: the account that manages client organizations.' })
export class AgencyObject {
  @Field(() => ID, { description: 'The agency id, sent as the X-Socle-Agency header to act for it.' }) id!: string;
  @Field(() => String, { description: 'Name of the agency, 1 to 120 characters.' }) name!: string;
  @Field(() => GraphQLISODateTime, { description: 'When the agency signed up (UTC).' }) createdAt!: Date;
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
  @Field(() => GraphQLISODateTime, { description: 'When deletion was asked for (UTC); null while ACTIVE.', nullable: true })
  deletionRequestedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { description: 'When the organization was created (UTC).' }) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When its settings last changed (UTC).' }) updatedAt!: Date;
}

@ObjectType('OrganizationMember', { description: 'A person with roles in the organization.' })
export class OrganizationMemberObject {
  @Field(() => ID, { description: "The member's user id." }) userId!: string;
  @Field(() => UserObject, { description: 'The person.' }) user!: UserObject;
  @Field(() => [OrganizationRoleEnum], { description: 'Their roles in the organization (at least one).' }) roles!: OrganizationRoleEnum[];
  @Field(() => GraphQLISODateTime, { description: 'When they joined the organization (UTC).' }) joinedAt!: Date;
}

@ObjectType('AgencyMember', { description: "A member of the agency's staff." })
export class AgencyMemberObject {
  @Field(() => ID, { description: "The member's user id." }) userId!: string;
  @Field(() => AgencyRoleEnum, { description: 'Their role in the agency.' }) role!: AgencyRoleEnum;
  @Field(() => GraphQLISODateTime, { description: 'When they joined the agency (UTC).' }) joinedAt!: Date;
  /** The person as they were, when the member is already gone (a removal's answer); otherwise loaded by `user`. */
  snapshotUser?: UserObject;
}

@ObjectType('AgencyMembership', { description: 'An agency the signed-in person belongs to, with their role there.' })
export class AgencyMembershipObject {
  @Field(() => AgencyObject, { description: 'The agency.' }) agency!: AgencyObject;
  @Field(() => AgencyRoleEnum, { description: 'Their role in it.' }) role!: AgencyRoleEnum;
}

@ObjectType('OrganizationMembership', { description: 'A client organization the signed-in person is a member of, with their roles there.' })
export class OrganizationMembershipObject {
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
  @Field(() => GraphQLISODateTime, { description: 'When the key was created (UTC).' }) createdAt!: Date;
  @Field(() => GraphQLISODateTime, {
    description: 'When the key stops working (UTC); null for a key that does not expire.',
    nullable: true,
  })
  expiresAt!: Date | null;
  @Field(() => GraphQLISODateTime, { description: 'When the key was revoked (UTC); null while it works.', nullable: true })
  revokedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { description: 'When the key was last used (UTC, to the minute); null if never.', nullable: true })
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
  @Field(() => GraphQLISODateTime, { description: 'When it was sent (UTC).' }) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When its link stops working (UTC), 7 days after it was sent or last resent.' })
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
  @Field(() => GraphQLISODateTime, { description: 'When it happened (UTC).' }) occurredAt!: Date;
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
