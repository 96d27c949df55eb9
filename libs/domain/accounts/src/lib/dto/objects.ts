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
export enum ActorTypeEnum {
  USER = 'USER',
  API_KEY = 'API_KEY',
  SYSTEM = 'SYSTEM',
}

registerEnumType(AgencyRoleEnum, { name: 'AgencyRole', description: 'OWNER and ADMIN act in every client organization of the agency.' });
registerEnumType(OrganizationRoleEnum, {
  name: 'OrganizationRole',
  description: 'Roles of the social media task force of a client organization.',
});
registerEnumType(OrganizationStatusEnum, { name: 'OrganizationStatus' });
registerEnumType(OrganizationSizeEnum, { name: 'OrganizationSize' });
registerEnumType(LocaleEnum, { name: 'Locale' });
registerEnumType(ApiKeyScopeEnum, { name: 'ApiKeyScope' });
registerEnumType(ActorTypeEnum, { name: 'ActorType' });

// The enums mirror the permission matrix's role lists; a drift is a compile error here.
const _agencyRolesMatch: readonly (keyof typeof AgencyRoleEnum)[] = AGENCY_ROLES;
const _orgRolesMatch: readonly (keyof typeof OrganizationRoleEnum)[] = ORGANIZATION_ROLES;
void _agencyRolesMatch;
void _orgRolesMatch;

@ObjectType('User')
export class UserObject {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => String) displayName!: string;
  @Field(() => LocaleEnum) locale!: LocaleEnum;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType('Agency')
export class AgencyObject {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType('Organization', { description: 'A client organization: one tenant of an agency.' })
export class OrganizationObject {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) sector!: string | null;
  @Field(() => OrganizationSizeEnum, { nullable: true }) size!: OrganizationSizeEnum | null;
  @Field(() => LocaleEnum) locale!: LocaleEnum;
  @Field(() => String, { description: 'IANA time zone, e.g. Europe/Paris.' }) timezone!: string;
  @Field(() => OrganizationStatusEnum) status!: OrganizationStatusEnum;
  @Field(() => GraphQLISODateTime, { nullable: true }) deletionRequestedAt!: Date | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

@ObjectType('OrganizationMember')
export class OrganizationMemberObject {
  @Field(() => ID) userId!: string;
  @Field(() => UserObject) user!: UserObject;
  @Field(() => [OrganizationRoleEnum]) roles!: OrganizationRoleEnum[];
  @Field(() => GraphQLISODateTime) joinedAt!: Date;
}

@ObjectType('AgencyMember')
export class AgencyMemberObject {
  @Field(() => ID) userId!: string;
  @Field(() => AgencyRoleEnum) role!: AgencyRoleEnum;
  @Field(() => GraphQLISODateTime) joinedAt!: Date;
  /** The person as they were, when the member is already gone (a removal's answer); otherwise loaded by `user`. */
  snapshotUser?: UserObject;
}

@ObjectType('AgencyMembership')
export class AgencyMembershipObject {
  @Field(() => AgencyObject) agency!: AgencyObject;
  @Field(() => AgencyRoleEnum) role!: AgencyRoleEnum;
}

@ObjectType('OrganizationMembership')
export class OrganizationMembershipObject {
  @Field(() => OrganizationObject) organization!: OrganizationObject;
  @Field(() => [OrganizationRoleEnum]) roles!: OrganizationRoleEnum[];
}

@ObjectType('Me')
export class MeObject {
  @Field(() => UserObject) user!: UserObject;
  @Field(() => [AgencyMembershipObject]) agencies!: AgencyMembershipObject[];
  @Field(() => [OrganizationMembershipObject]) organizations!: OrganizationMembershipObject[];
}

@ObjectType('AuthPayload')
export class AuthPayloadObject {
  @Field(() => String, { description: 'JWT access token: send as `Authorization: Bearer …`.' }) accessToken!: string;
  @Field(() => String, { description: 'Single-use refresh token; each refresh returns a new one.' }) refreshToken!: string;
  @Field(() => Int, { description: 'Seconds until the access token expires.' }) expiresIn!: number;
  @Field(() => ID) userId!: string;
}

@ObjectType('ApiKey')
export class ApiKeyObject {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => ID, { nullable: true, description: 'Set when the key acts inside this one organization only.' }) organizationId!:
    string | null;
  @Field(() => [ApiKeyScopeEnum]) scopes!: ApiKeyScopeEnum[];
  @Field(() => String, { description: 'First characters of the key, to recognise it; not secret.' }) displayPrefix!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) expiresAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastUsedAt!: Date | null;
}

@ObjectType('CreateApiKeyPayload')
export class CreateApiKeyPayloadObject {
  @Field(() => ApiKeyObject) apiKey!: ApiKeyObject;
  @Field(() => String, { description: 'The key itself. Shown this once; only a keyed hash is stored.' }) secret!: string;
}

@ObjectType('Invitation')
export class InvitationObject {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => [OrganizationRoleEnum], { nullable: true }) roles!: OrganizationRoleEnum[] | null;
  @Field(() => AgencyRoleEnum, { nullable: true }) agencyRole!: AgencyRoleEnum | null;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
}

@ObjectType('InvitationPayload')
export class InvitationPayloadObject {
  @Field(() => InvitationObject) invitation!: InvitationObject;
  @Field(() => String, { description: 'Single-use token to hand to the invitee (shown once).' }) token!: string;
  @Field(() => String, { description: 'Link that carries the token.' }) acceptUrl!: string;
}

@ObjectType('AcceptInvitationPayload')
export class AcceptInvitationPayloadObject {
  @Field(() => ID) userId!: string;
  @Field(() => Boolean) newAccount!: boolean;
  @Field(() => AuthPayloadObject, { nullable: true, description: 'A session for a caller who was not signed in.' })
  session!: AuthPayloadObject | null;
}

@ObjectType('AuditEvent')
export class AuditEventObject {
  @Field(() => ID) id!: string;
  @Field(() => GraphQLISODateTime) occurredAt!: Date;
  @Field(() => ActorTypeEnum) actorType!: ActorTypeEnum;
  @Field(() => ID, { nullable: true }) actorId!: string | null;
  @Field(() => String, { description: 'What happened, e.g. member.roles_changed.' }) action!: string;
  @Field(() => String, { nullable: true }) targetType!: string | null;
  @Field(() => String, { nullable: true }) targetId!: string | null;
  @Field(() => ID, { nullable: true }) organizationId!: string | null;
  @Field(() => JSONObjectScalar) metadata!: Record<string, unknown>;
  @Field(() => String, { nullable: true }) requestId!: string | null;
}

export const OrganizationConnection = ConnectionType(OrganizationObject, 'Organization');
export const OrganizationMemberConnection = ConnectionType(OrganizationMemberObject, 'OrganizationMember');
export const AgencyMemberConnection = ConnectionType(AgencyMemberObject, 'AgencyMember');
export const ApiKeyConnection = ConnectionType(ApiKeyObject, 'ApiKey');
export const AuditEventConnection = ConnectionType(AuditEventObject, 'AuditEvent');
