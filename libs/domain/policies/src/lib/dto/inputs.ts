import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
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
import { JSONObjectScalar, PageArgs } from '@socle/platform-graphql';
import { MAX_RESPONSE_MINUTES } from '../comment-rules/response-due';
import { CommentSeverityEnum, PolicyKindEnum, PolicyLanguageEnum, ResponsibleRoleEnum } from './objects';

const NETWORK = /^[a-z0-9-]{1,40}$/;
const CHANNEL = /^(\*|[a-z0-9-]{1,40})$/;
const SECTION_KEY = /^[a-z][a-z0-9-]{0,39}$/;

@InputType()
export class CreatePolicyInput {
  @Field(() => PolicyKindEnum) @IsEnum(PolicyKindEnum) kind!: PolicyKindEnum;
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

@InputType()
export class PolicySectionInput {
  @Field(() => String, { description: 'Stable key, lowercase letters, digits and hyphens (e.g. "who").' })
  @IsString()
  @Matches(SECTION_KEY, { message: 'must be lowercase letters, digits and hyphens, starting with a letter (at most 40)' })
  key!: string;
  @Field(() => String) @IsString() @MinLength(1) @MaxLength(200) title!: string;
  @Field(() => String) @IsString() @MaxLength(20000) body!: string;
}

@InputType()
export class UpdatePolicyDraftInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a policy version id' }) versionId!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MinLength(1) @MaxLength(200) title?: string;
  @Field(() => [PolicySectionInput], { nullable: true, description: 'The whole list of sections, in order (replaces the previous one).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PolicySectionInput)
  sections?: PolicySectionInput[];
}

@InputType()
export class PolicyVersionInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a policy version id' }) versionId!: string;
}

@InputType()
export class ApprovePolicyVersionInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a policy version id' }) versionId!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(2000) comment?: string;
}

@InputType()
export class ReturnPolicyToDraftInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a policy version id' }) versionId!: string;
  @Field(() => String, { description: 'What must change before it can be approved.' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  comment!: string;
}

@InputType()
export class StartPolicyRevisionInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a policy id' }) policyId!: string;
}

@InputType()
export class ReplyTemplateInput {
  @Field(() => PolicyLanguageEnum) @IsEnum(PolicyLanguageEnum) language!: PolicyLanguageEnum;
  @Field(() => String) @IsString() @MinLength(1) @MaxLength(2000) text!: string;
}

@InputType()
export class CommentHandlingRuleInput {
  @Field(() => String, { description: 'A network id (e.g. "mastodon"), or * for every channel without its own rule.' })
  @IsString()
  @Matches(CHANNEL, { message: 'must be a network id such as mastodon, or * for every channel' })
  channel!: string;
  @Field(() => CommentSeverityEnum) @IsEnum(CommentSeverityEnum) severity!: CommentSeverityEnum;
  @Field(() => Int, { description: `Minutes to the first answer, 1 to ${MAX_RESPONSE_MINUTES}.` })
  @IsInt()
  @Min(1, { message: 'must be more than 0 minutes' })
  @Max(MAX_RESPONSE_MINUTES, { message: `must be at most ${MAX_RESPONSE_MINUTES} minutes (30 days)` })
  responseMinutes!: number;
  @Field(() => ResponsibleRoleEnum) @IsEnum(ResponsibleRoleEnum) responsibleRole!: ResponsibleRoleEnum;
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
  @Field(() => [ReplyTemplateInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ReplyTemplateInput)
  replyTemplates?: ReplyTemplateInput[];
}

@InputType()
export class SetCommentHandlingRulesInput {
  @Field(() => [CommentHandlingRuleInput], { description: 'The whole set (replaces the previous one); one rule per channel and severity.' })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CommentHandlingRuleInput)
  rules!: CommentHandlingRuleInput[];
}

@InputType()
export class CommentResponseDueInput {
  @Field(() => String, { description: 'Network id of the comment.' })
  @IsString()
  @Matches(NETWORK, { message: 'must be a network id such as mastodon' })
  network!: string;
  @Field(() => CommentSeverityEnum) @IsEnum(CommentSeverityEnum) severity!: CommentSeverityEnum;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the comment arrived (default: now).' })
  @IsOptional()
  @IsDate()
  receivedAt?: Date;
}

@InputType()
export class SetContentRulesInput {
  @Field(() => [JSONObjectScalar], { description: 'The whole list of rules (replaces the previous one), at most 200.' })
  @ArrayMaxSize(200)
  @IsObject({ each: true })
  rules!: Record<string, unknown>[];
}

@InputType()
export class CheckContentInput {
  @Field(() => String) @IsString() @MaxLength(100000) text!: string;
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
  @Field(() => ID) @IsUUID('all', { message: 'must be a policy id' }) policyId!: string;
}

@ArgsType()
export class PolicyPageArgs extends PageArgs {
  @Field(() => ID) @IsUUID('all', { message: 'must be a policy id' }) policyId!: string;
}

@ArgsType()
export class IdArgs {
  @Field(() => ID) @IsUUID('all', { message: 'must be an id (UUID)' }) id!: string;
}

@ArgsType()
export class PolicyTemplateArgs {
  @Field(() => PolicyKindEnum, { nullable: true }) @IsOptional() @IsEnum(PolicyKindEnum) kind?: PolicyKindEnum;
  @Field(() => PolicyLanguageEnum, { nullable: true }) @IsOptional() @IsEnum(PolicyLanguageEnum) language?: PolicyLanguageEnum;
}
