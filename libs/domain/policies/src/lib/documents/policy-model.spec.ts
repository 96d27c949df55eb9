import { isEditable, nextStatus, POLICY_VERSION_STATUSES, PolicyAction, PolicyVersionStatus, TRANSITIONS } from './policy-model';

describe('policy version transitions', () => {
  // The whole table: every action from every status. Anything not listed here is refused.
  const allowed: Record<string, PolicyVersionStatus> = {
    'DRAFT SUBMIT': 'IN_REVIEW',
    'IN_REVIEW RETURN': 'DRAFT',
    'IN_REVIEW APPROVE': 'APPROVED',
    'APPROVED PUBLISH': 'PUBLISHED',
    'PUBLISHED SUPERSEDE': 'SUPERSEDED',
  };

  it.each(
    POLICY_VERSION_STATUSES.flatMap((status) => (Object.keys(TRANSITIONS) as PolicyAction[]).map((action) => [status, action] as const)),
  )('from %s, %s gives what the table says', (status, action) => {
    expect(nextStatus(status, action)).toBe(allowed[`${status} ${action}`] ?? null);
  });

  it('never approves or publishes a draft directly, and never leaves SUPERSEDED', () => {
    expect(nextStatus('DRAFT', 'APPROVE')).toBeNull();
    expect(nextStatus('DRAFT', 'PUBLISH')).toBeNull();
    expect(nextStatus('IN_REVIEW', 'PUBLISH')).toBeNull();
    for (const action of Object.keys(TRANSITIONS) as PolicyAction[]) expect(nextStatus('SUPERSEDED', action)).toBeNull();
  });

  it('lets only a draft be edited', () => {
    expect(POLICY_VERSION_STATUSES.filter(isEditable)).toEqual(['DRAFT']);
  });
});
