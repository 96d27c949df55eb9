import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsInt, IsOptional, IsString, IsUrl, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { LocaleEnum } from '@socle/accounts';
import { ConnectionType, DateScalar, DateTimeScalar } from '@socle/platform-graphql';
import { MODEL_ID, MODEL_ID_MESSAGE } from '../model/model.dto';

export enum AssessmentStatusEnum {
  DRAFT = 'DRAFT',
  FINALIZED = 'FINALIZED',
}
registerEnumType(AssessmentStatusEnum, {
  name: 'AssessmentStatus',
  description: 'DRAFT (being answered) or FINALIZED (scored, immutable).',
  valuesMap: { DRAFT: { description: 'Being answered.' }, FINALIZED: { description: 'Scored and frozen; never changes.' } },
});

export enum CriterionKindEnum {
  DECLARATIVE = 'DECLARATIVE',
  EVIDENCE = 'EVIDENCE',
}
registerEnumType(CriterionKindEnum, {
  name: 'CriterionKind',
  description: 'DECLARATIVE (a question answered on a scale) or EVIDENCE (measured from platform data when the assessment is finalised).',
  valuesMap: {
    DECLARATIVE: { description: 'A question answered on a scale.' },
    EVIDENCE: { description: 'Measured from platform data when the assessment is finalised.' },
  },
});

@ObjectType('AssessmentModel', { description: 'The model version an assessment uses (its content is frozen with the assessment).' })
export class AssessmentModelObject {
  @Field(() => ID, { description: 'The model’s id: "default" for the built-in one, else a UUID.' }) id!: string;
  @Field(() => Int, { description: 'The model version used.' }) version!: number;
  @Field(() => String, { description: 'The model’s name.' }) name!: string;
  @Field(() => Boolean, { description: 'True for the built-in model.' }) builtIn!: boolean;
}

@ObjectType('AssessmentLevel', { description: 'A maturity level of the model.' })
export class AssessmentLevelObject {
  @Field(() => Int, { description: 'The level’s number, from 1 (lowest).' }) number!: number;
  @Field(() => String, { description: 'The level’s name.' }) name!: string;
  @Field(() => String, { description: 'What the level means.' }) description!: string;
  @Field(() => Float, { description: 'Overall score (0..100) from which the level is reached.' }) minScore!: number;
}

@ObjectType('AssessmentScaleOption', { description: 'One possible answer to a declarative question.' })
export class AssessmentScaleOptionObject {
  @Field(() => Int, { description: 'The value to send as the answer.' }) value!: number;
  @Field(() => Float, { description: '0..1' }) score!: number;
  @Field(() => String, { description: 'The answer’s short label.' }) label!: string;
  @Field(() => String, { description: 'What choosing this answer means.' }) meaning!: string;
}

@ObjectType('RoadmapStepRef', { description: 'A step of the ten-step integration roadmap.' })
export class RoadmapStepRefObject {
  @Field(() => Int, { description: 'The step’s number, 1 to 10.' }) number!: number;
  @Field(() => String, { description: 'The step’s title.' }) title!: string;
}

@ObjectType('AssessmentCriterion', { description: 'One criterion of a dimension, with its answer or measure.' })
export class AssessmentCriterionObject {
  @Field(() => String, { description: 'The criterion’s key, unique in the model.' }) key!: string;
  @Field(() => CriterionKindEnum, { description: 'Answered (declarative) or measured (evidence).' }) kind!: CriterionKindEnum;
  @Field(() => String, { description: 'The criterion’s title.' }) title!: string;
  @Field(() => Float, { description: 'Its weight within its dimension (relative to the other criteria’s).' }) weight!: number;
  @Field(() => String, { description: 'Which document of the method the criterion comes from.' }) source!: string;
  @Field(() => String, { nullable: true, description: 'Declarative criteria: the question.' }) question!: string | null;
  @Field(() => [AssessmentScaleOptionObject], { description: 'Declarative criteria: the possible answers.' })
  scale!: AssessmentScaleOptionObject[];
  @Field(() => String, { nullable: true, description: 'Evidence criteria: the evidence key.' }) evidenceKey!: string | null;
  @Field(() => Int, { nullable: true, description: 'The chosen answer (declarative).' }) answerValue!: number | null;
  @Field(() => Float, { nullable: true, description: '0..1; null while not answered (draft) or not yet measured (evidence, draft).' })
  score!: number | null;
  @Field(() => String, { nullable: true, description: "The chosen answer's wording, or the evidence explanation." }) detail!: string | null;
  @Field(() => RoadmapStepRefObject, { nullable: true, description: 'The roadmap step that works on this criterion, or null.' })
  roadmapStep!: RoadmapStepRefObject | null;
}

@ObjectType('AssessmentDimension', { description: 'One dimension of the model, with its criteria.' })
export class AssessmentDimensionObject {
  @Field(() => String, { description: 'The dimension’s key, unique in the model.' }) key!: string;
  @Field(() => String, { description: 'The dimension’s title.' }) title!: string;
  @Field(() => String, { description: 'What the dimension covers.' }) description!: string;
  @Field(() => Float, { description: 'Its weight in the overall score (relative to the other dimensions’).' }) weight!: number;
  @Field(() => Float, { nullable: true, description: '0..100 once finalised.' }) score!: number | null;
  @Field(() => [AssessmentCriterionObject], { description: 'The dimension’s criteria, in the model’s order.' })
  criteria!: AssessmentCriterionObject[];
}

@ObjectType('AssessmentAnswer', { description: 'An answer to a declarative question.' })
export class AssessmentAnswerObject {
  @Field(() => ID, {
    description: 'Id of the answer (its assessment and criterion): opaque and stable, kept when the answer is changed.',
  })
  id!: string;
  @Field(() => String, { description: 'The criterion answered.' }) criterionKey!: string;
  @Field(() => Int, { description: 'The chosen scale value.' }) value!: number;
  @Field(() => String, { description: "The answer's label in the organisation's language." }) label!: string;
  @Field(() => String, { nullable: true, description: 'A comment given with the answer, or null.' }) comment!: string | null;
  @Field(() => [String], { description: 'Supporting documents (http(s) URLs).' }) attachments!: string[];
  @Field(() => ID, { nullable: true, description: 'User id of who last answered, or null when not answered by a person.' }) answeredBy!:
    string | null;
  @Field(() => DateTimeScalar, { description: 'When it was last answered (UTC).' }) answeredAt!: Date;
}

@ObjectType('AssessmentEvidence', { description: 'Evidence measured from platform data and frozen when the assessment was finalised.' })
export class AssessmentEvidenceObject {
  @Field(() => String, { description: 'The evidence key.' }) key!: string;
  @Field(() => String, { nullable: true, description: 'The raw observation, as text.' }) value!: string | null;
  @Field(() => Float, { description: '0..1' }) score!: number;
  @Field(() => String, { description: 'How the score was reached, in plain words.' }) explanation!: string;
}

@ObjectType('AssessmentRecommendation', { description: 'A next action for a weak criterion; the biggest possible gains first.' })
export class AssessmentRecommendationObject {
  @Field(() => String, { description: 'The dimension of the criterion.' }) dimensionKey!: string;
  @Field(() => String, { description: 'The dimension’s title.' }) dimensionTitle!: string;
  @Field(() => String, { description: 'The weak criterion.' }) criterionKey!: string;
  @Field(() => String, { description: 'The criterion’s title.' }) criterionTitle!: string;
  @Field(() => String, { description: 'What to do next.' }) text!: string;
  @Field(() => Float, { description: 'Points of overall score (0..100) the criterion at full score would add.' }) gain!: number;
  @Field(() => RoadmapStepRefObject, { nullable: true, description: 'The roadmap step that works on this criterion, or null.' })
  roadmapStep!: RoadmapStepRefObject | null;
}

@ObjectType('DimensionTrend', { description: 'A dimension against the previous finalised assessment.' })
export class DimensionTrendObject {
  @Field(() => String, { description: 'The dimension.' }) dimensionKey!: string;
  @Field(() => String, { description: 'The dimension’s title.' }) title!: string;
  @Field(() => Float, { nullable: true, description: 'The dimension’s score (0..100) in this assessment; null when not scored.' }) score!:
    number | null;
  @Field(() => Float, { nullable: true, description: 'Null when the previous assessment had no such dimension.' }) previousScore!:
    number | null;
  @Field(() => Float, { nullable: true, description: 'score - previousScore; null when either is missing.' }) delta!: number | null;
}

@ObjectType('Assessment', { description: "A maturity assessment of the organisation; texts are in the organisation's language." })
export class AssessmentObject {
  @Field(() => ID, { description: 'Identifier of the assessment.' }) id!: string;
  @Field(() => AssessmentStatusEnum, { description: 'Draft or finalised.' }) status!: AssessmentStatusEnum;
  @Field(() => LocaleEnum, { description: 'Language of the texts (the organisation’s).' }) locale!: string;
  @Field(() => AssessmentModelObject, { description: 'The model version used.' }) model!: AssessmentModelObject;
  @Field(() => DateTimeScalar, { description: 'When the assessment was started (UTC).' }) startedAt!: Date;
  @Field(() => ID, { nullable: true, description: 'User id of who started it, or null when not started by a person.' }) startedBy!:
    string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was finalised (UTC); null for a draft.' })
  finalizedAt!: Date | null;
  @Field(() => ID, { nullable: true, description: 'User id of who finalised it; null for a draft or when not finalised by a person.' })
  finalizedBy!: string | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When the assessment was made (finalised assessments): the finalisation time, or the end of the day given as assessedOn. History, trend, portfolio, reports and live score read this date.',
  })
  assessedAt!: Date | null;
  @Field(() => DateScalar, { nullable: true, description: "assessedAt's day in the organization's calendar." })
  assessedOn!: string | null;
  @Field(() => Int, { description: 'Declarative questions answered so far.' }) answeredCount!: number;
  @Field(() => Int, { description: 'Declarative questions in the model.' }) questionCount!: number;
  @Field(() => Float, { nullable: true, description: '0..100 once finalised.' }) overallScore!: number | null;
  @Field(() => AssessmentLevelObject, { nullable: true, description: 'The level reached once finalised; null for a draft.' })
  level!: AssessmentLevelObject | null;
  @Field(() => [AssessmentLevelObject], { description: "The model's levels." }) levels!: AssessmentLevelObject[];
  @Field(() => [AssessmentDimensionObject], { description: 'The model’s dimensions with their criteria and scores.' })
  dimensions!: AssessmentDimensionObject[];
  @Field(() => [AssessmentAnswerObject], { description: 'The answers given so far.' }) answers!: AssessmentAnswerObject[];
  @Field(() => [AssessmentEvidenceObject], { description: 'The evidence measured at finalisation; empty for a draft.' })
  evidence!: AssessmentEvidenceObject[];
  @Field(() => [AssessmentRecommendationObject], { description: 'Next actions, the biggest gains first; empty for a draft.' })
  recommendations!: AssessmentRecommendationObject[];
  @Field(() => ID, { nullable: true, description: 'The finalised assessment before this one (finalised assessments only).' })
  previousAssessmentId!: string | null;
  @Field(() => Float, { nullable: true, description: 'The previous finalised assessment’s overall score (0..100); null without one.' })
  previousOverallScore!: number | null;
  @Field(() => [DimensionTrendObject], {
    description: 'Per dimension, the change since the previous finalised assessment (empty without one).',
  })
  trend!: DimensionTrendObject[];
}

export const AssessmentConnection = ConnectionType(AssessmentObject, 'Assessment');

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

@InputType({ description: 'The model version to assess the organisation with.' })
export class StartAssessmentInput {
  @Field(() => ID, { description: '"default" for the built-in model, or a model of your agency with a published version.' })
  @IsString()
  @Matches(MODEL_ID, { message: MODEL_ID_MESSAGE })
  modelId!: string;
  @Field(() => Int, { nullable: true, description: 'A published version (default: the newest).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  version?: number;
}

@InputType({ description: 'An answer to one declarative question of a draft assessment.' })
export class AnswerAssessmentCriterionInput {
  @Field(() => ID, { description: 'The draft assessment.' }) @IsUUID('all', { message: 'must be an assessment id' }) assessmentId!: string;
  @Field(() => String, { description: 'The declarative criterion answered (1 to 80 characters).' })
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  criterionKey!: string;
  @Field(() => Int, { description: "One of the criterion's scale values." }) @IsInt() @Min(-1000) @Max(1000) value!: number;
  @Field(() => String, { nullable: true, description: 'A comment, at most 4,000 characters.' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;
  @Field(() => [String], { nullable: true, description: 'Up to 10 http(s) URLs of supporting documents.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsUrl(URL_OPTIONS, { each: true, message: 'must be http(s) URLs' })
  @MaxLength(2000, { each: true })
  attachments?: string[];
}

@InputType({ description: 'The draft assessment to finalise, and its date.' })
export class FinalizeAssessmentInput {
  @Field(() => ID, { description: 'The draft assessment.' }) @IsUUID('all', { message: 'must be an assessment id' }) assessmentId!: string;
  @Field(() => DateScalar, {
    nullable: true,
    description:
      "The day the assessment was made, in the organization's calendar (default today): not in the future, at most 5 years back, not before the latest finalised assessment.",
  })
  @IsOptional()
  @IsString()
  assessedOn?: string;
}
