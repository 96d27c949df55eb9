import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar } from '@socle/platform-graphql';
import { VolumeIntervalEnum } from './mention-analytics.args';

@ObjectType('MentionFacetValue', { description: 'One value of a facet and how many mentions have it.' })
export class MentionFacetValueObject {
  @Field(() => String, { nullable: true, description: 'The value (a network, a label, a tag, a query id, an author); null: unknown.' })
  value!: string | null;
  @Field(() => String, { nullable: true, description: 'What to show for it when the value is an id (a query’s name).' })
  label!: string | null;
  @Field(() => Int, { description: 'Mentions with this value.' }) count!: number;
}

@ObjectType('MentionFacets', {
  description:
    'Counts for a mention filter. `total` applies the whole filter; each facet applies every condition but its own (the counts a filter panel shows next to each choice), the time range and text always.',
})
export class MentionFacetsObject {
  @Field(() => Int, { description: 'Mentions matching the whole filter.' }) total!: number;
  @Field(() => [MentionFacetValueObject], { description: 'Networks, in lower case.' }) sources!: MentionFacetValueObject[];
  @Field(() => [MentionFacetValueObject], { description: 'POSITIVE, NEUTRAL, NEGATIVE, and null for mentions not scored.' })
  sentiments!: MentionFacetValueObject[];
  @Field(() => [MentionFacetValueObject], { description: 'Language tags, lower case; null: not detected.' })
  languages!: MentionFacetValueObject[];
  @Field(() => [MentionFacetValueObject], {
    description: 'The queries that matched (value: the query id, label: its name); a mention counts for each of its queries.',
  })
  queries!: MentionFacetValueObject[];
  @Field(() => [MentionFacetValueObject], {
    description: 'The 10 most frequent authors (handles in lower case, as the filter compares them).',
  })
  authors!: MentionFacetValueObject[];
}

@ObjectType('MentionVolumeBucket', { description: 'Mentions published in one local day or week.' })
export class MentionVolumeBucketObject {
  @Field(() => DateTimeScalar, { description: 'The first instant of the bucket (local midnight).' }) start!: Date;
  @Field(() => DateScalar, { description: 'Its first local day.' }) date!: string;
  @Field(() => Int, { description: 'Mentions published in the bucket.' }) total!: number;
  @Field(() => Int, { description: 'Of them, scored POSITIVE.' }) positive!: number;
  @Field(() => Int, { description: 'Of them, scored NEUTRAL.' }) neutral!: number;
  @Field(() => Int, { description: 'Of them, scored NEGATIVE.' }) negative!: number;
  @Field(() => Float, { nullable: true, description: 'Mean sentiment score (−1..1) of the scored mentions; null: none scored.' })
  averageSentiment!: number | null;
}

@ObjectType('MentionVolume', { description: 'Mentions per local day or week over a range.' })
export class MentionVolumeObject {
  @Field(() => VolumeIntervalEnum, { description: 'The bucket size used.' }) interval!: VolumeIntervalEnum;
  @Field(() => String, { description: 'The IANA time zone of the buckets.' }) timeZone!: string;
  @Field(() => [MentionVolumeBucketObject], { description: 'Every bucket of the range, oldest first, empty ones included.' })
  buckets!: MentionVolumeBucketObject[];
}

export enum ShareOfVoiceSideKindEnum {
  BRAND = 'BRAND',
  COMPETITOR = 'COMPETITOR',
}
registerEnumType(ShareOfVoiceSideKindEnum, {
  name: 'ShareOfVoiceSideKind',
  description: 'Which side of a share of voice.',
  valuesMap: {
    BRAND: { description: 'The organization’s brand (its BRAND queries).' },
    COMPETITOR: { description: 'A competitor of the strategy (its COMPETITOR queries).' },
  },
});

@ObjectType('ShareOfVoiceSide', { description: 'The brand or one competitor.' })
export class ShareOfVoiceSideObject {
  @Field(() => ShareOfVoiceSideKindEnum, { description: 'The brand or a competitor.' }) kind!: ShareOfVoiceSideKindEnum;
  @Field(() => ID, { nullable: true, description: 'The competitor of the strategy; null for the brand.' }) competitorId!: string | null;
  @Field(() => String, { description: 'The organization’s name for the brand, the competitor’s name otherwise.' }) name!: string;
  @Field(() => Int, { description: 'Mentions matched by this side’s queries, each once.' }) mentions!: number;
  @Field(() => Float, { description: 'Percentage of all sides’ mentions (0 when there are none), two decimals.' }) share!: number;
}

@ObjectType('ShareOfVoiceBucket', { description: 'The share of voice in one local day or week.' })
export class ShareOfVoiceBucketObject {
  @Field(() => DateTimeScalar, { description: 'The first instant of the bucket (local midnight), UTC.' }) start!: Date;
  @Field(() => DateScalar, { description: 'Its first local day.' }) date!: string;
  @Field(() => Int, { description: 'Sum of the sides’ mentions in the bucket.' }) total!: number;
  @Field(() => [ShareOfVoiceSideObject], { description: 'The brand first, then the competitors by name.' })
  sides!: ShareOfVoiceSideObject[];
}

@ObjectType('ShareOfVoice', {
  description:
    'The brand (BRAND queries) against each competitor (COMPETITOR queries). A mention matched by both sides counts for both, so `total` can exceed the number of distinct mentions.',
})
export class ShareOfVoiceObject {
  @Field(() => DateTimeScalar, { description: 'Start of the range (included), UTC.' }) from!: Date;
  @Field(() => DateTimeScalar, { description: 'End of the range (excluded), UTC.' }) to!: Date;
  @Field(() => Int, { description: 'Sum of the sides’ mentions over the range.' }) total!: number;
  @Field(() => [ShareOfVoiceSideObject], { description: 'The brand first, then the competitors by name.' })
  sides!: ShareOfVoiceSideObject[];
  @Field(() => VolumeIntervalEnum, { nullable: true, description: 'The bucket size asked for; null when none was.' })
  interval!: VolumeIntervalEnum | null;
  @Field(() => String, { nullable: true, description: 'The IANA time zone of the buckets; null without an interval.' }) timeZone!:
    string | null;
  @Field(() => [ShareOfVoiceBucketObject], { description: 'Per bucket when an interval was asked; empty otherwise.' })
  buckets!: ShareOfVoiceBucketObject[];
}
