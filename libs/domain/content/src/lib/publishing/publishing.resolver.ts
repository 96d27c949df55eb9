import { Args, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { Connection, paginate } from '@socle/platform-graphql';
import { LiveEvent, LiveEvents } from '@socle/platform-queue';
import { badInput } from '@socle/platform-errors';
import {
  CrisisPauseObject,
  PublicationArgs,
  PublicationAttemptObject,
  PublicationChangedArgs,
  PublicationConnection,
  PublicationEventObject,
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
  toPublicationEventObject,
  toPublicationObject,
  UnscheduleContentItemInput,
} from './publishing.dto';
import { PUBLICATION_TOPIC } from './publication.repository';
import { PublishingService } from './publishing.service';

const MIN_TIME = Date.UTC(2000, 0, 1);
const MAX_TIME = Date.UTC(2200, 0, 1);

@Resolver(() => PublicationObject)
export class PublishingResolver {
  constructor(
    private readonly publishing: PublishingService,
    private readonly live: LiveEvents,
  ) {}

  @Requires('content.read')
  @Subscription(() => PublicationEventObject, {
    description:
      'Publications of the connection’s organization (or of one content item) as they are created and their status moves (over graphql-ws).',
    resolve: (event: LiveEvent) => toPublicationEventObject(event),
  })
  publicationChanged(@OrgCtx() ctx: OrganizationContext, @Args() args: PublicationChangedArgs): Promise<AsyncIterableIterator<LiveEvent>> {
    const itemId = args.itemId?.toLowerCase();
    return this.live.listen(ctx.organizationId, PUBLICATION_TOPIC, (event) => !itemId || event.fields.itemId === itemId);
  }

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
    const filter = { itemId: args.itemId, status: args.status, from: args.from, to: args.to };
    return paginate(
      args,
      (keyset) => this.publishing.page(ctx, filter, keyset),
      (p) => [p.dueAt, p.id],
      toPublicationObject,
      () => this.publishing.count(ctx, filter),
    );
  }

  @Requires('content.read')
  @Query(() => PublicationObject, { nullable: true, description: 'One publication, with its attempts. NOT_FOUND for an unknown id.' })
  async publication(@OrgCtx() ctx: OrganizationContext, @Args() args: PublicationArgs): Promise<PublicationObject> {
    return toPublicationObject(await this.publishing.get(ctx, args.id, 'id'));
  }

  @ResolveField(() => [PublicationAttemptObject], { description: 'Every attempt, oldest first.' })
  async attemptLog(@OrgCtx() ctx: OrganizationContext, @Parent() publication: PublicationObject): Promise<PublicationAttemptObject[]> {
    return (await this.publishing.attempts(ctx, publication.id)).map(toAttemptObject);
  }

  @Requires('content.schedule')
  @Mutation(() => [PublicationObject], {
    description:
      'APPROVED → SCHEDULED: one publication per variant (of accountIds, or all) at dueAt. HELD at once during a crisis pause. BAD_USER_INPUT (one problem per field) when dueAt is past or more than two years ahead, an account has no variant or is given twice, an account must be reconnected, cannot publish or carry the variant’s media, or a variant has BLOCK findings; CONFLICT (reason CONTENT_TRANSITION_NOT_ALLOWED) when the item is not APPROVED; NOT_FOUND for an unknown item.',
  })
  async scheduleContentItem(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The item, the due time and the accounts.' }) input: ScheduleContentItemInput,
  ): Promise<PublicationObject[]> {
    return (await this.publishing.schedule(ctx, input)).map(toPublicationObject);
  }

  @Requires('content.schedule')
  @Mutation(() => [PublicationObject], {
    description:
      'SCHEDULED → APPROVED; answers the publications cancelled. Refused while one is being sent (CONFLICT, reason PUBLICATION_IN_PROGRESS); CONFLICT (reason CONTENT_TRANSITION_NOT_ALLOWED) when the item is not SCHEDULED.',
  })
  async unscheduleContentItem(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The item to unschedule.' }) input: UnscheduleContentItemInput,
  ): Promise<PublicationObject[]> {
    return (await this.publishing.unschedule(ctx, input.itemId)).map(toPublicationObject);
  }

  @Requires('content.schedule')
  @Mutation(() => [PublicationObject], {
    description:
      'Moves the scheduled (or held) publications of a scheduled item to dueAt. BAD_USER_INPUT when dueAt is past or more than two years ahead; CONFLICT (reason CONTENT_TRANSITION_NOT_ALLOWED) when the item is not SCHEDULED or has no publication waiting.',
  })
  async rescheduleContentItem(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The item and its new due time.' }) input: RescheduleContentItemInput,
  ): Promise<PublicationObject[]> {
    return (await this.publishing.reschedule(ctx, input.itemId, input.dueAt)).map(toPublicationObject);
  }

  @Requires('content.schedule')
  @Mutation(() => PublicationObject, {
    description:
      'A FAILED or NEEDS_REAUTH publication is tried again now (CONFLICT, reason PUBLICATION_NOT_RETRYABLE otherwise). BAD_USER_INPUT when its variant or account is gone; CONFLICT (reason CONTENT_TRANSITION_NOT_ALLOWED) when its item is no longer scheduled or failed.',
  })
  async retryPublication(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The publication to retry.' }) input: PublicationIdInput,
  ): Promise<PublicationObject> {
    return toPublicationObject(await this.publishing.retry(ctx, input.id));
  }

  @Requires('content.schedule')
  @Mutation(() => PublicationObject, {
    description:
      'Deletes a published post at its network (when the connector can) and answers the publication with deletedAt. CONFLICT with reason PUBLICATION_NOT_PUBLISHED (not published, or already deleted) or NETWORK_REFUSED; BAD_USER_INPUT when the account is disconnected or the network cannot delete posts; RATE_LIMITED or UPSTREAM_UNAVAILABLE when the network does not answer properly.',
  })
  async deletePublishedPost(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The publication whose post to delete.' }) input: PublicationIdInput,
  ): Promise<PublicationObject> {
    return toPublicationObject(await this.publishing.deletePublished(ctx, input.id));
  }

  @Requires('content.read')
  @Query(() => CrisisPauseObject, { description: 'Whether publishing is paused, why, by whom, and what the pause holds.' })
  async crisisPause(@OrgCtx() ctx: OrganizationContext): Promise<CrisisPauseObject> {
    return toCrisisPauseObject(ctx.organizationId, await this.publishing.crisisPause(ctx));
  }

  @Requires('content.crisisPause')
  @Mutation(() => CrisisPauseObject, {
    description:
      'on: holds every scheduled publication at once (reason required: BAD_USER_INPUT otherwise); off: resumes. CONFLICT with reason CRISIS_PAUSE_ALREADY_ON or CRISIS_PAUSE_NOT_ON when it already is in the state asked.',
  })
  async setCrisisPause(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'On or off, and why.' }) input: SetCrisisPauseInput,
  ): Promise<CrisisPauseObject> {
    if (input.on) {
      if (!input.reason?.trim()) throw badInput('input.reason', 'say why publishing is paused');
      return toCrisisPauseObject(ctx.organizationId, await this.publishing.startCrisisPause(ctx, input.reason.trim()));
    }
    return toCrisisPauseObject(ctx.organizationId, (await this.publishing.resumeAfterCrisisPause(ctx, null)).state);
  }

  @Requires('content.crisisPause')
  @Mutation(() => ResumeAfterCrisisPausePayload, {
    description:
      'Ends the pause and releases what it held; overdue publications go at rescheduleOverdueTo when given, else at once. CONFLICT (reason CRISIS_PAUSE_NOT_ON) when publishing is not paused; BAD_USER_INPUT when rescheduleOverdueTo is past or more than two years ahead.',
  })
  async resumeAfterCrisisPause(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'When overdue publications go out.' }) input: ResumeAfterCrisisPauseInput,
  ): Promise<ResumeAfterCrisisPausePayload> {
    const { released, state } = await this.publishing.resumeAfterCrisisPause(ctx, input.rescheduleOverdueTo ?? null);
    return { released: released.map(toPublicationObject), crisisPause: toCrisisPauseObject(ctx.organizationId, state) };
  }
}
