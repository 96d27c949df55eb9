import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  AddressFormEnum,
  AudienceUsageEnum,
  KpiFrequencyEnum,
  KpiMeasureEnum,
  ObjectiveKindEnum,
  RitualKindEnum,
  RoadmapStepStatusEnum,
  TaskForceRoleEnum,
} from './enums';

const NOT_BLANK = /\S/;
const NETWORK = /^[a-z0-9-]{1,40}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const blank = { message: 'must not be blank' };
const finite = { allowNaN: false, allowInfinity: false };

// ------------------------------------------------------------------ objectives and KPIs

@InputType()
export class CreateObjectiveInput {
  @Field(() => ObjectiveKindEnum) @IsEnum(ObjectiveKindEnum) kind!: ObjectiveKindEnum;
  @Field(() => String) @IsString() @MaxLength(200) @Matches(NOT_BLANK, blank) title!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) description?: string | null;
  @Field(() => String, { description: 'What is measured, e.g. "monthly revenue" or "followers on Mastodon".' })
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, blank)
  metric!: string;
  @Field(() => Float, { description: 'The value today.' }) @IsNumber(finite) baseline!: number;
  @Field(() => Float, { description: 'The value aimed at; must differ from the baseline.' }) @IsNumber(finite) target!: number;
  @Field(() => String, { nullable: true, description: 'e.g. "%", "EUR", "followers".' }) @IsOptional() @IsString() @MaxLength(40) unit?:
    string | null;
  @Field(() => String, { description: 'YYYY-MM-DD, today or later in the organisation’s time zone.' })
  @IsString()
  @Matches(DATE, { message: 'must be a date written YYYY-MM-DD' })
  deadline!: string;
}

@InputType()
export class UpdateObjectiveInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an objective id' }) id!: string;
  @Field(() => ObjectiveKindEnum, { nullable: true }) @IsOptional() @IsEnum(ObjectiveKindEnum) kind?: ObjectiveKindEnum | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) @Matches(NOT_BLANK, blank) title?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) description?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) @Matches(NOT_BLANK, blank) metric?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber(finite) baseline?: number | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber(finite) target?: number | null;
  @Field(() => String, { nullable: true, description: 'null removes the unit.' }) @IsOptional() @IsString() @MaxLength(40) unit?:
    string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(DATE, { message: 'must be a date written YYYY-MM-DD' })
  deadline?: string | null;
}

@InputType()
export class DeleteObjectiveInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an objective id' }) id!: string;
}

@InputType()
export class CreateKpiInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an objective id' }) objectiveId!: string;
  @Field(() => String) @IsString() @MaxLength(120) @Matches(NOT_BLANK, blank) name!: string;
  @Field(() => String, {
    description: 'A metric key (followers, engagementRate, mentions, shareOfVoice, firstResponseTime, socialTraffic…) or a formula.',
  })
  @IsString()
  @MaxLength(500)
  @Matches(NOT_BLANK, blank)
  metric!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(40) unit?: string | null;
  @Field(() => Float) @IsNumber(finite) target!: number;
  @Field(() => KpiFrequencyEnum) @IsEnum(KpiFrequencyEnum) frequency!: KpiFrequencyEnum;
  @Field(() => KpiMeasureEnum, { nullable: true, description: 'What the platform measures for this KPI; absent: not measured.' })
  @IsOptional()
  @IsEnum(KpiMeasureEnum)
  measure?: KpiMeasureEnum | null;
}

@InputType()
export class UpdateKpiInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a KPI id' }) id!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(120) @Matches(NOT_BLANK, blank) name?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500) @Matches(NOT_BLANK, blank) metric?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(40) unit?: string | null;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber(finite) target?: number | null;
  @Field(() => KpiFrequencyEnum, { nullable: true }) @IsOptional() @IsEnum(KpiFrequencyEnum) frequency?: KpiFrequencyEnum | null;
  @Field(() => KpiMeasureEnum, { nullable: true, description: 'Absent: unchanged; null: no longer measured.' })
  @IsOptional()
  @IsEnum(KpiMeasureEnum)
  measure?: KpiMeasureEnum | null;
}

@InputType()
export class DeleteKpiInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a KPI id' }) id!: string;
}

// ------------------------------------------------------------------ audiences, networks, competitors

@InputType()
export class CreateAudienceSegmentInput {
  @Field(() => String) @IsString() @MaxLength(120) @Matches(NOT_BLANK, blank) name!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) description?: string | null;
  @Field(() => String, { nullable: true, description: 'What this audience needs from us (content, answers, information).' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  needs?: string | null;
  @Field(() => [AudienceUsageEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsEnum(AudienceUsageEnum, { each: true })
  usages?: AudienceUsageEnum[] | null;
}

@InputType()
export class UpdateAudienceSegmentInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an audience segment id' }) id!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(120) @Matches(NOT_BLANK, blank) name?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) description?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) needs?: string | null;
  @Field(() => [AudienceUsageEnum], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsEnum(AudienceUsageEnum, { each: true })
  usages?: AudienceUsageEnum[] | null;
}

@InputType()
export class DeleteAudienceSegmentInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an audience segment id' }) id!: string;
}

@InputType()
export class CreateNetworkPlanInput {
  @Field(() => String, { description: 'Network id, e.g. "mastodon" (see `networks`).' })
  @IsString()
  @Matches(NETWORK, { message: 'must be a network id such as mastodon' })
  network!: string;
  @Field(() => [ID], { description: 'Audience segments of this organisation the network addresses.' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'must be audience segment ids' })
  segmentIds!: string[];
  @Field(() => String, { nullable: true, description: 'Why this network, and what it does not do for us.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  rationale?: string | null;
  @Field(() => Int, { description: 'Planned publications per week, 0 to 100.' }) @IsInt() @Min(0) @Max(100) postsPerWeek!: number;
  @Field(() => String, { nullable: true, description: 'The profile name reserved on the network.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, blank)
  reservedHandle?: string | null;
}

@InputType()
export class UpdateNetworkPlanInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a network plan id' }) id!: string;
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'must be audience segment ids' })
  segmentIds?: string[] | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) rationale?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(100) postsPerWeek?: number | null;
  @Field(() => String, { nullable: true, description: 'null removes it.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, blank)
  reservedHandle?: string | null;
}

@InputType()
export class DeleteNetworkPlanInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a network plan id' }) id!: string;
}

@InputType()
export class CompetitorHandleInput {
  @Field(() => String) @IsString() @Matches(NETWORK, { message: 'must be a network id such as mastodon' }) network!: string;
  @Field(() => String) @IsString() @MaxLength(200) @Matches(NOT_BLANK, blank) handle!: string;
}

@InputType()
export class CreateCompetitorInput {
  @Field(() => String) @IsString() @MaxLength(120) @Matches(NOT_BLANK, blank) name!: string;
  @Field(() => [CompetitorHandleInput], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CompetitorHandleInput)
  handles?: CompetitorHandleInput[] | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) notes?: string | null;
}

@InputType()
export class UpdateCompetitorInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a competitor id' }) id!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(120) @Matches(NOT_BLANK, blank) name?: string | null;
  @Field(() => [CompetitorHandleInput], { nullable: true, description: 'Replaces the list.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CompetitorHandleInput)
  handles?: CompetitorHandleInput[] | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) notes?: string | null;
}

@InputType()
export class DeleteCompetitorInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a competitor id' }) id!: string;
}

// ------------------------------------------------------------------ brand voice

@InputType()
export class SetBrandVoiceInput {
  @Field(() => String, { description: 'How the brand speaks, in a few sentences.' }) @IsString() @MaxLength(2000) tone!: string;
  @Field(() => [String], { description: 'Trimmed and deduplicated ignoring case; each 1 to 100 characters; at most 2000.' })
  @IsArray()
  @ArrayMaxSize(4000)
  @IsString({ each: true })
  wordsToUse!: string[];
  @Field(() => [String], { description: 'Read by the content rules; same limits as wordsToUse.' })
  @IsArray()
  @ArrayMaxSize(4000)
  @IsString({ each: true })
  wordsToAvoid!: string[];
  @Field(() => AddressFormEnum, { nullable: true }) @IsOptional() @IsEnum(AddressFormEnum) addressForm?: AddressFormEnum | null;
}

// ------------------------------------------------------------------ task force and rituals

@InputType()
export class AddTaskForceMemberInput {
  @Field(() => TaskForceRoleEnum) @IsEnum(TaskForceRoleEnum) role!: TaskForceRoleEnum;
  @Field(() => ID, { nullable: true, description: 'A member of the organisation; or give externalName.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a user id' })
  userId?: string | null;
  @Field(() => String, { nullable: true, description: 'A person from outside the organisation (e.g. the agency consultant).' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @Matches(NOT_BLANK, blank)
  externalName?: string | null;
  @Field(() => String, { nullable: true, description: 'How to reach the external person (e-mail, phone).' })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @Matches(NOT_BLANK, blank)
  externalContact?: string | null;
  @Field(() => String, { nullable: true, description: 'The department the person comes from (e.g. Marketing, Customer service).' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  @Matches(NOT_BLANK, blank)
  department?: string | null;
}

@InputType()
export class RemoveTaskForceMemberInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a task-force member id' }) id!: string;
}

@InputType()
export class CreateRitualInput {
  @Field(() => RitualKindEnum) @IsEnum(RitualKindEnum) kind!: RitualKindEnum;
  @Field(() => String, { nullable: true, description: 'Required for OTHER; otherwise the kind’s name is shown.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, blank)
  title?: string | null;
  @Field(() => Int, { nullable: true, description: 'Weekly rituals: ISO weekday, 1 (Monday) to 7 (Sunday).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7)
  weekday?: number | null;
  @Field(() => Int, { nullable: true, description: 'Monthly rituals: day of the month, 1 to 28 (so it exists in every month).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(28)
  dayOfMonth?: number | null;
  @Field(() => String, { description: 'Local time, HH:MM (24 h).' })
  @IsString()
  @Matches(TIME, { message: 'must be a time written HH:MM (24 h)' })
  time!: string;
  @Field(() => String, { nullable: true, description: 'IANA time zone; defaults to the organisation’s.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string | null;
}

@InputType()
export class UpdateRitualInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a ritual id' }) id!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) @Matches(NOT_BLANK, blank) title?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(7) weekday?: number | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(28) dayOfMonth?: number | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(TIME, { message: 'must be a time written HH:MM (24 h)' })
  time?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) timezone?: string | null;
}

@InputType()
export class DeleteRitualInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a ritual id' }) id!: string;
}

// ------------------------------------------------------------------ roadmap

@InputType()
export class SetRoadmapStepStatusInput {
  @Field(() => Int, { description: 'A step set by hand: 4, 7 or 8 (the others are computed).' }) @IsInt() @Min(1) @Max(10) step!: number;
  @Field(() => RoadmapStepStatusEnum) @IsEnum(RoadmapStepStatusEnum) status!: RoadmapStepStatusEnum;
  @Field(() => String, { nullable: true, description: 'What was done, or what is missing.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}
