import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { ContentCtx, MediaAssetEntity, MediaAssetService } from '@socle/content';
import { isUuid, OrganizationUnitOfWork, UnitOfWorkFactory } from '@socle/platform-database';
import { roomSlugProblem } from '../addresses';
import { PressReleaseRepository } from '../press-release.repository';
import { OrganizationFacts, PressRoomEntity, PressRoomRepository } from '../press-room.repository';
import { PressRoomService } from '../press-room.service';
import { HOST_ROOM } from './custom-domains';
import { atomFeed, archivePage, homePage, PageLinks, PageMedia, PageRoom, releasePage, rssFeed, sitemap } from './render';

/** The reader of a public page: no account, so the platform reads on their behalf. */
const PUBLIC_ACTOR = { type: 'SYSTEM', id: null } as const;

/** Releases on the home page, per archive page, in the feeds and in the sitemap. */
export const HOME_RELEASES = 10;
export const ARCHIVE_PAGE_SIZE = 20;
export const FEED_RELEASES = 20;
export const SITEMAP_RELEASES = 5000;
export const MAX_ARCHIVE_PAGE = 10_000;

/** Where a public request is: the room's organisation, and the custom domain it came by (null on the platform's path). */
export interface RoomAddress {
  organizationId: string;
  host: string | null;
}

/** One public page's room, read inside its organisation. */
export interface Site {
  uow: OrganizationUnitOfWork;
  ctx: ContentCtx;
  room: PressRoomEntity;
  organization: OrganizationFacts;
  page: PageRoom;
  links: PageLinks;
}

export interface Rendered {
  type: string;
  body: string;
  /** Seconds a shared cache may keep it. */
  maxAge: number;
}

/**
 * What the public pages read: the room is found by its slug or verified custom domain through a platform-level
 * look-up that answers an enabled room's organisation and nothing else, then everything is read inside that
 * organisation (row-level security applying), public releases only: not withdrawn, time come.
 */
@Injectable()
export class PublicSiteService {
  constructor(
    private readonly units: UnitOfWorkFactory,
    private readonly rooms: PressRoomRepository,
    private readonly releases: PressReleaseRepository,
    private readonly settings: PressRoomService,
    private readonly media: MediaAssetService,
  ) {}

  /** The room a request names: by its slug in the path, or (`_`) by the custom domain the request came by. Null: 404. */
  async locate(roomParam: string, host: string | null): Promise<RoomAddress | null> {
    if (roomParam === HOST_ROOM) {
      if (!host) return null;
      const organizationId = await this.units.read({}, (uow) => this.rooms.organizationAtHost(uow, host));
      return organizationId ? { organizationId, host } : null;
    }
    if (typeof roomParam !== 'string' || roomSlugProblem(roomParam)) return null;
    const organizationId = await this.units.read({}, (uow) => this.rooms.organizationAtSlug(uow, roomParam));
    return organizationId ? { organizationId, host: null } : null;
  }

  /** Runs `work` inside the room's organisation (read-only) while the room is enabled; null when it is not (any more). */
  async inRoom<T>(
    address: RoomAddress,
    work: (site: Site) => Promise<T | null>,
    options: { enabledOnly?: boolean } = {},
  ): Promise<T | null> {
    return this.units.runInOrganization(address.organizationId, async (uow) => {
      uow.markReadOnly();
      const room = await this.rooms.find(uow);
      if (!room || ((options.enabledOnly ?? true) && !room.enabled)) return null;
      if (address.host && (room.customDomain !== address.host || !room.domainVerifiedAt)) return null;
      const organization = await this.rooms.organization(uow);
      const site: Site = {
        uow,
        ctx: { uow, organizationId: uow.organizationId, actor: PUBLIC_ACTOR },
        room,
        organization,
        page: {
          title: room.title,
          description: room.description,
          language: room.language,
          timezone: organization.timezone,
          blogDigest: room.blogDigest,
        },
        links: { base: address.host ? '' : `/press/${room.slug}`, absolute: this.settings.roomUrl(room) },
      };
      return work(site);
    });
  }

  private async mediaOf(
    site: Site,
    ids: readonly string[],
    captions = new Map<string, { caption: string; credit: string }>(),
  ): Promise<PageMedia[]> {
    const out: PageMedia[] = [];
    for (const id of ids) {
      const asset: MediaAssetEntity | null = await this.media.find(site.ctx, id);
      if (!asset) continue; // deleted from the library since: not shown
      const words = captions.get(id);
      out.push({
        id: asset.id,
        kind: asset.kind,
        contentType: asset.contentType,
        width: asset.width,
        height: asset.height,
        byteSize: asset.byteSize,
        durationMs: asset.durationMs,
        caption: words?.caption ?? '',
        credit: words?.credit ?? '',
      });
    }
    return out;
  }

  home(address: RoomAddress, now = new Date()): Promise<Rendered | null> {
    return this.inRoom(address, async (site) => {
      const [listed, kit, contacts] = await Promise.all([
        this.releases.publicPage(site.uow, now, HOME_RELEASES + 1, 0),
        this.rooms.mediaKit(site.uow),
        this.rooms.contacts(site.uow),
      ]);
      const media = await this.mediaOf(
        site,
        kit.map((e) => e.mediaAssetId),
        new Map(kit.map((e) => [e.mediaAssetId, { caption: e.caption, credit: e.credit }])),
      );
      return {
        type: 'text/html; charset=utf-8',
        maxAge: 60,
        body: homePage(site.page, site.links, {
          releases: listed.slice(0, HOME_RELEASES),
          more: listed.length > HOME_RELEASES,
          kit: media,
          contacts,
        }),
      };
    });
  }

  release(address: RoomAddress, slug: string, now = new Date()): Promise<Rendered | null> {
    if (typeof slug !== 'string' || !/^[a-z0-9-]{1,100}$/.test(slug)) return Promise.resolve(null);
    return this.inRoom(address, async (site) => {
      const release = await this.releases.publicBySlug(site.uow, slug, now);
      if (!release) return null;
      const media = await this.mediaOf(site, release.mediaIds);
      return {
        type: 'text/html; charset=utf-8',
        maxAge: 60,
        body: releasePage(site.page, site.links, release, media, (id) => this.settings.mediaUrl(site.room, id)),
      };
    });
  }

  archive(address: RoomAddress, page: number, now = new Date()): Promise<Rendered | null> {
    return this.inRoom(address, async (site) => {
      const total = await this.releases.publicCount(site.uow, now);
      const pages = Math.max(1, Math.ceil(total / ARCHIVE_PAGE_SIZE));
      if (page > pages) return null;
      const listed = await this.releases.publicPage(site.uow, now, ARCHIVE_PAGE_SIZE, (page - 1) * ARCHIVE_PAGE_SIZE);
      return { type: 'text/html; charset=utf-8', maxAge: 60, body: archivePage(site.page, site.links, listed, page, pages) };
    });
  }

  feed(address: RoomAddress, kind: 'atom' | 'rss', now = new Date()): Promise<Rendered | null> {
    return this.inRoom(address, async (site) => {
      const releases = await this.releases.publicWithBodies(site.uow, now, FEED_RELEASES);
      return kind === 'atom'
        ? {
            type: 'application/atom+xml; charset=utf-8',
            maxAge: 300,
            body: atomFeed(site.page, site.links, `urn:uuid:${site.room.id}`, releases),
          }
        : { type: 'application/rss+xml; charset=utf-8', maxAge: 300, body: rssFeed(site.page, site.links, releases) };
    });
  }

  sitemap(address: RoomAddress, now = new Date()): Promise<Rendered | null> {
    return this.inRoom(address, async (site) => {
      const [listed, total] = await Promise.all([
        this.releases.publicPage(site.uow, now, SITEMAP_RELEASES, 0),
        this.releases.publicCount(site.uow, now),
      ]);
      const pages = Math.min(MAX_ARCHIVE_PAGE, Math.max(1, Math.ceil(total / ARCHIVE_PAGE_SIZE)));
      return { type: 'application/xml; charset=utf-8', maxAge: 300, body: sitemap(site.links, listed, pages) };
    });
  }

  /** A file of the room's media kit or of one of its public releases (never any other file of the library). */
  mediaFile(
    address: RoomAddress,
    assetId: string,
    now = new Date(),
  ): Promise<{ asset: MediaAssetEntity; file: { stream: Readable; size: number } } | null> {
    if (typeof assetId !== 'string' || !isUuid(assetId)) return Promise.resolve(null);
    return this.inRoom(address, async (site) => {
      const shown = (await this.rooms.inMediaKit(site.uow, assetId)) || (await this.releases.publicShowsMedia(site.uow, assetId, now));
      if (!shown) return null;
      const asset = await this.media.find(site.ctx, assetId);
      if (!asset) return null;
      return this.media.open(site.ctx, assetId);
    });
  }
}
