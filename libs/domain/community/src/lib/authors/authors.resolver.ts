import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { Connection } from '@socle/platform-graphql';
import type { MentionEntity } from '../listening/listening.entities';
import { MentionObject, SentimentLabelEnum } from '../listening/dto/objects';
import {
  AuthorTagEnum,
  MentionAuthorArgs,
  MentionAuthorConnection,
  MentionAuthorDetailObject,
  MentionAuthorNoteInput,
  MentionAuthorObject,
  MentionAuthorPageArgs,
  MentionAuthorTagInput,
  SentimentLeaningEnum,
} from './authors.dto';
import type { MentionAuthorRow } from './authors.repository';
import { encodeAuthorCursor, MentionAuthorService } from './authors.service';
import { suggestedTags } from './influence';
import { withoutNulls } from '../null-arguments';

function toAuthor(a: MentionAuthorRow): MentionAuthorObject {
  return {
    id: `${a.source}:${a.handleKey}`,
    source: a.source,
    handle: a.handle,
    name: a.name,
    score: Number(a.score),
    mentions: a.mentions,
    averageSentiment: a.averageSentiment,
    positive: a.positive,
    negative: a.negative,
    leaning: a.leaning as SentimentLeaningEnum,
    reach: a.reach,
    firstSeen: a.firstSeen,
    lastSeen: a.lastSeen,
    tags: a.tags as AuthorTagEnum[],
    suggestedTags: (a.mentions === 0 ? [] : suggestedTags(a, a.tags)) as AuthorTagEnum[],
    note: a.note,
    taggedBy: a.taggedBy,
    taggedAt: a.taggedAt,
    noteBy: a.noteBy,
    noteAt: a.noteAt,
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

@Resolver(() => MentionAuthorObject)
export class MentionAuthorResolver {
  constructor(private readonly authors: MentionAuthorService) {}

  @Requires('listening.read')
  @Query(() => MentionAuthorConnection, {
    description:
      'Authors of the mentions, most influential first (score, then network and handle), over a window (default the last 90 days). Keyset pagination: the cursor carries the window, so pages never shift.',
  })
  async mentionAuthors(@OrgCtx() ctx: OrganizationContext, @Args() args: MentionAuthorPageArgs): Promise<Connection<MentionAuthorObject>> {
    const { first, after, ...filter } = withoutNulls(args);
    const size = first ?? 20;
    const { rows, window, filter: checked } = await this.authors.rank(ctx, filter, size, after);
    const edges = rows.slice(0, size).map((a) => ({ cursor: encodeAuthorCursor({ ...a, ...window }), node: toAuthor(a) }));
    return {
      edges,
      pageInfo: {
        hasNextPage: rows.length > size,
        hasPreviousPage: after !== undefined,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
      totalCount: () => this.authors.count(ctx, checked),
    };
  }

  @Requires('listening.read')
  @Query(() => MentionAuthorDetailObject, {
    description:
      'One author over a window (default the last 90 days) with its newest mentions. NOT_FOUND when it never mentioned the organisation.',
  })
  async mentionAuthor(@OrgCtx() ctx: OrganizationContext, @Args() args: MentionAuthorArgs): Promise<MentionAuthorDetailObject> {
    const { author, window, recent } = await this.authors.get(ctx, args.source, args.handle, withoutNulls(args));
    return { author: toAuthor(author), from: window.from, to: window.to, recentMentions: recent.map(toMention) };
  }

  @Requires('listening.manage')
  @Mutation(() => MentionAuthorObject, {
    description: 'Adds a tag to an author (kept if already there; audited when added). NOT_FOUND when it never mentioned the organisation.',
  })
  async tagMentionAuthor(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The author and the tag.' }) input: MentionAuthorTagInput,
  ): Promise<MentionAuthorObject> {
    await this.authors.tag(ctx, input.source, input.handle, input.tag);
    return toAuthor((await this.authors.get(ctx, input.source, input.handle, {})).author);
  }

  @Requires('listening.manage')
  @Mutation(() => MentionAuthorObject, {
    description: 'Removes a tag from an author (audited when it had it). NOT_FOUND when it never mentioned the organisation.',
  })
  async untagMentionAuthor(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The author and the tag.' }) input: MentionAuthorTagInput,
  ): Promise<MentionAuthorObject> {
    await this.authors.untag(ctx, input.source, input.handle, input.tag);
    return toAuthor((await this.authors.get(ctx, input.source, input.handle, {})).author);
  }

  @Requires('listening.manage')
  @Mutation(() => MentionAuthorObject, {
    description:
      'Sets the note on an author (null or blank clears it); audited without its text. BAD_USER_INPUT for a note longer than 2,000 characters; NOT_FOUND when the author never mentioned the organisation.',
  })
  async setMentionAuthorNote(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The author and the note.' }) input: MentionAuthorNoteInput,
  ): Promise<MentionAuthorObject> {
    await this.authors.setNote(ctx, input.source, input.handle, input.note ?? null);
    return toAuthor((await this.authors.get(ctx, input.source, input.handle, {})).author);
  }
}
