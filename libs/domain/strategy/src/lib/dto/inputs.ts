import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { DateScalar, LocalTimeScalar } from '@socle/platform-graphql';
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
const blank = { message: 'must not be blank' };
const finite = { allowNaN: false, allowInfinity: false };

// ------------------------------------------------------------------ objectives and KPIs

@InputType({ description: 'A new measurable objective.' })
export class CreateObjectiveInput {
  @Field(() => ObjectiveKindEnum, { description: 'Business or brand.' }) @IsEnum(ObjectiveKindEnum) kind!: ObjectiveKindEnum;
  @Field(() => String, { description: 'Short title, at most 200 characters, not blank.' })
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, blank)
  title!: string;
  @Field(() => String, { description: 'Longer explanation, at most 5,000 characters.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;
  @Field(() => String, { description: 'What is measured, e.g. "monthly revenue" or "followers on Mastodon".' })
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, blank)
  metric!: string;
  @Field(() => Float, { description: 'The value today.' }) @IsNumber(finite) baseline!: number;
  @Field(() => Float, { description: 'The value aimed at; must differ from the baseline.' }) @IsNumber(finite) target!: number;
  @Field(() => String, { nullable: true, description: 'e.g. "%", "EUR", "followers".' }) @IsOptional() @IsString() @MaxLength(40) unit?:
    string | null;
  @Field(() => DateScalar, { description: 'Today or later in the organization’s time zone.' })
  @IsString()
  deadline!: string;
}

@InputType({
  description: 'Fields left out are kept. The target must still differ from the baseline, and a new deadline be today or later.',
})
export class UpdateObjectiveInput {
  @Field(() => ID, { description: 'The objective id.' }) @IsUUID('all', { message: 'must be an objective id' }) id!: string;
  @Field(() => ObjectiveKindEnum, { description: 'Business or brand.', nullable: true })
  @IsOptional()
  @IsEnum(ObjectiveKindEnum)
  kind?: ObjectiveKindEnum | null;
  @Field(() => String, { description: 'Short title, at most 200 characters, not blank.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, blank)
  title?: string | null;
  @Field(() => String, { description: 'Longer explanation, at most 5,000 characters; null empties it.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;
  @Field(() => String, { description: 'What is measured, at most 200 characters, not blank.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, blank)
  metric?: string | null;
  @Field(() => Float, { description: 'The value today.', nullable: true }) @IsOptional() @IsNumber(finite) baseline?: number | null;
  @Field(() => Float, { description: 'The value aimed at.', nullable: true }) @IsOptional() @IsNumber(finite) target?: number | null;
  @Field(() => String, { nullable: true, description: 'null removes the unit.' }) @IsOptional() @IsString() @MaxLength(40) unit?:
    string | null;
  @Field(() => DateScalar, { description: "Today or later in the organization's time zone.", nullable: true })
  @IsOptional()
  @IsString()
  deadline?: string | null;
}

@InputType({ description: 'The objective to delete.' })
export class DeleteObjectiveInput {
  @Field(() => ID, { description: 'The objective id.' }) @IsUUID('all', { message: 'must be an objective id' }) id!: string;
}

@InputType({ description: 'A new KPI following an objective.' })
export class CreateKpiInput {
  @Field(() => ID, { description: 'The objective it follows (of this organization).' })
  @IsUUID('all', { message: 'must be an objective id' })
  objectiveId!: string;
  @Field(() => String, { description: 'Name, at most 120 characters, not blank.' })
  @IsString()
  @MaxLength(120)
  @Matches(NOT_BLANK, blank)
  name!: string;
  @Field(() => String, {
    description: 'A metric key (followers, engagementRate, mentions, shareOfVoice, firstResponseTime, socialTraffic…) or a formula.',
  })
  @IsString()
  @MaxLength(500)
  @Matches(NOT_BLANK, blank)
  metric!: string;
  @Field(() => String, { description: 'Unit of the target, at most 40 characters, e.g. "%" or "followers".', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  unit?: string | null;
  @Field(() => Float, { description: 'The value aimed at, per period of the frequency.' }) @IsNumber(finite) target!: number;
  @Field(() => KpiFrequencyEnum, { description: 'How often it is measured.' }) @IsEnum(KpiFrequencyEnum) frequency!: KpiFrequencyEnum;
  @Field(() => KpiMeasureEnum, { nullable: true, description: 'What the platform measures for this KPI; absent: not measured.' })
  @IsOptional()
  @IsEnum(KpiMeasureEnum)
  measure?: KpiMeasureEnum | null;
}

@InputType({ description: 'Fields left out are kept.' })
export class UpdateKpiInput {
  @Field(() => ID, { description: 'The KPI id.' }) @IsUUID('all', { message: 'must be a KPI id' }) id!: string;
  @Field(() => String, { description: 'Name, at most 120 characters, not blank.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @Matches(NOT_BLANK, blank)
  name?: string | null;
  @Field(() => String, { description: 'Metric key or formula, at most 500 characters, not blank.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @Matches(NOT_BLANK, blank)
  metric?: string | null;
  @Field(() => String, { description: 'Unit, at most 40 characters; null removes it.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  unit?: string | null;
  @Field(() => Float, { description: 'The value aimed at.', nullable: true }) @IsOptional() @IsNumber(finite) target?: number | null;
  @Field(() => KpiFrequencyEnum, { description: 'How often it is measured.', nullable: true })
  @IsOptional()
  @IsEnum(KpiFrequencyEnum)
  frequency?: KpiFrequencyEnum | null;
  @Field(() => KpiMeasureEnum, { nullable: true, description: 'Absent: unchanged; null: no longer measured.' })
  @IsOptional()
  @IsEnum(KpiMeasureEnum)
  measure?: KpiMeasureEnum | null;
}

@InputType({ description: 'The KPI to delete.' })
export class DeleteKpiInput {
  @Field(() => ID, { description: 'The KPI id.' }) @IsUUID('all', { message: 'must be a KPI id' }) id!: string;
}

// ------------------------------------------------------------------ audiences, networks, competitors

@InputType({ description: 'A new target group.' })
export class CreateAudienceSegmentInput {
  @Field(() => String, { description: 'Name, at most 120 characters, not blank, unique in the organization.' })
  @IsString()
  @MaxLength(120)
  @Matches(NOT_BLANK, blank)
  name!: string;
  @Field(() => String, { description: 'Who they are, at most 5,000 characters.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;
  @Field(() => String, { nullable: true, description: 'What this audience needs from us (content, answers, information).' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  needs?: string | null;
  @Field(() => [AudienceUsageEnum], { description: 'Why we address them: up to 3 usages (repeats are dropped).', nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsEnum(AudienceUsageEnum, { each: true })
  usages?: AudienceUsageEnum[] | null;
}

@InputType({ description: 'Fields left out are kept; null empties description, needs and usages.' })
export class UpdateAudienceSegmentInput {
  @Field(() => ID, { description: 'The segment id.' }) @IsUUID('all', { message: 'must be an audience segment id' }) id!: string;
  @Field(() => String, { description: 'Name, at most 120 characters, not blank, unique in the organization.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @Matches(NOT_BLANK, blank)
  name?: string | null;
  @Field(() => String, { description: 'Who they are, at most 5,000 characters.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;
  @Field(() => String, { description: 'What they need from us, at most 5,000 characters.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  needs?: string | null;
  @Field(() => [AudienceUsageEnum], { description: 'Replaces the usages: up to 3.', nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsEnum(AudienceUsageEnum, { each: true })
  usages?: AudienceUsageEnum[] | null;
}

@InputType({ description: 'The segment to delete.' })
export class DeleteAudienceSegmentInput {
  @Field(() => ID, { description: 'The segment id.' }) @IsUUID('all', { message: 'must be an audience segment id' }) id!: string;
}

@InputType({ description: 'The plan for one network.' })
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

@InputType({ description: 'Fields left out are kept.' })
export class UpdateNetworkPlanInput {
  @Field(() => ID, { description: 'The network plan id.' }) @IsUUID('all', { message: 'must be a network plan id' }) id!: string;
  @Field(() => [ID], { description: 'Replaces the segments addressed: at most 50, all of this organization.', nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'must be audience segment ids' })
  segmentIds?: string[] | null;
  @Field(() => String, { description: 'Why this network, at most 5,000 characters; null empties it.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  rationale?: string | null;
  @Field(() => Int, { description: 'Planned publications per week, 0 to 100.', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  postsPerWeek?: number | null;
  @Field(() => String, { nullable: true, description: 'null removes it.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, blank)
  reservedHandle?: string | null;
}

@InputType({ description: 'The network plan to delete.' })
export class DeleteNetworkPlanInput {
  @Field(() => ID, { description: 'The network plan id.' }) @IsUUID('all', { message: 'must be a network plan id' }) id!: string;
}

@InputType({ description: "A competitor's account on a network." })
export class CompetitorHandleInput {
  @Field(() => String, { description: 'Network id, e.g. "mastodon" (lower-case letters, digits and dashes, at most 40).' })
  @IsString()
  @Matches(NETWORK, { message: 'must be a network id such as mastodon' })
  network!: string;
  @Field(() => String, { description: 'Account name on that network, at most 200 characters, not blank.' })
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, blank)
  handle!: string;
}

@InputType({ description: 'A new competitor.' })
export class CreateCompetitorInput {
  @Field(() => String, { description: 'Name, at most 120 characters, not blank, unique in the organization.' })
  @IsString()
  @MaxLength(120)
  @Matches(NOT_BLANK, blank)
  name!: string;
  @Field(() => [CompetitorHandleInput], { description: 'Its accounts, at most 30 (repeats, ignoring case, are dropped).', nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CompetitorHandleInput)
  handles?: CompetitorHandleInput[] | null;
  @Field(() => String, { description: 'Free notes, at most 5,000 characters.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
}

@InputType({ description: 'Fields left out are kept.' })
export class UpdateCompetitorInput {
  @Field(() => ID, { description: 'The competitor id.' }) @IsUUID('all', { message: 'must be a competitor id' }) id!: string;
  @Field(() => String, { description: 'Name, at most 120 characters, not blank, unique in the organization.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @Matches(NOT_BLANK, blank)
  name?: string | null;
  @Field(() => [CompetitorHandleInput], { nullable: true, description: 'Replaces the list.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CompetitorHandleInput)
  handles?: CompetitorHandleInput[] | null;
  @Field(() => String, { description: 'Free notes, at most 5,000 characters; null empties them.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
}

@InputType({ description: 'The competitor to delete.' })
export class DeleteCompetitorInput {
  @Field(() => ID, { description: 'The competitor id.' }) @IsUUID('all', { message: 'must be a competitor id' }) id!: string;
}

// ------------------------------------------------------------------ brand voice

@InputType({ description: 'The whole brand voice, replacing the previous one.' })
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
  @Field(() => AddressFormEnum, { description: 'The French form of address; null or left out when not decided.', nullable: true })
  @IsOptional()
  @IsEnum(AddressFormEnum)
  addressForm?: AddressFormEnum | null;
}

// ------------------------------------------------------------------ task force and rituals

@InputType({ description: 'An assignment to a task-force role: give userId or externalName, exactly one.' })
export class AddTaskForceMemberInput {
  @Field(() => TaskForceRoleEnum, { description: 'The role assigned.' }) @IsEnum(TaskForceRoleEnum) role!: TaskForceRoleEnum;
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

@InputType({ description: 'The assignment to remove.' })
export class RemoveTaskForceMemberInput {
  @Field(() => ID, { description: 'The task-force member id (one assignment).' })
  @IsUUID('all', { message: 'must be a task-force member id' })
  id!: string;
}

@InputType({ description: 'A new ritual: give weekday for a weekly one or dayOfMonth for a monthly one, exactly one.' })
export class CreateRitualInput {
  @Field(() => RitualKindEnum, { description: 'The kind; one ritual of each kind except OTHER.' })
  @IsEnum(RitualKindEnum)
  kind!: RitualKindEnum;
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
  @Field(() => LocalTimeScalar, { description: 'In the ritual’s time zone.' })
  @IsString()
  time!: string;
  @Field(() => String, { nullable: true, description: 'IANA time zone; defaults to the organisation’s.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string | null;
}

@InputType({ description: 'Fields left out are kept. The kind cannot change.' })
export class UpdateRitualInput {
  @Field(() => ID, { description: 'The ritual id.' }) @IsUUID('all', { message: 'must be a ritual id' }) id!: string;
  @Field(() => String, { description: 'Title, at most 200 characters, not blank.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, blank)
  title?: string | null;
  @Field(() => Int, {
    description: 'ISO weekday 1 (Monday) to 7 (Sunday); makes the ritual weekly where its kind allows it.',
    nullable: true,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(7)
  weekday?: number | null;
  @Field(() => Int, { description: 'Day of the month 1 to 28; makes the ritual monthly where its kind allows it.', nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(28)
  dayOfMonth?: number | null;
  @Field(() => LocalTimeScalar, { description: 'In the ritual’s time zone; null is refused.', nullable: true })
  @IsOptional()
  @IsString()
  time?: string | null;
  @Field(() => String, { description: 'IANA time zone, e.g. Europe/Paris.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string | null;
}

@InputType({ description: 'The ritual to delete.' })
export class DeleteRitualInput {
  @Field(() => ID, { description: 'The ritual id.' }) @IsUUID('all', { message: 'must be a ritual id' }) id!: string;
}

// ------------------------------------------------------------------ roadmap

@InputType({ description: 'The status of a step set by hand.' })
export class SetRoadmapStepStatusInput {
  @Field(() => Int, {
    description: 'A step set by hand: one whose RoadmapStep.manual is true (step 8 in the built-in roadmap; the others are measured).',
  })
  @IsInt()
  @Min(1)
  @Max(10)
  step!: number;
  @Field(() => RoadmapStepStatusEnum, { description: 'Its status.' }) @IsEnum(RoadmapStepStatusEnum) status!: RoadmapStepStatusEnum;
  @Field(() => String, { nullable: true, description: 'What was done, or what is missing.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}
