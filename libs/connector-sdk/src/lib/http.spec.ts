import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { ConnectorError } from './errors';
import {
  createHttpClient,
  expectOk,
  extractReason,
  HttpClientOptions,
  mapHttpError,
  parseJson,
  REASON_SCAN_BYTES,
  retryAfterSeconds,
  scannedJson,
} from './http';
import { response } from './http.fixtures';
import { OutboundRefusedError, ResolvedAddress } from './outbound-guard';

/** The test servers listen on loopback, which the guard refuses unless told otherwise. */
const LOOPBACK = { outbound: { allowedRanges: ['127.0.0.0/8', '::1/128'] } };

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
    [
      '{"error":"InvalidRequest","message":"Record/text must not be longer than 300 graphemes"}',
      'InvalidRequest: Record/text must not be longer than 300 graphemes',
    ],
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

describe('scannedJson', () => {
  it('reads a JSON body within the scan limit, and nothing from one that is longer, not JSON or empty', () => {
    expect(scannedJson(response(400, '{"error":{"code":190,"message":"a\\u0000b \\ud800"}}'))).toEqual({
      error: { code: 190, message: 'a\u0000b \ud800' },
    });
    expect(scannedJson(response(400, 'null'))).toBeNull();
    expect(scannedJson(response(400, `"${'x'.repeat(REASON_SCAN_BYTES)}"`))).toBeUndefined();
    expect(scannedJson(response(502, '<html>Bad gateway</html>'))).toBeUndefined();
    expect(scannedJson(response(500, ''))).toBeUndefined();
    expect(scannedJson(response(400, `${'['.repeat(REASON_SCAN_BYTES / 2)}`))).toBeUndefined();
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
    const client = createHttpClient({ ...LOOPBACK, userAgent: 'SocleTest/1' });
    const res = await client.request({ method: 'POST', url: `${baseUrl}/echo`, body: 'héllo' });
    expect(res.status).toBe(201);
    expect(res.headers['x-custom']).toBe('Yes');
    expect(res.json()).toEqual({ method: 'POST', ua: 'SocleTest/1', body: 'héllo' });
  });

  it('returns error statuses without throwing', async () => {
    const res = await createHttpClient(LOOPBACK).request({ method: 'GET', url: `${baseUrl}/missing` });
    expect(res.status).toBe(404);
  });

  it('times out with TRANSIENT "timed out after N ms"', async () => {
    const started = Date.now();
    const call = createHttpClient({ ...LOOPBACK, timeoutMs: 150 }).request({ method: 'GET', url: `${baseUrl}/slow` });
    await expect(call).rejects.toMatchObject({ kind: 'TRANSIENT', message: expect.stringContaining('timed out after 150 ms') });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('times out while the body stalls', async () => {
    const call = createHttpClient(LOOPBACK).request({ method: 'GET', url: `${baseUrl}/stall-body`, timeoutMs: 150 });
    await expect(call).rejects.toMatchObject({ kind: 'TRANSIENT', message: expect.stringContaining('timed out after 150 ms') });
  });

  it('maps a reset connection to TRANSIENT', async () => {
    await expect(createHttpClient(LOOPBACK).request({ method: 'GET', url: `${baseUrl}/reset` })).rejects.toMatchObject({
      kind: 'TRANSIENT',
    });
  });

  it('maps a refused connection to TRANSIENT', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(createHttpClient(LOOPBACK).request({ method: 'GET', url: `http://127.0.0.1:${port}/` })).rejects.toMatchObject({
      kind: 'TRANSIENT',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('rejects an invalid URL as REJECTED', async () => {
    await expect(createHttpClient().request({ method: 'GET', url: 'not a url' })).rejects.toMatchObject({ kind: 'REJECTED' });
    await expect(createHttpClient().request({ method: 'GET', url: 'ftp://example.test/' })).rejects.toMatchObject({ kind: 'REJECTED' });
  });
});

describe('createHttpClient behind the outbound guard', () => {
  const SECRET = 'internal-service-secret-7f3a9c';
  let inside: Server;
  let outside: Server;
  let insidePort: number;
  let outsidePort: number;
  const seen: { server: string; url: string; method: string; host?: string; authorization?: string; body: string }[] = [];
  const hits = (server: string) => seen.filter((s) => s.server === server).length;

  /** A service on the platform's own network (loopback here) that must stay out of reach. */
  const startInside = () =>
    createServer((req, res) => {
      seen.push({ server: 'inside', url: req.url ?? '', method: req.method ?? '', body: '' });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(SECRET);
    });

  beforeAll(async () => {
    inside = startInside();
    // A second loopback address stands for another internal host: Linux routes all of 127.0.0.0/8 to loopback.
    await new Promise<void>((resolve) => inside.listen(0, '127.0.0.2', resolve));
    insidePort = (inside.address() as AddressInfo).port;
    outside = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen.push({
          server: 'outside',
          url: req.url ?? '',
          method: req.method ?? '',
          host: req.headers.host,
          authorization: req.headers.authorization,
          body: Buffer.concat(chunks).toString(),
        });
        const to = (location: string, status = 302) => {
          res.writeHead(status, { location });
          res.end();
        };
        if (req.url === '/to-inside') return to(`http://127.0.0.2:${insidePort}/secret`);
        if (req.url === '/to-metadata') return to('http://169.254.169.254/latest/meta-data/iam/security-credentials/');
        if (req.url === '/to-mapped') return to(`http://[::ffff:127.0.0.2]:${insidePort}/secret`);
        if (req.url === '/to-name') return to('http://intranet.example/secret');
        if (req.url === '/to-same') return to('/landed');
        if (req.url === '/to-other-origin') return to(`http://cdn.example:${outsidePort}/landed`);
        if (req.url === '/see-other') return to('/landed', 303);
        if (req.url === '/temporary') return to('/landed', 307);
        if (req.url === '/loop') return to('/loop');
        if (req.url === '/gzip') {
          res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
          return res.end(gzipSync('compressed hello'));
        }
        if (req.url === '/gzip-bomb') {
          res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
          return res.end(gzipSync(Buffer.alloc(4 * 1024 * 1024)));
        }
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(`landed ${req.method}`);
      });
    });
    await new Promise<void>((resolve) => outside.listen(0, '127.0.0.1', resolve));
    outsidePort = (outside.address() as AddressInfo).port;
  });
  afterAll(async () => {
    for (const server of [inside, outside]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
  beforeEach(() => {
    seen.length = 0;
  });

  /** Only 127.0.0.1 stands for "the public internet" in these tests; every other address keeps its real standing. */
  const names: Record<string, string> = { 'social.example': '127.0.0.1', 'cdn.example': '127.0.0.1', 'intranet.example': '10.20.30.40' };
  const resolve = async (hostname: string): Promise<ResolvedAddress[]> => {
    if (!names[hostname]) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    return [{ address: names[hostname], family: 4 }];
  };
  const client = (options: HttpClientOptions = {}) =>
    createHttpClient({ outbound: { allowedRanges: ['127.0.0.1/32'], resolve }, ...options });
  const refusal = (call: Promise<unknown>) =>
    call.then(
      () => {
        throw new Error('the request was not refused');
      },
      (error: unknown) => error as ConnectorError,
    );

  it('fully on, refuses a loopback service before connecting, and never carries its answer', async () => {
    const guarded = createHttpClient({ outbound: {} });
    for (const url of [
      `http://127.0.0.2:${insidePort}/secret`,
      `http://[::ffff:127.0.0.2]:${insidePort}/secret`,
      `http://0x7f000002:${insidePort}/secret`,
    ]) {
      const error = await refusal(guarded.request({ method: 'GET', url }));
      expect(error).toBeInstanceOf(OutboundRefusedError);
      expect(error).toMatchObject({ kind: 'REJECTED', category: 'loopback' });
      expect(JSON.stringify({ message: error.message, reason: error.networkReason })).not.toContain(SECRET);
    }
    expect(hits('inside')).toBe(0);
  });

  it('refuses localhost, [::1] and the metadata address', async () => {
    const guarded = createHttpClient({ outbound: {} });
    await expect(guarded.request({ method: 'GET', url: `http://localhost:${insidePort}/` })).rejects.toMatchObject({
      category: 'loopback',
    });
    await expect(guarded.request({ method: 'GET', url: `http://[::1]:${insidePort}/` })).rejects.toMatchObject({ category: 'loopback' });
    await expect(guarded.request({ method: 'GET', url: 'http://169.254.169.254/latest/meta-data/' })).rejects.toMatchObject({
      category: 'cloud metadata',
    });
    await expect(guarded.request({ method: 'GET', url: 'http://[fd00:ec2::254]/latest/meta-data/' })).rejects.toMatchObject({
      category: 'cloud metadata',
    });
    expect(hits('inside')).toBe(0);
  });

  it('refuses a name that resolves to a private address', async () => {
    await expect(client().request({ method: 'GET', url: 'http://intranet.example/secret' })).rejects.toMatchObject({
      host: 'intranet.example',
      category: 'private',
    });
  });

  it('connects to the address it checked, resolving the name once, with the name as Host', async () => {
    let lookups = 0;
    const counting = async (_hostname: string) => {
      lookups += 1;
      // A rebinding resolver: the first answer passes the check, a second one would not.
      return [{ address: lookups === 1 ? '127.0.0.1' : '10.0.0.1', family: 4 as const }];
    };
    const res = await createHttpClient({ outbound: { allowedRanges: ['127.0.0.1/32'], resolve: counting } }).request({
      method: 'GET',
      url: `http://social.example:${outsidePort}/hello`,
    });
    expect(res.text()).toBe('landed GET');
    expect(lookups).toBe(1);
    expect(seen[0].host).toBe(`social.example:${outsidePort}`);
  });

  it.each([
    ['a second internal host', '/to-inside', 'loopback'],
    ['the metadata address', '/to-metadata', 'cloud metadata'],
    ['an IPv4-mapped IPv6 form', '/to-mapped', 'loopback'],
    ['a name resolving to a private address', '/to-name', 'private'],
  ])('refuses a redirect from an allowed host to %s', async (_what, path, category) => {
    const error = await refusal(client().request({ method: 'GET', url: `http://social.example:${outsidePort}${path}` }));
    expect(error).toMatchObject({ kind: 'REJECTED', category });
    expect(error.message).not.toContain(SECRET);
    expect(hits('outside')).toBe(1);
    expect(hits('inside')).toBe(0);
  });

  it('follows allowed redirects: same origin, 303 as GET without body, 307 keeping the method and body', async () => {
    expect((await client().request({ method: 'GET', url: `http://social.example:${outsidePort}/to-same` })).text()).toBe('landed GET');
    expect((await client().request({ method: 'POST', url: `http://social.example:${outsidePort}/see-other`, body: 'x=1' })).text()).toBe(
      'landed GET',
    );
    expect(seen[seen.length - 1]).toMatchObject({ method: 'GET', body: '' });
    expect((await client().request({ method: 'POST', url: `http://social.example:${outsidePort}/temporary`, body: 'x=1' })).text()).toBe(
      'landed POST',
    );
    expect(seen[seen.length - 1]).toMatchObject({ method: 'POST', body: 'x=1' });
  });

  it('does not carry credentials to another origin', async () => {
    await client().request({
      method: 'GET',
      url: `http://social.example:${outsidePort}/to-other-origin`,
      headers: { Authorization: 'Bearer tenant-token' },
    });
    expect(seen.map((s) => [s.host, s.authorization])).toEqual([
      [`social.example:${outsidePort}`, 'Bearer tenant-token'],
      [`cdn.example:${outsidePort}`, undefined],
    ]);
  });

  it('stops after the redirect limit', async () => {
    await expect(
      client({ maxRedirects: 3 }).request({ method: 'GET', url: `http://social.example:${outsidePort}/loop` }),
    ).rejects.toMatchObject({
      kind: 'REJECTED',
      message: expect.stringContaining('more than 3 redirects'),
    });
    expect(hits('outside')).toBe(4);
  });

  it('decompresses gzip, bounding the body after decompression', async () => {
    expect((await client().request({ method: 'GET', url: `http://social.example:${outsidePort}/gzip` })).text()).toBe('compressed hello');
    await expect(
      client({ maxBodyBytes: 1024 * 1024 }).request({ method: 'GET', url: `http://social.example:${outsidePort}/gzip-bomb` }),
    ).rejects.toMatchObject({
      kind: 'REJECTED',
      message: expect.stringContaining('exceeds the 1048576-byte limit'),
    });
  });

  it('without options, allows only the ranges OUTBOUND_ALLOWED_RANGES names', async () => {
    const saved = process.env.OUTBOUND_ALLOWED_RANGES;
    try {
      delete process.env.OUTBOUND_ALLOWED_RANGES;
      await expect(createHttpClient().request({ method: 'GET', url: `http://127.0.0.1:${outsidePort}/` })).rejects.toBeInstanceOf(
        OutboundRefusedError,
      );
      process.env.OUTBOUND_ALLOWED_RANGES = '127.0.0.1/32';
      expect((await createHttpClient().request({ method: 'GET', url: `http://127.0.0.1:${outsidePort}/` })).status).toBe(200);
      await expect(createHttpClient().request({ method: 'GET', url: `http://127.0.0.2:${insidePort}/` })).rejects.toBeInstanceOf(
        OutboundRefusedError,
      );
      expect(hits('inside')).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.OUTBOUND_ALLOWED_RANGES;
      else process.env.OUTBOUND_ALLOWED_RANGES = saved;
    }
  });
});

describe('reading error bodies', () => {
  it('gives a short reason for a 1.4 MB error page and reads the title past nothing it needs', () => {
    const page = `<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body>${'<div class="x">'.repeat(100_000)}</body></html>`;
    expect(page.length).toBeGreaterThan(1_400_000);
    const error = mapHttpError(response(503, page, { 'content-type': 'text/html' }), 'fetch feed');
    expect(error).toMatchObject({ kind: 'TRANSIENT', networkReason: 'HTML page: 503 Service Unavailable' });
    const hostilePage = mapHttpError(response(503, `<html>${'<'.repeat(1_400_000)}`, { 'content-type': 'text/html' }), 'fetch feed');
    expect(hostilePage.kind).toBe('TRANSIENT');
    expect(hostilePage.message.length).toBeLessThan(300);
  });

  it('decodes the usual entities and keeps malformed ones as written', () => {
    const reason = extractReason(
      response(500, '<html><title>Caf&#233; &amp; &lt;b&gt; &#x2019; &#99999999; &bogus;</title></html>', { 'content-type': 'text/html' }),
    );
    expect(reason).toBe('HTML page: Café & <b> ’ &#99999999; &bogus;');
  });
});
