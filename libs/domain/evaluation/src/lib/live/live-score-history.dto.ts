import { ArgsType, Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { ConnectionType, DateTimeScalar, PageArgs } from '@socle/platform-graphql';
import { LiveScoreCoverageObject } from './dto';

export enum LiveScoreHistoryGranularityEnum {
  COMPUTATION = 'COMPUTATION',
  DAY = 'DAY',
}
registerEnumType(LiveScoreHistoryGranularityEnum, {
  name: 'LiveScoreHistoryGranularity',
  description:
    "COMPUTATION: every live score kept (nightly runs and recomputations on demand). DAY: the last one of each day in the organization's time zone.",
  valuesMap: {
    COMPUTATION: { description: 'Every live score kept.' },
    DAY: { description: 'The last live score of each day, in the organization’s time zone.' },
  },
});

@ArgsType()
export class LiveScoreHistoryArgs extends PageArgs {
  @Field(() => ID, { description: 'The organization named by the X-Socle-Organization header.' })
  @IsUUID('all', { message: 'must be an organization id' })
  organizationId!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Computed at or after this time.' })
  @IsOptional()
  @IsDate({ message: 'must be a date and time' })
  from?: Date;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Computed at or before this time; at most two years after `from`.',
  })
  @IsOptional()
  @IsDate({ message: 'must be a date and time' })
  to?: Date;

  @Field(() => LiveScoreHistoryGranularityEnum, {
    nullable: true,
    defaultValue: LiveScoreHistoryGranularityEnum.COMPUTATION,
    description: 'Every computation (default) or the last of each day.',
  })
  @IsOptional()
  @IsEnum(LiveScoreHistoryGranularityEnum)
  granularity?: LiveScoreHistoryGranularityEnum;
}

@ObjectType('LiveScoreHistoryDimension', { description: 'One dimension of a live score in the history.' })
export class LiveScoreHistoryDimensionObject {
  @Field(() => String, { description: 'The dimension’s key.' }) key!: string;
  @Field(() => String, { description: "In the viewer's language; the key when the model's content is no longer known." }) name!: string;
  @Field(() => Float, { nullable: true, description: '0..100; unknown declarative criteria count as 0.' }) score!: number | null;
}

@ObjectType('LiveScoreHistoryEntry', { description: 'One live score kept in the history, as computed then.' })
export class LiveScoreHistoryEntryObject {
  @Field(() => ID, {
    description: 'Id of this kept live score: opaque and stable, the same as recomputeLiveScore answered when it was computed.',
  })
  id!: string;
  @Field(() => DateTimeScalar, { description: 'When the live score was computed (UTC).' }) computedAt!: Date;
  @Field(() => Float, { nullable: true, description: '0..100.' }) overallScore!: number | null;
  @Field(() => Int, { nullable: true, description: 'The level of overallScore, capped at measuredLevel.' }) level!: number | null;
  @Field(() => Boolean, { description: 'Whether the level was lowered to measuredLevel.' }) levelCapped!: boolean;
  @Field(() => Float, { nullable: true, description: 'The evidence criteria alone, weights renormalised among them (0..100).' })
  measuredScore!: number | null;
  @Field(() => Int, { nullable: true, description: 'The level measuredScore reaches: the most the live score may claim.' })
  measuredLevel!: number | null;
  @Field(() => LiveScoreCoverageObject, { nullable: true, description: 'Null for a live score computed before coverage was kept.' })
  coverage!: LiveScoreCoverageObject | null;
  @Field(() => String, { description: 'The maturity model: "default" for the built-in one, else a UUID.' }) modelId!: string;
  @Field(() => Int, { description: 'The model version scored.' }) modelVersion!: number;
  @Field(() => [LiveScoreHistoryDimensionObject], { description: "In the model's order when its content is known, else by key." })
  dimensions!: LiveScoreHistoryDimensionObject[];
}

export const LiveScoreHistoryConnection = ConnectionType(LiveScoreHistoryEntryObject, 'LiveScoreHistory');
