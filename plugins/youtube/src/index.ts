export { YoutubeConnector, YOUTUBE_SCOPES, YOUTUBE_PRIVACY_STATUSES } from './lib/youtube.connector';
export type { YoutubeConnectorOptions } from './lib/youtube.connector';
export {
  youtubeManifest,
  YOUTUBE_TITLE_MAX_CHARACTERS,
  YOUTUBE_DESCRIPTION_MAX_BYTES,
  YOUTUBE_VIDEO_MAX_BYTES,
  YOUTUBE_VIDEO_TYPES,
  YOUTUBE_DAILY_QUOTA_UNITS,
  YOUTUBE_UPLOADS_PER_DAY,
  YOUTUBE_SEARCH_COST_UNITS,
} from './lib/manifest';
export { youtubeError, secondsUntilPacificMidnight, YOUTUBE_API_URL, GOOGLE_AUTHORIZE_URL, GOOGLE_TOKEN_URL } from './lib/api';

import type { Connector } from '@socle/connector-sdk';
import { YoutubeConnector, YoutubeConnectorOptions } from './lib/youtube.connector';

/**
 * What the platform loads when `@socle/plugin-youtube` is listed in `CONNECTORS`: the connector with the options the
 * platform passes from its configuration (`CONNECTOR_OPTIONS`), among them its Google OAuth client (`clientId`,
 * `clientSecret`). Without them the connector still works for accounts already connected; `oauth.start` says what is
 * missing.
 */
export default function createYoutubeConnector(options: YoutubeConnectorOptions = {}): Connector {
  return new YoutubeConnector(options);
}
