/**
 * UTM parameters on the links the platform publishes, so web analytics
 * attribute the traffic to the network, to social media and to the item's
 * campaign. Pure string work: a link is never parsed and rebuilt by a URL
 * library (that would re-encode what the author wrote, turn a Unicode host into
 * punycode, reorder nothing but still change bytes); the parameters are added
 * before the fragment, after any existing query, and a parameter already there
 * (any utm_* the author set, whatever its case) is never overwritten.
 */
import { countLength, type ConnectorManifest } from '@socle/connector-sdk';

export interface UtmTags {
  /** utm_source: the network (connector name). */
  source: string;
  /** utm_medium: always social. */
  medium: string;
  /** utm_campaign: the item's campaign, else its theme, as a slug; left out when it has neither. */
  campaign: string | null;
  /** utm_content: which variant (its id's first block). */
  content: string | null;
}

/** Links longer than this are left as they are: a link that long is generated and may be signed. */
export const UTM_MAX_URL_LENGTH = 4000;

/** A slug of a name: lower case, accents removed, words joined by hyphens, at most 80 characters; '' when nothing is left. */
export function slugOf(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** A slug of a campaign or theme name (see `slugOf`), or null for none. */
export function utmSlug(name: string | null | undefined): string | null {
  if (!name) return null;
  return slugOf(name) || null;
}

/** The tags of one publication: the network, social, the item's campaign (else theme), the variant's short id. */
export function utmTagsFor(input: { network: string; campaign: string | null; theme: string | null; variantId: string | null }): UtmTags {
  return {
    source: input.network,
    medium: 'social',
    campaign: utmSlug(input.campaign) ?? utmSlug(input.theme),
    content: input.variantId ? input.variantId.split('-')[0].toLowerCase() : null,
  };
}

const HTTP = /^https?:\/\/[^\s/?#]/i;

/** The parameter names a query already has, decoded and lower-cased (an undecodable name is taken as written). */
function existingNames(query: string): Set<string> {
  const names = new Set<string>();
  for (const pair of query.split(/[&;]/)) {
    if (pair === '') continue;
    const raw = pair.split('=')[0].replace(/\+/g, ' ');
    let name = raw;
    try {
      name = decodeURIComponent(raw);
    } catch {
      // A malformed escape: compare it as written.
    }
    names.add(name.toLowerCase());
  }
  return names;
}

/**
 * The link with the UTM parameters it does not have yet. Anything but an
 * absolute http(s) link (mailto:, javascript:, a relative path) and links past
 * UTM_MAX_URL_LENGTH come back unchanged.
 */
export function withUtm(url: string, tags: UtmTags): string {
  if (!HTTP.test(url) || url.length > UTM_MAX_URL_LENGTH) return url;
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : url.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  const query = queryAt === -1 ? '' : beforeHash.slice(queryAt + 1);
  const names = existingNames(query);
  const wanted: [string, string | null][] = [
    ['utm_source', tags.source],
    ['utm_medium', tags.medium],
    ['utm_campaign', tags.campaign],
    ['utm_content', tags.content],
  ];
  const added = wanted
    .filter(([name, value]) => value !== null && value !== '' && !names.has(name))
    .map(([name, value]) => `${name}=${encodeURIComponent(value as string)}`);
  if (added.length === 0) return url;
  const joiner = queryAt === -1 ? '?' : query === '' || query.endsWith('&') ? '' : '&';
  return `${beforeHash}${joiner}${added.join('&')}${fragment}`;
}

// A link in running text: a scheme, then anything but white space and the brackets and quotes that end a link in prose.
const LINK_IN_TEXT = /https?:\/\/[^\s<>"'`]+/gi;
// Punctuation that ends a sentence rather than the link.
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '"', '»', ')', ']', '}']);

/** Splits trailing sentence punctuation off a link found in text (scanned from the end); a closing parenthesis the link opened stays. */
function trimLink(candidate: string): { link: string; rest: string } {
  let end = candidate.length;
  while (end > 0 && TRAILING.has(candidate[end - 1])) end -= 1;
  let link = candidate.slice(0, end);
  let rest = candidate.slice(end);
  // Wikipedia-style links end with their own parenthesis: keep as many as the link opened.
  let open = 0;
  for (const c of link) {
    if (c === '(') open += 1;
    else if (c === ')') open -= 1;
  }
  while (open > 0 && rest.startsWith(')')) {
    link += ')';
    rest = rest.slice(1);
    open -= 1;
  }
  return { link, rest };
}

/** Every http(s) link inside the text tagged (one pass over the text). */
export function tagLinksInText(text: string, tags: UtmTags): string {
  return text.replace(LINK_IN_TEXT, (candidate) => {
    const { link, rest } = trimLink(candidate);
    return `${withUtm(link, tags)}${rest}`;
  });
}

/**
 * A variant as it will be sent: the link field tagged, and every link inside
 * the text. When the text holds the variant's own link, it holds the tagged one
 * afterwards, so the publisher does not append it a second time.
 */
export function tagVariant<T extends { text: string; linkUrl: string | null }>(variant: T, tags: UtmTags): T {
  return {
    ...variant,
    text: tagLinksInText(variant.text, tags),
    linkUrl: variant.linkUrl === null ? null : withUtm(variant.linkUrl, tags),
  };
}

/** What the publisher needs to tag an organisation's links: whether it wants them tagged, and each item's campaign and theme (read with the variants, `PublicationRepository.sendInputs`). */
export interface LinkTracking {
  enabled: boolean;
  items: Map<string, { campaign: string | null; theme: string | null }>;
}

/** A tagged variant remembers the text and link it was made from, in case the network's limits cannot take the longer links. */
export interface TrackedVariantFields {
  untracked?: { text: string; linkUrl: string | null };
}

/** The variant a publication sends: tagged unless the organisation turned tracking off. */
export function trackedVariant<T extends { text: string; linkUrl: string | null }>(
  variant: T,
  tracking: LinkTracking,
  publication: { itemId: string; network: string; variantId: string | null },
): T & TrackedVariantFields {
  if (!tracking.enabled) return variant;
  const item = tracking.items.get(publication.itemId);
  const tagged = tagVariant(
    variant,
    utmTagsFor({
      network: publication.network,
      campaign: item?.campaign ?? null,
      theme: item?.theme ?? null,
      variantId: publication.variantId,
    }),
  );
  if (tagged.text === variant.text && tagged.linkUrl === variant.linkUrl) return variant;
  return { ...tagged, untracked: { text: variant.text, linkUrl: variant.linkUrl } };
}

/**
 * The tagged variant when the network's text limits take it, else the one it
 * was made from: a post approved within the limits is never refused because
 * its links grew (a network that counts every character of a link, such as
 * Bluesky's 300 graphemes). `compose` gives the text as sent (the link appended).
 */
export function withinTextLimits<T extends { text: string; linkUrl: string | null } & TrackedVariantFields>(
  variant: T,
  limits: ConnectorManifest['text'],
  compose: (variant: { text: string; linkUrl: string | null }) => string,
): T {
  if (!variant.untracked) return variant;
  const text = compose(variant);
  const fits =
    countLength(text, limits.counting) <= limits.maxLength &&
    (limits.maxBytes === undefined || Buffer.byteLength(text, 'utf8') <= limits.maxBytes);
  return fits ? variant : { ...variant, ...variant.untracked };
}
