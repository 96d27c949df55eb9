import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { Connection, derivedId, paginate } from '@socle/platform-graphql';
import { decodeListeningCursor } from './listening.job';
import type { ListeningQueryEntity, ListeningSourceEntity, MentionEntity } from './listening.entities';
import { describeQueryText, ListeningService } from './listening.service';
import { MentionAnalyticsService } from './analytics/mention-analytics.service';
import { withoutNulls } from '../null-arguments';
import { MentionSearchArgs } from './analytics/dto/mention-analytics.args';
import {
  CreateListeningQueryInput,
  ListeningQueryCheckArgs,
  ListeningQueryIdInput,
  ListeningQueryPageArgs,
  MentionIdArgs,
  UpdateListeningQueryInput,
} from './dto/inputs';
import {
  ListeningQueryCheckObject,
  ListeningQueryConnection,
  ListeningQueryKindEnum,
  ListeningQueryObject,
  ListeningSourceObject,
  MentionConnection,
  MentionObject,
  SentimentLabelEnum,
} from './dto/objects';

function toSource(s: ListeningSourceEntity): ListeningSourceObject {
  const t = decodeListeningCursor(s.cursor).t;
  return {
    id: derivedId('ListeningSource', s.queryId, s.accountId),
    accountId: s.accountId,
    network: s.network,
    lastRunAt: s.lastRunAt,
    lastSuccessAt: s.lastSuccessAt,
    lastError: s.lastError,
    lastErrorAt: s.lastErrorAt,
    failures: s.failures,
    retryAt: s.retryAt,
    cursorTime: t ? new Date(t) : null,
    mentionsAdded: s.mentionsAdded,
  };
}

function toQuery(q: ListeningQueryEntity, sources: ListeningSourceEntity[]): ListeningQueryObject {
  return {
    id: q.id,
    kind: q.kind as ListeningQueryKindEnum,
    competitorId: q.competitorId,
    name: q.name,
    query: q.query,
    sources: q.sources,
    active: q.active,
    lastRunAt: q.lastRunAt,
    runRequestedAt: q.runRequestedAt,
    sourceStates: sources.filter((s) => s.queryId === q.id).map(toSource),
    createdAt: q.createdAt,
    updatedAt: q.updatedAt,
  };
}

function toMention(m: MentionEntity): MentionObject {
  return {
    id: m.id,
    source: m.source,
    externalId: m.externalId,
    accountId: m.accountId,
    authorHandle: m.authorHandle,
    authorName: m.authorName,
    authorReach: m.authorReach,
    text: m.text,
    url: m.url,
    publishedAt: m.publishedAt,
    publishedAtEstimated: m.publishedAtEstimated,
    language: m.language,
    sentimentScore: m.sentimentScore,
    sentiment: m.sentimentLabel as SentimentLabelEnum | null,
    reach: m.reach,
    queryIds: m.queryIds,
    createdAt: m.createdAt,
  };
}

@Resolver(() => ListeningQueryObject)
export class ListeningResolver {
  constructor(
    private readonly listening: ListeningService,
    private readonly analytics: MentionAnalyticsService,
  ) {}

  @Requires('listening.read')
  @Query(() => ListeningQueryConnection, {
    description: 'The organization’s listening queries, oldest first, each with its state per connected account.',
  })
  async listeningQueries(
    @OrgCtx() ctx: OrganizationContext,
    @Args() args: ListeningQueryPageArgs,
  ): Promise<Connection<ListeningQueryObject>> {
    const filter = { active: args.active };
    const connection = await paginate(
      args,
      (keyset) => this.listening.page(ctx, keyset, filter),
      (q) => [q.createdAt, q.id],
      (q) => q,
      () => this.listening.count(ctx, filter),
    );
    const sources = await this.listening.sourceStates(
      ctx,
      connection.edges.map((e) => e.node.id),
    );
    return { ...connection, edges: connection.edges.map((e) => ({ cursor: e.cursor, node: toQuery(e.node, sources) })) };
  }

  @Requires('listening.read')
  @Query(() => ListeningQueryCheckObject, {
    description:
      'Checks a query text as createListeningQuery would, storing nothing: a refused text is valid false with the message and position (not an error).',
  })
  checkListeningQuery(@OrgCtx() _ctx: OrganizationContext, @Args() args: ListeningQueryCheckArgs): ListeningQueryCheckObject {
    return describeQueryText(args.query);
  }

  @Requires('listening.manage')
  @Mutation(() => ListeningQueryObject, {
    description:
      'A new listening query; an active one runs at once. A text the query language refuses is BAD_USER_INPUT on input.query (reason LISTENING_QUERY_INVALID), with `position`. Also BAD_USER_INPUT for a blank name or a competitorId missing on a COMPETITOR query (or given on another kind); NOT_FOUND for an unknown competitor; CONFLICT (reason LISTENING_QUERY_NAME_TAKEN) for a name in use.',
  })
  async createListeningQuery(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The new query.' }) input: CreateListeningQueryInput,
  ): Promise<ListeningQueryObject> {
    const created = await this.listening.create(ctx, input);
    return toQuery(created, []);
  }

  @Requires('listening.manage')
  @Mutation(() => ListeningQueryObject, {
    description:
      'Edits a query. A new text or new sources start it afresh on every account (its mentions so far are kept). Same refusals as createListeningQuery; NOT_FOUND for an unknown query.',
  })
  async updateListeningQuery(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The query and the fields to change.' }) input: UpdateListeningQueryInput,
  ): Promise<ListeningQueryObject> {
    const { id, ...patch } = input;
    const updated = await this.listening.update(ctx, id, patch);
    return toQuery(updated, await this.listening.sourceStates(ctx, [id]));
  }

  @Requires('listening.manage')
  @Mutation(() => ListeningQueryObject, {
    description:
      'Deletes a query and its matches (mentions other queries matched are kept); answers with the query as it was. NOT_FOUND for an unknown query.',
  })
  async deleteListeningQuery(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The query to delete.' }) input: ListeningQueryIdInput,
  ): Promise<ListeningQueryObject> {
    const sources = await this.listening.sourceStates(ctx, [input.id]);
    return toQuery(await this.listening.delete(ctx, input.id), sources);
  }

  @Requires('listening.manage')
  @Mutation(() => ListeningQueryObject, {
    description:
      'Asks the worker to run the query now; read sourceStates (or mentions) afterwards. A paused query is CONFLICT (reason LISTENING_QUERY_PAUSED); NOT_FOUND for an unknown query.',
  })
  async runListeningQuery(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The query to run.' }) input: ListeningQueryIdInput,
  ): Promise<ListeningQueryObject> {
    const query = await this.listening.run(ctx, input.id);
    return toQuery(query, await this.listening.sourceStates(ctx, [input.id]));
  }

  @Requires('listening.read')
  @Query(() => MentionConnection, {
    description:
      'Mentions found by listening, newest first (keyset pagination), optionally filtered and searched (`text`); mentionFacets, mentionVolume take the same filter.',
  })
  async mentions(@OrgCtx() ctx: OrganizationContext, @Args() args: MentionSearchArgs): Promise<Connection<MentionObject>> {
    const { first, after, ...filter } = withoutNulls(args);
    return paginate(
      { first, after },
      (keyset) => this.analytics.search(ctx, keyset, filter),
      (m) => [m.publishedAt, m.id],
      toMention,
      () => this.analytics.count(ctx, filter),
    );
  }

  @Requires('listening.read')
  @Query(() => MentionObject, { nullable: true, description: 'One mention. NOT_FOUND for an unknown id.' })
  async mention(@OrgCtx() ctx: OrganizationContext, @Args() args: MentionIdArgs): Promise<MentionObject> {
    return toMention(await this.listening.mention(ctx, args.id));
  }
}
