import { Controller, Get, Logger, Param, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessProvenBy } from '@socle/platform-auth';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { DomainError, refuseLinkRequest } from '@socle/platform-errors';
import type { ContentCtx } from '../items/content-item.repository';
import { MediaAssetService } from './media-asset.service';
import { MediaPublicLinks } from './media-public-links';
import { sendMediaFile } from './media-reply';

const PROOF_REASON =
  'the token in the path is signed by the server (HMAC, a key of its own), names one organisation and one media asset, ' +
  'and expires; the asset is read inside that organisation, row-level security applying';

/** The reader of a public media address: no account, so the platform reads on its behalf. */
const LINK_ACTOR = { type: 'SYSTEM', id: null } as const;

type WithRequestId = FastifyRequest & { requestId?: string };

/**
 * `GET /media/public/:token` answers the bytes of the one media file the token names, without credentials:
 * what a network that fetches a post's media by URL (Instagram, Threads) calls while the publication is sent.
 * A forged or malformed token is 404 like an unknown file; an expired one 410. Nothing else is reachable
 * through it: the asset is read inside the token's organisation.
 */
@Controller('media/public')
export class MediaPublicController {
  private readonly logger = new Logger('MediaPublic');

  constructor(
    private readonly links: MediaPublicLinks,
    private readonly units: UnitOfWorkFactory,
    private readonly media: MediaAssetService,
  ) {}

  @Get(':token')
  @AccessProvenBy('signed link', PROOF_REASON)
  async fetch(@Param('token') token: string, @Req() request: WithRequestId, @Res() reply: FastifyReply): Promise<FastifyReply | void> {
    try {
      const claims = this.links.open(token);
      if (!claims) throw new DomainError('NOT_FOUND', 'This media address is not valid.', { reason: 'LINK_UNKNOWN' });
      if (claims.expiresAt <= Date.now()) throw new DomainError('CONFLICT', 'This media address has expired.', { reason: 'LINK_EXPIRED' });
      const { asset, file } = await this.units.runInOrganization(claims.organizationId, (uow) => {
        uow.markReadOnly();
        const ctx: ContentCtx = { uow, organizationId: uow.organizationId, actor: LINK_ACTOR };
        return this.media.open(ctx, claims.assetId);
      });
      // Anyone holding the address may fetch it until it expires; no shared cache keeps it past that.
      return sendMediaFile(reply, asset, file, { 'cache-control': 'private, max-age=300', 'referrer-policy': 'no-referrer' });
    } catch (error) {
      return refuseLinkRequest(reply, request.requestId ?? null, error, {
        goneReasons: ['LINK_EXPIRED'],
        failure: 'The media file could not be read.',
        what: 'public media address',
        log: (message) => this.logger.error(message),
      });
    }
  }
}
