import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum LiveCriterionSourceEnum {
  EVIDENCE = 'EVIDENCE',
  ASSESSMENT = 'ASSESSMENT',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(LiveCriterionSourceEnum, {
  name: 'LiveCriterionSource',
  description:
    "Where a live score's criterion comes from. EVIDENCE: measured from platform data. ASSESSMENT: the answer of the latest finalised assessment, at most a year old. UNKNOWN: no such answer; it scores 0 and keeps its weight.",
});

@ObjectType('LiveScoreCoverage', {
  description:
    "Shares (0..1, summing to 1) of the model's weight behind a live score: measured by evidence, carried from the latest assessment, unknown.",
})
export class LiveScoreCoverageObject {
  @Field(() => Float) evidence!: number;
  @Field(() => Float) assessment!: number;
  @Field(() => Float) unknown!: number;
}

@ObjectType('LiveMaturityDimension')
export class LiveMaturityDimensionObject {
  @Field(() => String) key!: string;
  @Field(() => Float, { nullable: true, description: '0..100; unknown declarative criteria count as 0.' }) score!: number | null;
}

@ObjectType('LiveMaturityEvidence')
export class LiveMaturityEvidenceObject {
  @Field(() => String) key!: string;
  @Field(() => Float, { description: '0..1.' }) score!: number;
  @Field(() => String, { description: "In the organization's language." }) explanation!: string;
}

@ObjectType('LiveMaturityCriterion')
export class LiveMaturityCriterionObject {
  @Field(() => String) key!: string;
  @Field(() => String) dimensionKey!: string;
  @Field(() => LiveCriterionSourceEnum) source!: LiveCriterionSourceEnum;
  @Field(() => Float, { nullable: true, description: '0..1; null when UNKNOWN (counted as 0).' }) score!: number | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'ASSESSMENT: when the carried answer was given.' })
  answeredAt!: Date | null;
  @Field(() => Int, { nullable: true, description: "ASSESSMENT: the answer's age in whole days when the score was computed." }) ageDays!:
    number | null;
}

@ObjectType('LiveMaturityScore', {
  description:
    "An organization's live score with the model of its latest assessment (or the built-in model): evidence criteria measured from platform data, declarative ones carried from the latest finalised assessment or unknown (0). Its level never exceeds the level the measured part alone supports.",
})
export class LiveMaturityScoreObject {
  @Field(() => ID) organizationId!: string;
  @Field(() => GraphQLISODateTime) computedAt!: Date;
  @Field(() => String) modelId!: string;
  @Field(() => Int) modelVersion!: number;
  @Field(() => Float, { nullable: true, description: '0..100.' }) overallScore!: number | null;
  @Field(() => Int, { nullable: true, description: 'The level of overallScore, capped at measuredLevel.' }) level!: number | null;
  @Field(() => LiveScoreCoverageObject, { nullable: true, description: 'Null for a live score computed before coverage was kept.' })
  coverage!: LiveScoreCoverageObject | null;
  @Field(() => Float, { nullable: true, description: 'The evidence criteria alone, weights renormalised among them (0..100).' })
  measuredScore!: number | null;
  @Field(() => Int, { nullable: true, description: 'The level measuredScore reaches: the most the live score may claim.' })
  measuredLevel!: number | null;
  @Field(() => Boolean, { description: 'Whether the level was lowered to measuredLevel.' }) levelCapped!: boolean;
  @Field(() => [LiveMaturityDimensionObject]) dimensions!: LiveMaturityDimensionObject[];
  @Field(() => [LiveMaturityCriterionObject]) criteria!: LiveMaturityCriterionObject[];
  @Field(() => [LiveMaturityEvidenceObject]) evidence!: LiveMaturityEvidenceObject[];
}
