import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@socle/platform-graphql';
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
registerEnumType(CellRoleEnum, {
  name: 'CrisisCellRole',
  description: 'What a member does in the crisis cell.',
  valuesMap: {
    LEAD: { description: 'Leads the response.' },
    SPOKESPERSON: { description: 'Speaks for the organization.' },
    COMMUNITY_MANAGER: { description: 'Answers on the networks.' },
    LEGAL: { description: 'Legal advice.' },
    EXECUTIVE: { description: 'A member of the management.' },
    EXPERT: { description: 'A subject-matter expert.' },
    OTHER: { description: 'Any other role.' },
  },
});

export enum CrisisTriggerEnum {
  ALERT_RAISED = 'ALERT_RAISED',
  CRISIS_PAUSE = 'CRISIS_PAUSE',
}
registerEnumType(CrisisTriggerEnum, {
  name: 'CrisisTrigger',
  description: 'What told the cell: a crisis alert raised, or publishing paused.',
  valuesMap: { ALERT_RAISED: { description: 'A crisis alert was raised.' }, CRISIS_PAUSE: { description: 'Publishing was paused.' } },
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
  valuesMap: {
    QUEUED: { description: 'A mail to the member is in the outbox.' },
    RECORDED: { description: 'The member has no address: the notification is recorded here only.' },
    SCHEDULED: { description: 'A later escalation step, due at dueAt.' },
    SKIPPED: { description: 'The alert was handled before the step was due: nobody was told.' },
  },
});

const L = CRISIS_CELL_LIMITS;

@InputType({ description: 'One person of the crisis cell, a member of the organization or not.' })
export class CrisisCellMemberInput {
  @Field(() => String, { description: 'The person’s name, 1 to 120 characters, not blank.' }) @IsString() @MaxLength(L.name) name!: string;
  @Field(() => ID, { nullable: true, description: 'An organisation member (mailed at their account’s address unless email is given).' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a user id' })
  userId?: string | null;
  @Field(() => CellRoleEnum, { description: 'What the person does in the cell.' }) @IsEnum(CellRoleEnum) cellRole!: CellRoleEnum;
  @Field(() => String, {
    nullable: true,
    description: 'An email address (at most 254 characters); null or absent: the member’s account address when userId is given, else none.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(L.contact)
  email?: string | null;
  @Field(() => String, { nullable: true, description: 'A phone number, at most 40 characters: digits, spaces, + ( ) . -.' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string | null;
}

@InputType({ description: 'One step of the escalation chain.' })
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

@InputType({ description: 'One step of the playbook.' })
export class PlaybookStepInput {
  @Field(() => String, { description: 'The step’s title, 1 to 200 characters, not blank.' }) @IsString() @MaxLength(L.title) title!: string;
  @Field(() => String, { description: 'What to do, 1 to 4,000 characters, not blank.' }) @IsString() @MaxLength(L.text) text!: string;
}

@InputType({ description: 'The whole crisis cell, replacing the current one.' })
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

@ObjectType('CrisisCellMember', { description: 'One person of the crisis cell.' })
export class CrisisCellMemberObject {
  @Field(() => ID, { description: 'Identifier of the cell member (new ones every time the cell is set).' }) id!: string;
  @Field(() => String, { description: 'The person’s name.' }) name!: string;
  @Field(() => ID, { nullable: true, description: 'The organisation member this person is; null for someone from outside.' }) userId!:
    string | null;
  @Field(() => CellRoleEnum, { description: 'What the person does in the cell.' }) cellRole!: CellRoleEnum;
  @Field(() => String, { description: 'The role’s name in the organisation’s language.' }) cellRoleLabel!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The address given for the person, or null (an organisation member is then mailed at their account’s address).',
  })
  email!: string | null;
  @Field(() => String, { nullable: true, description: 'The phone number given, or null.' }) phone!: string | null;
}

@ObjectType('EscalationStep', { description: 'One step of the escalation chain.' })
export class EscalationStepObject {
  @Field(() => Int, { description: 'Minutes after the trigger at which this step’s members are told.' }) delayMinutes!: number;
  @Field(() => [ID], { description: 'The cell members told at this step.' }) memberIds!: string[];
}

@ObjectType('PlaybookStep', { description: 'One step of the playbook.' })
export class PlaybookStepObject {
  @Field(() => String, { description: 'The step’s title.' }) title!: string;
  @Field(() => String, { description: 'What to do.' }) text!: string;
}

@ObjectType('CrisisCell', { description: 'Who handles a crisis, who is told when, and what to do.' })
export class CrisisCellObject {
  @Field(() => ID, {
    description:
      "Id of the organization's crisis cell: opaque and stable, one per organization, the same in crisisCell and on every alert.",
  })
  id!: string;
  @Field(() => [CrisisCellMemberObject], { description: 'The people of the cell, in the order given.' }) members!: CrisisCellMemberObject[];
  @Field(() => [EscalationStepObject], { description: 'Who is told when, in order of delay.' }) escalation!: EscalationStepObject[];
  @Field(() => [PlaybookStepObject], { description: 'What to do, in order.' }) playbook!: PlaybookStepObject[];
  @Field(() => String, { nullable: true, description: 'The statement to publish while the answer is prepared, or null.' })
  holdingStatement!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the cell was last set (UTC).' }) updatedAt!: Date;
}

@ObjectType('CrisisNotification', { description: 'A member of the crisis cell told of a crisis.' })
export class CrisisNotificationObject {
  @Field(() => ID, { description: 'Identifier of the notification.' }) id!: string;
  @Field(() => CrisisTriggerEnum, { description: 'What set it off.' }) trigger!: CrisisTriggerEnum;
  @Field(() => ID, { nullable: true, description: 'The alert concerned; null for a pause started without an alert.' }) alertId!:
    string | null;
  @Field(() => String, { description: 'What the member is told, in short (at most 2,000 characters).' }) reason!: string;
  @Field(() => ID, { description: 'The cell member told (their id at the time; a new cell gives new ids).' }) memberId!: string;
  @Field(() => String, { description: 'The cell member’s name at the time.' }) memberName!: string;
  @Field(() => CellRoleEnum, { description: 'The cell member’s role at the time.' }) cellRole!: CellRoleEnum;
  @Field(() => Int, { nullable: true, description: 'Position in the escalation chain; null for a member told at once.' })
  escalationStep!: number | null;
  @Field(() => DateTimeScalar, { description: 'When the member is (or was) told (UTC).' }) dueAt!: Date;
  @Field(() => String, { nullable: true, description: 'The address the mail goes to; null when the member has none.' }) recipient!:
    string | null;
  @Field(() => CrisisNotificationStatusEnum, { description: 'Where the notification stands.' }) status!: CrisisNotificationStatusEnum;
  @Field(() => DateTimeScalar, { description: 'When the notification was created (UTC).' }) createdAt!: Date;
}
