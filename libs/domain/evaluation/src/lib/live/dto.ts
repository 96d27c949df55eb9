import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('LiveMaturityDimension')
export class LiveMaturityDimensionObject {
  @Field(() => String) key!: string;
  @Field(() => Float, { nullable: true, description: '0..100; null when the dimension has no evidence criterion.' }) score!: number | null;
}

@ObjectType('LiveMaturityEvidence')
export class LiveMaturityEvidenceObject {
  @Field(() => String) key!: string;
  @Field(() => Float, { description: '0..1.' }) score!: number;
  @Field(() => String, { description: "In the organization's language." }) explanation!: string;
}

@ObjectType('LiveMaturityScore', {
  description:
    "An organization's live score: the evidence criteria of its latest assessment's model (or of the built-in model), computed from platform data.",
})
export class LiveMaturityScoreObject {
  @Field(() => ID) organizationId!: string;
  @Field(() => GraphQLISODateTime) computedAt!: Date;
  @Field(() => String) modelId!: string;
  @Field(() => Int) modelVersion!: number;
  @Field(() => Float, { nullable: true, description: '0..100; null when the model has no evidence criterion.' }) overallScore!:
    number | null;
  @Field(() => Int, { nullable: true }) level!: number | null;
  @Field(() => [LiveMaturityDimensionObject]) dimensions!: LiveMaturityDimensionObject[];
  @Field(() => [LiveMaturityEvidenceObject]) evidence!: LiveMaturityEvidenceObject[];
}
