import { Injectable } from '@nestjs/common';
import { SocleConfig } from '@socle/platform-config';
import { SignedTokens } from '@socle/platform-crypto';
import { isUuid } from '@socle/platform-database';
import type { ReportFileFormat } from './report-file';

/** How long a download link works. */
export const REPORT_LINK_TTL_MS = 5 * 60 * 1000;

export interface ReportLinkClaims {
  organizationId: string;
  assessmentId: string;
  format: ReportFileFormat;
  locale?: 'fr' | 'en';
  /** Who asked for the link (for the log); null for an API key. */
  userId: string | null;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/**
 * Short-lived download links for assessment reports, for browsers and
 * spreadsheet tools that fetch a URL rather than a GraphQL answer. The link is
 * the permission: issued only through GraphQL to a caller allowed to read the
 * assessment, bound to that organisation and assessment, signed (HMAC-SHA-256
 * with a key derived from the server secret), valid five minutes.
 */
@Injectable()
export class ReportLinks {
  private readonly tokens: SignedTokens;

  constructor(config: SocleConfig) {
    // A key of its own, derived for this one kind of token: access tokens are signed with
    // JWT_SECRET itself, so neither kind ever verifies as the other.
    this.tokens = new SignedTokens(config.JWT_SECRET, 'socle.report-link.v1');
  }

  sign(claims: ReportLinkClaims): string {
    return this.tokens.sign([
      claims.organizationId,
      claims.assessmentId,
      claims.format,
      claims.locale ?? null,
      claims.userId,
      claims.expiresAt,
    ]);
  }

  /** The claims of a link this server signed and that has not expired; null otherwise (`expired` tells which). */
  verify(token: string, now = Date.now()): { claims: ReportLinkClaims } | { refused: 'invalid' | 'expired' } {
    const parsed = this.tokens.open(token, 1000);
    if (!parsed || parsed.length !== 6) return { refused: 'invalid' };
    const [organizationId, assessmentId, format, locale, userId, expiresAt] = parsed;
    if (!isUuid(organizationId) || !isUuid(assessmentId) || (format !== 'PDF' && format !== 'CSV')) return { refused: 'invalid' };
    if (locale !== null && locale !== 'fr' && locale !== 'en') return { refused: 'invalid' };
    if (userId !== null && !isUuid(userId)) return { refused: 'invalid' };
    if (typeof expiresAt !== 'number') return { refused: 'invalid' };
    if (expiresAt <= now) return { refused: 'expired' };
    return { claims: { organizationId, assessmentId, format, locale: locale ?? undefined, userId, expiresAt } };
  }
}
