/**
 * What the LinkedIn connector can do and within which limits, each from LinkedIn's own documentation.
 */
import type { ConnectorManifest } from '@socle/connector-sdk';

/**
 * `commentary` of a post: LinkedIn's Posts API documents at most 3000 characters.
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/posts-api
 */
export const LINKEDIN_MAX_CHARACTERS = 3000;

/**
 * One image (`content.media`) or a multi-image post of 2 to 20 (`content.multiImage`).
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/multiimage-post-api
 */
export const LINKEDIN_MAX_IMAGES = 20;

/**
 * The Images API documents JPG, PNG and GIF (GIF up to 250 frames) and a pixel count under 36,152,320,
 * but no size in bytes: 20 MiB is this connector's own bound on what it uploads at once.
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/images-api
 */
export const LINKEDIN_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif'];
export const LINKEDIN_IMAGE_MAX_PIXELS = 36_152_320;
export const LINKEDIN_IMAGE_MAX_BYTES = 20 * 1024 * 1024;

/**
 * Videos API: MP4, 75 KB to 500 MB, 3 seconds to 30 minutes, uploaded in parts of 4 MB (the last one shorter).
 * One video per post, never with images (a post's `content.media` holds one media).
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api
 * The duration is not read from the file: LinkedIn's processing refuses a video out of bounds (PROCESSING_FAILED).
 */
export const LINKEDIN_VIDEO_TYPES = ['video/mp4'];
export const LINKEDIN_VIDEO_MIN_BYTES = 75 * 1024;
export const LINKEDIN_VIDEO_MAX_BYTES = 500 * 1024 * 1024;
export const LINKEDIN_VIDEO_PART_BYTES = 4 * 1024 * 1024;
export const LINKEDIN_VIDEO_MIN_SECONDS = 3;
export const LINKEDIN_VIDEO_MAX_SECONDS = 30 * 60;

/**
 * LinkedIn counts calls per UTC day, per application and per member, and says standard limits are
 * not published (each app reads its own in the Developer Portal's Analytics tab):
 * https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/rate-limits
 * The only posting figure it documents is Share on LinkedIn's member throttle, 150 requests per day:
 * https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/share-on-linkedin
 * It is used here as the per-account hint.
 */
export const LINKEDIN_MEMBER_DAILY_CALLS = 150;
const DAY_SECONDS = 24 * 3600;

export const linkedinManifest: ConnectorManifest = {
  id: 'linkedin',
  displayName: 'LinkedIn',
  authKind: 'oauth2',
  defaultServiceUrl: 'https://api.linkedin.com',
  capabilities: {
    publish: true,
    media: true,
    threads: false,
    reply: true,
    delete: true,
    // LinkedIn offers no public search of posts nor a mentions feed for partners.
    mentions: false,
    search: false,
    comments: true,
    metrics: true,
    findPublished: true,
    accountMetrics: true,
    targets: true,
  },
  text: { maxLength: LINKEDIN_MAX_CHARACTERS, counting: 'code-points' },
  // One `maxBytes` for every type: the largest (videos). `validate` holds images to their own bound, and allows
  // one video alone.
  media: {
    maxCount: LINKEDIN_MAX_IMAGES,
    types: [...LINKEDIN_IMAGE_TYPES, ...LINKEDIN_VIDEO_TYPES],
    maxBytes: LINKEDIN_VIDEO_MAX_BYTES,
    delivery: 'bytes',
  },
  rateLimit: {
    requests: LINKEDIN_MEMBER_DAILY_CALLS,
    windowSeconds: DAY_SECONDS,
    publish: [{ limit: LINKEDIN_MEMBER_DAILY_CALLS, windowSeconds: DAY_SECONDS }],
  },
  options: [
    {
      name: 'link',
      type: 'url',
      label: 'Link',
      maxLength: 2000,
      description: 'The article the post shares (else the first link of the text).',
    },
    { name: 'linkTitle', type: 'string', label: 'Link title', maxLength: 400, description: 'The title of the shared article’s card.' },
    { name: 'videoTitle', type: 'string', label: 'Video title', maxLength: 400 },
  ],
};
