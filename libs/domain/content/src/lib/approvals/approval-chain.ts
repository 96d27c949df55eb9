import type { OrganizationRole } from '@socle/platform-auth';

export type ApprovalMode = 'ANY' | 'ALL';
export type ApprovalVerdict = 'APPROVED' | 'REJECTED';

/** One step of an organisation's approval chain: a role of the organisation or named members, one of them (ANY) or all (ALL). */
export interface ApprovalStep {
  role: OrganizationRole | null;
  memberIds: string[];
  mode: ApprovalMode;
}

export const MAX_APPROVAL_STEPS = 3;
export const MAX_STEP_MEMBERS = 20;

/** The chain of an organisation that never set one: its content lead, any one of them. */
export const DEFAULT_APPROVAL_CHAIN: readonly ApprovalStep[] = Object.freeze([{ role: 'CONTENT_LEAD', memberIds: [], mode: 'ANY' }]);

/** A WARN finding of a variant, as the decider saw it. */
export interface AcknowledgedFinding {
  variantId: string;
  network: string;
  rule: string;
  message: string;
}

export interface ApprovalDecisionRow {
  id: string;
  itemId: string;
  revision: number;
  step: number;
  deciderKind: 'MEMBER' | 'LINK';
  deciderUserId: string | null;
  linkId: string | null;
  recipientName: string | null;
  recipientEmail: string | null;
  verdict: ApprovalVerdict;
  comment: string | null;
  acknowledgedFindings: AcknowledgedFinding[];
  decidedAt: Date;
}

export interface MemberRoles {
  userId: string;
  roles: readonly string[];
}

export interface StepProgress {
  /** 1-based. */
  number: number;
  step: ApprovalStep;
  /** Members who may decide this step (the item's author and last editor excluded). */
  eligibleUserIds: string[];
  /** Decisions of this step on the revision. */
  decisions: ApprovalDecisionRow[];
  complete: boolean;
  /** Who still has to approve: every eligible member not yet approving (ALL), or any eligible member (ANY); empty once complete. */
  remainingUserIds: string[];
}

export interface ChainProgress {
  steps: StepProgress[];
  /** The first step not complete, null when every step is. */
  currentStep: number | null;
  complete: boolean;
}

/** Members who may decide `step` of an item written by `authors`: holders of the role, or the named members still in the organisation. */
export function eligibleMembers(step: ApprovalStep, members: readonly MemberRoles[], authors: readonly (string | null)[]): string[] {
  const excluded = new Set(authors.filter((a): a is string => !!a));
  const named = new Set(step.memberIds);
  return members
    .filter((m) => !excluded.has(m.userId) && (step.role ? m.roles.includes(step.role) : named.has(m.userId)))
    .map((m) => m.userId)
    .sort();
}

/**
 * Where an item's approval stands on one revision: a step is complete when one
 * eligible member or link recipient approved it (ANY), or when every eligible
 * member approved it (ALL; a step nobody is eligible for needs one approval
 * through a link). Steps are taken in order.
 */
export function chainProgress(
  chain: readonly ApprovalStep[],
  members: readonly MemberRoles[],
  authors: readonly (string | null)[],
  decisions: readonly ApprovalDecisionRow[],
): ChainProgress {
  let currentStep: number | null = null;
  const steps = chain.map((step, index): StepProgress => {
    const number = index + 1;
    const eligibleUserIds = eligibleMembers(step, members, authors);
    const mine = decisions.filter((d) => d.step === number);
    const approvedBy = new Set(mine.filter((d) => d.verdict === 'APPROVED' && d.deciderKind === 'MEMBER').map((d) => d.deciderUserId));
    const anyApproval = mine.some((d) => d.verdict === 'APPROVED');
    const complete = step.mode === 'ANY' || eligibleUserIds.length === 0 ? anyApproval : eligibleUserIds.every((id) => approvedBy.has(id));
    if (!complete && currentStep === null) currentStep = number;
    const remainingUserIds = complete ? [] : eligibleUserIds.filter((id) => !approvedBy.has(id));
    return { number, step, eligibleUserIds, decisions: mine, complete, remainingUserIds };
  });
  return { steps, currentStep, complete: currentStep === null };
}
