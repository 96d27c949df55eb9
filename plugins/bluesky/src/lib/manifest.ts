import type { ConnectorManifest } from '@socle/connector-sdk';

/** app.bsky.feed.post: 300 graphemes, 3000 bytes. */
export const BLUESKY_MAX_GRAPHEMES = 300;
export const BLUESKY_MAX_TEXT_BYTES = 3000;
/** app.bsky.embed.images: 4 images of at most 1,000,000 bytes each. */
export const BLUESKY_MAX_IMAGES = 4;
export const BLUESKY_IMAGE_MAX_BYTES = 1_000_000;

/**
 * Variant options the Bluesky connector reads (`Variant.options`):
 * - `language`: BCP-47 code put in the post's `langs`.
 */
export const BLUESKY_OPTION_NAMES = ['language'] as const;

export const blueskyManifest: ConnectorManifest = {
  id: 'bluesky',
  displayName: 'Bluesky',
  authKind: 'app-password',
  // Most accounts live on Bluesky's own service; a self-hosted PDS is given instead.
  defaultServiceUrl: 'https://bsky.social',
  capabilities: {
    publish: true,
    media: true,
    threads: true,
    reply: true,
    delete: true,
    mentions: true,
    search: true,
    comments: true,
    metrics: true,
    findPublished: true,
    accountMetrics: true,
  },
  text: { maxLength: BLUESKY_MAX_GRAPHEMES, counting: 'graphemes', maxBytes: BLUESKY_MAX_TEXT_BYTES },
  media: { maxCount: BLUESKY_MAX_IMAGES, types: ['image/jpeg', 'image/png', 'image/webp'], maxBytes: BLUESKY_IMAGE_MAX_BYTES },
  // A PDS allows 3000 requests per 5 minutes per client. Record writes have their own budget per
  // account: 5000 points per hour and 35000 per day, a created record costing 3 points
  // (https://docs.bsky.app/docs/advanced-guides/rate-limits): 1666 posts an hour, 11666 a day.
  rateLimit: {
    requests: 3000,
    windowSeconds: 300,
    publish: [
      { limit: 1666, windowSeconds: 3600 },
      { limit: 11666, windowSeconds: 86400 },
    ],
  },
  options: [{ name: 'language', type: 'string', label: 'Language', maxLength: 35, description: 'BCP-47 code of the text (fr, en-GB).' }],
};
