import { Args, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, Requires } from '@socle/platform-auth';
import { Connection, paginate } from '@socle/platform-graphql';
import { LiveEvent, LiveEvents } from '@socle/platform-queue';
import {
  AddInboxNoteInput,
  AssignInboxItemInput,
  DismissInboxItemInput,
  EscalateInboxItemInput,
  InboxItemArgs,
  InboxItemConnection,
  InboxItemEventObject,
  InboxItemObject,
  InboxNoteObject,
  InboxPageArgs,
  InboxReplyObject,
  InboxReplyTemplateObject,
  ReplyTemplatesArgs,
  ReplyToInboxItemInput,
  SetInboxItemSeverityInput,
  toInboxItemEventObject,
  toInboxItemObject,
  toInboxNoteObject,
  toInboxReplyObject,
} from './inbox.dto';
import { InboxScheduler } from './inbox.jobs';
import { INBOX_ITEM_TOPIC } from './inbox.repository';
import { InboxService } from './inbox.service';
import type { InboxItem } from './inbox.types';

@Resolver(() => InboxItemObject)
export class InboxResolver {
  constructor(
    private readonly inbox: InboxService,
    private readonly scheduler: InboxScheduler,
    private readonly live: LiveEvents,
  ) {}

  @Requires('inbox.read')
  @Subscription(() => InboxItemEventObject, {
    description:
      'Inbox items of the connection’s organization as they change: new ones, and moves of status, assignment or severity (over graphql-ws).',
    resolve: (event: LiveEvent) => toInboxItemEventObject(event),
  })
  inboxItemChanged(@OrgCtx() ctx: OrganizationContext): Promise<AsyncIterableIterator<LiveEvent>> {
    return this.live.listen(ctx.organizationId, INBOX_ITEM_TOPIC);
  }

  @Requires('inbox.read')
  @Query(() => InboxItemConnection, {
    description: 'The social inbox, newest first, filtered by status, severity, assignee and/or overdue.',
  })
  async inboxItems(@OrgCtx() ctx: OrganizationContext, @Args() args: InboxPageArgs): Promise<Connection<InboxItemObject>> {
    const filter = {
      status: args.status,
      severity: args.severity as InboxItem['severity'] | undefined,
      assigneeId: args.assigneeId,
      overdue: args.overdue,
    };
    return paginate(
      args,
      (keyset) => this.inbox.page(ctx, filter, keyset),
      (item: InboxItem) => [item.receivedAt, item.id],
      toInboxItemObject,
      () => this.inbox.count(ctx, filter),
    );
  }

  @Requires('inbox.read')
  @Query(() => InboxItemObject, { nullable: true, description: 'One item of the social inbox. NOT_FOUND for an unknown id.' })
  async inboxItem(@OrgCtx() ctx: OrganizationContext, @Args() args: InboxItemArgs): Promise<InboxItemObject> {
    return toInboxItemObject(await this.inbox.get(ctx, args.id, 'id'));
  }

  @Requires('inbox.read')
  @Query(() => [InboxReplyTemplateObject], {
    description: 'Reply templates from the comment-handling rules (for a network and severity, or all).',
  })
  async replyTemplates(@OrgCtx() ctx: OrganizationContext, @Args() args: ReplyTemplatesArgs): Promise<InboxReplyTemplateObject[]> {
    return this.inbox.replyTemplates(ctx, args.network ?? null, (args.severity as InboxItem['severity'] | undefined) ?? null);
  }

  @ResolveField(() => [InboxNoteObject], { description: 'Internal notes, oldest first.' })
  async notes(@OrgCtx() ctx: OrganizationContext, @Parent() item: InboxItemObject): Promise<InboxNoteObject[]> {
    return (await this.inbox.notes(ctx, item.id)).map(toInboxNoteObject);
  }

  @ResolveField(() => [InboxReplyObject], { description: 'Replies, oldest first.' })
  async replies(@OrgCtx() ctx: OrganizationContext, @Parent() item: InboxItemObject): Promise<InboxReplyObject[]> {
    return (await this.inbox.replies(ctx, item.id)).map(toInboxReplyObject);
  }

  @Requires('inbox.handle')
  @Mutation(() => InboxItemObject, {
    description:
      'Assigns the item to a member (NEW, ASSIGNED or ESCALATED → ASSIGNED). BAD_USER_INPUT (input.assigneeId) for someone who is not a member; CONFLICT (reason INBOX_TRANSITION_NOT_ALLOWED) for an answered or dismissed item; NOT_FOUND for an unknown item.',
  })
  async assignInboxItem(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The item and the member.' }) input: AssignInboxItemInput,
  ): Promise<InboxItemObject> {
    return toInboxItemObject(await this.inbox.assign(ctx, input.id, input.assigneeId));
  }

  @Requires('inbox.handle')
  @Mutation(() => InboxNoteObject, { description: 'Adds an internal note. NOT_FOUND for an unknown item.' })
  async addInboxNote(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The item and the note.' }) input: AddInboxNoteInput,
  ): Promise<InboxNoteObject> {
    return toInboxNoteObject(await this.inbox.addNote(ctx, input.itemId, input.text));
  }

  @Requires('inbox.handle')
  @Mutation(() => InboxItemObject, {
    description:
      'Answers on the network (once: of two people answering at once one wins, the other gets CONFLICT INBOX_ALREADY_ANSWERED). ' +
      'After a passing network failure the reply stays PENDING and the worker sends it again with the same key. Also CONFLICT with reason INBOX_TRANSITION_NOT_ALLOWED (item dismissed or answered) or INBOX_CANNOT_REPLY (account disconnected or its network cannot reply); BAD_USER_INPUT (input.text) beyond the network’s limits or refused by the network; NOT_FOUND for an unknown item.',
  })
  async replyToInboxItem(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The item and the answer.' }) input: ReplyToInboxItemInput,
  ): Promise<InboxItemObject> {
    return toInboxItemObject(await this.inbox.reply(ctx, input.itemId, input.text));
  }

  @Requires('inbox.handle')
  @Mutation(() => InboxItemObject, {
    description:
      'Nothing to answer (NEW, ASSIGNED or ESCALATED → DISMISSED). CONFLICT (reason INBOX_TRANSITION_NOT_ALLOWED) otherwise; NOT_FOUND for an unknown item.',
  })
  async dismissInboxItem(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The item and an optional reason.' }) input: DismissInboxItemInput,
  ): Promise<InboxItemObject> {
    return toInboxItemObject(await this.inbox.dismiss(ctx, input.id, input.reason ?? null));
  }

  @Requires('inbox.handle')
  @Mutation(() => InboxItemObject, {
    description:
      'Hands the item to a role (NEW or ASSIGNED → ESCALATED). CONFLICT (reason INBOX_TRANSITION_NOT_ALLOWED) otherwise; NOT_FOUND for an unknown item.',
  })
  async escalateInboxItem(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The item, the role and an optional reason.' }) input: EscalateInboxItemInput,
  ): Promise<InboxItemObject> {
    return toInboxItemObject(await this.inbox.escalate(ctx, input.id, input.role ?? null, input.reason ?? null));
  }

  @Requires('inbox.handle')
  @Mutation(() => InboxItemObject, {
    description:
      'Reclassifies the item (LOW, NORMAL, HIGH, CRISIS): its due time is counted again from when it was received, under that severity’s rule, ' +
      'and the rule’s role becomes responsible. `version` is the item’s as read (of two people at once one wins, the other gets CONFLICT ' +
      'INBOX_ITEM_CHANGED); an ANSWERED or DISMISSED item is refused (CONFLICT INBOX_ITEM_CLOSED).',
  })
  async setInboxItemSeverity(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The item, its severity and its version as read.' }) input: SetInboxItemSeverityInput,
  ): Promise<InboxItemObject> {
    return toInboxItemObject(await this.inbox.setSeverity(ctx, input.id, input.severity as InboxItem['severity'], input.version));
  }

  @Requires('inbox.handle')
  @Mutation(() => Boolean, {
    description: 'Fetches the comments on the organization’s published posts now (in the worker). Answers true once queued.',
  })
  async refreshInbox(@OrgCtx() ctx: OrganizationContext): Promise<boolean> {
    await this.scheduler.fetchNow(ctx.organizationId);
    return true;
  }
}
