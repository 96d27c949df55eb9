import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import { badInput, DomainError, notFound } from '@socle/platform-errors';
import type { TenantCtx } from '../repositories';
import type { MentionEntity } from '../listening/listening.entities';
import { ListeningRepository } from '../listening/listening.repository';
import { AuthorTag, SentimentLeaning } from './influence';
import { AuthorRankFilter, AuthorRankKey, AuthorWindow, MentionAuthorRepository, MentionAuthorRow } from './authors.repository';

/** The window when none is given: the last 90 days. */
export const DEFAULT_WINDOW_DAYS = 90;
/** Mentions shown with one author. */
export const RECENT_MENTIONS = 10;
const DAY_MS = 86_400_000;
const NETWORK = /^[a-z0-9-]{1,40}$/;

export interface AuthorRankInput {
  from?: Date | null;
  to?: Date | null;
  source?: string;
  tag?: AuthorTag;
  leaning?: SentimentLeaning;
  handlePrefix?: string;
}

/** A ranking page: the rows and the window they were computed over (carried in the cursor). */
export interface AuthorRankPage {
  rows: MentionAuthorRow[];
  window: AuthorWindow;
  /** The filter as checked, with that window: `count` counts the whole ranking under it. */
  filter: AuthorRankFilter;
}

/** The position in a ranking, and its window: a later page reads the same window, so the order cannot shift under it. */
export interface AuthorCursor extends AuthorRankKey, AuthorWindow {}

export function encodeAuthorCursor(c: AuthorCursor): string {
  return Buffer.from(JSON.stringify([c.score, c.source, c.handleKey, c.from.toISOString(), c.to.toISOString()])).toString('base64url');
}

const SCORE = /^\d{1,3}(\.\d{1,2})?$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Decodes a ranking cursor, refusing anything this API did not issue. */
export function decodeAuthorCursor(cursor: string, field = 'after'): AuthorCursor {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === 5 &&
      v.every((x) => typeof x === 'string') &&
      SCORE.test(v[0]) &&
      NETWORK.test(v[1]) &&
      v[2].length >= 1 &&
      v[2].length <= 500 &&
      !v[2].includes('\u0000') &&
      ISO.test(v[3]) &&
      ISO.test(v[4]) &&
      !Number.isNaN(Date.parse(v[3])) &&
      !Number.isNaN(Date.parse(v[4]))
    ) {
      return { score: v[0], source: v[1], handleKey: v[2], from: new Date(v[3]), to: new Date(v[4]) };
    }
  } catch {
    // fall through
  }
  throw badInput(field, 'is not a cursor returned by this API');
}

/** The handle as typed, with or without its @: the key is the handle without it. */
export function authorHandle(handle: string, field: string): string {
  const bare = handle.trim().replace(/^@/, '');
  if (bare.length === 0) throw badInput(field, 'must not be blank');
  if (bare.length > 500) throw badInput(field, 'must be at most 500 characters');
  return bare;
}

function checkSource(source: string, field: string): string {
  if (!NETWORK.test(source)) throw badInput(field, 'must be a network name such as mastodon');
  return source;
}

/**
 * Mention authors: the ranking by influence over a window, one author with its
 * newest mentions, and the tags and note people set (audited). Validates what
 * the caller sent before any statement.
 */
@Injectable()
export class MentionAuthorService {
  constructor(
    private readonly repository: MentionAuthorRepository,
    private readonly listening: ListeningRepository,
    private readonly audit: AuditRepository,
  ) {}

  async rank(ctx: TenantCtx, input: AuthorRankInput, size: number, after?: string): Promise<AuthorRankPage> {
    const cursor = after === undefined ? undefined : decodeAuthorCursor(after);
    let window = this.window(input);
    if (cursor) {
      // Explicit bounds must be those of the cursor's window; absent ones are taken from it (the default moves with time).
      if (input.from && window.from.getTime() !== cursor.from.getTime())
        throw badInput('from', 'must be the window of the cursor given in after');
      if (input.to && window.to.getTime() !== cursor.to.getTime()) throw badInput('to', 'must be the window of the cursor given in after');
      window = { from: cursor.from, to: cursor.to };
    }
    const source = input.source === undefined ? undefined : checkSource(input.source, 'source');
    const handlePrefix = input.handlePrefix === undefined ? undefined : authorHandle(input.handlePrefix, 'handlePrefix');
    const filter: AuthorRankFilter = { ...window, source, tag: input.tag, leaning: input.leaning, handlePrefix };
    const rows = await this.repository.rank(ctx, filter, cursor, size + 1);
    return { rows, window, filter };
  }

  /** How many authors the ranking holds under a filter `rank` checked, all pages together. */
  count(ctx: TenantCtx, filter: AuthorRankFilter): Promise<number> {
    return this.repository.count(ctx, filter);
  }

  /** One author over the window with its newest mentions (whenever they were); NOT_FOUND without any mention. */
  async get(
    ctx: TenantCtx,
    source: string,
    handle: string,
    input: { from?: Date | null; to?: Date | null },
  ): Promise<{ author: MentionAuthorRow; window: AuthorWindow; recent: MentionEntity[] }> {
    const key = await this.existing(ctx, source, handle, { source: 'source', handle: 'handle' });
    const window = this.window(input);
    const author = (await this.repository.find(ctx, key.source, key.handle, window)) ?? (await this.quiet(ctx, key));
    const recent = (
      await this.listening.mentions(ctx, { size: RECENT_MENTIONS - 1 }, { source: key.source, authorHandle: key.handle })
    ).slice(0, RECENT_MENTIONS);
    return { author, window, recent };
  }

  async tag(ctx: TenantCtx, source: string, handle: string, tag: AuthorTag): Promise<void> {
    const key = await this.existing(ctx, source, handle);
    if (await this.repository.addTag(ctx, key.source, key.handle, tag, this.userOf(ctx))) {
      await this.record(ctx, 'listening.author_tagged', key, { tag });
    }
  }

  async untag(ctx: TenantCtx, source: string, handle: string, tag: AuthorTag): Promise<void> {
    const key = await this.existing(ctx, source, handle);
    if (await this.repository.removeTag(ctx, key.source, key.handle, tag, this.userOf(ctx))) {
      await this.record(ctx, 'listening.author_untagged', key, { tag });
    }
  }

  async setNote(ctx: TenantCtx, source: string, handle: string, note: string | null): Promise<void> {
    const key = await this.existing(ctx, source, handle);
    const text = note === null ? null : note.trim() || null;
    if (text !== null && text.length > 2000) throw badInput('input.note', 'must be at most 2000 characters');
    await this.repository.setNote(ctx, key.source, key.handle, text, this.userOf(ctx));
    // The note's text stays out of the audit log (it may name people); its length tells what happened.
    await this.record(ctx, 'listening.author_note_set', key, { length: text?.length ?? 0 });
  }

  /** An author with no mention in the window: zero figures, its last known reach, and what people set on it. */
  private async quiet(ctx: TenantCtx, key: { source: string; handle: string }): Promise<MentionAuthorRow> {
    const p = await this.repository.profile(ctx, key.source, key.handle);
    const reach = await this.repository.latestReach(ctx, key.source, key.handle);
    return {
      source: key.source,
      handleKey: key.handle.toLowerCase(),
      handle: key.handle,
      name: null,
      mentions: 0,
      averageSentiment: null,
      positive: 0,
      negative: 0,
      reach,
      firstSeen: null,
      lastSeen: null,
      score: '0.00',
      leaning: 'NEUTRAL',
      tags: p?.tags ?? [],
      note: p?.note ?? null,
      taggedBy: p?.tagged_by ?? null,
      taggedAt: p?.tagged_at ?? null,
      noteBy: p?.note_by ?? null,
      noteAt: p?.note_at ?? null,
    };
  }

  /** The window asked for, by default the last DEFAULT_WINDOW_DAYS days up to now. */
  window(input: { from?: Date | null; to?: Date | null }): AuthorWindow {
    const to = input.to ?? new Date();
    const from = input.from ?? new Date(to.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS);
    if (from >= to) throw badInput(input.to ? 'to' : 'from', 'must leave a range: from before to');
    return { from, to };
  }

  /** An author of the organisation (another organisation's, or one never mentioned, is NOT_FOUND on the handle). */
  private async existing(
    ctx: TenantCtx,
    source: string,
    handle: string,
    fields = { source: 'input.source', handle: 'input.handle' },
  ): Promise<{ source: string; handle: string }> {
    const key = { source: checkSource(source, fields.source), handle: authorHandle(handle, fields.handle) };
    if (!(await this.repository.exists(ctx, key.source, key.handle))) {
      throw new DomainError('NOT_FOUND', notFound('Mention author', `${key.source}:${key.handle}`).message, { field: fields.handle });
    }
    return key;
  }

  private userOf(ctx: TenantCtx): string | null {
    return ctx.actor.type === 'USER' ? ctx.actor.id : null;
  }

  private async record(ctx: TenantCtx, action: string, key: { source: string; handle: string }, metadata: Record<string, unknown>) {
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      { action, targetType: 'MentionAuthor', targetId: `${key.source}:${key.handle.toLowerCase()}`, metadata },
      ctx.requestId,
    );
  }
}
