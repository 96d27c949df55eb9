import { DomainError } from '@socle/platform-errors';

export type MediaRefusalReason =
  | 'MEDIA_EMPTY'
  | 'MEDIA_TOO_LARGE'
  | 'MEDIA_TYPE_NOT_SUPPORTED'
  | 'MEDIA_TRUNCATED'
  | 'MEDIA_DAMAGED'
  | 'MEDIA_TOO_MANY_PIXELS'
  | 'MEDIA_TOO_COMPLEX'
  | 'MEDIA_NO_FILE'
  | 'MEDIA_BAD_MULTIPART';

/** HTTP status of each refusal of an upload. */
export const REFUSAL_STATUS: Readonly<Record<MediaRefusalReason, number>> = {
  MEDIA_EMPTY: 400,
  MEDIA_TOO_LARGE: 413,
  MEDIA_TYPE_NOT_SUPPORTED: 415,
  MEDIA_TRUNCATED: 400,
  MEDIA_DAMAGED: 400,
  MEDIA_TOO_MANY_PIXELS: 400,
  MEDIA_TOO_COMPLEX: 400,
  MEDIA_NO_FILE: 400,
  MEDIA_BAD_MULTIPART: 400,
};

export function mediaRefusal(reason: MediaRefusalReason, message: string): DomainError {
  return new DomainError('BAD_USER_INPUT', `Invalid file: ${message}`, { field: 'file', problems: [{ field: 'file', message }], reason });
}
