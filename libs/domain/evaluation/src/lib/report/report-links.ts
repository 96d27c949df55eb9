import { Injectable } from '@nestjs/common';
import { SocleConfig } from '@socle/platform-config';
import { SignedTokens } from '@socle/platform-crypto';
import { isUuid } from '@socle/platform-database';
import type { ReportFileFormat } from './report-file';

/** How long a download link works. */
export const REPORT_LINK_TTL_MS = 5 * 60 * 1000;

/**
 * How long the link in the monthly executive report's mail works: fourteen days. A link asked for in the
 * console is followed at once; a mail is read when its reader gets to it (after a week away, at the end of a
 * busy fortnight), so five minutes would send every reader back for a new one. The link stays narrow: it names
 * its recipient, one month's report and one format, and the outbox empties the mail's body once it is sent.
 */
export const EXECUTIVE_REPORT_LINK_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/** A community report: its kind and the first local day of its period (YYYY-MM-DD). */
export interface CommunityReportRef {
  kind: 'QUARTERLY' | 'MONTHLY';
  periodStart: string;
}

/** The claims of a link: the report it names is an assessment's (`assessmentId`) or a community report (`community`). */
export interface ReportLinkClaims {
  organizationId: string;
  assessmentId?: string;
  community?: CommunityReportRef;
  format: ReportFileFormat;
  locale?: 'fr' | 'en';
  /** Who asked for the link (for the log); null for an API key. */
  userId: string | null;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/**
 * Short-lived download links for reports (assessment, community), for browsers and
 * spreadsheet tools that fetch a URL rather than a GraphQL answer. The link is
 * the permission: issued only through GraphQL to a caller allowed to read the
 * report, or mailed by the worker with the monthly executive report to one of the
 * management it goes to; bound to that organisation and report, signed
 * (HMAC-SHA-256 with a key derived from the server secret), valid five minutes
 * (fourteen days for a mailed one).
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
    if (claims.community) {
      // Its own shape, led by a word no assessment link starts with, so neither kind reads as the other.
      const { kind, periodStart } = claims.community;
      return this.tokens.sign([
        'COMMUNITY',
        claims.organizationId,
        kind,
        periodStart,
        claims.format,
        claims.locale ?? null,
        claims.userId,
        claims.expiresAt,
      ]);
    }
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
    let parsed = this.tokens.open(token, 1000);
    let community: CommunityReportRef | undefined;
    if (parsed?.length === 8 && parsed[0] === 'COMMUNITY') {
      const [, organization, kind, periodStart, ...rest] = parsed;
      if ((kind !== 'QUARTERLY' && kind !== 'MONTHLY') || typeof periodStart !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(periodStart))
        return { refused: 'invalid' };
      community = { kind, periodStart };
      // The rest reads as an assessment link's fields with no assessment.
      parsed = [organization, null, ...rest];
    }
    if (!parsed || parsed.length !== 6) return { refused: 'invalid' };
    const [organizationId, assessmentId, format, locale, userId, expiresAt] = parsed;
    if (!isUuid(organizationId) || (community ? assessmentId !== null : !isUuid(assessmentId)) || (format !== 'PDF' && format !== 'CSV'))
      return { refused: 'invalid' };
    if (locale !== null && locale !== 'fr' && locale !== 'en') return { refused: 'invalid' };
    if (userId !== null && !isUuid(userId)) return { refused: 'invalid' };
    if (typeof expiresAt !== 'number') return { refused: 'invalid' };
    if (expiresAt <= now) return { refused: 'expired' };
    const subject = community ? { community } : { assessmentId: assessmentId as string };
    return { claims: { organizationId, ...subject, format, locale: locale ?? undefined, userId, expiresAt } };
  }
}
