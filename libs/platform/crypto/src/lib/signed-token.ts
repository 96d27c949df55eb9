import { createHmac, timingSafeEqual } from 'node:crypto';

const b64 = (data: Buffer | string) => Buffer.from(data).toString('base64url');

/**
 * Compact signed tokens for links that are their own permission (report downloads, approval
 * links): `base64url(JSON array of fields).base64url(HMAC-SHA-256)`. Each kind of token signs
 * with a key derived from the server secret for its `purpose` alone, so no token of one kind
 * (nor an access token, signed with the secret itself) ever verifies as another. Checking what
 * the fields mean, expiry included, is the caller's.
 */
export class SignedTokens {
  private readonly key: Buffer;

  constructor(secret: string, purpose: string) {
    this.key = createHmac('sha256', secret).update(purpose).digest();
  }

  sign(fields: readonly unknown[]): string {
    const body = b64(JSON.stringify(fields));
    return `${body}.${b64(createHmac('sha256', this.key).update(body).digest())}`;
  }

  /** The fields of a token this key signed, or null when it is malformed, longer than `maxLength`, or forged. */
  open(token: unknown, maxLength: number): unknown[] | null {
    if (typeof token !== 'string' || token.length > maxLength) return null;
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) return null;
    // Compared as text with the one canonical encoding: base64url decoding ignores a last character's spare bits
    // and skips characters outside the alphabet, so several strings decode to the same bytes.
    const expected = Buffer.from(b64(createHmac('sha256', this.key).update(body).digest()));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const parsed: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      return Array.isArray(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }
}
