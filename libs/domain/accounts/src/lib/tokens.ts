import { randomBytes, randomUUID } from 'node:crypto';
import { isUuid } from '@socle/platform-database';
import { sha256 } from '@socle/platform-auth';

/**
 * Opaque tokens that name their tenant: `<kind>_<tenant uuid>_<secret>`. The
 * tenant lets the server set row-level security before looking the token up,
 * and only the SHA-256 of the secret is stored.
 */
export interface ParsedToken {
  tenantId: string;
  secretHash: Buffer;
}

export function issueToken(kind: string, tenantId: string): { token: string; hash: Buffer; id: string } {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${kind}_${tenantId}_${secret}`, hash: sha256(secret), id: randomUUID() };
}

export function parseToken(kind: string, token: string): ParsedToken | null {
  if (typeof token !== 'string' || token.length > 200 || !token.startsWith(`${kind}_`)) return null;
  const rest = token.slice(kind.length + 1);
  const tenantId = rest.slice(0, 36);
  const secret = rest.slice(37);
  if (!isUuid(tenantId) || rest[36] !== '_' || !/^[A-Za-z0-9_-]{43}$/.test(secret)) return null;
  return { tenantId: tenantId.toLowerCase(), secretHash: sha256(secret) };
}

export const REFRESH_TOKEN_KIND = 'srt';

/**
 * Claims of the JWTs signed with JWT_SECRET. Each kind of signed token has its
 * own audience, so a token issued for one purpose is refused for another; access
 * tokens are the only JWTs today (report download links use a key derived for
 * them alone).
 */
export const JWT_ISSUER = 'socle';
export const ACCESS_TOKEN_AUDIENCE = 'socle-api';
export const JWT_ALGORITHM = 'HS256';
/** The longest ACCESS_TOKEN_TTL_SECONDS allows: a signed token claiming more is refused. */
export const MAX_ACCESS_TOKEN_LIFETIME_SECONDS = 3600;
export const ORGANIZATION_INVITATION_KIND = 'soi';
export const AGENCY_INVITATION_KIND = 'sai';
