import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SocleConfig } from '@socle/platform-config';
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

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/**
 * Short-lived download links for assessment reports, for browsers and
 * spreadsheet tools that fetch a URL rather than a GraphQL answer. The link is
 * the permission: issued only through GraphQL to a caller allowed to read the
 * assessment, bound to that organisation and assessment, signed (HMAC-SHA-256
 * with a key derived from the server secret), valid five minutes.
 */
@Injectable()
export class ReportLinks {
  private readonly key: Buffer;

  constructor(config: SocleConfig) {
    // A key of its own, derived for this one kind of token: access tokens are signed with
    // JWT_SECRET itself, so neither kind ever verifies as the other.
    this.key = createHmac('sha256', config.JWT_SECRET).update('socle.report-link.v1').digest();
  }

  sign(claims: ReportLinkClaims): string {
    const body = b64(
      JSON.stringify([claims.organizationId, claims.assessmentId, claims.format, claims.locale ?? null, claims.userId, claims.expiresAt]),
    );
    return `${body}.${b64(createHmac('sha256', this.key).update(body).digest())}`;
  }

  /** The claims of a link this server signed and that has not expired; null otherwise (`expired` tells which). */
  verify(token: string, now = Date.now()): { claims: ReportLinkClaims } | { refused: 'invalid' | 'expired' } {
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined || token.length > 1000) return { refused: 'invalid' };
    const expected = createHmac('sha256', this.key).update(body).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { refused: 'invalid' };
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return { refused: 'invalid' };
    }
    if (!Array.isArray(parsed) || parsed.length !== 6) return { refused: 'invalid' };
    const [organizationId, assessmentId, format, locale, userId, expiresAt] = parsed as unknown[];
    if (!isUuid(organizationId) || !isUuid(assessmentId) || (format !== 'PDF' && format !== 'CSV')) return { refused: 'invalid' };
    if (locale !== null && locale !== 'fr' && locale !== 'en') return { refused: 'invalid' };
    if (userId !== null && !isUuid(userId)) return { refused: 'invalid' };
    if (typeof expiresAt !== 'number') return { refused: 'invalid' };
    if (expiresAt <= now) return { refused: 'expired' };
    return { claims: { organizationId, assessmentId, format, locale: locale ?? undefined, userId, expiresAt } };
  }
}
