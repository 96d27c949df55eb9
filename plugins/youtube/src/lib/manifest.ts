import type { ConnectorManifest } from '@socle/connector-sdk';

/** A video title: 100 characters at most, no `<` or `>` (snippet.title, https://developers.google.com/youtube/v3/docs/videos#snippet.title). */
export const YOUTUBE_TITLE_MAX_CHARACTERS = 100;
/** A description: 5000 bytes at most, no `<` or `>` (snippet.description, https://developers.google.com/youtube/v3/docs/videos#snippet.description). */
export const YOUTUBE_DESCRIPTION_MAX_BYTES = 5000;
/**
 * YouTube accepts files up to 256 GB (https://developers.google.com/youtube/v3/docs/videos/insert, "Maximum file size").
 * The contract hands the connector the whole file in memory (`MediaAttachment.data`), so the practical bound is what a
 * worker can hold: 1 GiB.
 */
export const YOUTUBE_VIDEO_MAX_BYTES = 1024 * 1024 * 1024;
/** Accepted media MIME types (https://developers.google.com/youtube/v3/docs/videos/insert, "Accepted Media MIME types": video/*). */
export const YOUTUBE_VIDEO_TYPES = [
  'video/mp4',
  'video/quicktime',
  'video/webm',
  'video/x-msvideo',
  'video/x-matroska',
  'video/mpeg',
  'video/3gpp',
  'video/x-flv',
  'video/x-ms-wmv',
];
/**
 * Default daily quota of a Google Cloud project (https://developers.google.com/youtube/v3/determine_quota_cost): 10,000
 * units for all endpoints but two, which have buckets of their own: 100 videos.insert calls and 100 search.list calls a
 * day. Earlier versions of that page charged videos.insert 1,600 units and search.list 100 units out of the 10,000;
 * a project created under those terms keeps them until Google moves it. Quotas reset at midnight Pacific time.
 */
export const YOUTUBE_DAILY_QUOTA_UNITS = 10_000;
/** Uploads a project may make per day on the default quota (the page above). */
export const YOUTUBE_UPLOADS_PER_DAY = 100;
/** search.list: its own bucket of 100 calls a day, or 100 units a call under the earlier terms (the page above). */
export const YOUTUBE_SEARCH_COST_UNITS = 100;

export const youtubeManifest: ConnectorManifest = {
  id: 'youtube',
  displayName: 'YouTube',
  authKind: 'oauth2',
  defaultServiceUrl: 'https://www.googleapis.com',
  capabilities: {
    // A publish is a video upload (videos.insert): the variant's text is the description, options.title the title.
    publish: true,
    media: true,
    threads: false,
    // commentThreads.insert on a video, comments.insert in reply to a comment.
    reply: true,
    delete: true,
    comments: true,
    // The API has no mentions of a channel; keyword search (search.list, 100 units a call) is offered.
    mentions: false,
    search: true,
    metrics: true,
    // Matches the channel's recent uploads (playlistItems.list) by title and description.
    findPublished: true,
    accountMetrics: true,
    // channels.list?mine=true: the channels the Google account's token reaches.
    targets: true,
  },
  text: { maxLength: YOUTUBE_DESCRIPTION_MAX_BYTES, counting: 'code-points', maxBytes: YOUTUBE_DESCRIPTION_MAX_BYTES },
  media: { maxCount: 1, types: YOUTUBE_VIDEO_TYPES, maxBytes: YOUTUBE_VIDEO_MAX_BYTES },
  // The quota is per Google Cloud project and per day, not per account (https://developers.google.com/youtube/v3/determine_quota_cost):
  // 10,000 units for reads and writes (1 a list page, 50 a comment or a delete), 100 uploads a day. The manifest cannot
  // say "per project", so these are the whole platform's bounds, given per account.
  rateLimit: {
    requests: YOUTUBE_DAILY_QUOTA_UNITS,
    windowSeconds: 24 * 3600,
    publish: [{ limit: YOUTUBE_UPLOADS_PER_DAY, windowSeconds: 24 * 3600 }],
  },
  options: [
    { name: 'title', type: 'string', label: 'Video title', maxLength: YOUTUBE_TITLE_MAX_CHARACTERS, required: true },
    {
      name: 'privacyStatus',
      type: 'enum',
      label: 'Privacy',
      values: ['public', 'unlisted', 'private'],
      description: 'public by default; a video with publishAt stays private until then.',
    },
    { name: 'publishAt', type: 'date-time', label: 'Public at', description: 'When YouTube makes the private video public.' },
    {
      name: 'categoryId',
      type: 'string',
      label: 'Category id',
      maxLength: 10,
      description: 'A YouTube video category id (22: People & Blogs).',
    },
    { name: 'madeForKids', type: 'boolean', label: 'Made for kids', description: 'The self-declared made-for-kids flag.' },
  ],
};
