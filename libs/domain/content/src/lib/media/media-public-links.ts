import { Injectable } from '@nestjs/common';
import { SocleConfig } from '@socle/platform-config';
import { SignedTokens } from '@socle/platform-crypto';
import { isUuid } from '@socle/platform-database';

/**
 * How long a public media address works: networks that fetch a file themselves (Instagram, Threads) do so while
 * the publish runs, sometimes after minutes of processing; the contract promises at least an hour.
 */
export const MEDIA_PUBLIC_LINK_TTL_MS = 2 * 60 * 60 * 1000;
/** Longer is never a token this key signed. */
const MAX_TOKEN_LENGTH = 300;

export interface MediaPublicLinkClaims {
  organizationId: string;
  assetId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/**
 * Public addresses of one media file, for the networks that fetch a post's media from a URL rather than
 * take an upload: `<PUBLIC_URL>/media/public/<token>`. The token is the permission — it names the
 * organisation and the asset and is signed (HMAC-SHA-256, a key derived from the server secret for this kind
 * of token alone) — and expires after `MEDIA_PUBLIC_LINK_TTL_MS`. Issued only by the publishing worker for
 * the media of a publication it sends, never asked for through the API.
 */
@Injectable()
export class MediaPublicLinks {
  private readonly tokens: SignedTokens;
  private readonly base: string;

  constructor(config: SocleConfig) {
    this.tokens = new SignedTokens(config.JWT_SECRET, 'socle.media-public-link.v1');
    this.base = config.PUBLIC_URL.replace(/\/+$/, '');
  }

  url(organizationId: string, assetId: string, now = new Date()): string {
    const token = this.tokens.sign(['m1', organizationId, assetId, now.getTime() + MEDIA_PUBLIC_LINK_TTL_MS]);
    return `${this.base}/media/public/${token}`;
  }

  /** The claims of a token this server signed (expired or not), or null when it is malformed or forged. */
  open(token: unknown): MediaPublicLinkClaims | null {
    const fields = this.tokens.open(token, MAX_TOKEN_LENGTH);
    if (!fields || fields.length !== 4) return null;
    const [version, organizationId, assetId, expiresAt] = fields;
    if (version !== 'm1' || !isUuid(organizationId) || !isUuid(assetId)) return null;
    if (typeof expiresAt !== 'number' || !Number.isSafeInteger(expiresAt)) return null;
    return { organizationId, assetId, expiresAt };
  }
}
