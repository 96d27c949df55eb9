import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import type { MediaAssetEntity } from './media-asset.repository';

/**
 * A media file's bytes as every media route answers them: its own type and size, its SHA-256 as ETag, never sniffed,
 * never run (a sandboxing CSP), with the route's cache policy and any header of its own.
 */
export function sendMediaFile(
  reply: FastifyReply,
  asset: Pick<MediaAssetEntity, 'contentType' | 'sha256'>,
  file: { stream: Readable; size: number },
  headers: Record<string, string>,
): FastifyReply {
  void reply
    .status(200)
    .type(asset.contentType)
    .header('content-length', String(file.size))
    .header('etag', `"${asset.sha256}"`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox");
  for (const [name, value] of Object.entries(headers)) void reply.header(name, value);
  return reply.send(file.stream);
}
