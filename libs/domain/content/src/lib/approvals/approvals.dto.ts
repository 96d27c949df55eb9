import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
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
});

export enum ApprovalVerdictEnum {
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(ApprovalVerdictEnum, { name: 'ApprovalVerdict' });

// ------------------------------------------------------------------ inputs

@InputType()
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

  @Field(() => ApprovalModeEnum) @IsEnum(ApprovalModeEnum) mode!: ApprovalModeEnum;
}

@InputType()
export class SetApprovalChainInput {
  @Field(() => [ApprovalStepInput], { description: '1 to 3 steps, in order; the last one is the final approver.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_APPROVAL_STEPS)
  @ValidateNested({ each: true })
  @Type(() => ApprovalStepInput)
  steps!: ApprovalStepInput[];
}

@InputType()
export class ApproveContentItemInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a content item id' }) itemId!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(2000) comment?: string;
}

@InputType()
export class RejectContentItemInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a content item id' }) itemId!: string;
  @Field(() => String, { description: 'What must change; the writer sees it.' }) @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
}

@InputType()
export class CreateApprovalLinkInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a content item id' }) itemId!: string;
  @Field(() => String) @IsString() @MinLength(1) @MaxLength(200) recipientName!: string;
  @Field(() => String) @IsString() @MaxLength(320) @IsEmail({}, { message: 'must be an email address' }) recipientEmail!: string;
  @Field(() => Int, { description: `How long the link works, ${MIN_LINK_HOURS} to ${MAX_LINK_HOURS} hours.` })
  @IsInt()
  @Min(MIN_LINK_HOURS)
  @Max(MAX_LINK_HOURS)
  expiresInHours!: number;
}

@ArgsType()
export class ContentItemApprovalsArgs {
  @Field(() => ID) @IsUUID('all', { message: 'must be a content item id' }) itemId!: string;
}

// ------------------------------------------------------------------ objects

@ObjectType('ApprovalStep')
export class ApprovalStepObject {
  @Field(() => Int, { description: '1-based position in the chain.' }) number!: number;
  @Field(() => OrganizationRoleEnum, { nullable: true }) role!: OrganizationRoleEnum | null;
  @Field(() => [ID]) memberIds!: string[];
  @Field(() => ApprovalModeEnum) mode!: ApprovalModeEnum;
  @Field(() => Boolean, { description: 'The last step: completing it approves the item.' }) final!: boolean;
}

@ObjectType('ApprovalChain', { description: "The organization's approval chain. Without one set, one step: the content lead (ANY)." })
export class ApprovalChainObject {
  @Field(() => [ApprovalStepObject]) steps!: ApprovalStepObject[];
  @Field(() => Boolean, { description: 'True while the organization uses the default chain.' }) isDefault!: boolean;
  @Field(() => ID, { nullable: true }) updatedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) updatedAt!: Date | null;
}

@ObjectType('AcknowledgedFinding', { description: 'A warning of a variant the decider saw when deciding.' })
export class AcknowledgedFindingObject {
  @Field(() => ID) variantId!: string;
  @Field(() => String) network!: string;
  @Field(() => String) rule!: string;
  @Field(() => String) message!: string;
}

@ObjectType('ApprovalDecision')
export class ApprovalDecisionObject {
  @Field(() => ID) id!: string;
  @Field(() => Int) step!: number;
  @Field(() => Int) revision!: number;
  @Field(() => ApprovalVerdictEnum) verdict!: ApprovalVerdictEnum;
  @Field(() => ID, { nullable: true, description: 'The member who decided (null for a decision through an approval link).' })
  deciderUserId!: string | null;
  @Field(() => Boolean, { description: 'Taken through an approval link by a recipient without an account.' }) viaLink!: boolean;
  @Field(() => String, { nullable: true }) recipientName!: string | null;
  @Field(() => String, { nullable: true }) recipientEmail!: string | null;
  @Field(() => String, { nullable: true, description: 'The comment of an approval, the reason of a rejection.' }) comment!: string | null;
  @Field(() => [AcknowledgedFindingObject]) acknowledgedFindings!: AcknowledgedFindingObject[];
  @Field(() => GraphQLISODateTime) decidedAt!: Date;
}

@ObjectType('ApprovalStepProgress')
export class ApprovalStepProgressObject extends ApprovalStepObject {
  @Field(() => Boolean) complete!: boolean;
  @Field(() => [ID], { description: 'Members who may decide this step (the author and the last editor excluded).' })
  eligibleUserIds!: string[];
  @Field(() => [ID], { description: 'Who still has to approve: any one of them (ANY) or each of them (ALL); empty once complete.' })
  remainingUserIds!: string[];
  @Field(() => [ApprovalDecisionObject]) decisions!: ApprovalDecisionObject[];
}

@ObjectType('ContentItemApprovals', { description: "Where a content item's approval stands on its current revision." })
export class ContentItemApprovalsObject {
  @Field(() => ID) itemId!: string;
  @Field(() => String, { description: 'The content status (IN_REVIEW while approval is under way).' }) status!: string;
  @Field(() => Int, { description: 'Decisions count for this revision only: an edit starts over.' }) revision!: number;
  @Field(() => Int, { nullable: true, description: 'The step awaiting decisions; null when every step is complete.' }) currentStep!:
    number | null;
  @Field(() => Boolean, { description: 'Every step is complete.' }) complete!: boolean;
  @Field(() => [ApprovalStepProgressObject]) steps!: ApprovalStepProgressObject[];
}

@ObjectType('ApprovalLink', {
  description:
    'A single-use link for an approver without an account: anyone holding it can decide the step it was made for, until it expires.',
})
export class ApprovalLinkObject {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'GET shows the content (JSON); POST {"verdict": "APPROVED" | "REJECTED", "comment": "…"} decides.' })
  url!: string;
  @Field(() => Int) step!: number;
  @Field(() => Int) revision!: number;
  @Field(() => String) recipientName!: string;
  @Field(() => String) recipientEmail!: string;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
}
