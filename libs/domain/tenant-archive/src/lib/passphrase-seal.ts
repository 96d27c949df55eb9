import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { PassphraseKdf, TenantArchiveError } from './archive-format';

const VERSION = 'pp1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const CHECK_VALUE = 'socle organization archive';
const CHECK_AAD = 'passphrase-check';

/** Defaults: 2^15 × 8 × 128 bytes = 32 MiB of memory per derivation, about a tenth of a second. */
export const DEFAULT_KDF: Omit<PassphraseKdf, 'salt'> = { name: 'scrypt', N: 2 ** 15, r: 8, p: 1 };

function deriveKey(passphrase: string, kdf: PassphraseKdf): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      passphrase.normalize('NFC'),
      Buffer.from(kdf.salt, 'base64'),
      32,
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

/**
 * Seals the secrets of an archive with a key derived from the exporter's passphrase (scrypt, then AES-256-GCM),
 * each bound to its table, column and row: a value moved to another row does not open.
 */
export class PassphraseSeal {
  private constructor(
    private readonly key: Buffer,
    readonly kdf: PassphraseKdf,
  ) {}

  static async create(passphrase: string, parameters: Omit<PassphraseKdf, 'salt'> = DEFAULT_KDF): Promise<PassphraseSeal> {
    if (passphrase.length < 12) throw new TenantArchiveError('the archive passphrase must be at least 12 characters long');
    const kdf: PassphraseKdf = { ...parameters, name: 'scrypt', salt: randomBytes(16).toString('base64') };
    return new PassphraseSeal(await deriveKey(passphrase, kdf), kdf);
  }

  /** The key of an archive's manifest; refuses a wrong passphrase (its check value does not open). */
  static async open(passphrase: string, kdf: PassphraseKdf, check: string): Promise<PassphraseSeal> {
    if (
      kdf?.name !== 'scrypt' ||
      ![kdf.N, kdf.r, kdf.p].every((n) => Number.isInteger(n) && n > 0) ||
      kdf.N > 2 ** 20 ||
      kdf.r * kdf.p > 64
    )
      throw new TenantArchiveError('the archive names key derivation parameters this instance does not accept');
    const seal = new PassphraseSeal(await deriveKey(passphrase, kdf), kdf);
    let opened: string | null = null;
    try {
      opened = seal.open(check, CHECK_AAD);
    } catch {
      opened = null;
    }
    if (opened !== CHECK_VALUE) throw new TenantArchiveError('wrong passphrase: the archive secrets do not open with it');
    return seal;
  }

  checkValue(): string {
    return this.seal(CHECK_VALUE, CHECK_AAD);
  }

  seal(plaintext: string, aad: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
  }

  open(sealed: string, aad: string): string {
    const [version, iv, body, tag] = sealed.split('.');
    if (version !== VERSION || !iv || body === undefined || !tag)
      throw new TenantArchiveError('a sealed value of the archive is malformed');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new TenantArchiveError('a sealed value of the archive does not open: wrong passphrase or altered archive');
    }
  }
}
