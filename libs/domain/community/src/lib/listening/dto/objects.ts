import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType, DateTimeScalar } from '@socle/platform-graphql';

export enum ListeningQueryKindEnum {
  BRAND = 'BRAND',
  COMPETITOR = 'COMPETITOR',
  TOPIC = 'TOPIC',
}
registerEnumType(ListeningQueryKindEnum, {
  name: 'ListeningQueryKind',
  description: 'What the query listens for: the brand, a competitor (of the strategy), or a topic.',
  valuesMap: {
    BRAND: { description: 'Listens for the organization’s own brand.' },
    COMPETITOR: { description: 'Listens for a competitor of the strategy (competitorId).' },
    TOPIC: { description: 'Listens for a topic.' },
  },
});

export enum SentimentLabelEnum {
  POSITIVE = 'POSITIVE',
  NEUTRAL = 'NEUTRAL',
  NEGATIVE = 'NEGATIVE',
}
registerEnumType(SentimentLabelEnum, {
  name: 'SentimentLabel',
  description: 'The tone of a mention (French and English; null for other languages).',
  valuesMap: {
    POSITIVE: { description: 'A favourable tone.' },
    NEUTRAL: { description: 'Neither favourable nor unfavourable.' },
    NEGATIVE: { description: 'An unfavourable tone.' },
  },
});

@ObjectType('ListeningSource', {
  description: 'A query’s state on one connected account: where its last run stopped, and its last error until a run succeeds.',
})
export class ListeningSourceObject {
  @Field(() => ID, { description: "Id of the query's state on this account: opaque and stable while both exist." }) id!: string;
  @Field(() => ID, { description: 'The connected network account the query runs on.' }) accountId!: string;
  @Field(() => String, { description: 'The account’s network, in lower case.' }) network!: string;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the query last ran on this account (UTC); null before its first run.',
  })
  lastRunAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When a run on this account last succeeded (UTC); null if none has.' })
  lastSuccessAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why the last run on this account failed (kind and host, never the network’s answer); null once a run succeeds.',
  })
  lastError!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the last failure happened (UTC); null once a run succeeds.' })
  lastErrorAt!: Date | null;
  @Field(() => Int, { description: 'Failures in a row.' }) failures!: number;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the source is tried again after a failure (back-off, or the network’s own wait after a 429).',
  })
  retryAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'The newest publication time read so far (the cursor).' })
  cursorTime!: Date | null;
  @Field(() => Float, { description: 'Mentions this query added through this account since it started.' }) mentionsAdded!: number;
}

@ObjectType('ListeningQuery', {
  description:
    'A saved query run on the connected accounts on a schedule (every LISTENING_EVERY_MINUTES minutes, a setting of the installation, 15 by default), and on demand.',
})
export class ListeningQueryObject {
  @Field(() => ID, { description: 'Identifier of the listening query.' }) id!: string;
  @Field(() => ListeningQueryKindEnum, { description: 'What the query listens for.' }) kind!: ListeningQueryKindEnum;
  @Field(() => ID, { nullable: true, description: 'The competitor of the strategy, for a COMPETITOR query.' }) competitorId!: string | null;
  @Field(() => String, { description: 'The query’s name, unique in the organization, 1 to 100 characters.' }) name!: string;
  @Field(() => String, { description: 'The query text: words, "phrases", prefix*, AND, OR, NOT/-, parentheses, lang:, from:, source:.' })
  query!: string;
  @Field(() => [String], { description: 'Networks read; empty: every connected account that reads mentions.' }) sources!: string[];
  @Field(() => Boolean, { description: 'Whether the query runs; a paused query keeps its mentions.' }) active!: boolean;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the query last ran on any account (UTC); null before its first run.',
  })
  lastRunAt!: Date | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When a run was last asked for (creation, an edit, or runListeningQuery), UTC; null if never.',
  })
  runRequestedAt!: Date | null;
  @Field(() => [ListeningSourceObject], { description: 'One per connected account the query has run on.' })
  sourceStates!: ListeningSourceObject[];
  @Field(() => DateTimeScalar, { description: 'When the query was created (UTC).' }) createdAt!: Date;
  @Field(() => DateTimeScalar, { description: 'When the query was last changed (UTC).' }) updatedAt!: Date;
}

export const ListeningQueryConnection = ConnectionType(ListeningQueryObject, 'ListeningQuery');

@ObjectType('Mention', { description: 'A post found by listening, stored once however many queries match it.' })
export class MentionObject {
  @Field(() => ID, { description: 'Identifier of the mention.' }) id!: string;
  @Field(() => String, { description: 'The network (connector name).' }) source!: string;
  @Field(() => String, { description: 'The post’s id at its network.' }) externalId!: string;
  @Field(() => ID, { nullable: true, description: 'The connected account it was read through (null once disconnected).' }) accountId!:
    string | null;
  @Field(() => String, { description: 'The author’s handle at the network.' }) authorHandle!: string;
  @Field(() => String, { nullable: true, description: 'The author’s display name, or null when the network gives none.' }) authorName!:
    string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'The author’s followers when the post was read, as the network reports them; null when the network does not say.',
  })
  authorReach!: number | null;
  @Field(() => String, { description: 'The post’s text, as read from the network.' }) text!: string;
  @Field(() => String, { nullable: true, description: 'The post’s public address, or null.' }) url!: string | null;
  @Field(() => DateTimeScalar, {
    description: 'When the post was published (UTC), or when it was read if the network gave no date (see publishedAtEstimated).',
  })
  publishedAt!: Date;
  @Field(() => Boolean, { description: 'The network gave no date: publishedAt is when it was read.' }) publishedAtEstimated!: boolean;
  @Field(() => String, { nullable: true, description: 'BCP 47 tag, from the network or detected.' }) language!: string | null;
  @Field(() => Float, { nullable: true, description: '-1 (negative) to 1 (positive); null when not scored.' }) sentimentScore!:
    number | null;
  @Field(() => SentimentLabelEnum, { nullable: true, description: 'The tone, from sentimentScore; null when not scored.' })
  sentiment!: SentimentLabelEnum | null;
  @Field(() => Int, {
    nullable: true,
    description: 'The post’s own audience when a network reports it; null when unknown (no connector reports it yet).',
  })
  reach!: number | null;
  @Field(() => [ID], { description: 'The organization’s queries that matched it.' }) queryIds!: string[];
  @Field(() => DateTimeScalar, { description: 'When the mention was first stored (UTC).' }) createdAt!: Date;
}

export const MentionConnection = ConnectionType(MentionObject, 'Mention');

@ObjectType('ListeningQueryCheck', { description: 'What the query language makes of a text, without storing anything.' })
export class ListeningQueryCheckObject {
  @Field(() => Boolean, { description: 'True when createListeningQuery would accept this text.' }) valid!: boolean;
  @Field(() => String, { nullable: true, description: 'Why the text is refused, naming the position ("unclosed parenthesis at 14").' })
  message!: string | null;
  @Field(() => Int, { nullable: true, description: 'The UTF-16 offset the refusal names.' }) position!: number | null;
  @Field(() => [String], {
    nullable: true,
    description: 'The networks a valid query can match (source: terms); null when it can match any network or is refused.',
  })
  sources!: string[] | null;
  @Field(() => Int, { nullable: true, description: 'How many words, phrases and field terms a valid query holds.' }) terms!: number | null;
}
