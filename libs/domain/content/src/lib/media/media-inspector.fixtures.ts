import { DomainError } from '@socle/platform-errors';
import { MediaInspector } from './media-inspector';

/** Shared by the inspector's tests (media-inspector.spec.ts and media-inspector.growth-spec.ts). */
export const MB = 1024 * 1024;

/** Feeds `data` to an inspector in chunks of `chunk` bytes: the verdict, or the refusal's reason. */
export function inspect(data: Uint8Array, chunk = 4096, maxBytes = 10 * MB): string {
  const inspector = new MediaInspector(maxBytes);
  try {
    for (let at = 0; at < data.length; at += chunk) inspector.add(Buffer.from(data.subarray(at, at + chunk)));
    const image = inspector.finish();
    return `${image.contentType} ${image.width}x${image.height} ${image.size}`;
  } catch (error) {
    if (error instanceof DomainError) return `${error.reason}: ${error.problems?.[0]?.field}`;
    return `unexpected ${String(error)}`;
  }
}
