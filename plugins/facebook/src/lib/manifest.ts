import type { ConnectorManifest } from '@socle/connector-sdk';

/**
 * 63,206 characters per page post. The Graph API reference of POST /{page-id}/feed
 * (https://developers.facebook.com/docs/graph-api/reference/page/feed) documents no length for `message`: this is
 * the limit Facebook's own composer applies and the one commonly cited; it is not documented by Meta. Counted in code points.
 */
export const FACEBOOK_MAX_CHARACTERS = 63_206;
/**
 * Photos: JPEG, BMP, PNG, GIF or TIFF, under 4 MB recommended (PNG under 1 MB to avoid pixelation), as Meta's photo guidance
 * lists them; uploads go to POST /{page-id}/photos (https://developers.facebook.com/docs/graph-api/reference/page/photos).
 * The 10 MB upper bound is the commonly stated one: the reference page as read here does not show a byte limit, so it
 * is a cap chosen for the manifest, above the recommendation.
 */
export const FACEBOOK_PHOTO_MAX_BYTES = 10 * 1024 * 1024;
export const FACEBOOK_PHOTO_RECOMMENDED_BYTES = 4 * 1024 * 1024;
export const FACEBOOK_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/bmp', 'image/tiff'];
/**
 * Photos attached to one post through `attached_media` (https://developers.facebook.com/docs/graph-api/reference/page/feed):
 * Meta documents no maximum; 10 is a conservative choice (each photo is one upload before the post).
 */
export const FACEBOOK_MAX_PHOTOS = 10;
/**
 * Videos on a Page: one per post, never beside photos (a video post is `POST /{page-id}/videos`, not a feed post with
 * `attached_media`). MP4 and QuickTime (Meta lists mp4 and mov among the formats it takes,
 * https://developers.facebook.com/docs/graph-api/video-uploads). The resumable upload takes videos up to 10 GB and 4 hours
 * (same page, "Limitations"), and at least 1 KB (subcode 1363022, https://developers.facebook.com/docs/video-api/reference/error-codes).
 * The contract hands the connector the whole file in memory (`MediaAttachment.data`), so the manifest's bound is what a
 * worker can hold: 1 GiB. The duration is not checked here (the connector does not parse the file): Meta refuses a video
 * over 4 hours itself.
 */
export const FACEBOOK_VIDEO_TYPES = ['video/mp4', 'video/quicktime'];
export const FACEBOOK_VIDEO_MAX_BYTES = 1024 * 1024 * 1024;
export const FACEBOOK_VIDEO_DOCUMENTED_MAX_BYTES = 10 * 1000 * 1000 * 1000;
export const FACEBOOK_VIDEO_MIN_BYTES = 1024;
export const FACEBOOK_VIDEO_MAX_SECONDS = 4 * 3600;
/**
 * Pages calls count against the Business Use Case rate limit: 4,800 calls x engaged users per 24 hours for the Page
 * (https://developers.facebook.com/docs/graph-api/overview/rate-limiting#pages). Meta documents no number of posts a
 * Page may publish; bursts are refused as spam (error 368). The hints are deliberately conservative: 25 posts an hour
 * and 100 a day per Page, and 200 calls an hour (the platform rate limit's per-user figure on the same page).
 */
export const FACEBOOK_POSTS_PER_HOUR = 25;
export const FACEBOOK_POSTS_PER_DAY = 100;

export const facebookManifest: ConnectorManifest = {
  id: 'facebook',
  displayName: 'Facebook Pages',
  authKind: 'oauth2',
  defaultServiceUrl: 'https://graph.facebook.com',
  capabilities: {
    publish: true,
    media: true,
    // A page post has no thread; a "thread" part would be a comment, which `reply` does explicitly.
    threads: false,
    reply: true,
    delete: true,
    // Posts that tag the Page (GET /{page-id}/tagged, https://developers.facebook.com/docs/graph-api/reference/page/tagged).
    mentions: true,
    // The Graph API has no public post search (https://developers.facebook.com/docs/graph-api/changelog/version2.0).
    search: false,
    comments: true,
    metrics: true,
    // The Page's recent posts since the first attempt, matched on their message.
    findPublished: true,
    accountMetrics: true,
    // One authorisation reaches every Page the user manages; the agency picks one.
    targets: true,
  },
  text: { maxLength: FACEBOOK_MAX_CHARACTERS, counting: 'code-points' },
  // One size for every type: the video's, the largest. `validate` holds photos to their own 10 MB and a video to a post of its own.
  media: {
    maxCount: FACEBOOK_MAX_PHOTOS,
    types: [...FACEBOOK_PHOTO_TYPES, ...FACEBOOK_VIDEO_TYPES],
    maxBytes: Math.max(FACEBOOK_PHOTO_MAX_BYTES, FACEBOOK_VIDEO_MAX_BYTES),
  },
  rateLimit: {
    requests: 200,
    windowSeconds: 3600,
    publish: [
      { limit: FACEBOOK_POSTS_PER_HOUR, windowSeconds: 3600 },
      { limit: FACEBOOK_POSTS_PER_DAY, windowSeconds: 24 * 3600 },
    ],
  },
  options: [
    { name: 'link', type: 'url', label: 'Link', maxLength: 2000, description: 'A link shown as a preview card (not with media).' },
    { name: 'title', type: 'string', label: 'Video title', maxLength: 255, description: 'The title of a video post.' },
  ],
};
