/**
 * Deliberately broken variants of the Example connector. Each passes the happy paths
 * and breaks one rule the conformance suite holds every operation to; the suite's own
 * tests check that it reports each of them.
 */
import http from 'node:http';
import type { ConnectorContext, Credentials, MentionPage, MentionQuery, PostMetrics } from '../../lib/contract';
import { ConnectorError } from '../../lib/errors';
import { ExampleConnector } from './example.connector';

/** Reports the network's 429 as REJECTED in fetchMentions: the platform would give up instead of waiting. */
export class RateLimitAsRejectedConnector extends ExampleConnector {
  override async fetchMentions(ctx: ConnectorContext, credentials: Credentials, query: MentionQuery): Promise<MentionPage> {
    try {
      return await super.fetchMentions(ctx, credentials, query);
    } catch (error) {
      if (error instanceof ConnectorError && error.kind === 'RATE_LIMITED') {
        throw new ConnectorError('REJECTED', `fetch mentions: refused (${error.message})`, {
          status: error.status,
          networkReason: error.networkReason,
        });
      }
      throw error;
    }
  }
}

/** Calls the global fetch in fetchMentions instead of ctx.http: no timeout, no typed errors. */
export class GlobalFetchConnector extends ExampleConnector {
  override async fetchMentions(_ctx: ConnectorContext, credentials: Credentials, query: MentionQuery): Promise<MentionPage> {
    const url = new URL(`${credentials.serviceUrl}/api/mentions`);
    url.searchParams.set('limit', String(query.limit ?? 20));
    if (query.cursor) url.searchParams.set('after', query.cursor);
    const res = await fetch(url, { headers: { authorization: `Bearer ${credentials.secrets.accessToken ?? ''}` } });
    if (!res.ok) throw new ConnectorError(res.status === 429 ? 'RATE_LIMITED' : 'TRANSIENT', `fetch mentions: HTTP ${res.status}`);
    const page = (await res.json()) as {
      items: Array<{ id: string; url: string; author: string; text: string; at: string }>;
      next?: string;
    };
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
}

/** Names the refresh token it failed with in its error: the message ends up in logs and in `lastError`. */
export class LeakyRefreshConnector extends ExampleConnector {
  override async refresh(ctx: ConnectorContext, credentials: Credentials): Promise<Credentials> {
    try {
      return await super.refresh(ctx, credentials);
    } catch (error) {
      const kind = error instanceof ConnectorError ? error.kind : 'UNKNOWN';
      throw new ConnectorError(kind, `refresh with ${credentials.secrets.refreshToken} failed: ${(error as Error).message}`, {
        retryAfterSeconds: error instanceof ConnectorError ? error.retryAfterSeconds : undefined,
      });
    }
  }
}

/** Logs the Authorization header it sends when publishing: the token, base64-encoded as a Basic credential. */
export class LoggingCredentialsConnector extends ExampleConnector {
  override async publish(...args: Parameters<ExampleConnector['publish']>): ReturnType<ExampleConnector['publish']> {
    const [ctx, credentials] = args;
    const basic = Buffer.from(`conformance:${credentials.secrets.accessToken}`).toString('base64');
    ctx.logger?.debug('publishing', { authorization: `Basic ${basic}` });
    return super.publish(...args);
  }
}

/** Reads metrics with node:http directly: no timeout, no guard on where the request goes. */
export class NodeHttpConnector extends ExampleConnector {
  override async fetchMetrics(ctx: ConnectorContext, credentials: Credentials, externalIds: string[]): Promise<PostMetrics[]> {
    const url = `${credentials.serviceUrl}/api/metrics?ids=${externalIds.map(encodeURIComponent).join(',')}`;
    const body = await new Promise<string>((resolve, reject) => {
      const req = http.get(url, { headers: { authorization: `Bearer ${credentials.secrets.accessToken ?? ''}` } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
    });
    const rows = JSON.parse(body) as Array<{ id: string; likes: number; shares: number; replies: number }>;
    const fetchedAt = (ctx.now?.() ?? new Date()).toISOString();
    return rows.map((row) => ({ externalId: row.id, likes: row.likes, reposts: row.shares, replies: row.replies, fetchedAt }));
  }
}

/** Reports an author's audience it could not read as -1 instead of leaving it out: stored, it would rank the author. */
export class NegativeReachConnector extends ExampleConnector {
  override async fetchMentions(ctx: ConnectorContext, credentials: Credentials, query: MentionQuery): Promise<MentionPage> {
    const page = await super.fetchMentions(ctx, credentials, query);
    return { ...page, items: page.items.map((item) => ({ ...item, authorReach: -1 })) };
  }
}
