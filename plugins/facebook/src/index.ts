export { FacebookConnector, FACEBOOK_SCOPES } from './lib/facebook.connector';
export type { FacebookConnectorOptions } from './lib/facebook.connector';
export {
  facebookManifest,
  FACEBOOK_MAX_CHARACTERS,
  FACEBOOK_MAX_PHOTOS,
  FACEBOOK_PHOTO_MAX_BYTES,
  FACEBOOK_PHOTO_TYPES,
  FACEBOOK_POSTS_PER_DAY,
  FACEBOOK_POSTS_PER_HOUR,
  FACEBOOK_VIDEO_MAX_BYTES,
  FACEBOOK_VIDEO_MAX_SECONDS,
  FACEBOOK_VIDEO_MIN_BYTES,
  FACEBOOK_VIDEO_TYPES,
} from './lib/manifest';
export { facebookError, FACEBOOK_GRAPH_URL, FACEBOOK_DIALOG_HOST, FACEBOOK_API_VERSION } from './lib/api';

import type { Connector } from '@socle/connector-sdk';
import { FacebookConnector, FacebookConnectorOptions } from './lib/facebook.connector';

/**
 * What the platform loads when `@socle/plugin-facebook` is listed in `CONNECTORS`: the connector with the options the
 * platform passes from its configuration (`CONNECTOR_OPTIONS`), among them its Meta app (`clientId`: the app id,
 * `clientSecret`: the app secret). Without them the connector still works for Pages already connected; `oauth.start`
 * says what is missing.
 */
export default function createFacebookConnector(options: FacebookConnectorOptions = {}): Connector {
  return new FacebookConnector(options);
}
