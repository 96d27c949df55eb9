import { Controller, Get, Inject, Logger, OnModuleInit, Param, Post, Req, Res } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { AccessProvenBy, OrganizationContext } from '@socle/platform-auth';
import { SocleConfig } from '@socle/platform-config';
import { isUuid } from '@socle/platform-database';
import { DomainError, HTTP_STATUS_OF } from '@socle/platform-errors';
import type { MediaAssetEntity } from './media-asset.repository';
import { MediaAssetService } from './media-asset.service';
import { MediaHttpAccess } from './media-http-access';
import { InspectedMedia, MediaInspector, mediaRefusal, MediaRefusalReason, REFUSAL_STATUS } from './media-inspector';
import { MEDIA_STORAGE, MediaStorage, StoredObject } from './media-storage';
import { boundaryOf, multipartRefusal, MultipartReader, PartHeaders } from './multipart';
import { mediaDownloadUrl } from './media.resolver';
import { sendMediaFile } from './media-reply';

/** Bytes of form fields other than `file` read (and ignored) per upload. */
const OTHER_FIELDS_MAX_BYTES = 64 * 1024;
const PROOF = 'bearer credentials';
const PROOF_REASON =
  'the request carries the same credentials as the GraphQL API (access token or API key) and the organization header; ' +
  'membership is proven as the transaction opens and the media permission is checked before any tenant data is read or written';

type WithRequestId = FastifyRequest & { requestId?: string };

/**
 * `POST /media` uploads one file into the organisation's media library
 * (multipart/form-data, field `file`) and answers the asset (201);
 * `GET /media/:id` answers its bytes. Both take the GraphQL API's credentials:
 * `Authorization: Bearer …` and `X-Socle-Organization` (or an organisation API key).
 * The upload streams to the storage: it is refused while it streams when it
 * goes over `MEDIA_MAX_BYTES` or does not start like a supported image, and
 * after when it is damaged or truncated; a refused upload leaves no file and no row.
 */
@Controller('media')
export class MediaController implements OnModuleInit {
  private readonly logger = new Logger('MediaLibrary');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly access: MediaHttpAccess,
    private readonly media: MediaAssetService,
    private readonly config: SocleConfig,
    @Inject(MEDIA_STORAGE) private readonly storage: MediaStorage,
  ) {}

  /**
   * Lets multipart bodies reach `POST /media` unread (the route streams them), and any other route that declares
   * `@RouteConfig({ streamedMultipart: true })` (it reads them with `MultipartReader`);
   * every other route still answers 415 to them, as before.
   */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (!fastify || typeof fastify.addContentTypeParser !== 'function' || fastify.hasContentTypeParser('multipart/form-data')) return;
    fastify.addContentTypeParser(
      'multipart/form-data',
      (request: FastifyRequest, _payload: IncomingMessage, done: (error: Error | null, body?: unknown) => void) => {
        const streamed = (request.routeOptions.config as { streamedMultipart?: boolean } | undefined)?.streamedMultipart === true;
        if (request.method === 'POST' && (request.routeOptions.url === '/media' || streamed)) return done(null, undefined);
        done(Object.assign(new Error('Unsupported Media Type'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' }));
      },
    );
  }

  @Post()
  @AccessProvenBy(PROOF, PROOF_REASON)
  async upload(@Req() request: WithRequestId, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const requestId = request.requestId ?? '';
    let ctx: OrganizationContext | undefined;
    let stored: StoredObject | undefined;
    try {
      ctx = await this.access.enter(request, 'media.manage', { requestId });
      const boundary = boundaryOf(request.headers['content-type']);
      // Nothing is held open while the client sends: the tenant stays set for the next statement.
      await ctx.uow.commitAndContinue();
      const received = await this.receive(request.raw, boundary);
      stored = received.stored;
      const asset = await this.media.register(ctx, stored, received.image, received.file.filename);
      await ctx.uow.commit();
      const body = this.toJson(asset);
      return reply.status(201).header('location', body.downloadUrl).type('application/json; charset=utf-8').send(body);
    } catch (error) {
      if (ctx?.uow.isOpen) await ctx.uow.rollback().catch(() => undefined);
      if (stored) await this.storage.delete(stored.key).catch(() => undefined);
      // The body may not have been read to its end: do not keep the connection for another request.
      return this.fail(reply.header('connection', 'close'), error, requestId);
    }
  }

  @Get(':id')
  @AccessProvenBy(PROOF, PROOF_REASON)
  async download(@Param('id') id: string, @Req() request: WithRequestId, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const requestId = request.requestId ?? '';
    let ctx: OrganizationContext | undefined;
    try {
      ctx = await this.access.enter(request, 'media.read', { requestId, readOnly: true });
      if (!isUuid(id)) throw new DomainError('NOT_FOUND', 'This media asset was not found.');
      const { asset, file } = await this.media.open(ctx, id);
      await ctx.uow.commit();
      const extension = asset.contentType === 'video/quicktime' ? 'mov' : asset.contentType.slice(asset.contentType.indexOf('/') + 1);
      const name = asset.fileName ?? `${asset.id}.${extension}`;
      return sendMediaFile(reply, asset, file, {
        'content-disposition': `inline; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
        'cache-control': 'private, no-cache',
      });
    } catch (error) {
      if (ctx?.uow.isOpen) await ctx.uow.rollback().catch(() => undefined);
      return this.fail(reply, error, requestId);
    }
  }

  /** Reads the multipart body, streaming its `file` part to the storage through the inspector. */
  private async receive(
    body: IncomingMessage,
    boundary: string,
  ): Promise<{ stored: StoredObject; image: InspectedMedia; file: PartHeaders }> {
    const reader = new MultipartReader(boundary);
    // Images up to MEDIA_MAX_BYTES, videos up to MEDIA_VIDEO_MAX_BYTES: each refused as soon as the stream passes its limit.
    const inspector = new MediaInspector(this.config.MEDIA_MAX_BYTES, this.config.MEDIA_VIDEO_MAX_BYTES);
    let file: PartHeaders | undefined;
    let inFile = false;
    let otherBytes = 0;
    async function* fileBytes(): AsyncGenerator<Buffer> {
      // Not destroyed on an early refusal: the answer must still reach the client over this socket.
      for await (const chunk of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
        for (const event of reader.push(chunk)) {
          if (event.kind === 'part') {
            inFile = event.headers.name === 'file';
            if (inFile && file) throw multipartRefusal('send one file per request');
            if (inFile) file = event.headers;
          } else if (event.kind === 'data') {
            if (inFile) {
              inspector.add(event.data);
              yield event.data;
            } else if ((otherBytes += event.data.length) > OTHER_FIELDS_MAX_BYTES) {
              throw multipartRefusal(`fields other than file exceed ${OTHER_FIELDS_MAX_BYTES} bytes`);
            }
          } else if (event.kind === 'partEnd') {
            inFile = false;
          }
        }
      }
      reader.end();
    }
    const stored = await this.storage.put(Readable.from(fileBytes(), { objectMode: false }));
    try {
      if (!file) throw mediaRefusal('MEDIA_NO_FILE', 'the form has no `file` field');
      return { stored, image: inspector.finish(), file };
    } catch (error) {
      await this.storage.delete(stored.key).catch(() => undefined);
      throw error;
    }
  }

  private toJson(asset: MediaAssetEntity) {
    return {
      id: asset.id,
      kind: asset.kind,
      contentType: asset.contentType,
      byteSize: asset.byteSize,
      sha256: asset.sha256,
      width: asset.width,
      height: asset.height,
      durationMs: asset.durationMs,
      fileName: asset.fileName,
      tags: asset.tags,
      usageCount: asset.usageCount,
      downloadUrl: mediaDownloadUrl(this.config.PUBLIC_URL, asset.id),
      uploadedBy: asset.uploadedBy,
      createdAt: asset.createdAt.toISOString(),
      updatedAt: asset.updatedAt.toISOString(),
    };
  }

  /** The API's error shape (`errors[0].extensions.code`, `field`, `reason`, `requestId`); uploads refused by size or type get 413 / 415. */
  private fail(reply: FastifyReply, error: unknown, requestId: string): FastifyReply {
    if (error instanceof DomainError) {
      const status = (error.reason && REFUSAL_STATUS[error.reason as MediaRefusalReason]) || HTTP_STATUS_OF[error.code];
      if (status >= 500) this.logger.error(`request ${requestId}: ${error.message}`);
      if (error.retryAfterSeconds !== undefined) void reply.header('retry-after', String(error.retryAfterSeconds));
      return reply
        .status(status)
        .type('application/json; charset=utf-8')
        .send({ errors: [{ message: error.message, extensions: { ...error.facts(), requestId } }] });
    }
    this.logger.error(`request ${requestId}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return reply
      .status(500)
      .type('application/json; charset=utf-8')
      .send({ errors: [{ message: 'Internal server error.', extensions: { code: 'INTERNAL', requestId } }] });
  }
}
