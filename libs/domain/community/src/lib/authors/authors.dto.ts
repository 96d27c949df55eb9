import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { ConnectionType, DateTimeScalar } from '@socle/platform-graphql';
import { MentionObject } from '../listening/dto/objects';

export enum AuthorTagEnum {
  INFLUENCER = 'INFLUENCER',
  AMBASSADOR = 'AMBASSADOR',
  DETRACTOR = 'DETRACTOR',
}
registerEnumType(AuthorTagEnum, {
  name: 'MentionAuthorTag',
  description: 'What an author is to the brand, as a person decided: a large audience, a supporter, or a recurring critic.',
  valuesMap: {
    INFLUENCER: { description: 'An author with a large audience.' },
    AMBASSADOR: { description: 'A supporter of the brand.' },
    DETRACTOR: { description: 'A recurring critic of the brand.' },
  },
});

export enum SentimentLeaningEnum {
  POSITIVE = 'POSITIVE',
  NEUTRAL = 'NEUTRAL',
  NEGATIVE = 'NEGATIVE',
}
registerEnumType(SentimentLeaningEnum, {
  name: 'SentimentLeaning',
  description:
    'Where an author leans over the window: average sentiment ≥ 0.25 POSITIVE, ≤ -0.25 NEGATIVE, otherwise (or unscored) NEUTRAL.',
  valuesMap: {
    POSITIVE: { description: 'Average sentiment of 0.25 or more.' },
    NEUTRAL: { description: 'Average sentiment between -0.25 and 0.25, or no scored mention.' },
    NEGATIVE: { description: 'Average sentiment of -0.25 or less.' },
  },
});

const NETWORK = /^[a-z0-9-]{1,40}$/;
const WINDOW = 'Default: the last 90 days up to now.';

@ArgsType()
export class MentionAuthorPageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  first?: number;
  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last author of the previous page; it carries the window, so later pages rank over the same one.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  after?: string;
  @Field(() => DateTimeScalar, { nullable: true, description: `Mentions published at or after. ${WINDOW}` })
  @IsOptional()
  @IsDate()
  from?: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: `Mentions published before. ${WINDOW}` })
  @IsOptional()
  @IsDate()
  to?: Date;
  @Field(() => String, { nullable: true, description: 'Only this network.' })
  @IsOptional()
  @IsString()
  @Matches(NETWORK, { message: 'must be a network name such as mastodon' })
  source?: string;
  @Field(() => AuthorTagEnum, { nullable: true, description: 'Only authors with this tag.' })
  @IsOptional()
  @IsEnum(AuthorTagEnum)
  tag?: AuthorTagEnum;
  @Field(() => SentimentLeaningEnum, { nullable: true, description: 'Only authors leaning this way over the window.' })
  @IsOptional()
  @IsEnum(SentimentLeaningEnum)
  leaning?: SentimentLeaningEnum;
  @Field(() => String, { nullable: true, description: 'Handles starting with this (with or without @; case ignored).' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  handlePrefix?: string;
}

@ArgsType()
export class MentionAuthorArgs {
  @Field(() => String, { description: 'The network (connector name).' })
  @IsString()
  @Matches(NETWORK, { message: 'must be a network name such as mastodon' })
  source!: string;
  @Field(() => String, { description: 'The handle, with or without @; case ignored.' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  handle!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: `Figures over mentions published at or after. ${WINDOW}` })
  @IsOptional()
  @IsDate()
  from?: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Figures over mentions published before.' })
  @IsOptional()
  @IsDate()
  to?: Date;
}

@InputType({ description: 'An author, by network and handle, and a tag.' })
export class MentionAuthorTagInput {
  @Field(() => String, { description: 'The author’s network (connector name, such as mastodon).' })
  @IsString()
  @Matches(NETWORK, { message: 'must be a network name such as mastodon' })
  source!: string;
  @Field(() => String, { description: 'With or without @; case ignored.' }) @IsString() @MinLength(1) @MaxLength(500) handle!: string;
  @Field(() => AuthorTagEnum, { description: 'The tag to add or remove.' }) @IsEnum(AuthorTagEnum) tag!: AuthorTagEnum;
}

@InputType({ description: 'An author, by network and handle, and the note to keep on them.' })
export class MentionAuthorNoteInput {
  @Field(() => String, { description: 'The author’s network (connector name, such as mastodon).' })
  @IsString()
  @Matches(NETWORK, { message: 'must be a network name such as mastodon' })
  source!: string;
  @Field(() => String, { description: 'With or without @; case ignored.' }) @IsString() @MinLength(1) @MaxLength(500) handle!: string;
  @Field(() => String, { nullable: true, description: 'At most 2,000 characters; null or blank clears it.' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsString()
  @MaxLength(2000)
  note!: string | null;
}

@ObjectType('MentionAuthor', {
  description:
    'Someone who mentioned the organisation on one network (the handle, case ignored), with figures over a window and the tags people set.',
})
export class MentionAuthorObject {
  @Field(() => ID, { description: 'network:handle (lower case): stable across windows.' }) id!: string;
  @Field(() => String, { description: 'The author’s network (connector name).' }) source!: string;
  @Field(() => String, { description: 'As the newest mention spells it.' }) handle!: string;
  @Field(() => String, { nullable: true, description: 'The newest display name seen.' }) name!: string | null;
  @Field(() => Float, {
    description:
      'Influence 0–100: 100 × (0.5 × min(1, log10(1 + reach)/7) + 0.3 × min(1, log10(1 + mentions)/2) + 0.2 × |averageSentiment|), two decimals.',
  })
  score!: number;
  @Field(() => Int, { description: 'Mentions in the window.' }) mentions!: number;
  @Field(() => Float, { nullable: true, description: 'Mean sentiment (-1 to 1) of the scored mentions; null when none was scored.' })
  averageSentiment!: number | null;
  @Field(() => Int, { description: 'Mentions in the window scored POSITIVE.' }) positive!: number;
  @Field(() => Int, { description: 'Mentions in the window scored NEGATIVE.' }) negative!: number;
  @Field(() => SentimentLeaningEnum, { description: 'Where the author leans over the window.' }) leaning!: SentimentLeaningEnum;
  @Field(() => Int, {
    nullable: true,
    description: 'The audience the network reported last for the author (followers); null when it never said.',
  })
  reach!: number | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the author’s first mention in the window was published (UTC); null when none is.',
  })
  firstSeen!: Date | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the author’s newest mention in the window was published (UTC); null when none is.',
  })
  lastSeen!: Date | null;
  @Field(() => [AuthorTagEnum], { description: 'The tags people set on the author.' }) tags!: AuthorTagEnum[];
  @Field(() => [AuthorTagEnum], { description: 'Tags the figures point to that the author does not have: suggestions, never applied.' })
  suggestedTags!: AuthorTagEnum[];
  @Field(() => String, { nullable: true, description: 'A note people keep on the author, or null.' }) note!: string | null;
  @Field(() => ID, { nullable: true, description: 'Who last changed the tags.' }) taggedBy!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the tags last changed (UTC), or null.' }) taggedAt!: Date | null;
  @Field(() => ID, { nullable: true, description: 'User id of who last set the note, or null.' }) noteBy!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the note was last set (UTC), or null.' }) noteAt!: Date | null;
}

export const MentionAuthorConnection = ConnectionType(MentionAuthorObject, 'MentionAuthor');

@ObjectType('MentionAuthorDetail', { description: 'One author: its figures over the window and its newest mentions, whenever.' })
export class MentionAuthorDetailObject {
  @Field(() => MentionAuthorObject, { description: 'The author and its figures over the window.' }) author!: MentionAuthorObject;
  @Field(() => DateTimeScalar, { description: 'Start of the window (included), UTC.' }) from!: Date;
  @Field(() => DateTimeScalar, { description: 'End of the window (excluded), UTC.' }) to!: Date;
  @Field(() => [MentionObject], { description: 'The 10 newest mentions by the author.' }) recentMentions!: MentionObject[];
}
