import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@socle/platform-graphql';
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
  @Field(() => ID) id!: string;
  @Field(() => ID) objectiveId!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'Metric key or formula.' }) metric!: string;
  @Field(() => String, { nullable: true }) unit!: string | null;
  @Field(() => Float) target!: number;
  @Field(() => KpiFrequencyEnum) frequency!: KpiFrequencyEnum;
  @Field(() => KpiMeasureEnum, { nullable: true, description: 'What the platform measures for it (kpiProgress); null: not measured.' })
  measure!: KpiMeasureEnum | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

@ObjectType('Objective', { description: 'A measurable business or brand objective.' })
export class ObjectiveObject {
  @Field(() => ID) id!: string;
  @Field(() => ObjectiveKindEnum) kind!: ObjectiveKindEnum;
  @Field(() => String) title!: string;
  @Field(() => String) description!: string;
  @Field(() => String) metric!: string;
  @Field(() => Float) baseline!: number;
  @Field(() => Float) target!: number;
  @Field(() => String, { nullable: true }) unit!: string | null;
  @Field(() => String, { description: 'YYYY-MM-DD.' }) deadline!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

export const ObjectiveConnection = ConnectionType(ObjectiveObject, 'Objective');

@ObjectType('AudienceSegment', { description: 'A target group: who, what they need, why we address them.' })
export class AudienceSegmentObject {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => String) needs!: string;
  @Field(() => [AudienceUsageEnum]) usages!: AudienceUsageEnum[];
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

export const AudienceSegmentConnection = ConnectionType(AudienceSegmentObject, 'AudienceSegment');

@ObjectType('NetworkPlan', { description: 'Which network for which segments, why, and how often.' })
export class NetworkPlanObject {
  @Field(() => ID) id!: string;
  @Field(() => String) network!: string;
  @Field(() => [AudienceSegmentObject]) segments!: AudienceSegmentObject[];
  @Field(() => String) rationale!: string;
  @Field(() => Int) postsPerWeek!: number;
  @Field(() => String, { nullable: true }) reservedHandle!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

export const NetworkPlanConnection = ConnectionType(NetworkPlanObject, 'NetworkPlan');

@ObjectType('CompetitorHandle')
export class CompetitorHandleObject {
  @Field(() => String) network!: string;
  @Field(() => String) handle!: string;
}

@ObjectType('Competitor', { description: 'A competitor to watch and benchmark against.' })
export class CompetitorObject {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => [CompetitorHandleObject]) handles!: CompetitorHandleObject[];
  @Field(() => String) notes!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

export const CompetitorConnection = ConnectionType(CompetitorObject, 'Competitor');

@ObjectType('BrandVoice', { description: 'How the organisation speaks; the content rules read the words to avoid.' })
export class BrandVoiceObject {
  @Field(() => String) tone!: string;
  @Field(() => [String]) wordsToUse!: string[];
  @Field(() => [String]) wordsToAvoid!: string[];
  @Field(() => AddressFormEnum, { nullable: true }) addressForm!: AddressFormEnum | null;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

@ObjectType('TaskForceMember', { description: 'A person assigned to a task-force function: an organisation member or an external person.' })
export class TaskForceMemberObject {
  @Field(() => ID) id!: string;
  @Field(() => TaskForceRoleEnum) role!: TaskForceRoleEnum;
  @Field(() => String, { description: 'The role’s name in the organisation’s language.' }) roleLabel!: string;
  @Field(() => ID, { nullable: true, description: 'Set for an organisation member.' }) userId!: string | null;
  @Field(() => String, { description: 'The member’s display name, or the external person’s name.' }) name!: string;
  @Field(() => Boolean) external!: boolean;
  @Field(() => String, { nullable: true }) externalContact!: string | null;
  @Field(() => String, { nullable: true, description: 'The department the person comes from.' }) department!: string | null;
  @Field(() => Boolean, { description: 'Whether the role is one of the five task-force functions (seed 001), not a seed 000 role.' })
  taskForceFunction!: boolean;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

export const TaskForceMemberConnection = ConnectionType(TaskForceMemberObject, 'TaskForceMember');

@ObjectType('Ritual', { description: 'A recurring meeting or report of the task force.' })
export class RitualObject {
  @Field(() => ID) id!: string;
  @Field(() => RitualKindEnum) kind!: RitualKindEnum;
  @Field(() => String, { description: 'The given title, or the kind’s name in the organisation’s language.' }) title!: string;
  @Field(() => RitualCadenceEnum) cadence!: RitualCadenceEnum;
  @Field(() => Int, { nullable: true, description: 'ISO weekday (1 Monday … 7 Sunday) of a weekly ritual.' }) weekday!: number | null;
  @Field(() => Int, { nullable: true }) dayOfMonth!: number | null;
  @Field(() => String, { description: 'HH:MM local time.' }) time!: string;
  @Field(() => String) timezone!: string;
  @Field(() => GraphQLISODateTime) nextOccurrence!: Date;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

export const RitualConnection = ConnectionType(RitualObject, 'Ritual');

@ObjectType('AgendaSlot')
export class AgendaSlotObject {
  @Field(() => AgendaSlotKindEnum) kind!: AgendaSlotKindEnum;
  @Field(() => String, { description: 'In the organisation’s language.' }) title!: string;
  @Field(() => [ID], { description: 'The task-force rows of the person speaking.' }) memberIds!: string[];
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => [TaskForceRoleEnum]) roles!: TaskForceRoleEnum[];
  @Field(() => BrainstormThemeEnum, { nullable: true }) theme!: BrainstormThemeEnum | null;
  @Field(() => Int, { description: 'Minutes from the start of the meeting.' }) startOffsetMinutes!: number;
  @Field(() => Int) endOffsetMinutes!: number;
  @Field(() => GraphQLISODateTime) startsAt!: Date;
  @Field(() => GraphQLISODateTime) endsAt!: Date;
}

@ObjectType('WeeklyMeeting', { description: 'The next weekly task-force meeting and its agenda (seed 001 §4).' })
export class WeeklyMeetingObject {
  @Field(() => ID) ritualId!: string;
  @Field(() => GraphQLISODateTime) startsAt!: Date;
  @Field(() => GraphQLISODateTime) endsAt!: Date;
  @Field(() => String, { description: 'YYYY-MM-DD in the ritual’s time zone.' }) localDate!: string;
  @Field(() => String) time!: string;
  @Field(() => String) timezone!: string;
  @Field(() => Int, { description: 'ISO week of the meeting; its parity picks the brainstorm theme.' }) isoWeek!: number;
  @Field(() => BrainstormThemeEnum) brainstormTheme!: BrainstormThemeEnum;
  @Field(() => Int) durationMinutes!: number;
  @Field(() => [AgendaSlotObject]) agenda!: AgendaSlotObject[];
}

@ObjectType('RoadmapEvidence')
export class RoadmapEvidenceObject {
  @Field(() => String) key!: string;
  @Field(() => Float, { description: '0 to 1.' }) score!: number;
  @Field(() => Boolean, { description: 'false when no running module measures this key yet (score 0).' }) measured!: boolean;
  @Field(() => String, { description: 'In the organisation’s language.' }) explanation!: string;
}

@ObjectType('RoadmapStep')
export class RoadmapStepObject {
  @Field(() => Int) number!: number;
  @Field(() => String) key!: string;
  @Field(() => String) title!: string;
  @Field(() => String) description!: string;
  @Field(() => RoadmapStepStatusEnum) status!: RoadmapStepStatusEnum;
  @Field(() => Boolean, { description: 'true when the step is set by hand (no evidence measures it).' }) manual!: boolean;
  @Field(() => String, { nullable: true, description: 'The note stored with a manual status.' }) note!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) updatedAt!: Date | null;
  @Field(() => [RoadmapEvidenceObject]) evidence!: RoadmapEvidenceObject[];
}

@ObjectType('Roadmap', { description: 'The ten integration steps of seed 002 with their status.' })
export class RoadmapObject {
  @Field(() => [RoadmapStepObject]) steps!: RoadmapStepObject[];
  @Field(() => Int) doneCount!: number;
  @Field(() => Float, { description: 'Share of steps done, 0 to 1.' }) progress!: number;
}

@ObjectType('StrategyDocument', { description: 'The written strategic base (seed 003): objectives, target groups, content, resources.' })
export class StrategyDocumentObject {
  @Field(() => String, { description: 'fr or en: the organisation’s language.' }) language!: string;
  @Field(() => String) organizationName!: string;
  @Field(() => GraphQLISODateTime) generatedAt!: Date;
  @Field(() => [ObjectiveObject]) objectives!: ObjectiveObject[];
  @Field(() => [AudienceSegmentObject]) segments!: AudienceSegmentObject[];
  @Field(() => [NetworkPlanObject]) networkPlans!: NetworkPlanObject[];
  @Field(() => BrandVoiceObject, { nullable: true }) brandVoice!: BrandVoiceObject | null;
  @Field(() => [CompetitorObject]) competitors!: CompetitorObject[];
  @Field(() => [TaskForceMemberObject]) taskForce!: TaskForceMemberObject[];
  @Field(() => [RitualObject]) rituals!: RitualObject[];
  @Field(() => String, { description: 'The same document as Markdown, ready to export.' }) markdown!: string;
}

@ObjectType('DeletedStrategyItem')
export class DeletedStrategyItemObject {
  @Field(() => ID) id!: string;
}
