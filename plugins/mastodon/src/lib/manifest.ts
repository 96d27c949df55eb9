import type { ConnectorManifest } from '@socle/connector-sdk';

/** Mastodon's documented defaults (instances may raise them; 500 is the common value). */
export const MASTODON_MAX_CHARACTERS = 500;
export const MASTODON_MAX_MEDIA = 4;
/** Mastodon 4.x: images up to 16 MB, videos up to 99 MB. */
export const MASTODON_IMAGE_MAX_BYTES = 16 * 1024 * 1024;
export const MASTODON_VIDEO_MAX_BYTES = 99 * 1024 * 1024;

export const MASTODON_VISIBILITIES = ['public', 'unlisted', 'private', 'direct'] as const;
export type MastodonVisibility = (typeof MASTODON_VISIBILITIES)[number];

/**
 * Variant options the Mastodon connector reads (`Variant.options`):
 * - `visibility`: `public` (default), `unlisted`, `private` (followers only) or `direct`;
 * - `spoilerText` (or `contentWarning`): the content warning shown before the text;
 * - `sensitive`: marks the media as sensitive;
 * - `language`: ISO 639-1 code of the text.
 */
export const MASTODON_OPTION_NAMES = ['visibility', 'spoilerText', 'contentWarning', 'sensitive', 'language'] as const;

export const mastodonManifest: ConnectorManifest = {
  id: 'mastodon',
  displayName: 'Mastodon',
  authKind: 'oauth2',
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
  text: { maxLength: MASTODON_MAX_CHARACTERS, counting: 'code-points-urls-as-23' },
  media: {
    maxCount: MASTODON_MAX_MEDIA,
    types: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'video/mp4'],
    maxBytes: MASTODON_VIDEO_MAX_BYTES,
  },
  // 300 requests per 5 minutes per account (https://docs.joinmastodon.org/api/rate-limits/), and
  // Mastodon's own limit on creating statuses: 300 per 3 hours per account (`RateLimiter`,
  // family `statuses`). Media uploads have theirs too (30 per 30 minutes), counted per upload.
  rateLimit: { requests: 300, windowSeconds: 300, publish: [{ limit: 300, windowSeconds: 3 * 3600 }] },
  options: [
    {
      name: 'visibility',
      type: 'enum',
      label: 'Visibility',
      values: [...MASTODON_VISIBILITIES],
      description: 'public (the default), unlisted, private (followers only) or direct (mentioned accounts only).',
    },
    {
      name: 'spoilerText',
      type: 'string',
      label: 'Content warning',
      maxLength: 500,
      description: 'Shown before the text, which is folded.',
    },
    { name: 'sensitive', type: 'boolean', label: 'Sensitive media', description: 'Blurs the media until opened.' },
    { name: 'language', type: 'string', label: 'Language', maxLength: 35, description: 'ISO 639-1 code of the text (fr, en).' },
  ],
};
