import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { Connection, paginate } from '@socle/platform-graphql';
import { badInput } from '@socle/platform-errors';
import {
  CrisisPauseObject,
  PublicationArgs,
  PublicationAttemptObject,
  PublicationConnection,
  PublicationIdInput,
  PublicationObject,
  PublicationPageArgs,
  RescheduleContentItemInput,
  ResumeAfterCrisisPauseInput,
  ResumeAfterCrisisPausePayload,
  ScheduleContentItemInput,
  SetCrisisPauseInput,
  toAttemptObject,
  toCrisisPauseObject,
  toPublicationObject,
  UnscheduleContentItemInput,
} from './publishing.dto';
import { PublishingService } from './publishing.service';

const MIN_TIME = Date.UTC(2000, 0, 1);
const MAX_TIME = Date.UTC(2200, 0, 1);

@Resolver(() => PublicationObject)
export class PublishingResolver {
  constructor(private readonly publishing: PublishingService) {}

  @Requires('content.read')
  @Query(() => PublicationConnection, { description: 'Publications by due time, filtered by item, status and/or a due range [from, to).' })
  async publications(@OrgCtx() ctx: OrganizationContext, @Args() args: PublicationPageArgs): Promise<Connection<PublicationObject>> {
    const problems = (['from', 'to'] as const).flatMap((name) => {
      const time = args[name]?.getTime();
      return time !== undefined && !(time >= MIN_TIME && time < MAX_TIME)
        ? [{ field: name, message: 'must be a date between the years 2000 and 2199' }]
        : [];
    });
    if (problems.length) throw badInput(problems);
    if (args.from && args.to && args.from >= args.to) throw badInput('to', 'must be after from');
    return paginate(
      args,
      (keyset) => this.publishing.page(ctx, { itemId: args.itemId, status: args.status, from: args.from, to: args.to }, keyset),
      (p) => [p.dueAt, p.id],
      toPublicationObject,
    );
  }

  @Requires('content.read')
  @Query(() => PublicationObject)
  async publication(@OrgCtx() ctx: OrganizationContext, @Args() args: PublicationArgs): Promise<PublicationObject> {
    return toPublicationObject(await this.publishing.get(ctx, args.id, 'id'));
  }

  @ResolveField(() => [PublicationAttemptObject], { description: 'Every attempt, oldest first.' })
  async attemptLog(@OrgCtx() ctx: OrganizationContext, @Parent() publication: PublicationObject): Promise<PublicationAttemptObject[]> {
    return (await this.publishing.attempts(ctx, publication.id)).map(toAttemptObject);
  }

  @Requires('content.schedule')
  @Mutation(() => [PublicationObject], {
    description: 'APPROVED → SCHEDULED: one publication per variant (of accountIds, or all) at dueAt. HELD at once during a crisis pause.',
  })
  async scheduleContentItem(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input') input: ScheduleContentItemInput,
  ): Promise<PublicationObject[]> {
    return (await this.publishing.schedule(ctx, input)).map(toPublicationObject);
  }

  @Requires('content.schedule')
  @Mutation(() => [PublicationObject], {
    description:
      'SCHEDULED → APPROVED; answers the publications cancelled. Refused while one is being sent (reason PUBLICATION_IN_PROGRESS).',
  })
  async unscheduleContentItem(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input') input: UnscheduleContentItemInput,
  ): Promise<PublicationObject[]> {
    return (await this.publishing.unschedule(ctx, input.itemId)).map(toPublicationObject);
  }

  @Requires('content.schedule')
  @Mutation(() => [PublicationObject], { description: 'Moves the scheduled (or held) publications of a scheduled item to dueAt.' })
  async rescheduleContentItem(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input') input: RescheduleContentItemInput,
  ): Promise<PublicationObject[]> {
    return (await this.publishing.reschedule(ctx, input.itemId, input.dueAt)).map(toPublicationObject);
  }

  @Requires('content.schedule')
  @Mutation(() => PublicationObject, {
    description: 'A FAILED or NEEDS_REAUTH publication is tried again now (reason PUBLICATION_NOT_RETRYABLE otherwise).',
  })
  async retryPublication(@OrgCtx() ctx: OrganizationContext, @Args('input') input: PublicationIdInput): Promise<PublicationObject> {
    return toPublicationObject(await this.publishing.retry(ctx, input.id));
  }

  @Requires('content.schedule')
  @Mutation(() => PublicationObject, {
    description: 'Deletes a published post at its network (when the connector can) and answers the publication with deletedAt.',
  })
  async deletePublishedPost(@OrgCtx() ctx: OrganizationContext, @Args('input') input: PublicationIdInput): Promise<PublicationObject> {
    return toPublicationObject(await this.publishing.deletePublished(ctx, input.id));
  }

  @Requires('content.read')
  @Query(() => CrisisPauseObject, { description: 'Whether publishing is paused, why, by whom, and what the pause holds.' })
  async crisisPause(@OrgCtx() ctx: OrganizationContext): Promise<CrisisPauseObject> {
    return toCrisisPauseObject(await this.publishing.crisisPause(ctx));
  }

  @Requires('content.crisisPause')
  @Mutation(() => CrisisPauseObject, { description: 'on: holds every scheduled publication at once (reason required); off: resumes.' })
  async setCrisisPause(@OrgCtx() ctx: OrganizationContext, @Args('input') input: SetCrisisPauseInput): Promise<CrisisPauseObject> {
    if (input.on) {
      if (!input.reason?.trim()) throw badInput('input.reason', 'say why publishing is paused');
      return toCrisisPauseObject(await this.publishing.startCrisisPause(ctx, input.reason.trim()));
    }
    return toCrisisPauseObject((await this.publishing.resumeAfterCrisisPause(ctx, null)).state);
  }

  @Requires('content.crisisPause')
  @Mutation(() => ResumeAfterCrisisPausePayload, {
    description: 'Ends the pause and releases what it held; overdue publications go at rescheduleOverdueTo when given, else at once.',
  })
  async resumeAfterCrisisPause(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input') input: ResumeAfterCrisisPauseInput,
  ): Promise<ResumeAfterCrisisPausePayload> {
    const { released, state } = await this.publishing.resumeAfterCrisisPause(ctx, input.rescheduleOverdueTo ?? null);
    return { released: released.map(toPublicationObject), crisisPause: toCrisisPauseObject(state) };
  }
}
