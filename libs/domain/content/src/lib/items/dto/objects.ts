import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, DateTimeScalar } from '@socle/platform-graphql';

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
    'IDEA (a suggestion to triage) → DRAFT → IN_REVIEW → APPROVED → SCHEDULED → PUBLISHING → PUBLISHED, or FAILED; CANCELLED from any step but PUBLISHING. An edit after review sends the item back to DRAFT.',
  valuesMap: {
    IDEA: { description: 'Suggested through the suggestion box, waiting to be accepted or declined.' },
    DRAFT: { description: 'Being written; not yet submitted for review.' },
    IN_REVIEW: { description: 'Submitted: waiting for the approval chain’s decisions.' },
    APPROVED: { description: 'Approved in its current revision; not scheduled yet.' },
    SCHEDULED: { description: 'Approved and scheduled: publications are due at their set times.' },
    PUBLISHING: { description: 'A publication is being sent to its network.' },
    PUBLISHED: { description: 'Every publication went out.' },
    FAILED: { description: 'A publication failed for good; the item can be edited (back to DRAFT) or rescheduled.' },
    CANCELLED: { description: 'Withdrawn from the plan (or a declined idea). Final.' },
  },
});

export enum ContentSourceEnum {
  TASK_FORCE = 'TASK_FORCE',
  EMPLOYEE_SUGGESTION = 'EMPLOYEE_SUGGESTION',
}
registerEnumType(ContentSourceEnum, {
  name: 'ContentSource',
  description: 'Written by the task force, or suggested by a member through the suggestion box.',
  valuesMap: {
    TASK_FORCE: { description: 'Written by the task force.' },
    EMPLOYEE_SUGGESTION: { description: 'Suggested by a member through the suggestion box.' },
  },
});

export enum ContentTriageEnum {
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}
registerEnumType(ContentTriageEnum, {
  name: 'ContentTriage',
  description: 'The decision on a suggested idea.',
  valuesMap: {
    ACCEPTED: { description: 'The idea was accepted and became a draft.' },
    DECLINED: { description: 'The idea was declined (the item is CANCELLED); the reason is in triageReason.' },
  },
});

export enum ContentTriageDecisionEnum {
  ACCEPT = 'ACCEPT',
  DECLINE = 'DECLINE',
}
registerEnumType(ContentTriageDecisionEnum, {
  name: 'ContentTriageDecision',
  description: 'ACCEPT makes the idea a DRAFT; DECLINE cancels it with a reason its suggester sees.',
  valuesMap: {
    ACCEPT: { description: 'Accept the idea: it becomes a DRAFT.' },
    DECLINE: { description: 'Decline the idea: it is CANCELLED; a reason is required.' },
  },
});

export enum ContentFindingSeverityEnum {
  BLOCK = 'BLOCK',
  WARN = 'WARN',
}
registerEnumType(ContentFindingSeverityEnum, {
  name: 'ContentFindingSeverity',
  description: 'BLOCK prevents submission for review; WARN is kept and shown to the approvers.',
  valuesMap: {
    BLOCK: { description: 'Must be fixed before the item can be submitted for review.' },
    WARN: { description: 'A warning: the item can still be submitted; approvers see it.' },
  },
});

@ObjectType('ContentTextSpan', { description: 'Characters [start, end) of the variant’s text (UTF-16 offsets).' })
export class ContentTextSpanObject {
  @Field(() => Int, { description: 'First character, counted from 0 in UTF-16 code units.' }) start!: number;
  @Field(() => Int, { description: 'One past the last character, in UTF-16 code units.' }) end!: number;
}

@ObjectType('ContentFinding', {
  description: 'What the last check of a variant found: a limit of the network or a content rule of the organization.',
})
export class ContentFindingObject {
  @Field(() => ContentFindingSeverityEnum, { description: 'Whether the finding blocks submission or only warns.' })
  severity!: ContentFindingSeverityEnum;
  @Field(() => String, { description: 'The content rule id, or the connector limit (e.g. text.too-long).' }) rule!: string;
  @Field(() => String, { description: 'What is wrong, in plain words, for the writer.' }) message!: string;
  @Field(() => [ContentTextSpanObject], { description: 'Where in the text; empty when the finding is about the whole variant.' })
  spans!: ContentTextSpanObject[];
}

@ObjectType('ContentVariantOption', { description: 'One network-specific setting of a variant.' })
export class ContentVariantOptionObject {
  @Field(() => String, { description: 'The setting’s name (see `Network.options`).' }) name!: string;
  @Field(() => String, { description: 'Its value as text: true or false for a yes/no setting, digits for a number.' }) value!: string;
}

@ObjectType('ContentVariant', { description: 'The text of a content item for one network account, with the findings of its last check.' })
export class ContentVariantObject {
  @Field(() => ID, { description: 'Identifier of the variant.' }) id!: string;
  @Field(() => ID, { description: 'The content item this variant belongs to.' }) itemId!: string;
  @Field(() => ID, { nullable: true, description: 'Null once the account was disconnected (the text is kept; it cannot be submitted).' })
  networkAccountId!: string | null;
  @Field(() => String, { description: 'The network of the account, in lower case (for example mastodon, linkedin).' }) network!: string;
  @Field(() => String, { description: 'The text to publish, as written.' }) text!: string;
  @Field(() => String, { nullable: true, description: 'A link published with the text (an http or https URL), or null for none.' })
  linkUrl!: string | null;
  @Field(() => [ID], { description: 'Media library assets, in order.' }) mediaIds!: string[];
  @Field(() => [ContentVariantOptionObject], {
    description: 'The network’s own settings for this post (see `Network.options`), sorted by name; empty when none is set.',
  })
  options!: ContentVariantOptionObject[];
  @Field(() => Boolean, {
    description: 'Whether this variant is the item’s long form: the other variants are published after it and link to its address.',
  })
  longForm!: boolean;
  @Field(() => [ContentFindingObject], {
    description: 'What the last check found (network limits and content rules); empty when nothing was found.',
  })
  findings!: ContentFindingObject[];
  @Field(() => Boolean, { description: 'True when a finding is BLOCK: the item cannot be submitted.' }) blocked!: boolean;
  @Field(() => DateTimeScalar, { description: 'When the variant was first written (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When the variant was last written (UTC).' }) updatedAt!: Date;
}

@ObjectType('ContentItem', {
  description: 'A piece of content planned for the organization’s networks, with one variant per network account.',
})
export class ContentItemObject {
  @Field(() => ID, { description: 'Identifier of the content item.' }) id!: string;
  @Field(() => String, { description: 'Working title, for the team (not published). 1 to 200 characters.' }) title!: string;
  @Field(() => String, { description: 'What the content is about and for whom; empty string when none was given.' }) brief!: string;
  @Field(() => String, { nullable: true, description: 'Free-form theme, or null.' }) theme!: string | null;
  @Field(() => String, { nullable: true, description: 'Free-form campaign name, or null.' }) campaign!: string | null;
  @Field(() => ID, { nullable: true, description: 'The strategy objective the content serves, or null.' }) objectiveId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The audience segment it targets, or null.' }) segmentId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The network plan it belongs to, or null.' }) networkPlanId!: string | null;
  @Field(() => ContentSourceEnum, { description: 'Who originated it: the task force or a member’s suggestion.' })
  source!: ContentSourceEnum;
  @Field(() => ContentStatusEnum, { description: 'Where the item is in its workflow.' }) status!: ContentStatusEnum;
  @Field(() => ID, { nullable: true, description: 'Who suggested it (suggestion box).' }) suggestedBy!: string | null;
  @Field(() => ContentTriageEnum, {
    nullable: true,
    description: 'The decision on a suggested idea; null for items written by the task force and for ideas not yet triaged.',
  })
  triage!: ContentTriageEnum | null;
  @Field(() => String, { nullable: true, description: 'Why a suggestion was declined (its suggester sees it).' }) triageReason!:
    string | null;
  @Field(() => ID, { nullable: true, description: 'User id of who triaged the suggestion, or null.' }) triagedBy!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the suggestion was triaged (UTC), or null.' })
  triagedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'The day it is planned for in the calendar.' }) plannedFor!: Date | null;
  @Field(() => Int, { description: 'Bumped on every edit of the item or its variants: an approval is for one revision.' })
  revision!: number;
  @Field(() => ID, {
    nullable: true,
    description: 'User id of who created the item; null when it was created by an API key or the user was deleted.',
  })
  createdBy!: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'User id of who last edited the item; null when unknown (an API key, or a deleted user).',
  })
  updatedBy!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the item was created (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When the item was last changed (UTC).' }) updatedAt!: Date;
}

export const ContentItemConnection = ConnectionType(ContentItemObject, 'ContentItem');

@ObjectType('RemoveContentVariantPayload', { description: 'The result of removeVariant.' })
export class RemoveContentVariantPayload {
  @Field(() => ID, { description: 'The variant removed.' }) id!: string;
  @Field(() => ContentItemObject, { description: 'Its item, after the removal.' }) item!: ContentItemObject;
}
