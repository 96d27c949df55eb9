import { createHttpClient } from '@socle/connector-sdk';
import type { ConnectorContext, Credentials } from '@socle/connector-sdk';
import { EDITOR, EDITOR_PASSWORD, REVOKED_PASSWORD, WordpressTestServer } from './wordpress.server';

/** A context whose client may reach the loopback test server (the outbound guard refuses loopback by default). */
export function testContext(timeoutMs = 2000): ConnectorContext {
  return { http: createHttpClient({ timeoutMs, outbound: { allowedRanges: ['127.0.0.0/8'] } }) };
}

/** Credentials as `authorize` issues them for the editor on the test site. */
export function editorCredentials(server: WordpressTestServer, password = EDITOR_PASSWORD): Credentials {
  return {
    serviceUrl: server.baseUrl,
    secrets: { username: EDITOR, applicationPassword: password, apiRoot: `${server.baseUrl}/wp-json/`, userId: '2' },
  };
}

/** The editor's credentials with a password the user revoked since. */
export function revokedCredentials(server: WordpressTestServer): Credentials {
  server.revoke(REVOKED_PASSWORD);
  return editorCredentials(server, REVOKED_PASSWORD);
}
