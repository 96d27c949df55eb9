import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { LocaleEnum } from '@socle/accounts';
import { OrganizationContext, OrgCtx, RequestState, Requires } from '@socle/platform-auth';
import { isUuid } from '@socle/platform-database';
import { badInput, notFound } from '@socle/platform-errors';
import { Connection, derivedId, paginate } from '@socle/platform-graphql';
import {
  NewsletterSubscriberConnection,
  NewsletterSubscriberCountsObject,
  NewsletterSubscriberObject,
  NewsletterSubscribersArgs,
  NewsletterListEnum,
  NewsletterSubscriberStateEnum,
  PressReleaseConnection,
  PressReleaseObject,
  PressReleasesArgs,
  PressReleaseStatusEnum,
  PressRoomDomainStatusEnum,
  PressRoomObject,
  PublishPressReleaseInput,
  UpdatePressRoomInput,
  VerifyPressRoomDomainInput,
  WithdrawPressReleaseInput,
} from './dto/press-room.dto';
import { NewsletterRepository, SubscriberEntity } from './newsletter.repository';
import { PressReleaseEntity, ReleaseFilter } from './press-release.repository';
import { PressReleaseService } from './press-release.service';
import { PressRoomEntity } from './press-room.repository';
import { PressRoomService, RoomView } from './press-room.service';

/** Who changes the press room: content and strategy leads, and the agency's owners and admins (the triage matrix row). */
const MANAGE = 'content.triage' as const;
const READ = 'content.read' as const;

const STATUS_FILTER: Record<PressReleaseStatusEnum, ReleaseFilter> = {
  SCHEDULED: 'SCHEDULED',
  PUBLISHED: 'PUBLIC',
  WITHDRAWN: 'WITHDRAWN',
};

/**
 * The press room for members: its settings (`pressRoom`, `updatePressRoom`, `verifyPressRoomDomain`), its releases
 * and its newsletter's subscribers. Any member reads; the content lead, the strategy lead and the agency's owners and
 * admins change it. Subscribers' addresses are shown to those people only (never to an API key): personal data.
 */
@Resolver()
export class PressRoomResolver {
  constructor(
    private readonly rooms: PressRoomService,
    private readonly releases: PressReleaseService,
    private readonly subscribers: NewsletterRepository,
  ) {}

  private roomObject(view: RoomView): PressRoomObject {
    const { room } = view;
    return {
      id: room.id,
      slug: room.slug,
      title: room.title,
      description: room.description,
      enabled: room.enabled,
      language: room.language === 'en' ? LocaleEnum.EN : LocaleEnum.FR,
      blogDigest: room.blogDigest,
      url: this.rooms.roomUrl(room),
      customDomain:
        room.customDomain && room.domainChallenge
          ? {
              id: derivedId('PressRoomDomain', room.organizationId, room.customDomain),
              host: room.customDomain,
              status: room.domainVerifiedAt
                ? PressRoomDomainStatusEnum.VERIFIED
                : room.domainCheckError
                  ? PressRoomDomainStatusEnum.FAILED
                  : PressRoomDomainStatusEnum.PENDING,
              recordName: this.rooms.recordName(room.customDomain),
              recordValue: room.domainChallenge,
              claimedAt: room.domainClaimedAt ?? room.updatedAt,
              verifiedAt: room.domainVerifiedAt,
              checkedAt: room.domainCheckedAt,
              checkError: room.domainCheckError,
            }
          : null,
      contacts: view.contacts.map((c) => ({ id: c.id, name: c.name, role: c.role, email: c.email, phone: c.phone })),
      mediaKit: view.mediaKit.map((e) => ({
        id: e.id,
        mediaAssetId: e.mediaAssetId,
        caption: e.caption,
        credit: e.credit,
        publicUrl: this.rooms.mediaUrl(room, e.mediaAssetId),
      })),
      createdAt: room.createdAt,
      updatedAt: room.updatedAt,
    };
  }

  private releaseObject(room: PressRoomEntity, release: PressReleaseEntity, now = Date.now()): PressReleaseObject {
    const status = release.withdrawnAt
      ? PressReleaseStatusEnum.WITHDRAWN
      : release.publishAt.getTime() > now
        ? PressReleaseStatusEnum.SCHEDULED
        : PressReleaseStatusEnum.PUBLISHED;
    return {
      id: release.id,
      itemId: release.itemId,
      slug: release.slug,
      title: release.title,
      summary: release.summary,
      bodyHtml: release.bodyHtml,
      mediaAssetIds: release.mediaIds,
      publishAt: release.publishAt,
      withdrawnAt: release.withdrawnAt,
      status,
      isPublic: status === PressReleaseStatusEnum.PUBLISHED && room.enabled,
      url: this.rooms.releaseUrl(room, release.slug),
      newsletterSentAt: release.digestDoneAt,
      createdAt: release.createdAt,
    };
  }

  @Requires(READ)
  @Query(() => PressRoomObject, { nullable: true, description: 'The organization’s press room; null until it is first saved.' })
  async pressRoom(@OrgCtx() ctx: OrganizationContext): Promise<PressRoomObject | null> {
    const view = await this.rooms.view(ctx);
    return view ? this.roomObject(view) : null;
  }

  @Requires(MANAGE)
  @Mutation(() => PressRoomObject, {
    description:
      'Creates or changes the press room. BAD_USER_INPUT (every problem at once) for a malformed slug, title, domain, contact or a duplicate media kit asset; NOT_FOUND (on the field) for a media asset not of the organization; CONFLICT with reason PRESS_ROOM_SLUG_TAKEN or PRESS_ROOM_DOMAIN_TAKEN when another press room holds the slug or the domain.',
  })
  async updatePressRoom(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The changes.' }) input: UpdatePressRoomInput,
  ): Promise<PressRoomObject> {
    return this.roomObject(
      await this.rooms.update(ctx, {
        ...input,
        language: input.language === undefined || input.language === null ? undefined : input.language === LocaleEnum.EN ? 'en' : 'fr',
      }),
    );
  }

  @Requires(MANAGE)
  @Mutation(() => PressRoomObject, {
    description:
      'Looks now for the TXT record `_socle-press.<domain>` holding the value shown; found, the domain serves the press room. The result is in `customDomain` (VERIFIED, or FAILED with `checkError`). CONFLICT with reason PRESS_ROOM_DOMAIN_CHANGED when the room does not claim this domain, PRESS_ROOM_DOMAIN_TAKEN when another room verified it first.',
  })
  async verifyPressRoomDomain(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The domain to check.' }) input: VerifyPressRoomDomainInput,
  ): Promise<PressRoomObject> {
    return this.roomObject(await this.rooms.verifyDomain(ctx, input.domain));
  }

  @Requires(READ)
  @Query(() => PressReleaseConnection, {
    description: 'The press room’s releases, latest publication time first; an empty list while the press room is not set up.',
  })
  async pressReleases(@OrgCtx() ctx: OrganizationContext, @Args() args: PressReleasesArgs): Promise<Connection<PressReleaseObject>> {
    // A list answers empty rather than failing: no room, no release (a release needs its room).
    const room = await this.rooms.find(ctx);
    const filter: ReleaseFilter = args.status ? STATUS_FILTER[args.status] : 'ALL';
    const now = Date.now();
    return paginate(
      args,
      (keyset) => (room ? this.releases.page(ctx, keyset, filter) : Promise.resolve([])),
      (r) => [r.publishAt, r.id],
      (r) => this.releaseObject(room as PressRoomEntity, r, now),
      () => (room ? this.releases.count(ctx, filter) : Promise.resolve(0)),
    );
  }

  @Requires(READ)
  @Query(() => PressReleaseObject, { nullable: true, description: 'One release of the press room. NOT_FOUND for an unknown id.' })
  async pressRelease(
    @OrgCtx() ctx: OrganizationContext,
    @Args('id', { type: () => ID, description: 'Identifier of the release.' }) id: string,
  ): Promise<PressReleaseObject> {
    if (!isUuid(id)) throw badInput('id', 'must be a press release id');
    const room = await this.rooms.require(ctx);
    const release = await this.releases.get(ctx, id);
    if (!release) throw notFound('Press release', id);
    return this.releaseObject(room, release);
  }

  @Requires(MANAGE)
  @Mutation(() => PressReleaseObject, {
    description:
      'Publishes an APPROVED, SCHEDULED or PUBLISHED content item as a release: its long-form variant (title, HTML, excerpt) when it has one, else its title and brief. Public at `publishAt` (now by default) while the room is enabled. NOT_FOUND for an item not of the organization or no press room; CONFLICT with reason PRESS_RELEASE_ITEM_NOT_READY, PRESS_RELEASE_EXISTS or PRESS_RELEASE_SLUG_TAKEN.',
  })
  async publishPressRelease(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The item and, optionally, the slug and time.' }) input: PublishPressReleaseInput,
  ): Promise<PressReleaseObject> {
    const release = await this.releases.publish(ctx, input);
    return this.releaseObject(await this.rooms.require(ctx), release);
  }

  @Requires(MANAGE)
  @Mutation(() => PressReleaseObject, {
    description:
      'Withdraws a release: its address answers 404 from now on and its newsletter mails not yet sent are cancelled. NOT_FOUND for an unknown id.',
  })
  async withdrawPressRelease(
    @OrgCtx() ctx: OrganizationContext,
    @Args('input', { description: 'The release.' }) input: WithdrawPressReleaseInput,
  ): Promise<PressReleaseObject> {
    const release = await this.releases.withdraw(ctx, input.id);
    return this.releaseObject(await this.rooms.require(ctx), release);
  }

  @Requires(READ)
  @Query(() => NewsletterSubscriberConnection, {
    description:
      'The newsletter’s subscribers, oldest first, optionally of one state. Addresses and names are null unless the caller is a content or strategy lead or an agency owner or admin (never for an API key).',
  })
  async newsletterSubscribers(
    @OrgCtx() ctx: OrganizationContext,
    @Context('state') state: RequestState,
    @Args() args: NewsletterSubscribersArgs,
  ): Promise<Connection<NewsletterSubscriberObject>> {
    const visible = state.principal.kind === 'user' && state.access?.permissions.has(MANAGE) === true;
    const filter = args.state ?? null;
    const toObject = (s: SubscriberEntity): NewsletterSubscriberObject => ({
      id: s.id,
      email: visible ? s.email : null,
      name: visible ? s.name : null,
      state: s.state as NewsletterSubscriberStateEnum,
      lists: s.lists as NewsletterListEnum[],
      createdAt: s.createdAt,
      confirmedAt: s.confirmedAt,
      unsubscribedAt: s.unsubscribedAt,
    });
    return paginate(
      args,
      (keyset) => this.subscribers.page(ctx.uow, keyset, filter),
      (s) => [s.createdAt, s.id],
      toObject,
      () => this.subscribers.count(ctx.uow, filter),
    );
  }

  @Requires(READ)
  @Query(() => NewsletterSubscriberCountsObject, { description: 'How many newsletter subscribers are in each state.' })
  async newsletterSubscriberCounts(@OrgCtx() ctx: OrganizationContext): Promise<NewsletterSubscriberCountsObject> {
    const counts = await this.subscribers.counts(ctx.uow);
    return { pending: counts.PENDING, confirmed: counts.CONFIRMED, unsubscribed: counts.UNSUBSCRIBED };
  }
}
