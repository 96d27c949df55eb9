import type { ConnectorManifest } from '@socle/connector-sdk';

/**
 * Caption limits of a container (POST /{ig-user-id}/media, `caption`,
 * https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media#creating):
 * 2,200 characters, 30 hashtags, 20 @-mentions. Characters are counted as code points.
 */
export const INSTAGRAM_MAX_CHARACTERS = 2200;
export const INSTAGRAM_MAX_HASHTAGS = 30;
export const INSTAGRAM_MAX_MENTIONS = 20;
/**
 * Images: JPEG only, 8 MiB at most (image specifications of the same reference; Meta's error 36000/2207004 "should be less
 * than 8 MiB", https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes).
 */
export const INSTAGRAM_IMAGE_TYPES = ['image/jpeg'];
export const INSTAGRAM_IMAGE_MAX_BYTES = 8 * 1024 * 1024;
/** Reels: MOV or MP4, 300 MB at most (Reels specifications of the same reference). */
export const INSTAGRAM_VIDEO_TYPES = ['video/mp4', 'video/quicktime'];
export const INSTAGRAM_VIDEO_MAX_BYTES = 300 * 1024 * 1024;
/** A carousel holds 2 to 10 images and videos (https://developers.facebook.com/docs/instagram-platform/content-publishing#carousel-posts). */
export const INSTAGRAM_MAX_ITEMS = 10;
/**
 * An Instagram professional account may publish 50 posts through the API within a moving 24 hours (a carousel counts once):
 * POST /{ig-user-id}/media_publish, limitations, and GET /{ig-user-id}/content_publishing_limit (`config.quota_total` 50,
 * `quota_duration` 86400), https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/content_publishing_limit.
 */
export const INSTAGRAM_POSTS_PER_DAY = 50;

export const instagramManifest: ConnectorManifest = {
  id: 'instagram',
  displayName: 'Instagram',
  authKind: 'oauth2',
  defaultServiceUrl: 'https://graph.facebook.com',
  capabilities: {
    publish: true,
    media: true,
    // A carousel is one post; there is no thread of posts.
    threads: false,
    // A comment on the account's media, or a reply to a comment on it.
    reply: true,
    // The API does not delete media: posts are deleted in the Instagram app.
    delete: false,
    // Media the account is tagged in (GET /{ig-user-id}/tags).
    mentions: true,
    // Hashtag search (ig_hashtag_search, then /{hashtag-id}/recent_media).
    search: true,
    comments: true,
    metrics: true,
    // The account's recent media since the first attempt, matched on their caption.
    findPublished: true,
    accountMetrics: true,
    // One Facebook authorisation reaches the Instagram accounts of every Page the person manages; the agency picks one.
    targets: true,
  },
  text: { maxLength: INSTAGRAM_MAX_CHARACTERS, counting: 'code-points' },
  media: {
    maxCount: INSTAGRAM_MAX_ITEMS,
    types: [...INSTAGRAM_IMAGE_TYPES, ...INSTAGRAM_VIDEO_TYPES],
    // The largest kind (a Reel); images are held to 8 MiB by `validate`.
    maxBytes: INSTAGRAM_VIDEO_MAX_BYTES,
    // Instagram cURLs each file from a public address (https://developers.facebook.com/docs/instagram-platform/content-publishing#requirements).
    delivery: 'url',
  },
  rateLimit: {
    // Platform rate limit: 200 calls an hour per user (https://developers.facebook.com/docs/graph-api/overview/rate-limiting).
    requests: 200,
    windowSeconds: 3600,
    publish: [{ limit: INSTAGRAM_POSTS_PER_DAY, windowSeconds: 24 * 3600 }],
  },
};
