import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsDate,
  IsEnum,
  IsBoolean,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  MaxLength,
  Matches,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DateTimeScalar, PageArgs } from '@socle/platform-graphql';
import { ContentSourceEnum, ContentStatusEnum, ContentTriageDecisionEnum } from './objects';

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };
const PLANNED_FOR = 'When it is planned for in the calendar, between the years 2000 and 2199.';

/** Longest text of one variant (the longest network allows far less; the check reports the network's limit). */
export const VARIANT_TEXT_MAX = 100_000;

@ArgsType()
export class ContentItemIdArgs {
  @Field(() => ID, { description: 'Identifier of the content item.' }) @IsUUID('all', { message: 'must be a content item id' }) id!: string;
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

@InputType({
  description:
    'A new content item. Objective, segment and network plan must belong to the organization (NOT_FOUND on the field otherwise).',
})
export class CreateContentItemInput {
  @Field(() => String, { description: 'Working title, 1 to 200 characters, not blank.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;
  @Field(() => String, { nullable: true, description: 'What the content is about and for whom (at most 10,000 characters).' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  brief?: string;
  @Field(() => String, { nullable: true, description: 'Free-form theme, 1 to 100 characters.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  theme?: string;
  @Field(() => String, { nullable: true, description: 'Free-form campaign name, 1 to 100 characters.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  campaign?: string;
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
  @Field(() => DateTimeScalar, { nullable: true, description: PLANNED_FOR }) @IsOptional() @IsDate() plannedFor?: Date;
}

@InputType({
  description:
    'Fields left out are kept; null clears an optional one. Editing an item in review, approved, scheduled or failed sends it back to DRAFT.',
})
export class UpdateContentItemInput {
  @Field(() => ID, { description: 'The content item to edit.' }) @IsUUID('all', { message: 'must be a content item id' }) id!: string;
  @Field(() => String, { nullable: true, description: 'New working title, 1 to 200 characters, not blank. Null is refused.' })
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;
  @Field(() => String, { nullable: true, description: 'New brief, at most 10,000 characters; null or an empty string empties it.' })
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @MaxLength(10000)
  brief?: string;
  @Field(() => String, { nullable: true, description: 'New theme, 1 to 100 characters; null clears it.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  theme?: string | null;
  @Field(() => String, { nullable: true, description: 'New campaign name, 1 to 100 characters; null clears it.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  campaign?: string | null;
  @Field(() => ID, { nullable: true, description: 'An objective of the organization’s strategy; null clears it.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an objective id' })
  objectiveId?: string | null;
  @Field(() => ID, { nullable: true, description: 'An audience segment of the organization; null clears it.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be an audience segment id' })
  segmentId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A network plan of the organization; null clears it.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a network plan id' })
  networkPlanId?: string | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it is planned for in the calendar, between the years 2000 and 2199; null clears it.',
  })
  @IsOptional()
  @IsDate()
  plannedFor?: Date | null;
}

@InputType({ description: 'The variant of an item for one network account: created, or replaced when the item has one for that account.' })
export class SetContentVariantInput {
  @Field(() => ID, { description: 'The content item. It must be editable (not PUBLISHING, PUBLISHED or CANCELLED).' })
  @IsUUID('all', { message: 'must be a content item id' })
  itemId!: string;
  @Field(() => ID, { description: 'A network account of the organization (see networkAccounts).' })
  @IsUUID('all', { message: 'must be a network account id' })
  networkAccountId!: string;
  @Field(() => String, {
    description: 'The text to publish, at most 100,000 characters; the network’s own limit is reported as a finding.',
  })
  @IsString()
  @MaxLength(VARIANT_TEXT_MAX)
  text!: string;
  @Field(() => String, {
    nullable: true,
    description: 'A link to publish with the text: an http or https URL of at most 2,000 characters; null for none.',
  })
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
  @Field(() => [ContentVariantOptionInput], {
    nullable: true,
    description:
      'The network’s own settings for this post (a video’s title, a blog post’s slug): only those its network documents (`Network.options`), each value as text. Replaces the variant’s settings; null or absent keeps none.',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @ArrayUnique((option: ContentVariantOptionInput) => option?.name, { message: 'must not name a setting twice' })
  @ValidateNested({ each: true })
  @Type(() => ContentVariantOptionInput)
  options?: ContentVariantOptionInput[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true makes this variant the item’s long form (a press release’s article, a blog post): once scheduled, the item’s other variants wait until it is published and link to its address. Another variant that was the long form stops being it. false makes it a short form; null or absent keeps its role.',
  })
  @IsOptional()
  @IsBoolean()
  longForm?: boolean | null;
}

@InputType({ description: 'One network-specific setting of a variant, as text (true or false for a yes/no setting, digits for a number).' })
export class ContentVariantOptionInput {
  @Field(() => String, { description: 'The setting’s name, as the network documents it in `Network.options` (for example title).' })
  @IsString()
  @Matches(/^[a-zA-Z][a-zA-Z0-9]{0,39}$/, { message: 'must be a setting name: a letter, then letters or digits' })
  name!: string;
  @Field(() => String, { description: 'Its value, as text; at most 100,000 characters.' })
  @IsString()
  @MaxLength(100_000)
  value!: string;
}

@InputType({ description: 'The variant to remove.' })
export class RemoveContentVariantInput {
  @Field(() => ID, { description: 'Identifier of the variant.' }) @IsUUID('all', { message: 'must be a content variant id' }) id!: string;
}

@InputType({ description: 'A content item, by id.' })
export class ContentItemInput {
  @Field(() => ID, { description: 'Identifier of the content item.' }) @IsUUID('all', { message: 'must be a content item id' }) id!: string;
}

@InputType({ description: 'The content item to cancel.' })
export class CancelContentItemInput {
  @Field(() => ID, { description: 'Identifier of the content item.' }) @IsUUID('all', { message: 'must be a content item id' }) id!: string;
  @Field(() => String, { nullable: true, description: 'Why, for the audit log.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;
}

@InputType({ description: 'An idea for the suggestion box.' })
export class SuggestContentIdeaInput {
  @Field(() => String, { description: 'Working title, 1 to 200 characters, not blank.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;
  @Field(() => String, { nullable: true, description: 'The idea in a few lines (at most 10,000 characters).' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  brief?: string;
  @Field(() => String, { nullable: true, description: 'Free-form theme, 1 to 100 characters.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  theme?: string;
}

@InputType({ description: 'The decision on a suggested idea.' })
export class TriageContentIdeaInput {
  @Field(() => ID, { description: 'The suggested idea (a content item in status IDEA).' })
  @IsUUID('all', { message: 'must be a content item id' })
  id!: string;
  @Field(() => ContentTriageDecisionEnum, { description: 'Accept or decline the idea.' })
  @IsEnum(ContentTriageDecisionEnum)
  decision!: ContentTriageDecisionEnum;
  @Field(() => String, { nullable: true, description: 'Required to decline: the suggester reads it.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason?: string;
}
