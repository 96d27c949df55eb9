import type { Connector } from '@socle/connector-sdk';
import { LinkedinConnector, type LinkedinConnectorOptions } from './lib/linkedin.connector';

export { LinkedinConnector, LINKEDIN_SCOPES, linkedinPostUrl, linkOf } from './lib/linkedin.connector';
export type { LinkedinConnectorOptions } from './lib/linkedin.connector';
export {
  linkedinManifest,
  LINKEDIN_MAX_CHARACTERS,
  LINKEDIN_MAX_IMAGES,
  LINKEDIN_IMAGE_TYPES,
  LINKEDIN_IMAGE_MAX_BYTES,
  LINKEDIN_IMAGE_MAX_PIXELS,
  LINKEDIN_VIDEO_TYPES,
  LINKEDIN_VIDEO_MIN_BYTES,
  LINKEDIN_VIDEO_MAX_BYTES,
  LINKEDIN_VIDEO_PART_BYTES,
  LINKEDIN_VIDEO_MIN_SECONDS,
  LINKEDIN_VIDEO_MAX_SECONDS,
} from './lib/manifest';
export { LINKEDIN_API_ORIGIN, LINKEDIN_AUTH_ORIGIN, LINKEDIN_DEFAULT_API_VERSION, linkedinEndpoints } from './lib/client';
export { toLittleText, fromLittleText } from './lib/little-text';

/**
 * What the platform loads when `@socle/plugin-linkedin` is listed in `CONNECTORS`: the connector with the options
 * the platform passes from its configuration (`CONNECTOR_OPTIONS`), among them its application at LinkedIn
 * (`clientId`, `clientSecret`). Without them the connector still loads, and `oauth.start` says what is missing.
 */
export default function createLinkedinConnector(options: LinkedinConnectorOptions = {}): Connector {
  return new LinkedinConnector(options);
}
