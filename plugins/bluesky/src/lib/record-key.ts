/**
 * Record keys and AT URIs.
 *
 * Posts are keyed by a TID (13 characters of base32-sortable). To make publishing
 * idempotent, the connector derives the key from the idempotency key: the same key
 * always names the same record, so a retried create finds the post it already made.
 */
import { createHash } from 'node:crypto';
import { ConnectorError } from '@socle/connector-sdk';

const S32 = '234567abcdefghijklmnopqrstuvwxyz';
export const TID_PATTERN = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;
/** 2023-01-01T00:00:00Z in microseconds: derived keys carry a timestamp in the past. */
const BASE_MICROS = 1_672_531_200_000_000n;

/** Encodes a 63-bit integer (timestamp << 10 | clock id) as a TID. */
export function encodeTid(value: bigint): string {
  let out = '';
  for (let i = 12; i >= 0; i--) out += S32[Number((value >> BigInt(5 * i)) & 31n)];
  return out;
}

/**
 * A valid TID derived from `idempotencyKey` (and the thread part's index): 40 bits of the
 * SHA-256 as microseconds after 2023-01-01, 10 more as the clock id.
 */
export function recordKeyFor(idempotencyKey: string, part = 0): string {
  const digest = createHash('sha256').update(`socle:${idempotencyKey}:${part}`, 'utf8').digest();
  const micros = BASE_MICROS + (digest.readBigUInt64BE(0) & ((1n << 40n) - 1n));
  const clockId = BigInt(digest.readUInt16BE(8) & 0x3ff);
  return encodeTid((micros << 10n) | clockId);
}

export interface AtUri {
  repo: string;
  collection: string;
  rkey: string;
}

export function parseAtUri(uri: string, context: string): AtUri {
  const match = /^at:\/\/([^/]+)\/([^/]+)\/([^/?#]+)$/.exec(String(uri ?? ''));
  if (!match)
    throw new ConnectorError('REJECTED', `${context}: "${uri}" is not an AT URI of a record`, { networkReason: 'invalid AT URI' });
  return { repo: match[1], collection: match[2], rkey: match[3] };
}

/** The post's page on the web app (`https://bsky.app/profile/<did>/post/<rkey>`). */
export function postWebUrl(webUrl: string, uri: string): string {
  const { repo, rkey } = parseAtUri(uri, 'Bluesky');
  return `${webUrl.replace(/\/+$/, '')}/profile/${repo}/post/${rkey}`;
}
