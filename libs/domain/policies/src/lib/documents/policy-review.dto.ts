import { Field, GraphQLISODateTime, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { MAX_POLICY_REVIEWERS, POLICY_REVIEW_MODES, POLICY_REVIEW_VERDICTS } from './policy-review.repository';

export enum PolicyReviewModeEnum {
  NONE = 'NONE',
  LEGAL = 'LEGAL',
  WORKS_COUNCIL = 'WORKS_COUNCIL',
}
export enum PolicyReviewKindEnum {
  LEGAL = 'LEGAL',
  WORKS_COUNCIL = 'WORKS_COUNCIL',
}
export enum PolicyReviewVerdictEnum {
  CLEARED = 'CLEARED',
  CHANGES_REQUESTED = 'CHANGES_REQUESTED',
}
registerEnumType(PolicyReviewModeEnum, {
  name: 'PolicyReviewMode',
  description: 'Who reviews a submitted policy version before the executive approves it: nobody, the legal team or the works council.',
});
registerEnumType(PolicyReviewKindEnum, { name: 'PolicyReviewKind' });
registerEnumType(PolicyReviewVerdictEnum, {
  name: 'PolicyReviewVerdict',
  description: 'CLEARED lets the executive approve; CHANGES_REQUESTED returns the version to DRAFT.',
});

// The enums mirror the model's lists; a drift is a compile error here.
const _modes: readonly (keyof typeof PolicyReviewModeEnum)[] = POLICY_REVIEW_MODES;
const _verdicts: readonly (keyof typeof PolicyReviewVerdictEnum)[] = POLICY_REVIEW_VERDICTS;
void _modes;
void _verdicts;

@InputType()
export class SetPolicyReviewInput {
  @Field(() => PolicyReviewModeEnum) @IsEnum(PolicyReviewModeEnum) mode!: PolicyReviewModeEnum;
  @Field(() => [ID], { description: `Members who review (1 to ${MAX_POLICY_REVIEWERS}); empty for NONE.` })
  @IsArray()
  @ArrayMaxSize(MAX_POLICY_REVIEWERS, { message: `name at most ${MAX_POLICY_REVIEWERS} reviewers` })
  @IsUUID('all', { each: true, message: 'must be user ids' })
  reviewerIds!: string[];
}

@InputType()
export class RecordPolicyReviewInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be a policy version id' }) versionId!: string;
  @Field(() => PolicyReviewVerdictEnum) @IsEnum(PolicyReviewVerdictEnum) verdict!: PolicyReviewVerdictEnum;
  @Field(() => String, { nullable: true, description: 'Required to request changes.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  comment?: string | null;
}

@ObjectType('PolicyReviewSettings')
export class PolicyReviewSettingsObject {
  @Field(() => PolicyReviewModeEnum) mode!: PolicyReviewModeEnum;
  @Field(() => [ID]) reviewerIds!: string[];
  @Field(() => GraphQLISODateTime, { nullable: true }) updatedAt!: Date | null;
}

@ObjectType('PolicyVersionReview', { description: 'The review a version submitted for approval awaits or received.' })
export class PolicyVersionReviewObject {
  @Field(() => PolicyReviewKindEnum) kind!: PolicyReviewKindEnum;
  @Field(() => PolicyReviewVerdictEnum, { nullable: true, description: 'Null while the review is pending.' })
  verdict!: PolicyReviewVerdictEnum | null;
  @Field(() => ID, { nullable: true }) reviewedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) reviewedAt!: Date | null;
  @Field(() => String, { nullable: true }) comment!: string | null;
}
