import { ArgsType, Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export enum MetricKeyEnum {
  FOLLOWERS = 'FOLLOWERS',
  FOLLOWING = 'FOLLOWING',
  POSTS = 'POSTS',
  LIKES = 'LIKES',
  REPOSTS = 'REPOSTS',
  REPLIES = 'REPLIES',
  QUOTES = 'QUOTES',
  IMPRESSIONS = 'IMPRESSIONS',
}
registerEnumType(MetricKeyEnum, {
  name: 'MetricKey',
  description:
    'FOLLOWERS, FOLLOWING and POSTS are counts of a connected account; LIKES, REPOSTS, REPLIES, QUOTES and IMPRESSIONS are counts on its published publications (of the last 30 days when sampled), added up. A network that does not expose a count has no samples for it.',
});

export enum MetricIntervalEnum {
  HOUR = 'HOUR',
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(MetricIntervalEnum, { name: 'MetricInterval', description: 'Buckets of a series, in UTC (weeks start on Monday).' });

@ArgsType()
export class MetricSeriesArgs {
  @Field(() => ID, { nullable: true, description: 'One connected account; all the organization’s accounts added up when absent.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a network account id' })
  accountId?: string;
  @Field(() => MetricKeyEnum) @IsEnum(MetricKeyEnum) metric!: MetricKeyEnum;
  @Field(() => String, { description: 'Start (ISO 8601 with offset); the first bucket is the one holding it.' })
  @IsString()
  @MaxLength(40)
  from!: string;
  @Field(() => String, { description: 'End, excluded (ISO 8601 with offset).' }) @IsString() @MaxLength(40) to!: string;
  @Field(() => MetricIntervalEnum) @IsEnum(MetricIntervalEnum) interval!: MetricIntervalEnum;
}

@InputType()
export class CollectMetricsInput {
  @Field(() => ID, { nullable: true, description: 'One connected account; every account of the organization when absent.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a network account id' })
  accountId?: string;
}

@ObjectType('MetricPoint', { description: 'One bucket: the value at its end (each series’ latest sample, carried forward), added up.' })
export class MetricPointObject {
  @Field(() => GraphQLISODateTime, { description: 'Start of the bucket (UTC).' }) at!: Date;
  @Field(() => Float) value!: number;
  @Field(() => Int, { description: 'How many series (accounts, or publications) the value adds up.' }) series!: number;
}

@ObjectType('MetricSeries')
export class MetricSeriesObject {
  @Field(() => MetricKeyEnum) metric!: MetricKeyEnum;
  @Field(() => ID, { nullable: true }) accountId!: string | null;
  @Field(() => MetricIntervalEnum) interval!: MetricIntervalEnum;
  @Field(() => GraphQLISODateTime) from!: Date;
  @Field(() => GraphQLISODateTime) to!: Date;
  @Field(() => [MetricPointObject], { description: 'Buckets before the first sample are left out.' }) points!: MetricPointObject[];
}

@ObjectType('MetricCollection', {
  description: 'Where the collection of one account’s metrics stands; a failure is shown here and never disconnects the account.',
})
export class MetricCollectionObject {
  @Field(() => ID) accountId!: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastRunAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastSuccessAt!: Date | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastErrorAt!: Date | null;
  @Field(() => Int) failures!: number;
  @Field(() => GraphQLISODateTime, { nullable: true }) retryAt!: Date | null;
  @Field(() => Float) samplesAdded!: number;
}
