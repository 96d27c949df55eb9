import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CRISIS_CELL_LIMITS } from './crisis-cell.model';

export enum CellRoleEnum {
  LEAD = 'LEAD',
  SPOKESPERSON = 'SPOKESPERSON',
  COMMUNITY_MANAGER = 'COMMUNITY_MANAGER',
  LEGAL = 'LEGAL',
  EXECUTIVE = 'EXECUTIVE',
  EXPERT = 'EXPERT',
  OTHER = 'OTHER',
}
registerEnumType(CellRoleEnum, { name: 'CrisisCellRole', description: 'What a member does in the crisis cell.' });

export enum CrisisTriggerEnum {
  ALERT_RAISED = 'ALERT_RAISED',
  CRISIS_PAUSE = 'CRISIS_PAUSE',
}
registerEnumType(CrisisTriggerEnum, {
  name: 'CrisisTrigger',
  description: 'What told the cell: a crisis alert raised, or publishing paused.',
});

export enum CrisisNotificationStatusEnum {
  QUEUED = 'QUEUED',
  RECORDED = 'RECORDED',
  SCHEDULED = 'SCHEDULED',
  SKIPPED = 'SKIPPED',
}
registerEnumType(CrisisNotificationStatusEnum, {
  name: 'CrisisNotificationStatus',
  description:
    'QUEUED: a mail is in the outbox. RECORDED: no address, recorded here only. SCHEDULED: a later escalation step, due at dueAt. SKIPPED: the alert was handled before the step was due.',
});

const L = CRISIS_CELL_LIMITS;

@InputType()
export class CrisisCellMemberInput {
  @Field(() => String) @IsString() @MaxLength(L.name) name!: string;
  @Field(() => ID, { nullable: true, description: 'An organisation member (mailed at their account’s address unless email is given).' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a user id' })
  userId?: string | null;
  @Field(() => CellRoleEnum) @IsEnum(CellRoleEnum) cellRole!: CellRoleEnum;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(L.contact) email?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(40) phone?: string | null;
}

@InputType()
export class EscalationStepInput {
  @Field(() => Int, { description: 'Minutes after the trigger (0 to one week; steps in order).' })
  @IsInt()
  @Min(0)
  @Max(L.delayMinutes)
  delayMinutes!: number;
  @Field(() => [Int], { description: 'Positions (from 0) in members of the people told at this step.' })
  @ArrayMaxSize(L.members)
  @IsInt({ each: true })
  memberIndexes!: number[];
}

@InputType()
export class PlaybookStepInput {
  @Field(() => String) @IsString() @MaxLength(L.title) title!: string;
  @Field(() => String) @IsString() @MaxLength(L.text) text!: string;
}

@InputType()
export class SetCrisisCellInput {
  @Field(() => [CrisisCellMemberInput], { description: `The whole cell (replaces it), at most ${L.members} members.` })
  @ArrayMaxSize(L.members)
  @ValidateNested({ each: true })
  @Type(() => CrisisCellMemberInput)
  members!: CrisisCellMemberInput[];
  @Field(() => [EscalationStepInput], { description: 'Who is told when; members named by no step are told at once.' })
  @ArrayMaxSize(L.escalationSteps)
  @ValidateNested({ each: true })
  @Type(() => EscalationStepInput)
  escalation!: EscalationStepInput[];
  @Field(() => [PlaybookStepInput], { description: 'What to do, in order.' })
  @ArrayMaxSize(L.playbookSteps)
  @ValidateNested({ each: true })
  @Type(() => PlaybookStepInput)
  playbook!: PlaybookStepInput[];
  @Field(() => String, { nullable: true, description: 'The statement to publish while the answer is prepared.' })
  @IsOptional()
  @IsString()
  @MaxLength(L.holdingStatement)
  holdingStatement?: string | null;
}

@ObjectType('CrisisCellMember')
export class CrisisCellMemberObject {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => ID, { nullable: true }) userId!: string | null;
  @Field(() => CellRoleEnum) cellRole!: CellRoleEnum;
  @Field(() => String, { description: 'The role’s name in the organisation’s language.' }) cellRoleLabel!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
}

@ObjectType('EscalationStep')
export class EscalationStepObject {
  @Field(() => Int) delayMinutes!: number;
  @Field(() => [ID]) memberIds!: string[];
}

@ObjectType('PlaybookStep')
export class PlaybookStepObject {
  @Field(() => String) title!: string;
  @Field(() => String) text!: string;
}

@ObjectType('CrisisCell', { description: 'Who handles a crisis, who is told when, and what to do.' })
export class CrisisCellObject {
  @Field(() => [CrisisCellMemberObject]) members!: CrisisCellMemberObject[];
  @Field(() => [EscalationStepObject]) escalation!: EscalationStepObject[];
  @Field(() => [PlaybookStepObject]) playbook!: PlaybookStepObject[];
  @Field(() => String, { nullable: true }) holdingStatement!: string | null;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

@ObjectType('CrisisNotification', { description: 'A member of the crisis cell told of a crisis.' })
export class CrisisNotificationObject {
  @Field(() => ID) id!: string;
  @Field(() => CrisisTriggerEnum) trigger!: CrisisTriggerEnum;
  @Field(() => ID, { nullable: true }) alertId!: string | null;
  @Field(() => String) reason!: string;
  @Field(() => ID) memberId!: string;
  @Field(() => String) memberName!: string;
  @Field(() => CellRoleEnum) cellRole!: CellRoleEnum;
  @Field(() => Int, { nullable: true, description: 'Position in the escalation chain; null for a member told at once.' })
  escalationStep!: number | null;
  @Field(() => GraphQLISODateTime) dueAt!: Date;
  @Field(() => String, { nullable: true }) recipient!: string | null;
  @Field(() => CrisisNotificationStatusEnum) status!: CrisisNotificationStatusEnum;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}
