import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { DateTimeScalar, PageArgs, PageInfo } from '@socle/platform-graphql';
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
  valuesMap: {
    NAME: { description: 'The organization’s name.' },
    SCORE: { description: 'Score of the latest finalised assessment.' },
    LEVEL: { description: 'Level of the latest finalised assessment.' },
    TREND: { description: 'Its score minus the previous finalised assessment’s.' },
    DAYS_SINCE_ASSESSMENT: { description: 'Days since the latest finalised assessment (never assessed counts as longest).' },
    LIVE_SCORE: { description: 'The latest live score.' },
  },
});

export enum PortfolioSortDirectionEnum {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(PortfolioSortDirectionEnum, {
  name: 'PortfolioSortDirection',
  description: 'Sort order.',
  valuesMap: { ASC: { description: 'Smallest (or A) first.' }, DESC: { description: 'Largest (or Z) first.' } },
});

export enum MaturityScoreSourceEnum {
  ASSESSMENT = 'ASSESSMENT',
  LIVE = 'LIVE',
}
registerEnumType(MaturityScoreSourceEnum, {
  name: 'MaturityScoreSource',
  description:
    'ASSESSMENT: the latest finalised assessment. LIVE: the latest live score (recomputed nightly; declarative criteria carried from the latest assessment or unknown).',
  valuesMap: { ASSESSMENT: { description: 'The latest finalised assessment.' }, LIVE: { description: 'The latest live score.' } },
});

@InputType({ description: 'How the portfolio is sorted.' })
export class PortfolioSortInput {
  @Field(() => PortfolioSortFieldEnum, { description: 'What to sort by.' })
  @IsIn(Object.values(PortfolioSortFieldEnum))
  field!: PortfolioSortFieldEnum;
  @Field(() => PortfolioSortDirectionEnum, {
    defaultValue: PortfolioSortDirectionEnum.ASC,
    description: 'Ascending (default) or descending.',
  })
  @IsOptional()
  @IsIn(Object.values(PortfolioSortDirectionEnum))
  direction?: PortfolioSortDirectionEnum;
}

@InputType({ description: 'Which client organizations the portfolio lists; conditions combine (all must hold).' })
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

  @Field(() => Int, { nullable: true, description: 'The latest finalised assessment is dated (assessedAt) within the last N days.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(36500)
  assessedWithinDays?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'No finalised assessment dated (assessedAt) in the last N days (never-assessed organizations included).',
  })
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

  @Field(() => PortfolioFilterInput, {
    nullable: true,
    description: 'Only the organizations matching every condition given; all of them when absent.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PortfolioFilterInput)
  filter?: PortfolioFilterInput;
}

@ArgsType()
export class OrganizationMaturityArgs {
  @Field(() => ID, { description: 'A client organization of the agency that the viewer sees.' })
  @IsUUID('all', { message: 'must be an organization id' })
  organizationId!: string;
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
  @Field(() => ID, { description: 'Identifier of the assessment.' }) id!: string;
  @Field(() => DateTimeScalar, { description: 'When it was finalised (recorded in the platform).' }) finalizedAt!: Date;
  @Field(() => DateTimeScalar, {
    description: 'When it was made (an earlier audit recorded later is dated then): what "latest", trend and days since read.',
  })
  assessedAt!: Date;
  @Field(() => Float, { nullable: true, description: '0..100.' }) score!: number | null;
  @Field(() => Int, { nullable: true, description: 'The level reached, or null.' }) level!: number | null;
  @Field(() => String, { nullable: true, description: "The level's name in the viewer's language." }) levelName!: string | null;
  @Field(() => Float, { nullable: true, description: 'Score of the finalised assessment before it.' }) previousScore!: number | null;
}

@ObjectType('PortfolioDimension', { description: 'A dimension of the latest finalised assessment.' })
export class PortfolioDimensionObject {
  @Field(() => String, { description: 'The dimension’s key.' }) key!: string;
  @Field(() => String, { description: "In the viewer's language." }) title!: string;
  @Field(() => Float, { description: 'The dimension’s score, 0..100.' }) score!: number;
}

@ObjectType('PortfolioLiveScore', {
  description:
    'The latest live score, recomputed nightly: evidence measured, declarative answers carried from the latest assessment or unknown (0), its coverage beside it; the level never exceeds what the measured part supports.',
})
export class PortfolioLiveScoreObject {
  @Field(() => Float, { nullable: true, description: 'The live overall score, 0..100; null when nothing could be scored.' }) score!:
    number | null;
  @Field(() => Int, { nullable: true, description: 'Capped at measuredLevel.' }) level!: number | null;
  @Field(() => LiveScoreCoverageObject, { nullable: true, description: 'Null for a live score computed before coverage was kept.' })
  coverage!: LiveScoreCoverageObject | null;
  @Field(() => Int, { nullable: true, description: 'The level the measured (evidence) part alone supports.' }) measuredLevel!:
    number | null;
  @Field(() => Boolean, { description: 'Whether the level was lowered to measuredLevel.' }) levelCapped!: boolean;
  @Field(() => DateTimeScalar, { description: 'When the live score was computed (UTC).' }) computedAt!: Date;
  @Field(() => Float, { nullable: true, description: 'Change since the live score before it (the previous night).' }) change!:
    number | null;
}

@ObjectType('PortfolioEntry', { description: "One client organization in the agency's portfolio." })
export class PortfolioEntryObject {
  @Field(() => ID, { description: 'The client organization.' }) organizationId!: string;
  @Field(() => String, { description: 'Its name.' }) name!: string;
  @Field(() => PortfolioAssessmentObject, { nullable: true, description: 'Null when never assessed.' })
  lastAssessment!: PortfolioAssessmentObject | null;
  @Field(() => Float, { nullable: true, description: 'Score change since the previous finalised assessment; null with fewer than two.' })
  trend!: number | null;
  @Field(() => PortfolioDimensionObject, {
    nullable: true,
    description: 'The lowest-scoring dimension of the latest finalised assessment.',
  })
  weakestDimension!: PortfolioDimensionObject | null;
  @Field(() => Int, { nullable: true, description: "Whole days since the latest finalised assessment's date (assessedAt)." })
  daysSinceAssessment!: number | null;
  @Field(() => PortfolioLiveScoreObject, { nullable: true, description: 'The latest live score; null when none was computed yet.' })
  liveScore!: PortfolioLiveScoreObject | null;
}

@ObjectType('PortfolioEdge', { description: 'One organization of a portfolio page.' })
export class PortfolioEdgeObject {
  @Field(() => String, { description: 'Cursor of this entry, for `after`.' }) cursor!: string;
  @Field(() => PortfolioEntryObject, { description: 'The organization and its maturity.' }) node!: PortfolioEntryObject;
}

@ObjectType('PortfolioConnection', { description: 'A page of the agency’s portfolio.' })
export class PortfolioConnectionObject {
  @Field(() => [PortfolioEdgeObject], { description: 'The organizations of the page, in the order asked.' }) edges!: PortfolioEdgeObject[];
  @Field(() => PageInfo, { description: 'Where the page stands in the whole list.' }) pageInfo!: PageInfo;
  @Field(() => Int, { description: 'Organizations matching the filter, all pages together.' }) totalCount!: number;
}

@ObjectType('MaturityRadarAxis', { description: 'One axis of a radar chart: a dimension and its score.' })
export class MaturityRadarAxisObject {
  @Field(() => String, { description: 'The dimension’s key.' }) dimensionKey!: string;
  @Field(() => String, { description: "In the viewer's language." }) title!: string;
  @Field(() => Float, { nullable: true, description: '0..100; null when nothing in the dimension could be scored.' }) score!: number | null;
}

@ObjectType('MaturityRadar', { description: "An organization's score per dimension, for a radar chart." })
export class MaturityRadarObject {
  @Field(() => ID, { description: 'The organization.' }) organizationId!: string;
  @Field(() => MaturityScoreSourceEnum, { description: 'Whether the scores come from the latest finalised assessment or the live score.' })
  source!: MaturityScoreSourceEnum;
  @Field(() => DateTimeScalar, {
    description: 'The assessment’s date (assessedAt: when it was made), or when the live score was computed (UTC).',
  })
  at!: Date;
  @Field(() => String, { description: 'The maturity model: "default" for the built-in one, else a UUID.' }) modelId!: string;
  @Field(() => Int, { description: 'The model version scored.' }) modelVersion!: number;
  @Field(() => Float, { nullable: true, description: 'The overall score, 0..100; null when nothing could be scored.' }) overallScore!:
    number | null;
  @Field(() => Int, { nullable: true, description: 'The level reached, or null.' }) level!: number | null;
  @Field(() => String, { nullable: true, description: 'The level’s name in the viewer’s language, or null.' }) levelName!: string | null;
  @Field(() => [MaturityRadarAxisObject], { description: 'One axis per dimension, in the model’s order.' })
  axes!: MaturityRadarAxisObject[];
}

@ObjectType('MaturityComparisonValue', { description: 'A score against the agency’s average.' })
export class MaturityComparisonValueObject {
  @Field(() => Float, { nullable: true, description: 'The organization’s score, 0..100; null when not scored.' }) score!: number | null;
  @Field(() => Float, { nullable: true, description: 'The average over the organizations compared, 0..100; null when none was scored.' })
  agencyAverage!: number | null;
  @Field(() => Float, { nullable: true, description: 'score − agencyAverage.' }) delta!: number | null;
}

@ObjectType('MaturityComparisonDimension', { description: 'One dimension’s score against the agency’s average.' })
export class MaturityComparisonDimensionObject extends MaturityComparisonValueObject {
  @Field(() => String, { description: 'The dimension’s key.' }) dimensionKey!: string;
  @Field(() => String, { description: 'The dimension’s title in the viewer’s language.' }) title!: string;
}

@ObjectType('MaturityComparison', {
  description:
    "An organization's latest finalised assessment against the average of the latest finalised assessments, with the same model, of the agency's organizations the viewer sees (itself included).",
})
export class MaturityComparisonObject {
  @Field(() => ID, { description: 'The organization compared.' }) organizationId!: string;
  @Field(() => String, { description: 'The maturity model of its latest finalised assessment.' }) modelId!: string;
  @Field(() => Int, { description: 'The model version.' }) modelVersion!: number;
  @Field(() => DateTimeScalar, { description: 'The date of its latest finalised assessment (assessedAt), UTC.' }) at!: Date;
  @Field(() => Int, { description: 'How many organizations the averages cover.' }) organizationCount!: number;
  @Field(() => MaturityComparisonValueObject, { description: 'The overall score against the average.' })
  overall!: MaturityComparisonValueObject;
  @Field(() => [MaturityComparisonDimensionObject], { description: 'Each dimension against the average.' })
  dimensions!: MaturityComparisonDimensionObject[];
}
