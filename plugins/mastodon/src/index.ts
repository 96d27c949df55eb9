export { MastodonConnector } from './lib/mastodon.connector';
export type { MastodonConnectorOptions } from './lib/mastodon.connector';
export {
  mastodonManifest,
  MASTODON_MAX_CHARACTERS,
  MASTODON_MAX_MEDIA,
  MASTODON_IMAGE_MAX_BYTES,
  MASTODON_VIDEO_MAX_BYTES,
  MASTODON_VISIBILITIES,
  MASTODON_OPTION_NAMES,
} from './lib/manifest';
export type { MastodonVisibility } from './lib/manifest';
export {
  registerMastodonApp,
  buildMastodonAuthorizeUrl,
  requestMastodonToken,
  verifyMastodonToken,
  MASTODON_DEFAULT_SCOPES,
  MASTODON_OOB_REDIRECT_URI,
} from './lib/oauth';
export type { MastodonAppRegistration, MastodonRegisteredApp, MastodonAuthorizeUrlInput } from './lib/oauth';
export type { MastodonAccount, MastodonStatus, MastodonToken } from './lib/api-types';

import type { Connector } from '@socle/connector-sdk';
import { MastodonConnector, MastodonConnectorOptions } from './lib/mastodon.connector';

/** A Mastodon connector with its options (media processing waits, metrics concurrency). */
export function createMastodonConnector(options: MastodonConnectorOptions = {}): Connector {
  return new MastodonConnector(options);
}

/** The connector with default options; `connector` is what the registry loads by module name. */
export const mastodonConnector: Connector = new MastodonConnector();
export const connector = mastodonConnector;
