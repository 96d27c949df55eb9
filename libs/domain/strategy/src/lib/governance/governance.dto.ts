import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ConnectionType, PageArgs } from '@socle/platform-graphql';
import type { Committee } from './governance.service';
import type { DecisionRow, GovernanceMemberRow, MeetingRow } from './governance.repository';
import { ATTENDEE_LIMIT } from './governance.repository';
import type { ApprovedStrategy } from './strategy-version.service';
import type { StrategyVersionRow } from './strategy-version.repository';

const NOT_BLANK = /\S/;
const blank = { message: 'must not be blank' };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export enum GovernanceMeetingKindEnum {
  COMMITTEE = 'COMMITTEE',
  TASK_FORCE_RITUAL = 'TASK_FORCE_RITUAL',
  EXECUTIVE_REVIEW = 'EXECUTIVE_REVIEW',
  OTHER = 'OTHER',
}
registerEnumType(GovernanceMeetingKindEnum, {
  name: 'GovernanceMeetingKind',
  description:
    'A session of the mixed committee (seed 000), a task-force ritual as held (seed 001), a review with the management, or other.',
});

export enum GovernanceDecisionStatusEnum {
  OPEN = 'OPEN',
  DONE = 'DONE',
  DROPPED = 'DROPPED',
}
registerEnumType(GovernanceDecisionStatusEnum, { name: 'GovernanceDecisionStatus' });

export enum CommitteeStatusEnum {
  NO_COMMITTEE = 'NO_COMMITTEE',
  NO_TOP_MANAGEMENT = 'NO_TOP_MANAGEMENT',
  COMPLETE = 'COMPLETE',
}
registerEnumType(CommitteeStatusEnum, {
  name: 'CommitteeStatus',
  description:
    'NO_COMMITTEE: nobody sits on it; NO_TOP_MANAGEMENT: it has no top-management representative (seed 000 asks for one); COMPLETE.',
});

export enum StrategyVersionStatusEnum {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  APPROVED = 'APPROVED',
  SUPERSEDED = 'SUPERSEDED',
}
registerEnumType(StrategyVersionStatusEnum, {
  name: 'StrategyVersionStatus',
  description: 'DRAFT → IN_REVIEW → APPROVED (by an executive approver) → SUPERSEDED by the next approved version.',
});

// ------------------------------------------------------------------ objects

@ObjectType('GovernanceMember', { description: 'A member of the mixed committee: someone of the organisation or a named outside person.' })
export class GovernanceMemberObject {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true, description: 'The organisation member; null for an outside person.' }) userId!: string | null;
  @Field(() => String) name!: string;
  @Field(() => Boolean) external!: boolean;
  @Field(() => String, { description: 'Their function, e.g. "Directrice générale", "Responsable RH".' }) function!: string;
  @Field(() => Boolean, { description: 'Represents the top management (seed 000: the committee includes one).' }) topManagement!: boolean;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

@ObjectType('GovernanceCommittee')
export class GovernanceCommitteeObject {
  @Field(() => [GovernanceMemberObject], { description: 'Every member (at most 50), in the order they joined.' })
  members!: GovernanceMemberObject[];
  @Field(() => Int) topManagementCount!: number;
  @Field(() => CommitteeStatusEnum) status!: CommitteeStatusEnum;
}

@ObjectType('GovernanceMeeting')
export class GovernanceMeetingObject {
  @Field(() => ID) id!: string;
  @Field(() => GovernanceMeetingKindEnum) kind!: GovernanceMeetingKindEnum;
  @Field(() => GraphQLISODateTime) heldAt!: Date;
  @Field(() => String) minutes!: string;
  @Field(() => ID, { nullable: true, description: 'The task-force ritual this meeting was an occurrence of.' }) ritualId!: string | null;
  @Field(() => [ID], { description: 'Committee members who attended.' }) attendeeIds!: string[];
  @Field(() => ID, { nullable: true }) createdBy!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

@ObjectType('GovernanceDecision')
export class GovernanceDecisionObject {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true }) meetingId!: string | null;
  @Field(() => String) text!: string;
  @Field(() => ID, { nullable: true, description: 'The committee member who carries it out.' }) ownerMemberId!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' }) dueDate!: string | null;
  @Field(() => GovernanceDecisionStatusEnum) status!: GovernanceDecisionStatusEnum;
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt!: Date | null;
  @Field(() => ID, { nullable: true }) createdBy!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

@ObjectType('StrategyDocumentVersion', { description: 'A numbered snapshot of the written strategy, approved by the management.' })
export class StrategyDocumentVersionObject {
  @Field(() => ID) id!: string;
  @Field(() => Int) number!: number;
  @Field(() => StrategyVersionStatusEnum) status!: StrategyVersionStatusEnum;
  @Field(() => String, { description: 'The strategy document as it stood when the version was taken (Markdown).' }) markdown!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => ID, { nullable: true }) createdBy!: string | null;
  @Field(() => ID, { nullable: true }) submittedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) submittedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) returnedAt!: Date | null;
  @Field(() => String, { nullable: true }) returnComment!: string | null;
  @Field(() => ID, { nullable: true }) approvedBy!: string | null;
  @Field(() => String, { nullable: true }) approverName!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) approvedAt!: Date | null;
  @Field(() => String, { nullable: true }) approvalComment!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) supersededAt!: Date | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType('ApprovedStrategy')
export class ApprovedStrategyObject {
  @Field(() => StrategyDocumentVersionObject, { nullable: true, description: 'The version in force; null until one is approved.' })
  version!: StrategyDocumentVersionObject | null;
  @Field(() => Boolean, { description: 'The strategy changed since that version was approved: take a new version and have it approved.' })
  changedSinceApproval!: boolean;
}

export const GovernanceMeetingConnection = ConnectionType(GovernanceMeetingObject, 'GovernanceMeeting');
export const GovernanceDecisionConnection = ConnectionType(GovernanceDecisionObject, 'GovernanceDecision');
export const StrategyDocumentVersionConnection = ConnectionType(StrategyDocumentVersionObject, 'StrategyDocumentVersion');

export const toMember = (m: GovernanceMemberRow): GovernanceMemberObject => ({ ...m });
export const toCommittee = (c: Committee): GovernanceCommitteeObject => ({
  members: c.members.map(toMember),
  topManagementCount: c.topManagementCount,
  status: c.status as CommitteeStatusEnum,
});
export const toMeeting = (m: MeetingRow): GovernanceMeetingObject => ({ ...m, kind: m.kind as GovernanceMeetingKindEnum });
export const toDecision = (d: DecisionRow): GovernanceDecisionObject => ({ ...d, status: d.status as GovernanceDecisionStatusEnum });
export const toStrategyVersion = (v: StrategyVersionRow): StrategyDocumentVersionObject => ({
  id: v.id,
  number: v.number,
  status: v.status as StrategyVersionStatusEnum,
  markdown: v.markdown,
  note: v.note,
  createdBy: v.createdBy,
  submittedBy: v.submittedBy,
  submittedAt: v.submittedAt,
  returnedAt: v.returnedAt,
  returnComment: v.returnComment,
  approvedBy: v.approvedBy,
  approverName: v.approverName,
  approvedAt: v.approvedAt,
  approvalComment: v.approvalComment,
  supersededAt: v.supersededAt,
  createdAt: v.createdAt,
});
export const toApprovedStrategy = (a: ApprovedStrategy): ApprovedStrategyObject => ({
  version: a.version ? toStrategyVersion(a.version) : null,
  changedSinceApproval: a.changedSinceApproval,
});

// ------------------------------------------------------------------ inputs

@InputType()
export class AddGovernanceMemberInput {
  @Field(() => ID, { nullable: true, description: 'An organisation member; or give externalName.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a user id' })
  userId?: string | null;
  @Field(() => String, { nullable: true, description: 'A person from outside the organisation.' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  @Matches(NOT_BLANK, blank)
  externalName?: string | null;
  @Field(() => String) @IsString() @MaxLength(120) @Matches(NOT_BLANK, blank) function!: string;
  @Field(() => Boolean, { nullable: true, description: 'Represents the top management (default false).' })
  @IsOptional()
  @IsBoolean()
  topManagement?: boolean | null;
}

@InputType()
export class UpdateGovernanceMemberInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a committee member id' }) id!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(120) function?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() topManagement?: boolean | null;
}

@InputType()
export class GovernanceIdInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an id (UUID)' }) id!: string;
}

@InputType()
export class RecordGovernanceMeetingInput {
  @Field(() => GovernanceMeetingKindEnum) @IsEnum(GovernanceMeetingKindEnum) kind!: GovernanceMeetingKindEnum;
  @Field(() => GraphQLISODateTime, { description: 'When it was held (not more than a day ahead).' }) @IsDate() heldAt!: Date;
  @Field(() => [ID], { nullable: true, description: 'Committee members who attended.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ATTENDEE_LIMIT)
  @IsUUID('all', { each: true, message: 'must be committee member ids' })
  attendeeIds?: string[] | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(20000) minutes?: string | null;
  @Field(() => ID, { nullable: true, description: 'For a TASK_FORCE_RITUAL: the ritual it was an occurrence of.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a ritual id' })
  ritualId?: string | null;
}

@InputType()
export class UpdateGovernanceMeetingInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a meeting id' }) id!: string;
  @Field(() => GovernanceMeetingKindEnum, { nullable: true })
  @IsOptional()
  @IsEnum(GovernanceMeetingKindEnum)
  kind?: GovernanceMeetingKindEnum | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() @IsDate() heldAt?: Date | null;
  @Field(() => [ID], { nullable: true, description: 'Replaces the attendees.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ATTENDEE_LIMIT)
  @IsUUID('all', { each: true, message: 'must be committee member ids' })
  attendeeIds?: string[] | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(20000) minutes?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be a ritual id' }) ritualId?: string | null;
}

@InputType()
export class RecordGovernanceDecisionInput {
  @Field(() => String) @IsString() @MaxLength(5000) @Matches(NOT_BLANK, blank) text!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be a meeting id' }) meetingId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be a committee member id' }) ownerMemberId?:
    string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @IsOptional()
  @IsString()
  @Matches(DATE, { message: 'must be a date written YYYY-MM-DD' })
  dueDate?: string | null;
}

@InputType()
export class UpdateGovernanceDecisionInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a decision id' }) id!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(5000) text?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be a meeting id' }) meetingId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be a committee member id' }) ownerMemberId?:
    string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(DATE, { message: 'must be a date written YYYY-MM-DD' })
  dueDate?: string | null;
  @Field(() => GovernanceDecisionStatusEnum, { nullable: true })
  @IsOptional()
  @IsEnum(GovernanceDecisionStatusEnum)
  status?: GovernanceDecisionStatusEnum | null;
}

@InputType()
export class CreateStrategyDocumentVersionInput {
  @Field(() => String, { nullable: true, description: 'What changed, for the approver.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType()
export class StrategyDocumentVersionInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a strategy version id' }) versionId!: string;
}

@InputType()
export class ApproveStrategyDocumentVersionInput extends StrategyDocumentVersionInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) comment?: string | null;
}

@InputType()
export class ReturnStrategyDocumentVersionInput extends StrategyDocumentVersionInput {
  @Field(() => String) @IsString() @MaxLength(2000) @Matches(NOT_BLANK, blank) comment!: string;
}

@ArgsType()
export class GovernanceIdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'must be an id (UUID)' }) id!: string;
}

@ArgsType()
export class GovernanceMeetingPageArgs extends PageArgs {
  @Field(() => GovernanceMeetingKindEnum, { nullable: true })
  @IsOptional()
  @IsEnum(GovernanceMeetingKindEnum)
  kind?: GovernanceMeetingKindEnum;
}

@ArgsType()
export class GovernanceDecisionPageArgs extends PageArgs {
  @Field(() => GovernanceDecisionStatusEnum, { nullable: true })
  @IsOptional()
  @IsEnum(GovernanceDecisionStatusEnum)
  status?: GovernanceDecisionStatusEnum;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'must be a meeting id' }) meetingId?: string;
}

@ArgsType()
export class StrategyVersionPageArgs extends PageArgs {
  @Field(() => StrategyVersionStatusEnum, { nullable: true })
  @IsOptional()
  @IsEnum(StrategyVersionStatusEnum)
  status?: StrategyVersionStatusEnum;
}
