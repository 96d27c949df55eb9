import type { ConnectorManifest } from '@socle/connector-sdk';

/**
 * 500 characters per post (https://developers.facebook.com/docs/threads/reference/publishing). Threads counts
 * an emoji as its UTF-8 byte length (`text` of POST /{threads-user-id}/threads,
 * https://developers.facebook.com/docs/threads/reference/publishing), which no SDK counting expresses: the manifest says
 * code points, and `validate` adds Threads' own count (see `threadsTextLength`).
 */
export const THREADS_MAX_CHARACTERS = 500;
/** Images: JPEG or PNG, 8 MB at most (media specifications of https://developers.facebook.com/docs/threads/reference/publishing). */
export const THREADS_IMAGE_TYPES = ['image/jpeg', 'image/png'];
export const THREADS_IMAGE_MAX_BYTES = 8 * 1024 * 1024;
/**
 * Videos: MOV or MP4, 1 GB and 5 minutes at most (same page). The duration is not read from the file: a longer
 * video is refused by Threads itself (the container ends in ERROR, reported as REJECTED with its reason).
 */
export const THREADS_VIDEO_TYPES = ['video/mp4', 'video/quicktime'];
export const THREADS_VIDEO_MAX_BYTES = 1024 * 1024 * 1024;
export const THREADS_VIDEO_MAX_SECONDS = 300;
/** A carousel holds 2 to 20 items (https://developers.facebook.com/docs/threads/posts). */
export const THREADS_CAROUSEL_MAX_ITEMS = 20;
/** 250 API-published posts per profile in a 24-hour moving period (https://developers.facebook.com/docs/threads/overview#rate-limiting). */
export const THREADS_POSTS_PER_DAY = 250;
/** 1,000 API-published replies per profile in a 24-hour moving period (same page; https://developers.facebook.com/docs/threads/reply-management). */
export const THREADS_REPLIES_PER_DAY = 1000;

export const threadsManifest: ConnectorManifest = {
  id: 'threads',
  displayName: 'Threads',
  authKind: 'oauth2',
  defaultServiceUrl: 'https://graph.threads.net',
  capabilities: {
    publish: true,
    // Threads fetches each file itself from a public URL (image_url / video_url): `media.delivery` is `url`.
    media: true,
    // Further parts are published as replies (reply_to_id) to the previous part.
    threads: true,
    reply: true,
    delete: true,
    mentions: true,
    search: true,
    comments: true,
    metrics: true,
    findPublished: true,
    accountMetrics: true,
    // A Threads profile is itself the account: nothing to choose after the authorisation.
    targets: false,
  },
  text: { maxLength: THREADS_MAX_CHARACTERS, counting: 'code-points' },
  // One image or video, or a carousel of 2 to 20. `maxBytes` is the largest type's (videos); `validate` holds
  // images to their own 8 MB.
  media: {
    maxCount: THREADS_CAROUSEL_MAX_ITEMS,
    types: [...THREADS_IMAGE_TYPES, ...THREADS_VIDEO_TYPES],
    maxBytes: THREADS_VIDEO_MAX_BYTES,
    delivery: 'url',
  },
  // Threads documents no fixed request budget per account (calls scale with the profile's impressions); the
  // hints are the publishing quota, the one limit it states per profile. Replies have their own 1,000 a day,
  // which the manifest cannot express apart: the stricter 250 applies to every post, thread parts included.
  rateLimit: {
    requests: THREADS_POSTS_PER_DAY,
    windowSeconds: 24 * 3600,
    publish: [{ limit: THREADS_POSTS_PER_DAY, windowSeconds: 24 * 3600 }],
  },
};

/**
 * A text's length as Threads counts it: one per code point, except emoji, which count their UTF-8 bytes
 * (https://developers.facebook.com/docs/threads/reference/publishing). Pictographs, regional indicators,
 * keycap marks, skin tones, variation selectors and zero-width joiners are counted as emoji parts.
 */
export function threadsTextLength(text: string): number {
  let length = 0;
  for (const char of text) {
    length += EMOJI_PART.test(char) ? Buffer.byteLength(char, 'utf8') : 1;
  }
  return length;
}

const EMOJI_PART = /^(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u200d|\ufe0e|\ufe0f|\u20e3)$/u;
