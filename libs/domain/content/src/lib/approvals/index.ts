export {
  ApprovalMode,
  ApprovalVerdict,
  ApprovalStep,
  ApprovalDecisionRow,
  AcknowledgedFinding,
  ChainProgress,
  StepProgress,
  DEFAULT_APPROVAL_CHAIN,
  MAX_APPROVAL_STEPS,
  chainProgress,
  eligibleMembers,
} from './approval-chain';
export { ApprovalLinks, ApprovalLinkClaims, MIN_LINK_HOURS, MAX_LINK_HOURS } from './approval-links';
export { ApprovalsService, ApprovalChainView, ItemApprovals, ApprovalLinkPreview, LinkRefusal } from './approvals.service';
