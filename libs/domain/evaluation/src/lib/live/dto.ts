import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@socle/platform-graphql';

export enum LiveCriterionSourceEnum {
  EVIDENCE = 'EVIDENCE',
  ASSESSMENT = 'ASSESSMENT',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(LiveCriterionSourceEnum, {
  name: 'LiveCriterionSource',
  description:
    "Where a live score's criterion comes from. EVIDENCE: measured from platform data. ASSESSMENT: the answer of the latest finalised assessment, at most a year old. UNKNOWN: no such answer; it scores 0 and keeps its weight.",
  valuesMap: {
    EVIDENCE: { description: 'Measured from platform data.' },
    ASSESSMENT: { description: 'The answer of the latest finalised assessment, at most a year old.' },
    UNKNOWN: { description: 'No such answer: it scores 0 and keeps its weight.' },
  },
});

@ObjectType('LiveScoreCoverage', {
  description:
    "Shares (0..1, summing to 1) of the model's weight behind a live score: measured by evidence, carried from the latest assessment, unknown.",
})
export class LiveScoreCoverageObject {
  @Field(() => Float, { description: 'Share of the weight measured from platform data.' }) evidence!: number;
  @Field(() => Float, { description: 'Share carried from the latest finalised assessment.' }) assessment!: number;
  @Field(() => Float, { description: 'Share with neither (scored 0).' }) unknown!: number;
}

@ObjectType('LiveMaturityDimension', { description: 'One dimension of a live score.' })
export class LiveMaturityDimensionObject {
  @Field(() => String, { description: 'The dimension’s key.' }) key!: string;
  @Field(() => Float, { nullable: true, description: '0..100; unknown declarative criteria count as 0.' }) score!: number | null;
}

@ObjectType('LiveMaturityEvidence', { description: 'One piece of evidence measured for a live score.' })
export class LiveMaturityEvidenceObject {
  @Field(() => String, { description: 'The evidence key.' }) key!: string;
  @Field(() => Float, { description: '0..1.' }) score!: number;
  @Field(() => String, { description: "In the organization's language." }) explanation!: string;
}

@ObjectType('LiveMaturityCriterion', { description: 'One criterion of a live score and where its score comes from.' })
export class LiveMaturityCriterionObject {
  @Field(() => String, { description: 'The criterion’s key.' }) key!: string;
  @Field(() => String, { description: 'The criterion’s dimension.' }) dimensionKey!: string;
  @Field(() => LiveCriterionSourceEnum, { description: 'Where the criterion’s score comes from.' }) source!: LiveCriterionSourceEnum;
  @Field(() => Float, { nullable: true, description: '0..1; null when UNKNOWN (counted as 0).' }) score!: number | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'ASSESSMENT: when the carried answer was given.' })
  answeredAt!: Date | null;
  @Field(() => Int, { nullable: true, description: "ASSESSMENT: the answer's age in whole days when the score was computed." }) ageDays!:
    number | null;
}

@ObjectType('LiveMaturityScore', {
  description:
    "An organization's live score with the model of its latest assessment (or the built-in model): evidence criteria measured from platform data, declarative ones carried from the latest finalised assessment or unknown (0). Its level never exceeds the level the measured part alone supports.",
})
export class LiveMaturityScoreObject {
  @Field(() => ID, {
    description: 'Id of this live score as kept in the history: opaque and stable, the same as its entry in liveScoreHistory.',
  })
  id!: string;
  @Field(() => ID, { description: 'The organization.' }) organizationId!: string;
  @Field(() => DateTimeScalar, { description: 'When the live score was computed (UTC).' }) computedAt!: Date;
  @Field(() => String, { description: 'The maturity model: "default" for the built-in one, else a UUID.' }) modelId!: string;
  @Field(() => Int, { description: 'The model version scored.' }) modelVersion!: number;
  @Field(() => Float, { nullable: true, description: '0..100.' }) overallScore!: number | null;
  @Field(() => Int, { nullable: true, description: 'The level of overallScore, capped at measuredLevel.' }) level!: number | null;
  @Field(() => LiveScoreCoverageObject, { nullable: true, description: 'Null for a live score computed before coverage was kept.' })
  coverage!: LiveScoreCoverageObject | null;
  @Field(() => Float, { nullable: true, description: 'The evidence criteria alone, weights renormalised among them (0..100).' })
  measuredScore!: number | null;
  @Field(() => Int, { nullable: true, description: 'The level measuredScore reaches: the most the live score may claim.' })
  measuredLevel!: number | null;
  @Field(() => Boolean, { description: 'Whether the level was lowered to measuredLevel.' }) levelCapped!: boolean;
  @Field(() => [LiveMaturityDimensionObject], { description: 'One per dimension of the model.' })
  dimensions!: LiveMaturityDimensionObject[];
  @Field(() => [LiveMaturityCriterionObject], { description: 'One per criterion of the model.' }) criteria!: LiveMaturityCriterionObject[];
  @Field(() => [LiveMaturityEvidenceObject], { description: 'The evidence measured.' }) evidence!: LiveMaturityEvidenceObject[];
}
