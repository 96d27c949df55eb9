import { DomainError } from '@socle/platform-errors';
import { MediaInspector } from './media-inspector';

/** Shared by the inspector's tests (media-inspector.spec.ts and media-inspector.growth-spec.ts). */
export const MB = 1024 * 1024;

/** Feeds `data` to an inspector in chunks of `chunk` bytes: the verdict (a video's with its duration), or the refusal's reason. */
export function inspect(data: Uint8Array, chunk = 4096, maxBytes = 10 * MB, videoMaxBytes = maxBytes): string {
  const inspector = new MediaInspector(maxBytes, videoMaxBytes);
  try {
    for (let at = 0; at < data.length; at += chunk) inspector.add(Buffer.from(data.subarray(at, at + chunk)));
    const media = inspector.finish();
    const duration = media.kind === 'VIDEO' ? ` ${media.durationMs}ms` : '';
    return `${media.contentType} ${media.width}x${media.height}${duration} ${media.size}`;
  } catch (error) {
    if (error instanceof DomainError) return `${error.reason}: ${error.problems?.[0]?.field}`;
    return `unexpected ${String(error)}`;
  }
}
