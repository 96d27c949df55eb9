/**
 * The Bluesky connector: any PDS, signed in with a handle and an app password, spoken to
 * in XRPC over the platform's HttpClient.
 *
 * Idempotent publishing: the post's record key is derived from the idempotency key
 * (`recordKeyFor`), and the post is created with `com.atproto.repo.createRecord` and
 * that key. A retry names the same record: when the create fails (the key is taken, or
 * the answer was lost), the connector reads the record back with `getRecord` and returns
 * the post it already made. A second post is never created.
 *
 * `findPublished` reads the records the key names (`getRecord`, one per thread part): the
 * answer is exact and needs no date, as long as the post was not deleted since.
 */
import { ConnectorError, ImageHeaderError, readImageSize, validateVariant } from '@socle/connector-sdk';
import type {
  AccountMetrics,
  AuthorizeInput,
  Connector,
  ConnectorContext,
  Credentials,
  FindPublishedRequest,
  Mention,
  MentionPage,
  MentionQuery,
  PostMetrics,
  PublishedPost,
  PublishRequest,
  Variant,
  Violation,
} from '@socle/connector-sdk';
import { buildFacets, detectSpans } from './facets';
import type { ImageSize } from '@socle/connector-sdk';
import { blueskyManifest } from './manifest';
import { parseAtUri, postWebUrl, recordKeyFor } from './record-key';
import { serviceBaseUrl, XrpcClient } from './xrpc';

export const POST_COLLECTION = 'app.bsky.feed.post';
/** Scope of an access token issued for an app password (a main password gives `com.atproto.access`). */
const APP_PASSWORD_SCOPE = 'com.atproto.appPass';
const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 100;
/** Actors `app.bsky.actor.getProfiles` accepts per call (its documented maximum). */
const PROFILES_PER_CALL = 25;
const NOTIFICATION_REASONS = ['mention', 'reply', 'quote'];

export interface BlueskyConnectorOptions {
  /** Web app for post URLs. Default `https://bsky.app`. */
  webUrl?: string;
  /** Accept a session made with the account's main password. Default false: app passwords only. */
  allowMainPassword?: boolean;
}

interface StrongRef {
  uri: string;
  cid: string;
}

interface ReplyRef {
  root: StrongRef;
  parent: StrongRef;
}

interface BlobRef {
  $type: 'blob';
  ref: { $link: string };
  mimeType: string;
  size: number;
}

interface PostRecord {
  $type?: string;
  text: string;
  createdAt: string;
  langs?: string[];
  facets?: unknown[];
  reply?: ReplyRef;
  embed?: unknown;
}

interface Session {
  did: string;
  handle: string;
  accessJwt: string;
  refreshJwt: string;
  active?: boolean;
  status?: string;
}

interface ProfileView {
  did: string;
  handle: string;
  displayName?: string;
}

/** `app.bsky.actor.defs#profileViewDetailed`: the counts `getProfile` adds to a profile. */
interface ProfileViewDetailed extends ProfileView {
  followersCount?: number;
  followsCount?: number;
  postsCount?: number;
}

interface PostView {
  uri: string;
  cid: string;
  author: ProfileView;
  record: PostRecord;
  indexedAt: string;
  likeCount?: number;
  repostCount?: number;
  replyCount?: number;
  quoteCount?: number;
}

interface NotificationView {
  uri: string;
  cid: string;
  author: ProfileView;
  reason: string;
  record: PostRecord;
  indexedAt: string;
}

interface ThreadNode {
  $type?: string;
  post?: PostView;
  replies?: ThreadNode[];
}

function decodeJwtExpiry(jwt: string): { exp?: number; scope?: string } {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown; scope?: unknown };
    return {
      exp: typeof payload.exp === 'number' ? payload.exp : undefined,
      scope: typeof payload.scope === 'string' ? payload.scope : undefined,
    };
  } catch {
    return {};
  }
}

function encodeCursor(value: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, context: string): Record<string, string | number> {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, string | number>;
  } catch {
    // fall through
  }
  throw new ConnectorError('REJECTED', `${context}: the cursor was not issued by this connector`, { networkReason: 'invalid cursor' });
}

/**
 * `aspectRatio` of an embedded image (its pixel size, as the app sends it), read from the
 * image's header; left out when the format is unknown or the header damaged (the app then
 * sizes the image once downloaded).
 */
function aspectRatioOf(data: Uint8Array): ImageSize | undefined {
  try {
    return readImageSize(data);
  } catch (error) {
    if (error instanceof ImageHeaderError) return undefined;
    throw error;
  }
}

function optionString(options: Variant['options'], name: string): string | undefined {
  const value = options?.[name];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

export class BlueskyConnector implements Connector {
  readonly manifest = blueskyManifest;
  private readonly webUrl: string;
  private readonly allowMainPassword: boolean;

  constructor(options: BlueskyConnectorOptions = {}) {
    this.webUrl = options.webUrl ?? 'https://bsky.app';
    this.allowMainPassword = options.allowMainPassword ?? false;
  }

  // ---------------------------------------------------------------- auth

  /** `fields.identifier` (handle, DID or e-mail) and `fields.appPassword` against `serviceUrl` (the PDS). */
  async authorize(ctx: ConnectorContext, input: AuthorizeInput): Promise<Credentials> {
    const identifier = (input.fields?.identifier ?? input.fields?.handle ?? '').trim().replace(/^@/, '');
    const password = input.fields?.appPassword ?? input.fields?.password ?? '';
    if (!identifier || !password) {
      throw new ConnectorError('REJECTED', 'Bluesky sign-in needs a handle and an app password', {
        networkReason: 'missing identifier or app password',
      });
    }
    const client = new XrpcClient(ctx, input.serviceUrl);
    const session = await client.procedure<Session>('com.atproto.server.createSession', { identifier, password }, 'Bluesky sign-in');
    this.checkSession(session, 'Bluesky sign-in');
    if (!this.allowMainPassword && decodeJwtExpiry(session.accessJwt).scope !== APP_PASSWORD_SCOPE) {
      // Do not keep a session opened with the main password.
      await client
        .withToken(session.refreshJwt)
        .procedure('com.atproto.server.deleteSession', undefined, 'Bluesky sign-out')
        .catch(() => undefined);
      throw new ConnectorError(
        'REJECTED',
        'Bluesky sign-in: use an app password (Settings > Privacy and security > App passwords), not the account password',
        {
          networkReason: 'not an app password',
        },
      );
    }
    return this.credentialsFrom(client.baseUrl, session);
  }

  /** `com.atproto.server.refreshSession` with the refresh JWT; a refused one is AUTH_EXPIRED. */
  async refresh(ctx: ConnectorContext, credentials: Credentials): Promise<Credentials> {
    const refreshJwt = credentials?.secrets?.refreshJwt;
    if (!refreshJwt) throw new ConnectorError('AUTH_EXPIRED', 'Bluesky: the credentials hold no refresh token; sign in again');
    const client = new XrpcClient(ctx, credentials.serviceUrl, refreshJwt);
    const session = await client
      .procedure<Session>('com.atproto.server.refreshSession', undefined, 'Bluesky session refresh')
      .catch((error: unknown) => {
        // Whatever the PDS says about a refresh token it refuses, the user must sign in again.
        if (error instanceof ConnectorError && error.kind === 'REJECTED') {
          throw new ConnectorError('AUTH_EXPIRED', error.message, { status: error.status, networkReason: error.networkReason });
        }
        throw error;
      });
    this.checkSession(session, 'Bluesky session refresh');
    return this.credentialsFrom(client.baseUrl, { ...session, refreshJwt: session.refreshJwt || refreshJwt });
  }

  private checkSession(session: Session, context: string): void {
    if (typeof session?.accessJwt !== 'string' || typeof session.did !== 'string' || typeof session.refreshJwt !== 'string') {
      throw new ConnectorError('UNKNOWN', `${context}: the answer is not a session`);
    }
    if (session.active === false) {
      throw new ConnectorError('REJECTED', `${context}: the account is ${session.status ?? 'not active'}`, {
        networkReason: session.status ?? 'inactive account',
      });
    }
  }

  private credentialsFrom(serviceUrl: string, session: Session): Credentials {
    const credentials: Credentials = {
      serviceUrl,
      secrets: { did: session.did, handle: session.handle, accessJwt: session.accessJwt, refreshJwt: session.refreshJwt },
    };
    const { exp } = decodeJwtExpiry(session.accessJwt);
    if (exp) credentials.expiresAt = new Date(exp * 1000).toISOString();
    return credentials;
  }

  private session(ctx: ConnectorContext, credentials: Credentials): { client: XrpcClient; did: string } {
    const { accessJwt, did } = credentials?.secrets ?? {};
    if (!accessJwt || !did) throw new ConnectorError('AUTH_EXPIRED', 'Bluesky: the credentials hold no session; sign in again');
    return { client: new XrpcClient(ctx, credentials.serviceUrl, accessJwt), did };
  }

  // ---------------------------------------------------------------- validation

  validate(variant: Variant): Violation[] {
    return validateVariant(this.manifest, variant);
  }

  // ---------------------------------------------------------------- publishing

  async publish(ctx: ConnectorContext, credentials: Credentials, request: PublishRequest): Promise<PublishedPost> {
    const context = 'Bluesky publish';
    if (!request?.idempotencyKey) throw new ConnectorError('REJECTED', `${context}: an idempotency key is required`);
    const violations = this.validate(request.variant);
    if (violations.length) {
      const reason = violations.map((violation) => `${violation.path}: ${violation.message}`).join(' ');
      throw new ConnectorError('REJECTED', `${context}: ${reason}`, { networkReason: reason });
    }
    const { client, did } = this.session(ctx, credentials);
    let reply: ReplyRef | undefined = request.inReplyTo ? await this.replyRefTo(client, request.inReplyTo, context) : undefined;
    const parts = [request.variant, ...(request.variant.thread ?? [])];
    const created: StrongRef[] = [];
    for (let index = 0; index < parts.length; index++) {
      const part = parts[index];
      const options = { ...(request.variant.options ?? {}), ...(index > 0 ? (part.options ?? {}) : {}) };
      const partContext = index === 0 ? context : `${context} (thread part ${index + 1})`;
      const record = await this.buildRecord(ctx, client, { ...part, options }, reply, partContext);
      const ref = await this.createOrFind(client, did, recordKeyFor(request.idempotencyKey, index), record, partContext);
      created.push(ref);
      reply = { root: reply?.root ?? ref, parent: ref };
    }
    const [first, ...rest] = created;
    const published: PublishedPost = { externalId: first.uri, url: postWebUrl(this.webUrl, first.uri) };
    if (rest.length) published.threadIds = rest.map((ref) => ref.uri);
    return published;
  }

  async reply(
    ctx: ConnectorContext,
    credentials: Credentials,
    externalId: string,
    variant: Variant,
    idempotencyKey: string,
  ): Promise<PublishedPost> {
    return this.publish(ctx, credentials, { variant, idempotencyKey, inReplyTo: externalId });
  }

  /**
   * The post a publish with `request.idempotencyKey` made, read back by the record keys the key
   * names (`com.atproto.repo.getRecord`); null when the first part's record does not exist
   * (RecordNotFound). Thread parts are read in order, up to the first missing one. A record
   * under the key whose text differs from the variant's is the key used for another post:
   * REJECTED, as `publish` says. `publishedAfter` is not needed.
   */
  async findPublished(ctx: ConnectorContext, credentials: Credentials, request: FindPublishedRequest): Promise<PublishedPost | null> {
    const context = 'Bluesky find published';
    if (!request?.idempotencyKey) throw new ConnectorError('REJECTED', `${context}: an idempotency key is required`);
    const { client, did } = this.session(ctx, credentials);
    const parts = [request.variant, ...(request.variant?.thread ?? [])];
    const found: string[] = [];
    for (let index = 0; index < parts.length; index++) {
      const partContext = index === 0 ? context : `${context} (thread part ${index + 1})`;
      const record = await this.readOwnRecord(client, did, recordKeyFor(request.idempotencyKey, index), partContext);
      if (!record) break;
      if (typeof parts[index]?.text === 'string' && record.value?.text !== parts[index].text) {
        throw new ConnectorError('REJECTED', `${partContext}: the idempotency key was used for a different post (${record.uri})`, {
          networkReason: 'idempotency key reused',
        });
      }
      found.push(record.uri);
    }
    if (!found.length) return null;
    const [first, ...rest] = found;
    const published: PublishedPost = { externalId: first, url: postWebUrl(this.webUrl, first) };
    if (rest.length) published.threadIds = rest;
    return published;
  }

  /** The record, or undefined when the PDS says RecordNotFound; any other failure is thrown. */
  private async readOwnRecord(
    client: XrpcClient,
    did: string,
    rkey: string,
    context: string,
  ): Promise<{ uri: string; cid: string; value?: PostRecord } | undefined> {
    try {
      const found = await client.query<{ uri?: string; cid?: string; value?: PostRecord }>(
        'com.atproto.repo.getRecord',
        { repo: did, collection: POST_COLLECTION, rkey },
        context,
      );
      if (typeof found.uri !== 'string' || typeof found.cid !== 'string')
        throw new ConnectorError('UNKNOWN', `${context}: the answer is not a record (no uri/cid)`);
      return { uri: found.uri, cid: found.cid, value: found.value };
    } catch (error) {
      if (error instanceof ConnectorError && error.kind === 'REJECTED' && /^RecordNotFound\b/.test(error.networkReason ?? ''))
        return undefined;
      throw error;
    }
  }

  /** Root and parent of a reply to `uri`: the parent's own root when it is itself a reply. */
  private async replyRefTo(client: XrpcClient, uri: string, context: string): Promise<ReplyRef> {
    const { repo, collection, rkey } = parseAtUri(uri, context);
    const parent = await client.query<{ uri: string; cid?: string; value?: PostRecord }>(
      'com.atproto.repo.getRecord',
      { repo, collection, rkey },
      `${context}: reading the post replied to`,
    );
    if (typeof parent.cid !== 'string') throw new ConnectorError('UNKNOWN', `${context}: the post replied to has no CID`);
    const parentRef = { uri: parent.uri ?? uri, cid: parent.cid };
    const root = parent.value?.reply?.root;
    return { root: root && typeof root.uri === 'string' && typeof root.cid === 'string' ? root : parentRef, parent: parentRef };
  }

  private async buildRecord(
    ctx: ConnectorContext,
    client: XrpcClient,
    part: Variant,
    reply: ReplyRef | undefined,
    context: string,
  ): Promise<PostRecord> {
    const text = part.text ?? '';
    const record: PostRecord = { $type: POST_COLLECTION, text, createdAt: (ctx.now?.() ?? new Date()).toISOString() };
    const spans = detectSpans(text);
    // Handles are case-insensitive: `@Alice.test` and `@alice.test` are one look-up.
    const handles = [...new Set(spans.filter((span) => span.kind === 'mention').map((span) => span.value.toLowerCase()))];
    const dids = new Map<string, string>();
    await Promise.all(
      handles.map(async (handle) => {
        const did = await this.resolveHandle(client, handle, context);
        if (did) dids.set(handle, did);
      }),
    );
    const facets = buildFacets(text, spans, dids);
    if (facets.length) record.facets = facets;
    const language = optionString(part.options, 'language');
    if (language) record.langs = [language];
    if (reply) record.reply = reply;
    const media = part.media ?? [];
    if (media.length) {
      const images = [];
      for (const [index, attachment] of media.entries()) {
        const uploaded = await client.upload<{ blob?: BlobRef }>(
          'com.atproto.repo.uploadBlob',
          attachment.data,
          attachment.mimeType,
          `${context}: image ${index + 1}`,
        );
        if (!uploaded.blob?.ref) throw new ConnectorError('UNKNOWN', `${context}: image ${index + 1}: the answer has no blob`);
        const aspectRatio = aspectRatioOf(attachment.data);
        images.push({ alt: attachment.altText ?? '', image: uploaded.blob, ...(aspectRatio ? { aspectRatio } : {}) });
      }
      record.embed = { $type: 'app.bsky.embed.images', images };
    }
    return record;
  }

  /** The DID of `handle`, or undefined when it does not resolve (the mention stays plain text). */
  private async resolveHandle(client: XrpcClient, handle: string, context: string): Promise<string | undefined> {
    try {
      const { did } = await client.query<{ did?: string }>(
        'com.atproto.identity.resolveHandle',
        { handle },
        `${context}: resolving @${handle}`,
      );
      return typeof did === 'string' && did.startsWith('did:') ? did : undefined;
    } catch (error) {
      if (error instanceof ConnectorError && error.kind === 'REJECTED') return undefined;
      throw error;
    }
  }

  private async createOrFind(client: XrpcClient, did: string, rkey: string, record: PostRecord, context: string): Promise<StrongRef> {
    try {
      const created = await client.procedure<{ uri?: string; cid?: string }>(
        'com.atproto.repo.createRecord',
        { repo: did, collection: POST_COLLECTION, rkey, record, validate: true },
        context,
      );
      if (typeof created.uri !== 'string' || typeof created.cid !== 'string')
        throw new ConnectorError('UNKNOWN', `${context}: the answer has no uri/cid`);
      return { uri: created.uri, cid: created.cid };
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      // The record may exist already: an earlier attempt made it (the key is taken, a PDS
      // answers that with an error), or its answer was lost (timeout, reset, 5xx).
      const mayExist =
        error.kind === 'TRANSIENT' ||
        error.kind === 'UNKNOWN' ||
        (error.kind === 'REJECTED' && /exist|conflict|duplicate|taken/i.test(error.networkReason ?? error.message));
      if (!mayExist) throw error;
      const existing = await this.findRecord(client, did, rkey, context);
      if (!existing) throw error;
      if (existing.value?.text !== record.text) {
        throw new ConnectorError('REJECTED', `${context}: the idempotency key was already used for a different post (${existing.uri})`, {
          networkReason: 'idempotency key reused',
        });
      }
      return { uri: existing.uri, cid: existing.cid };
    }
  }

  private async findRecord(
    client: XrpcClient,
    did: string,
    rkey: string,
    context: string,
  ): Promise<{ uri: string; cid: string; value?: PostRecord } | undefined> {
    try {
      const found = await client.query<{ uri?: string; cid?: string; value?: PostRecord }>(
        'com.atproto.repo.getRecord',
        { repo: did, collection: POST_COLLECTION, rkey },
        `${context}: looking for an earlier attempt`,
      );
      return typeof found.uri === 'string' && typeof found.cid === 'string'
        ? { uri: found.uri, cid: found.cid, value: found.value }
        : undefined;
    } catch {
      return undefined;
    }
  }

  async delete(ctx: ConnectorContext, credentials: Credentials, externalId: string): Promise<void> {
    const context = 'Bluesky delete';
    const { client, did } = this.session(ctx, credentials);
    const { repo, collection, rkey } = parseAtUri(externalId, context);
    if (repo !== did)
      throw new ConnectorError('REJECTED', `${context}: ${externalId} belongs to another account`, { networkReason: 'not your post' });
    // Deleting a record that is already gone succeeds: a retried delete is harmless.
    await client.procedure('com.atproto.repo.deleteRecord', { repo, collection, rkey }, context);
  }

  // ---------------------------------------------------------------- listening

  /**
   * Without keywords: mentions, replies and quotes of the account, from
   * `app.bsky.notification.listNotifications`. With keywords: `app.bsky.feed.searchPosts`,
   * newest first, one keyword after the other; a post matching an earlier keyword is left
   * out of a later one's results, so no post comes twice.
   *
   * Neither answer tells an author's followers (their `author` is a ProfileViewBasic), so
   * each page's authors are read with `app.bsky.actor.getProfiles`, 25 per call, and their
   * `followersCount` becomes the mentions' `authorReach`. When that read fails the page is
   * still returned, without reach: the mentions matter more than their authors' audience.
   */
  async fetchMentions(ctx: ConnectorContext, credentials: Credentials, query: MentionQuery): Promise<MentionPage> {
    const { client } = this.session(ctx, credentials);
    const limit = Math.min(Math.max(1, Math.floor(query?.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE);
    const keywords = [...new Set((query?.keywords ?? []).map((keyword) => keyword.trim()).filter(Boolean))];
    const page = keywords.length
      ? await this.searchPage(client, keywords, limit, query.cursor)
      : await this.notificationPage(client, limit, query?.cursor);
    await this.addAuthorReach(ctx, client, page.items);
    return page;
  }

  /** Sets `authorReach` from the authors' profiles (the DID that names each post's repository); leaves it out on failure. */
  private async addAuthorReach(ctx: ConnectorContext, client: XrpcClient, mentions: Mention[]): Promise<void> {
    const authorOf = (mention: Mention) => /^at:\/\/(did:[a-z]+:[^/]+)\//.exec(mention.externalId)?.[1];
    const dids = [...new Set(mentions.map(authorOf).filter((did): did is string => !!did))];
    const followers = new Map<string, number>();
    for (let start = 0; start < dids.length; start += PROFILES_PER_CALL) {
      const actors = dids.slice(start, start + PROFILES_PER_CALL);
      try {
        const answer = await client.query<{ profiles?: ProfileViewDetailed[] }>(
          'app.bsky.actor.getProfiles',
          { actors },
          'Bluesky author reach',
        );
        for (const profile of Array.isArray(answer.profiles) ? answer.profiles : []) {
          const count = profile?.followersCount;
          if (typeof profile?.did === 'string' && typeof count === 'number' && Number.isSafeInteger(count) && count >= 0) {
            followers.set(profile.did, count);
          }
        }
      } catch (error) {
        // The network's words stay out of the log: only what kind of failure it was.
        const kind = error instanceof ConnectorError ? error.kind : 'UNKNOWN';
        ctx.logger?.warn('Bluesky author reach unavailable for a page of mentions', { kind, actors: actors.length });
      }
    }
    for (const mention of mentions) {
      const did = authorOf(mention);
      const count = did === undefined ? undefined : followers.get(did);
      if (count !== undefined) mention.authorReach = count;
    }
  }

  private async notificationPage(client: XrpcClient, limit: number, cursor: string | undefined): Promise<MentionPage> {
    const context = 'Bluesky mentions';
    let next = cursor ? String(decodeCursor(cursor, context).c) : undefined;
    // A page may hold only other kinds of notifications when the PDS ignores `reasons`:
    // read on a few pages rather than answer an empty page that is not the end.
    for (let attempt = 0; attempt < 5; attempt++) {
      const page = await client.query<{ notifications?: NotificationView[]; cursor?: string }>(
        'app.bsky.notification.listNotifications',
        { limit, cursor: next, reasons: NOTIFICATION_REASONS },
        context,
      );
      if (!Array.isArray(page.notifications)) throw new ConnectorError('UNKNOWN', `${context}: the answer has no notifications list`);
      const items = page.notifications
        .filter((notification) => NOTIFICATION_REASONS.includes(notification.reason) && notification.record?.$type === POST_COLLECTION)
        .map((notification) => this.toMention(notification.uri, notification.author, notification.record, notification.indexedAt));
      const more = !!page.cursor && page.notifications.length > 0;
      if (items.length > 0 || !more) return { items, cursor: more ? encodeCursor({ c: page.cursor as string }) : undefined };
      next = page.cursor;
    }
    return { items: [], cursor: next ? encodeCursor({ c: next }) : undefined };
  }

  private async searchPage(client: XrpcClient, keywords: string[], limit: number, cursor: string | undefined): Promise<MentionPage> {
    const context = 'Bluesky search';
    const position = cursor ? decodeCursor(cursor, context) : { k: 0 };
    let keywordIndex = Number(position.k) || 0;
    let next = position.c !== undefined ? String(position.c) : undefined;
    while (keywordIndex < keywords.length) {
      const keyword = keywords[keywordIndex];
      const earlier = keywords.slice(0, keywordIndex).map((entry) => entry.toLowerCase());
      const page = await client.query<{ posts?: PostView[]; cursor?: string }>(
        'app.bsky.feed.searchPosts',
        { q: keyword, limit, cursor: next, sort: 'latest' },
        context,
      );
      if (!Array.isArray(page.posts)) throw new ConnectorError('UNKNOWN', `${context}: the answer has no posts list`);
      const items = page.posts
        .filter((post) => typeof post?.uri === 'string' && !earlier.some((word) => (post.record?.text ?? '').toLowerCase().includes(word)))
        .map((post) => this.toMention(post.uri, post.author, post.record, post.indexedAt));
      const more = !!page.cursor && page.posts.length > 0;
      const following: { k: number; c?: string } | undefined = more
        ? { k: keywordIndex, c: page.cursor as string }
        : keywordIndex + 1 < keywords.length
          ? { k: keywordIndex + 1 }
          : undefined;
      if (items.length > 0 || !following) {
        return {
          items,
          cursor: following ? encodeCursor(following.c !== undefined ? { k: following.k, c: following.c } : { k: following.k }) : undefined,
        };
      }
      keywordIndex = following.k;
      next = following.c;
    }
    return { items: [] };
  }

  private toMention(uri: string, author: ProfileView | undefined, record: PostRecord | undefined, indexedAt: string): Mention {
    const mention: Mention = {
      externalId: uri,
      url: postWebUrl(this.webUrl, uri),
      authorHandle: author?.handle ?? author?.did ?? 'unknown',
      text: record?.text ?? '',
      publishedAt: record?.createdAt && !Number.isNaN(Date.parse(record.createdAt)) ? record.createdAt : indexedAt,
    };
    if (author?.displayName) mention.authorName = author.displayName;
    if (record?.langs?.[0]) mention.language = record.langs[0];
    if (record?.reply?.parent?.uri) mention.inReplyTo = record.reply.parent.uri;
    return mention;
  }

  /** Replies under a post (`app.bsky.feed.getPostThread`), the whole tree in one page, oldest first. */
  async fetchComments(ctx: ConnectorContext, credentials: Credentials, externalId: string): Promise<MentionPage> {
    const context = 'Bluesky comments';
    const { client } = this.session(ctx, credentials);
    parseAtUri(externalId, context);
    const { thread } = await client.query<{ thread?: ThreadNode }>(
      'app.bsky.feed.getPostThread',
      { uri: externalId, depth: 20, parentHeight: 0 },
      context,
    );
    const items: Mention[] = [];
    const walk = (node: ThreadNode | undefined) => {
      for (const child of node?.replies ?? []) {
        if (child.post?.uri) items.push(this.toMention(child.post.uri, child.post.author, child.post.record, child.post.indexedAt));
        walk(child);
      }
    };
    walk(thread);
    items.sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt));
    return { items };
  }

  // ---------------------------------------------------------------- metrics

  /** Likes, reposts, replies and quotes from `app.bsky.feed.getPosts`; posts the AppView does not know are left out. */
  async fetchMetrics(ctx: ConnectorContext, credentials: Credentials, externalIds: string[]): Promise<PostMetrics[]> {
    const context = 'Bluesky metrics';
    const { client } = this.session(ctx, credentials);
    const fetchedAt = (ctx.now?.() ?? new Date()).toISOString();
    const byUri = new Map<string, PostView>();
    for (let start = 0; start < externalIds.length; start += 25) {
      const uris = externalIds.slice(start, start + 25);
      const { posts } = await client.query<{ posts?: PostView[] }>('app.bsky.feed.getPosts', { uris }, context);
      if (!Array.isArray(posts)) throw new ConnectorError('UNKNOWN', `${context}: the answer has no posts list`);
      for (const post of posts) if (typeof post?.uri === 'string') byUri.set(post.uri, post);
    }
    return externalIds
      .filter((uri) => byUri.has(uri))
      .map((uri) => {
        const post = byUri.get(uri) as PostView;
        return {
          externalId: uri,
          likes: post.likeCount ?? 0,
          reposts: post.repostCount ?? 0,
          replies: post.replyCount ?? 0,
          quotes: post.quoteCount ?? 0,
          fetchedAt,
        };
      });
  }

  /**
   * The account's counts from `app.bsky.actor.getProfile` (followersCount, followsCount,
   * postsCount), as the AppView has indexed them. A profile without a usable followersCount is
   * an answer we cannot read: stored as 0, it would make a follower curve fall.
   */
  async fetchAccountMetrics(ctx: ConnectorContext, credentials: Credentials): Promise<AccountMetrics> {
    const context = 'Bluesky account metrics';
    const { client, did } = this.session(ctx, credentials);
    const profile = await client.query<ProfileViewDetailed>('app.bsky.actor.getProfile', { actor: did }, context);
    const count = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;
    if (!count(profile?.followersCount)) throw new ConnectorError('UNKNOWN', `${context}: the profile has no usable followersCount`);
    const metrics: AccountMetrics = { followers: profile.followersCount, fetchedAt: (ctx.now?.() ?? new Date()).toISOString() };
    if (count(profile.followsCount)) metrics.following = profile.followsCount;
    if (count(profile.postsCount)) metrics.posts = profile.postsCount;
    return metrics;
  }
}

export { serviceBaseUrl };
