import type { Connector } from '@socle/connector-sdk';
import { GhostConnector } from './lib/ghost.connector';

export { GhostConnector, ghostManifest } from './lib/ghost.connector';
export {
  GHOST_MAX_CHARACTERS,
  GHOST_MAX_HTML_BYTES,
  GHOST_MAX_TITLE_LENGTH,
  GHOST_MAX_EXCERPT_LENGTH,
  GHOST_MAX_SLUG_LENGTH,
  GHOST_IMAGE_TYPES,
  GHOST_IMAGE_MAX_BYTES,
  GHOST_MAX_IMAGES,
} from './lib/manifest';
export { adminToken, parseAdminKey } from './lib/api';
export { internalTag, textToHtml } from './lib/article';

/**
 * What the platform loads when `@socle/plugin-ghost` is listed in `CONNECTORS`. Each site is connected with its own
 * address and Admin API key, so the connector needs no application and no options of its own.
 */
export default function createGhostConnector(): Connector {
  return new GhostConnector();
}

/** The same connector as a named export, as the generator scaffolds it. */
export const connector: Connector = new GhostConnector();
