import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsInt, IsOptional, IsString, IsUrl, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ConnectionType } from '@socle/platform-graphql';
import { MODEL_ID, MODEL_ID_MESSAGE } from '../model/model.dto';

export enum AssessmentStatusEnum {
  DRAFT = 'DRAFT',
  FINALIZED = 'FINALIZED',
}
registerEnumType(AssessmentStatusEnum, {
  name: 'AssessmentStatus',
  description: 'DRAFT (being answered) or FINALIZED (scored, immutable).',
});

export enum CriterionKindEnum {
  DECLARATIVE = 'DECLARATIVE',
  EVIDENCE = 'EVIDENCE',
}
registerEnumType(CriterionKindEnum, {
  name: 'CriterionKind',
  description: 'DECLARATIVE (a question answered on a scale) or EVIDENCE (measured from platform data when the assessment is finalised).',
});

@ObjectType('AssessmentModel', { description: 'The model version an assessment uses (its content is frozen with the assessment).' })
export class AssessmentModelObject {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field(() => String) name!: string;
  @Field(() => Boolean) builtIn!: boolean;
}

@ObjectType('AssessmentLevel')
export class AssessmentLevelObject {
  @Field(() => Int) number!: number;
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => Float, { description: 'Overall score (0..100) from which the level is reached.' }) minScore!: number;
}

@ObjectType('AssessmentScaleOption')
export class AssessmentScaleOptionObject {
  @Field(() => Int) value!: number;
  @Field(() => Float, { description: '0..1' }) score!: number;
  @Field(() => String) label!: string;
  @Field(() => String) meaning!: string;
}

@ObjectType('RoadmapStepRef', { description: 'A step of the ten-step integration roadmap.' })
export class RoadmapStepRefObject {
  @Field(() => Int) number!: number;
  @Field(() => String) title!: string;
}

@ObjectType('AssessmentCriterion')
export class AssessmentCriterionObject {
  @Field(() => String) key!: string;
  @Field(() => CriterionKindEnum) kind!: CriterionKindEnum;
  @Field(() => String) title!: string;
  @Field(() => Float) weight!: number;
  @Field(() => String, { description: 'Which document of the method the criterion comes from.' }) source!: string;
  @Field(() => String, { nullable: true, description: 'Declarative criteria: the question.' }) question!: string | null;
  @Field(() => [AssessmentScaleOptionObject], { description: 'Declarative criteria: the possible answers.' })
  scale!: AssessmentScaleOptionObject[];
  @Field(() => String, { nullable: true, description: 'Evidence criteria: the evidence key.' }) evidenceKey!: string | null;
  @Field(() => Int, { nullable: true, description: 'The chosen answer (declarative).' }) answerValue!: number | null;
  @Field(() => Float, { nullable: true, description: '0..1; null while not answered (draft) or not yet measured (evidence, draft).' })
  score!: number | null;
  @Field(() => String, { nullable: true, description: "The chosen answer's wording, or the evidence explanation." }) detail!: string | null;
  @Field(() => RoadmapStepRefObject, { nullable: true }) roadmapStep!: RoadmapStepRefObject | null;
}

@ObjectType('AssessmentDimension')
export class AssessmentDimensionObject {
  @Field(() => String) key!: string;
  @Field(() => String) title!: string;
  @Field(() => String) description!: string;
  @Field(() => Float) weight!: number;
  @Field(() => Float, { nullable: true, description: '0..100 once finalised.' }) score!: number | null;
  @Field(() => [AssessmentCriterionObject]) criteria!: AssessmentCriterionObject[];
}

@ObjectType('AssessmentAnswer')
export class AssessmentAnswerObject {
  @Field(() => String) criterionKey!: string;
  @Field(() => Int) value!: number;
  @Field(() => String, { description: "The answer's label in the organisation's language." }) label!: string;
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field(() => [String], { description: 'Supporting documents (http(s) URLs).' }) attachments!: string[];
  @Field(() => ID, { nullable: true }) answeredBy!: string | null;
  @Field(() => GraphQLISODateTime) answeredAt!: Date;
}

@ObjectType('AssessmentEvidence', { description: 'Evidence measured from platform data and frozen when the assessment was finalised.' })
export class AssessmentEvidenceObject {
  @Field(() => String) key!: string;
  @Field(() => String, { nullable: true, description: 'The raw observation, as text.' }) value!: string | null;
  @Field(() => Float, { description: '0..1' }) score!: number;
  @Field(() => String) explanation!: string;
}

@ObjectType('AssessmentRecommendation', { description: 'A next action for a weak criterion; the biggest possible gains first.' })
export class AssessmentRecommendationObject {
  @Field(() => String) dimensionKey!: string;
  @Field(() => String) dimensionTitle!: string;
  @Field(() => String) criterionKey!: string;
  @Field(() => String) criterionTitle!: string;
  @Field(() => String) text!: string;
  @Field(() => Float, { description: 'Points of overall score (0..100) the criterion at full score would add.' }) gain!: number;
  @Field(() => RoadmapStepRefObject, { nullable: true }) roadmapStep!: RoadmapStepRefObject | null;
}

@ObjectType('DimensionTrend', { description: 'A dimension against the previous finalised assessment.' })
export class DimensionTrendObject {
  @Field(() => String) dimensionKey!: string;
  @Field(() => String) title!: string;
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field(() => Float, { nullable: true, description: 'Null when the previous assessment had no such dimension.' }) previousScore!:
    number | null;
  @Field(() => Float, { nullable: true, description: 'score - previousScore; null when either is missing.' }) delta!: number | null;
}

@ObjectType('Assessment', { description: "A maturity assessment of the organisation; texts are in the organisation's language." })
export class AssessmentObject {
  @Field(() => ID) id!: string;
  @Field(() => AssessmentStatusEnum) status!: AssessmentStatusEnum;
  @Field(() => String, { description: 'Language of the texts: fr or en (the organisation’s).' }) locale!: string;
  @Field(() => AssessmentModelObject) model!: AssessmentModelObject;
  @Field(() => GraphQLISODateTime) startedAt!: Date;
  @Field(() => ID, { nullable: true }) startedBy!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) finalizedAt!: Date | null;
  @Field(() => ID, { nullable: true }) finalizedBy!: string | null;
  @Field(() => Int, { description: 'Declarative questions answered so far.' }) answeredCount!: number;
  @Field(() => Int, { description: 'Declarative questions in the model.' }) questionCount!: number;
  @Field(() => Float, { nullable: true, description: '0..100 once finalised.' }) overallScore!: number | null;
  @Field(() => AssessmentLevelObject, { nullable: true }) level!: AssessmentLevelObject | null;
  @Field(() => [AssessmentLevelObject], { description: "The model's levels." }) levels!: AssessmentLevelObject[];
  @Field(() => [AssessmentDimensionObject]) dimensions!: AssessmentDimensionObject[];
  @Field(() => [AssessmentAnswerObject]) answers!: AssessmentAnswerObject[];
  @Field(() => [AssessmentEvidenceObject]) evidence!: AssessmentEvidenceObject[];
  @Field(() => [AssessmentRecommendationObject]) recommendations!: AssessmentRecommendationObject[];
  @Field(() => ID, { nullable: true, description: 'The finalised assessment before this one (finalised assessments only).' })
  previousAssessmentId!: string | null;
  @Field(() => Float, { nullable: true }) previousOverallScore!: number | null;
  @Field(() => [DimensionTrendObject], {
    description: 'Per dimension, the change since the previous finalised assessment (empty without one).',
  })
  trend!: DimensionTrendObject[];
}

export const AssessmentConnection = ConnectionType(AssessmentObject, 'Assessment');

const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

@InputType()
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

@InputType()
export class AnswerAssessmentCriterionInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an assessment id' }) assessmentId!: string;
  @Field(() => String) @IsString() @MinLength(1) @MaxLength(80) criterionKey!: string;
  @Field(() => Int, { description: "One of the criterion's scale values." }) @IsInt() @Min(-1000) @Max(1000) value!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(4000) comment?: string;
  @Field(() => [String], { nullable: true, description: 'Up to 10 http(s) URLs of supporting documents.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsUrl(URL_OPTIONS, { each: true, message: 'must be http(s) URLs' })
  @MaxLength(2000, { each: true })
  attachments?: string[];
}

@InputType()
export class FinalizeAssessmentInput {
  @Field(() => ID) @IsUUID('all', { message: 'must be an assessment id' }) assessmentId!: string;
}
