import { Injectable } from '@nestjs/common';
import { SocleConfig } from '@socle/platform-config';
import { SignedTokens } from '@socle/platform-crypto';
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
  private readonly tokens: SignedTokens;

  constructor(config: SocleConfig) {
    this.tokens = new SignedTokens(config.JWT_SECRET, 'socle.content-approval-link.v1');
  }

  sign(claims: ApprovalLinkClaims): string {
    return this.tokens.sign([claims.organizationId, claims.linkId, claims.expiresAt]);
  }

  /** The claims of an unexpired link this server signed; otherwise why it is refused. */
  verify(token: string, now = Date.now()): ApprovalLinkCheck {
    const parsed = this.tokens.open(token, 500);
    if (!parsed || parsed.length !== 3) return { refused: 'invalid' };
    const [organizationId, linkId, expiresAt] = parsed;
    if (!isUuid(organizationId) || !isUuid(linkId) || typeof expiresAt !== 'number' || !Number.isFinite(expiresAt))
      return { refused: 'invalid' };
    if (expiresAt <= now) return { refused: 'expired' };
    return { claims: { organizationId, linkId, expiresAt } };
  }
}
