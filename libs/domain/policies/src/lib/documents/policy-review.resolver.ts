import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, RequestState, Requires } from '@socle/platform-auth';
import { forbidden } from '@socle/platform-errors';
import { derivedId } from '@socle/platform-graphql';
import { toPolicyVersion } from '../dto/mappers';
import { PolicyVersionObject } from '../dto/objects';
import {
  PolicyReviewKindEnum,
  PolicyReviewModeEnum,
  PolicyReviewSettingsObject,
  PolicyReviewVerdictEnum,
  PolicyVersionReviewObject,
  RecordPolicyReviewInput,
  SetPolicyReviewInput,
} from './policy-review.dto';
import { PolicyReviewSettingsRow } from './policy-review.repository';
import { PolicyService } from './policy.service';

const toSettings = (organizationId: string, s: PolicyReviewSettingsRow): PolicyReviewSettingsObject => ({
  id: derivedId('PolicyReviewSettings', organizationId),
  mode: s.mode as PolicyReviewModeEnum,
  reviewerIds: s.reviewerIds,
  updatedAt: s.updatedAt,
});

@Resolver(() => PolicyReviewSettingsObject)
export class PolicyReviewResolver {
  constructor(private readonly service: PolicyService) {}

  @Requires('policies.read')
  @Query(() => PolicyReviewSettingsObject, {
    description: 'Whether submitted policy versions go through a legal or works-council review, and who reviews.',
  })
  async policyReviewSettings(@OrgCtx() ctx: OrganizationContext): Promise<PolicyReviewSettingsObject> {
    return toSettings(ctx.organizationId, await this.service.reviewSettings(ctx));
  }

  @Requires('policies.publish')
  @Mutation(() => PolicyReviewSettingsObject, {
    description:
      'Sets the review step (NONE, LEGAL or WORKS_COUNCIL, and the members who review); applies to versions submitted from now on.',
  })
  async setPolicyReview(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', {
      description:
        'The mode and the reviewers. BAD_USER_INPUT on input.reviewerIds when empty for a review, not empty for NONE, beyond 20 or not members.',
    })
    input: SetPolicyReviewInput,
  ): Promise<PolicyReviewSettingsObject> {
    return toSettings(ctx.organizationId, await this.service.setReviewSettings(ctx, input.mode, input.reviewerIds));
  }

  // Any member reaches the operation (humans only); the service admits only the reviewers named in the setting.
  @Requires('policies.acknowledge')
  @Mutation(() => PolicyVersionObject, {
    description:
      'A named reviewer’s decision on a version IN_REVIEW awaiting its review: CLEARED (the executive may then approve) or CHANGES_REQUESTED with a comment (back to DRAFT).',
  })
  async recordPolicyReview(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', {
      description:
        'The version, the verdict and a comment. FORBIDDEN with reason NOT_A_REVIEWER or OWN_SUBMISSION; BAD_USER_INPUT with reason NOT_AWAITING_REVIEW when no review is awaited, and on input.comment when changes are requested without one.',
    })
    input: RecordPolicyReviewInput,
  ): Promise<PolicyVersionObject> {
    return toPolicyVersion(await this.service.recordReview(ctx, input.versionId, input.verdict, input.comment ?? null));
  }
}

/** The review of a version: runs only below fields whose guard already checked policies.read. */
@Resolver(() => PolicyVersionObject)
export class PolicyVersionReviewFieldResolver {
  constructor(private readonly service: PolicyService) {}

  @ResolveField(() => PolicyVersionReviewObject, {
    nullable: true,
    description: 'The review this version awaits or received; null when none was asked for.',
  })
  async review(@Parent() version: PolicyVersionObject, @Context('state') state: RequestState): Promise<PolicyVersionReviewObject | null> {
    if (state.access?.level !== 'ORGANIZATION') throw forbidden('This field is read inside an organization.');
    const row = await this.service.versionReview(state.access.context, version.id);
    if (!row?.kind) return null;
    return {
      id: derivedId('PolicyVersionReview', version.id),
      kind: row.kind as PolicyReviewKindEnum,
      verdict: row.verdict as PolicyReviewVerdictEnum | null,
      reviewedBy: row.reviewedBy,
      reviewedAt: row.reviewedAt,
      comment: row.comment,
    };
  }
}
