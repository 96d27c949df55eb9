import { createHttpClient } from '@socle/connector-sdk';
import type { ConnectorContext, Credentials } from '@socle/connector-sdk';
import { ADMIN_KEY, DELETED_KEY, GhostTestServer } from './ghost.server';

/** A context whose client may reach the loopback test server (the outbound guard refuses loopback by default). */
export function testContext(timeoutMs = 2000, now?: () => Date): ConnectorContext {
  return { http: createHttpClient({ timeoutMs, outbound: { allowedRanges: ['127.0.0.0/8'] } }), ...(now ? { now } : {}) };
}

/** Credentials as `authorize` issues them for the test site. */
export function siteCredentials(server: GhostTestServer, adminApiKey = ADMIN_KEY): Credentials {
  return { serviceUrl: server.baseUrl, secrets: { adminApiKey } };
}

/** A key whose integration was deleted: the site answers 401. */
export function deletedKeyCredentials(server: GhostTestServer): Credentials {
  return siteCredentials(server, DELETED_KEY);
}
