import { createHash } from 'node:crypto';

/**
 * SHA-256 (hex) of every secret value that was ever committed to this repository
 * (development defaults, test fixtures) and of the documented placeholders. A value
 * in a public repository signs nothing: anyone can read it and forge tokens, so a
 * process given one refuses to start. Encryption keys are listed by the SHA-256 of
 * their 32 raw bytes, so another base64 spelling of the same key is caught too.
 * Only fingerprints are kept here, so this list never republishes a value.
 */
export const PUBLISHED_SECRET_FINGERPRINTS: ReadonlySet<string> = new Set([
  // infra/dev.env: JWT_SECRET, API_KEY_PEPPER, ENCRYPTION_KEYS "dev1"
  'acd2d05129b92278ee80d00ed8d72be214deb534fa92027c02bb2fa333f7fad4',
  '48201a02fc655fdae4f36ffd6b81212e6c690dabe2a3db8e49d274c792314b20',
  '241aae941d9540f9d971e0eef9210fb0be40b76edb28f8cac06fc282e9e8abf3',
  // test set-up: JWT_SECRET, API_KEY_PEPPER, ENCRYPTION_KEYS "t0" and "t1"
  'fcea65ee3acfe2df32ccc5f61a5f4c505f43518abae555e8ba7e27993b1608da',
  '7a9fdfe9f7db2ba6783a7d21ea01a5904e632a76957c0fc58972976508df6bfc',
  '630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd',
  '72dbb7336c76780023f83da4c355f2eeea85733b13d3477697917790c1229084',
  // secrets written in unit and end-to-end specs
  'c5946f33fd9f71eaec9ad570e09be03cb5d99743479977c71d5a4788a376c920',
  '8cb31f670d0a52291931424f3a26af6da3d4c6adaa0a3988b154f46e8c2b8f2b',
]);

/** Words of a value someone was meant to replace (documentation, templates, defaults). */
const PLACEHOLDER =
  /change[-_. ]?(me|it|this)|replace[-_. ]?me|placeholder|example|dummy|insecure|not[-_. ]?(a[-_. ]?)?secret|your[-_. ]?(jwt[-_. ]?)?(secret|pepper|key)|development[-_. ]?only/i;

/**
 * Least Shannon entropy, in bits, estimated from a value's own character
 * frequencies. Random base64 of 24 bytes (32 characters) scores 120 or more and
 * hex of 16 bytes 90 or more; a word repeated to length, a keyboard walk or a
 * handful of characters scores far less.
 */
export const MIN_SECRET_ENTROPY_BITS = 88;
export const MIN_SECRET_LENGTH = 32;

export const fingerprint = (value: string | Buffer): string => createHash('sha256').update(value).digest('hex');

/** Shannon entropy of the symbol frequencies times the length: a cheap, conservative estimate. */
export function estimatedEntropyBits(symbols: ArrayLike<number | string>): number {
  const counts = new Map<number | string, number>();
  for (let i = 0; i < symbols.length; i++) counts.set(symbols[i], (counts.get(symbols[i]) ?? 0) + 1);
  let perSymbol = 0;
  for (const n of counts.values()) {
    const p = n / symbols.length;
    perSymbol -= p * Math.log2(p);
  }
  return perSymbol * symbols.length;
}

/**
 * A run of 8 symbols that repeat, count up or count down by one ("aaaaaaaa",
 * "01234567", bytes 0..31), or a block of 8 that appears twice. For random data
 * both are vanishingly rare (below one in a million for hex of 32 bytes).
 */
function patterned(codes: number[]): string | null {
  const RUN = 8;
  for (let i = 0; i + RUN <= codes.length; i++) {
    const step = codes[i + 1] - codes[i];
    if (Math.abs(step) > 1) continue;
    let j = i + 1;
    while (j < codes.length && codes[j] - codes[j - 1] === step) j++;
    if (j - i >= RUN) return step === 0 ? 'a repeated character' : 'a run of consecutive characters';
  }
  const seen = new Set<string>();
  for (let i = 0; i + RUN <= codes.length; i++) {
    const block = codes.slice(i, i + RUN).join(',');
    if (seen.has(block)) return 'a repeated sequence';
    seen.add(block);
  }
  return null;
}

const GENERATE = 'generate a new one (`npm start` writes random ones to .env.secrets; or `openssl rand -base64 48`)';

/** Why a secret string (JWT_SECRET, API_KEY_PEPPER) must not be used, or null when it may. */
export function secretWeakness(name: string, value: string): string | null {
  if (value.length < MIN_SECRET_LENGTH) return `${name} must be at least ${MIN_SECRET_LENGTH} characters`;
  if (PUBLISHED_SECRET_FINGERPRINTS.has(fingerprint(value)) || PLACEHOLDER.test(value)) {
    return `${name} is a value published in the source repository (a committed default or a placeholder), so anyone can use it: ${GENERATE}`;
  }
  const codes = Array.from(value, (c) => c.codePointAt(0) as number);
  const pattern = patterned(codes);
  if (pattern) return `${name} is too low in entropy (it contains ${pattern}): ${GENERATE}`;
  const bits = estimatedEntropyBits(codes);
  if (bits < MIN_SECRET_ENTROPY_BITS) {
    return `${name} is too low in entropy (about ${Math.floor(bits)} bits from its character frequencies, at least ${MIN_SECRET_ENTROPY_BITS} needed): ${GENERATE}`;
  }
  return null;
}

/** Why a 32-byte encryption key must not be used, or null when it may. */
export function encryptionKeyWeakness(variable: string, keyId: string, key: Buffer): string | null {
  const generate = 'generate a new key (`openssl rand -base64 32`), add it to ENCRYPTION_KEYS, make it ENCRYPTION_ACTIVE_KEY and rotate';
  if (PUBLISHED_SECRET_FINGERPRINTS.has(fingerprint(key))) {
    return `${variable}: key "${keyId}" is a value published in the source repository, so anyone can decrypt with it: ${generate}`;
  }
  const bytes = Array.from(key);
  const pattern = patterned(bytes);
  // 32 random bytes hold about 30 distinct values; fewer than 16 is a made-up key.
  if (pattern || new Set(bytes).size < 16) {
    return `${variable}: key "${keyId}" is too low in entropy (${pattern ? `it contains ${pattern}` : 'too few distinct bytes'}): ${generate}`;
  }
  return null;
}
