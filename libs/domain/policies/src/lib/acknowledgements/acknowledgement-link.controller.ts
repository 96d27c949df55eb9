import { Controller, Get, Logger, Param, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessProvenBy } from '@socle/platform-auth';
import { refuseLinkRequest, sendPrivateJson } from '@socle/platform-errors';
import { AcknowledgementsService } from './acknowledgements.service';

type RequestWithId = FastifyRequest & { requestId?: string };

const PROOF_REASON =
  'the HMAC-signed, expiring, single-use link names its organisation and link row and is issued only by a member allowed to publish policies; it is verified before the tenant is entered';

/**
 * `GET /policy-acknowledgements/<link>`: the policy version the link was sent
 * for, read-only (JSON), for a person of the staff list without an account;
 * reading it records nothing (mail scanners follow links). `POST` on the same
 * address records the acknowledgement, once. The signed link is the
 * permission and names its organisation, so everything runs inside that
 * tenant's transaction. 404: not a link of this server (tampered, another
 * organisation's); 410: expired, used or withdrawn; 409: a newer version is in
 * force. Errors have the API's REST shape.
 */
@Controller('policy-acknowledgements')
export class AcknowledgementLinkController {
  private readonly logger = new Logger('PolicyAcknowledgementLink');

  constructor(private readonly acknowledgements: AcknowledgementsService) {}

  @Get(':token')
  @AccessProvenBy('signed link', PROOF_REASON)
  async preview(@Param('token') token: string, @Req() request: RequestWithId, @Res() reply: FastifyReply): Promise<void> {
    try {
      this.send(reply, 200, await this.acknowledgements.previewByLink(token));
    } catch (error) {
      this.refuse(request, reply, error);
    }
  }

  @Post(':token')
  @AccessProvenBy('signed link', PROOF_REASON)
  async acknowledge(@Param('token') token: string, @Req() request: RequestWithId, @Res() reply: FastifyReply): Promise<void> {
    try {
      this.send(reply, 200, await this.acknowledgements.acknowledgeByLink(token, request.requestId));
    } catch (error) {
      this.refuse(request, reply, error);
    }
  }

  private send(reply: FastifyReply, status: number, payload: unknown): void {
    sendPrivateJson(reply, status, payload);
  }

  private refuse(request: RequestWithId, reply: FastifyReply, error: unknown): void {
    refuseLinkRequest(reply, request.requestId ?? null, error, {
      goneReasons: ['LINK_EXPIRED', 'LINK_USED', 'LINK_REVOKED'],
      failure: 'The acknowledgement could not be recorded.',
      what: 'acknowledgement link',
      log: (message) => this.logger.error(message),
    });
  }
}
