import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ActorTypeEnum, LocaleEnum, OrganizationRoleEnum } from '@socle/accounts';
import { ORGANIZATION_ROLES } from '@socle/platform-auth';
import { ConnectionType, DateTimeScalar, JSONObjectScalar } from '@socle/platform-graphql';
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
  description:
    'The kinds of social media policy: the four of the integration method (usage guide, editorial policy, comment handling, personal use) and the code of conduct.',
  valuesMap: {
    USAGE_GUIDE: { description: 'Usage guide: context, networks and glossary, logic of each network, hand-over.' },
    EDITORIAL_POLICY: { description: 'Editorial policy: who, what, where, how, results.' },
    COMMENT_HANDLING: { description: 'Comment-handling policy: how, delay, by whom, content of the answer, crisis structure.' },
    PERSONAL_USE: { description: "Policy on the staff's personal use: scope, ethics, speaking about the organization, confidentiality." },
    CODE_OF_CONDUCT: { description: 'Code of conduct: purpose, scope, principles, sensitive events, approval.' },
  },
});
registerEnumType(PolicyVersionStatusEnum, {
  name: 'PolicyVersionStatus',
  description:
    'DRAFT → IN_REVIEW → APPROVED (executive approver only) → PUBLISHED; a published version becomes SUPERSEDED when the next one is published. Only a DRAFT can be edited.',
  valuesMap: {
    DRAFT: { description: 'Being written; the only status that can be edited.' },
    IN_REVIEW: { description: 'Submitted; waits for a reviewer (when a review is set) and an executive approver.' },
    APPROVED: { description: 'Approved by an executive approver; not yet in force.' },
    PUBLISHED: { description: 'In force; members are asked to acknowledge it.' },
    SUPERSEDED: { description: 'Was in force, replaced by a later published version.' },
  },
});
registerEnumType(PolicyEventActionEnum, {
  description: 'What happened to a policy version.',
  name: 'PolicyEventAction',
  valuesMap: {
    CREATED: { description: 'The version was created (a new policy or a revision).' },
    SUBMITTED: { description: 'Submitted for review.' },
    RETURNED: { description: 'Returned to draft by an approver.' },
    APPROVED: { description: 'Approved by an executive approver.' },
    PUBLISHED: { description: 'Published: in force.' },
    SUPERSEDED: { description: 'Replaced by a later published version.' },
    REVIEWED: { description: 'Reviewed by the legal or works-council reviewer (cleared, or changes requested).' },
  },
});
registerEnumType(CommentSeverityEnum, {
  description: 'How serious a comment is, which sets how fast it must be answered.',
  name: 'CommentSeverity',
  valuesMap: {
    LOW: { description: 'Low: answered within 48 hours unless a rule says otherwise.' },
    NORMAL: { description: 'Normal: answered within 24 hours unless a rule says otherwise.' },
    HIGH: { description: 'High: answered within 4 hours unless a rule says otherwise.' },
    CRISIS: { description: 'Crisis: answered within 1 hour and escalated to crisis handling unless a rule says otherwise.' },
  },
});
registerEnumType(ContentRuleKindEnum, {
  description: 'The kinds of content rule, each a JSON object with id, kind, severity and its own fields.',
  name: 'ContentRuleKind',
  valuesMap: {
    AVOID_WORDS: { description: 'Words not to use, matched with their inflected forms in French and English: { words }.' },
    REQUIRED_DISCLOSURE: {
      description: 'A mention required for some kinds of content, e.g. "#ad" for sponsored posts: { contentKinds, anyOf }.',
    },
    FORBIDDEN_LINK_DOMAINS: { description: 'Link domains not allowed: { domains }.' },
    MAX_HASHTAGS: { description: 'At most so many hashtags: { max }.' },
    NETWORK_LIMITS: { description: 'The text limits of the networks (length, links): { networks? }.' },
    ADDRESS_FORM: { description: 'The French form of address to keep: { form: tu | vous }.' },
  },
});
registerEnumType(ContentSeverityEnum, {
  name: 'ContentRuleSeverity',
  description: 'BLOCK prevents submission for approval; WARN only reports.',
  valuesMap: {
    BLOCK: { description: 'The content cannot be submitted for approval while violated.' },
    WARN: { description: 'Reported only.' },
  },
});
registerEnumType(ResponseDueSourceEnum, {
  description: 'Where a response delay came from.',
  name: 'ResponseDueSource',
  valuesMap: {
    RULE: { description: 'A comment-handling rule of the organization.' },
    DEFAULT: {
      description: 'The default delays: LOW 48 h, NORMAL 24 h, HIGH 4 h, CRISIS 1 h escalated, all answered by the community manager.',
    },
  },
});

// The enums mirror the model's lists; a drift is a compile error here.
const _kinds: readonly (keyof typeof PolicyKindEnum)[] = POLICY_KINDS;
const _statuses: readonly (keyof typeof PolicyVersionStatusEnum)[] = POLICY_VERSION_STATUSES;
const _severities: readonly (keyof typeof CommentSeverityEnum)[] = COMMENT_SEVERITIES;
const _roles: readonly (keyof typeof ResponsibleRoleEnum)[] = ORGANIZATION_ROLES;
const _ruleKinds: readonly (keyof typeof ContentRuleKindEnum)[] = CONTENT_RULE_KINDS;
void [_kinds, _statuses, _severities, _roles, _ruleKinds];

@ObjectType('PolicySection', { description: 'A titled section of a policy text.' })
export class PolicySectionObject {
  @Field(() => String, {
    description:
      'Stable key of the section, e.g. "who" (lower-case letters, digits and hyphens); the same in both languages of a template.',
  })
  key!: string;
  @Field(() => String, { description: 'Title of the section.' }) title!: string;
  @Field(() => String, { description: 'Text of the section (at most 20,000 characters).' }) body!: string;
}

@ObjectType('PolicyVersion', { description: 'One version of a policy, with who moved it through the workflow and when.' })
export class PolicyVersionObject {
  @Field(() => ID, { description: 'The version id.' }) id!: string;
  @Field(() => ID, { description: 'The policy it belongs to.' }) policyId!: string;
  @Field(() => Int, { description: '1 for the first version, +1 for each revision.' }) number!: number;
  @Field(() => PolicyVersionStatusEnum, { description: 'Where it stands in the workflow.' }) status!: PolicyVersionStatusEnum;
  @Field(() => String, { description: 'Title of the policy in this version.' }) title!: string;
  @Field(() => [PolicySectionObject], { description: 'The sections, in order.' }) sections!: PolicySectionObject[];
  @Field(() => Boolean, { description: 'True only for a DRAFT.' }) editable!: boolean;
  @Field(() => ID, { description: 'The user who created it; null when created with an API key.', nullable: true }) createdBy!:
    string | null;
  @Field(() => ID, { description: 'The user who last edited it; null when edited with an API key.', nullable: true }) updatedBy!:
    string | null;
  @Field(() => ID, { description: 'The user who last submitted it; null until submitted.', nullable: true }) submittedBy!: string | null;
  @Field(() => DateTimeScalar, { description: 'When it was last submitted (UTC); null until then.', nullable: true })
  submittedAt!: Date | null;
  @Field(() => ID, { description: 'The user who last returned it to draft; null if never.', nullable: true }) returnedBy!: string | null;
  @Field(() => DateTimeScalar, { description: 'When it was last returned to draft (UTC); null if never.', nullable: true })
  returnedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why the reviewer returned it to draft (the last time).' }) returnComment!:
    string | null;
  @Field(() => ID, { description: 'The executive approver who approved it; null until approved.', nullable: true }) approvedBy!:
    string | null;
  @Field(() => DateTimeScalar, { description: 'When it was approved (UTC); null until then.', nullable: true })
  approvedAt!: Date | null;
  @Field(() => ID, { description: 'The user who published it; null until published.', nullable: true }) publishedBy!: string | null;
  @Field(() => DateTimeScalar, { description: 'When it was published (UTC); null until then.', nullable: true })
  publishedAt!: Date | null;
  @Field(() => DateTimeScalar, { description: 'When a later published version replaced it (UTC); null otherwise.', nullable: true })
  supersededAt!: Date | null;
  @Field(() => DateTimeScalar, { description: 'When it was created (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When it last changed (UTC).' }) updatedAt!: Date;
}

@ObjectType('PolicyDocument', { description: 'A policy of the organization (one per kind), with its latest and its published version.' })
export class PolicyDocumentObject {
  @Field(() => ID, { description: 'The policy id.' }) id!: string;
  @Field(() => PolicyKindEnum, { description: 'Its kind (one policy per kind in an organization).' }) kind!: PolicyKindEnum;
  @Field(() => PolicyLanguageEnum, { description: 'The language it is written in, chosen at creation.' }) language!: PolicyLanguageEnum;
  @Field(() => PolicyVersionStatusEnum, { description: 'Status of the latest version.' }) status!: PolicyVersionStatusEnum;
  @Field(() => PolicyVersionObject, { nullable: true, description: 'The most recent version (the one being worked on, if any).' })
  latestVersion!: PolicyVersionObject | null;
  @Field(() => PolicyVersionObject, { nullable: true, description: 'The version in force, which members acknowledge.' })
  publishedVersion!: PolicyVersionObject | null;
  @Field(() => ID, { description: 'The user who created it; null when created with an API key.', nullable: true }) createdBy!:
    string | null;
  @Field(() => DateTimeScalar, { description: 'When it was created (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When it last changed (UTC).' }) updatedAt!: Date;
}

@ObjectType('PolicyEvent', { description: 'One transition of one version: who, when, from which status to which.' })
export class PolicyEventObject {
  @Field(() => ID, { description: 'The event id.' }) id!: string;
  @Field(() => ID, { description: 'The version that moved.' }) versionId!: string;
  @Field(() => Int, { description: 'Its number.' }) versionNumber!: number;
  @Field(() => PolicyEventActionEnum, { description: 'What happened.' }) action!: PolicyEventActionEnum;
  @Field(() => PolicyVersionStatusEnum, { description: 'The status before; null at creation.', nullable: true })
  fromStatus!: PolicyVersionStatusEnum | null;
  @Field(() => PolicyVersionStatusEnum, { description: 'The status after.' }) toStatus!: PolicyVersionStatusEnum;
  @Field(() => ActorTypeEnum, { description: 'Who did it: a person, an API key or the platform itself.' }) actorType!: string;
  @Field(() => ID, { description: 'The user or API key id of who did it; null for the platform itself.', nullable: true }) actorId!:
    string | null;
  @Field(() => String, {
    description: 'The comment given (return, approval, review), or a note such as the version revised; null when none.',
    nullable: true,
  })
  comment!: string | null;
  @Field(() => DateTimeScalar, { description: 'When it happened (UTC).' }) occurredAt!: Date;
}

export const PolicyDocumentConnection = ConnectionType(PolicyDocumentObject, 'PolicyDocument');
export const PolicyVersionConnection = ConnectionType(PolicyVersionObject, 'PolicyVersion');
export const PolicyEventConnection = ConnectionType(PolicyEventObject, 'PolicyEvent');

@ObjectType('PolicyTemplate', { description: 'A starter text for a policy kind, in one language.' })
export class PolicyTemplateObject {
  @Field(() => PolicyKindEnum, { description: 'The policy kind.' }) kind!: PolicyKindEnum;
  @Field(() => PolicyLanguageEnum, { description: 'The language of the text.' }) language!: PolicyLanguageEnum;
  @Field(() => String, { description: 'Title of the policy.' }) title!: string;
  @Field(() => [PolicySectionObject], { description: 'The starter sections, in order.' }) sections!: PolicySectionObject[];
}

@ObjectType('PolicyAcknowledgement', { description: "A member's confirmation that they read a published version." })
export class PolicyAcknowledgementObject {
  @Field(() => ID, {
    description:
      "Id of the member's acknowledgement of this version: opaque and stable, the same as their entry's id in policyAcknowledgements.",
  })
  id!: string;
  @Field(() => ID, { description: 'The policy.' }) policyId!: string;
  @Field(() => ID, { description: 'The version acknowledged.' }) versionId!: string;
  @Field(() => ID, { description: 'The member.' }) userId!: string;
  @Field(() => DateTimeScalar, { description: 'When they acknowledged it (UTC).' }) acknowledgedAt!: Date;
}

@ObjectType('PolicyMemberAcknowledgement', {
  description: 'A current member and, when they did, the time they acknowledged the published version.',
})
export class PolicyMemberAcknowledgementObject {
  @Field(() => ID, {
    description:
      "Id of the member's acknowledgement of the published version, done or pending: opaque and stable, the same as acknowledgePolicyVersion answers.",
  })
  id!: string;
  @Field(() => ID, { description: "The member's user id." }) userId!: string;
  @Field(() => String, { description: "The member's display name." }) displayName!: string;
  @Field(() => DateTimeScalar, { description: 'When they joined the organization (UTC).' }) joinedAt!: Date;
  @Field(() => DateTimeScalar, {
    description: 'When they acknowledged the published version (UTC); null while pending.',
    nullable: true,
  })
  acknowledgedAt!: Date | null;
}
export const PolicyMemberAcknowledgementConnection = ConnectionType(PolicyMemberAcknowledgementObject, 'PolicyMemberAcknowledgement');

@ObjectType('PolicyAcknowledgementSummary', {
  description: 'Who among the current members acknowledged the published version of a policy.',
})
export class PolicyAcknowledgementSummaryObject {
  @Field(() => ID, { description: 'The policy.' }) policyId!: string;
  @Field(() => PolicyVersionObject, { nullable: true, description: 'The published version; null when none is published yet.' })
  version!: PolicyVersionObject | null;
  @Field(() => Int, { description: 'Current members of the organization (agency staff are not members).' }) memberCount!: number;
  @Field(() => Int, { description: 'Members who acknowledged the published version.' }) acknowledgedCount!: number;
  @Field(() => Int, { description: 'Members who have not yet.' }) pendingCount!: number;
  @Field(() => Float, { description: 'acknowledgedCount / memberCount (0 without a published version or members).' }) share!: number;
  // Resolved fields: acknowledged(first, after) and pending(first, after).
}

@ObjectType('ReplyTemplate', { description: 'A ready answer to a comment, in one language.' })
export class ReplyTemplateObject {
  @Field(() => PolicyLanguageEnum, { description: 'Its language.' }) language!: PolicyLanguageEnum;
  @Field(() => String, { description: 'The answer text (at most 2,000 characters).' }) text!: string;
}

@ObjectType('CommentHandlingRule', { description: 'How fast and by whom comments of a channel and severity are answered.' })
export class CommentHandlingRuleObject {
  @Field(() => String, { description: 'A network id, or * for every channel without its own rule.' }) channel!: string;
  @Field(() => CommentSeverityEnum, { description: 'The severity it applies to.' }) severity!: CommentSeverityEnum;
  @Field(() => Int, { description: 'Minutes from reception to the first answer (business minutes with businessHours).' })
  responseMinutes!: number;
  @Field(() => Boolean, { description: 'Whether responseMinutes count in the business calendar’s working hours only.' })
  businessHours!: boolean;
  @Field(() => ResponsibleRoleEnum, { description: 'The organization role that answers.' }) responsibleRole!: ResponsibleRoleEnum;
  @Field(() => Boolean, { description: 'Hand the comment to crisis handling.' }) escalate!: boolean;
  @Field(() => [ReplyTemplateObject], { description: 'Ready answers (at most 20).' }) replyTemplates!: ReplyTemplateObject[];
}

@ObjectType('CommentHandlingRuleSet', { description: 'The organization’s comment-handling rules, edited as one set.' })
export class CommentHandlingRuleSetObject {
  @Field(() => ID, {
    description: "Id of the organization's set of comment-handling rules: opaque and stable, one per organization, the defaults included.",
  })
  id!: string;
  @Field(() => [CommentHandlingRuleObject], { description: 'The rules, one per channel and severity.' })
  rules!: CommentHandlingRuleObject[];
  @Field(() => DateTimeScalar, {
    description: 'When the set was last replaced (UTC); null when never set (the defaults apply).',
    nullable: true,
  })
  updatedAt!: Date | null;
}

@ObjectType('CommentResponseDue', { description: 'When a comment must be answered, by whom, and how.' })
export class CommentResponseDueObject {
  @Field(() => DateTimeScalar, { description: 'When the first answer is due (UTC).' }) dueAt!: Date;
  @Field(() => Int, { description: 'The delay applied, in minutes.' }) responseMinutes!: number;
  @Field(() => Boolean, { description: 'Whether responseMinutes were counted in business hours (the rule says so).' })
  businessHours!: boolean;
  @Field(() => ResponsibleRoleEnum, { description: 'The organization role that answers.' }) responsibleRole!: ResponsibleRoleEnum;
  @Field(() => Boolean, { description: 'Whether the comment goes to crisis handling.' }) escalate!: boolean;
  @Field(() => [ReplyTemplateObject], { description: "The rule's ready answers." }) templates!: ReplyTemplateObject[];
  @Field(() => ResponseDueSourceEnum, { description: 'RULE when a rule of the organization applied, DEFAULT otherwise.' })
  source!: ResponseDueSourceEnum;
  @Field(() => String, { nullable: true, description: 'Channel of the rule that applied (the network or *).' }) channel!: string | null;
}

@ObjectType('ContentRuleSet', { description: 'The organization’s content rules (policy as code), as JSON objects.' })
export class ContentRuleSetObject {
  @Field(() => ID, { description: "Id of the organization's content rules: opaque and stable, one per organization." }) id!: string;
  @Field(() => [JSONObjectScalar], {
    description:
      "The rules the organization edits: JSON objects with id, kind (ContentRuleKind), severity (BLOCK or WARN) and the kind's own fields.",
  })
  rules!: Record<string, unknown>[];
  @Field(() => [JSONObjectScalar], {
    description: 'Rules derived from the brand voice (words to avoid, form of address), applied with them.',
  })
  brandVoiceRules!: Record<string, unknown>[];
  @Field(() => Int, { description: '0 before the first edit, +1 on each.' }) version!: number;
  @Field(() => DateTimeScalar, { description: 'When the rules were last replaced (UTC); null before the first edit.', nullable: true })
  updatedAt!: Date | null;
}

@ObjectType('ContentViolation', { description: 'One rule a text breaks, and where.' })
export class ContentViolationObject {
  @Field(() => String, {
    description: 'The id of the rule broken (brand-voice, brand-voice-address-form and network-limits for the derived rules).',
  })
  ruleId!: string;
  @Field(() => ContentRuleKindEnum, { description: 'The kind of rule.' }) kind!: ContentRuleKindEnum;
  @Field(() => ContentSeverityEnum, { description: 'BLOCK or WARN.' }) severity!: ContentSeverityEnum;
  @Field(() => Int, { description: 'UTF-16 offset where the offending text starts.' }) start!: number;
  @Field(() => Int, { description: 'UTF-16 offset where it ends (start = end when there is nothing to highlight).' }) end!: number;
  @Field(() => String, { description: 'In the organization’s language.' }) message!: string;
}

@ObjectType('ContentCheck', { description: 'The outcome of a content check.' })
export class ContentCheckObject {
  @Field(() => Boolean, { description: 'True when a BLOCK rule is violated: the content cannot be submitted for approval.' })
  blocked!: boolean;
  @Field(() => [ContentViolationObject], { description: 'Every rule the text breaks (empty when none).' })
  violations!: ContentViolationObject[];
}
