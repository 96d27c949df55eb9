import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@socle/platform-graphql';

export enum ContentStatusEnum {
  IDEA = 'IDEA',
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  APPROVED = 'APPROVED',
  SCHEDULED = 'SCHEDULED',
  PUBLISHING = 'PUBLISHING',
  PUBLISHED = 'PUBLISHED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ContentStatusEnum, {
  name: 'ContentStatus',
  description:
    'IDEA (a suggestion to triage) → DRAFT → IN_REVIEW → APPROVED → SCHEDULED → PUBLISHING → PUBLISHED, or FAILED; CANCELLED from any step before publication. An edit after review sends the item back to DRAFT.',
});

export enum ContentSourceEnum {
  TASK_FORCE = 'TASK_FORCE',
  EMPLOYEE_SUGGESTION = 'EMPLOYEE_SUGGESTION',
}
registerEnumType(ContentSourceEnum, {
  name: 'ContentSource',
  description: 'Written by the task force, or suggested by a member through the suggestion box.',
});

export enum ContentTriageEnum {
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}
registerEnumType(ContentTriageEnum, { name: 'ContentTriage', description: 'The decision on a suggested idea.' });

export enum ContentTriageDecisionEnum {
  ACCEPT = 'ACCEPT',
  DECLINE = 'DECLINE',
}
registerEnumType(ContentTriageDecisionEnum, {
  name: 'ContentTriageDecision',
  description: 'ACCEPT makes the idea a DRAFT; DECLINE cancels it with a reason its suggester sees.',
});

export enum ContentFindingSeverityEnum {
  BLOCK = 'BLOCK',
  WARN = 'WARN',
}
registerEnumType(ContentFindingSeverityEnum, {
  name: 'ContentFindingSeverity',
  description: 'BLOCK prevents submission for review; WARN is kept and shown to the approvers.',
});

@ObjectType('ContentTextSpan', { description: 'Characters [start, end) of the variant’s text (UTF-16 offsets).' })
export class ContentTextSpanObject {
  @Field(() => Int) start!: number;
  @Field(() => Int) end!: number;
}

@ObjectType('ContentFinding', {
  description: 'What the last check of a variant found: a limit of the network or a content rule of the organization.',
})
export class ContentFindingObject {
  @Field(() => ContentFindingSeverityEnum) severity!: ContentFindingSeverityEnum;
  @Field(() => String, { description: 'The content rule id, or the connector limit (e.g. text.too-long).' }) rule!: string;
  @Field(() => String) message!: string;
  @Field(() => [ContentTextSpanObject], { description: 'Where in the text; empty when the finding is about the whole variant.' })
  spans!: ContentTextSpanObject[];
}

@ObjectType('ContentVariant', { description: 'The text of a content item for one network account, with the findings of its last check.' })
export class ContentVariantObject {
  @Field(() => ID) id!: string;
  @Field(() => ID) itemId!: string;
  @Field(() => ID, { nullable: true, description: 'Null once the account was disconnected (the text is kept; it cannot be submitted).' })
  networkAccountId!: string | null;
  @Field(() => String) network!: string;
  @Field(() => String) text!: string;
  @Field(() => String, { nullable: true }) linkUrl!: string | null;
  @Field(() => [ID], { description: 'Media library assets, in order.' }) mediaIds!: string[];
  @Field(() => [ContentFindingObject]) findings!: ContentFindingObject[];
  @Field(() => Boolean, { description: 'True when a finding is BLOCK: the item cannot be submitted.' }) blocked!: boolean;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

@ObjectType('ContentItem', {
  description: 'A piece of content planned for the organization’s networks, with one variant per network account.',
})
export class ContentItemObject {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String) brief!: string;
  @Field(() => String, { nullable: true }) theme!: string | null;
  @Field(() => String, { nullable: true }) campaign!: string | null;
  @Field(() => ID, { nullable: true }) objectiveId!: string | null;
  @Field(() => ID, { nullable: true }) segmentId!: string | null;
  @Field(() => ID, { nullable: true }) networkPlanId!: string | null;
  @Field(() => ContentSourceEnum) source!: ContentSourceEnum;
  @Field(() => ContentStatusEnum) status!: ContentStatusEnum;
  @Field(() => ID, { nullable: true, description: 'Who suggested it (suggestion box).' }) suggestedBy!: string | null;
  @Field(() => ContentTriageEnum, { nullable: true }) triage!: ContentTriageEnum | null;
  @Field(() => String, { nullable: true, description: 'Why a suggestion was declined (its suggester sees it).' }) triageReason!:
    string | null;
  @Field(() => ID, { nullable: true }) triagedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) triagedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'The day it is planned for in the calendar.' }) plannedFor!: Date | null;
  @Field(() => Int, { description: 'Bumped on every edit of the item or its variants: an approval is for one revision.' })
  revision!: number;
  @Field(() => ID, { nullable: true }) createdBy!: string | null;
  @Field(() => ID, { nullable: true }) updatedBy!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

export const ContentItemConnection = ConnectionType(ContentItemObject, 'ContentItem');

@ObjectType('RemoveContentVariantPayload')
export class RemoveContentVariantPayload {
  @Field(() => ID, { description: 'The variant removed.' }) id!: string;
  @Field(() => ContentItemObject, { description: 'Its item, after the removal.' }) item!: ContentItemObject;
}
