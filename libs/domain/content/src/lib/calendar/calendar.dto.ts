import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '@socle/platform-graphql';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ContentStatusEnum } from '../items/dto/objects';
import { PublicationStatusEnum } from '../publishing/publishing.dto';

@InputType({ description: 'What a calendar shows: a range of at most 92 days, optionally narrowed.' })
export class ContentCalendarInput {
  @Field(() => DateTimeScalar, { description: 'Start of the range (included).' }) @IsDate() from!: Date;
  @Field(() => DateTimeScalar, { description: 'End of the range (excluded).' }) @IsDate() to!: Date;
  @Field(() => [String], { nullable: true, description: 'Only these networks (connector ids such as mastodon).' })
  @IsOptional()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^[a-z0-9-]{1,40}$/, { each: true, message: 'each network must be a connector id' })
  networks?: string[];
  @Field(() => [ContentStatusEnum], { nullable: true, description: 'Only items in these statuses.' })
  @IsOptional()
  @ArrayMaxSize(9)
  @ArrayUnique()
  @IsEnum(ContentStatusEnum, { each: true })
  statuses?: ContentStatusEnum[];
  @Field(() => String, { nullable: true, description: 'Only items of this campaign (exact match), 1 to 100 characters.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  campaign?: string;
  @Field(() => String, { nullable: true, description: 'Only items of this theme (exact match), 1 to 100 characters.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  theme?: string;
}

@InputType({ description: 'The agency calendar: every client organisation the caller sees, or the ones named.' })
export class AgencyContentCalendarInput extends ContentCalendarInput {
  @Field(() => [ID], { nullable: true, description: 'Only these client organisations (among those the caller sees).' })
  @IsOptional()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'each organization id must be a UUID' })
  organizationIds?: string[];
}

@ArgsType()
export class PublishingFrequencyArgs {
  @Field(() => Int, {
    defaultValue: 8,
    description: 'Whole weeks looked back at (1 to 52), weeks starting on Monday in the organisation’s time zone.',
  })
  @IsInt()
  @Min(1)
  @Max(52)
  weeks!: number;
}

@ObjectType('ContentCalendarEntry', {
  description: 'A line of the calendar: a publication (due, or out), or an item planned for a day with nothing scheduled yet.',
})
export class ContentCalendarEntryObject {
  @Field(() => ID, { description: 'The organization the entry belongs to.' }) organizationId!: string;
  @Field(() => String, { nullable: true, description: 'The client organisation’s name (agency calendar only).' }) organizationName!:
    string | null;
  @Field(() => ID, { description: 'The content item.' }) itemId!: string;
  @Field(() => String, { description: 'The content item’s working title.' }) title!: string;
  @Field(() => ContentStatusEnum, { description: 'The content item’s status.' }) itemStatus!: ContentStatusEnum;
  @Field(() => String, { nullable: true, description: 'The content item’s theme, or null.' }) theme!: string | null;
  @Field(() => String, { nullable: true, description: 'The content item’s campaign, or null.' }) campaign!: string | null;
  @Field(() => DateTimeScalar, { description: 'When it goes out (due time), went out (publication time), or is planned for.' })
  at!: Date;
  @Field(() => String, {
    nullable: true,
    description: 'The publication’s network, in lower case; null for an item with nothing scheduled.',
  })
  network!: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'The publication’s network account; null for an item with nothing scheduled, or once the account was disconnected.',
  })
  networkAccountId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The publication; null for an item with nothing scheduled.' }) publicationId!:
    string | null;
  @Field(() => PublicationStatusEnum, {
    nullable: true,
    description: 'Where the publication stands; null for an item with nothing scheduled.',
  })
  publicationStatus!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The published post’s address at the network; null until published or when the network gives none.',
  })
  externalUrl!: string | null;
}

@ObjectType('ContentCalendar', { description: 'The entries of an editorial calendar over a range.' })
export class ContentCalendarObject {
  @Field(() => [ContentCalendarEntryObject], { description: 'By time, then item.' }) entries!: ContentCalendarEntryObject[];
  @Field(() => Boolean, {
    description: 'True when there were more entries than a calendar answers (2,000): narrow the range or the filters.',
  })
  truncated!: boolean;
}

@ObjectType('WeekCount', { description: 'The posts published in one week.' })
export class WeekCountObject {
  @Field(() => DateTimeScalar, { description: 'Monday 00:00 in the organisation’s time zone.' }) weekStart!: Date;
  @Field(() => Int, { description: 'Posts published that week on the plan’s network.' }) published!: number;
}

@ObjectType('NetworkFrequency', { description: 'A network plan’s planned frequency against the posts actually published, week by week.' })
export class NetworkFrequencyObject {
  @Field(() => ID, { description: 'The network plan.' }) networkPlanId!: string;
  @Field(() => String, { description: 'The plan’s network, in lower case.' }) network!: string;
  @Field(() => Int, { description: 'Posts per week the plan asks for.' }) plannedPerWeek!: number;
  @Field(() => [WeekCountObject], { description: 'Oldest week first.' }) weeks!: WeekCountObject[];
  @Field(() => Float, { description: 'Posts published per week on average over the weeks looked at.' }) averagePerWeek!: number;
  @Field(() => Float, { nullable: true, description: 'Average over planned, capped at 1; null when the plan asks for no post.' })
  attainment!: number | null;
}
