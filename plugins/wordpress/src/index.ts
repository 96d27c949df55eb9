import type { Connector } from '@socle/connector-sdk';
import { WordpressConnector, type WordpressConnectorOptions } from './lib/wordpress.connector';

export { WordpressConnector, wordpressManifest, commentExternalId } from './lib/wordpress.connector';
export type { WordpressConnectorOptions } from './lib/wordpress.connector';
export {
  WORDPRESS_MAX_CHARACTERS,
  WORDPRESS_MAX_HTML_BYTES,
  WORDPRESS_MAX_TITLE_LENGTH,
  WORDPRESS_MAX_SLUG_LENGTH,
  WORDPRESS_IMAGE_TYPES,
  WORDPRESS_IMAGE_MAX_BYTES,
  WORDPRESS_MAX_IMAGES,
} from './lib/manifest';
export { apiRootFromLinkHeader } from './lib/api';
export { textToHtml } from './lib/article';

/**
 * What the platform loads when `@socle/plugin-wordpress` is listed in `CONNECTORS`. Each site is connected with its
 * own address, user name and application password, so the connector needs no application of its own; its options
 * (`CONNECTOR_OPTIONS`) only tune how far `findPublished` reads back and the comments page size.
 */
export default function createWordpressConnector(options: WordpressConnectorOptions = {}): Connector {
  return new WordpressConnector(options);
}
