import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '@socle/platform-graphql';
import { IsDate, IsEnum, IsOptional, IsUUID } from 'class-validator';

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
  valuesMap: {
    FOLLOWERS: { description: 'Accounts following the connected account.' },
    FOLLOWING: { description: 'Accounts the connected account follows.' },
    POSTS: { description: 'Posts of the connected account, as its network counts them.' },
    LIKES: { description: 'Likes (favourites) on its published publications.' },
    REPOSTS: { description: 'Reposts (boosts, shares) of its published publications.' },
    REPLIES: { description: 'Replies to its published publications.' },
    QUOTES: { description: 'Quotes of its published publications.' },
    IMPRESSIONS: { description: 'Times its published publications were seen, where the network reports it.' },
  },
});

export enum MetricIntervalEnum {
  HOUR = 'HOUR',
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(MetricIntervalEnum, {
  name: 'MetricInterval',
  description: 'Buckets of a series, in UTC (weeks start on Monday).',
  valuesMap: {
    HOUR: { description: 'One hour.' },
    DAY: { description: 'One UTC day.' },
    WEEK: { description: 'One week, Monday 00:00 UTC to the next Monday.' },
    MONTH: { description: 'One calendar month, UTC.' },
  },
});

@ArgsType()
export class MetricSeriesArgs {
  @Field(() => ID, { nullable: true, description: 'One connected account; all the organization’s accounts added up when absent.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a network account id' })
  accountId?: string;
  @Field(() => MetricKeyEnum, { description: 'The metric to read.' }) @IsEnum(MetricKeyEnum) metric!: MetricKeyEnum;
  @Field(() => DateTimeScalar, { description: 'Start; the first bucket is the one holding it.' }) @IsDate() from!: Date;
  @Field(() => DateTimeScalar, { description: 'End, excluded.' }) @IsDate() to!: Date;
  @Field(() => MetricIntervalEnum, { description: 'The bucket size; the range must hold at most 1,000 buckets.' })
  @IsEnum(MetricIntervalEnum)
  interval!: MetricIntervalEnum;
}

@InputType({ description: 'What to collect now.' })
export class CollectMetricsInput {
  @Field(() => ID, { nullable: true, description: 'One connected account; every account of the organization when absent.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a network account id' })
  accountId?: string;
}

@ObjectType('MetricPoint', { description: 'One bucket: the value at its end (each series’ latest sample, carried forward), added up.' })
export class MetricPointObject {
  @Field(() => DateTimeScalar, { description: 'Start of the bucket (UTC).' }) at!: Date;
  @Field(() => Float, { description: 'The value at the end of the bucket, added up over the series.' }) value!: number;
  @Field(() => Int, { description: 'How many series (accounts, or publications) the value adds up.' }) series!: number;
}

@ObjectType('MetricSeries', { description: 'A metric over time, one point per bucket.' })
export class MetricSeriesObject {
  @Field(() => MetricKeyEnum, { description: 'The metric read.' }) metric!: MetricKeyEnum;
  @Field(() => ID, { nullable: true, description: 'The account read; null when every account of the organization is added up.' })
  accountId!: string | null;
  @Field(() => MetricIntervalEnum, { description: 'The bucket size.' }) interval!: MetricIntervalEnum;
  @Field(() => DateTimeScalar, { description: 'Start of the first bucket (UTC).' }) from!: Date;
  @Field(() => DateTimeScalar, { description: 'End of the range, excluded (UTC).' }) to!: Date;
  @Field(() => [MetricPointObject], { description: 'Buckets before the first sample are left out.' }) points!: MetricPointObject[];
}

@ObjectType('MetricCollection', {
  description: 'Where the collection of one account’s metrics stands; a failure is shown here and never disconnects the account.',
})
export class MetricCollectionObject {
  @Field(() => ID, { description: "Id of this account's collection state: opaque and stable while the account stays connected." })
  id!: string;
  @Field(() => ID, { description: 'The connected network account.' }) accountId!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When a collection last ran (UTC); null before the first.' })
  lastRunAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When a collection last succeeded (UTC); null if none has.' })
  lastSuccessAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why the last collection failed (never the network’s answer); null once one succeeds.',
  })
  lastError!: string | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the last failure happened (UTC); null once a collection succeeds.',
  })
  lastErrorAt!: Date | null;
  @Field(() => Int, { description: 'Failures in a row.' }) failures!: number;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When collection is tried again after a failure (back-off), UTC; null when not waiting.',
  })
  retryAt!: Date | null;
  @Field(() => Float, { description: 'Samples stored for this account since collection started.' }) samplesAdded!: number;
}
