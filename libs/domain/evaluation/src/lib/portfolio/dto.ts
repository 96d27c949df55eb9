import { ArgsType, Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PageArgs, PageInfo } from '@socle/platform-graphql';
import { LiveScoreCoverageObject } from '../live/dto';

export enum PortfolioSortFieldEnum {
  NAME = 'NAME',
  SCORE = 'SCORE',
  LEVEL = 'LEVEL',
  TREND = 'TREND',
  DAYS_SINCE_ASSESSMENT = 'DAYS_SINCE_ASSESSMENT',
  LIVE_SCORE = 'LIVE_SCORE',
}
registerEnumType(PortfolioSortFieldEnum, {
  name: 'PortfolioSortField',
  description:
    'NAME; SCORE and LEVEL of the latest finalised assessment; TREND (its score minus the previous one); DAYS_SINCE_ASSESSMENT (never assessed counts as longest); LIVE_SCORE. Missing values sort last, then by name.',
});

export enum PortfolioSortDirectionEnum {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(PortfolioSortDirectionEnum, { name: 'PortfolioSortDirection' });

export enum MaturityScoreSourceEnum {
  ASSESSMENT = 'ASSESSMENT',
  LIVE = 'LIVE',
}
registerEnumType(MaturityScoreSourceEnum, {
  name: 'MaturityScoreSource',
  description:
    'ASSESSMENT: the latest finalised assessment. LIVE: the latest live score (recomputed nightly; declarative criteria carried from the latest assessment or unknown).',
});

@InputType()
export class PortfolioSortInput {
  @Field(() => PortfolioSortFieldEnum) @IsIn(Object.values(PortfolioSortFieldEnum)) field!: PortfolioSortFieldEnum;
  @Field(() => PortfolioSortDirectionEnum, { defaultValue: PortfolioSortDirectionEnum.ASC })
  @IsOptional()
  @IsIn(Object.values(PortfolioSortDirectionEnum))
  direction?: PortfolioSortDirectionEnum;
}

@InputType()
export class PortfolioFilterInput {
  @Field(() => Int, { nullable: true, description: 'Level of the latest finalised assessment at least this (1..10).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  levelMin?: number;

  @Field(() => Int, { nullable: true, description: 'Level of the latest finalised assessment at most this (1..10).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10)
  levelMax?: number;

  @Field(() => Float, { nullable: true, description: 'Score of the latest finalised assessment strictly below this (0..100).' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  scoreBelow?: number;

  @Field(() => Float, { nullable: true, description: 'Score of the latest finalised assessment strictly above this (0..100).' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  scoreAbove?: number;

  @Field(() => Int, { nullable: true, description: 'An assessment was finalised within the last N days.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(36500)
  assessedWithinDays?: number;

  @Field(() => Int, { nullable: true, description: 'No assessment finalised in the last N days (never-assessed organizations included).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(36500)
  notAssessedForDays?: number;

  @Field(() => String, { nullable: true, description: 'Part of the organization name, case-insensitive.' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  search?: string;
}

@ArgsType()
export class PortfolioArgs extends PageArgs {
  @Field(() => PortfolioSortInput, { nullable: true, description: 'Default: NAME ASC.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PortfolioSortInput)
  sort?: PortfolioSortInput;

  @Field(() => PortfolioFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PortfolioFilterInput)
  filter?: PortfolioFilterInput;
}

@ArgsType()
export class OrganizationMaturityArgs {
  @Field(() => ID) @IsUUID('all', { message: 'must be an organization id' }) organizationId!: string;
}

@ArgsType()
export class OrganizationRadarArgs extends OrganizationMaturityArgs {
  @Field(() => MaturityScoreSourceEnum, { nullable: true, description: 'Default: the latest finalised assessment, else the live score.' })
  @IsOptional()
  @IsIn(Object.values(MaturityScoreSourceEnum))
  source?: MaturityScoreSourceEnum;
}

@ArgsType()
export class RadarArgs {
  @Field(() => MaturityScoreSourceEnum, { nullable: true, description: 'Default: the latest finalised assessment, else the live score.' })
  @IsOptional()
  @IsIn(Object.values(MaturityScoreSourceEnum))
  source?: MaturityScoreSourceEnum;
}

// ------------------------------------------------------------------ objects

@ObjectType('PortfolioAssessment', { description: 'The latest finalised assessment of an organization.' })
export class PortfolioAssessmentObject {
  @Field(() => ID) id!: string;
  @Field(() => GraphQLISODateTime) finalizedAt!: Date;
  @Field(() => Float, { nullable: true, description: '0..100.' }) score!: number | null;
  @Field(() => Int, { nullable: true }) level!: number | null;
  @Field(() => String, { nullable: true, description: "The level's name in the viewer's language." }) levelName!: string | null;
  @Field(() => Float, { nullable: true, description: 'Score of the finalised assessment before it.' }) previousScore!: number | null;
}

@ObjectType('PortfolioDimension', { description: 'A dimension of the latest finalised assessment.' })
export class PortfolioDimensionObject {
  @Field(() => String) key!: string;
  @Field(() => String, { description: "In the viewer's language." }) title!: string;
  @Field(() => Float) score!: number;
}

@ObjectType('PortfolioLiveScore', {
  description:
    'The latest live score, recomputed nightly: evidence measured, declarative answers carried from the latest assessment or unknown (0), its coverage beside it; the level never exceeds what the measured part supports.',
})
export class PortfolioLiveScoreObject {
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field(() => Int, { nullable: true, description: 'Capped at measuredLevel.' }) level!: number | null;
  @Field(() => LiveScoreCoverageObject, { nullable: true, description: 'Null for a live score computed before coverage was kept.' })
  coverage!: LiveScoreCoverageObject | null;
  @Field(() => Int, { nullable: true, description: 'The level the measured (evidence) part alone supports.' }) measuredLevel!:
    number | null;
  @Field(() => Boolean, { description: 'Whether the level was lowered to measuredLevel.' }) levelCapped!: boolean;
  @Field(() => GraphQLISODateTime) computedAt!: Date;
  @Field(() => Float, { nullable: true, description: 'Change since the live score before it (the previous night).' }) change!:
    number | null;
}

@ObjectType('PortfolioEntry', { description: "One client organization in the agency's portfolio." })
export class PortfolioEntryObject {
  @Field(() => ID) organizationId!: string;
  @Field(() => String) name!: string;
  @Field(() => PortfolioAssessmentObject, { nullable: true, description: 'Null when never assessed.' })
  lastAssessment!: PortfolioAssessmentObject | null;
  @Field(() => Float, { nullable: true, description: 'Score change since the previous finalised assessment; null with fewer than two.' })
  trend!: number | null;
  @Field(() => PortfolioDimensionObject, {
    nullable: true,
    description: 'The lowest-scoring dimension of the latest finalised assessment.',
  })
  weakestDimension!: PortfolioDimensionObject | null;
  @Field(() => Int, { nullable: true, description: 'Whole days since the latest finalised assessment.' }) daysSinceAssessment!:
    number | null;
  @Field(() => PortfolioLiveScoreObject, { nullable: true }) liveScore!: PortfolioLiveScoreObject | null;
}

@ObjectType('PortfolioEdge')
export class PortfolioEdgeObject {
  @Field(() => String) cursor!: string;
  @Field(() => PortfolioEntryObject) node!: PortfolioEntryObject;
}

@ObjectType('PortfolioConnection')
export class PortfolioConnectionObject {
  @Field(() => [PortfolioEdgeObject]) edges!: PortfolioEdgeObject[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Organizations matching the filter, all pages together.' }) totalCount!: number;
}

@ObjectType('MaturityRadarAxis')
export class MaturityRadarAxisObject {
  @Field(() => String) dimensionKey!: string;
  @Field(() => String, { description: "In the viewer's language." }) title!: string;
  @Field(() => Float, { nullable: true, description: '0..100; null when nothing in the dimension could be scored.' }) score!: number | null;
}

@ObjectType('MaturityRadar', { description: "An organization's score per dimension, for a radar chart." })
export class MaturityRadarObject {
  @Field(() => ID) organizationId!: string;
  @Field(() => MaturityScoreSourceEnum) source!: MaturityScoreSourceEnum;
  @Field(() => GraphQLISODateTime, { description: 'When the assessment was finalised, or the live score computed.' }) at!: Date;
  @Field(() => String) modelId!: string;
  @Field(() => Int) modelVersion!: number;
  @Field(() => Float, { nullable: true }) overallScore!: number | null;
  @Field(() => Int, { nullable: true }) level!: number | null;
  @Field(() => String, { nullable: true }) levelName!: string | null;
  @Field(() => [MaturityRadarAxisObject]) axes!: MaturityRadarAxisObject[];
}

@ObjectType('MaturityComparisonValue')
export class MaturityComparisonValueObject {
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field(() => Float, { nullable: true }) agencyAverage!: number | null;
  @Field(() => Float, { nullable: true, description: 'score − agencyAverage.' }) delta!: number | null;
}

@ObjectType('MaturityComparisonDimension')
export class MaturityComparisonDimensionObject extends MaturityComparisonValueObject {
  @Field(() => String) dimensionKey!: string;
  @Field(() => String) title!: string;
}

@ObjectType('MaturityComparison', {
  description:
    "An organization's latest finalised assessment against the average of the latest finalised assessments, with the same model, of the agency's organizations the viewer sees (itself included).",
})
export class MaturityComparisonObject {
  @Field(() => ID) organizationId!: string;
  @Field(() => String) modelId!: string;
  @Field(() => Int) modelVersion!: number;
  @Field(() => GraphQLISODateTime) at!: Date;
  @Field(() => Int, { description: 'How many organizations the averages cover.' }) organizationCount!: number;
  @Field(() => MaturityComparisonValueObject) overall!: MaturityComparisonValueObject;
  @Field(() => [MaturityComparisonDimensionObject]) dimensions!: MaturityComparisonDimensionObject[];
}
