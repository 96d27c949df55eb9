export { XConnector, X_SCOPES } from './lib/x.connector';
export type { XConnectorOptions } from './lib/x.connector';
export {
  xManifest,
  xTextLength,
  X_MAX_WEIGHTED_LENGTH,
  X_URL_LENGTH,
  X_IMAGE_MAX_BYTES,
  X_VIDEO_MAX_BYTES,
  X_IMAGE_TYPES,
  X_MAX_MEDIA,
  X_POSTS_PER_15_MINUTES,
} from './lib/manifest';
export { xError, X_API_URL, X_AUTHORIZE_URL } from './lib/api';

import type { Connector } from '@socle/connector-sdk';
import { XConnector, XConnectorOptions } from './lib/x.connector';

/**
 * What the platform loads when `@socle/plugin-x` is listed in `CONNECTORS`: the connector with the options the
 * platform passes from its configuration (`CONNECTOR_OPTIONS`), among them its X app (`clientId`, `clientSecret`:
 * the OAuth 2.0 client of a confidential app). Without them the connector still reads and publishes for accounts
 * already connected; `oauth.start` says what is missing.
 */
export default function createXConnector(options: XConnectorOptions = {}): Connector {
  return new XConnector(options);
}
