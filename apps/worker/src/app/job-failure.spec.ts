import { notFound } from '@socle/platform-errors';
import { jobFailureLog } from './job-failure';

describe('failed jobs in the worker log', () => {
  it('a domain refusal is one warning line with its code', () => {
    const log = jobFailureLog({ name: 'PurgeOrganizationJob', id: '7', attemptsMade: 1 }, notFound('Organization', 'o1'));
    expect(log).toEqual({
      level: 'warn',
      line: 'job PurgeOrganizationJob 7 failed (attempt 1): NOT_FOUND: Organization o1 was not found.',
    });
  });

  it('anything else is an error with its stack', () => {
    const log = jobFailureLog({ name: 'CheckNetworkAccountJob', id: '8', attemptsMade: 2 }, new RangeError('boom'));
    expect(log.level).toBe('error');
    expect(log.line).toMatch(/^job CheckNetworkAccountJob 8 failed \(attempt 2\): RangeError: boom\n\s+at /);
  });
});
