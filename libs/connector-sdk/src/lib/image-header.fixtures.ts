import { ImageHeaderError, readImageSize } from './image-header';

/** The outcome of reading hostile bytes: a size, nothing, or a typed error; anything else fails the test. */
export function outcome(data: Uint8Array): string {
  try {
    const size = readImageSize(data);
    if (!size) return 'unknown';
    if (!Number.isInteger(size.width) || !Number.isInteger(size.height) || size.width < 1 || size.height < 1)
      return `bad size ${JSON.stringify(size)}`;
    return 'size';
  } catch (error) {
    if (error instanceof ImageHeaderError) return 'header error';
    return `unexpected ${String(error)}`;
  }
}
