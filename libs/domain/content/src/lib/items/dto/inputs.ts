import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayUnique, IsEnum, IsOptional, IsString, IsUrl, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { PageArgs } from '@socle/platform-graphql';
import { ContentSourceEnum, ContentStatusEnum, ContentTriageDecisionEnum } from './objects';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };
const PLANNED_FOR =
  'When it is planned for in the calendar: an ISO 8601 date-time with its offset (2026-10-01T08:00:00Z), checked strictly (no 30 February).';

/** Longest text of one variant (the longest network allows far less; the check reports the network's limit). */
export const VARIANT_TEXT_MAX = 100_000;

@ArgsType()
export class ContentItemIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'must be a content item id' }) id!: string;
}

@ArgsType()
export class ContentItemPageArgs extends PageArgs {
  @Field(() => ContentStatusEnum, { nullable: true, description: 'Only items in this status.' })
  @IsOptional()
  @IsEnum(ContentStatusEnum)
  status?: ContentStatusEnum;
  @Field(() => ContentSourceEnum, { nullable: true, description: 'Only items from this source.' })
  @IsOptional()
  @IsEnum(ContentSourceEnum)
  source?: ContentSourceEnum;
}

@InputType()
export class CreateContentItemInput {
  @Field(() => String) @IsString() @MinLength(1) @MaxLength(200) title!: string;
  @Field(() => String, { nullable: true, description: 'What the content is about and for whom (at most 10,000 characters).' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  brief?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(100) theme?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(100) campaign?: string;
  @Field(() => ID, { nullable: true, description: 'An objective of the organization’s strategy.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an objective id' })
  objectiveId?: string;
  @Field(() => ID, { nullable: true, description: 'An audience segment of the organization.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an audience segment id' })
  segmentId?: string;
  @Field(() => ID, { nullable: true, description: 'A network plan of the organization.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a network plan id' })
  networkPlanId?: string;
  @Field(() => String, { nullable: true, description: PLANNED_FOR })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  plannedFor?: string;
}

@InputType({
  description:
    'Fields left out are kept; null clears an optional one. Editing an item in review, approved, scheduled or failed sends it back to DRAFT.',
})
export class UpdateContentItemInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a content item id' }) id!: string;
  @Field(() => String, { nullable: true }) @ValidateIf((_, v) => v !== undefined) @IsString() @MinLength(1) @MaxLength(200) title?: string;
  @Field(() => String, { nullable: true }) @ValidateIf((_, v) => v !== undefined) @IsString() @MaxLength(10000) brief?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(100) theme?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(100) campaign?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be an objective id' }) objectiveId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be an audience segment id' }) segmentId?:
    string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be a network plan id' }) networkPlanId?: string | null;
  @Field(() => String, { nullable: true, description: PLANNED_FOR }) @IsOptional() @IsString() @MaxLength(40) plannedFor?: string | null;
}

@InputType({ description: 'The variant of an item for one network account: created, or replaced when the item has one for that account.' })
export class SetContentVariantInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a content item id' }) itemId!: string;
  @Field(() => ID, { description: 'A network account of the organization (see networkAccounts).' })
  @IsUUID('all', { message: 'must be a network account id' })
  networkAccountId!: string;
  @Field(() => String) @IsString() @MaxLength(VARIANT_TEXT_MAX) text!: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'must be an http(s) URL' })
  @MaxLength(2000)
  linkUrl?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Media library assets, in order (at most 20).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'must not list an asset twice' })
  @IsUUID('all', { each: true, message: 'must be media asset ids' })
  mediaIds?: string[];
}

@InputType()
export class RemoveContentVariantInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a content variant id' }) id!: string;
}

@InputType()
export class ContentItemInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a content item id' }) id!: string;
}

@InputType()
export class CancelContentItemInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a content item id' }) id!: string;
  @Field(() => String, { nullable: true, description: 'Why, for the audit log.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;
}

@InputType()
export class SuggestContentIdeaInput {
  @Field(() => String) @IsString() @MinLength(1) @MaxLength(200) title!: string;
  @Field(() => String, { nullable: true, description: 'The idea in a few lines (at most 10,000 characters).' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  brief?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(100) theme?: string;
}

@InputType()
export class TriageContentIdeaInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a content item id' }) id!: string;
  @Field(() => ContentTriageDecisionEnum) @IsEnum(ContentTriageDecisionEnum) decision!: ContentTriageDecisionEnum;
  @Field(() => String, { nullable: true, description: 'Required to decline: the suggester reads it.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;
}
