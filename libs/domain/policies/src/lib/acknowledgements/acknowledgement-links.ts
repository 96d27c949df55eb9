import { Injectable } from '@nestjs/common';
import { SocleConfig } from '@socle/platform-config';
import { SignedTokens } from '@socle/platform-crypto';
import { isUuid } from '@socle/platform-database';

/** How long an acknowledgement link stays good, by default and at most. */
export const DEFAULT_LINK_DAYS = 30;
export const MAX_LINK_DAYS = 90;

export interface AcknowledgementLinkClaims {
  organizationId: string;
  linkId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export type AcknowledgementLinkCheck = { claims: AcknowledgementLinkClaims } | { refused: 'invalid' | 'expired' };

/**
 * Signed links by which a person of the staff list (no account) acknowledges a
 * policy version. The token names the organisation and the link row; the row
 * says who, which version, and whether it was used or revoked. Signed with a
 * key derived from the server secret for this one kind of token, so no other
 * token of the platform (approval links, report links, access tokens) verifies
 * as one.
 */
@Injectable()
export class AcknowledgementLinks {
  private readonly tokens: SignedTokens;

  constructor(config: SocleConfig) {
    this.tokens = new SignedTokens(config.JWT_SECRET, 'socle.policy-acknowledgement-link.v1');
  }

  sign(claims: AcknowledgementLinkClaims): string {
    return this.tokens.sign([claims.organizationId, claims.linkId, claims.expiresAt]);
  }

  verify(token: string, now = Date.now()): AcknowledgementLinkCheck {
    const parsed = this.tokens.open(token, 500);
    if (!parsed || parsed.length !== 3) return { refused: 'invalid' };
    const [organizationId, linkId, expiresAt] = parsed;
    if (!isUuid(organizationId) || !isUuid(linkId) || typeof expiresAt !== 'number' || !Number.isFinite(expiresAt))
      return { refused: 'invalid' };
    if (expiresAt <= now) return { refused: 'expired' };
    return { claims: { organizationId, linkId, expiresAt } };
  }
}
