import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '@socle/platform-graphql';

export enum ListeningQueryKindEnum {
  BRAND = 'BRAND',
  COMPETITOR = 'COMPETITOR',
  TOPIC = 'TOPIC',
}
registerEnumType(ListeningQueryKindEnum, {
  name: 'ListeningQueryKind',
  description: 'What the query listens for: the brand, a competitor (of the strategy), or a topic.',
});

export enum SentimentLabelEnum {
  POSITIVE = 'POSITIVE',
  NEUTRAL = 'NEUTRAL',
  NEGATIVE = 'NEGATIVE',
}
registerEnumType(SentimentLabelEnum, {
  name: 'SentimentLabel',
  description: 'The tone of a mention (French and English; null for other languages).',
});

@ObjectType('ListeningSource', {
  description: 'A query’s state on one connected account: where its last run stopped, and its last error until a run succeeds.',
})
export class ListeningSourceObject {
  @Field(() => ID) accountId!: string;
  @Field(() => String) network!: string;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastRunAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastSuccessAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why the last run on this account failed (kind and host, never the network’s answer); null once a run succeeds.',
  })
  lastError!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastErrorAt!: Date | null;
  @Field(() => Int, { description: 'Failures in a row.' }) failures!: number;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When the source is tried again after a failure (back-off, or the network’s own wait after a 429).',
  })
  retryAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'The newest publication time read so far (the cursor).' })
  cursorTime!: Date | null;
  @Field(() => Float, { description: 'Mentions this query added through this account since it started.' }) mentionsAdded!: number;
}

@ObjectType('ListeningQuery', { description: 'A saved query run on the connected accounts every LISTENING_EVERY_MINUTES, and on demand.' })
export class ListeningQueryObject {
  @Field(() => ID) id!: string;
  @Field(() => ListeningQueryKindEnum) kind!: ListeningQueryKindEnum;
  @Field(() => ID, { nullable: true, description: 'The competitor of the strategy, for a COMPETITOR query.' }) competitorId!: string | null;
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'The query text: words, "phrases", prefix*, AND, OR, NOT/-, parentheses, lang:, from:, source:.' })
  query!: string;
  @Field(() => [String], { description: 'Networks read; empty: every connected account that reads mentions.' }) sources!: string[];
  @Field(() => Boolean) active!: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastRunAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) runRequestedAt!: Date | null;
  @Field(() => [ListeningSourceObject], { description: 'One per connected account the query has run on.' })
  sourceStates!: ListeningSourceObject[];
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

export const ListeningQueryConnection = ConnectionType(ListeningQueryObject, 'ListeningQuery');

@ObjectType('Mention', { description: 'A post found by listening, stored once however many queries match it.' })
export class MentionObject {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'The network (connector name).' }) source!: string;
  @Field(() => String) externalId!: string;
  @Field(() => ID, { nullable: true, description: 'The connected account it was read through (null once disconnected).' }) accountId!:
    string | null;
  @Field(() => String) authorHandle!: string;
  @Field(() => String, { nullable: true }) authorName!: string | null;
  @Field(() => Int, { nullable: true }) authorReach!: number | null;
  @Field(() => String) text!: string;
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => GraphQLISODateTime) publishedAt!: Date;
  @Field(() => Boolean, { description: 'The network gave no date: publishedAt is when it was read.' }) publishedAtEstimated!: boolean;
  @Field(() => String, { nullable: true, description: 'BCP 47 tag, from the network or detected.' }) language!: string | null;
  @Field(() => Float, { nullable: true, description: '-1 (negative) to 1 (positive); null when not scored.' }) sentimentScore!:
    number | null;
  @Field(() => SentimentLabelEnum, { nullable: true }) sentiment!: SentimentLabelEnum | null;
  @Field(() => Int, { nullable: true }) reach!: number | null;
  @Field(() => [ID], { description: 'The organization’s queries that matched it.' }) queryIds!: string[];
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

export const MentionConnection = ConnectionType(MentionObject, 'Mention');
