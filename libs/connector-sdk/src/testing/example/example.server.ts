/** The loopback server playing the "Example" network for its connector's tests. */
import { LoopbackReply, LoopbackRequest, LoopbackServer } from '../loopback-server';

export interface ExampleNetwork {
  server: LoopbackServer;
  posts: Map<string, { id: string; text: string; key: string }>;
  addMentions(count: number): void;
}

export async function startExampleServer(): Promise<ExampleNetwork> {
  const posts = new Map<string, { id: string; text: string; key: string }>();
  const mentions: Array<{ id: string; url: string; author: string; text: string; at: string }> = [];
  const validTokens = new Set(['valid-token']);
  let sequence = 0;
  let refreshed = 0;

  const handle = (req: LoopbackRequest): LoopbackReply => {
    if (req.method === 'POST' && req.url.pathname === '/oauth/token') {
      const form = new URLSearchParams(req.text());
      if (form.get('grant_type') === 'authorization_code' && form.get('code') === 'good-code') {
        return { body: { access_token: 'valid-token', refresh_token: 'refresh-1', expires_in: 3600 } };
      }
      if (form.get('grant_type') === 'refresh_token' && form.get('refresh_token') === 'refresh-1') {
        const token = `refreshed-${++refreshed}`;
        validTokens.add(token);
        return { body: { access_token: token, expires_in: 3600 } };
      }
      return { status: 400, body: { error: 'invalid_grant', error_description: 'Unknown code or refresh token' } };
    }
    const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    if (!token || !validTokens.has(token)) return { status: 401, body: { error: 'invalid_token', error_description: 'The access token expired' } };

    if (req.method === 'POST' && req.url.pathname === '/api/posts') {
      const key = String(req.headers['idempotency-key'] ?? '');
      const existing = [...posts.values()].find((post) => key && post.key === key);
      const post = existing ?? { id: `p${++sequence}`, text: req.json<{ text: string }>().text, key };
      posts.set(post.id, post);
      return { status: existing ? 200 : 201, body: { id: post.id, url: `https://example.test/p/${post.id}` } };
    }
    const deleteMatch = /^\/api\/posts\/([^/]+)$/.exec(req.url.pathname);
    if (req.method === 'DELETE' && deleteMatch) {
      return posts.delete(deleteMatch[1]) ? { status: 204 } : { status: 404, body: { error: 'Record not found' } };
    }
    if (req.method === 'GET' && req.url.pathname === '/api/mentions') {
      const limit = Number(req.url.searchParams.get('limit') ?? 20);
      const after = req.url.searchParams.get('after');
      const start = after ? mentions.findIndex((mention) => mention.id === after) + 1 : 0;
      const items = mentions.slice(start, start + limit);
      const next = start + limit < mentions.length ? items[items.length - 1]?.id : undefined;
      return { body: { items, next } };
    }
    if (req.method === 'GET' && req.url.pathname === '/api/metrics') {
      const ids = (req.url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
      return { body: ids.map((id) => ({ id, likes: 3, shares: 1, replies: 0 })) };
    }
    return { status: 404, body: { error: 'Not found' } };
  };

  const server = await LoopbackServer.start(handle);
  return {
    server,
    posts,
    addMentions(count) {
      for (let i = 0; i < count; i++) {
        const id = `m${mentions.length + 1}`;
        mentions.push({ id, url: `https://example.test/m/${id}`, author: '@fan', text: `Mention ${id}`, at: new Date().toISOString() });
      }
    },
  };
}
