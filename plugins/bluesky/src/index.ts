export { BlueskyConnector, POST_COLLECTION } from './lib/bluesky.connector';
export type { BlueskyConnectorOptions } from './lib/bluesky.connector';
export {
  blueskyManifest,
  BLUESKY_MAX_GRAPHEMES,
  BLUESKY_MAX_TEXT_BYTES,
  BLUESKY_MAX_IMAGES,
  BLUESKY_IMAGE_MAX_BYTES,
  BLUESKY_OPTION_NAMES,
} from './lib/manifest';
export { detectSpans, buildFacets, utf8Offset, utf8Offsets } from './lib/facets';
export type { Facet, FacetFeature, DetectedSpan } from './lib/facets';
export { recordKeyFor, parseAtUri, postWebUrl, TID_PATTERN } from './lib/record-key';
export type { AtUri } from './lib/record-key';

import type { Connector } from '@socle/connector-sdk';
import { BlueskyConnector, BlueskyConnectorOptions } from './lib/bluesky.connector';

/** A Bluesky connector with its options (web app URL for post links, main-password policy). */
export function createBlueskyConnector(options: BlueskyConnectorOptions = {}): Connector {
  return new BlueskyConnector(options);
}

/** The connector with default options; `connector` is what the registry loads by module name. */
export const blueskyConnector: Connector = new BlueskyConnector();
export const connector = blueskyConnector;
