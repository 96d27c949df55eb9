/**
 * Validation of a variant against a manifest's capabilities and limits, counting
 * length the way each network counts it. Returns every violation, never throws.
 */
import type {
  ConnectorManifest,
  LengthCounting,
  MediaAttachment,
  Mention,
  MentionAttachment,
  MentionAttachmentKind,
  PublishedPost,
  Variant,
  VariantOptionSpec,
  Violation,
} from './contract';

/** Mastodon counts every http(s) URL as this many characters, whatever its length. */
export const MASTODON_URL_LENGTH = 23;

let segmenter: Intl.Segmenter | undefined;

/**
 * Code units handed to `Intl.Segmenter` at once. Its iteration slows down with the length of the whole string (here
 * 100,000 characters took 3.7 s, 4,000 took 15 ms), so a long text is segmented one window at a time.
 */
const GRAPHEME_WINDOW = 1024;
/** Where a window has to be cut inside a cluster-rich run, the boundaries this close to its end are found again. */
const GRAPHEME_MARGIN = 64;

/**
 * Code units that never join a neighbour that is one of them into one grapheme cluster, whatever surrounds the pair:
 * below U+0300 except CR, Latin Extended Additional, spaces and general punctuation (’ « — …, not the zero-width and
 * format characters), currency signs, CJK ideographs and Hangul syllables. Jamo, combining marks, emoji, regional
 * indicators, joiners and prepended marks are not among them. Between two of them there is a boundary, so a run of them
 * needs no segmenter.
 */
export function isPlainUnit(unit: number): boolean {
  if (unit < 0x300) return unit !== 0x0d;
  return (
    (unit >= 0x1e00 && unit <= 0x1eff) ||
    (unit >= 0x2000 && unit <= 0x200a) ||
    (unit >= 0x2010 && unit <= 0x2027) ||
    (unit >= 0x202f && unit <= 0x205f) ||
    (unit >= 0x20a0 && unit <= 0x20cf) ||
    (unit >= 0x4e00 && unit <= 0x9fff) ||
    (unit >= 0xac00 && unit <= 0xd7a3)
  );
}

/**
 * The extended grapheme clusters of `text` with their UTF-16 index, as `Intl.Segmenter` finds them, in time linear in
 * the text's length. A long text is cut between two plain code units near each window's end (a boundary whatever
 * surrounds it) and each piece segmented alone. A window with no such pair (a run of emoji, of a script whose letters
 * combine) keeps the clusters its segmentation found up to `GRAPHEME_MARGIN` before its end and starts the next window
 * at the first one it did not keep; a window holding a single cluster grows until the cluster ends.
 */
export function* graphemeSegments(text: string): Generator<{ segment: string; index: number }> {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let start = 0;
  let window = GRAPHEME_WINDOW;
  while (start < text.length) {
    const end = start + window;
    if (end >= text.length) {
      for (const { segment, index } of segmenter.segment(text.slice(start))) yield { segment, index: start + index };
      return;
    }
    let cut = end;
    while (cut > start + window / 2 && !(isPlainUnit(text.charCodeAt(cut - 1)) && isPlainUnit(text.charCodeAt(cut)))) cut -= 1;
    if (cut > start + window / 2) {
      for (const { segment, index } of segmenter.segment(text.slice(start, cut))) yield { segment, index: start + index };
      start = cut;
      window = GRAPHEME_WINDOW;
      continue;
    }
    const segments = [...segmenter.segment(text.slice(start, end))];
    let kept = segments.length - 1;
    while (kept > 0 && segments[kept].index > window - GRAPHEME_MARGIN) kept -= 1;
    if (kept === 0) {
      window *= 2;
      continue;
    }
    for (let i = 0; i < kept; i++) yield { segment: segments[i].segment, index: start + segments[i].index };
    start += segments[kept].index;
    window = GRAPHEME_WINDOW;
  }
}

/** Extended grapheme clusters, as Bluesky counts them (👩‍👩‍👧 and é are one each). */
export function countGraphemes(text: string): number {
  let count = 0;
  for (const _ of graphemeSegments(text)) count++;
  return count;
}

export function countCodePoints(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

// A URL runs to the next whitespace; trailing punctuation is not part of it.
const URL_PATTERN = /https?:\/\/[^\s<>"]+/giu;
const TRAILING_PUNCTUATION = /[.,;:!?'")\]}…]+$/u;
// `@user@domain.tld`: Mastodon counts only `@user`.
const REMOTE_MENTION = /(^|[^\p{L}\p{N}_/])(@[\p{L}\p{N}_]+(?:[.-][\p{L}\p{N}_]+)*)@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/**
 * Mastodon's count: code points, where each http(s) URL counts as 23 characters and a
 * remote mention `@user@domain` counts as its `@user` part only.
 */
export function countMastodonLength(text: string): number {
  let urls = 0;
  const withoutUrls = text.replace(URL_PATTERN, (match) => {
    const trailing = TRAILING_PUNCTUATION.exec(match)?.[0] ?? '';
    urls++;
    return trailing;
  });
  const withoutDomains = withoutUrls.replace(REMOTE_MENTION, (_match, before: string, user: string) => `${before}${user}`);
  return countCodePoints(withoutDomains) + urls * MASTODON_URL_LENGTH;
}

/** The length of `text` as the network with this counting rule sees it. */
export function countLength(text: string, counting: LengthCounting): number {
  switch (counting) {
    case 'graphemes':
      return countGraphemes(text);
    case 'code-points-urls-as-23':
      return countMastodonLength(text);
    case 'code-points':
      return countCodePoints(text);
  }
}

function unitDescription(counting: LengthCounting): string {
  switch (counting) {
    case 'graphemes':
      return 'characters (counted as graphemes: an emoji or an accented letter is one)';
    case 'code-points-urls-as-23':
      return `characters (every link counts as ${MASTODON_URL_LENGTH})`;
    case 'code-points':
      return 'characters';
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} bytes`;
}

/** Whether the part sets an option that carries the post's body (`VariantOptionSpec.body`). */
function hasBody(manifest: ConnectorManifest, part: Variant): boolean {
  return (manifest.options ?? []).some((spec) => {
    const value = spec.body ? part.options?.[spec.name] : undefined;
    return typeof value === 'string' && value.trim() !== '';
  });
}

function validatePart(manifest: ConnectorManifest, part: Variant, prefix: string, violations: Violation[]): void {
  const at = (path: string) => (prefix ? `${prefix}.${path}` : path);
  const network = manifest.displayName;
  const text = typeof part.text === 'string' ? part.text : '';
  const media: MediaAttachment[] = Array.isArray(part.media) ? part.media : [];

  if (typeof part.text !== 'string') {
    violations.push({ rule: 'text.missing', path: at('text'), message: 'The text is missing.' });
  } else if (!text.trim() && media.length === 0 && !hasBody(manifest, part)) {
    violations.push({ rule: 'text.empty', path: at('text'), message: `A ${network} post needs text or media; this one has neither.` });
  }

  const length = countLength(text, manifest.text.counting);
  if (length > manifest.text.maxLength) {
    violations.push({
      rule: 'text.too-long',
      path: at('text'),
      message: `The text is ${length} ${unitDescription(manifest.text.counting)} long; ${network} allows ${manifest.text.maxLength}. Remove ${length - manifest.text.maxLength}.`,
    });
  }
  if (manifest.text.maxBytes !== undefined) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > manifest.text.maxBytes) {
      violations.push({
        rule: 'text.too-many-bytes',
        path: at('text'),
        message: `The text takes ${bytes} bytes in UTF-8; ${network} allows ${manifest.text.maxBytes}.`,
      });
    }
  }

  if (media.length > 0 && !manifest.capabilities.media) {
    violations.push({
      rule: 'media.unsupported',
      path: at('media'),
      message: `${network} posts cannot carry media; remove the ${media.length} attachment(s).`,
    });
    return;
  }
  if (media.length > manifest.media.maxCount) {
    violations.push({
      rule: 'media.too-many',
      path: at('media'),
      message: `The post has ${media.length} attachments; ${network} allows ${manifest.media.maxCount}.`,
    });
  }
  media.forEach((item, index) => {
    const path = at(`media[${index}]`);
    const type = (item.mimeType ?? '').toLowerCase();
    if (!manifest.media.types.map((t) => t.toLowerCase()).includes(type)) {
      violations.push({
        rule: 'media.type',
        path,
        message: `Attachment ${index + 1} is ${type || 'of unknown type'}; ${network} accepts ${manifest.media.types.join(', ') || 'no media type'}.`,
      });
    }
    const size = mediaSize(item);
    if (size > manifest.media.maxBytes) {
      violations.push({
        rule: 'media.too-large',
        path,
        message: `Attachment ${index + 1} weighs ${formatBytes(size)}; ${network} allows ${formatBytes(manifest.media.maxBytes)}.`,
      });
    }
    if (size === 0) {
      violations.push({ rule: 'media.empty', path, message: `Attachment ${index + 1} is empty.` });
    }
  });
}

/**
 * An attachment's size in bytes: its data's, or, when the data is not loaded (a described attachment, as the
 * platform's editor checks), its `byteSize`. Anything else (a hostile value) counts as 0.
 */
export function mediaSize(item: Partial<MediaAttachment> | null | undefined): number {
  const data = item?.data;
  if (data instanceof Uint8Array && data.byteLength > 0) return data.byteLength;
  const described = item?.byteSize;
  return typeof described === 'number' && Number.isSafeInteger(described) && described > 0 ? described : 0;
}

/**
 * Every way `variant` breaks the manifest's capabilities and limits, with a readable
 * message and a path (`text`, `media[1]`, `thread[0].text`). Empty when it is publishable.
 */
export function validateVariant(manifest: ConnectorManifest, variant: Variant): Violation[] {
  const violations: Violation[] = [];
  if (!manifest.capabilities.publish) {
    violations.push({
      rule: 'publish.unsupported',
      path: 'variant',
      message: `${manifest.displayName} is listening only: nothing can be published to it.`,
    });
    return violations;
  }
  validatePart(manifest, variant, '', violations);
  if (manifest.options) violations.push(...checkVariantOptions(manifest, variant.options ?? {}));
  const thread = Array.isArray(variant.thread) ? variant.thread : [];
  if (thread.length > 0 && !manifest.capabilities.threads) {
    violations.push({
      rule: 'thread.unsupported',
      path: 'thread',
      message: `${manifest.displayName} does not support threads; publish the ${thread.length} further part(s) separately.`,
    });
    return violations;
  }
  thread.forEach((part, index) => {
    const prefix = `thread[${index}]`;
    validatePart(manifest, part, prefix, violations);
    if (Array.isArray(part.thread) && part.thread.length > 0) {
      violations.push({
        rule: 'thread.nested',
        path: `${prefix}.thread`,
        message: `Part ${index + 2} of the thread has its own thread; list every part in the first one.`,
      });
    }
  });
  return violations;
}

// eslint-disable-next-line no-control-regex -- control characters are what this refuses (tab, line feed and carriage return aside)
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Why `value` is not a valid value of `spec` (a sentence), or null when it is. Strings are as a person typed them. */
export function optionValueProblem(spec: VariantOptionSpec, value: unknown): string | null {
  switch (spec.type) {
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      if (spec.min !== undefined && value < spec.min) return `must be at least ${spec.min}`;
      if (spec.max !== undefined && value > spec.max) return `must be at most ${spec.max}`;
      return null;
    }
    default: {
      if (typeof value !== 'string') return 'must be text';
      if (CONTROL_CHARACTERS.test(value)) return 'must not contain control characters';
      if (spec.type !== 'text' && /[\r\n]/.test(value)) return 'must be on one line';
      if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value)) return 'must be valid Unicode text';
      const length = countCodePoints(value);
      if (spec.maxLength !== undefined && length > spec.maxLength) return `is ${length} characters long; at most ${spec.maxLength}`;
      if (spec.type === 'url' && !isHttpUrl(value)) return 'must be an absolute http(s) URL';
      if (spec.type === 'date-time' && (!ISO_DATE_TIME.test(value) || Number.isNaN(Date.parse(value)))) {
        return 'must be a date and time with its offset, such as 2027-01-31T09:00:00+01:00';
      }
      if (spec.type === 'enum' && !(spec.values ?? []).includes(value)) return `must be one of ${(spec.values ?? []).join(', ')}`;
      return null;
    }
  }
}

/**
 * A value typed in a form (always text) as the option's type: `true`/`false` for a boolean, a number for a number,
 * the text itself otherwise; undefined when it cannot be read as that type (then `optionValueProblem` says why).
 */
export function readOptionValue(spec: VariantOptionSpec, text: string): string | number | boolean | undefined {
  if (spec.type === 'boolean') return text === 'true' ? true : text === 'false' ? false : undefined;
  if (spec.type === 'number') {
    const value = text.trim() === '' ? Number.NaN : Number(text);
    return Number.isFinite(value) ? value : undefined;
  }
  return text;
}

/**
 * Every way a variant's options break the manifest's `options`: an option it does not document, a value of the
 * wrong type or out of bounds, a required one missing (`options.<name>` paths). Empty when the manifest documents
 * no options (the connector then reads what it documents elsewhere).
 */
export function checkVariantOptions(
  manifest: Pick<ConnectorManifest, 'displayName' | 'options'>,
  options: Variant['options'],
): Violation[] {
  if (!manifest.options) return [];
  const violations: Violation[] = [];
  const given = options && typeof options === 'object' ? options : {};
  const specs = new Map(manifest.options.map((spec) => [spec.name, spec]));
  for (const [name, value] of Object.entries(given)) {
    const spec = specs.get(name);
    if (!spec) {
      violations.push({
        rule: 'options.unknown',
        path: `options.${name}`,
        message: `${manifest.displayName} has no setting "${name.slice(0, 40)}"; it takes ${[...specs.keys()].join(', ') || 'none'}.`,
      });
      continue;
    }
    const problem = optionValueProblem(spec, value);
    if (problem) violations.push({ rule: 'options.value', path: `options.${name}`, message: `${spec.label} ${problem}.` });
  }
  for (const spec of manifest.options) {
    const value = given[spec.name];
    if (spec.required && (value === undefined || (typeof value === 'string' && !value.trim()))) {
      violations.push({
        rule: 'options.required',
        path: `options.${spec.name}`,
        message: `${manifest.displayName} needs ${spec.label.toLowerCase()}.`,
      });
    }
  }
  return violations;
}

/** True for an absolute http: or https: URL (what a mention may link to; never javascript:, data:, file:). */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Longest external id, and longest post URL, the platform keeps of a post a connector made. */
export const PUBLISHED_POST_MAX_LENGTH = 2000;

/** A code unit of a surrogate pair without its other half: not Unicode; PostgreSQL refuses it in JSON. */
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Any C0 control character (NUL included: PostgreSQL refuses it in text) and DEL. */
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const ANY_CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

const ANY_UNPAIRED_SURROGATE = new RegExp(UNPAIRED_SURROGATE.source, 'g');
/** `CONTROL_CHARACTERS` (tab, line feed and carriage return aside), every one. */
const CONTROL_CHARACTERS_BUT_LINES = new RegExp(CONTROL_CHARACTERS.source, 'g');

/**
 * `value` as text any store takes: each control character but tab, line feed and carriage return, and each
 * unpaired surrogate (half of a pair, as a cut at a length limit may leave), replaced by U+FFFD. PostgreSQL refuses
 * NUL in text and both in JSON; a network's words are remote input. The length is unchanged.
 */
export function keptText(value: string): string {
  return value.replace(CONTROL_CHARACTERS_BUT_LINES, '\ufffd').replace(ANY_UNPAIRED_SURROGATE, '\ufffd');
}

/** A string as `keptText` makes it; anything else as it is (the mention's own checks judge it). */
function keptIfText<T>(value: T): T {
  return (typeof value === 'string' ? keptText(value) : value) as T;
}

/**
 * The mentions (and comments) a connector fetched, each string of each one (its attachments' included) as text any
 * store takes (`keptText`): a network's page is remote input, and one NUL in one comment must not stop every later
 * fetch of the post. A list that is not one is no mentions; an entry that is not an object is passed on as it is.
 */
export function keptMentions(items: unknown): Mention[] {
  if (!Array.isArray(items)) return [];
  return items.map((mention: unknown) => {
    if (typeof mention !== 'object' || mention === null) return mention as Mention;
    const kept: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(mention)) kept[key] = keptIfText(value);
    if (Array.isArray(kept.attachments))
      kept.attachments = kept.attachments.map((attachment: unknown) =>
        typeof attachment === 'object' && attachment !== null
          ? Object.fromEntries(Object.entries(attachment).map(([key, value]) => [key, keptIfText(value)]))
          : attachment,
      );
    return kept as unknown as Mention;
  });
}

/** A post a connector made, as the platform keeps it (see `checkPublishedPost`): the URL is null when it could not be kept. */
export interface KeptPost {
  externalId: string;
  url: string | null;
  threadIds?: string[];
}

/** Why `value` cannot be kept as an id, a name or an address (null when it can): a text, not empty, not too long, printable Unicode. */
function keptTextProblem(value: unknown, maxLength = PUBLISHED_POST_MAX_LENGTH): string | null {
  if (typeof value !== 'string') return `is ${value === null ? 'null' : typeof value}, not a text`;
  if (value.length === 0) return 'is empty';
  if (value.length > maxLength) return `is ${value.length} characters long (at most ${maxLength})`;
  if (ANY_CONTROL_CHARACTER.test(value)) return 'contains a control character';
  if (UNPAIRED_SURROGATE.test(value)) return 'contains an unpaired surrogate';
  return null;
}

/**
 * What the platform keeps of the post a connector says it made. The network's
 * answer is remote input: its id must be a non-empty text of at most 2,000
 * characters without control characters or unpaired surrogates, else nothing
 * can be recorded (`problem` says why, and the caller treats the call as one
 * whose outcome is unknown). Its URL is kept only when it is such a text and an
 * absolute http(s) URL (never javascript:, data:, file:); otherwise it is null,
 * and the post is kept without a link. Thread ids follow the id's rule.
 */
export function checkPublishedPost(post: unknown): { post: KeptPost } | { problem: string } {
  if (typeof post !== 'object' || post === null) return { problem: 'the connector answered without a post' };
  const { externalId, url, threadIds } = post as Partial<Record<keyof PublishedPost, unknown>>;
  const idProblem = keptTextProblem(externalId);
  if (idProblem) return { problem: `the post id the network answered ${idProblem}` };
  const kept: KeptPost = { externalId: externalId as string, url: keptHttpUrl(url) };
  if (threadIds !== undefined) {
    if (!Array.isArray(threadIds)) return { problem: 'the thread ids the network answered are not a list' };
    for (const [index, id] of threadIds.entries()) {
      const problem = keptTextProblem(id);
      if (problem) return { problem: `the id of thread part ${index + 2} the network answered ${problem}` };
    }
    kept.threadIds = threadIds as string[];
  }
  return { post: kept };
}

/** Longest handle the platform keeps of an account a connector connected (its name in lists, choices and the audit log). */
export const ACCOUNT_HANDLE_MAX_LENGTH = 500;
/** Longest display name kept of an account or of a page to publish as: a longer one is cut. */
export const ACCOUNT_DISPLAY_NAME_MAX_LENGTH = 200;

/**
 * Why the handle a network answered for an account cannot be kept (null when it can): the handle names the account
 * and tells accounts apart, so it is never altered to fit: a text of 1 to 500 characters without control characters or
 * unpaired surrogates, or refused. The reason never repeats the value (it is remote input).
 */
export function accountHandleProblem(handle: unknown): string | null {
  return keptTextProblem(handle, ACCOUNT_HANDLE_MAX_LENGTH);
}

/**
 * A display name a network answered, as the platform keeps it: only shown, so made to fit rather than refused —
 * `keptText` on one line (runs of white space, line breaks included, become one space), trimmed, cut at 200
 * characters (a pair split by the cut becomes U+FFFD). Null when none.
 */
export function keptDisplayName(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const kept = keptText(keptText(value).replace(/\s+/g, ' ').trim().slice(0, ACCOUNT_DISPLAY_NAME_MAX_LENGTH)).trim();
  return kept || null;
}

/** An address a network answered, kept only when it is a text `checkPublishedPost` would keep and absolute http(s); else null. */
export function keptHttpUrl(value: unknown): string | null {
  return keptTextProblem(value) === null && isHttpUrl(value) ? (value as string) : null;
}

/** Longest paging cursor the platform keeps between two fetches of a connector. */
export const CURSOR_MAX_LENGTH = 4096;

/**
 * A paging cursor a connector returned (many pass the network's own on), kept only when it is a text any store
 * takes of at most 4,096 characters; otherwise undefined: the next fetch starts again from the cursor kept before,
 * instead of the cursor's store failing every later fetch.
 */
export function keptCursor(cursor: unknown): string | undefined {
  return keptTextProblem(cursor, CURSOR_MAX_LENGTH) === null ? (cursor as string) : undefined;
}

const ATTACHMENT_KINDS: ReadonlySet<string> = new Set<MentionAttachmentKind>(['image', 'video', 'audio', 'file']);
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/;

/**
 * Every way a mention a connector returns breaks the contract: identity, http(s) URLs
 * (the mention's and each attachment's), a parseable date, well-formed optional fields.
 * Paths such as `attachments[1].url`. Empty when the mention is well formed.
 */
export function validateMention(mention: Mention): Violation[] {
  const violations: Violation[] = [];
  const add = (rule: string, path: string, message: string) => violations.push({ rule, path, message });
  if (typeof mention.externalId !== 'string' || !mention.externalId)
    add('mention.external-id', 'externalId', 'The mention has no external id.');
  if (!isHttpUrl(mention.url))
    add('mention.url', 'url', `The mention's URL ${JSON.stringify(mention.url)} is not an absolute http(s) URL.`);
  if (typeof mention.publishedAt !== 'string' || Number.isNaN(Date.parse(mention.publishedAt))) {
    add('mention.published-at', 'publishedAt', `The mention's date ${JSON.stringify(mention.publishedAt)} is not a date.`);
  }
  if (mention.publishedAtEstimated !== undefined && typeof mention.publishedAtEstimated !== 'boolean') {
    add('mention.published-at-estimated', 'publishedAtEstimated', 'publishedAtEstimated must be true, false or absent.');
  }
  if (mention.attachments === undefined) return violations;
  if (!Array.isArray(mention.attachments)) {
    add('mention.attachments', 'attachments', 'attachments must be a list.');
    return violations;
  }
  mention.attachments.forEach((attachment: MentionAttachment, index) => {
    const path = `attachments[${index}]`;
    if (!isHttpUrl(attachment?.url))
      add(
        'mention.attachment.url',
        `${path}.url`,
        `Attachment ${index + 1}'s URL ${JSON.stringify(attachment?.url)} is not an absolute http(s) URL.`,
      );
    if (!ATTACHMENT_KINDS.has(attachment?.kind))
      add('mention.attachment.kind', `${path}.kind`, `Attachment ${index + 1}'s kind must be image, video, audio or file.`);
    if (attachment?.byteSize !== undefined && !(Number.isSafeInteger(attachment.byteSize) && attachment.byteSize >= 0)) {
      add('mention.attachment.byte-size', `${path}.byteSize`, `Attachment ${index + 1}'s size must be a whole number of bytes.`);
    }
    if (attachment?.mediaType !== undefined && !(typeof attachment.mediaType === 'string' && MEDIA_TYPE.test(attachment.mediaType))) {
      add(
        'mention.attachment.media-type',
        `${path}.mediaType`,
        `Attachment ${index + 1}'s media type ${JSON.stringify(attachment.mediaType)} is not a lower-case type/subtype.`,
      );
    }
  });
  return violations;
}
