import { type ConnectorManifest, graphemeSegments } from '@socle/connector-sdk';

/**
 * 280 weighted characters per post (https://docs.x.com/resources/fundamentals/counting-characters): X counts with
 * the twitter-text rules, which no SDK counting expresses exactly. The manifest says "code points, each URL as
 * 23" (the closest), and `validate` adds X's weighted count (see `xTextLength`).
 */
export const X_MAX_WEIGHTED_LENGTH = 280;
/** Every URL counts 23, whatever its length (t.co wrapping; https://docs.x.com/resources/fundamentals/counting-characters). */
export const X_URL_LENGTH = 23;
/** Images: JPEG, PNG, GIF, WEBP up to 5 MB (https://docs.x.com/x-api/media/quickstart/best-practices). */
export const X_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
/** Video: one MP4 per post, up to 512 MB, uploaded in segments (https://docs.x.com/x-api/media/quickstart/media-upload-chunked). */
export const X_VIDEO_MAX_BYTES = 512 * 1024 * 1024;
export const X_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
/** Up to 4 images per post (`media.media_ids`, 1 to 4 items: https://docs.x.com/x-api/posts/create-post). */
export const X_MAX_MEDIA = 4;
/**
 * POST /2/tweets: 100 requests per 15 minutes per user, and 10,000 per 24 hours per app
 * (https://docs.x.com/x-api/fundamentals/rate-limits). The per-user window is the one an account fills.
 */
export const X_POSTS_PER_15_MINUTES = 100;

export const xManifest: ConnectorManifest = {
  id: 'x',
  displayName: 'X',
  authKind: 'oauth2',
  defaultServiceUrl: 'https://api.x.com',
  capabilities: {
    publish: true,
    // Images and MP4 video through the chunked v2 media upload (STATUS polled while X processes them).
    media: true,
    // Further parts are published as replies (`reply.in_reply_to_tweet_id`) to the previous part.
    threads: true,
    reply: true,
    delete: true,
    mentions: true,
    search: true,
    // Replies found by recent search for `conversation_id:<id>` (last 7 days only; see the README).
    comments: true,
    metrics: true,
    // The account's recent posts read back (GET /2/users/:id/tweets) and matched on their text.
    findPublished: true,
    accountMetrics: true,
    // An X user is itself the account: nothing to choose after the authorisation.
    targets: false,
  },
  text: { maxLength: X_MAX_WEIGHTED_LENGTH, counting: 'code-points-urls-as-23' },
  // The manifest holds one size: the video's. `validate` holds images to their own 5 MB and a video to a post of its own.
  media: { maxCount: X_MAX_MEDIA, types: [...X_IMAGE_TYPES, 'video/mp4'], maxBytes: X_VIDEO_MAX_BYTES },
  rateLimit: {
    requests: X_POSTS_PER_15_MINUTES,
    windowSeconds: 15 * 60,
    publish: [{ limit: X_POSTS_PER_15_MINUTES, windowSeconds: 15 * 60 }],
  },
};

/**
 * twitter-text v3 weights (https://docs.x.com/resources/fundamentals/counting-characters): code points in these
 * ranges weigh 1 (Latin, Greek, Cyrillic, … up to U+10FF, and some punctuation); every other code point weighs 2
 * (CJK among them). An emoji, however many code points it joins, weighs 2. Text is NFC-normalised first.
 */
const LIGHT_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x10ff],
  [0x2000, 0x200d],
  [0x2010, 0x201f],
  [0x2032, 0x2037],
];
const URL_PATTERN = /https?:\/\/[^\s<>"]+|\bwww\.[^\s<>"]+/giu;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

function weightOf(codePoint: number): number {
  return LIGHT_RANGES.some(([from, to]) => codePoint >= from && codePoint <= to) ? 1 : 2;
}

/** A text's length as X counts it: weighted code points, emoji 2, each URL 23. */
export function xTextLength(text: string): number {
  const normalized = text.normalize('NFC');
  let length = 0;
  let rest = '';
  let from = 0;
  for (const match of normalized.matchAll(URL_PATTERN)) {
    rest += normalized.slice(from, match.index) + ' ';
    length += X_URL_LENGTH - 1;
    from = (match.index ?? 0) + match[0].length;
  }
  rest += normalized.slice(from);
  for (const { segment } of graphemeSegments(rest)) {
    if (EMOJI.test(segment)) {
      length += 2;
      continue;
    }
    for (const char of segment) length += weightOf(char.codePointAt(0) ?? 0);
  }
  return length;
}
