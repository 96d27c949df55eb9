import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsDate, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ConnectionType, DateTimeScalar, derivedId, PageArgs } from '@socle/platform-graphql';
import type { LiveEvent } from '@socle/platform-queue';
import type { CrisisPauseState } from './publishing.service';
import type { PublicationAttemptEntity, PublicationEntity, PublicationUpload } from './publication.entity';

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
  valuesMap: {
    SCHEDULED: { description: 'Waiting for its due time.' },
    HELD: { description: 'Held by the crisis pause; released when publishing resumes.' },
    PUBLISHING: { description: 'Being sent to the network by a worker.' },
    PUBLISHED: { description: 'The post is out; externalId and externalUrl name it.' },
    FAILED: { description: 'Failed for good (see lastError); retryPublication tries again.' },
    CANCELLED: { description: 'Will not be published: unscheduled, or its item left the schedule.' },
    NEEDS_REAUTH: { description: 'The network refused the account’s credentials: reconnect the account, then retryPublication.' },
  },
});

@ObjectType('PublicationAttempt', { description: 'One attempt to publish: what happened, never the network’s answer nor a secret.' })
export class PublicationAttemptObject {
  @Field(() => ID, { description: 'Identifier of the attempt: stable, the same wherever the attempt is read.' }) id!: string;
  @Field(() => Int, { description: 'The attempt’s number, from 1.' }) number!: number;
  @Field(() => DateTimeScalar, { description: 'When the attempt started (UTC).' }) startedAt!: Date;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the attempt ended (UTC); null while it runs or when its worker stopped.',
  })
  finishedAt!: Date | null;
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
  @Field(() => String, { nullable: true, description: 'What went wrong, in plain words; null on success.' }) message!: string | null;
}

@ObjectType('Publication', { description: 'One variant of a content item to one network account.' })
export class PublicationObject {
  @Field(() => ID, { description: 'Identifier of the publication.' }) id!: string;
  @Field(() => ID, { description: 'The content item published.' }) itemId!: string;
  @Field(() => ID, { nullable: true, description: 'Null once the variant was removed.' }) variantId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Null once the account was disconnected.' }) networkAccountId!: string | null;
  @Field(() => String, { description: 'The network, in lower case (for example mastodon).' }) network!: string;
  @Field(() => DateTimeScalar, { description: 'When it is due to be published (UTC).' }) dueAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When it is tried next (after dueAt following a retryable failure).' })
  nextAttemptAt!: Date;
  @Field(() => PublicationStatusEnum, { description: 'Where the publication stands.' }) status!: PublicationStatusEnum;
  @Field(() => Int, { description: 'How many attempts were made so far.' }) attempts!: number;
  @Field(() => String, { nullable: true, description: 'The post’s id at the network, once published; null before.' }) externalId!:
    string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The post’s public address at the network, when the network gives one; null before publication.',
  })
  externalUrl!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the network accepted the post (UTC); null before.' })
  publishedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the post was deleted at the network.' }) deletedAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description: 'Kind of the last failure (AUTH_EXPIRED, RATE_LIMITED, REJECTED, TRANSIENT, UNKNOWN, ACCOUNT).',
  })
  lastErrorKind!: string | null;
  @Field(() => String, { nullable: true, description: 'The reason of the last failure (for REJECTED, the network’s own reason).' })
  lastError!: string | null;
  @Field(() => PublicationUploadObject, {
    nullable: true,
    description:
      'How far the media upload of the attempt under way (or of the last attempt) got, when its connector reports it; null before any report and for networks that take media whole.',
  })
  upload!: PublicationUploadObject | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'The long form’s publication this one waits for (a press release’s short form): it goes out once that one is PUBLISHED, linking to its address; null for a publication that waits for nothing.',
  })
  waitsFor!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the publication was scheduled (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When the publication last changed (UTC).' }) updatedAt!: Date;
}

export const PublicationConnection = ConnectionType(PublicationObject, 'Publication');

@ObjectType('PublicationUpload', {
  description:
    'How far the media upload of a publication got, as its network confirmed it (chunked and resumable uploads: X, YouTube, LinkedIn and Facebook video). ' +
    'Bytes are counted over all its attachments; reported at most about once a second while it is sent.',
})
export class PublicationUploadObject {
  @Field(() => Int, { description: 'The attachment being sent (1 for the first).' }) attachment!: number;
  @Field(() => Int, { description: 'How many attachments the publication sends.' }) attachments!: number;
  @Field(() => Float, { description: 'Bytes the network confirmed so far, over all attachments.' }) sentBytes!: number;
  @Field(() => Float, { description: 'Bytes of all its attachments.' }) totalBytes!: number;
  @Field(() => Float, { description: 'sentBytes over totalBytes, 0 to 100, rounded to one decimal.' }) percent!: number;
  @Field(() => DateTimeScalar, { description: 'When the network last confirmed a part.' }) updatedAt!: Date;
}

export function toPublicationUploadObject(upload: PublicationUpload | null): PublicationUploadObject | null {
  if (!upload) return null;
  const percent = upload.totalBytes > 0 ? Math.round((1000 * upload.sentBytes) / upload.totalBytes) / 10 : 100;
  return {
    attachment: upload.media + 1,
    attachments: upload.mediaCount,
    sentBytes: upload.sentBytes,
    totalBytes: upload.totalBytes,
    percent: Math.min(100, Math.max(0, percent)),
    updatedAt: new Date(upload.at),
  };
}

@ObjectType('CrisisPause', { description: 'The crisis pause: while active, nothing of the organization is published.' })
export class CrisisPauseObject {
  @Field(() => ID, {
    description: "Id of the organization's crisis pause: opaque and stable, one per organization, whether on or off.",
  })
  id!: string;
  @Field(() => Boolean, { description: 'True while publishing is paused.' }) active!: boolean;
  @Field(() => String, { nullable: true, description: 'Why publishing was paused (the latest pause); null if it never was.' }) reason!:
    string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'User id of who started the latest pause; null if it never was, or when started with an API key.',
  })
  pausedBy!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the latest pause started (UTC); null if it never was.' })
  pausedAt!: Date | null;
  @Field(() => ID, {
    nullable: true,
    description: 'User id of who ended the latest pause; null while it is on, or when not ended by a person.',
  })
  resumedBy!: string | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the latest pause ended (UTC); null while it is on or if there never was one.',
  })
  resumedAt!: Date | null;
  @Field(() => [PublicationObject], { description: 'What the pause holds (first 100, soonest first).' }) held!: PublicationObject[];
  @Field(() => [PublicationObject], { description: 'Being sent right now: the pause cannot stop these.' }) publishing!: PublicationObject[];
}

@ObjectType('ResumeAfterCrisisPausePayload', { description: 'The result of resumeAfterCrisisPause.' })
export class ResumeAfterCrisisPausePayload {
  @Field(() => [PublicationObject], { description: 'The publications released.' }) released!: PublicationObject[];
  @Field(() => CrisisPauseObject, { description: 'The pause, now off.' }) crisisPause!: CrisisPauseObject;
}

@InputType({ description: 'What to schedule and when.' })
export class ScheduleContentItemInput {
  @Field(() => ID, { description: 'The content item, in status APPROVED.' })
  @IsUUID('all', { message: 'must be a content item id' })
  itemId!: string;
  @Field(() => DateTimeScalar, { description: 'When to publish (in the future).' })
  @IsDate({ message: 'must be a date and time' })
  dueAt!: Date;
  @Field(() => [ID], { nullable: true, description: 'The accounts to publish to (each must have a variant); every variant when omitted.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'must be network account ids' })
  accountIds?: string[];
}

@InputType({ description: 'The content item to unschedule.' })
export class UnscheduleContentItemInput {
  @Field(() => ID, { description: 'The content item, in status SCHEDULED.' })
  @IsUUID('all', { message: 'must be a content item id' })
  itemId!: string;
}

@InputType({ description: 'The content item to move, and its new time.' })
export class RescheduleContentItemInput {
  @Field(() => ID, { description: 'The content item, in status SCHEDULED.' })
  @IsUUID('all', { message: 'must be a content item id' })
  itemId!: string;
  @Field(() => DateTimeScalar, { description: 'The new due time: in the future and at most two years ahead.' })
  @IsDate({ message: 'must be a date and time' })
  dueAt!: Date;
}

@InputType({ description: 'A publication, by id.' })
export class PublicationIdInput {
  @Field(() => ID, { description: 'Identifier of the publication.' }) @IsUUID('all', { message: 'must be a publication id' }) id!: string;
}

@InputType({ description: 'Turns the crisis pause on or off.' })
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

@InputType({ description: 'How to release what the pause held.' })
export class ResumeAfterCrisisPauseInput {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Publications whose time passed during the pause go out then (else at once).',
  })
  @IsOptional()
  @IsDate({ message: 'must be a date and time' })
  rescheduleOverdueTo?: Date;
}

@ArgsType()
export class PublicationPageArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only the publications of this content item.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a content item id' })
  itemId?: string;
  @Field(() => PublicationStatusEnum, { nullable: true, description: 'Only publications in this status.' })
  @IsOptional()
  @IsEnum(PublicationStatusEnum)
  status?: PublicationStatusEnum;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Due at or after.' }) @IsOptional() @IsDate() from?: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Due before.' }) @IsOptional() @IsDate() to?: Date;
}

@ArgsType()
export class PublicationArgs {
  @Field(() => ID, { description: 'Identifier of the publication.' }) @IsUUID('all', { message: 'must be a publication id' }) id!: string;
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
    upload: toPublicationUploadObject(p.upload),
    waitsFor: p.waitsFor,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export function toAttemptObject(a: PublicationAttemptEntity): PublicationAttemptObject {
  return {
    id: a.id,
    number: a.number,
    startedAt: a.startedAt,
    finishedAt: a.finishedAt,
    outcome: a.outcome,
    errorKind: a.errorKind,
    message: a.message,
  };
}

export function toCrisisPauseObject(organizationId: string, state: CrisisPauseState): CrisisPauseObject {
  const p = state.pause;
  return {
    id: derivedId('CrisisPause', organizationId),
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

export enum PublicationChangeEnum {
  CREATED = 'CREATED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  DELETED = 'DELETED',
  UPLOAD_PROGRESS = 'UPLOAD_PROGRESS',
}
registerEnumType(PublicationChangeEnum, {
  name: 'PublicationChange',
  description:
    'CREATED (scheduled or held); STATUS_CHANGED (see status); DELETED (its post was deleted at the network); UPLOAD_PROGRESS (see sentBytes).',
  valuesMap: {
    CREATED: { description: 'The publication was scheduled or held.' },
    STATUS_CHANGED: { description: 'Its status moved (see status).' },
    DELETED: { description: 'Its post was deleted at the network.' },
    UPLOAD_PROGRESS: { description: 'Its media upload went further (see sentBytes and totalBytes); at most about once a second.' },
  },
});

@ObjectType('PublicationEvent', {
  description:
    'A change of a publication, as it was committed: its id and the fields that change. Read the publication itself (publication) for the rest.',
})
export class PublicationEventObject {
  @Field(() => PublicationChangeEnum, { description: 'What happened to the publication.' }) change!: PublicationChangeEnum;
  @Field(() => ID, { description: 'The publication’s id.' }) publicationId!: string;
  @Field(() => ID, { description: 'The client organisation of the publication.' }) organizationId!: string;
  @Field(() => ID, { description: 'The content item it publishes.' }) itemId!: string;
  @Field(() => String, { description: 'The network (connector id), e.g. mastodon.' }) network!: string;
  @Field(() => PublicationStatusEnum, { description: 'Its status after this change.' }) status!: PublicationStatusEnum;
  @Field(() => String, { nullable: true, description: 'The post at the network, once published.' }) externalUrl!: string | null;
  @Field(() => String, { nullable: true, description: 'Kind of the last failure, when the status says it failed.' })
  lastErrorKind!: string | null;
  @Field(() => Float, { nullable: true, description: 'UPLOAD_PROGRESS: bytes of its media the network confirmed so far.' })
  sentBytes!: number | null;
  @Field(() => Float, { nullable: true, description: 'UPLOAD_PROGRESS: bytes of all its media.' }) totalBytes!: number | null;
  @Field(() => DateTimeScalar, { description: 'When the change was committed.' }) occurredAt!: Date;
}

@ArgsType()
export class PublicationChangedArgs {
  @Field(() => ID, { nullable: true, description: 'Only the publications of this content item.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a content item id' })
  itemId?: string;
}

/** What a live event of the publication topic says, as the subscription answers it. */
export function toPublicationEventObject(event: LiveEvent): PublicationEventObject {
  const f = event.fields;
  return {
    change: event.change as PublicationChangeEnum,
    publicationId: event.id,
    organizationId: event.organizationId,
    itemId: String(f.itemId),
    network: String(f.network),
    status: f.status as PublicationStatusEnum,
    externalUrl: typeof f.externalUrl === 'string' ? f.externalUrl : null,
    lastErrorKind: typeof f.lastErrorKind === 'string' ? f.lastErrorKind : null,
    sentBytes: typeof f.sentBytes === 'number' ? f.sentBytes : null,
    totalBytes: typeof f.totalBytes === 'number' ? f.totalBytes : null,
    occurredAt: new Date(event.occurredAt),
  };
}
