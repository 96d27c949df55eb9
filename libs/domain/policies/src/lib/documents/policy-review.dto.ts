import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@socle/platform-graphql';
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
  valuesMap: {
    NONE: { description: 'No review: the executive approver decides alone.' },
    LEGAL: { description: 'The legal team reviews first.' },
    WORKS_COUNCIL: { description: 'The works council reviews first.' },
  },
});
registerEnumType(PolicyReviewKindEnum, {
  description: 'Who reviewed, or is to review, a policy version.',
  name: 'PolicyReviewKind',
  valuesMap: { LEGAL: { description: 'The legal team.' }, WORKS_COUNCIL: { description: 'The works council.' } },
});
registerEnumType(PolicyReviewVerdictEnum, {
  name: 'PolicyReviewVerdict',
  description: 'CLEARED lets the executive approve; CHANGES_REQUESTED returns the version to DRAFT.',
  valuesMap: {
    CLEARED: { description: 'Nothing against it: the executive may approve.' },
    CHANGES_REQUESTED: { description: 'Changes asked for, with a comment: the version goes back to DRAFT.' },
  },
});

// The enums mirror the model's lists; a drift is a compile error here.
const _modes: readonly (keyof typeof PolicyReviewModeEnum)[] = POLICY_REVIEW_MODES;
const _verdicts: readonly (keyof typeof PolicyReviewVerdictEnum)[] = POLICY_REVIEW_VERDICTS;
void _modes;
void _verdicts;

@InputType({ description: 'Who reviews submitted policy versions.' })
export class SetPolicyReviewInput {
  @Field(() => PolicyReviewModeEnum, { description: 'The kind of review, or NONE.' })
  @IsEnum(PolicyReviewModeEnum)
  mode!: PolicyReviewModeEnum;
  @Field(() => [ID], { description: `Members who review (1 to ${MAX_POLICY_REVIEWERS}); empty for NONE.` })
  @IsArray()
  @ArrayMaxSize(MAX_POLICY_REVIEWERS, { message: `name at most ${MAX_POLICY_REVIEWERS} reviewers` })
  @IsUUID('all', { each: true, message: 'must be user ids' })
  reviewerIds!: string[];
}

@InputType({ description: "A reviewer's verdict on a submitted version." })
export class RecordPolicyReviewInput {
  @Field(() => ID, { description: 'The version reviewed (IN_REVIEW).' })
  @IsUUID('all', { message: 'must be a policy version id' })
  versionId!: string;
  @Field(() => PolicyReviewVerdictEnum, { description: 'The verdict.' }) @IsEnum(PolicyReviewVerdictEnum) verdict!: PolicyReviewVerdictEnum;
  @Field(() => String, { nullable: true, description: 'Required to request changes.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  comment?: string | null;
}

@ObjectType('PolicyReviewSettings', { description: 'Who reviews submitted policy versions before the executive approves them.' })
export class PolicyReviewSettingsObject {
  @Field(() => ID, { description: "Id of the organization's review setting: opaque and stable, one per organization." }) id!: string;
  @Field(() => PolicyReviewModeEnum, { description: 'The kind of review, or NONE.' }) mode!: PolicyReviewModeEnum;
  @Field(() => [ID], { description: 'The members who may review (empty for NONE).' }) reviewerIds!: string[];
  @Field(() => DateTimeScalar, { description: 'When it was last set (UTC); null while never set (NONE).', nullable: true })
  updatedAt!: Date | null;
}

@ObjectType('PolicyVersionReview', { description: 'The review a version submitted for approval awaits or received.' })
export class PolicyVersionReviewObject {
  @Field(() => ID, { description: "Id of the version's review: opaque and stable, one per version, pending or decided." }) id!: string;
  @Field(() => PolicyReviewKindEnum, { description: 'The kind of review.' }) kind!: PolicyReviewKindEnum;
  @Field(() => PolicyReviewVerdictEnum, { nullable: true, description: 'Null while the review is pending.' })
  verdict!: PolicyReviewVerdictEnum | null;
  @Field(() => ID, { description: 'The reviewer; null while pending.', nullable: true }) reviewedBy!: string | null;
  @Field(() => DateTimeScalar, { description: 'When the verdict was given (UTC); null while pending.', nullable: true })
  reviewedAt!: Date | null;
  @Field(() => String, { description: "The reviewer's comment; null when none.", nullable: true }) comment!: string | null;
}
