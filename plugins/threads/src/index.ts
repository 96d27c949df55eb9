export { ThreadsConnector, THREADS_SCOPES } from './lib/threads.connector';
export type { ThreadsConnectorOptions } from './lib/threads.connector';
export {
  threadsManifest,
  threadsTextLength,
  THREADS_MAX_CHARACTERS,
  THREADS_IMAGE_MAX_BYTES,
  THREADS_IMAGE_TYPES,
  THREADS_VIDEO_MAX_BYTES,
  THREADS_VIDEO_MAX_SECONDS,
  THREADS_VIDEO_TYPES,
  THREADS_CAROUSEL_MAX_ITEMS,
  THREADS_POSTS_PER_DAY,
  THREADS_REPLIES_PER_DAY,
} from './lib/manifest';
export { threadsError, THREADS_GRAPH_URL, THREADS_AUTHORIZE_URL } from './lib/api';

import type { Connector } from '@socle/connector-sdk';
import { ThreadsConnector, ThreadsConnectorOptions } from './lib/threads.connector';

/**
 * What the platform loads when `@socle/plugin-threads` is listed in `CONNECTORS`: the connector with the options the
 * platform passes from its configuration (`CONNECTOR_OPTIONS`), among them its Threads app (`clientId`: the app id,
 * `clientSecret`: the app secret). Without them the connector still reads and publishes for accounts already connected;
 * `oauth.start` says what is missing.
 */
export default function createThreadsConnector(options: ThreadsConnectorOptions = {}): Connector {
  return new ThreadsConnector(options);
}
