import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, RequestState, Requires } from '@socle/platform-auth';
import { forbidden } from '@socle/platform-errors';
import { Connection, PageArgs, paginate } from '@socle/platform-graphql';
import { staffAcknowledgementId, toPolicyVersion } from '../dto/mappers';
import { PolicyAcknowledgementSummaryObject } from '../dto/objects';
import {
  PolicyAcknowledgementRequestObject,
  RequestPolicyAcknowledgementsInput,
  StaffAcknowledgementSummaryObject,
  StaffPolicyAcknowledgementConnection,
  StaffPolicyAcknowledgementObject,
} from './acknowledgements.dto';
import { AcknowledgementsService } from './acknowledgements.service';

function orgContextOf(state: RequestState): OrganizationContext {
  if (state.access?.level !== 'ORGANIZATION') throw forbidden('This field is read inside an organization.');
  return state.access.context;
}

@Resolver(() => PolicyAcknowledgementRequestObject)
export class AcknowledgementRequestResolver {
  constructor(private readonly service: AcknowledgementsService) {}

  @Requires('policies.publish')
  @Mutation(() => PolicyAcknowledgementRequestObject, {
    description:
      'E-mails each person of the staff list (or those named) a personal, signed, single-use link to read and acknowledge the published version. People who already acknowledged it are left out; an earlier link of the same person and version stops working.',
  })
  async requestPolicyAcknowledgements(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', {
      description:
        'The policy, the people and the link lifetime. BAD_USER_INPUT with reason NOT_PUBLISHED when the policy has no published version, on input.expiresInDays outside 1 to 90, and on input.staffIds[i] for someone not on the list; NOT_FOUND for a policy of another organization.',
    })
    input: RequestPolicyAcknowledgementsInput,
  ): Promise<PolicyAcknowledgementRequestObject> {
    const result = await this.service.request(ctx, input);
    return { ...result, version: toPolicyVersion(result.version) };
  }
}

/** The staff side of `policyAcknowledgements`: runs only below it, whose guard already checked policies.read. */
@Resolver(() => PolicyAcknowledgementSummaryObject)
export class StaffAcknowledgementFieldResolver {
  constructor(private readonly service: AcknowledgementsService) {}

  @ResolveField(() => StaffAcknowledgementSummaryObject, { description: 'The people of the staff list, for the same published version.' })
  async staff(
    @Parent() summary: PolicyAcknowledgementSummaryObject,
    @Context('state') state: RequestState,
  ): Promise<StaffAcknowledgementSummaryObject> {
    const s = await this.service.summary(orgContextOf(state), summary.version?.id ?? null);
    return {
      versionId: s.versionId,
      staffCount: s.staffCount,
      acknowledgedCount: s.acknowledgedCount,
      pendingCount: s.versionId ? s.staffCount - s.acknowledgedCount : 0,
      linkedCount: s.linkedCount,
      share: s.versionId && s.staffCount > 0 ? s.acknowledgedCount / s.staffCount : 0,
    };
  }
}

@Resolver(() => StaffAcknowledgementSummaryObject)
export class StaffAcknowledgementPeopleResolver {
  constructor(private readonly service: AcknowledgementsService) {}

  @ResolveField(() => StaffPolicyAcknowledgementConnection, {
    description:
      'Every person of the staff list with their acknowledgement of the version (null: not yet), in list order. Only for those who edit policies (e-mails).',
  })
  async people(
    @Parent() summary: StaffAcknowledgementSummaryObject,
    @Context('state') state: RequestState,
    @Args() page: PageArgs,
  ): Promise<Connection<StaffPolicyAcknowledgementObject>> {
    const ctx = orgContextOf(state);
    // E-mails are personal data: the list is for those who manage the staff list, not for every reader of policies.
    if (!state.access?.permissions.has('policies.edit'))
      throw forbidden('Only those who edit policies see the staff list (policies.edit).');
    return paginate(
      page,
      (keyset) => this.service.people(ctx, summary.versionId, keyset),
      (p) => [p.createdAt, p.staffId],
      (p) => ({
        id: staffAcknowledgementId(summary.versionId ?? '', p.staffId),
        staffId: p.staffId,
        name: p.name,
        email: p.email,
        department: p.department,
        acknowledgedAt: p.acknowledgedAt,
        linkSentAt: p.linkSentAt,
      }),
      () => this.service.countPeople(ctx, summary.versionId),
    );
  }
}
