import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, RequestState, Requires } from '@socle/platform-auth';
import { Connection, PageArgs, paginate } from '@socle/platform-graphql';
import { forbidden } from '@socle/platform-errors';
import {
  ApprovePolicyVersionInput,
  CreatePolicyInput,
  IdArgs,
  PolicyIdArgs,
  PolicyPageArgs,
  PolicyTemplateArgs,
  PolicyVersionInput,
  ReturnPolicyToDraftInput,
  StartPolicyRevisionInput,
  UpdatePolicyDraftInput,
} from '../dto/inputs';
import { memberAcknowledgementId, toPolicyDocument, toPolicyEvent, toPolicyTemplate, toPolicyVersion } from '../dto/mappers';
import {
  PolicyAcknowledgementObject,
  PolicyAcknowledgementSummaryObject,
  PolicyDocumentConnection,
  PolicyDocumentObject,
  PolicyEventConnection,
  PolicyEventObject,
  PolicyMemberAcknowledgementConnection,
  PolicyMemberAcknowledgementObject,
  PolicyTemplateObject,
  PolicyVersionConnection,
  PolicyVersionObject,
} from '../dto/objects';
import { policyTemplates } from '../templates/policy-templates';
import { PolicyService } from './policy.service';

@Resolver(() => PolicyDocumentObject)
export class PolicyResolver {
  constructor(private readonly service: PolicyService) {}

  @Requires('policies.read')
  @Query(() => PolicyDocumentConnection, { description: 'The organization’s policies (one per kind), oldest first.' })
  async policies(@OrgCtx() ctx: OrganizationContext, @Args() page: PageArgs): Promise<Connection<PolicyDocumentObject>> {
    return paginate(
      page,
      (keyset) => this.service.page(ctx, keyset),
      (d) => [d.createdAt, d.id],
      toPolicyDocument,
      () => this.service.count(ctx),
    );
  }

  @Requires('policies.read')
  @Query(() => PolicyDocumentObject, {
    nullable: true,
    description: 'One policy, with its latest and published versions. NOT_FOUND for an id of another organization.',
  })
  async policy(@OrgCtx() ctx: OrganizationContext, @Args() args: IdArgs): Promise<PolicyDocumentObject> {
    return toPolicyDocument(await this.service.get(ctx, args.id));
  }

  @Requires('policies.read')
  @Query(() => PolicyVersionObject, { nullable: true, description: 'One version of a policy, with its sections.' })
  async policyVersion(@OrgCtx() ctx: OrganizationContext, @Args() args: IdArgs): Promise<PolicyVersionObject> {
    return toPolicyVersion(await this.service.version(ctx, args.id));
  }

  @Requires('policies.read')
  @Query(() => PolicyVersionConnection, { description: 'Every version of a policy, oldest first.' })
  async policyVersions(@OrgCtx() ctx: OrganizationContext, @Args() page: PolicyPageArgs): Promise<Connection<PolicyVersionObject>> {
    return paginate(
      page,
      (keyset) => this.service.versions(ctx, page.policyId, keyset),
      (v) => [v.createdAt, v.id],
      toPolicyVersion,
      () => this.service.countVersions(ctx, page.policyId),
    );
  }

  @Requires('policies.read')
  @Query(() => PolicyEventConnection, { description: 'Every transition of every version of a policy (who, when, comment), oldest first.' })
  async policyHistory(@OrgCtx() ctx: OrganizationContext, @Args() page: PolicyPageArgs): Promise<Connection<PolicyEventObject>> {
    return paginate(
      page,
      (keyset) => this.service.history(ctx, page.policyId, keyset),
      (e) => [e.occurredAt, e.id],
      toPolicyEvent,
      () => this.service.countHistory(ctx, page.policyId),
    );
  }

  @Requires('policies.read')
  @Query(() => [PolicyTemplateObject], {
    description: 'Starter templates (five kinds × French and English), optionally filtered. A fixed catalogue, hence a plain list.',
  })
  policyTemplates(@OrgCtx() _ctx: OrganizationContext, @Args() args: PolicyTemplateArgs): PolicyTemplateObject[] {
    return policyTemplates({ kind: args.kind, language: args.language }).map(toPolicyTemplate);
  }

  @Requires('policies.edit')
  @Mutation(() => PolicyDocumentObject, {
    description:
      'Creates the organization’s policy of a kind with a first DRAFT version (from the starter template when asked). One policy per kind.',
  })
  async createPolicy(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', {
      description:
        'The kind, the language and whether to start from the template. CONFLICT on input.kind when the organization already has a policy of that kind.',
    })
    input: CreatePolicyInput,
  ): Promise<PolicyDocumentObject> {
    return toPolicyDocument(await this.service.create(ctx, input));
  }

  @Requires('policies.edit')
  @Mutation(() => PolicyVersionObject, {
    description: 'Edits a DRAFT version’s title and/or sections. Any other status is refused (reason NOT_EDITABLE).',
  })
  async updatePolicyDraft(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', {
      description: 'The version and its new title or sections. BAD_USER_INPUT with reason NOT_EDITABLE when it is not a DRAFT.',
    })
    input: UpdatePolicyDraftInput,
  ): Promise<PolicyVersionObject> {
    return toPolicyVersion(
      await this.service.updateDraft(ctx, input.versionId, {
        title: input.title,
        sections: input.sections?.map((s) => ({ key: s.key, title: s.title, body: s.body })),
      }),
    );
  }

  @Requires('policies.edit')
  @Mutation(() => PolicyVersionObject, { description: 'DRAFT → IN_REVIEW.' })
  async submitPolicyForReview(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The version to submit. BAD_USER_INPUT with reason INVALID_TRANSITION when it is not a DRAFT.' })
    input: PolicyVersionInput,
  ): Promise<PolicyVersionObject> {
    return toPolicyVersion(await this.service.submit(ctx, input.versionId));
  }

  @Requires('policies.approve')
  @Mutation(() => PolicyVersionObject, { description: 'IN_REVIEW → APPROVED, by an executive approver only.' })
  async approvePolicyVersion(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', {
      description:
        'The version and a comment. FORBIDDEN for anyone but an executive approver; BAD_USER_INPUT with reason REVIEW_PENDING while a legal or works-council review is awaited, INVALID_TRANSITION when it is not IN_REVIEW.',
    })
    input: ApprovePolicyVersionInput,
  ): Promise<PolicyVersionObject> {
    return toPolicyVersion(await this.service.approve(ctx, input.versionId, input.comment));
  }

  @Requires('policies.approve')
  @Mutation(() => PolicyVersionObject, { description: 'IN_REVIEW → DRAFT, with the reviewer’s comment (rejection).' })
  async returnPolicyToDraft(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', {
      description: 'The version and what must change. BAD_USER_INPUT with reason INVALID_TRANSITION when it is not IN_REVIEW.',
    })
    input: ReturnPolicyToDraftInput,
  ): Promise<PolicyVersionObject> {
    return toPolicyVersion(await this.service.returnToDraft(ctx, input.versionId, input.comment));
  }

  @Requires('policies.publish')
  @Mutation(() => PolicyVersionObject, {
    description: 'APPROVED → PUBLISHED; the previous published version becomes SUPERSEDED. Every member is then asked to acknowledge it.',
  })
  async publishPolicyVersion(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The version to publish. BAD_USER_INPUT with reason INVALID_TRANSITION when it is not APPROVED.' })
    input: PolicyVersionInput,
  ): Promise<PolicyVersionObject> {
    return toPolicyVersion(await this.service.publish(ctx, input.versionId));
  }

  @Requires('policies.edit')
  @Mutation(() => PolicyVersionObject, {
    description:
      'A new DRAFT copying the latest version; refused while a version is DRAFT, IN_REVIEW or APPROVED (reason OPEN_VERSION_EXISTS).',
  })
  async startPolicyRevision(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The policy to revise.' }) input: StartPolicyRevisionInput,
  ): Promise<PolicyVersionObject> {
    return toPolicyVersion(await this.service.startRevision(ctx, input.policyId));
  }

  @Requires('policies.acknowledge')
  @Mutation(() => PolicyAcknowledgementObject, {
    description: 'The signed-in member confirms they read the published version. Idempotent.',
  })
  async acknowledgePolicyVersion(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', {
      description:
        'The published version read. FORBIDDEN with an API key or for someone who is not a member; BAD_USER_INPUT with reason NOT_PUBLISHED for a version not in force.',
    })
    input: PolicyVersionInput,
  ): Promise<PolicyAcknowledgementObject> {
    const ack = await this.service.acknowledge(ctx, input.versionId);
    return {
      id: memberAcknowledgementId(ack.version.id, ack.userId),
      policyId: ack.version.policyId,
      versionId: ack.version.id,
      userId: ack.userId,
      acknowledgedAt: ack.acknowledgedAt,
    };
  }

  @Requires('policies.acknowledge')
  @Query(() => [PolicyVersionObject], {
    description: 'The published policy versions the signed-in member has not acknowledged yet, oldest publication first.',
  })
  async policiesToAcknowledge(@OrgCtx() ctx: OrganizationContext): Promise<PolicyVersionObject[]> {
    return (await this.service.awaitingMyAcknowledgement(ctx)).map(toPolicyVersion);
  }

  @Requires('policies.read')
  @Query(() => PolicyAcknowledgementSummaryObject, {
    nullable: true,
    description: 'Who among the current members acknowledged the published version (members who joined later are pending too).',
  })
  async policyAcknowledgements(
    @OrgCtx() ctx: OrganizationContext,
    @Args() args: PolicyIdArgs,
  ): Promise<PolicyAcknowledgementSummaryObject> {
    const s = await this.service.acknowledgements(ctx, args.policyId);
    return {
      policyId: s.policyId,
      version: s.version ? toPolicyVersion(s.version) : null,
      memberCount: s.memberCount,
      acknowledgedCount: s.acknowledgedCount,
      pendingCount: s.version ? s.memberCount - s.acknowledgedCount : 0,
      share: s.version && s.memberCount > 0 ? s.acknowledgedCount / s.memberCount : 0,
    };
  }
}

const toMember =
  (versionId: string) =>
  (m: { userId: string; displayName: string; joinedAt: Date; acknowledgedAt: Date | null }): PolicyMemberAcknowledgementObject => ({
    id: memberAcknowledgementId(versionId, m.userId),
    ...m,
  });

/** The member lists of a summary: runs only below `policyAcknowledgements`, whose guard already checked policies.read. */
@Resolver(() => PolicyAcknowledgementSummaryObject)
export class PolicyAcknowledgementSummaryResolver {
  constructor(private readonly service: PolicyService) {}

  @ResolveField(() => PolicyMemberAcknowledgementConnection, { description: 'Members who acknowledged, in the order they did.' })
  async acknowledged(
    @Parent() summary: PolicyAcknowledgementSummaryObject,
    @Context('state') state: RequestState,
    @Args() page: PageArgs,
  ): Promise<Connection<PolicyMemberAcknowledgementObject>> {
    const ctx = orgContextOf(state);
    const versionId = summary.version?.id ?? null;
    return paginate(
      page,
      (keyset) => this.service.members(ctx, versionId, true, keyset),
      (m) => [m.acknowledgedAt as Date, m.userId],
      toMember(versionId ?? ''),
      () => this.service.countMembers(ctx, versionId, true),
    );
  }

  @ResolveField(() => PolicyMemberAcknowledgementConnection, {
    description: 'Members who have not acknowledged yet, in the order they joined.',
  })
  async pending(
    @Parent() summary: PolicyAcknowledgementSummaryObject,
    @Context('state') state: RequestState,
    @Args() page: PageArgs,
  ): Promise<Connection<PolicyMemberAcknowledgementObject>> {
    const ctx = orgContextOf(state);
    const versionId = summary.version?.id ?? null;
    return paginate(
      page,
      (keyset) => this.service.members(ctx, versionId, false, keyset),
      (m) => [m.joinedAt, m.userId],
      toMember(versionId ?? ''),
      () => this.service.countMembers(ctx, versionId, false),
    );
  }
}

function orgContextOf(state: RequestState): OrganizationContext {
  if (state.access?.level !== 'ORGANIZATION') throw forbidden('This field is read inside an organization.');
  return state.access.context;
}
