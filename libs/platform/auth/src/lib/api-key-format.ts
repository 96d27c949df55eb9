import { crc32, randomBase62, toBase62 } from './secrets';

/**
 * API keys look like `socle_ak_<40 base62 random><6 base62 CRC-32>`. The typed
 * prefix and the checksum let secret scanners find leaked keys and reject
 * look-alikes without a database. Regex for scanners: `socle_ak_[0-9A-Za-z]{46}`.
 */
export const API_KEY_PREFIX = 'socle_ak_';
const RANDOM_LENGTH = 40;

export function generateApiKey(): { key: string; displayPrefix: string } {
  const random = randomBase62(RANDOM_LENGTH);
  const body = `${API_KEY_PREFIX}${random}`;
  const key = `${body}${toBase62(crc32(body), 6)}`;
  return { key, displayPrefix: `${API_KEY_PREFIX}${random.slice(0, 6)}` };
}

/** True when the string has our key shape and its checksum matches. */
export function isWellFormedApiKey(value: string): boolean {
  if (!/^socle_ak_[0-9A-Za-z]{46}$/.test(value)) return false;
  const body = value.slice(0, API_KEY_PREFIX.length + RANDOM_LENGTH);
  return toBase62(crc32(body), 6) === value.slice(-6);
}
