import { SignedTokens } from './signed-token';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a link to a stored row says: the organisation, the row, and when it stops being good. */
export interface RowLinkClaims {
  organizationId: string;
  linkId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export type RowLinkCheck = { claims: RowLinkClaims } | { refused: 'invalid' | 'expired' };

/**
 * Signed links for people without an account (an approver, a member of the
 * staff) that point at a link row of one organisation: the token carries the
 * organisation, the row's id and the expiry; the row says what the link is for
 * and whether it was used or withdrawn. Each kind of link signs under its own
 * `purpose` (a key derived from the server secret), so no other token of the
 * platform verifies as one.
 */
export class RowLinkTokens {
  private readonly tokens: SignedTokens;

  constructor(secret: string, purpose: string) {
    this.tokens = new SignedTokens(secret, purpose);
  }

  sign(claims: RowLinkClaims): string {
    return this.tokens.sign([claims.organizationId, claims.linkId, claims.expiresAt]);
  }

  /** The claims of an unexpired link this server signed for this purpose; otherwise why it is refused. */
  verify(token: string, now = Date.now()): RowLinkCheck {
    const parsed = this.tokens.open(token, 500);
    if (!parsed || parsed.length !== 3) return { refused: 'invalid' };
    const [organizationId, linkId, expiresAt] = parsed;
    if (typeof organizationId !== 'string' || !UUID.test(organizationId) || typeof linkId !== 'string' || !UUID.test(linkId))
      return { refused: 'invalid' };
    if (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt)) return { refused: 'invalid' };
    if (expiresAt <= now) return { refused: 'expired' };
    return { claims: { organizationId, linkId, expiresAt } };
  }
}
