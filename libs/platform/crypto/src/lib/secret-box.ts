import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption of small secrets (AES-256-GCM) under a ring of
 * versioned keys. A sealed value reads `v1.<keyId>.<iv>.<ciphertext>.<tag>`
 * (base64url parts): the key id picks the key at decryption, so new values use
 * the active key while older ones still open until they are re-encrypted.
 * Every value is bound to additional authenticated data (e.g. the tenant and
 * row ids): copied elsewhere, it no longer opens.
 */
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface KeyRing {
  activeKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
}

/** Never carries the secret, the key or the plaintext: only what went wrong. */
export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

/**
 * Parses `keyId:base64(32 bytes)` entries separated by commas and the active key id.
 * Messages name the configuration variables, never a key.
 */
export function parseKeyRing(keysValue: string | undefined, activeKeyId: string | undefined): KeyRing {
  if (!keysValue?.trim()) throw new SecretBoxError('ENCRYPTION_KEYS is required: comma-separated keyId:base64(32 bytes) entries');
  const keys = new Map<string, Buffer>();
  for (const entry of keysValue
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    if (!KEY_ID_PATTERN.test(id))
      throw new SecretBoxError('ENCRYPTION_KEYS: each entry is keyId:base64key with a key id of letters, digits, - or _ (at most 32)');
    const key = Buffer.from(entry.slice(colon + 1), 'base64');
    if (key.length !== 32) throw new SecretBoxError(`ENCRYPTION_KEYS: key "${id}" must be 32 bytes, base64-encoded`);
    if (keys.has(id)) throw new SecretBoxError(`ENCRYPTION_KEYS: key id "${id}" appears twice`);
    keys.set(id, key);
  }
  if (keys.size === 0) throw new SecretBoxError('ENCRYPTION_KEYS is required: comma-separated keyId:base64(32 bytes) entries');
  const active = activeKeyId?.trim() || (keys.size === 1 ? [...keys.keys()][0] : undefined);
  if (!active) throw new SecretBoxError('ENCRYPTION_ACTIVE_KEY is required when ENCRYPTION_KEYS holds several keys');
  if (!keys.has(active)) throw new SecretBoxError(`ENCRYPTION_ACTIVE_KEY "${active}" is not one of the ids in ENCRYPTION_KEYS`);
  return { activeKeyId: active, keys };
}

export class SecretBox {
  constructor(private readonly ring: KeyRing) {}

  static fromConfig(keysValue: string | undefined, activeKeyId: string | undefined): SecretBox {
    return new SecretBox(parseKeyRing(keysValue, activeKeyId));
  }

  get activeKeyId(): string {
    return this.ring.activeKeyId;
  }

  /** Seals `plaintext` under the active key with a fresh random IV, bound to `aad`. */
  encrypt(plaintext: string, aad: string): string {
    const key = this.ring.keys.get(this.ring.activeKeyId) as Buffer;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, this.ring.activeKeyId, iv.toString('base64url'), body.toString('base64url'), tag.toString('base64url')].join('.');
  }

  /** Opens a sealed value; throws SecretBoxError when it is malformed, its key unknown, or it was altered or bound to other data. */
  decrypt(sealed: string, aad: string): string {
    const parts = this.parse(sealed);
    const key = this.ring.keys.get(parts.keyId);
    if (!key) throw new SecretBoxError(`no key "${parts.keyId}" in ENCRYPTION_KEYS`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, parts.iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(parts.tag);
      return Buffer.concat([decipher.update(parts.body), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('the sealed value does not open: altered, or bound to other data');
    }
  }

  /** The id of the key that sealed this value, or null when it is not a sealed value. */
  keyIdOf(sealed: string): string | null {
    try {
      return this.parse(sealed).keyId;
    } catch {
      return null;
    }
  }

  /** Whether the value was sealed under another key than the active one (re-encrypt it). */
  needsRotation(sealed: string): boolean {
    return this.keyIdOf(sealed) !== this.ring.activeKeyId;
  }

  /** Opens with the old key and seals again under the active one. */
  reencrypt(sealed: string, aad: string): string {
    return this.encrypt(this.decrypt(sealed, aad), aad);
  }

  private parse(sealed: string): { keyId: string; iv: Buffer; body: Buffer; tag: Buffer } {
    const parts = typeof sealed === 'string' ? sealed.split('.') : [];
    const b64 = /^[A-Za-z0-9_-]*$/;
    if (parts.length !== 5 || parts[0] !== VERSION || !KEY_ID_PATTERN.test(parts[1]) || !parts.slice(2).every((p) => b64.test(p))) {
      throw new SecretBoxError('not a sealed value (expected v1.<keyId>.<iv>.<ciphertext>.<tag>)');
    }
    const iv = Buffer.from(parts[2], 'base64url');
    const tag = Buffer.from(parts[4], 'base64url');
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretBoxError('not a sealed value (bad IV or tag length)');
    return { keyId: parts[1], iv, body: Buffer.from(parts[3], 'base64url'), tag };
  }
}
