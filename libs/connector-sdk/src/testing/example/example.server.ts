/** The loopback server playing the "Example" network for its connector's tests. */
import { createHash, randomBytes } from 'node:crypto';
import { LoopbackReply, LoopbackRequest, LoopbackServer } from '../loopback-server';

/** Follows an authorisation URL as the signed-in user consenting would; returns the code sent back. */
export async function approveExampleOAuth(authorizationUrl: string): Promise<string> {
  const response = await fetch(authorizationUrl, { redirect: 'manual' });
  const location = response.headers.get('location');
  const code = location ? new URL(location).searchParams.get('code') : null;
  if (response.status !== 302 || !code) throw new Error(`the consent page answered ${response.status} without a code`);
  return code;
}

export interface ExampleNetwork {
  server: LoopbackServer;
  posts: Map<string, { id: string; text: string; key: string }>;
  addMentions(count: number): void;
}

export async function startExampleServer(): Promise<ExampleNetwork> {
  const posts = new Map<string, { id: string; text: string; key: string }>();
  const mentions: Array<{ id: string; url: string; author: string; text: string; at: string }> = [];
  const validTokens = new Set(['valid-token']);
  // Codes issued by the consent page, with the PKCE challenge they were asked with.
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  let sequence = 0;
  let refreshed = 0;

  const handle = (req: LoopbackRequest): LoopbackReply => {
    if (req.method === 'GET' && req.url.pathname === '/oauth/authorize') {
      // The user is signed in and consents at once: back to the redirect URI with a code.
      const params = req.url.searchParams;
      const redirectUri = params.get('redirect_uri') ?? '';
      if (params.get('client_id') !== 'socle' || params.get('code_challenge_method') !== 'S256' || !/^https?:\/\//.test(redirectUri)) {
        return { status: 400, body: { error: 'invalid_request' } };
      }
      const code = `code-${randomBytes(8).toString('hex')}`;
      codes.set(code, { challenge: params.get('code_challenge') ?? '', redirectUri });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      back.searchParams.set('state', params.get('state') ?? '');
      return { status: 302, headers: { location: back.toString() } };
    }
    if (req.method === 'POST' && req.url.pathname === '/oauth/token') {
      const form = new URLSearchParams(req.text());
      const issued = codes.get(form.get('code') ?? '');
      if (form.get('grant_type') === 'authorization_code' && issued) {
        codes.delete(form.get('code') ?? '');
        const challenge = createHash('sha256')
          .update(form.get('code_verifier') ?? '')
          .digest('base64url');
        if (challenge !== issued.challenge || form.get('redirect_uri') !== issued.redirectUri) {
          return { status: 400, body: { error: 'invalid_grant', error_description: 'PKCE verifier or redirect URI does not match' } };
        }
        return { body: { access_token: 'valid-token', refresh_token: 'refresh-1', expires_in: 3600 } };
      }
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
    if (!token || !validTokens.has(token))
      return { status: 401, body: { error: 'invalid_token', error_description: 'The access token expired' } };

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
