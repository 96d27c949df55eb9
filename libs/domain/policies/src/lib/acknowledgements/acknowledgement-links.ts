import { Injectable } from '@nestjs/common';
import { SocleConfig } from '@socle/platform-config';
import { RowLinkCheck, RowLinkClaims, RowLinkTokens } from '@socle/platform-crypto';

/** How long an acknowledgement link stays good, by default and at most. */
export const DEFAULT_LINK_DAYS = 30;
export const MAX_LINK_DAYS = 90;

export type AcknowledgementLinkClaims = RowLinkClaims;
export type AcknowledgementLinkCheck = RowLinkCheck;

/**
 * Signed links by which a person of the staff list (no account) acknowledges a
 * policy version. The token names the organisation and the link row; the row
 * says who, which version, and whether it was used or revoked. Signed with a
 * key derived from the server secret for this one kind of token, so no other
 * token of the platform (approval links, report links, access tokens) verifies
 * as one.
 */
@Injectable()
export class AcknowledgementLinks extends RowLinkTokens {
  constructor(config: SocleConfig) {
    super(config.JWT_SECRET, 'socle.policy-acknowledgement-link.v1');
  }
}
