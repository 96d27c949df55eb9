import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { OrganizationContext, OrgCtx, RequestState, Requires } from '@socle/platform-auth';
import { forbidden } from '@socle/platform-errors';
import { Connection, PageArgs, paginate } from '@socle/platform-graphql';
import { ContentEditingService } from './content-editing.service';
import {
  CancelContentItemInput,
  ContentItemIdArgs,
  ContentItemInput,
  ContentItemPageArgs,
  CreateContentItemInput,
  RemoveContentVariantInput,
  SetContentVariantInput,
  SuggestContentIdeaInput,
  TriageContentIdeaInput,
  UpdateContentItemInput,
} from './dto/inputs';
import { toContentItem, toContentVariant } from './dto/mappers';
import { ContentItemConnection, ContentItemObject, ContentVariantObject, RemoveContentVariantPayload } from './dto/objects';

/** A content item with its variants when they were read with it (a page reads them in one statement). */
type ItemWithVariants = ContentItemObject & { preloaded?: ContentVariantObject[] };

@Resolver(() => ContentItemObject)
export class ContentItemResolver {
  constructor(private readonly content: ContentEditingService) {}

  @Requires('content.read')
  @Query(() => ContentItemObject, { nullable: true, description: 'One content item with its variants. NOT_FOUND for an unknown id.' })
  async contentItem(@OrgCtx() ctx: OrganizationContext, @Args() args: ContentItemIdArgs): Promise<ContentItemObject> {
    return toContentItem(await this.content.get(ctx, args.id));
  }

  @Requires('content.read')
  @Query(() => ContentItemConnection, {
    description: 'The organization’s content items, oldest first, optionally of one status and source.',
  })
  async contentItems(@OrgCtx() ctx: OrganizationContext, @Args() args: ContentItemPageArgs): Promise<Connection<ContentItemObject>> {
    const filter = { status: args.status, source: args.source };
    const connection = await paginate(
      args,
      (keyset) => this.content.page(ctx, keyset, filter),
      (i) => [i.createdAt, i.id],
      toContentItem,
      () => this.content.count(ctx, filter),
    );
    return this.withVariants(ctx, connection);
  }

  @Requires('content.suggest')
  @Query(() => ContentItemConnection, {
    description: 'The ideas the signed-in person suggested, oldest first, with the decision and its reason once triaged.',
  })
  async myContentSuggestions(@OrgCtx() ctx: OrganizationContext, @Args() page: PageArgs): Promise<Connection<ContentItemObject>> {
    const connection = await paginate(
      page,
      (keyset) => this.content.mySuggestions(ctx, keyset),
      (i) => [i.createdAt, i.id],
      toContentItem,
      () => this.content.countMySuggestions(ctx),
    );
    return this.withVariants(ctx, connection);
  }

  @ResolveField(() => [ContentVariantObject], { description: 'One variant per network account, oldest first.' })
  async variants(@Parent() item: ItemWithVariants, @Context('state') state: RequestState): Promise<ContentVariantObject[]> {
    if (item.preloaded) return item.preloaded;
    if (state.access?.level !== 'ORGANIZATION') throw forbidden('This field is read inside an organization.');
    return (await this.content.variants(state.access.context, [item.id])).map(toContentVariant);
  }

  @Requires('content.edit')
  @Mutation(() => ContentItemObject, {
    description:
      'A new content item written by the task force, in DRAFT. BAD_USER_INPUT (every problem at once) for a blank title, theme or campaign, or a plannedFor outside the years 2000 to 2199; NOT_FOUND on the field for an objective, segment or network plan not of the organization.',
  })
  async createContentItem(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The new item.' }) input: CreateContentItemInput,
  ): Promise<ContentItemObject> {
    return toContentItem(await this.content.create(ctx, input));
  }

  @Requires('content.edit')
  @Mutation(() => ContentItemObject, {
    description:
      'Edits an item (bumps its revision). An item IN_REVIEW, APPROVED, SCHEDULED or FAILED goes back to DRAFT; a published, publishing or cancelled one is refused (CONFLICT, reason CONTENT_NOT_EDITABLE). BAD_USER_INPUT when no field is given, and as createContentItem for the fields; NOT_FOUND for an unknown item or reference.',
  })
  async updateContentItem(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The item and the fields to change.' }) input: UpdateContentItemInput,
  ): Promise<ContentItemObject> {
    const { id, ...patch } = input;
    return toContentItem(await this.content.update(ctx, id, patch));
  }

  @Requires('content.edit')
  @Mutation(() => ContentVariantObject, {
    description:
      'Writes the item’s variant for a network account (replacing the one it had), checked against the network’s limits and the content rules: see findings. Sends a reviewed item back to DRAFT like updateContentItem. CONFLICT (reason CONTENT_NOT_EDITABLE) for an item published, being published or cancelled; NOT_FOUND on the field for an unknown item, network account or media asset.',
  })
  async setVariant(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The item, the network account and the variant’s content.' }) input: SetContentVariantInput,
  ): Promise<ContentVariantObject> {
    return toContentVariant(await this.content.setVariant(ctx, input));
  }

  @Requires('content.edit')
  @Mutation(() => RemoveContentVariantPayload, {
    description:
      'Removes a variant. Sends a reviewed item back to DRAFT like updateContentItem. CONFLICT (reason CONTENT_NOT_EDITABLE) for an item published, being published or cancelled; NOT_FOUND for an unknown variant.',
  })
  async removeVariant(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The variant to remove.' }) input: RemoveContentVariantInput,
  ): Promise<RemoveContentVariantPayload> {
    const removed = await this.content.removeVariant(ctx, input.id);
    return { id: removed.id, item: toContentItem(removed.item) };
  }

  @Requires('content.edit')
  @Mutation(() => ContentItemObject, {
    description:
      'DRAFT → IN_REVIEW. Refused (CONFLICT, reason CONTENT_TRANSITION_NOT_ALLOWED) when the item is not a DRAFT; (BAD_USER_INPUT) with reason NO_VARIANT when the item has no variant, or CONTENT_BLOCKED and `extensions.findings` when a variant has a BLOCK finding.',
  })
  async submitContentItem(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The item to submit.' }) input: ContentItemInput,
  ): Promise<ContentItemObject> {
    return toContentItem(await this.content.submit(ctx, input.id));
  }

  @Requires('content.edit')
  @Mutation(() => ContentItemObject, {
    description:
      'Cancels an item (final) and its pending publications. Refused while it is PUBLISHING or once CANCELLED (CONFLICT, reason CONTENT_TRANSITION_NOT_ALLOWED); NOT_FOUND for an unknown id. Cancelling a PUBLISHED item does not remove the posts already out.',
  })
  async cancelContentItem(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The item to cancel, and why.' }) input: CancelContentItemInput,
  ): Promise<ContentItemObject> {
    return toContentItem(await this.content.cancel(ctx, input.id, input.reason));
  }

  @Requires('content.suggest')
  @Mutation(() => ContentItemObject, {
    description:
      'The suggestion box: any member suggests a content idea (status IDEA) for the content lead to triage. BAD_USER_INPUT for a blank title or theme; FORBIDDEN when the caller is not a person (an API key).',
  })
  async suggestContentIdea(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The idea.' }) input: SuggestContentIdeaInput,
  ): Promise<ContentItemObject> {
    return toContentItem(await this.content.suggest(ctx, input));
  }

  @Requires('content.triage')
  @Mutation(() => ContentItemObject, {
    description:
      'Accepts a suggested idea (it becomes a DRAFT) or declines it with a reason its suggester sees (it is CANCELLED). BAD_USER_INPUT (input.reason) to decline without a reason; CONFLICT (reason CONTENT_TRANSITION_NOT_ALLOWED) when the item is not an IDEA; NOT_FOUND for an unknown item.',
  })
  async triageContentIdea(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The idea and the decision.' }) input: TriageContentIdeaInput,
  ): Promise<ContentItemObject> {
    return toContentItem(await this.content.triage(ctx, input));
  }

  /** Every item's variants in one statement. */
  private async withVariants(ctx: OrganizationContext, connection: Connection<ContentItemObject>): Promise<Connection<ContentItemObject>> {
    const variants = await this.content.variants(
      ctx,
      connection.edges.map((e) => e.node.id),
    );
    for (const edge of connection.edges) {
      (edge.node as ItemWithVariants).preloaded = variants.filter((v) => v.itemId === edge.node.id).map(toContentVariant);
    }
    return connection;
  }
}
