import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SocleConfig } from '@socle/platform-config';
import { isUuid } from '@socle/platform-database';

export const MIN_LINK_HOURS = 1;
export const MAX_LINK_HOURS = 336;

export interface ApprovalLinkClaims {
  organizationId: string;
  linkId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export type ApprovalLinkCheck = { claims: ApprovalLinkClaims } | { refused: 'invalid' | 'expired' };

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/**
 * Signed approval links for approvers without an account (a client's
 * executive). The token names the organisation and the link row; the row says
 * which item, revision and step it is for, and whether it was used. Signed
 * with HMAC-SHA-256 under a key derived from the server secret for this one
 * kind of token (the same approach as the assessment report links), so no
 * other token of the platform verifies as one.
 */
@Injectable()
export class ApprovalLinks {
  private readonly key: Buffer;

  constructor(config: SocleConfig) {
    this.key = createHmac('sha256', config.JWT_SECRET).update('socle.content-approval-link.v1').digest();
  }

  sign(claims: ApprovalLinkClaims): string {
    const body = b64(JSON.stringify([claims.organizationId, claims.linkId, claims.expiresAt]));
    return `${body}.${b64(createHmac('sha256', this.key).update(body).digest())}`;
  }

  /** The claims of an unexpired link this server signed; otherwise why it is refused. */
  verify(token: string, now = Date.now()): ApprovalLinkCheck {
    if (typeof token !== 'string' || token.length > 500) return { refused: 'invalid' };
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) return { refused: 'invalid' };
    const expected = createHmac('sha256', this.key).update(body).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { refused: 'invalid' };
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return { refused: 'invalid' };
    }
    if (!Array.isArray(parsed) || parsed.length !== 3) return { refused: 'invalid' };
    const [organizationId, linkId, expiresAt] = parsed as unknown[];
    if (!isUuid(organizationId) || !isUuid(linkId) || typeof expiresAt !== 'number' || !Number.isFinite(expiresAt))
      return { refused: 'invalid' };
    if (expiresAt <= now) return { refused: 'expired' };
    return { claims: { organizationId, linkId, expiresAt } };
  }
}
