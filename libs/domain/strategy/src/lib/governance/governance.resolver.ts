import { UseInterceptors } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { Connection, paginate } from '@socle/platform-graphql';
import { DeletedStrategyItemObject } from '../dto/objects';
import { StrategyAuditInterceptor } from '../strategy-audit.interceptor';
import {
  AddGovernanceMemberInput,
  ApprovedStrategyObject,
  ApproveStrategyDocumentVersionInput,
  CreateStrategyDocumentVersionInput,
  GovernanceCommitteeObject,
  GovernanceDecisionConnection,
  GovernanceDecisionObject,
  GovernanceDecisionPageArgs,
  GovernanceIdArgs,
  GovernanceIdInput,
  GovernanceMeetingConnection,
  GovernanceMeetingObject,
  GovernanceMeetingPageArgs,
  GovernanceMemberObject,
  RecordGovernanceDecisionInput,
  RecordGovernanceMeetingInput,
  ReturnStrategyDocumentVersionInput,
  StrategyDocumentVersionConnection,
  StrategyDocumentVersionInput,
  StrategyDocumentVersionObject,
  StrategyVersionPageArgs,
  toApprovedStrategy,
  toCommittee,
  toDecision,
  toMeeting,
  toMember,
  toStrategyVersion,
  UpdateGovernanceDecisionInput,
  UpdateGovernanceMeetingInput,
  UpdateGovernanceMemberInput,
} from './governance.dto';
import { GovernanceService } from './governance.service';
import { StrategyVersionService } from './strategy-version.service';

/** The governance record (committee, meetings, decisions) and the approved written strategy. Mutations are audited. */
@UseInterceptors(StrategyAuditInterceptor)
@Resolver()
export class GovernanceResolver {
  constructor(
    private readonly governance: GovernanceService,
    private readonly versions: StrategyVersionService,
  ) {}

  // ------------------------------------------------------------------ committee

  @Requires('strategy.read')
  @Query(() => GovernanceCommitteeObject, { description: 'The mixed committee and whether a top-management representative sits on it.' })
  async governanceCommittee(@OrgCtx() ctx: OrganizationContext): Promise<GovernanceCommitteeObject> {
    return toCommittee(await this.governance.committee(ctx));
  }

  @Requires('taskForce.manage')
  @Mutation(() => GovernanceMemberObject, { description: 'Adds an organisation member (userId) or an outside person (externalName).' })
  async addGovernanceMember(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', {
      description:
        'The person and their function. BAD_USER_INPUT on input.userId when both or neither of userId and externalName are given; NOT_FOUND on input.userId for someone who is not a member; CONFLICT with reason COMMITTEE_FULL at 50 members.',
    })
    input: AddGovernanceMemberInput,
  ): Promise<GovernanceMemberObject> {
    return toMember(await this.governance.addMember(ctx, input));
  }

  @Requires('taskForce.manage')
  @Mutation(() => GovernanceMemberObject, {
    description: "Changes a committee member's function or top-management flag. NOT_FOUND for an id of another organization.",
  })
  async updateGovernanceMember(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The member and the fields to change.' }) input: UpdateGovernanceMemberInput,
  ): Promise<GovernanceMemberObject> {
    return toMember(await this.governance.updateMember(ctx, input));
  }

  @Requires('taskForce.manage')
  @Mutation(() => DeletedStrategyItemObject, { description: 'Removes a committee member. NOT_FOUND for an id of another organization.' })
  async removeGovernanceMember(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The committee member to remove.' }) input: GovernanceIdInput,
  ): Promise<DeletedStrategyItemObject> {
    return { id: await this.governance.removeMember(ctx, input.id) };
  }

  // ------------------------------------------------------------------ meetings

  @Requires('strategy.read')
  @Query(() => GovernanceMeetingConnection, { description: 'Meetings held, most recent first.' })
  async governanceMeetings(
    @OrgCtx() ctx: OrganizationContext,
    @Args() args: GovernanceMeetingPageArgs,
  ): Promise<Connection<GovernanceMeetingObject>> {
    return paginate(
      args,
      (keyset) => this.governance.pageMeetings(ctx, keyset, args.kind),
      (m) => [m.heldAt, m.id],
      toMeeting,
      () => this.governance.countMeetings(ctx, args.kind),
    );
  }

  @Requires('strategy.read')
  @Query(() => GovernanceMeetingObject, { nullable: true, description: 'One meeting. NOT_FOUND for an id of another organization.' })
  async governanceMeeting(@OrgCtx() ctx: OrganizationContext, @Args() args: GovernanceIdArgs): Promise<GovernanceMeetingObject> {
    return toMeeting(await this.governance.meeting(ctx, args.id));
  }

  @Requires('taskForce.manage')
  @Mutation(() => GovernanceMeetingObject, { description: 'Records a meeting held: kind, time, attendees, minutes, the ritual it was.' })
  async recordGovernanceMeeting(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', {
      description:
        'The meeting. BAD_USER_INPUT on input.heldAt before 2000 or in the future, on input.ritualId for a kind other than TASK_FORCE_RITUAL, on input.attendeeIds beyond 50; NOT_FOUND on input.attendeeIds[i] or input.ritualId for an id of another organization.',
    })
    input: RecordGovernanceMeetingInput,
  ): Promise<GovernanceMeetingObject> {
    return toMeeting(await this.governance.recordMeeting(ctx, input));
  }

  @Requires('taskForce.manage')
  @Mutation(() => GovernanceMeetingObject, { description: 'Changes the fields given; attendeeIds replaces the attendees.' })
  async updateGovernanceMeeting(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The meeting and the fields to change.' }) input: UpdateGovernanceMeetingInput,
  ): Promise<GovernanceMeetingObject> {
    return toMeeting(await this.governance.updateMeeting(ctx, input));
  }

  @Requires('taskForce.manage')
  @Mutation(() => DeletedStrategyItemObject, { description: 'Deletes a meeting; its decisions stay, unlinked.' })
  async deleteGovernanceMeeting(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The meeting to delete.' }) input: GovernanceIdInput,
  ): Promise<DeletedStrategyItemObject> {
    return { id: await this.governance.deleteMeeting(ctx, input.id) };
  }

  // ------------------------------------------------------------------ decisions

  @Requires('strategy.read')
  @Query(() => GovernanceDecisionConnection, { description: 'Decisions, oldest first, by status or meeting.' })
  async governanceDecisions(
    @OrgCtx() ctx: OrganizationContext,
    @Args() args: GovernanceDecisionPageArgs,
  ): Promise<Connection<GovernanceDecisionObject>> {
    const filter = { status: args.status, meetingId: args.meetingId };
    return paginate(
      args,
      (keyset) => this.governance.pageDecisions(ctx, keyset, filter),
      (d) => [d.createdAt, d.id],
      toDecision,
      () => this.governance.countDecisions(ctx, filter),
    );
  }

  @Requires('taskForce.manage')
  @Mutation(() => GovernanceDecisionObject, {
    description:
      'Records a decision of the committee (OPEN). NOT_FOUND on input.meetingId or input.ownerMemberId for an id of another organization; BAD_USER_INPUT on input.dueDate when not a date.',
  })
  async recordGovernanceDecision(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The decision.' }) input: RecordGovernanceDecisionInput,
  ): Promise<GovernanceDecisionObject> {
    return toDecision(await this.governance.recordDecision(ctx, input));
  }

  @Requires('taskForce.manage')
  @Mutation(() => GovernanceDecisionObject, { description: 'Changes the fields given; status DONE or DROPPED closes it.' })
  async updateGovernanceDecision(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The decision and the fields to change.' }) input: UpdateGovernanceDecisionInput,
  ): Promise<GovernanceDecisionObject> {
    return toDecision(await this.governance.updateDecision(ctx, input));
  }

  @Requires('taskForce.manage')
  @Mutation(() => DeletedStrategyItemObject, { description: 'Deletes a decision. NOT_FOUND for an id of another organization.' })
  async deleteGovernanceDecision(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The decision to delete.' }) input: GovernanceIdInput,
  ): Promise<DeletedStrategyItemObject> {
    return { id: await this.governance.deleteDecision(ctx, input.id) };
  }

  // ------------------------------------------------------------------ the written strategy, approved

  @Requires('strategy.read')
  @Query(() => StrategyDocumentVersionConnection, { description: 'Every version of the written strategy, oldest first.' })
  async strategyDocumentVersions(
    @OrgCtx() ctx: OrganizationContext,
    @Args() args: StrategyVersionPageArgs,
  ): Promise<Connection<StrategyDocumentVersionObject>> {
    return paginate(
      args,
      (keyset) => this.versions.page(ctx, keyset, args.status),
      (v) => [v.createdAt, v.id],
      toStrategyVersion,
      () => this.versions.count(ctx, args.status),
    );
  }

  @Requires('strategy.read')
  @Query(() => StrategyDocumentVersionObject, {
    nullable: true,
    description: 'One version of the written strategy, with its Markdown. NOT_FOUND for an id of another organization.',
  })
  async strategyDocumentVersion(
    @OrgCtx() ctx: OrganizationContext,
    @Args() args: GovernanceIdArgs,
  ): Promise<StrategyDocumentVersionObject> {
    return toStrategyVersion(await this.versions.get(ctx, args.id));
  }

  @Requires('strategy.read')
  @Query(() => ApprovedStrategyObject, {
    description: 'The approved version in force, its approver and date, and whether the strategy changed since.',
  })
  async approvedStrategy(@OrgCtx() ctx: OrganizationContext): Promise<ApprovedStrategyObject> {
    return toApprovedStrategy(await this.versions.approved(ctx));
  }

  @Requires('strategy.manage')
  @Mutation(() => StrategyDocumentVersionObject, {
    description: 'Takes a snapshot of the strategy as it stands (DRAFT); refused while another version is DRAFT or IN_REVIEW.',
  })
  async createStrategyDocumentVersion(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', {
      description: 'A note for the approver. BAD_USER_INPUT with reason OPEN_VERSION_EXISTS while another version is DRAFT or IN_REVIEW.',
    })
    input: CreateStrategyDocumentVersionInput,
  ): Promise<StrategyDocumentVersionObject> {
    return toStrategyVersion(await this.versions.create(ctx, input.note));
  }

  @Requires('strategy.manage')
  @Mutation(() => DeletedStrategyItemObject, { description: 'Deletes a DRAFT version (to take a fresh snapshot).' })
  async deleteStrategyDocumentVersion(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The version to delete. BAD_USER_INPUT with reason NOT_DRAFT when it is not a DRAFT.' })
    input: StrategyDocumentVersionInput,
  ): Promise<DeletedStrategyItemObject> {
    return { id: await this.versions.withdraw(ctx, input.versionId) };
  }

  @Requires('strategy.manage')
  @Mutation(() => StrategyDocumentVersionObject, { description: 'DRAFT → IN_REVIEW.' })
  async submitStrategyDocumentVersion(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The version to submit. BAD_USER_INPUT with reason INVALID_TRANSITION when it is not a DRAFT.' })
    input: StrategyDocumentVersionInput,
  ): Promise<StrategyDocumentVersionObject> {
    return toStrategyVersion(await this.versions.submit(ctx, input.versionId));
  }

  @Requires('policies.approve')
  @Mutation(() => StrategyDocumentVersionObject, {
    description: 'IN_REVIEW → APPROVED, by an executive approver only; the version approved before becomes SUPERSEDED.',
  })
  async approveStrategyDocumentVersion(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', {
      description:
        'The version and a comment. FORBIDDEN for anyone but an executive approver of the organization; BAD_USER_INPUT with reason INVALID_TRANSITION when it is not IN_REVIEW.',
    })
    input: ApproveStrategyDocumentVersionInput,
  ): Promise<StrategyDocumentVersionObject> {
    return toStrategyVersion(await this.versions.approve(ctx, input.versionId, input.comment));
  }

  @Requires('policies.approve')
  @Mutation(() => StrategyDocumentVersionObject, { description: 'IN_REVIEW → DRAFT, with the approver’s comment.' })
  async returnStrategyDocumentVersion(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', {
      description: 'The version and what to change. BAD_USER_INPUT with reason INVALID_TRANSITION when it is not IN_REVIEW.',
    })
    input: ReturnStrategyDocumentVersionInput,
  ): Promise<StrategyDocumentVersionObject> {
    return toStrategyVersion(await this.versions.returnToDraft(ctx, input.versionId, input.comment));
  }
}
