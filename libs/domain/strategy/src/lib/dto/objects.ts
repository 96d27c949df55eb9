import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType, DateScalar, DateTimeScalar, LocalTimeScalar } from '@socle/platform-graphql';
import { LocaleEnum } from '@socle/accounts';
import {
  AddressFormEnum,
  AgendaSlotKindEnum,
  AudienceUsageEnum,
  BrainstormThemeEnum,
  KpiFrequencyEnum,
  KpiMeasureEnum,
  ObjectiveKindEnum,
  RitualCadenceEnum,
  RitualKindEnum,
  RoadmapStepStatusEnum,
  TaskForceRoleEnum,
} from './enums';

@ObjectType('Kpi', { description: 'A key performance indicator that follows an objective.' })
export class KpiObject {
  @Field(() => ID, { description: 'The KPI id.' }) id!: string;
  @Field(() => ID, { description: 'The objective it follows.' }) objectiveId!: string;
  @Field(() => String, { description: 'Name.' }) name!: string;
  @Field(() => String, { description: 'Metric key or formula.' }) metric!: string;
  @Field(() => String, { description: 'Unit of the target; null when none.', nullable: true }) unit!: string | null;
  @Field(() => Float, { description: 'The value aimed at, per period of the frequency.' }) target!: number;
  @Field(() => KpiFrequencyEnum, { description: 'How often it is measured.' }) frequency!: KpiFrequencyEnum;
  @Field(() => KpiMeasureEnum, { nullable: true, description: 'What the platform measures for it (kpiProgress); null: not measured.' })
  measure!: KpiMeasureEnum | null;
  @Field(() => DateTimeScalar, { description: 'When it was created (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When it last changed (UTC).' }) updatedAt!: Date;
}

@ObjectType('Objective', { description: 'A measurable business or brand objective.' })
export class ObjectiveObject {
  @Field(() => ID, { description: 'The objective id.' }) id!: string;
  @Field(() => ObjectiveKindEnum, { description: 'Business or brand.' }) kind!: ObjectiveKindEnum;
  @Field(() => String, { description: 'Short title.' }) title!: string;
  @Field(() => String, { description: 'Longer explanation; empty when none.' }) description!: string;
  @Field(() => String, { description: 'What is measured, in words.' }) metric!: string;
  @Field(() => Float, { description: 'The value when the objective was set.' }) baseline!: number;
  @Field(() => Float, { description: 'The value aimed at.' }) target!: number;
  @Field(() => String, { description: 'Unit of baseline and target; null when none.', nullable: true }) unit!: string | null;
  @Field(() => DateScalar, { description: 'The day it is due, in the organization’s time zone.' }) deadline!: string;
  @Field(() => DateTimeScalar, { description: 'When it was created (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When it last changed (UTC).' }) updatedAt!: Date;
}

export const ObjectiveConnection = ConnectionType(ObjectiveObject, 'Objective');

@ObjectType('AudienceSegment', { description: 'A target group: who, what they need, why we address them.' })
export class AudienceSegmentObject {
  @Field(() => ID, { description: 'The segment id.' }) id!: string;
  @Field(() => String, { description: 'Name, unique in the organization.' }) name!: string;
  @Field(() => String, { description: 'Who they are; empty when not said.' }) description!: string;
  @Field(() => String, { description: 'What they need from us; empty when not said.' }) needs!: string;
  @Field(() => [AudienceUsageEnum], { description: 'Why we address them (no repeats).' }) usages!: AudienceUsageEnum[];
  @Field(() => DateTimeScalar, { description: 'When it was created (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When it last changed (UTC).' }) updatedAt!: Date;
}

export const AudienceSegmentConnection = ConnectionType(AudienceSegmentObject, 'AudienceSegment');

@ObjectType('NetworkPlan', { description: 'Which network for which segments, why, and how often.' })
export class NetworkPlanObject {
  @Field(() => ID, { description: 'The network plan id.' }) id!: string;
  @Field(() => String, { description: 'Network id, e.g. "mastodon"; one plan per network.' }) network!: string;
  @Field(() => [AudienceSegmentObject], { description: 'The audience segments the network addresses.' }) segments!: AudienceSegmentObject[];
  @Field(() => String, { description: 'Why this network; empty when not said.' }) rationale!: string;
  @Field(() => Int, { description: 'Planned publications per week, 0 to 100.' }) postsPerWeek!: number;
  @Field(() => String, { description: 'The profile name reserved on the network; null when none.', nullable: true }) reservedHandle!:
    string | null;
  @Field(() => DateTimeScalar, { description: 'When it was created (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When it last changed (UTC).' }) updatedAt!: Date;
}

export const NetworkPlanConnection = ConnectionType(NetworkPlanObject, 'NetworkPlan');

@ObjectType('CompetitorHandle', { description: "A competitor's account on a network." })
export class CompetitorHandleObject {
  @Field(() => String, { description: 'Network id, e.g. "mastodon".' }) network!: string;
  @Field(() => String, { description: 'Account name on that network.' }) handle!: string;
}

@ObjectType('Competitor', { description: 'A competitor to watch and benchmark against.' })
export class CompetitorObject {
  @Field(() => ID, { description: 'The competitor id.' }) id!: string;
  @Field(() => String, { description: 'Name, unique in the organization.' }) name!: string;
  @Field(() => [CompetitorHandleObject], { description: 'Its accounts on the networks.' }) handles!: CompetitorHandleObject[];
  @Field(() => String, { description: 'Free notes; empty when none.' }) notes!: string;
  @Field(() => DateTimeScalar, { description: 'When it was created (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When it last changed (UTC).' }) updatedAt!: Date;
}

export const CompetitorConnection = ConnectionType(CompetitorObject, 'Competitor');

@ObjectType('BrandVoice', { description: 'How the organisation speaks; the content rules read the words to avoid.' })
export class BrandVoiceObject {
  @Field(() => ID, {
    description:
      "Id of the organization's brand voice: opaque and stable, one per organization, the same in brandVoice and strategyDocument.",
  })
  id!: string;
  @Field(() => String, { description: 'How the brand speaks, in a few sentences.' }) tone!: string;
  @Field(() => [String], { description: 'Words and phrases to use (at most 2,000).' }) wordsToUse!: string[];
  @Field(() => [String], { description: 'Words and phrases to avoid, checked by the content rules (at most 2,000).' })
  wordsToAvoid!: string[];
  @Field(() => AddressFormEnum, { description: 'The French form of address; null when not decided.', nullable: true })
  addressForm!: AddressFormEnum | null;
  @Field(() => DateTimeScalar, { description: 'When it was last set (UTC).' }) updatedAt!: Date;
}

@ObjectType('TaskForceMember', { description: 'A person assigned to a task-force function: an organisation member or an external person.' })
export class TaskForceMemberObject {
  @Field(() => ID, { description: 'The assignment id (one person holding two roles has two).' }) id!: string;
  @Field(() => TaskForceRoleEnum, { description: 'The role assigned.' }) role!: TaskForceRoleEnum;
  @Field(() => String, { description: 'The role’s name in the organisation’s language.' }) roleLabel!: string;
  @Field(() => ID, { nullable: true, description: 'Set for an organisation member.' }) userId!: string | null;
  @Field(() => String, { description: 'The member’s display name, or the external person’s name.' }) name!: string;
  @Field(() => Boolean, { description: 'Whether the person is from outside the organization (no account).' }) external!: boolean;
  @Field(() => String, { description: 'How to reach an external person; null for a member.', nullable: true }) externalContact!:
    string | null;
  @Field(() => String, { nullable: true, description: 'The department the person comes from.' }) department!: string | null;
  @Field(() => Boolean, {
    description:
      'Whether the role is one of the five functions of the task force itself (STRATEGY_LEAD to COORDINATOR), not a role around it.',
  })
  taskForceFunction!: boolean;
  @Field(() => DateTimeScalar, { description: 'When the assignment was made (UTC).' }) createdAt!: Date;
}

export const TaskForceMemberConnection = ConnectionType(TaskForceMemberObject, 'TaskForceMember');

@ObjectType('Ritual', { description: 'A recurring meeting or report of the task force.' })
export class RitualObject {
  @Field(() => ID, { description: 'The ritual id.' }) id!: string;
  @Field(() => RitualKindEnum, { description: 'Its kind.' }) kind!: RitualKindEnum;
  @Field(() => String, { description: 'The given title, or the kind’s name in the organisation’s language.' }) title!: string;
  @Field(() => RitualCadenceEnum, { description: 'Weekly or monthly.' }) cadence!: RitualCadenceEnum;
  @Field(() => Int, { nullable: true, description: 'ISO weekday (1 Monday … 7 Sunday) of a weekly ritual.' }) weekday!: number | null;
  @Field(() => Int, { description: 'Day of the month (1 to 28) of a monthly ritual; null for a weekly one.', nullable: true }) dayOfMonth!:
    number | null;
  @Field(() => LocalTimeScalar, { description: 'Its time of day, in its time zone.' }) time!: string;
  @Field(() => String, { description: 'IANA time zone of its time.' }) timezone!: string;
  @Field(() => DateTimeScalar, { description: 'Its next start (UTC), computed in its time zone.' }) nextOccurrence!: Date;
  @Field(() => DateTimeScalar, { description: 'When it was created (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When it last changed (UTC).' }) updatedAt!: Date;
}

export const RitualConnection = ConnectionType(RitualObject, 'Ritual');

@ObjectType('AgendaSlot', { description: "One slot of the weekly meeting's agenda." })
export class AgendaSlotObject {
  @Field(() => AgendaSlotKindEnum, { description: "A person's update or the brainstorm." }) kind!: AgendaSlotKindEnum;
  @Field(() => String, { description: 'In the organisation’s language.' }) title!: string;
  @Field(() => [ID], { description: 'The task-force assignments of the person speaking (one per role); empty for the brainstorm.' })
  memberIds!: string[];
  @Field(() => String, { description: 'The person speaking; null for the brainstorm.', nullable: true }) name!: string | null;
  @Field(() => [TaskForceRoleEnum], { description: 'The task-force roles of the person speaking; empty for the brainstorm.' })
  roles!: TaskForceRoleEnum[];
  @Field(() => BrainstormThemeEnum, { description: "The brainstorm's theme; null for a person's slot.", nullable: true })
  theme!: BrainstormThemeEnum | null;
  @Field(() => Int, { description: 'Minutes from the start of the meeting.' }) startOffsetMinutes!: number;
  @Field(() => Int, { description: 'Minutes from the start of the meeting to the end of the slot.' }) endOffsetMinutes!: number;
  @Field(() => DateTimeScalar, { description: 'When the slot starts (UTC).' }) startsAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When the slot ends (UTC).' }) endsAt!: Date;
}

@ObjectType('WeeklyMeeting', { description: 'The next weekly task-force meeting and its agenda.' })
export class WeeklyMeetingObject {
  @Field(() => ID, { description: 'The WEEKLY_MEETING ritual it comes from.' }) ritualId!: string;
  @Field(() => DateTimeScalar, { description: 'When it starts (UTC).' }) startsAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When it ends (UTC).' }) endsAt!: Date;
  @Field(() => DateScalar, { description: 'Its day in the ritual’s time zone.' }) localDate!: string;
  @Field(() => LocalTimeScalar, { description: 'Its start time in the ritual’s time zone.' }) time!: string;
  @Field(() => String, { description: 'IANA time zone of the ritual.' }) timezone!: string;
  @Field(() => Int, { description: 'ISO week of the meeting; its parity picks the brainstorm theme.' }) isoWeek!: number;
  @Field(() => BrainstormThemeEnum, { description: "This week's brainstorm theme." }) brainstormTheme!: BrainstormThemeEnum;
  @Field(() => Int, { description: 'Ten minutes per person of the task force plus twenty of brainstorming.' }) durationMinutes!: number;
  @Field(() => [AgendaSlotObject], { description: 'The slots, in order.' }) agenda!: AgendaSlotObject[];
}

@ObjectType('RoadmapEvidence', { description: 'One measure behind a roadmap step.' })
export class RoadmapEvidenceObject {
  @Field(() => String, { description: 'Stable key of the measure, e.g. strategy.competitorsDefined.' }) key!: string;
  @Field(() => Float, { description: '0 to 1.' }) score!: number;
  @Field(() => Boolean, { description: 'false when no running module measures this key yet (score 0).' }) measured!: boolean;
  @Field(() => String, { description: 'In the organisation’s language.' }) explanation!: string;
}

@ObjectType('RoadmapStep', { description: 'One of the ten integration steps.' })
export class RoadmapStepObject {
  @Field(() => Int, { description: 'Its number, 1 to 10, in the order of the method.' }) number!: number;
  @Field(() => String, { description: 'Stable key, e.g. WATCH or POLICIES.' }) key!: string;
  @Field(() => String, { description: "Title in the organization's language." }) title!: string;
  @Field(() => String, { description: "What the step asks, in the organization's language." }) description!: string;
  @Field(() => RoadmapStepStatusEnum, { description: 'Where it stands: from its evidence, or set by hand for a manual step.' })
  status!: RoadmapStepStatusEnum;
  @Field(() => Boolean, { description: 'true when the step is set by hand (no evidence measures it).' }) manual!: boolean;
  @Field(() => String, { nullable: true, description: 'The note stored with a manual status.' }) note!: string | null;
  @Field(() => DateTimeScalar, {
    description: 'When a manual status was last set (UTC); null for a measured step or one never set.',
    nullable: true,
  })
  updatedAt!: Date | null;
  @Field(() => [RoadmapEvidenceObject], { description: 'The measures behind the status; empty for a manual step.' })
  evidence!: RoadmapEvidenceObject[];
}

@ObjectType('Roadmap', { description: 'The ten integration steps of the method with their status.' })
export class RoadmapObject {
  @Field(() => [RoadmapStepObject], { description: 'The ten steps, in order.' }) steps!: RoadmapStepObject[];
  @Field(() => Int, { description: 'How many steps are DONE.' }) doneCount!: number;
  @Field(() => Float, { description: 'Share of steps done, 0 to 1.' }) progress!: number;
}

@ObjectType('StrategyDocument', {
  description: 'The written strategic base: objectives, target groups, networks, voice, competitors, resources.',
})
export class StrategyDocumentObject {
  @Field(() => LocaleEnum, { description: 'The organisation’s language, which the document is written in.' }) language!: string;
  @Field(() => String, { description: "The organization's name." }) organizationName!: string;
  @Field(() => DateTimeScalar, { description: 'When this document was put together (UTC): it reflects the strategy at that time.' })
  generatedAt!: Date;
  @Field(() => [ObjectiveObject], { description: 'The objectives, with their KPIs.' }) objectives!: ObjectiveObject[];
  @Field(() => [AudienceSegmentObject], { description: 'The audience segments.' }) segments!: AudienceSegmentObject[];
  @Field(() => [NetworkPlanObject], { description: 'The network plans.' }) networkPlans!: NetworkPlanObject[];
  @Field(() => BrandVoiceObject, { description: 'The brand voice; null until set.', nullable: true }) brandVoice!: BrandVoiceObject | null;
  @Field(() => [CompetitorObject], { description: 'The competitors.' }) competitors!: CompetitorObject[];
  @Field(() => [TaskForceMemberObject], { description: "The task force's assignments." }) taskForce!: TaskForceMemberObject[];
  @Field(() => [RitualObject], { description: 'The rituals.' }) rituals!: RitualObject[];
  @Field(() => String, { description: 'The same document as Markdown, ready to export.' }) markdown!: string;
}

@ObjectType('DeletedStrategyItem', { description: 'What a deletion answers: the id of what is gone.' })
export class DeletedStrategyItemObject {
  @Field(() => ID, { description: 'The id of the deleted item.' }) id!: string;
}
