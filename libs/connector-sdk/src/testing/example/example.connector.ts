/**
 * A complete connector for a small imaginary JSON network ("Example"). It is the
 * reference the plugin author's guide points to, and the SDK's own proof that the
 * conformance suite can be passed.
 */
import type {
  AuthorizeInput,
  Connector,
  ConnectorContext,
  ConnectorManifest,
  ConnectorOAuth,
  Credentials,
  MentionPage,
  MentionQuery,
  PostMetrics,
  PublishedPost,
  PublishRequest,
  Variant,
  Violation,
} from '../../lib/contract';
import { ConnectorError } from '../../lib/errors';
import { expectOk, parseJson } from '../../lib/http';
import { validateVariant } from '../../lib/validation';

export const exampleManifest: ConnectorManifest = {
  id: 'example',
  displayName: 'Example',
  authKind: 'oauth2',
  capabilities: {
    publish: true,
    media: false,
    threads: false,
    reply: false,
    delete: true,
    mentions: true,
    search: false,
    comments: false,
    metrics: true,
  },
  text: { maxLength: 280, counting: 'code-points' },
  media: { maxCount: 0, types: [], maxBytes: 0 },
  rateLimit: { requests: 100, windowSeconds: 60 },
};

/** Example has one client for every server (no registration). */
export const EXAMPLE_CLIENT_ID = 'socle';

interface TokenAnswer {
  access_token: string;
  refresh_token?: string;
  expires_in?: number;
}

export class ExampleConnector implements Connector {
  readonly manifest = exampleManifest;

  /**
   * The consent page of the user's server. Example needs no client registration; a network
   * that does registers through `clients.getOrRegister(...)` and returns the client in `fields`.
   */
  readonly oauth: ConnectorOAuth = {
    start: async (_ctx, { serviceUrl, redirectUri, state, codeChallenge }) => {
      const url = new URL(`${serviceUrl}/oauth/authorize`);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', EXAMPLE_CLIENT_ID);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('state', state);
      url.searchParams.set('code_challenge', codeChallenge);
      url.searchParams.set('code_challenge_method', 'S256');
      return { authorizationUrl: url.toString(), fields: {} };
    },
  };

  /** `fields.code` (+ `fields.codeVerifier` after `oauth.start`): the code the server redirected back with. */
  async authorize(ctx: ConnectorContext, input: AuthorizeInput): Promise<Credentials> {
    const form: Record<string, string> = { grant_type: 'authorization_code', code: input.fields.code ?? '', client_id: EXAMPLE_CLIENT_ID };
    if (input.fields.codeVerifier) form.code_verifier = input.fields.codeVerifier;
    if (input.redirectUri) form.redirect_uri = input.redirectUri;
    return this.token(ctx, input.serviceUrl, form);
  }

  async refresh(ctx: ConnectorContext, credentials: Credentials): Promise<Credentials> {
    const refreshed = await this.token(ctx, credentials.serviceUrl, {
      grant_type: 'refresh_token',
      refresh_token: credentials.secrets.refreshToken ?? '',
    });
    return {
      ...refreshed,
      secrets: { ...refreshed.secrets, refreshToken: refreshed.secrets.refreshToken ?? credentials.secrets.refreshToken },
    };
  }

  validate(variant: Variant): Violation[] {
    return validateVariant(this.manifest, variant);
  }

  async publish(ctx: ConnectorContext, credentials: Credentials, request: PublishRequest): Promise<PublishedPost> {
    const res = await ctx.http.request({
      method: 'POST',
      url: `${credentials.serviceUrl}/api/posts`,
      headers: { ...this.auth(credentials), 'content-type': 'application/json', 'idempotency-key': request.idempotencyKey },
      body: JSON.stringify({ text: request.variant.text, inReplyTo: request.inReplyTo }),
    });
    const post = parseJson<{ id?: string; url?: string }>(expectOk(res, 'publish'), 'publish');
    if (!post.id || !post.url) throw new ConnectorError('UNKNOWN', 'publish: the answer has no id or url');
    return { externalId: post.id, url: post.url };
  }

  async delete(ctx: ConnectorContext, credentials: Credentials, externalId: string): Promise<void> {
    const res = await ctx.http.request({
      method: 'DELETE',
      url: `${credentials.serviceUrl}/api/posts/${encodeURIComponent(externalId)}`,
      headers: this.auth(credentials),
    });
    expectOk(res, 'delete');
  }

  async fetchMentions(ctx: ConnectorContext, credentials: Credentials, query: MentionQuery): Promise<MentionPage> {
    const url = new URL(`${credentials.serviceUrl}/api/mentions`);
    url.searchParams.set('limit', String(query.limit ?? 20));
    if (query.cursor) url.searchParams.set('after', query.cursor);
    const res = await ctx.http.request({ method: 'GET', url: url.toString(), headers: this.auth(credentials) });
    const page = parseJson<{ items: Array<{ id: string; url: string; author: string; text: string; at: string }>; next?: string }>(
      expectOk(res, 'fetch mentions'),
      'fetch mentions',
    );
    return {
      items: page.items.map((item) => ({
        externalId: item.id,
        url: item.url,
        authorHandle: item.author,
        text: item.text,
        publishedAt: item.at,
      })),
      cursor: page.next,
    };
  }

  async fetchMetrics(ctx: ConnectorContext, credentials: Credentials, externalIds: string[]): Promise<PostMetrics[]> {
    const res = await ctx.http.request({
      method: 'GET',
      url: `${credentials.serviceUrl}/api/metrics?ids=${externalIds.map(encodeURIComponent).join(',')}`,
      headers: this.auth(credentials),
    });
    const rows = parseJson<Array<{ id: string; likes: number; shares: number; replies: number }>>(
      expectOk(res, 'fetch metrics'),
      'fetch metrics',
    );
    const fetchedAt = (ctx.now?.() ?? new Date()).toISOString();
    return rows.map((row) => ({ externalId: row.id, likes: row.likes, reposts: row.shares, replies: row.replies, fetchedAt }));
  }

  private auth(credentials: Credentials): Record<string, string> {
    return { authorization: `Bearer ${credentials.secrets.accessToken ?? ''}` };
  }

  private async token(ctx: ConnectorContext, serviceUrl: string, form: Record<string, string>): Promise<Credentials> {
    const res = await ctx.http.request({
      method: 'POST',
      url: `${serviceUrl}/oauth/token`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    const token = parseJson<TokenAnswer>(expectOk(res, 'authorize'), 'authorize');
    const now = ctx.now?.() ?? new Date();
    return {
      serviceUrl,
      secrets: { accessToken: token.access_token, ...(token.refresh_token ? { refreshToken: token.refresh_token } : {}) },
      expiresAt: token.expires_in ? new Date(now.getTime() + token.expires_in * 1000).toISOString() : undefined,
    };
  }
}
