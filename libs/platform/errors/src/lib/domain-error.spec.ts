import {
  badInput,
  conflict,
  describeError,
  DomainError,
  forbidden,
  HTTP_STATUS_OF,
  notFound,
  rateLimited,
  unauthenticated,
} from './domain-error';

describe('domain errors', () => {
  it('are plain errors with a code, no GraphQL inside', () => {
    const error = notFound('Member', 'u1');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('Member u1 was not found.');
    expect('extensions' in error).toBe(false);
  });

  it('give clients exactly the facts they were given, code first', () => {
    expect(notFound('Invitation').facts()).toEqual({ code: 'NOT_FOUND' });
    expect(forbidden('no').facts()).toEqual({ code: 'FORBIDDEN' });
    expect(unauthenticated().facts()).toEqual({ code: 'UNAUTHENTICATED' });
    expect(conflict('taken', 'input.name').facts()).toEqual({ code: 'CONFLICT', field: 'input.name' });
    expect(conflict('finalised', 'input.id', 'ASSESSMENT_FINALIZED').facts()).toEqual({
      code: 'CONFLICT',
      field: 'input.id',
      reason: 'ASSESSMENT_FINALIZED',
    });
    expect(Object.keys(conflict('taken').facts())).toEqual(['code']);
    expect(rateLimited(12).facts()).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 12 });
    const refusal = new DomainError('BAD_USER_INPUT', 'no', {
      field: 'input.x',
      reason: 'NOT_EDITABLE',
      problems: [{ field: 'input.x', message: 'no' }],
      details: { status: 'PUBLISHED' },
    });
    expect(refusal.facts()).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.x',
      problems: [{ field: 'input.x', message: 'no' }],
      reason: 'NOT_EDITABLE',
      status: 'PUBLISHED',
    });
  });

  it('report every problem of a bad input at once, naming the first field', () => {
    const error = badInput([
      { field: 'input.a', message: 'is empty' },
      { field: 'input.b', message: 'is too long' },
    ]);
    expect(error.message).toBe('Invalid input. input.a: is empty; input.b: is too long');
    expect(error.facts()).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.a',
      problems: [
        { field: 'input.a', message: 'is empty' },
        { field: 'input.b', message: 'is too long' },
      ],
    });
    expect(badInput('input.email', 'is not an email').problems).toEqual([{ field: 'input.email', message: 'is not an email' }]);
  });

  it('map every code to an HTTP status', () => {
    expect(HTTP_STATUS_OF).toEqual({
      UNAUTHENTICATED: 401,
      FORBIDDEN: 403,
      NOT_FOUND: 404,
      BAD_USER_INPUT: 400,
      CONFLICT: 409,
      RATE_LIMITED: 429,
      UPSTREAM_UNAVAILABLE: 502,
      INTERNAL: 500,
    });
  });

  it('describe themselves in one log line without their details; other errors with their stack', () => {
    const refusal = new DomainError('CONFLICT', 'Already done.', { reason: 'DONE', details: { secretish: 'x' } });
    expect(describeError(refusal)).toBe('CONFLICT (DONE): Already done.');
    expect(describeError(new TypeError('boom'))).toMatch(/^TypeError: boom\n\s+at /);
    expect(describeError('plain')).toBe('plain');
  });
});
