export { InstagramConnector, INSTAGRAM_SCOPES } from './lib/instagram.connector';
export type { InstagramConnectorOptions } from './lib/instagram.connector';
export {
  instagramManifest,
  INSTAGRAM_IMAGE_MAX_BYTES,
  INSTAGRAM_IMAGE_TYPES,
  INSTAGRAM_MAX_CHARACTERS,
  INSTAGRAM_MAX_HASHTAGS,
  INSTAGRAM_MAX_ITEMS,
  INSTAGRAM_MAX_MENTIONS,
  INSTAGRAM_POSTS_PER_DAY,
  INSTAGRAM_VIDEO_MAX_BYTES,
  INSTAGRAM_VIDEO_TYPES,
} from './lib/manifest';
export { instagramError, INSTAGRAM_API_VERSION, INSTAGRAM_DIALOG_HOST, INSTAGRAM_GRAPH_URL } from './lib/api';

import type { Connector } from '@socle/connector-sdk';
import { InstagramConnector, InstagramConnectorOptions } from './lib/instagram.connector';

/**
 * What the platform loads when `@socle/plugin-instagram` is listed in `CONNECTORS`: the connector with the options the
 * platform passes from its configuration (`CONNECTOR_OPTIONS`), among them its Meta app (`clientId`: the app id,
 * `clientSecret`: the app secret). Without them the connector still works for accounts already connected; `oauth.start`
 * says what is missing.
 */
export default function createInstagramConnector(options: InstagramConnectorOptions = {}): Connector {
  return new InstagramConnector(options);
}
