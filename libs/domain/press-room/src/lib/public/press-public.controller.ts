import { Controller, Get, Logger, OnModuleInit, Param, Post, Req, Res } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { sendMediaFile } from '@socle/content';
import { AccessProvenBy } from '@socle/platform-auth';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { isDomainError } from '@socle/platform-errors';
import { NewsletterLink, NewsletterService, readSignUp, SignUp } from '../newsletter.service';
import { PressRoomRepository } from '../press-room.repository';
import { PressRoomService } from '../press-room.service';
import { customDomainOf } from './custom-domains';
import { PublicSiteService, Rendered, RoomAddress, MAX_ARCHIVE_PAGE } from './public-site.service';
import { messagePage, NOT_FOUND_PAGE, PAGE_CSP, PageLinks, PageRoom } from './render';

type WithRequestId = FastifyRequest & { requestId?: string };

const ROOM_PROOF = 'press room address';
const ROOM_REASON =
  'the room is found by its public slug or verified custom domain through a SECURITY DEFINER look-up that answers an enabled ' +
  'room’s organisation and nothing else; only what the room publishes (public releases, its media kit, its contacts) is then read ' +
  'inside that organisation, row-level security applying';
const LINK_REASON =
  'the HMAC-signed newsletter link names its organisation and subscriber and carries a random part the row holds ' +
  '(a confirmation once and until it expires); it is verified before the tenant is entered';
/** Form bodies (the sign-up form, RFC 8058 one-click unsubscription): small, read only by the routes that take them. */
const FORM_BODY_LIMIT = 16 * 1024;
const FORM_ROUTE = { pressRoomForm: true };
const FORM_TYPE = /^application\/x-www-form-urlencoded(?:\s*;.*)?$/i;

interface Page {
  status: number;
  type: string;
  body: string;
  cache: string;
}

/** A page for a request whose room is known only by its link: in the room's language, links to the room. */
const DEFAULT_ROOM: PageRoom = { title: 'Press room', description: '', language: 'en', timezone: 'UTC' };

/**
 * The public press room: server-rendered pages (no script, one hashed inline style, a strict CSP, every value
 * escaped), Atom and RSS feeds, a sitemap, the room's media files, and the newsletter's sign-up, confirmation and
 * unsubscription. At `/press/<slug>/…`, and at `/…` on a verified custom domain (routed here by `Host`). Every miss
 * (unknown or disabled room, withdrawn or future release, a file the room does not show) is the same 404 page.
 */
@Controller('press')
export class PressPublicController implements OnModuleInit {
  private readonly logger = new Logger('PressRoomPublic');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly site: PublicSiteService,
    private readonly units: UnitOfWorkFactory,
    private readonly rooms: PressRoomRepository,
    private readonly settings: PressRoomService,
    private readonly newsletter: NewsletterService,
  ) {}

  /**
   * Lets form bodies reach the routes marked `pressRoomForm` (the API takes JSON only: every other route still answers
   * 415 to a form). Registered by pattern, which the API's removal of the string-keyed form parser leaves in place.
   */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (!fastify || typeof fastify.addContentTypeParser !== 'function' || fastify.hasContentTypeParser(FORM_TYPE)) return;
    fastify.addContentTypeParser(
      FORM_TYPE,
      { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
      (request: FastifyRequest, body: string | Buffer, done: (error: Error | null, body?: unknown) => void) => {
        const allowed = (request.routeOptions.config as { pressRoomForm?: boolean } | undefined)?.pressRoomForm === true;
        if (!allowed)
          return done(Object.assign(new Error('Unsupported Media Type'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' }));
        // A key given several times (checkboxes: `lists`) reads as a list; at most 20 keys and 20 values per key.
        const fields: Record<string, string | string[]> = {};
        for (const [key, value] of new URLSearchParams(String(body))) {
          const known = fields[key];
          if (known === undefined) {
            if (Object.keys(fields).length < 20) fields[key] = value;
          } else if (Array.isArray(known)) {
            if (known.length < 20) known.push(value);
          } else fields[key] = [known, value];
        }
        done(null, fields);
      },
    );
  }

  @Get(':room')
  @AccessProvenBy(ROOM_PROOF, ROOM_REASON)
  async home(@Param('room') room: string, @Req() request: WithRequestId, @Res() reply: FastifyReply): Promise<void> {
    await this.page(request, reply, room, (address) => this.site.home(address));
  }

  @Get(':room/releases/:slug')
  @AccessProvenBy(ROOM_PROOF, ROOM_REASON)
  async release(
    @Param('room') room: string,
    @Param('slug') slug: string,
    @Req() request: WithRequestId,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.page(request, reply, room, (address) => this.site.release(address, slug));
  }

  @Get(':room/archive')
  @AccessProvenBy(ROOM_PROOF, ROOM_REASON)
  async archive(@Param('room') room: string, @Req() request: WithRequestId, @Res() reply: FastifyReply): Promise<void> {
    const raw = (request.query as Record<string, unknown> | undefined)?.page;
    const page = raw === undefined ? 1 : typeof raw === 'string' && /^[1-9][0-9]{0,4}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(page) || page > MAX_ARCHIVE_PAGE) return this.notFound(reply);
    await this.page(request, reply, room, (address) => this.site.archive(address, page));
  }

  @Get(':room/sitemap.xml')
  @AccessProvenBy(ROOM_PROOF, ROOM_REASON)
  async sitemap(@Param('room') room: string, @Req() request: WithRequestId, @Res() reply: FastifyReply): Promise<void> {
    await this.page(request, reply, room, (address) => this.site.sitemap(address));
  }

  @Get(':room/feed.atom')
  @AccessProvenBy(ROOM_PROOF, ROOM_REASON)
  async atom(@Param('room') room: string, @Req() request: WithRequestId, @Res() reply: FastifyReply): Promise<void> {
    await this.page(request, reply, room, (address) => this.site.feed(address, 'atom'));
  }

  @Get(':room/feed.rss')
  @AccessProvenBy(ROOM_PROOF, ROOM_REASON)
  async rss(@Param('room') room: string, @Req() request: WithRequestId, @Res() reply: FastifyReply): Promise<void> {
    await this.page(request, reply, room, (address) => this.site.feed(address, 'rss'));
  }

  @Get(':room/media/:assetId')
  @AccessProvenBy(ROOM_PROOF, ROOM_REASON)
  async media(
    @Param('room') room: string,
    @Param('assetId') assetId: string,
    @Req() request: WithRequestId,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply | void> {
    try {
      const address = await this.site.locate(room, customDomainOf(request.raw));
      const found = address ? await this.site.mediaFile(address, assetId) : null;
      if (!found) return this.notFound(reply);
      if (request.headers['if-none-match'] === `"${found.asset.sha256}"`) {
        found.file.stream.destroy();
        return reply.status(304).header('etag', `"${found.asset.sha256}"`).header('cache-control', 'public, max-age=300').send();
      }
      return sendMediaFile(reply, found.asset, found.file, {
        'cache-control': 'public, max-age=300',
        'referrer-policy': 'strict-origin-when-cross-origin',
      });
    } catch (error) {
      return this.failed(request, reply, error);
    }
  }

  @Post(':room/subscribe')
  @RouteConfig(FORM_ROUTE)
  @AccessProvenBy(ROOM_PROOF, ROOM_REASON)
  async subscribe(@Param('room') room: string, @Req() request: WithRequestId, @Res() reply: FastifyReply): Promise<void> {
    const json = /^application\/json/i.test(String(request.headers['content-type'] ?? ''));
    try {
      const address = await this.site.locate(room, customDomainOf(request.raw));
      const located = address ? await this.site.inRoom(address, async (site) => ({ page: site.page, links: site.links })) : null;
      if (!address || !located) return this.notFound(reply);
      const answer = (
        status: number,
        kind: Parameters<typeof messagePage>[2],
        message: string,
        extra: Record<string, unknown> = {},
        detail?: string,
      ) =>
        json
          ? this.json(reply, status, { message, ...extra })
          : this.send(reply, {
              status,
              type: 'text/html; charset=utf-8',
              body: messagePage(located.page, located.links, kind, detail),
              cache: 'no-store',
            });
      try {
        await this.newsletter.limitSignUps(address.organizationId, request.ip);
      } catch (error) {
        if (!isDomainError(error) || error.code !== 'RATE_LIMITED') throw error;
        void reply.header('retry-after', String(error.retryAfterSeconds ?? 60));
        return answer(429, 'tooMany', 'Too many sign-ups from this address: try again later.', {
          code: 'RATE_LIMITED',
          retryAfterSeconds: error.retryAfterSeconds,
        });
      }
      let signUp: SignUp;
      try {
        signUp = readSignUp(request.body, located.page.blogDigest === true);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        const problems = error.problems ?? [];
        return answer(
          400,
          'badRequest',
          'The sign-up is not valid.',
          { code: 'BAD_USER_INPUT', problems },
          problems.map((p) => `${p.field}: ${p.message}`).join(' '),
        );
      }
      await this.units.runInOrganization(address.organizationId, async (uow) => {
        const room = await this.rooms.find(uow);
        if (!room?.enabled) return;
        // The digest may have been turned off since the form was read: the releases stay.
        const lists = room.blogDigest ? signUp.lists : signUp.lists.filter((list) => list !== 'BLOG');
        if (lists.length === 0) return;
        await this.newsletter.subscribe(uow, room, await this.rooms.organization(uow), this.settings.roomUrl(room), { ...signUp, lists });
      });
      // The same answer for a new, pending, confirmed or unsubscribed address: the form tells nobody who subscribed.
      return answer(202, 'checkInbox', 'If this address can receive mail, a confirmation link was sent to it.');
    } catch (error) {
      return this.failed(request, reply, error);
    }
  }

  @Get(':room/confirm')
  @AccessProvenBy('signed link', LINK_REASON)
  async confirm(@Req() request: WithRequestId, @Res() reply: FastifyReply): Promise<void> {
    await this.link(request, reply, (uow, link) => this.newsletter.confirm(uow, link), 'confirmed');
  }

  @Get(':room/unsubscribe')
  @AccessProvenBy('signed link', LINK_REASON)
  async unsubscribeLink(@Req() request: WithRequestId, @Res() reply: FastifyReply): Promise<void> {
    await this.link(request, reply, (uow, link) => this.newsletter.unsubscribe(uow, link), 'unsubscribed');
  }

  /** RFC 8058 one-click unsubscription (`List-Unsubscribe=One-Click` posted by the mail client), or the page's button. */
  @Post(':room/unsubscribe')
  @RouteConfig(FORM_ROUTE)
  @AccessProvenBy('signed link', LINK_REASON)
  async unsubscribeOneClick(@Req() request: WithRequestId, @Res() reply: FastifyReply): Promise<void> {
    await this.link(request, reply, (uow, link) => this.newsletter.unsubscribe(uow, link), 'unsubscribed');
  }

  /**
   * A newsletter link: the token decides the organisation (the room's slug in the path may have changed since the
   * mail left, and an unsubscription must keep working whatever the room's state).
   */
  private async link(
    request: WithRequestId,
    reply: FastifyReply,
    act: (uow: Parameters<NewsletterService['confirm']>[0], link: NewsletterLink) => Promise<unknown>,
    done: 'confirmed' | 'unsubscribed',
  ): Promise<void> {
    try {
      const token = (request.query as Record<string, unknown> | undefined)?.token;
      const link = this.newsletter.open(token);
      if (!link) return this.linkInvalid(reply, DEFAULT_ROOM, { base: '', absolute: '' }, 404);
      const outcome = await this.units.runInOrganization(link.organizationId, async (uow) => {
        const room = await this.rooms.find(uow);
        if (!room) return null;
        const organization = await this.rooms.organization(uow);
        const page: PageRoom = { title: room.title, description: '', language: room.language, timezone: organization.timezone };
        const links: PageLinks = { base: customDomainOf(request.raw) ? '' : `/press/${room.slug}`, absolute: this.settings.roomUrl(room) };
        try {
          await act(uow, link);
          return { page, links, status: 200 };
        } catch (error) {
          if (!isDomainError(error)) throw error;
          return { page, links, status: error.reason === 'LINK_EXPIRED' ? 410 : 404 };
        }
      });
      if (!outcome) return this.linkInvalid(reply, DEFAULT_ROOM, { base: '', absolute: '' }, 404);
      if (outcome.status !== 200) return this.linkInvalid(reply, outcome.page, outcome.links, outcome.status);
      return this.send(reply, {
        status: 200,
        type: 'text/html; charset=utf-8',
        body: messagePage(outcome.page, outcome.links, done),
        cache: 'no-store',
      });
    } catch (error) {
      return this.failed(request, reply, error);
    }
  }

  private linkInvalid(reply: FastifyReply, page: PageRoom, links: PageLinks, status: number): void {
    this.send(reply, { status, type: 'text/html; charset=utf-8', body: messagePage(page, links, 'linkInvalid'), cache: 'no-store' });
  }

  private async page(
    request: WithRequestId,
    reply: FastifyReply,
    room: string,
    render: (address: RoomAddress) => Promise<Rendered | null>,
  ): Promise<void> {
    try {
      const address = await this.site.locate(room, customDomainOf(request.raw));
      const rendered = address ? await render(address) : null;
      if (!rendered) return this.notFound(reply);
      const etag = `"${createHash('sha256').update(rendered.body).digest('base64url').slice(0, 32)}"`;
      const cache = `public, max-age=${rendered.maxAge}`;
      if (request.headers['if-none-match'] === etag) {
        void this.securityHeaders(reply).status(304).header('etag', etag).header('cache-control', cache).send();
        return;
      }
      void reply.header('etag', etag);
      this.send(reply, { status: 200, type: rendered.type, body: rendered.body, cache });
    } catch (error) {
      this.failed(request, reply, error);
    }
  }

  private securityHeaders(reply: FastifyReply): FastifyReply {
    return reply
      .header('content-security-policy', PAGE_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'strict-origin-when-cross-origin')
      .header('x-frame-options', 'DENY');
  }

  private send(reply: FastifyReply, page: Page): void {
    void this.securityHeaders(reply).status(page.status).type(page.type).header('cache-control', page.cache).send(page.body);
  }

  private json(reply: FastifyReply, status: number, body: unknown): void {
    void reply
      .status(status)
      .type('application/json; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(body);
  }

  private notFound(reply: FastifyReply): void {
    this.send(reply, { status: 404, type: 'text/html; charset=utf-8', body: NOT_FOUND_PAGE, cache: 'public, max-age=30' });
  }

  private failed(request: WithRequestId, reply: FastifyReply, error: unknown): void {
    if (isDomainError(error) && error.code === 'NOT_FOUND') return this.notFound(reply);
    this.logger.error(
      `${request.method} ${request.routeOptions?.url ?? ''} failed (${request.requestId ?? '-'}): ${error instanceof Error ? error.message : String(error)}`,
    );
    if (reply.sent) return;
    this.send(reply, {
      status: 500,
      type: 'text/plain; charset=utf-8',
      body: `The page could not be served (request ${request.requestId ?? '-'}).\n`,
      cache: 'no-store',
    });
  }
}
