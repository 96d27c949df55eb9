import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { derivedId } from '@socle/platform-graphql';
import type { ApprovalDecisionRow, ApprovalStep } from './approval-chain';
import {
  ApprovalChainObject,
  ApprovalDecisionObject,
  ApprovalLinkObject,
  ApprovalModeEnum,
  ApproveContentItemInput,
  ApprovalVerdictEnum,
  ContentItemApprovalsArgs,
  ContentItemApprovalsObject,
  CreateApprovalLinkInput,
  RejectContentItemInput,
  SetApprovalChainInput,
} from './approvals.dto';
import { ApprovalChainView, ApprovalsService, ItemApprovals } from './approvals.service';
import type { OrganizationRoleEnum } from '@socle/accounts';

const toStep = (step: ApprovalStep, index: number, count: number) => ({
  number: index + 1,
  role: step.role as OrganizationRoleEnum | null,
  memberIds: step.memberIds,
  mode: step.mode as ApprovalModeEnum,
  final: index === count - 1,
});

function toChain(organizationId: string, view: ApprovalChainView): ApprovalChainObject {
  return {
    id: derivedId('ApprovalChain', organizationId),
    steps: view.steps.map((s, i) => toStep(s, i, view.steps.length)),
    isDefault: view.isDefault,
    updatedBy: view.updatedBy,
    updatedAt: view.updatedAt,
  };
}

function toDecision(d: ApprovalDecisionRow): ApprovalDecisionObject {
  return {
    id: d.id,
    step: d.step,
    revision: d.revision,
    verdict: d.verdict as ApprovalVerdictEnum,
    deciderUserId: d.deciderUserId,
    viaLink: d.deciderKind === 'LINK',
    recipientName: d.recipientName,
    recipientEmail: d.recipientEmail,
    comment: d.comment,
    acknowledgedFindings: d.acknowledgedFindings,
    decidedAt: d.decidedAt,
  };
}

function toApprovals(p: ItemApprovals): ContentItemApprovalsObject {
  return {
    itemId: p.item.id,
    status: p.item.status,
    revision: p.item.revision,
    currentStep: p.currentStep,
    complete: p.complete,
    steps: p.steps.map((s, i) => ({
      ...toStep(s.step, i, p.steps.length),
      complete: s.complete,
      eligibleUserIds: s.eligibleUserIds,
      remainingUserIds: s.remainingUserIds,
      decisions: s.decisions.map(toDecision),
    })),
  };
}

/** The approval chain, decisions on content items, and links for approvers without an account. */
@Resolver(() => ContentItemApprovalsObject)
export class ApprovalsResolver {
  constructor(private readonly approvals: ApprovalsService) {}

  @Requires('content.read')
  @Query(() => ApprovalChainObject, {
    description: "The organization's approval chain (the default one, the content lead, until one is set).",
  })
  async approvalChain(@OrgCtx() ctx: OrganizationContext): Promise<ApprovalChainObject> {
    return toChain(ctx.organizationId, await this.approvals.chain(ctx));
  }

  @Requires('content.approvalChain.manage')
  @Mutation(() => ApprovalChainObject, {
    description:
      'Replaces the approval chain: 1 to 3 steps, each a role or named members of the organization (at most 20), ANY or ALL. BAD_USER_INPUT when a step names both a role and members or neither; NOT_FOUND (field input.steps[i].memberIds[j]) for a user who is not a member.',
  })
  async setApprovalChain(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The steps of the new chain.' }) input: SetApprovalChainInput,
  ): Promise<ApprovalChainObject> {
    return toChain(
      ctx.organizationId,
      await this.approvals.setChain(
        ctx,
        input.steps.map((s) => ({ role: s.role ?? null, memberIds: s.memberIds ?? [], mode: s.mode })),
      ),
    );
  }

  @Requires('content.read')
  @Query(() => ContentItemApprovalsObject, {
    nullable: true,
    description:
      "Where a content item's approval stands: each step, who decided what on this revision, who remains. NOT_FOUND for an unknown item.",
  })
  async contentItemApprovals(
    @OrgCtx() ctx: OrganizationContext,
    @Args() args: ContentItemApprovalsArgs,
  ): Promise<ContentItemApprovalsObject> {
    return toApprovals(await this.approvals.progress(ctx, args.itemId));
  }

  @Requires('content.approve')
  @Mutation(() => ContentItemApprovalsObject, {
    description:
      'Approves the current step of an item IN_REVIEW, as one of its eligible approvers (never on content you wrote or last edited). The last step complete moves the item to APPROVED. Refusals: NOT_FOUND (unknown item); CONFLICT with reason NOT_IN_REVIEW, ALREADY_DECIDED (you decided this step of this revision) or ALREADY_APPROVED; FORBIDDEN with reason OWN_CONTENT or NOT_ELIGIBLE, or when the caller is an API key.',
  })
  async approveContentItem(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The item and an optional comment.' }) input: ApproveContentItemInput,
  ): Promise<ContentItemApprovalsObject> {
    return toApprovals(await this.approvals.approve(ctx, input.itemId, input.comment ?? null));
  }

  @Requires('content.approve')
  @Mutation(() => ContentItemApprovalsObject, {
    description:
      'Rejects an item IN_REVIEW at its current step, with the reason: the item goes back to DRAFT. Same refusals as approveContentItem; BAD_USER_INPUT (input.reason) for a blank reason.',
  })
  async rejectContentItem(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The item and what must change.' }) input: RejectContentItemInput,
  ): Promise<ContentItemApprovalsObject> {
    return toApprovals(await this.approvals.reject(ctx, input.itemId, input.reason));
  }

  @Requires('content.approvalChain.manage')
  @Mutation(() => ApprovalLinkObject, {
    description:
      'A signed, single-use link for an approver without an account (e.g. at the client), for the current step of an item IN_REVIEW, valid 1 to 336 hours. People only; never for content you wrote or last edited (FORBIDDEN, reason OWN_CONTENT). CONFLICT with reason NOT_IN_REVIEW when the item is not IN_REVIEW; NOT_FOUND for an unknown item.',
  })
  async createApprovalLink(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The item, the recipient and the link’s lifetime.' }) input: CreateApprovalLinkInput,
  ): Promise<ApprovalLinkObject> {
    const { link, url, emailed } = await this.approvals.createLink(ctx, input);
    return {
      id: link.id,
      url,
      emailed,
      step: link.step,
      revision: link.revision,
      recipientName: link.recipientName,
      recipientEmail: link.recipientEmail,
      expiresAt: link.expiresAt,
    };
  }
}
