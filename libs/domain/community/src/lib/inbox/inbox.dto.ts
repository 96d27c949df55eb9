import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { OrganizationRoleEnum } from '@socle/accounts';
import { ConnectionType, PageArgs } from '@socle/platform-graphql';
import { COMMENT_SEVERITIES } from '@socle/policies';
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
});

export enum InboxItemKindEnum {
  COMMENT = 'COMMENT',
  MENTION = 'MENTION',
}
registerEnumType(InboxItemKindEnum, {
  name: 'InboxItemKind',
  description: 'COMMENT (on one of our posts) or MENTION (of one of our accounts).',
});

@ObjectType('InboxNote', { description: 'An internal note on an inbox item (never sent to the network).' })
export class InboxNoteObject {
  @Field(() => ID) id!: string;
  @Field(() => String) text!: string;
  @Field(() => ID, { nullable: true }) authorId!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType('InboxReply', { description: 'A reply sent (or being sent) to the network.' })
export class InboxReplyObject {
  @Field(() => ID) id!: string;
  @Field(() => String) text!: string;
  @Field(() => String, {
    description: 'PENDING (being sent; sent again by the worker after a passing failure, never twice), SENT, FAILED (see error).',
  })
  status!: string;
  @Field(() => Int) attempts!: number;
  @Field(() => String, { nullable: true }) externalId!: string | null;
  @Field(() => String, { nullable: true }) externalUrl!: string | null;
  @Field(() => String, { nullable: true, description: 'What failed last, never the network’s answer nor a secret.' }) error!: string | null;
  @Field(() => ID, { nullable: true }) createdBy!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) sentAt!: Date | null;
}

@ObjectType('InboxItem', {
  description: 'A comment on one of our publications, or a mention, to answer within the comment-handling rules’ delay.',
})
export class InboxItemObject {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'The network (connector id).' }) source!: string;
  @Field(() => ID, { nullable: true, description: 'The account it came to; null once disconnected.' }) networkAccountId!: string | null;
  @Field(() => String) externalId!: string;
  @Field(() => InboxItemKindEnum) kind!: InboxItemKindEnum;
  @Field(() => String, { nullable: true, description: 'The external post it answers.' }) parentExternalId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Our publication it comments on.' }) publicationId!: string | null;
  @Field(() => String) authorHandle!: string;
  @Field(() => String, { nullable: true }) authorName!: string | null;
  @Field(() => String) text!: string;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => GraphQLISODateTime) receivedAt!: Date;
  @Field(() => String, {
    description:
      'LOW, NORMAL, HIGH or CRISIS (the comment-handling rules’ severities): classified on arrival, or set by a member (setInboxItemSeverity).',
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
  @Field(() => GraphQLISODateTime, { nullable: true }) severitySetAt!: Date | null;
  @Field(() => InboxStatusEnum) status!: InboxStatusEnum;
  @Field(() => ID, { nullable: true }) assigneeId!: string | null;
  @Field(() => GraphQLISODateTime, { description: 'When the first answer is due (the organisation’s comment-handling rules).' })
  dueAt!: Date;
  @Field(() => Boolean, { description: 'Still open (NEW, ASSIGNED, ESCALATED) and past dueAt.' }) overdue!: boolean;
  @Field(() => OrganizationRoleEnum, { description: 'Who answers, by the rule that applied.' }) responsibleRole!: OrganizationRoleEnum;
  @Field(() => GraphQLISODateTime, { nullable: true }) firstResponseAt!: Date | null;
  @Field(() => ID, { nullable: true }) answeredBy!: string | null;
  @Field(() => OrganizationRoleEnum, { nullable: true }) escalatedTo!: OrganizationRoleEnum | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) escalatedAt!: Date | null;
  @Field(() => Int, { description: 'Bumped on every change.' }) version!: number;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

export const InboxItemConnection = ConnectionType(InboxItemObject, 'InboxItem');

@ObjectType('InboxReplyTemplate', { description: 'A reply template of the organisation’s comment-handling rules.' })
export class InboxReplyTemplateObject {
  @Field(() => String, { description: 'The rule’s channel: a network id or "*".' }) channel!: string;
  @Field(() => String) severity!: string;
  @Field(() => String) language!: string;
  @Field(() => String) text!: string;
}

@ArgsType()
export class InboxPageArgs extends PageArgs {
  @Field(() => InboxStatusEnum, { nullable: true }) @IsOptional() @IsEnum(InboxStatusEnum) status?: InboxStatusEnum;
  @Field(() => String, { nullable: true, description: 'Only items of this severity: LOW, NORMAL, HIGH or CRISIS.' })
  @IsOptional()
  @IsIn(COMMENT_SEVERITIES as unknown as string[], { message: 'must be LOW, NORMAL, HIGH or CRISIS' })
  severity?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be a user id' }) assigneeId?: string;
  @Field(() => Boolean, { nullable: true, description: 'Only open items past due (true), or only the others (false).' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
}

@ArgsType()
export class InboxItemArgs {
  @Field(() => ID) @IsUUID('all', { message: 'must be an inbox item id' }) id!: string;
}

@ArgsType()
export class ReplyTemplatesArgs {
  @Field(() => String, { nullable: true, description: 'A network id: the templates of the rule that applies to it.' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'must be a network id' })
  network?: string;
  @Field(() => String, { nullable: true, description: 'LOW, NORMAL, HIGH or CRISIS.' })
  @IsOptional()
  @IsIn(COMMENT_SEVERITIES as unknown as string[], { message: 'must be LOW, NORMAL, HIGH or CRISIS' })
  severity?: string;
}

@InputType()
export class AssignInboxItemInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an inbox item id' }) id!: string;
  @Field(() => ID, { description: 'A member of the organization.' }) @IsUUID('all', { message: 'must be a user id' }) assigneeId!: string;
}

@InputType()
export class AddInboxNoteInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an inbox item id' }) itemId!: string;
  @Field(() => String) @IsString() @MinLength(1, { message: 'must not be empty' }) @MaxLength(10_000) text!: string;
}

@InputType()
export class ReplyToInboxItemInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an inbox item id' }) itemId!: string;
  @Field(() => String, { description: 'The answer, checked against the network’s limits.' })
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(10_000)
  text!: string;
}

@InputType()
export class DismissInboxItemInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an inbox item id' }) id!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(2000) reason?: string;
}

@InputType()
export class EscalateInboxItemInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an inbox item id' }) id!: string;
  @Field(() => OrganizationRoleEnum, { nullable: true, description: 'To whom; the responsible role of the item’s rule by default.' })
  @IsOptional()
  @IsEnum(OrganizationRoleEnum)
  role?: OrganizationRoleEnum;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(2000) reason?: string;
}

@InputType()
export class SetInboxItemSeverityInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an inbox item id' }) id!: string;
  @Field(() => String, { description: 'LOW, NORMAL, HIGH or CRISIS.' })
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
