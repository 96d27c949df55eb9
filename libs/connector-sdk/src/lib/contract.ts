/**
 * The connector contract: what a plugin for one social network implements.
 *
 * Kept deliberately small and framework-free. Generic code never branches on a
 * network's name; it reads the manifest's capabilities and limits.
 */

/** How an account of this network is connected. */
export type AuthKind = 'oauth2' | 'app-password' | 'access-token' | 'none';

/** What a connector can do, as data. */
export interface Capabilities {
  publish: boolean;
  media: boolean;
  threads: boolean;
  reply: boolean;
  delete: boolean;
  /** Mentions of the account and keyword search. */
  mentions: boolean;
  search: boolean;
  comments: boolean;
  metrics: boolean;
  /**
   * `findPublished`: the connector can tell whether a publish with a given idempotency key
   * already reached the network. Optional: absent means false, so manifests written before
   * it stay valid. Needs `publish`.
   */
  findPublished?: boolean;
  /**
   * `fetchAccountMetrics`: the connector reads the connected account's own counts (followers,
   * accounts followed, posts). Optional like `findPublished`, so older manifests stay valid.
   */
  accountMetrics?: boolean;
  /**
   * `listTargets`: one authorisation reaches several identities to publish as (the company pages a
   * LinkedIn member administers, the Facebook pages of a Meta user, a Google account's YouTube
   * channels), and the account is connected as the one the agency picks. Optional like `findPublished`.
   */
  targets?: boolean;
}

/** How the network counts text length. */
export type LengthCounting =
  | 'graphemes' // Bluesky: extended grapheme clusters
  | 'code-points-urls-as-23' // Mastodon: code points, each URL counts as 23
  | 'code-points';

export interface TextLimits {
  maxLength: number;
  counting: LengthCounting;
  /** Upper bound in UTF-8 bytes, when the network has one besides the length (Bluesky: 3000). */
  maxBytes?: number;
}

export interface MediaLimits {
  maxCount: number;
  /** MIME types accepted, e.g. image/jpeg. */
  types: string[];
  maxBytes: number;
  /**
   * How the network takes a file. `bytes` (the default): the connector uploads `MediaAttachment.data`.
   * `url`: the network fetches the file itself from a public address (Instagram's `image_url`, Threads'
   * `image_url`), so the platform also passes `MediaAttachment.url`, a public address valid for at least
   * an hour. A connector may still read `data` (to check the file before the network fetches it).
   */
  delivery?: 'bytes' | 'url';
}

export interface RateLimitHints {
  /** Requests the network allows per window, as documented. */
  requests: number;
  windowSeconds: number;
  /**
   * Posts one account may create per window, as documented (each part of a thread is a post).
   * Several windows may apply at once (Bluesky: per hour and per day); all must have room.
   * When absent, the platform falls back to `requests` per `windowSeconds`
   * (`publishRateWindows(manifest)`).
   */
  publish?: PublishRateWindow[];
}

/** At most `limit` posts per account in any `windowSeconds`-long period. */
export interface PublishRateWindow {
  limit: number;
  windowSeconds: number;
}

/**
 * A network-specific setting of a post (`Variant.options`), as the manifest documents it: the platform shows a field
 * for it beside the text, checks the value a person gives, and passes it to the connector as its type.
 */
export interface VariantOptionSpec {
  /** The key in `Variant.options`: a letter, then letters and digits (`title`, `privacyStatus`). */
  name: string;
  /**
   * `string` (one line), `text` (several lines), `url` (absolute http(s)), `date-time` (ISO 8601 with its offset),
   * `boolean`, `number`, or `enum` (one of `values`). Values reach the connector as strings, except booleans and numbers.
   */
  type: 'string' | 'text' | 'url' | 'date-time' | 'boolean' | 'number' | 'enum';
  /** A short English label for forms (`Video title`). */
  label: string;
  /** What it does, for forms and the API's documentation. */
  description?: string;
  /** `enum`: the accepted values. */
  values?: string[];
  /** `string`, `text` and `url`: the longest value accepted, in code points. */
  maxLength?: number;
  /** `number`: the bounds. */
  min?: number;
  max?: number;
  /** A post cannot be published without it (a blog post's title). */
  required?: boolean;
  /**
   * `string` and `text`: the option carries the post's body (a blog article's HTML): set, the post needs no `text`
   * (which is then only the plain version other networks use).
   */
  body?: boolean;
}

export interface ConnectorManifest {
  /** Stable identifier, lowercase: `bluesky`, `mastodon`, `rss`. */
  id: string;
  displayName: string;
  authKind: AuthKind;
  capabilities: Capabilities;
  text: TextLimits;
  media: MediaLimits;
  rateLimit: RateLimitHints;
  /**
   * The address to connect to when the network has one server for everyone (`https://api.linkedin.com`), or a
   * usual default (`https://bsky.social`); absent for networks of many servers (Mastodon) or none (RSS). Forms
   * pre-fill it; the person may still give another.
   */
  defaultServiceUrl?: string;
  /**
   * The settings a post may carry for this network (`Variant.options`), each documented. When given, the platform
   * refuses any other option and checks each value; absent, the connector documents its options elsewhere and the
   * platform passes none.
   */
  options?: VariantOptionSpec[];
  /**
   * Whether what this connector publishes is an article (a title, an excerpt and a body, on a blog: WordPress,
   * Ghost) rather than a post. The platform lists such publications in the newsletter's blog digest, with the
   * variant's `title` and `excerpt` settings.
   */
  articles?: boolean;
}

/** Opaque credentials as the plugin issued them; the platform encrypts them at rest. */
export interface Credentials {
  /** Base URL of the instance / PDS / feed server the account lives on. */
  serviceUrl: string;
  /** Secret values the plugin needs (tokens, app passwords). */
  secrets: Record<string, string>;
  /** When the access part expires, if it does. */
  expiresAt?: string;
}

export interface MediaAttachment {
  mimeType: string;
  /** The file's bytes; empty when the attachment is only described (see `byteSize`). */
  data: Uint8Array;
  /**
   * The file's size when `data` is not loaded: the platform checks a variant while it is written (the editor) with
   * its media described from the media library (`data` empty, `byteSize`, and `width` and `height` when it measured
   * them) rather than read. Checks read sizes with `mediaSize` and dimensions from these fields before the bytes.
   */
  byteSize?: number;
  /** Pixel dimensions when the platform knows them without reading `data`. */
  width?: number;
  height?: number;
  altText?: string;
  /**
   * A public address the network can fetch `data` from, unguessable and expiring (at least an hour after
   * the publish starts). Given when the manifest's `media.delivery` is `url`; absent otherwise.
   */
  url?: string;
}

/** One network's version of a content item. */
export interface Variant {
  text: string;
  media?: MediaAttachment[];
  /** Further posts of a thread, published as replies to the previous one. */
  thread?: Variant[];
  /** Network-specific options the manifest documents (e.g. Mastodon visibility, spoiler text). */
  options?: Record<string, string | boolean | number>;
}

export interface PublishRequest {
  variant: Variant;
  /** The same key always yields the same post: a retried publish never creates a second one. */
  idempotencyKey: string;
  /** Reply to this external post instead of starting a new one. */
  inReplyTo?: string;
}

/** What `findPublished` is asked: was this publish already made? */
export interface FindPublishedRequest {
  /** The key the publish was (or will be) made with. */
  idempotencyKey: string;
  /** The variant as it was sent: connectors that cannot read the key back match on its content. */
  variant: Variant;
  /**
   * ISO date before which the publish cannot have reached the network (when the first attempt
   * started; allow for clock skew). Connectors that search the account's recent posts stop
   * there; those that derive the post's identity from the key ignore it.
   */
  publishedAfter?: string;
}

export interface PublishedPost {
  externalId: string;
  url: string;
  /** External ids of the thread's further posts, in order. */
  threadIds?: string[];
}

export interface MentionQuery {
  /** Keywords to search for; omit for mentions of the connected account. */
  keywords?: string[];
  /** Opaque cursor returned by the previous call; omit for the first page. */
  cursor?: string;
  limit?: number;
}

export interface Mention {
  externalId: string;
  url: string;
  authorHandle: string;
  authorName?: string;
  /**
   * The author's audience when the network says: their followers (subscribers) when the
   * post was read, a whole number >= 0. Null or absent when the network does not say;
   * never a guess. The platform keeps the latest value it read as the author's reach.
   */
  authorReach?: number | null;
  text: string;
  publishedAt: string;
  /**
   * True when the network gave no usable date: `publishedAt` is then the time the
   * connector fetched the item (kept so mentions still sort), not when it was published.
   * Absent when `publishedAt` comes from the network.
   */
  publishedAtEstimated?: boolean;
  language?: string;
  /** The external post it replies to, if any. */
  inReplyTo?: string;
  /** Files the post carries or links to (podcast episodes, images, videos). Absent when there are none. */
  attachments?: MentionAttachment[];
}

export type MentionAttachmentKind = 'image' | 'video' | 'audio' | 'file';

/** A file attached to a mention, by reference: the platform never downloads it unasked. */
export interface MentionAttachment {
  /** Absolute http(s) URL. */
  url: string;
  /** MIME type as the network states it (`audio/mpeg`), lower case, without parameters. */
  mediaType?: string;
  /** Size in bytes as the network states it (a claim, not checked). */
  byteSize?: number;
  kind: MentionAttachmentKind;
}

export interface MentionPage {
  items: Mention[];
  /**
   * Pass to the next call. Absent when there is nothing more to page through; a
   * connector that polls (e.g. RSS conditional GET) may always return one, and a page
   * with no items then means "nothing new for now". Keep the last cursor for the next poll.
   */
  cursor?: string;
}

export interface PostMetrics {
  externalId: string;
  likes: number;
  reposts: number;
  replies: number;
  quotes?: number;
  impressions?: number;
  fetchedAt: string;
}

/**
 * The connected account's own counts at one moment, as the network shows them on its profile.
 * `following` and `posts` are absent when the network does not expose them.
 */
export interface AccountMetrics {
  followers: number;
  following?: number;
  posts?: number;
  /** ISO date the counts were read (the connector's clock, `ctx.now` when given). */
  fetchedAt: string;
}

export interface Violation {
  /** Machine-readable rule: `text.too-long`, `media.too-many`, `media.type`, ... */
  rule: string;
  message: string;
  /** Where in the variant: `text`, `media[1]`, `thread[0].text`. */
  path: string;
}

/**
 * Where a plugin writes its log lines. Never pass a credential (token, password, client
 * secret), raw or encoded: the conformance suite scans every line for them.
 */
export interface ConnectorLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface ConnectorContext {
  /** HTTP client the platform passes in (timeouts, logging, test servers). */
  http: HttpClient;
  /** Current time; injectable for tests. */
  now?: () => Date;
  /** The platform's logger, when it passes one; write through it, never to the console. */
  logger?: ConnectorLogger;
  /**
   * Where an upload reports how far it got (chunked and resumable uploads: after each chunk); the platform
   * shows it on the publication. Optional for the platform to pass and for the connector to call; call it
   * as often as you like, the platform keeps the latest and writes it at most about once a second.
   */
  progress?: (report: UploadProgress) => void;
}

/** How far a publish's upload has got. */
export interface UploadProgress {
  /** Which attachment of the variant (0-based) is being sent. */
  media: number;
  /** Bytes of that attachment the network has confirmed so far. */
  sentBytes: number;
  /** Its size in bytes. */
  totalBytes: number;
}

/** The platform's registration (client id and secret) at one OAuth server and redirect URI. */
export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

/**
 * The platform's store of client registrations, one per network, server and redirect URI:
 * `register` runs only when none is stored (a Mastodon instance registers applications on
 * demand); the client it returns is stored sealed and reused by the next authorisations.
 */
export interface OAuthClients {
  getOrRegister(register: () => Promise<OAuthClient>): Promise<OAuthClient>;
}

export interface OAuthStartInput {
  /** The server the user named (instance, PDS), as given to `authorize` later. */
  serviceUrl: string;
  /** Where the network sends the user back; pass it unchanged to the network. */
  redirectUri: string;
  /** Opaque, single-use value the network must echo back on the redirect. */
  state: string;
  /** PKCE S256 challenge; the matching verifier comes back to `authorize` as `fields.codeVerifier`. */
  codeChallenge: string;
}

export interface OAuthStartResult {
  /** The network's consent page the user is sent to. */
  authorizationUrl: string;
  /**
   * Values `authorize` needs with the code (e.g. the registered client id and secret). The
   * platform stores them sealed and passes them back as `fields`, next to `code` and `codeVerifier`.
   */
  fields: Record<string, string>;
}

/**
 * The first step of an OAuth 2 authorisation, for connectors whose `authKind` is `oauth2`.
 * The second step (exchanging the code for tokens) is `authorize`, called with
 * `{ serviceUrl, redirectUri, fields: { ...start's fields, code, codeVerifier } }`.
 */
export interface ConnectorOAuth {
  start(ctx: ConnectorContext, input: OAuthStartInput, clients: OAuthClients): Promise<OAuthStartResult>;
}

/**
 * The operations. Optional ones are required when the matching capability is true;
 * the conformance suite checks that.
 */
export interface Connector {
  readonly manifest: ConnectorManifest;
  /** The start of an OAuth authorisation (authorisation URL, client registration); `authKind` oauth2 only. */
  readonly oauth?: ConnectorOAuth;
  /** Exchange what the user supplied (code, token, app password) for credentials. */
  authorize(ctx: ConnectorContext, input: AuthorizeInput): Promise<Credentials>;
  /** Refresh expired credentials; keeps the refresh part when the network issues no new one. */
  refresh?(ctx: ConnectorContext, credentials: Credentials): Promise<Credentials>;
  /**
   * What the network would refuse in this variant. Also called while the variant is written, with its media described
   * (`MediaAttachment.byteSize`, `width`, `height`) and `data` empty: read sizes with `mediaSize`, never need the bytes.
   */
  validate(variant: Variant): Violation[];
  publish?(ctx: ConnectorContext, credentials: Credentials, request: PublishRequest): Promise<PublishedPost>;
  /**
   * Did a publish with this idempotency key already reach the network? Called by the platform
   * before it retries a publish whose outcome it never recorded (the worker died between the
   * network call and writing the result down): when this returns the post, the platform records
   * it instead of publishing again.
   *
   * - Resolves the post (as `publish` would have returned it) when the first part exists;
   *   `threadIds` lists the further parts found, in order, and stops at the first one missing,
   *   so fewer ids than `variant.thread` parts means the publish stopped part-way (publishing
   *   again with the same key resumes it on networks whose keys are durable).
   * - Resolves `null` when the network has no such post (never made, or deleted since).
   * - Throws a `ConnectorError` when it cannot tell (network errors as usual; `UNKNOWN` when the
   *   search it relies on could not reach back to `publishedAfter`): the platform must then not
   *   assume either answer.
   *
   * Declared by `capabilities.findPublished`. How sure the answer is depends on the network:
   * each connector documents it (Bluesky reads the record its key names, an exact answer;
   * Mastodon keeps keys for an hour only, so it matches the account's recent posts by content).
   */
  findPublished?(ctx: ConnectorContext, credentials: Credentials, request: FindPublishedRequest): Promise<PublishedPost | null>;
  delete?(ctx: ConnectorContext, credentials: Credentials, externalId: string): Promise<void>;
  fetchMentions?(ctx: ConnectorContext, credentials: Credentials, query: MentionQuery): Promise<MentionPage>;
  fetchComments?(ctx: ConnectorContext, credentials: Credentials, externalId: string, cursor?: string): Promise<MentionPage>;
  reply?(
    ctx: ConnectorContext,
    credentials: Credentials,
    externalId: string,
    variant: Variant,
    idempotencyKey: string,
  ): Promise<PublishedPost>;
  fetchMetrics?(ctx: ConnectorContext, credentials: Credentials, externalIds: string[]): Promise<PostMetrics[]>;
  /** The connected account's counts now; declared by `capabilities.accountMetrics`. */
  fetchAccountMetrics?(ctx: ConnectorContext, credentials: Credentials): Promise<AccountMetrics>;
  /**
   * The identities the authorised user may publish as, each with credentials bound to it; declared
   * by `capabilities.targets`. Empty when the user administers none (the platform says so rather
   * than connecting a person's profile the agency did not ask for).
   */
  listTargets?(ctx: ConnectorContext, credentials: Credentials): Promise<AccountTarget[]>;
}

export type AccountTargetKind = 'organization' | 'page' | 'channel' | 'profile';

/**
 * An identity the authorised user may publish as. `credentials` are bound to it (a page's own
 * token, the organisation's URN beside the member's token): the platform keeps them sealed and
 * stores the chosen target's credentials as the account's; they are never shown to anyone.
 */
export interface AccountTarget {
  /** The network's id of the page, organisation or channel (stable across authorisations). */
  id: string;
  kind: AccountTargetKind;
  /** What the agency sees when choosing: the page's or organisation's name. */
  name: string;
  /** Vanity name, handle or slug, when the network has one. */
  handle?: string;
  /** Public address of the page, when the network gives one. */
  url?: string;
  credentials: Credentials;
}

/** Names of the operations a connector may implement. */
export type OperationName =
  | 'authorize'
  | 'refresh'
  | 'publish'
  | 'findPublished'
  | 'delete'
  | 'fetchMentions'
  | 'fetchComments'
  | 'reply'
  | 'fetchMetrics'
  | 'fetchAccountMetrics'
  | 'listTargets';

export interface AuthorizeInput {
  serviceUrl: string;
  /** OAuth authorization code, personal token, or handle + app password. */
  fields: Record<string, string>;
  redirectUri?: string;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  timeoutMs?: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
  text(): string;
  json<T = unknown>(): T;
}

export interface HttpClient {
  request(req: HttpRequest): Promise<HttpResponse>;
}
