import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@socle/platform-graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { OrganizationRoleEnum } from '@socle/accounts';
import { MAX_APPROVAL_STEPS, MAX_STEP_MEMBERS } from './approval-chain';
import { MAX_LINK_HOURS, MIN_LINK_HOURS } from './approval-links';

export enum ApprovalModeEnum {
  ANY = 'ANY',
  ALL = 'ALL',
}
registerEnumType(ApprovalModeEnum, {
  name: 'ApprovalMode',
  description: 'ANY: one eligible person approves the step. ALL: every eligible member must.',
  valuesMap: {
    ANY: { description: 'One approval by any eligible person completes the step.' },
    ALL: { description: 'Every eligible member must approve.' },
  },
});

export enum ApprovalVerdictEnum {
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(ApprovalVerdictEnum, {
  name: 'ApprovalVerdict',
  description: 'A decision on one step of a content item’s approval.',
  valuesMap: {
    APPROVED: { description: 'The step was approved.' },
    REJECTED: { description: 'The item was rejected and went back to DRAFT.' },
  },
});

// ------------------------------------------------------------------ inputs

@InputType({ description: 'One step of an approval chain: a role or named members (exactly one of the two), and how many must approve.' })
export class ApprovalStepInput {
  @Field(() => OrganizationRoleEnum, {
    nullable: true,
    description: 'Everyone holding this role of the organization (give a role or members, not both).',
  })
  @IsOptional()
  @IsEnum(OrganizationRoleEnum)
  role?: OrganizationRoleEnum;

  @Field(() => [ID], { nullable: true, description: 'Named members of the organization (user ids).' })
  @IsOptional()
  @ArrayMaxSize(MAX_STEP_MEMBERS)
  @ArrayUnique()
  @IsUUID('all', { each: true, message: 'must be user ids' })
  memberIds?: string[];

  @Field(() => ApprovalModeEnum, { description: 'Whether one eligible person (ANY) or every eligible member (ALL) must approve.' })
  @IsEnum(ApprovalModeEnum)
  mode!: ApprovalModeEnum;
}

@InputType({ description: 'The new approval chain, replacing the current one.' })
export class SetApprovalChainInput {
  @Field(() => [ApprovalStepInput], { description: '1 to 3 steps, in order; the last one is the final approver.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_APPROVAL_STEPS)
  @ValidateNested({ each: true })
  @Type(() => ApprovalStepInput)
  steps!: ApprovalStepInput[];
}

@InputType({ description: 'An approval of the current step of an item.' })
export class ApproveContentItemInput {
  @Field(() => ID, { description: 'The content item, in status IN_REVIEW.' })
  @IsUUID('all', { message: 'must be a content item id' })
  itemId!: string;
  @Field(() => String, { nullable: true, description: 'An optional comment for the writer, 1 to 2,000 characters.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  comment?: string;
}

@InputType({ description: 'A rejection of an item at its current step.' })
export class RejectContentItemInput {
  @Field(() => ID, { description: 'The content item, in status IN_REVIEW.' })
  @IsUUID('all', { message: 'must be a content item id' })
  itemId!: string;
  @Field(() => String, { description: 'What must change; the writer sees it.' }) @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

@InputType({ description: 'Who receives the approval link, and for how long it works.' })
export class CreateApprovalLinkInput {
  @Field(() => ID, { description: 'The content item, in status IN_REVIEW; the link is for its current step and revision.' })
  @IsUUID('all', { message: 'must be a content item id' })
  itemId!: string;
  @Field(() => String, { description: 'The recipient’s name, 1 to 200 characters (shown to them and in the decisions).' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  recipientName!: string;
  @Field(() => String, { description: 'The recipient’s email address, at most 320 characters.' })
  @IsString()
  @MaxLength(320)
  @IsEmail({}, { message: 'must be an email address' })
  recipientEmail!: string;
  @Field(() => Int, { description: `How long the link works, ${MIN_LINK_HOURS} to ${MAX_LINK_HOURS} hours.` })
  @IsInt()
  @Min(MIN_LINK_HOURS)
  @Max(MAX_LINK_HOURS)
  expiresInHours!: number;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: true,
    description:
      'Mail the link to recipientEmail, in the organization’s language with the expiry in its time zone (default true). False when you pass the link on another way.',
  })
  @IsOptional()
  @IsBoolean()
  sendEmail?: boolean | null;
}

@ArgsType()
export class ContentItemApprovalsArgs {
  @Field(() => ID, { description: 'Identifier of the content item.' })
  @IsUUID('all', { message: 'must be a content item id' })
  itemId!: string;
}

// ------------------------------------------------------------------ objects

@ObjectType('ApprovalStep', { description: 'One step of an approval chain.' })
export class ApprovalStepObject {
  @Field(() => Int, { description: '1-based position in the chain.' }) number!: number;
  @Field(() => OrganizationRoleEnum, {
    nullable: true,
    description: 'The organization role whose holders decide this step; null when the step names members.',
  })
  role!: OrganizationRoleEnum | null;
  @Field(() => [ID], { description: 'The user ids of the members who decide this step; empty when the step names a role.' })
  memberIds!: string[];
  @Field(() => ApprovalModeEnum, { description: 'Whether one eligible person (ANY) or every eligible member (ALL) must approve.' })
  mode!: ApprovalModeEnum;
  @Field(() => Boolean, { description: 'The last step: completing it approves the item.' }) final!: boolean;
}

@ObjectType('ApprovalChain', { description: "The organization's approval chain. Without one set, one step: the content lead (ANY)." })
export class ApprovalChainObject {
  @Field(() => ID, {
    description: "Id of the organization's approval chain: opaque and stable, one per organization, the default chain included.",
  })
  id!: string;
  @Field(() => [ApprovalStepObject], { description: 'The steps, in order.' }) steps!: ApprovalStepObject[];
  @Field(() => Boolean, { description: 'True while the organization uses the default chain.' }) isDefault!: boolean;
  @Field(() => ID, {
    nullable: true,
    description: 'User id of who last set the chain; null for the default chain or when not set by a person.',
  })
  updatedBy!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the chain was last set (UTC); null for the default chain.' })
  updatedAt!: Date | null;
}

@ObjectType('AcknowledgedFinding', { description: 'A warning of a variant the decider saw when deciding.' })
export class AcknowledgedFindingObject {
  @Field(() => ID, { description: 'The variant the warning is about.' }) variantId!: string;
  @Field(() => String, { description: 'The variant’s network, in lower case.' }) network!: string;
  @Field(() => String, { description: 'The content rule id, or the network limit (for example text.too-long).' }) rule!: string;
  @Field(() => String, { description: 'The warning, as the decider saw it.' }) message!: string;
}

@ObjectType('ApprovalDecision', { description: 'One decision on one step of a content item’s approval.' })
export class ApprovalDecisionObject {
  @Field(() => ID, { description: 'Identifier of the decision.' }) id!: string;
  @Field(() => Int, { description: 'The step decided, 1-based.' }) step!: number;
  @Field(() => Int, { description: 'The revision of the item the decision is about.' }) revision!: number;
  @Field(() => ApprovalVerdictEnum, { description: 'Approved or rejected.' }) verdict!: ApprovalVerdictEnum;
  @Field(() => ID, { nullable: true, description: 'The member who decided (null for a decision through an approval link).' })
  deciderUserId!: string | null;
  @Field(() => Boolean, { description: 'Taken through an approval link by a recipient without an account.' }) viaLink!: boolean;
  @Field(() => String, { nullable: true, description: 'The approval link’s recipient; null for a decision by a member.' }) recipientName!:
    string | null;
  @Field(() => String, { nullable: true, description: 'The approval link’s recipient email address; null for a decision by a member.' })
  recipientEmail!: string | null;
  @Field(() => String, { nullable: true, description: 'The comment of an approval, the reason of a rejection.' }) comment!: string | null;
  @Field(() => [AcknowledgedFindingObject], { description: 'The WARN findings of the item’s variants at the time of the decision.' })
  acknowledgedFindings!: AcknowledgedFindingObject[];
  @Field(() => DateTimeScalar, { description: 'When the decision was taken (UTC).' }) decidedAt!: Date;
}

@ObjectType('ApprovalStepProgress', { description: 'A step of the chain with its decisions on the item’s current revision.' })
export class ApprovalStepProgressObject extends ApprovalStepObject {
  @Field(() => Boolean, { description: 'The step has the approvals it needs.' }) complete!: boolean;
  @Field(() => [ID], { description: 'Members who may decide this step (the author and the last editor excluded).' })
  eligibleUserIds!: string[];
  @Field(() => [ID], { description: 'Who still has to approve: any one of them (ANY) or each of them (ALL); empty once complete.' })
  remainingUserIds!: string[];
  @Field(() => [ApprovalDecisionObject], { description: 'The decisions on this step for the current revision, oldest first.' })
  decisions!: ApprovalDecisionObject[];
}

@ObjectType('ContentItemApprovals', { description: "Where a content item's approval stands on its current revision." })
export class ContentItemApprovalsObject {
  @Field(() => ID, { description: 'Identifier of the content item.' }) itemId!: string;
  @Field(() => String, { description: 'The content status (IN_REVIEW while approval is under way).' }) status!: string;
  @Field(() => Int, { description: 'Decisions count for this revision only: an edit starts over.' }) revision!: number;
  @Field(() => Int, { nullable: true, description: 'The step awaiting decisions; null when every step is complete.' }) currentStep!:
    number | null;
  @Field(() => Boolean, { description: 'Every step is complete.' }) complete!: boolean;
  @Field(() => [ApprovalStepProgressObject], { description: 'Every step of the chain, in order, with its progress.' })
  steps!: ApprovalStepProgressObject[];
}

@ObjectType('ApprovalLink', {
  description:
    'A single-use link for an approver without an account: anyone holding it can decide the step it was made for, until it expires.',
})
export class ApprovalLinkObject {
  @Field(() => ID, { description: 'Identifier of the link.' }) id!: string;
  @Field(() => String, {
    description:
      'The console’s page for the approver, <public address of the installation>/links/approvals/<token>. Behind it, the API’s /approvals/<token>: GET shows the content (JSON); POST {"verdict": "APPROVED" | "REJECTED", "comment": "…"} decides.',
  })
  url!: string;
  @Field(() => Int, { description: 'The step the link decides, 1-based.' }) step!: number;
  @Field(() => Int, { description: 'The revision of the item the link is for: an edit of the item makes the link unusable.' })
  revision!: number;
  @Field(() => String, { description: 'Who the link is for.' }) recipientName!: string;
  @Field(() => String, { description: 'The recipient’s email address.' }) recipientEmail!: string;
  @Field(() => DateTimeScalar, { description: 'When the link stops working (UTC).' }) expiresAt!: Date;
  @Field(() => Boolean, { description: 'Whether the link was mailed to recipientEmail (sent once the request commits).' })
  emailed!: boolean;
}
