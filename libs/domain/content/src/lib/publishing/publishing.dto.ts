import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsDate, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ConnectionType, PageArgs } from '@socle/platform-graphql';
import type { CrisisPauseState } from './publishing.service';
import type { PublicationAttemptEntity, PublicationEntity } from './publication.entity';

export enum PublicationStatusEnum {
  SCHEDULED = 'SCHEDULED',
  HELD = 'HELD',
  PUBLISHING = 'PUBLISHING',
  PUBLISHED = 'PUBLISHED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
  NEEDS_REAUTH = 'NEEDS_REAUTH',
}
registerEnumType(PublicationStatusEnum, {
  name: 'PublicationStatus',
  description:
    'SCHEDULED (waits for dueAt); HELD (crisis pause); PUBLISHING (a worker is sending it); PUBLISHED; FAILED (see lastError; retryPublication); ' +
    'CANCELLED (unscheduled, or its item left the schedule); NEEDS_REAUTH (the network refused the account: reconnect it, then retryPublication).',
});

@ObjectType('PublicationAttempt', { description: 'One attempt to publish: what happened, never the network’s answer nor a secret.' })
export class PublicationAttemptObject {
  @Field(() => Int) number!: number;
  @Field(() => GraphQLISODateTime) startedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) finishedAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description:
      'PUBLISHED, FOUND (an earlier attempt had reached the network), RETRY, RATE_LIMITED, NEEDS_REAUTH, FAILED, ABANDONED (its worker stopped), SKIPPED.',
  })
  outcome!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'AUTH_EXPIRED, RATE_LIMITED, REJECTED, TRANSIENT, UNKNOWN, or ACCOUNT (the account cannot be used).',
  })
  errorKind!: string | null;
  @Field(() => String, { nullable: true }) message!: string | null;
}

@ObjectType('Publication', { description: 'One variant of a content item to one network account.' })
export class PublicationObject {
  @Field(() => ID) id!: string;
  @Field(() => ID) itemId!: string;
  @Field(() => ID, { nullable: true, description: 'Null once the variant was removed.' }) variantId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Null once the account was disconnected.' }) networkAccountId!: string | null;
  @Field(() => String) network!: string;
  @Field(() => GraphQLISODateTime) dueAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When it is tried next (after dueAt following a retryable failure).' })
  nextAttemptAt!: Date;
  @Field(() => PublicationStatusEnum) status!: PublicationStatusEnum;
  @Field(() => Int) attempts!: number;
  @Field(() => String, { nullable: true }) externalId!: string | null;
  @Field(() => String, { nullable: true }) externalUrl!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) publishedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the post was deleted at the network.' }) deletedAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description: 'Kind of the last failure (AUTH_EXPIRED, RATE_LIMITED, REJECTED, TRANSIENT, UNKNOWN, ACCOUNT).',
  })
  lastErrorKind!: string | null;
  @Field(() => String, { nullable: true, description: 'The reason of the last failure (for REJECTED, the network’s own reason).' })
  lastError!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

export const PublicationConnection = ConnectionType(PublicationObject, 'Publication');

@ObjectType('CrisisPause', { description: 'The crisis pause: while active, nothing of the organization is published.' })
export class CrisisPauseObject {
  @Field(() => Boolean) active!: boolean;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => ID, { nullable: true }) pausedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) pausedAt!: Date | null;
  @Field(() => ID, { nullable: true }) resumedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) resumedAt!: Date | null;
  @Field(() => [PublicationObject], { description: 'What the pause holds (first 100, soonest first).' }) held!: PublicationObject[];
  @Field(() => [PublicationObject], { description: 'Being sent right now: the pause cannot stop these.' }) publishing!: PublicationObject[];
}

@ObjectType('ResumeAfterCrisisPausePayload')
export class ResumeAfterCrisisPausePayload {
  @Field(() => [PublicationObject], { description: 'The publications released.' }) released!: PublicationObject[];
  @Field(() => CrisisPauseObject) crisisPause!: CrisisPauseObject;
}

@InputType()
export class ScheduleContentItemInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a content item id' }) itemId!: string;
  @Field(() => GraphQLISODateTime, { description: 'When to publish (in the future).' })
  @IsDate({ message: 'must be a date and time' })
  dueAt!: Date;
  @Field(() => [ID], { nullable: true, description: 'The accounts to publish to (each must have a variant); every variant when omitted.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'must be network account ids' })
  accountIds?: string[];
}

@InputType()
export class UnscheduleContentItemInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a content item id' }) itemId!: string;
}

@InputType()
export class RescheduleContentItemInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a content item id' }) itemId!: string;
  @Field(() => GraphQLISODateTime) @IsDate({ message: 'must be a date and time' }) dueAt!: Date;
}

@InputType()
export class PublicationIdInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a publication id' }) id!: string;
}

@InputType()
export class SetCrisisPauseInput {
  @Field(() => Boolean, {
    description: 'true holds every scheduled publication now; false resumes (as resumeAfterCrisisPause without rescheduling).',
  })
  @IsBoolean()
  on!: boolean;
  @Field(() => String, { nullable: true, description: 'Why (required to pause), kept with who and when.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;
}

@InputType()
export class ResumeAfterCrisisPauseInput {
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Publications whose time passed during the pause go out then (else at once).',
  })
  @IsOptional()
  @IsDate({ message: 'must be a date and time' })
  rescheduleOverdueTo?: Date;
}

@ArgsType()
export class PublicationPageArgs extends PageArgs {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be a content item id' }) itemId?: string;
  @Field(() => PublicationStatusEnum, { nullable: true }) @IsOptional() @IsEnum(PublicationStatusEnum) status?: PublicationStatusEnum;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Due at or after.' }) @IsOptional() @IsDate() from?: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Due before.' }) @IsOptional() @IsDate() to?: Date;
}

@ArgsType()
export class PublicationArgs {
  @Field(() => ID) @IsUUID('all', { message: 'must be a publication id' }) id!: string;
}

export function toPublicationObject(p: PublicationEntity): PublicationObject {
  return {
    id: p.id,
    itemId: p.itemId,
    variantId: p.variantId,
    networkAccountId: p.networkAccountId,
    network: p.network,
    dueAt: p.dueAt,
    nextAttemptAt: p.nextAttemptAt,
    status: p.status as PublicationStatusEnum,
    attempts: p.attempts,
    externalId: p.externalId,
    externalUrl: p.externalUrl,
    publishedAt: p.publishedAt,
    deletedAt: p.deletedAt,
    lastErrorKind: p.lastErrorKind,
    lastError: p.lastError,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export function toAttemptObject(a: PublicationAttemptEntity): PublicationAttemptObject {
  return {
    number: a.number,
    startedAt: a.startedAt,
    finishedAt: a.finishedAt,
    outcome: a.outcome,
    errorKind: a.errorKind,
    message: a.message,
  };
}

export function toCrisisPauseObject(state: CrisisPauseState): CrisisPauseObject {
  const p = state.pause;
  return {
    active: p?.active ?? false,
    reason: p?.reason ?? null,
    pausedBy: p?.pausedBy ?? null,
    pausedAt: p?.pausedAt ?? null,
    resumedBy: p?.resumedBy ?? null,
    resumedAt: p?.resumedAt ?? null,
    held: state.held.map(toPublicationObject),
    publishing: state.publishing.map(toPublicationObject),
  };
}
