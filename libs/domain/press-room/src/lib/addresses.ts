import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';
import { slugOf } from '@socle/content';

/** A room's public slug: lowercase letters, digits and inner dashes, 3 to 63 characters (one DNS label). */
export const ROOM_SLUG = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
/** A release's slug within its room: the same alphabet, 1 to 100 characters. */
export const RELEASE_SLUG = /^(?:[a-z0-9]|[a-z0-9][a-z0-9-]{0,98}[a-z0-9])$/;
export const RELEASE_SLUG_MAX = 100;

/** Slugs a room may not take: they name pages or could be mistaken for the platform's own. */
const RESERVED_SLUGS = new Set(['www', 'api', 'admin', 'press', 'media', 'assets', 'graphql', 'health', 'metrics', 'static', 'socle']);

export function roomSlugProblem(slug: string): string | null {
  if (!ROOM_SLUG.test(slug)) return 'must be 3 to 63 lowercase letters, digits and dashes, starting and ending with a letter or digit';
  if (slug.includes('--')) return 'must not hold two dashes in a row';
  if (RESERVED_SLUGS.has(slug)) return 'is reserved';
  return null;
}

/**
 * A release slug from a title: accents folded, lowercase, anything else a dash, at most 80 characters (room for a
 * `-2` suffix); `release` when nothing is left.
 */
export function slugify(title: string): string {
  return slugOf(title) || 'release';
}

/** Top-level labels a public press room cannot live under: local, private, reserved or test names (RFC 2606, 6761, 6762, 8375). */
const NON_PUBLIC_SUFFIXES = [
  'localhost',
  'local',
  'internal',
  'intranet',
  'lan',
  'home',
  'corp',
  'private',
  'invalid',
  'test',
  'example',
  'onion',
  'alt',
  'arpa',
  'home.arpa',
];
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** A top-level label: letters (2 to 63), or an internationalised one in its ASCII form. */
const TOP_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export type CustomDomainCheck = { ok: true; host: string } | { ok: false; problem: string };

/**
 * A custom domain as a member types it: a host name only (no scheme, path, port or user), internationalised names
 * taken in their ASCII (punycode) form, a trailing dot dropped, lower case. Refused: IP addresses in any notation,
 * `localhost` and other non-public names, single labels, and the platform's own host (and the hosts under it).
 */
export function checkCustomDomain(input: string, platformHost: string | null): CustomDomainCheck {
  const raw = input.trim();
  if (raw.length === 0 || raw.length > 253) return { ok: false, problem: 'must be a host name of 1 to 253 characters' };
  if (/[\s/:?#@[\]\\%]/.test(raw))
    return { ok: false, problem: 'must be a host name only, such as press.example.com (no scheme, port or path)' };
  if (isIP(raw.replace(/^\[|\]$/g, ''))) return { ok: false, problem: 'must be a host name, not an IP address' };
  const ascii = domainToASCII(raw.replace(/\.$/, '')).toLowerCase();
  if (!ascii || ascii.length > 253) return { ok: false, problem: 'is not a valid host name' };
  if (isIP(ascii)) return { ok: false, problem: 'must be a host name, not an IP address' };
  const labels = ascii.split('.');
  if (labels.length < 2) return { ok: false, problem: 'must have at least two labels, such as press.example.com' };
  if (!labels.every((label) => LABEL.test(label))) return { ok: false, problem: 'is not a valid host name' };
  const top = labels[labels.length - 1];
  // All-digit or hexadecimal-looking last labels are how IP addresses hide (0x7f.1, 127.1, 2130706433).
  if (!TOP_LABEL.test(top)) return { ok: false, problem: 'must end with a real top-level domain (letters), not an address' };
  if (NON_PUBLIC_SUFFIXES.some((suffix) => ascii === suffix || ascii.endsWith(`.${suffix}`)))
    return { ok: false, problem: 'must be a public host name (not localhost, .local, .internal, .test…)' };
  if (platformHost && (ascii === platformHost || ascii.endsWith(`.${platformHost}`)))
    return { ok: false, problem: 'must not be the platform’s own host name' };
  return { ok: true, host: ascii };
}

/**
 * The host a request names, as custom domains are stored: the `Host` header without its port, lower case, without a
 * trailing dot; null for anything else (an IP address, a malformed header).
 */
export function requestHost(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (typeof value !== 'string' || value.length === 0 || value.length > 300) return null;
  if (value.startsWith('[')) return null; // an IPv6 literal
  const host = value
    .replace(/:\d{1,5}$/, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (!/^[a-z0-9.-]{1,253}$/.test(host) || isIP(host)) return null;
  return host;
}

/** The host of the platform's public address (PUBLIC_URL), lower case, or null when it is an IP address. */
export function platformHostOf(publicUrl: string): string | null {
  try {
    const host = new URL(publicUrl).hostname.toLowerCase().replace(/\.$/, '');
    return isIP(host.replace(/^\[|\]$/g, '')) ? null : host;
  } catch {
    return null;
  }
}

/**
 * An e-mail address as the newsletter stores it: trimmed, its domain in lower case (the local part is the mailbox
 * owner's and kept as given), at most 254 characters; null when it is not an address.
 */
export function normalizeEmail(input: string): string | null {
  const value = input.trim();
  if (value.length < 3 || value.length > 254) return null;
  const at = value.lastIndexOf('@');
  if (at < 1 || at === value.length - 1) return null;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1).toLowerCase();
  if (local.length > 64) return null;
  // The local part as mail clients accept it unquoted (RFC 5322 atoms and dots), the domain a host name.
  if (!/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/.test(local)) return null;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return null;
  if (!/^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(labels[labels.length - 1])) return null;
  return `${local}@${domain}`;
}
