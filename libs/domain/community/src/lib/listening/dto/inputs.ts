import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PageArgs } from '@socle/platform-graphql';
import { ListeningQueryKindEnum } from './objects';

const NETWORK = /^[a-z0-9-]{1,40}$/;
const QUERY_TEXT =
  'The query text (at most 2,000 characters): words, "phrases", prefix*, AND, OR, NOT or -word, parentheses, lang:fr, from:handle, source:mastodon. A query the language refuses is BAD_USER_INPUT on input.query with the position in extensions.';

@ArgsType()
export class ListeningQueryPageArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only active (true) or paused (false) queries.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType({ description: 'A new listening query.' })
export class CreateListeningQueryInput {
  @Field(() => ListeningQueryKindEnum, { description: 'What the query listens for.' })
  @IsEnum(ListeningQueryKindEnum)
  kind!: ListeningQueryKindEnum;
  @Field(() => ID, { nullable: true, description: 'The competitor of the strategy (required for COMPETITOR, refused otherwise).' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a competitor id' })
  competitorId?: string;
  @Field(() => String, {
    description: 'The query’s name, 1 to 100 characters, unique in the organization (CONFLICT, reason LISTENING_QUERY_NAME_TAKEN).',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;
  @Field(() => String, { description: QUERY_TEXT }) @IsString() @MaxLength(2000) query!: string;
  @Field(() => [String], {
    nullable: true,
    description: 'Networks to read (connector names); empty or absent: every connected account that reads mentions.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(NETWORK, { each: true, message: 'must be network names such as mastodon' })
  sources?: string[];
  @Field(() => Boolean, { nullable: true, description: 'Default true.' }) @IsOptional() @IsBoolean() active?: boolean;
}

@InputType({ description: 'Fields left out are kept. A new text or new sources start the query afresh (cursors and errors are dropped).' })
export class UpdateListeningQueryInput {
  @Field(() => ID, { description: 'The listening query to edit.' }) @IsUUID('all', { message: 'must be a listening query id' }) id!: string;
  @Field(() => ListeningQueryKindEnum, { nullable: true, description: 'The new kind; null is refused.' })
  @ValidateIf((_, v) => v !== undefined)
  @IsEnum(ListeningQueryKindEnum)
  kind?: ListeningQueryKindEnum;
  @Field(() => ID, { nullable: true, description: 'null clears it (the kind must then not be COMPETITOR).' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a competitor id' })
  competitorId?: string | null;
  @Field(() => String, { nullable: true, description: 'The new name, 1 to 100 characters, unique in the organization; null is refused.' })
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;
  @Field(() => String, { nullable: true, description: QUERY_TEXT })
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @MaxLength(2000)
  query?: string;
  @Field(() => [String], {
    nullable: true,
    description: 'Networks to read (connector names, at most 20); empty: every connected account that reads mentions. Null is refused.',
  })
  @ValidateIf((_, v) => v !== undefined)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(NETWORK, { each: true, message: 'must be network names such as mastodon' })
  sources?: string[];
  @Field(() => Boolean, { nullable: true, description: 'Pause (false) or resume (true) the query; null is refused.' })
  @ValidateIf((_, v) => v !== undefined)
  @IsBoolean()
  active?: boolean;
}

@InputType({ description: 'A listening query, by id.' })
export class ListeningQueryIdInput {
  @Field(() => ID, { description: 'Identifier of the listening query.' })
  @IsUUID('all', { message: 'must be a listening query id' })
  id!: string;
}

@ArgsType()
export class ListeningQueryCheckArgs {
  @Field(() => String, {
    description:
      'The text to check, in the language of createListeningQuery. Longer than 2,000 characters, or holding NUL or an unpaired surrogate, is BAD_USER_INPUT on query.',
  })
  @IsString()
  @MaxLength(2000)
  query!: string;
}

@ArgsType()
export class MentionIdArgs {
  @Field(() => ID, { description: 'Identifier of the mention.' }) @IsUUID('all', { message: 'must be a mention id' }) id!: string;
}
