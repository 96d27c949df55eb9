import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { OrganizationRoleEnum } from '@socle/accounts';
import { ConnectionType, DateTimeScalar, PageArgs } from '@socle/platform-graphql';
import { COMMENT_SEVERITIES, CommentSeverityEnum } from '@socle/policies';
import type { LiveEvent } from '@socle/platform-queue';
import type { InboxItem, InboxNote, InboxReply } from './inbox.types';

export enum InboxStatusEnum {
  NEW = 'NEW',
  ASSIGNED = 'ASSIGNED',
  ANSWERED = 'ANSWERED',
  DISMISSED = 'DISMISSED',
  ESCALATED = 'ESCALATED',
}
registerEnumType(InboxStatusEnum, {
  name: 'InboxStatus',
  description:
    'NEW (to handle); ASSIGNED (someone handles it); ANSWERED (a reply went out; final); DISMISSED (nothing to answer; may be reopened); ' +
    'ESCALATED (past due or handed over: see escalatedTo).',
  valuesMap: {
    NEW: { description: 'To handle.' },
    ASSIGNED: { description: 'A member handles it (see assigneeId).' },
    ANSWERED: { description: 'A reply went out. Final.' },
    DISMISSED: { description: 'Nothing to answer.' },
    ESCALATED: { description: 'Handed over to a role (see escalatedTo).' },
  },
});

export enum InboxItemKindEnum {
  COMMENT = 'COMMENT',
  MENTION = 'MENTION',
}
registerEnumType(InboxItemKindEnum, {
  name: 'InboxItemKind',
  description: 'COMMENT (on one of our posts) or MENTION (of one of our accounts).',
  valuesMap: {
    COMMENT: { description: 'A comment on one of the organization’s publications.' },
    MENTION: { description: 'A mention of one of the organization’s accounts.' },
  },
});

@ObjectType('InboxNote', { description: 'An internal note on an inbox item (never sent to the network).' })
export class InboxNoteObject {
  @Field(() => ID, { description: 'Identifier of the note.' }) id!: string;
  @Field(() => String, { description: 'The note, as written.' }) text!: string;
  @Field(() => ID, { nullable: true, description: 'User id of who wrote it; null when written with an API key or the user was deleted.' })
  authorId!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the note was written (UTC).' }) createdAt!: Date;
}

@ObjectType('InboxReply', { description: 'A reply sent (or being sent) to the network.' })
export class InboxReplyObject {
  @Field(() => ID, { description: 'Identifier of the reply.' }) id!: string;
  @Field(() => String, { description: 'The reply’s text, as sent.' }) text!: string;
  @Field(() => String, {
    description: 'PENDING (being sent; sent again by the worker after a passing failure, never twice), SENT, FAILED (see error).',
  })
  status!: string;
  @Field(() => Int, { description: 'Attempts to send it so far.' }) attempts!: number;
  @Field(() => String, { nullable: true, description: 'The reply’s id at the network once sent; null before.' }) externalId!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The reply’s public address at the network once sent, when the network gives one; null otherwise.',
  })
  externalUrl!: string | null;
  @Field(() => String, { nullable: true, description: 'What failed last, never the network’s answer nor a secret.' }) error!: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'User id of who wrote the reply; null when written with an API key or the user was deleted.',
  })
  createdBy!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the reply was written (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the network accepted it (UTC); null until SENT.' })
  sentAt!: Date | null;
}

@ObjectType('InboxItem', {
  description: 'A comment on one of our publications, or a mention, to answer within the comment-handling rules’ delay.',
})
export class InboxItemObject {
  @Field(() => ID, { description: 'Identifier of the inbox item.' }) id!: string;
  @Field(() => String, { description: 'The network (connector id).' }) source!: string;
  @Field(() => ID, { nullable: true, description: 'The account it came to; null once disconnected.' }) networkAccountId!: string | null;
  @Field(() => String, { description: 'The comment’s or mention’s id at its network.' }) externalId!: string;
  @Field(() => InboxItemKindEnum, { description: 'A comment or a mention.' }) kind!: InboxItemKindEnum;
  @Field(() => String, { nullable: true, description: 'The external post it answers.' }) parentExternalId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Our publication it comments on.' }) publicationId!: string | null;
  @Field(() => String, { description: 'The author’s handle at the network.' }) authorHandle!: string;
  @Field(() => String, { nullable: true, description: 'The author’s display name, or null when the network gives none.' }) authorName!:
    string | null;
  @Field(() => String, { description: 'The comment’s or mention’s text, as read from the network.' }) text!: string;
  @Field(() => String, { nullable: true, description: 'Its public address at the network, or null.' }) url!: string | null;
  @Field(() => DateTimeScalar, {
    description:
      'When it was published at the network (UTC), or when it was read if the network gave no date; the due time counts from it.',
  })
  receivedAt!: Date;
  @Field(() => CommentSeverityEnum, {
    description: 'How serious it is, by the comment-handling rules: classified on arrival, or set by a member (setInboxItemSeverity).',
  })
  severity!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Why: CRISIS_ALERT (negative while a crisis alert is open), CRISIS_PAUSE (negative while publishing is paused for a crisis), ESCALATION_WORD:<word> (a complaint or legal word, as written), ' +
      'AUTHOR_TAG:<tag> (DETRACTOR or INFLUENCER), NEGATIVE (sentiment), POSITIVE (and no question), MANUAL (set by a member); ' +
      'null when nothing stood out (NORMAL).',
  })
  severityReason!: string | null;
  @Field(() => ID, { nullable: true, description: 'The member who set the severity by hand (null while it is the classifier’s).' })
  severitySetBy!: string | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When a member set the severity (UTC); null while it is the classifier’s.',
  })
  severitySetAt!: Date | null;
  @Field(() => InboxStatusEnum, { description: 'Where the item stands.' }) status!: InboxStatusEnum;
  @Field(() => ID, { nullable: true, description: 'User id of the member handling it, or null.' }) assigneeId!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the first answer is due (the organisation’s comment-handling rules).' })
  dueAt!: Date;
  @Field(() => Boolean, { description: 'Still open (NEW, ASSIGNED, ESCALATED) and past dueAt.' }) overdue!: boolean;
  @Field(() => OrganizationRoleEnum, { description: 'Who answers, by the rule that applied.' }) responsibleRole!: OrganizationRoleEnum;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the first reply went out (UTC), or null.' })
  firstResponseAt!: Date | null;
  @Field(() => ID, { nullable: true, description: 'User id of who answered, or null.' }) answeredBy!: string | null;
  @Field(() => OrganizationRoleEnum, { nullable: true, description: 'The role the item was handed to, or null when not escalated.' })
  escalatedTo!: OrganizationRoleEnum | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the item was escalated (UTC), or null.' })
  escalatedAt!: Date | null;
  @Field(() => Int, { description: 'Bumped on every change.' }) version!: number;
  @Field(() => DateTimeScalar, { description: 'When the item reached the inbox (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When the item last changed (UTC).' }) updatedAt!: Date;
}

export const InboxItemConnection = ConnectionType(InboxItemObject, 'InboxItem');

@ObjectType('InboxReplyTemplate', { description: 'A reply template of the organisation’s comment-handling rules.' })
export class InboxReplyTemplateObject {
  @Field(() => String, { description: 'The rule’s channel: a network id or "*".' }) channel!: string;
  @Field(() => CommentSeverityEnum, { description: 'The severity the template is for.' }) severity!: string;
  @Field(() => String, { description: 'The template’s language (BCP 47 tag, such as fr).' }) language!: string;
  @Field(() => String, { description: 'The template’s text.' }) text!: string;
}

@ArgsType()
export class InboxPageArgs extends PageArgs {
  @Field(() => InboxStatusEnum, { nullable: true, description: 'Only items in this status.' })
  @IsOptional()
  @IsEnum(InboxStatusEnum)
  status?: InboxStatusEnum;
  @Field(() => CommentSeverityEnum, { nullable: true, description: 'Only items of this severity.' })
  @IsOptional()
  @IsIn(COMMENT_SEVERITIES as unknown as string[], { message: 'must be LOW, NORMAL, HIGH or CRISIS' })
  severity?: string;
  @Field(() => ID, { nullable: true, description: 'Only items assigned to this member.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a user id' })
  assigneeId?: string;
  @Field(() => Boolean, { nullable: true, description: 'Only open items past due (true), or only the others (false).' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
}

@ArgsType()
export class InboxItemArgs {
  @Field(() => ID, { description: 'Identifier of the inbox item.' }) @IsUUID('all', { message: 'must be an inbox item id' }) id!: string;
}

@ArgsType()
export class ReplyTemplatesArgs {
  @Field(() => String, { nullable: true, description: 'A network id: the templates of the rule that applies to it.' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'must be a network id' })
  network?: string;
  @Field(() => CommentSeverityEnum, { nullable: true, description: 'Only the templates for this severity.' })
  @IsOptional()
  @IsIn(COMMENT_SEVERITIES as unknown as string[], { message: 'must be LOW, NORMAL, HIGH or CRISIS' })
  severity?: string;
}

@InputType({ description: 'The item and the member who handles it.' })
export class AssignInboxItemInput {
  @Field(() => ID, { description: 'Identifier of the inbox item.' }) @IsUUID('all', { message: 'must be an inbox item id' }) id!: string;
  @Field(() => ID, { description: 'A member of the organization.' }) @IsUUID('all', { message: 'must be a user id' }) assigneeId!: string;
}

@InputType({ description: 'An internal note on an inbox item.' })
export class AddInboxNoteInput {
  @Field(() => ID, { description: 'Identifier of the inbox item.' })
  @IsUUID('all', { message: 'must be an inbox item id' })
  itemId!: string;
  @Field(() => String, { description: 'The note, 1 to 10,000 characters.' })
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(10_000)
  text!: string;
}

@InputType({ description: 'The answer to send to the network.' })
export class ReplyToInboxItemInput {
  @Field(() => ID, { description: 'Identifier of the inbox item.' })
  @IsUUID('all', { message: 'must be an inbox item id' })
  itemId!: string;
  @Field(() => String, { description: 'The answer, checked against the network’s limits.' })
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(10_000)
  text!: string;
}

@InputType({ description: 'The item with nothing to answer.' })
export class DismissInboxItemInput {
  @Field(() => ID, { description: 'Identifier of the inbox item.' }) @IsUUID('all', { message: 'must be an inbox item id' }) id!: string;
  @Field(() => String, { nullable: true, description: 'Why, for the team and the audit log (1 to 2,000 characters).' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;
}

@InputType({ description: 'The item to hand over, and to whom.' })
export class EscalateInboxItemInput {
  @Field(() => ID, { description: 'Identifier of the inbox item.' }) @IsUUID('all', { message: 'must be an inbox item id' }) id!: string;
  @Field(() => OrganizationRoleEnum, { nullable: true, description: 'To whom; the responsible role of the item’s rule by default.' })
  @IsOptional()
  @IsEnum(OrganizationRoleEnum)
  role?: OrganizationRoleEnum;
  @Field(() => String, { nullable: true, description: 'Why, for the team and the audit log (1 to 2,000 characters).' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;
}

@InputType({ description: 'The item’s new severity.' })
export class SetInboxItemSeverityInput {
  @Field(() => ID, { description: 'Identifier of the inbox item.' }) @IsUUID('all', { message: 'must be an inbox item id' }) id!: string;
  @Field(() => CommentSeverityEnum, { description: 'The severity to set.' })
  @IsIn(COMMENT_SEVERITIES as unknown as string[], { message: 'must be LOW, NORMAL, HIGH or CRISIS' })
  severity!: string;
  @Field(() => Int, { description: 'The item’s version as read: a change made meanwhile is refused (CONFLICT INBOX_ITEM_CHANGED).' })
  @IsInt({ message: 'must be the item’s version' })
  @Min(1, { message: 'must be the item’s version' })
  @Max(2_147_483_647, { message: 'must be the item’s version' })
  version!: number;
}

export function toInboxItemObject(item: InboxItem): InboxItemObject {
  return {
    ...item,
    kind: item.kind as InboxItemKindEnum,
    status: item.status as InboxStatusEnum,
    responsibleRole: item.responsibleRole as OrganizationRoleEnum,
    escalatedTo: item.escalatedTo as OrganizationRoleEnum | null,
    overdue: ['NEW', 'ASSIGNED', 'ESCALATED'].includes(item.status) && item.dueAt.getTime() < Date.now(),
  };
}

export function toInboxNoteObject(note: InboxNote): InboxNoteObject {
  return { id: note.id, text: note.text, authorId: note.authorId, createdAt: note.createdAt };
}

export function toInboxReplyObject(reply: InboxReply): InboxReplyObject {
  return {
    id: reply.id,
    text: reply.text,
    status: reply.status,
    attempts: reply.attempts,
    externalId: reply.externalId,
    externalUrl: reply.externalUrl,
    error: reply.error,
    createdBy: reply.createdBy,
    createdAt: reply.createdAt,
    sentAt: reply.sentAt,
  };
}

export enum InboxItemChangeEnum {
  CREATED = 'CREATED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  ASSIGNED = 'ASSIGNED',
  SEVERITY_CHANGED = 'SEVERITY_CHANGED',
}
registerEnumType(InboxItemChangeEnum, {
  name: 'InboxItemChange',
  description:
    'CREATED (a new comment or mention came in); STATUS_CHANGED (answered, dismissed, escalated, reopened); ASSIGNED (someone took it); ' +
    'SEVERITY_CHANGED (set by hand).',
  valuesMap: {
    CREATED: { description: 'A new comment or mention came in.' },
    STATUS_CHANGED: { description: 'It was answered, dismissed, escalated or reopened.' },
    ASSIGNED: { description: 'Someone took it, or it was handed to someone else.' },
    SEVERITY_CHANGED: { description: 'A member set its severity by hand.' },
  },
});

@ObjectType('InboxItemEvent', {
  description:
    'A change of an inbox item, as it was committed: its id and the fields that change. Read the item itself (inboxItem) for its text and the rest.',
})
export class InboxItemEventObject {
  @Field(() => InboxItemChangeEnum, { description: 'What happened to the item.' }) change!: InboxItemChangeEnum;
  @Field(() => ID, { description: 'The inbox item’s id.' }) itemId!: string;
  @Field(() => ID, { description: 'The client organisation of the item.' }) organizationId!: string;
  @Field(() => InboxItemKindEnum, { description: 'A comment on one of our posts, or a mention.' }) kind!: InboxItemKindEnum;
  @Field(() => String, { description: 'The network it came from.' }) source!: string;
  @Field(() => InboxStatusEnum, { description: 'Its status after this change.' }) status!: InboxStatusEnum;
  @Field(() => CommentSeverityEnum, { description: 'Its severity after this change.' }) severity!: string;
  @Field(() => ID, { nullable: true, description: 'The user id of the member it is assigned to; null when nobody.' })
  assigneeId!: string | null;
  @Field(() => DateTimeScalar, { description: 'When an answer is due by the comment-handling rules (UTC).' }) dueAt!: Date;
  @Field(() => Int, { description: 'The item’s version after this change.' }) version!: number;
  @Field(() => DateTimeScalar, { description: 'When the change was committed.' }) occurredAt!: Date;
}

/** What a live event of the inbox item topic says, as the subscription answers it. */
export function toInboxItemEventObject(event: LiveEvent): InboxItemEventObject {
  const f = event.fields;
  return {
    change: event.change as InboxItemChangeEnum,
    itemId: event.id,
    organizationId: event.organizationId,
    kind: f.kind as InboxItemKindEnum,
    source: String(f.source),
    status: f.status as InboxStatusEnum,
    severity: String(f.severity),
    assigneeId: typeof f.assigneeId === 'string' ? f.assigneeId : null,
    dueAt: new Date(String(f.dueAt)),
    version: Number(f.version),
    occurredAt: new Date(event.occurredAt),
  };
}
