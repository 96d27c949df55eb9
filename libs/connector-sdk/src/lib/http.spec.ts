import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConnectorError } from './errors';
import { createHttpClient, createHttpResponse, expectOk, extractReason, mapHttpError, parseJson, retryAfterSeconds } from './http';

const response = (status: number, body: string, headers: Record<string, string> = {}) =>
  createHttpResponse(status, headers, new TextEncoder().encode(body));

describe('mapHttpError', () => {
  const now = new Date('2025-03-01T12:00:00Z');

  it.each([
    [401, 'AUTH_EXPIRED'],
    [403, 'AUTH_EXPIRED'],
    [429, 'RATE_LIMITED'],
    [400, 'REJECTED'],
    [404, 'REJECTED'],
    [409, 'REJECTED'],
    [413, 'REJECTED'],
    [415, 'REJECTED'],
    [422, 'REJECTED'],
    [408, 'TRANSIENT'],
    [500, 'TRANSIENT'],
    [502, 'TRANSIENT'],
    [503, 'TRANSIENT'],
    [302, 'UNKNOWN'],
  ])('maps HTTP %i to %s', (status, kind) => {
    const error = mapHttpError(response(status, ''), 'publish');
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.message).toContain(`HTTP ${status}`);
  });

  it.each([
    ['{"error":"Validation failed: Text character limit of 500 exceeded"}', 'Validation failed: Text character limit of 500 exceeded'],
    ['{"error":"invalid_request","error_description":"Missing text"}', 'invalid_request: Missing text'],
    ['{"error":"InvalidRequest","message":"Record/text must not be longer than 300 graphemes"}', 'InvalidRequest: Record/text must not be longer than 300 graphemes'],
    ['{"message":"Not Found"}', 'Not Found'],
    ['{"errors":[{"message":"too long"},{"detail":"bad media"}]}', 'too long; bad media'],
    ['{"errors":{"text":["is too long"]}}', 'text is too long'],
    ['{"error":{"message":"quota exceeded","code":17}}', 'quota exceeded'],
  ])('extracts the network reason from %s', (body, reason) => {
    const error = mapHttpError(response(422, body, { 'content-type': 'application/json' }), 'publish');
    expect(error.kind).toBe('REJECTED');
    expect(error.networkReason).toBe(reason);
    expect(error.message).toContain(reason);
  });

  it('gives a short readable reason for an HTML error page', () => {
    const html = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body{}</style></head><body>${'<p>x</p>'.repeat(5000)}</body></html>`;
    const error = mapHttpError(response(502, html, { 'content-type': 'text/html' }), 'fetch feed');
    expect(error.kind).toBe('TRANSIENT');
    expect(error.networkReason).toBe('HTML page: 502 Bad Gateway');
    expect(error.message.length).toBeLessThan(300);
  });

  it('survives a truncated JSON error body', () => {
    const error = mapHttpError(response(400, '{"error":"Validation fai', { 'content-type': 'application/json' }), 'publish');
    expect(error.kind).toBe('REJECTED');
    expect(error.networkReason).toMatch(/^unreadable JSON body/);
  });

  it('truncates a long plain-text reason', () => {
    const error = mapHttpError(response(400, 'word '.repeat(500)), 'publish');
    expect(error.networkReason?.length).toBeLessThanOrEqual(200);
  });

  it('reads an expired-token code on a 400 as AUTH_EXPIRED', () => {
    const error = mapHttpError(response(400, '{"error":"ExpiredToken","message":"Token has expired"}'), 'publish');
    expect(error.kind).toBe('AUTH_EXPIRED');
    expect(error.networkReason).toBe('ExpiredToken: Token has expired');
  });

  it('reads Retry-After in seconds', () => {
    expect(mapHttpError(response(429, '', { 'retry-after': '42' }), 'x', { now }).retryAfterSeconds).toBe(42);
  });

  it('reads Retry-After as an HTTP date', () => {
    const at = new Date(now.getTime() + 90_000).toUTCString();
    expect(mapHttpError(response(429, '', { 'Retry-After': at }), 'x', { now }).retryAfterSeconds).toBe(90);
  });

  it('reads X-RateLimit-Reset as epoch seconds, an ISO date (Mastodon) or delta seconds', () => {
    expect(retryAfterSeconds({ 'x-ratelimit-reset': String(now.getTime() / 1000 + 300) }, now)).toBe(300);
    expect(retryAfterSeconds({ 'x-ratelimit-reset': new Date(now.getTime() + 60_000).toISOString() }, now)).toBe(60);
    expect(retryAfterSeconds({ 'ratelimit-reset': '17' }, now)).toBe(17);
  });

  it('defaults retryAfterSeconds to 60 when a 429 says nothing', () => {
    expect(mapHttpError(response(429, 'slow down'), 'x').retryAfterSeconds).toBe(60);
  });

  it('treats a 403 with no remaining quota as RATE_LIMITED', () => {
    const error = mapHttpError(response(403, '', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '30' }), 'x');
    expect(error.kind).toBe('RATE_LIMITED');
    expect(error.retryAfterSeconds).toBe(30);
  });
});

describe('expectOk, parseJson, extractReason', () => {
  it('returns a 2xx response and throws the mapped error otherwise', () => {
    const ok = response(201, '{}');
    expect(expectOk(ok, 'x')).toBe(ok);
    expect(() => expectOk(response(500, ''), 'x')).toThrow(ConnectorError);
  });

  it('parses JSON', () => {
    expect(parseJson<{ a: number }>(response(200, '{"a":1}'), 'x')).toEqual({ a: 1 });
    expect(response(200, '[1]').json()).toEqual([1]);
  });

  it('turns a truncated JSON body into TRANSIENT', () => {
    expect(() => parseJson(response(200, '{"id":"12'), 'publish')).toThrow(expect.objectContaining({ kind: 'TRANSIENT' }));
    expect(() => parseJson(response(200, ''), 'publish')).toThrow(expect.objectContaining({ kind: 'TRANSIENT' }));
  });

  it('turns an HTML body into UNKNOWN naming what came back', () => {
    const call = () => parseJson(response(200, '<html><title>Maintenance</title></html>', { 'content-type': 'text/html' }), 'publish');
    expect(call).toThrow(expect.objectContaining({ kind: 'UNKNOWN', message: 'publish: expected JSON, got HTML page: Maintenance' }));
  });

  it('returns undefined for an empty body', () => {
    expect(extractReason(response(500, '  '))).toBeUndefined();
  });
});

describe('createHttpClient', () => {
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/slow') {
        setTimeout(() => res.end('late'), 2000).unref();
        return;
      }
      if (req.url === '/stall-body') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"a":');
        return;
      }
      if (req.url === '/reset') {
        req.socket.destroy();
        return;
      }
      if (req.url === '/echo') {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          res.writeHead(201, { 'content-type': 'application/json', 'X-Custom': 'Yes' });
          res.end(JSON.stringify({ method: req.method, ua: req.headers['user-agent'], body: Buffer.concat(chunks).toString() }));
        });
        return;
      }
      res.writeHead(404);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the request and returns status, lower-cased headers and body', async () => {
    const client = createHttpClient({ userAgent: 'SocleTest/1' });
    const res = await client.request({ method: 'POST', url: `${baseUrl}/echo`, body: 'héllo' });
    expect(res.status).toBe(201);
    expect(res.headers['x-custom']).toBe('Yes');
    expect(res.json()).toEqual({ method: 'POST', ua: 'SocleTest/1', body: 'héllo' });
  });

  it('returns error statuses without throwing', async () => {
    const res = await createHttpClient().request({ method: 'GET', url: `${baseUrl}/missing` });
    expect(res.status).toBe(404);
  });

  it('times out with TRANSIENT "timed out after N ms"', async () => {
    const started = Date.now();
    const call = createHttpClient({ timeoutMs: 150 }).request({ method: 'GET', url: `${baseUrl}/slow` });
    await expect(call).rejects.toMatchObject({ kind: 'TRANSIENT', message: expect.stringContaining('timed out after 150 ms') });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('times out while the body stalls', async () => {
    const call = createHttpClient().request({ method: 'GET', url: `${baseUrl}/stall-body`, timeoutMs: 150 });
    await expect(call).rejects.toMatchObject({ kind: 'TRANSIENT', message: expect.stringContaining('timed out after 150 ms') });
  });

  it('maps a reset connection to TRANSIENT', async () => {
    await expect(createHttpClient().request({ method: 'GET', url: `${baseUrl}/reset` })).rejects.toMatchObject({ kind: 'TRANSIENT' });
  });

  it('maps a refused connection to TRANSIENT', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(createHttpClient().request({ method: 'GET', url: `http://127.0.0.1:${port}/` })).rejects.toMatchObject({
      kind: 'TRANSIENT',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('rejects an invalid URL as REJECTED', async () => {
    await expect(createHttpClient().request({ method: 'GET', url: 'not a url' })).rejects.toMatchObject({ kind: 'REJECTED' });
    await expect(createHttpClient().request({ method: 'GET', url: 'ftp://example.test/' })).rejects.toMatchObject({ kind: 'REJECTED' });
  });
});
