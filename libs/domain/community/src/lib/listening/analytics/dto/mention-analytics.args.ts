import { ArgsType, Field, ID, IntersectionType, registerEnumType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { DateTimeScalar, PageArgs } from '@socle/platform-graphql';
import { SentimentLabelEnum } from '../../dto/objects';
import { SEARCH_TEXT_LIMITS } from '../search-text';

const NETWORK = /^[a-z0-9-]{1,40}$/;
/** No control character but tab and line breaks reaches PostgreSQL (a NUL in a text parameter is an error there, not a refusal). */
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const NO_CONTROL = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

export enum VolumeIntervalEnum {
  DAY = 'DAY',
  WEEK = 'WEEK',
}
registerEnumType(VolumeIntervalEnum, {
  name: 'VolumeInterval',
  description: 'A bucket of time in the organization’s time zone: a local day, or an ISO week (Monday to Sunday).',
  valuesMap: {
    DAY: { description: 'One local day, midnight to midnight.' },
    WEEK: { description: 'One ISO week, Monday 00:00 to the next Monday 00:00, local time.' },
  },
});

@ArgsType()
export class MentionFilterArgs {
  @Field(() => DateTimeScalar, { nullable: true, description: 'Published at or after.' }) @IsOptional() @IsDate() from?: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Published before.' }) @IsOptional() @IsDate() to?: Date;
  @Field(() => ID, { nullable: true, description: 'Only mentions this query matched.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a listening query id' })
  queryId?: string;
  @Field(() => String, { nullable: true, description: 'Only this network.' })
  @IsOptional()
  @IsString()
  @Matches(NETWORK, { message: 'must be a network name such as mastodon' })
  source?: string;
  @Field(() => SentimentLabelEnum, { nullable: true, description: 'Only mentions with this tone (unscored mentions are left out).' })
  @IsOptional()
  @IsEnum(SentimentLabelEnum)
  sentiment?: SentimentLabelEnum;
  @Field(() => String, { nullable: true, description: 'BCP 47 tag such as fr (case ignored).' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}$/, { message: 'must be a language tag such as fr' })
  language?: string;
  @Field(() => String, { nullable: true, description: 'Only this author (with or without @; case ignored).' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @Matches(NO_CONTROL, { message: 'must not contain control characters' })
  authorHandle?: string;
  @Field(() => String, {
    nullable: true,
    description: `Words the text must contain, case and accents ignored (French and English): all of them, in any order; "a phrase" in double quotes; words joined by punctuation (l'égalité, vélo-cargo) follow each other; a trailing * makes a prefix (boulang*). At most ${SEARCH_TEXT_LIMITS.maxLength} characters and ${SEARCH_TEXT_LIMITS.maxWords} words.`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(SEARCH_TEXT_LIMITS.maxLength)
  @Matches(NO_CONTROL, { message: 'must not contain control characters' })
  text?: string;
}

@ArgsType()
export class MentionSearchArgs extends IntersectionType(PageArgs, MentionFilterArgs, ArgsType) {}

@ArgsType()
export class MentionVolumeArgs extends MentionFilterArgs {
  @Field(() => VolumeIntervalEnum, { description: 'DAY or WEEK.' })
  @IsEnum(VolumeIntervalEnum, { message: 'must be DAY or WEEK' })
  interval!: VolumeIntervalEnum;
  @Field(() => String, {
    nullable: true,
    description: 'An IANA time zone such as America/Montreal; default the organization’s own (organization.timezone).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;
}

@ArgsType()
export class ShareOfVoiceArgs {
  @Field(() => DateTimeScalar, { description: 'Published at or after.' }) @IsDate() from!: Date;
  @Field(() => DateTimeScalar, { description: 'Published before.' }) @IsDate() to!: Date;
  @Field(() => VolumeIntervalEnum, { nullable: true, description: 'Also per local day or week (buckets); absent: the whole range only.' })
  @IsOptional()
  @IsEnum(VolumeIntervalEnum, { message: 'must be DAY or WEEK' })
  interval?: VolumeIntervalEnum;
  @Field(() => String, { nullable: true, description: 'An IANA time zone for the buckets; default the organization’s own.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;
}
