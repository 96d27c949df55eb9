import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ConnectionType, DateScalar, DateTimeScalar, PageArgs } from '@socle/platform-graphql';
import type { Committee } from './governance.service';
import type { DecisionRow, GovernanceMemberRow, MeetingRow } from './governance.repository';
import { ATTENDEE_LIMIT } from './governance.repository';
import type { ApprovedStrategy } from './strategy-version.service';
import type { StrategyVersionRow } from './strategy-version.repository';

const NOT_BLANK = /\S/;
const blank = { message: 'must not be blank' };

export enum GovernanceMeetingKindEnum {
  COMMITTEE = 'COMMITTEE',
  TASK_FORCE_RITUAL = 'TASK_FORCE_RITUAL',
  EXECUTIVE_REVIEW = 'EXECUTIVE_REVIEW',
  OTHER = 'OTHER',
}
registerEnumType(GovernanceMeetingKindEnum, {
  name: 'GovernanceMeetingKind',
  description:
    'What kind of meeting was held: a session of the mixed committee, a task-force ritual as held, a review with the management, or other.',
  valuesMap: {
    COMMITTEE: { description: 'A session of the mixed committee.' },
    TASK_FORCE_RITUAL: { description: 'An occurrence of a task-force ritual (may name the ritual).' },
    EXECUTIVE_REVIEW: { description: 'A review with the management.' },
    OTHER: { description: 'Any other meeting.' },
  },
});

export enum GovernanceDecisionStatusEnum {
  OPEN = 'OPEN',
  DONE = 'DONE',
  DROPPED = 'DROPPED',
}
registerEnumType(GovernanceDecisionStatusEnum, {
  description: 'Where a committee decision stands.',
  name: 'GovernanceDecisionStatus',
  valuesMap: {
    OPEN: { description: 'Decided, not carried out yet.' },
    DONE: { description: 'Carried out; closes the decision.' },
    DROPPED: { description: 'Given up; closes the decision.' },
  },
});

export enum CommitteeStatusEnum {
  NO_COMMITTEE = 'NO_COMMITTEE',
  NO_TOP_MANAGEMENT = 'NO_TOP_MANAGEMENT',
  COMPLETE = 'COMPLETE',
}
registerEnumType(CommitteeStatusEnum, {
  name: 'CommitteeStatus',
  description: 'Whether the mixed committee is set up as the method asks: with at least one top-management representative.',
  valuesMap: {
    NO_COMMITTEE: { description: 'Nobody sits on it.' },
    NO_TOP_MANAGEMENT: { description: 'It has members but no top-management representative.' },
    COMPLETE: { description: 'It has members, at least one of them from the top management.' },
  },
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
  valuesMap: {
    DRAFT: { description: 'Taken, not yet submitted; may be deleted.' },
    IN_REVIEW: { description: 'Submitted to the executive approvers.' },
    APPROVED: { description: 'Approved: the version in force.' },
    SUPERSEDED: { description: 'Was approved, replaced by a later approved version.' },
  },
});

// ------------------------------------------------------------------ objects

@ObjectType('GovernanceMember', { description: 'A member of the mixed committee: someone of the organisation or a named outside person.' })
export class GovernanceMemberObject {
  @Field(() => ID, { description: 'The committee member id.' }) id!: string;
  @Field(() => ID, { nullable: true, description: 'The organisation member; null for an outside person.' }) userId!: string | null;
  @Field(() => String, { description: "The member's display name, or the outside person's name." }) name!: string;
  @Field(() => Boolean, { description: 'Whether the person is from outside the organization (no account).' }) external!: boolean;
  @Field(() => String, { description: 'Their function, e.g. "Directrice générale", "Responsable RH".' }) function!: string;
  @Field(() => Boolean, { description: 'Whether they represent the top management (the committee should include one).' })
  topManagement!: boolean;
  @Field(() => DateTimeScalar, { description: 'When they joined the committee (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When their entry last changed (UTC).' }) updatedAt!: Date;
}

@ObjectType('GovernanceCommittee', { description: 'The mixed committee that steers social media in the organization.' })
export class GovernanceCommitteeObject {
  @Field(() => [GovernanceMemberObject], { description: 'Every member (at most 50), in the order they joined.' })
  members!: GovernanceMemberObject[];
  @Field(() => Int, { description: 'How many members represent the top management.' }) topManagementCount!: number;
  @Field(() => CommitteeStatusEnum, { description: 'Whether the committee is set up with a top-management representative.' })
  status!: CommitteeStatusEnum;
}

@ObjectType('GovernanceMeeting', { description: 'A meeting held, with its minutes and attendees.' })
export class GovernanceMeetingObject {
  @Field(() => ID, { description: 'The meeting id.' }) id!: string;
  @Field(() => GovernanceMeetingKindEnum, { description: 'What kind of meeting.' }) kind!: GovernanceMeetingKindEnum;
  @Field(() => DateTimeScalar, { description: 'When it was held (UTC).' }) heldAt!: Date;
  @Field(() => String, { description: 'The minutes (at most 20,000 characters); empty when none.' }) minutes!: string;
  @Field(() => ID, { nullable: true, description: 'The task-force ritual this meeting was an occurrence of.' }) ritualId!: string | null;
  @Field(() => [ID], { description: 'Committee members who attended.' }) attendeeIds!: string[];
  @Field(() => ID, { description: 'The user who recorded it; null when recorded with an API key.', nullable: true }) createdBy!:
    string | null;
  @Field(() => DateTimeScalar, { description: 'When it was recorded (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When it last changed (UTC).' }) updatedAt!: Date;
}

@ObjectType('GovernanceDecision', { description: 'A decision of the committee and who carries it out.' })
export class GovernanceDecisionObject {
  @Field(() => ID, { description: 'The decision id.' }) id!: string;
  @Field(() => ID, { description: 'The meeting it was taken in; null when none (or the meeting was deleted).', nullable: true })
  meetingId!: string | null;
  @Field(() => String, { description: 'What was decided (at most 5,000 characters).' }) text!: string;
  @Field(() => ID, { nullable: true, description: 'The committee member who carries it out.' }) ownerMemberId!: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day it is due; null when none.' }) dueDate!: string | null;
  @Field(() => GovernanceDecisionStatusEnum, { description: 'Where it stands.' }) status!: GovernanceDecisionStatusEnum;
  @Field(() => DateTimeScalar, { description: 'When it became DONE or DROPPED (UTC); null while OPEN.', nullable: true })
  closedAt!: Date | null;
  @Field(() => ID, { description: 'The user who recorded it; null when recorded with an API key.', nullable: true }) createdBy!:
    string | null;
  @Field(() => DateTimeScalar, { description: 'When it was recorded (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When it last changed (UTC).' }) updatedAt!: Date;
}

@ObjectType('StrategyDocumentVersion', { description: 'A numbered snapshot of the written strategy, approved by the management.' })
export class StrategyDocumentVersionObject {
  @Field(() => ID, { description: 'The version id.' }) id!: string;
  @Field(() => Int, { description: 'Its number: 1, 2, … in the order taken.' }) number!: number;
  @Field(() => StrategyVersionStatusEnum, { description: 'Where it stands.' }) status!: StrategyVersionStatusEnum;
  @Field(() => String, { description: 'The strategy document as it stood when the version was taken (Markdown).' }) markdown!: string;
  @Field(() => String, { description: 'What changed, for the approver; null when not said.', nullable: true }) note!: string | null;
  @Field(() => ID, { description: 'The user who took it; null when taken with an API key.', nullable: true }) createdBy!: string | null;
  @Field(() => ID, { description: 'The user who submitted it; null until submitted.', nullable: true }) submittedBy!: string | null;
  @Field(() => DateTimeScalar, { description: 'When it was last submitted (UTC); null until then.', nullable: true })
  submittedAt!: Date | null;
  @Field(() => DateTimeScalar, { description: 'When it was last returned to draft (UTC); null if never.', nullable: true })
  returnedAt!: Date | null;
  @Field(() => String, { description: "The approver's comment when it was returned; null if never.", nullable: true }) returnComment!:
    string | null;
  @Field(() => ID, { description: 'The executive approver who approved it; null until approved.', nullable: true }) approvedBy!:
    string | null;
  @Field(() => String, { description: "The approver's display name; null until approved.", nullable: true }) approverName!: string | null;
  @Field(() => DateTimeScalar, { description: 'When it was approved (UTC); null until then.', nullable: true })
  approvedAt!: Date | null;
  @Field(() => String, { description: "The approver's comment; null when none.", nullable: true }) approvalComment!: string | null;
  @Field(() => DateTimeScalar, { description: 'When a later approved version replaced it (UTC); null otherwise.', nullable: true })
  supersededAt!: Date | null;
  @Field(() => DateTimeScalar, { description: 'When it was taken (UTC).' }) createdAt!: Date;
}

@ObjectType('ApprovedStrategy', { description: 'The written strategy in force.' })
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

@InputType({ description: 'A new committee member: give userId or externalName, exactly one.' })
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
  @Field(() => String, { description: 'Their function, at most 120 characters, not blank.' })
  @IsString()
  @MaxLength(120)
  @Matches(NOT_BLANK, blank)
  function!: string;
  @Field(() => Boolean, { nullable: true, description: 'Represents the top management (default false).' })
  @IsOptional()
  @IsBoolean()
  topManagement?: boolean | null;
}

@InputType({ description: 'Fields left out are kept; give at least one.' })
export class UpdateGovernanceMemberInput {
  @Field(() => ID, { description: 'The committee member id.' }) @IsUUID('all', { message: 'must be a committee member id' }) id!: string;
  @Field(() => String, { description: 'Their function, at most 120 characters, not blank.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  function?: string | null;
  @Field(() => Boolean, { description: 'Whether they represent the top management (null is refused).', nullable: true })
  @IsOptional()
  @IsBoolean()
  topManagement?: boolean | null;
}

@InputType({ description: 'What to remove or delete.' })
export class GovernanceIdInput {
  @Field(() => ID, { description: 'Its id.' }) @IsUUID('all', { message: 'must be an id (UUID)' }) id!: string;
}

@InputType({ description: 'A meeting held.' })
export class RecordGovernanceMeetingInput {
  @Field(() => GovernanceMeetingKindEnum, { description: 'What kind of meeting.' })
  @IsEnum(GovernanceMeetingKindEnum)
  kind!: GovernanceMeetingKindEnum;
  @Field(() => DateTimeScalar, { description: 'When it was held (not more than a day ahead).' }) @IsDate() heldAt!: Date;
  @Field(() => [ID], { nullable: true, description: 'Committee members who attended.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ATTENDEE_LIMIT)
  @IsUUID('all', { each: true, message: 'must be committee member ids' })
  attendeeIds?: string[] | null;
  @Field(() => String, { description: 'The minutes, at most 20,000 characters.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  minutes?: string | null;
  @Field(() => ID, { nullable: true, description: 'For a TASK_FORCE_RITUAL: the ritual it was an occurrence of.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a ritual id' })
  ritualId?: string | null;
}

@InputType({ description: 'Fields left out are kept.' })
export class UpdateGovernanceMeetingInput {
  @Field(() => ID, { description: 'The meeting id.' }) @IsUUID('all', { message: 'must be a meeting id' }) id!: string;
  @Field(() => GovernanceMeetingKindEnum, { description: 'What kind of meeting (null is refused).', nullable: true })
  @IsOptional()
  @IsEnum(GovernanceMeetingKindEnum)
  kind?: GovernanceMeetingKindEnum | null;
  @Field(() => DateTimeScalar, {
    description: 'When it was held: from 2000, not more than a day ahead (null is refused).',
    nullable: true,
  })
  @IsOptional()
  @IsDate()
  heldAt?: Date | null;
  @Field(() => [ID], { nullable: true, description: 'Replaces the attendees.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ATTENDEE_LIMIT)
  @IsUUID('all', { each: true, message: 'must be committee member ids' })
  attendeeIds?: string[] | null;
  @Field(() => String, { description: 'The minutes, at most 20,000 characters; null empties them.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  minutes?: string | null;
  @Field(() => ID, { description: 'The ritual it was an occurrence of (TASK_FORCE_RITUAL only); null unlinks it.', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a ritual id' })
  ritualId?: string | null;
}

@InputType({ description: 'A decision of the committee.' })
export class RecordGovernanceDecisionInput {
  @Field(() => String, { description: 'What was decided, at most 5,000 characters, not blank.' })
  @IsString()
  @MaxLength(5000)
  @Matches(NOT_BLANK, blank)
  text!: string;
  @Field(() => ID, { description: 'The meeting it was taken in.', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a meeting id' })
  meetingId?: string | null;
  @Field(() => ID, { description: 'The committee member who carries it out.', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a committee member id' })
  ownerMemberId?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The day it is due.' })
  @IsOptional()
  @IsString()
  dueDate?: string | null;
}

@InputType({ description: 'Fields left out are kept.' })
export class UpdateGovernanceDecisionInput {
  @Field(() => ID, { description: 'The decision id.' }) @IsUUID('all', { message: 'must be a decision id' }) id!: string;
  @Field(() => String, { description: 'What was decided, at most 5,000 characters, not blank.', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  text?: string | null;
  @Field(() => ID, { description: 'The meeting it was taken in; null unlinks it.', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a meeting id' })
  meetingId?: string | null;
  @Field(() => ID, { description: 'The committee member who carries it out; null clears it.', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a committee member id' })
  ownerMemberId?: string | null;
  @Field(() => DateScalar, { description: 'The day it is due; null clears it.', nullable: true })
  @IsOptional()
  @IsString()
  dueDate?: string | null;
  @Field(() => GovernanceDecisionStatusEnum, {
    description: 'The new status (null is refused); DONE or DROPPED closes it.',
    nullable: true,
  })
  @IsOptional()
  @IsEnum(GovernanceDecisionStatusEnum)
  status?: GovernanceDecisionStatusEnum | null;
}

@InputType({ description: 'A note for the new version.' })
export class CreateStrategyDocumentVersionInput {
  @Field(() => String, { nullable: true, description: 'What changed, for the approver.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType({ description: 'The strategy version acted on.' })
export class StrategyDocumentVersionInput {
  @Field(() => ID, { description: 'The version id.' }) @IsUUID('all', { message: 'must be a strategy version id' }) versionId!: string;
}

@InputType({ description: 'The version to approve and an optional comment.' })
export class ApproveStrategyDocumentVersionInput extends StrategyDocumentVersionInput {
  @Field(() => String, { description: "The approver's comment, at most 2,000 characters.", nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string | null;
}

@InputType({ description: 'The version to return and what to change.' })
export class ReturnStrategyDocumentVersionInput extends StrategyDocumentVersionInput {
  @Field(() => String, { description: 'What to change, at most 2,000 characters, not blank.' })
  @IsString()
  @MaxLength(2000)
  @Matches(NOT_BLANK, blank)
  comment!: string;
}

@ArgsType()
export class GovernanceIdArgs {
  @Field(() => ID, { description: 'Its id.' }) @IsUUID('all', { message: 'must be an id (UUID)' }) id!: string;
}

@ArgsType()
export class GovernanceMeetingPageArgs extends PageArgs {
  @Field(() => GovernanceMeetingKindEnum, { description: 'Only meetings of this kind.', nullable: true })
  @IsOptional()
  @IsEnum(GovernanceMeetingKindEnum)
  kind?: GovernanceMeetingKindEnum;
}

@ArgsType()
export class GovernanceDecisionPageArgs extends PageArgs {
  @Field(() => GovernanceDecisionStatusEnum, { description: 'Only decisions with this status.', nullable: true })
  @IsOptional()
  @IsEnum(GovernanceDecisionStatusEnum)
  status?: GovernanceDecisionStatusEnum;
  @Field(() => ID, { description: 'Only decisions taken in this meeting.', nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'must be a meeting id' })
  meetingId?: string;
}

@ArgsType()
export class StrategyVersionPageArgs extends PageArgs {
  @Field(() => StrategyVersionStatusEnum, { description: 'Only versions with this status.', nullable: true })
  @IsOptional()
  @IsEnum(StrategyVersionStatusEnum)
  status?: StrategyVersionStatusEnum;
}
