import { Injectable } from '@nestjs/common';
import { SocleConfig } from '@socle/platform-config';
import { RowLinkCheck, RowLinkClaims, RowLinkTokens } from '@socle/platform-crypto';

export const MIN_LINK_HOURS = 1;
export const MAX_LINK_HOURS = 336;

export type ApprovalLinkClaims = RowLinkClaims;
export type ApprovalLinkCheck = RowLinkCheck;

/**
 * Signed approval links for approvers without an account (a client's
 * executive). The token names the organisation and the link row; the row says
 * which item, revision and step it is for, and whether it was used. Signed
 * with HMAC-SHA-256 under a key derived from the server secret for this one
 * kind of token (the same approach as the assessment report links), so no
 * other token of the platform verifies as one.
 */
@Injectable()
export class ApprovalLinks extends RowLinkTokens {
  constructor(config: SocleConfig) {
    super(config.JWT_SECRET, 'socle.content-approval-link.v1');
  }
}
