import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DateTimeScalar, JSONObjectScalar, PageArgs } from '@socle/platform-graphql';
import { MAX_RESPONSE_MINUTES } from '../comment-rules/response-due';
import { CommentSeverityEnum, PolicyKindEnum, PolicyLanguageEnum, ResponsibleRoleEnum } from './objects';

const NETWORK = /^[a-z0-9-]{1,40}$/;
const CHANNEL = /^(\*|[a-z0-9-]{1,40})$/;
const SECTION_KEY = /^[a-z][a-z0-9-]{0,39}$/;

@InputType({ description: 'A new policy of a kind.' })
export class CreatePolicyInput {
  @Field(() => PolicyKindEnum, { description: 'Its kind; one policy per kind in an organization.' })
  @IsEnum(PolicyKindEnum)
  kind!: PolicyKindEnum;
  @Field(() => PolicyLanguageEnum, { description: 'Language the policy is written in.' })
  @IsEnum(PolicyLanguageEnum)
  language!: PolicyLanguageEnum;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Start from the starter template of this kind and language (default: an empty draft).',
  })
  @IsOptional()
  @IsBoolean()
  fromTemplate?: boolean;
}

@InputType({ description: 'A section of a policy text.' })
export class PolicySectionInput {
  @Field(() => String, { description: 'Stable key, lowercase letters, digits and hyphens (e.g. "who").' })
  @IsString()
  @Matches(SECTION_KEY, { message: 'must be lowercase letters, digits and hyphens, starting with a letter (at most 40)' })
  key!: string;
  @Field(() => String, { description: 'Title, 1 to 200 characters.' }) @IsString() @MinLength(1) @MaxLength(200) title!: string;
  @Field(() => String, { description: 'Text, at most 20,000 characters.' }) @IsString() @MaxLength(20000) body!: string;
}

@InputType({ description: 'Give a title, sections or both; what is left out is kept.' })
export class UpdatePolicyDraftInput {
  @Field(() => ID, { description: 'The DRAFT version to edit.' })
  @IsUUID('all', { message: 'must be a policy version id' })
  versionId!: string;
  @Field(() => String, { description: 'Title, 1 to 200 characters.', nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;
  @Field(() => [PolicySectionInput], { nullable: true, description: 'The whole list of sections, in order (replaces the previous one).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PolicySectionInput)
  sections?: PolicySectionInput[];
}

@InputType({ description: 'The policy version acted on.' })
export class PolicyVersionInput {
  @Field(() => ID, { description: 'The version id.' }) @IsUUID('all', { message: 'must be a policy version id' }) versionId!: string;
}

@InputType({ description: 'The version to approve and an optional comment.' })
export class ApprovePolicyVersionInput {
  @Field(() => ID, { description: 'The version id.' }) @IsUUID('all', { message: 'must be a policy version id' }) versionId!: string;
  @Field(() => String, { description: "The approver's comment, at most 2,000 characters.", nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

@InputType({ description: 'The version to return and why.' })
export class ReturnPolicyToDraftInput {
  @Field(() => ID, { description: 'The version id.' }) @IsUUID('all', { message: 'must be a policy version id' }) versionId!: string;
  @Field(() => String, { description: 'What must change before it can be approved.' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  comment!: string;
}

@InputType({ description: 'The policy to revise.' })
export class StartPolicyRevisionInput {
  @Field(() => ID, { description: 'The policy id.' }) @IsUUID('all', { message: 'must be a policy id' }) policyId!: string;
}

@InputType({ description: 'A ready answer in one language.' })
export class ReplyTemplateInput {
  @Field(() => PolicyLanguageEnum, { description: 'Its language.' }) @IsEnum(PolicyLanguageEnum) language!: PolicyLanguageEnum;
  @Field(() => String, { description: 'The answer, 1 to 2,000 characters.' }) @IsString() @MinLength(1) @MaxLength(2000) text!: string;
}

@InputType({ description: 'How comments of a channel and severity are answered.' })
export class CommentHandlingRuleInput {
  @Field(() => String, { description: 'A network id (e.g. "mastodon"), or * for every channel without its own rule.' })
  @IsString()
  @Matches(CHANNEL, { message: 'must be a network id such as mastodon, or * for every channel' })
  channel!: string;
  @Field(() => CommentSeverityEnum, { description: 'The severity it applies to.' })
  @IsEnum(CommentSeverityEnum)
  severity!: CommentSeverityEnum;
  @Field(() => Int, { description: `Minutes to the first answer, 1 to ${MAX_RESPONSE_MINUTES}.` })
  @IsInt()
  @Min(1, { message: 'must be more than 0 minutes' })
  @Max(MAX_RESPONSE_MINUTES, { message: `must be at most ${MAX_RESPONSE_MINUTES} minutes (30 days)` })
  responseMinutes!: number;
  @Field(() => ResponsibleRoleEnum, { description: 'The organization role that answers.' })
  @IsEnum(ResponsibleRoleEnum)
  responsibleRole!: ResponsibleRoleEnum;
  @Field(() => Boolean, { nullable: true, description: 'Hand such comments to crisis handling (default false).' })
  @IsOptional()
  @IsBoolean()
  escalate?: boolean;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Count responseMinutes in the business calendar’s working hours only (default false: round the clock).',
  })
  @IsOptional()
  @IsBoolean()
  businessHours?: boolean;
  @Field(() => [ReplyTemplateInput], { description: 'Ready answers, at most 20.', nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ReplyTemplateInput)
  replyTemplates?: ReplyTemplateInput[];
}

@InputType({ description: 'The comment-handling rules.' })
export class SetCommentHandlingRulesInput {
  @Field(() => [CommentHandlingRuleInput], { description: 'The whole set (replaces the previous one); one rule per channel and severity.' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CommentHandlingRuleInput)
  rules!: CommentHandlingRuleInput[];
}

@InputType({ description: 'A comment to find the response delay of.' })
export class CommentResponseDueInput {
  @Field(() => String, { description: 'Network id of the comment.' })
  @IsString()
  @Matches(NETWORK, { message: 'must be a network id such as mastodon' })
  network!: string;
  @Field(() => CommentSeverityEnum, { description: 'Its severity.' }) @IsEnum(CommentSeverityEnum) severity!: CommentSeverityEnum;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the comment arrived (default: now).' })
  @IsOptional()
  @IsDate()
  receivedAt?: Date;
}

@InputType({ description: 'The content rules.' })
export class SetContentRulesInput {
  @Field(() => [JSONObjectScalar], { description: 'The whole list of rules (replaces the previous one), at most 200.' })
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  rules!: Record<string, unknown>[];
}

@InputType({ description: 'A text to check.' })
export class CheckContentInput {
  @Field(() => String, { description: 'The text, at most 100,000 characters.' }) @IsString() @MaxLength(100000) text!: string;
  @Field(() => String, { nullable: true, description: 'Check against this network’s text limits too.' })
  @IsOptional()
  @IsString()
  @Matches(NETWORK, { message: 'must be a network id such as mastodon' })
  network?: string;
  @Field(() => String, { nullable: true, description: 'Kind of content (e.g. "sponsored"), for REQUIRED_DISCLOSURE rules.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  contentKind?: string;
}

@ArgsType()
export class PolicyIdArgs {
  @Field(() => ID, { description: 'The policy id.' }) @IsUUID('all', { message: 'must be a policy id' }) policyId!: string;
}

@ArgsType()
export class PolicyPageArgs extends PageArgs {
  @Field(() => ID, { description: 'The policy id.' }) @IsUUID('all', { message: 'must be a policy id' }) policyId!: string;
}

@ArgsType()
export class IdArgs {
  @Field(() => ID, { description: 'The id.' }) @IsUUID('all', { message: 'must be an id (UUID)' }) id!: string;
}

@ArgsType()
export class PolicyTemplateArgs {
  @Field(() => PolicyKindEnum, { description: 'Only templates of this kind.', nullable: true })
  @IsOptional()
  @IsEnum(PolicyKindEnum)
  kind?: PolicyKindEnum;
  @Field(() => PolicyLanguageEnum, { description: 'Only templates in this language.', nullable: true })
  @IsOptional()
  @IsEnum(PolicyLanguageEnum)
  language?: PolicyLanguageEnum;
}
