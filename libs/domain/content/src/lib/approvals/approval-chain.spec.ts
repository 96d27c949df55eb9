import { ApprovalDecisionRow, ApprovalStep, chainProgress, eligibleMembers } from './approval-chain';

const members = [
  { userId: 'a', roles: ['CONTENT_LEAD'] },
  { userId: 'b', roles: ['CONTENT_LEAD', 'EXECUTIVE_APPROVER'] },
  { userId: 'c', roles: ['EXECUTIVE_APPROVER'] },
  { userId: 'w', roles: ['COMMUNITY_MANAGER', 'CONTENT_LEAD'] },
];

let n = 0;
const decision = (
  step: number,
  who: string | null,
  verdict: 'APPROVED' | 'REJECTED' = 'APPROVED',
  viaLink = false,
): ApprovalDecisionRow => ({
  id: `d${(n += 1)}`,
  itemId: 'i',
  revision: 1,
  step,
  deciderKind: viaLink ? 'LINK' : 'MEMBER',
  deciderUserId: viaLink ? null : who,
  linkId: viaLink ? 'l' : null,
  recipientName: viaLink ? 'Client' : null,
  recipientEmail: viaLink ? 'client@example.test' : null,
  verdict,
  comment: null,
  acknowledgedFindings: [],
  decidedAt: new Date(),
});

describe('approval chain progress', () => {
  const leadAny: ApprovalStep = { role: 'CONTENT_LEAD', memberIds: [], mode: 'ANY' };
  const namedAll: ApprovalStep = { role: null, memberIds: ['b', 'c', 'gone'], mode: 'ALL' };

  it('makes the holders of a role, or the named members still in the organisation, eligible; never the author or the last editor', () => {
    expect(eligibleMembers(leadAny, members, ['w', null])).toEqual(['a', 'b']);
    expect(eligibleMembers(namedAll, members, [null, 'c'])).toEqual(['b']);
    expect(eligibleMembers({ role: 'EXECUTIVE_APPROVER', memberIds: [], mode: 'ALL' }, members, [])).toEqual(['b', 'c']);
  });

  it('completes an ANY step with one approval, an ALL step with every eligible member, in order', () => {
    const chain = [leadAny, namedAll];
    expect(chainProgress(chain, members, ['w'], [])).toMatchObject({ currentStep: 1, complete: false });
    const afterLead = chainProgress(chain, members, ['w'], [decision(1, 'a')]);
    expect(afterLead.currentStep).toBe(2);
    expect(afterLead.steps[1].remainingUserIds).toEqual(['b', 'c']);
    const oneOfTwo = chainProgress(chain, members, ['w'], [decision(1, 'a'), decision(2, 'b')]);
    expect(oneOfTwo).toMatchObject({ currentStep: 2, complete: false });
    expect(oneOfTwo.steps[1].remainingUserIds).toEqual(['c']);
    expect(chainProgress(chain, members, ['w'], [decision(1, 'a'), decision(2, 'b'), decision(2, 'c')])).toMatchObject({
      currentStep: null,
      complete: true,
    });
  });

  it('does not count a rejection, nor a link approval in an ALL step that has eligible members', () => {
    const chain = [leadAny, namedAll];
    expect(chainProgress(chain, members, ['w'], [decision(1, 'a', 'REJECTED')]).currentStep).toBe(1);
    expect(chainProgress(chain, members, ['w'], [decision(1, null, 'APPROVED', true)]).currentStep).toBe(2);
    expect(chainProgress(chain, members, ['w'], [decision(1, 'a'), decision(2, null, 'APPROVED', true)]).currentStep).toBe(2);
    // Nobody eligible (every named member left): one approval through a link completes it.
    const orphan: ApprovalStep = { role: null, memberIds: ['gone'], mode: 'ALL' };
    expect(chainProgress([orphan], members, [], []).currentStep).toBe(1);
    expect(chainProgress([orphan], members, [], [decision(1, null, 'APPROVED', true)]).complete).toBe(true);
  });
});
