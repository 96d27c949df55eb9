import type { ArgumentsHost } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { conflict, DomainError, rateLimited } from '@socle/platform-errors';
import { AppError } from '@socle/platform-graphql';
import { formatError } from './graphql-plugins';
import { HttpErrorsFilter } from './http-errors.filter';

/** A resolver error as Apollo hands it to formatError: located, wrapping what the resolver threw. */
const resolverError = (original: Error) =>
  new GraphQLError(original.message, { path: ['changeAgencyMemberRole'], originalError: original });

function fakeHttp(type: 'http' | 'graphql') {
  const sent: { status?: number; headers: Record<string, string>; body?: unknown } = { headers: {} };
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header(name: string, value: string) {
      sent.headers[name] = value;
      return reply;
    },
    type(value: string) {
      sent.headers['content-type'] = value;
      return reply;
    },
    send(body: unknown) {
      sent.body = body;
      return reply;
    },
  };
  const host = {
    getType: () => type,
    switchToHttp: () => ({ getResponse: () => reply, getRequest: () => ({ requestId: 'req-1' }) }),
  } as unknown as ArgumentsHost;
  return { host, sent };
}

describe('domain errors at the API edge', () => {
  it('GraphQL: a domain error thrown by a resolver leaves with its code and facts, not as INTERNAL', () => {
    const thrown = conflict('An agency keeps at least one owner: make someone else owner first.', 'input.role', 'LAST_OWNER');
    const formatted = formatError({ message: thrown.message, path: ['changeAgencyMemberRole'] }, resolverError(thrown));
    expect(formatted).toEqual({
      message: 'An agency keeps at least one owner: make someone else owner first.',
      locations: undefined,
      path: ['changeAgencyMemberRole'],
      extensions: { code: 'CONFLICT', field: 'input.role', reason: 'LAST_OWNER' },
    });
  });

  it("GraphQL: a write that lost to a concurrent one past its module's check is CONFLICT (CONCURRENT_WRITE), any other failure INTERNAL", () => {
    const driver = (code: string) => Object.assign(new Error('duplicate key value violates unique constraint "x_key"'), { code });
    for (const code of ['23505', '40001', '40P01']) {
      const formatted = formatError(
        { message: 'x', path: ['createListeningQuery'] },
        resolverError(new QueryFailedError('INSERT', [], driver(code))),
      );
      expect(formatted.extensions).toEqual({ code: 'CONFLICT', reason: 'CONCURRENT_WRITE' });
      expect(formatted.message).not.toContain('x_key');
    }
    const other = formatError(
      { message: 'x', path: ['createListeningQuery'] },
      resolverError(new QueryFailedError('INSERT', [], driver('23514'))),
    );
    expect(other).toMatchObject({ message: 'Internal server error.', extensions: { code: 'INTERNAL' } });
  });

  it('GraphQL: the exception filter hands Apollo a GraphQL error carrying the HTTP status for a rate limit', () => {
    const { host } = fakeHttp('graphql');
    const mapped = new HttpErrorsFilter().catch(rateLimited(9), host) as AppError;
    expect(mapped).toBeInstanceOf(AppError);
    expect(mapped.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 9, http: { status: 429 } });
    const other = new Error('x');
    expect(new HttpErrorsFilter().catch(other, fakeHttp('graphql').host)).toBe(other);
  });

  it('REST: a domain error becomes its HTTP status with the same code and facts', () => {
    const { host, sent } = fakeHttp('http');
    new HttpErrorsFilter().catch(new DomainError('CONFLICT', 'Already accepted.', { field: 'token' }), host);
    expect(sent.status).toBe(409);
    expect(sent.body).toEqual({
      errors: [{ message: 'Already accepted.', extensions: { code: 'CONFLICT', field: 'token', requestId: 'req-1' } }],
    });

    const limited = fakeHttp('http');
    new HttpErrorsFilter().catch(rateLimited(30), limited.host);
    expect(limited.sent.status).toBe(429);
    expect(limited.sent.headers['retry-after']).toBe('30');
  });

  it('REST: a write that lost to a concurrent one is 409 CONFLICT (CONCURRENT_WRITE); another database failure 500 INTERNAL', () => {
    const driver = (code: string) => Object.assign(new Error('duplicate key value violates unique constraint "x_key"'), { code });
    const lost = fakeHttp('http');
    new HttpErrorsFilter().catch(new QueryFailedError('INSERT', [], driver('23505')), lost.host);
    expect(lost.sent.status).toBe(409);
    expect(lost.sent.body).toEqual({
      errors: [
        {
          message:
            'This change conflicts with another made at the same moment; nothing of it was stored. Read the current state and retry.',
          extensions: { code: 'CONFLICT', reason: 'CONCURRENT_WRITE', requestId: 'req-1' },
        },
      ],
    });
    const broken = fakeHttp('http');
    new HttpErrorsFilter().catch(new QueryFailedError('INSERT', [], driver('23514')), broken.host);
    expect(broken.sent.status).toBe(500);
    expect(broken.sent.body).toEqual({
      errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL', requestId: 'req-1' } }],
    });
  });
});
