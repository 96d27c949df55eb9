import {
  ConnectorContext,
  ConnectorError,
  createHttpResponse,
  DEFAULT_RETRY_AFTER_SECONDS,
  HttpRequest,
  REASON_SCAN_BYTES,
} from '@socle/connector-sdk';
import { graphApi, graphErrorOf, regainAccessSeconds, withQuery } from './graph-api';

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  createHttpResponse(status, headers, Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)));
const metaError = (code: number, extra: Record<string, unknown> = {}) => ({ error: { message: 'Meta says no', code, ...extra } });

const plain = graphApi({ network: 'Plain', rateLimitCodes: [4, 17], transientCodes: [1, 2], numericIds: true });
const strict = graphApi({
  network: 'Strict',
  rateLimitCodes: [4],
  transientCodes: [1, -1],
  quota: { code: 9, subcode: 2207042, what: 'quota reached', retryAfterSeconds: 3600 },
  permissionCodesExpire: true,
  expiredToken: 'token gone: reconnect',
});

describe('graphApi: Meta error bodies as typed errors', () => {
  const now = new Date('2026-12-06T12:00:00Z');

  it.each<[string, ReturnType<typeof answer>, ConnectorError['kind'], number | undefined]>([
    ['HTTP 429 without a header', answer(429, metaError(100)), 'RATE_LIMITED', DEFAULT_RETRY_AFTER_SECONDS],
    ['a throttling code with Retry-After', answer(400, metaError(17), { 'retry-after': '120' }), 'RATE_LIMITED', 120],
    [
      'a throttling code with the business use case header (minutes)',
      answer(400, metaError(4), { 'x-business-use-case-usage': JSON.stringify({ '1': [{ estimated_time_to_regain_access: 3 }] }) }),
      'RATE_LIMITED',
      180,
    ],
    ['a 5xx', answer(503, metaError(2)), 'TRANSIENT', undefined],
    ['a transient code on a 400', answer(400, metaError(1)), 'TRANSIENT', undefined],
    ['code 190', answer(400, metaError(190)), 'AUTH_EXPIRED', undefined],
    ['a 401 with another code', answer(401, metaError(102)), 'AUTH_EXPIRED', undefined],
    ['an invalid parameter', answer(400, metaError(100)), 'REJECTED', undefined],
    ['a permission code (not read as expiry by default)', answer(400, metaError(200)), 'REJECTED', undefined],
  ])('%s', (_name, response, kind, retryAfter) => {
    const error = plain.error(response, 'Plain publish', now);
    expect([error.kind, error.retryAfterSeconds]).toEqual([kind, retryAfter]);
  });

  it('names the code, the subcode and what Meta said, with the user message after the technical one', () => {
    const error = plain.error(
      answer(400, metaError(100, { error_subcode: 33, error_user_msg: 'Use a smaller image.' })),
      'Plain publish',
      now,
    );
    expect(error.message).toBe('Plain publish: rejected (HTTP 400) (Meta error 100/33): Meta says no — Use a smaller image.');
    expect(error.networkReason).toBe('Meta says no — Use a smaller image.');
  });

  it('reads the quota first, permission codes as expiry and its own wording of an expired token, when the network says so', () => {
    expect(strict.error(answer(400, metaError(9, { error_subcode: 2207042 })), 'Strict publish', now)).toMatchObject({
      kind: 'RATE_LIMITED',
      retryAfterSeconds: 3600,
    });
    expect(strict.error(answer(400, metaError(9, { error_subcode: 1 })), 'Strict publish', now).kind).toBe('REJECTED');
    expect(strict.error(answer(400, metaError(10)), 'Strict publish', now).kind).toBe('AUTH_EXPIRED');
    expect(strict.error(answer(403, metaError(299)), 'Strict publish', now).kind).toBe('AUTH_EXPIRED');
    expect(strict.error(answer(400, metaError(190)), 'Strict publish', now).message).toContain('token gone: reconnect');
    expect(strict.error(answer(400, metaError(-1)), 'Strict publish', now).kind).toBe('TRANSIENT');
  });

  it('falls back to the SDK mapping by status for bodies without Meta’s shape, oversized or not JSON', () => {
    for (const body of ['<html>bad gateway</html>', 'x'.repeat(REASON_SCAN_BYTES + 1), { error: 'a string' }, { error: { code: 'one' } }]) {
      expect(plain.error(answer(400, body), 'Plain publish', now).kind).toBe('REJECTED');
      expect(plain.error(answer(401, body), 'Plain publish', now).kind).toBe('AUTH_EXPIRED');
    }
    expect(graphErrorOf(answer(400, 'x'.repeat(REASON_SCAN_BYTES + 1)))).toBeUndefined();
  });

  it('bounds what it keeps of a message and of the regain header, NUL bytes and lone surrogates included', () => {
    const long = `${'\u0000\ud800'.repeat(10)}${'é'.repeat(2000)}`;
    const graph = graphErrorOf(answer(400, metaError(100, { message: long, error_user_msg: long })));
    expect(graph?.message?.length).toBe(300);
    expect(regainAccessSeconds({ 'x-business-use-case-usage': JSON.stringify({ a: [{ estimated_time_to_regain_access: 1e12 }] }) })).toBe(
      7 * 24 * 3600,
    );
    expect(regainAccessSeconds({ 'x-business-use-case-usage': '{"a":[{"estimated_time_to_regain_access":-5}]}' })).toBeUndefined();
    expect(regainAccessSeconds({ 'x-business-use-case-usage': '{'.repeat(REASON_SCAN_BYTES + 1) })).toBeUndefined();
    expect(regainAccessSeconds({ 'x-business-use-case-usage': 'not json' })).toBeUndefined();
  });
});

describe('graphApi: calls and the readers of remote JSON', () => {
  const ctxAnswering = (response: ReturnType<typeof answer>): ConnectorContext & { seen: HttpRequest[] } => {
    const seen: HttpRequest[] = [];
    return {
      seen,
      http: {
        request: async (request: HttpRequest) => {
          seen.push(request);
          return response;
        },
      },
    } as unknown as ConnectorContext & { seen: HttpRequest[] };
  };

  it('callJson returns the body of a 2xx, and throws the typed error of a 200 carrying an error object', async () => {
    await expect(
      plain.callJson(ctxAnswering(answer(200, { id: '12' })), { method: 'GET', url: 'https://graph.example/v1/me' }, 'me'),
    ).resolves.toEqual({
      id: '12',
    });
    await expect(
      plain.callJson(ctxAnswering(answer(200, metaError(190))), { method: 'GET', url: 'https://graph.example/v1/me' }, 'me'),
    ).rejects.toMatchObject({
      kind: 'AUTH_EXPIRED',
    });
  });

  it('names the network in every shape error, and takes numeric ids only where the network sends them', () => {
    expect(() => plain.record([], 'read')).toThrow('read: unexpected answer from Plain (expected an object)');
    expect(plain.idOf(1784140000, 'read')).toBe('1784140000');
    expect(() => plain.idOf(Number.MAX_SAFE_INTEGER + 2, 'read')).toThrow('id missing or not an id');
    expect(() => strict.idOf(12, 'read')).toThrow('unexpected answer from Strict (id missing or not an id)');
    expect(() => plain.idOf('../me', 'read')).toThrow(ConnectorError);
    expect(() => plain.count(-1, 'read', 'likes')).toThrow('likes is not a whole number');
    expect(() => plain.httpUrl('javascript:alert(1)', 'read', 'permalink')).toThrow('permalink is not an http(s) URL');
    expect(plain.dateOf('2026-12-06T10:00:00+0000', 'read', 'created_time')).toBe('2026-12-06T10:00:00.000Z');
    expect(() => plain.dateOf('yesterday', 'read', 'created_time')).toThrow('created_time is not a date');
    expect(plain.listOf({ data: [1], paging: { cursors: { after: 'QVFI' }, next: 'https://x' } }, 'read')).toEqual({
      data: [1],
      after: 'QVFI',
      hasNext: true,
    });
    expect(() => plain.listOf({ data: {} }, 'read')).toThrow('data is not a list');
  });

  it('checks the service URL and builds queries without undefined values', () => {
    expect(plain.serviceOrigin('http://127.0.0.1:8080/graph/')).toBe('http://127.0.0.1:8080/graph');
    expect(() => plain.serviceOrigin('ftp://graph.example')).toThrow('Plain: the service URL must be http(s), got ftp:');
    expect(() => plain.serviceOrigin('not a url'.repeat(100))).toThrow(/^Plain: the service URL ".{0,200}" is not a URL$/);
    expect(withQuery('https://g.example/v1/me', { fields: 'id,name', after: undefined })).toBe('https://g.example/v1/me?fields=id%2Cname');
  });
});
