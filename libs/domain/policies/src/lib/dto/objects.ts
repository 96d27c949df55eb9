import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocaleEnum, OrganizationRoleEnum } from '@socle/accounts';
import { ORGANIZATION_ROLES } from '@socle/platform-auth';
import { ConnectionType, JSONObjectScalar } from '@socle/platform-graphql';
import { CONTENT_RULE_KINDS } from '../content-rules';
import { POLICY_KINDS, POLICY_VERSION_STATUSES } from '../documents/policy-model';
import { COMMENT_SEVERITIES } from '../comment-rules/response-due';

export enum PolicyKindEnum {
  USAGE_GUIDE = 'USAGE_GUIDE',
  EDITORIAL_POLICY = 'EDITORIAL_POLICY',
  COMMENT_HANDLING = 'COMMENT_HANDLING',
  PERSONAL_USE = 'PERSONAL_USE',
  CODE_OF_CONDUCT = 'CODE_OF_CONDUCT',
}
/** A policy's language: the platform's `Locale`. */
export const PolicyLanguageEnum = LocaleEnum;
export type PolicyLanguageEnum = LocaleEnum;
export enum PolicyVersionStatusEnum {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  APPROVED = 'APPROVED',
  PUBLISHED = 'PUBLISHED',
  SUPERSEDED = 'SUPERSEDED',
}
export enum PolicyEventActionEnum {
  CREATED = 'CREATED',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  APPROVED = 'APPROVED',
  PUBLISHED = 'PUBLISHED',
  SUPERSEDED = 'SUPERSEDED',
  REVIEWED = 'REVIEWED',
}
export enum CommentSeverityEnum {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  CRISIS = 'CRISIS',
}
/** The organisation role that answers: the platform's `OrganizationRole`. */
export const ResponsibleRoleEnum = OrganizationRoleEnum;
export type ResponsibleRoleEnum = OrganizationRoleEnum;
export enum ContentRuleKindEnum {
  AVOID_WORDS = 'AVOID_WORDS',
  REQUIRED_DISCLOSURE = 'REQUIRED_DISCLOSURE',
  FORBIDDEN_LINK_DOMAINS = 'FORBIDDEN_LINK_DOMAINS',
  MAX_HASHTAGS = 'MAX_HASHTAGS',
  NETWORK_LIMITS = 'NETWORK_LIMITS',
  ADDRESS_FORM = 'ADDRESS_FORM',
}
export enum ContentSeverityEnum {
  BLOCK = 'BLOCK',
  WARN = 'WARN',
}
export enum ResponseDueSourceEnum {
  RULE = 'RULE',
  DEFAULT = 'DEFAULT',
}

registerEnumType(PolicyKindEnum, {
  name: 'PolicyKind',
  description: 'The policies of the method: seed 002 step 5 (A–D) and the code of conduct of seed 001.',
});
registerEnumType(PolicyVersionStatusEnum, {
  name: 'PolicyVersionStatus',
  description:
    'DRAFT → IN_REVIEW → APPROVED (executive approver only) → PUBLISHED; a published version becomes SUPERSEDED when the next one is published. Only a DRAFT can be edited.',
});
registerEnumType(PolicyEventActionEnum, { name: 'PolicyEventAction' });
registerEnumType(CommentSeverityEnum, { name: 'CommentSeverity' });
registerEnumType(ContentRuleKindEnum, { name: 'ContentRuleKind' });
registerEnumType(ContentSeverityEnum, {
  name: 'ContentRuleSeverity',
  description: 'BLOCK prevents submission for approval; WARN only reports.',
});
registerEnumType(ResponseDueSourceEnum, { name: 'ResponseDueSource' });

// The enums mirror the model's lists; a drift is a compile error here.
const _kinds: readonly (keyof typeof PolicyKindEnum)[] = POLICY_KINDS;
const _statuses: readonly (keyof typeof PolicyVersionStatusEnum)[] = POLICY_VERSION_STATUSES;
const _severities: readonly (keyof typeof CommentSeverityEnum)[] = COMMENT_SEVERITIES;
const _roles: readonly (keyof typeof ResponsibleRoleEnum)[] = ORGANIZATION_ROLES;
const _ruleKinds: readonly (keyof typeof ContentRuleKindEnum)[] = CONTENT_RULE_KINDS;
void [_kinds, _statuses, _severities, _roles, _ruleKinds];

@ObjectType('PolicySection')
export class PolicySectionObject {
  @Field(() => String) key!: string;
  @Field(() => String) title!: string;
  @Field(() => String) body!: string;
}

@ObjectType('PolicyVersion', { description: 'One version of a policy, with who moved it through the workflow and when.' })
export class PolicyVersionObject {
  @Field(() => ID) id!: string;
  @Field(() => ID) policyId!: string;
  @Field(() => Int, { description: '1 for the first version, +1 for each revision.' }) number!: number;
  @Field(() => PolicyVersionStatusEnum) status!: PolicyVersionStatusEnum;
  @Field(() => String) title!: string;
  @Field(() => [PolicySectionObject]) sections!: PolicySectionObject[];
  @Field(() => Boolean, { description: 'True only for a DRAFT.' }) editable!: boolean;
  @Field(() => ID, { nullable: true }) createdBy!: string | null;
  @Field(() => ID, { nullable: true }) updatedBy!: string | null;
  @Field(() => ID, { nullable: true }) submittedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) submittedAt!: Date | null;
  @Field(() => ID, { nullable: true }) returnedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) returnedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the reviewer returned it to draft (the last time).' }) returnComment!:
    string | null;
  @Field(() => ID, { nullable: true }) approvedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) approvedAt!: Date | null;
  @Field(() => ID, { nullable: true }) publishedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) publishedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) supersededAt!: Date | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

@ObjectType('PolicyDocument', { description: 'A policy of the organization (one per kind), with its latest and its published version.' })
export class PolicyDocumentObject {
  @Field(() => ID) id!: string;
  @Field(() => PolicyKindEnum) kind!: PolicyKindEnum;
  @Field(() => PolicyLanguageEnum) language!: PolicyLanguageEnum;
  @Field(() => PolicyVersionStatusEnum, { description: 'Status of the latest version.' }) status!: PolicyVersionStatusEnum;
  @Field(() => PolicyVersionObject, { nullable: true, description: 'The most recent version (the one being worked on, if any).' })
  latestVersion!: PolicyVersionObject | null;
  @Field(() => PolicyVersionObject, { nullable: true, description: 'The version in force, which members acknowledge.' })
  publishedVersion!: PolicyVersionObject | null;
  @Field(() => ID, { nullable: true }) createdBy!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

@ObjectType('PolicyEvent', { description: 'One transition of one version: who, when, from which status to which.' })
export class PolicyEventObject {
  @Field(() => ID) id!: string;
  @Field(() => ID) versionId!: string;
  @Field(() => Int) versionNumber!: number;
  @Field(() => PolicyEventActionEnum) action!: PolicyEventActionEnum;
  @Field(() => PolicyVersionStatusEnum, { nullable: true }) fromStatus!: PolicyVersionStatusEnum | null;
  @Field(() => PolicyVersionStatusEnum) toStatus!: PolicyVersionStatusEnum;
  @Field(() => String, { description: 'USER, API_KEY or SYSTEM.' }) actorType!: string;
  @Field(() => ID, { nullable: true }) actorId!: string | null;
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field(() => GraphQLISODateTime) occurredAt!: Date;
}

export const PolicyDocumentConnection = ConnectionType(PolicyDocumentObject, 'PolicyDocument');
export const PolicyVersionConnection = ConnectionType(PolicyVersionObject, 'PolicyVersion');
export const PolicyEventConnection = ConnectionType(PolicyEventObject, 'PolicyEvent');

@ObjectType('PolicyTemplate', { description: 'A starter text for a policy kind, in one language.' })
export class PolicyTemplateObject {
  @Field(() => PolicyKindEnum) kind!: PolicyKindEnum;
  @Field(() => PolicyLanguageEnum) language!: PolicyLanguageEnum;
  @Field(() => String) title!: string;
  @Field(() => [PolicySectionObject]) sections!: PolicySectionObject[];
}

@ObjectType('PolicyAcknowledgement')
export class PolicyAcknowledgementObject {
  @Field(() => ID) policyId!: string;
  @Field(() => ID) versionId!: string;
  @Field(() => ID) userId!: string;
  @Field(() => GraphQLISODateTime) acknowledgedAt!: Date;
}

@ObjectType('PolicyMemberAcknowledgement', {
  description: 'A current member and, when they did, the time they acknowledged the published version.',
})
export class PolicyMemberAcknowledgementObject {
  @Field(() => ID) userId!: string;
  @Field(() => String) displayName!: string;
  @Field(() => GraphQLISODateTime) joinedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) acknowledgedAt!: Date | null;
}
export const PolicyMemberAcknowledgementConnection = ConnectionType(PolicyMemberAcknowledgementObject, 'PolicyMemberAcknowledgement');

@ObjectType('PolicyAcknowledgementSummary', {
  description: 'Who among the current members acknowledged the published version of a policy.',
})
export class PolicyAcknowledgementSummaryObject {
  @Field(() => ID) policyId!: string;
  @Field(() => PolicyVersionObject, { nullable: true, description: 'The published version; null when none is published yet.' })
  version!: PolicyVersionObject | null;
  @Field(() => Int) memberCount!: number;
  @Field(() => Int) acknowledgedCount!: number;
  @Field(() => Int) pendingCount!: number;
  @Field(() => Float, { description: 'acknowledgedCount / memberCount (0 without a published version or members).' }) share!: number;
  // Resolved fields: acknowledged(first, after) and pending(first, after).
}

@ObjectType('ReplyTemplate')
export class ReplyTemplateObject {
  @Field(() => PolicyLanguageEnum) language!: PolicyLanguageEnum;
  @Field(() => String) text!: string;
}

@ObjectType('CommentHandlingRule', { description: 'How fast and by whom comments of a channel and severity are answered.' })
export class CommentHandlingRuleObject {
  @Field(() => String, { description: 'A network id, or * for every channel without its own rule.' }) channel!: string;
  @Field(() => CommentSeverityEnum) severity!: CommentSeverityEnum;
  @Field(() => Int, { description: 'Minutes from reception to the first answer (business minutes with businessHours).' })
  responseMinutes!: number;
  @Field(() => Boolean, { description: 'Whether responseMinutes count in the business calendar’s working hours only.' })
  businessHours!: boolean;
  @Field(() => ResponsibleRoleEnum) responsibleRole!: ResponsibleRoleEnum;
  @Field(() => Boolean, { description: 'Hand the comment to crisis handling.' }) escalate!: boolean;
  @Field(() => [ReplyTemplateObject]) replyTemplates!: ReplyTemplateObject[];
}

@ObjectType('CommentHandlingRuleSet', { description: 'The organization’s comment-handling rules, edited as one set.' })
export class CommentHandlingRuleSetObject {
  @Field(() => [CommentHandlingRuleObject]) rules!: CommentHandlingRuleObject[];
  @Field(() => GraphQLISODateTime, { nullable: true }) updatedAt!: Date | null;
}

@ObjectType('CommentResponseDue')
export class CommentResponseDueObject {
  @Field(() => GraphQLISODateTime) dueAt!: Date;
  @Field(() => Int) responseMinutes!: number;
  @Field(() => Boolean, { description: 'Whether responseMinutes were counted in business hours (the rule says so).' })
  businessHours!: boolean;
  @Field(() => ResponsibleRoleEnum) responsibleRole!: ResponsibleRoleEnum;
  @Field(() => Boolean) escalate!: boolean;
  @Field(() => [ReplyTemplateObject]) templates!: ReplyTemplateObject[];
  @Field(() => ResponseDueSourceEnum, { description: 'RULE when a rule of the organization applied, DEFAULT otherwise.' })
  source!: ResponseDueSourceEnum;
  @Field(() => String, { nullable: true, description: 'Channel of the rule that applied (the network or *).' }) channel!: string | null;
}

@ObjectType('ContentRuleSet', { description: 'The organization’s content rules (policy as code), as JSON objects.' })
export class ContentRuleSetObject {
  @Field(() => [JSONObjectScalar], { description: 'The rules the organization edits (see the README for each kind’s fields).' })
  rules!: Record<string, unknown>[];
  @Field(() => [JSONObjectScalar], {
    description: 'Rules derived from the brand voice (words to avoid, form of address), applied with them.',
  })
  brandVoiceRules!: Record<string, unknown>[];
  @Field(() => Int, { description: '0 before the first edit, +1 on each.' }) version!: number;
  @Field(() => GraphQLISODateTime, { nullable: true }) updatedAt!: Date | null;
}

@ObjectType('ContentViolation')
export class ContentViolationObject {
  @Field(() => String) ruleId!: string;
  @Field(() => ContentRuleKindEnum) kind!: ContentRuleKindEnum;
  @Field(() => ContentSeverityEnum) severity!: ContentSeverityEnum;
  @Field(() => Int, { description: 'UTF-16 offset where the offending text starts.' }) start!: number;
  @Field(() => Int, { description: 'UTF-16 offset where it ends (start = end when there is nothing to highlight).' }) end!: number;
  @Field(() => String, { description: 'In the organization’s language.' }) message!: string;
}

@ObjectType('ContentCheck')
export class ContentCheckObject {
  @Field(() => Boolean, { description: 'True when a BLOCK rule is violated: the content cannot be submitted for approval.' })
  blocked!: boolean;
  @Field(() => [ContentViolationObject]) violations!: ContentViolationObject[];
}
