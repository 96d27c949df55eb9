import { GraphQLError } from 'graphql';
import * as domain from '@socle/platform-errors';
import { AppError, asGraphQLError, badInput, notFound, rateLimited, toGraphQLError, unauthenticated } from './errors';

describe('domain errors at the GraphQL edge', () => {
  it('become GraphQL errors whose extensions are the facts, as the API always sent them', () => {
    const mapped = toGraphQLError(domain.conflict('This invitation was already accepted.', 'input.token'));
    expect(mapped).toBeInstanceOf(GraphQLError);
    expect(mapped.message).toBe('This invitation was already accepted.');
    expect(mapped.extensions).toEqual({ code: 'CONFLICT', field: 'input.token' });
    expect(toGraphQLError(domain.notFound('Member', 'u1')).extensions).toEqual({ code: 'NOT_FOUND' });
    const problems = [{ field: 'input.a', message: 'is empty' }];
    expect(toGraphQLError(domain.badInput(problems)).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.a', problems });
    const refusal = new domain.DomainError('BAD_USER_INPUT', 'Not editable.', {
      field: 'input.v',
      reason: 'NOT_EDITABLE',
      problems,
      details: { state: 'PUBLISHED' },
    });
    expect(toGraphQLError(refusal).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.v',
      reason: 'NOT_EDITABLE',
      problems,
      state: 'PUBLISHED',
    });
  });

  it('set 401 for a missing sign-in and 429 with Retry-After for a rate limit', () => {
    expect(toGraphQLError(domain.unauthenticated()).extensions).toEqual({ code: 'UNAUTHENTICATED', http: { status: 401 } });
    const limited = toGraphQLError(domain.rateLimited(7)).extensions as { http: { status: number; headers: Map<string, string> } };
    expect(limited).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 7, http: { status: 429 } });
    expect(limited.http.headers.get('retry-after')).toBe('7');
    expect(toGraphQLError(domain.forbidden('no')).extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it("keep a third party's limit a detail: the same extensions, no 429 of the API's own", () => {
    const network = new domain.DomainError('RATE_LIMITED', 'The network is limiting requests.', { details: { retryAfterSeconds: 30 } });
    expect(toGraphQLError(network).extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 30 });
  });

  it('keep the GraphQL layer helpers identical to the mapped domain ones', () => {
    expect(unauthenticated().extensions).toEqual(toGraphQLError(domain.unauthenticated()).extensions);
    expect(notFound('Agency member', 'x')).toBeInstanceOf(AppError);
    expect(notFound('Agency member', 'x').message).toBe('Agency member x was not found.');
    expect(badInput('input.email', 'is not an email').extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.email',
      problems: [{ field: 'input.email', message: 'is not an email' }],
    });
    expect((rateLimited(3).extensions as { retryAfterSeconds: number }).retryAfterSeconds).toBe(3);
  });

  it('leave other errors as they are', () => {
    const other = new Error('x');
    expect(asGraphQLError(other)).toBe(other);
    const app = new AppError('QUERY_TOO_COMPLEX', 'too deep');
    expect(asGraphQLError(app)).toBe(app);
    expect(asGraphQLError(domain.forbidden('no'))).toBeInstanceOf(AppError);
  });
});
