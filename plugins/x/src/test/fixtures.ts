/** Helpers shared by the X specs: connectors, contexts and credentials on a test server. */
import { createHttpClient } from '@socle/connector-sdk';
import type { ConnectorContext, Credentials } from '@socle/connector-sdk';
import { XConnector, XConnectorOptions } from '../lib/x.connector';
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET, TEST_USER_ID, TEST_USERNAME, XTestServer } from './x.server';

export const REDIRECT_URI = 'https://app.socle.test/oauth/x/callback';

export function testConnector(options: XConnectorOptions = {}): XConnector {
  return new XConnector({ clientId: TEST_CLIENT_ID, clientSecret: TEST_CLIENT_SECRET, statusPollMs: 2, ...options });
}

export function testContext(timeoutMs = 2000): ConnectorContext {
  return { http: createHttpClient({ timeoutMs, outbound: { allowedRanges: ['127.0.0.0/8'] } }) };
}

const tokens = new WeakMap<XTestServer, string>();
/** Credentials with a fresh access token, one per server. */
export function tokenCredentials(server: XTestServer): Credentials {
  let token = tokens.get(server);
  if (!token) tokens.set(server, (token = server.issueAccessToken()));
  return { serviceUrl: server.baseUrl, secrets: { accessToken: token, userId: TEST_USER_ID, username: TEST_USERNAME } };
}

/** An expired access token beside a refresh token X still honours. */
export function expiredCredentials(server: XTestServer): Credentials {
  const pair = server.issueExpiredPair();
  return {
    serviceUrl: server.baseUrl,
    secrets: { accessToken: pair.accessToken, refreshToken: pair.refreshToken, userId: TEST_USER_ID, username: TEST_USERNAME },
    expiresAt: new Date(Date.now() - 60_000).toISOString(),
  };
}

/** Follows the authorisation URL as the signed-in user consenting would, and returns the redirect's code. */
export async function approve(authorizationUrl: string): Promise<{ code: string; state: string | null }> {
  const response = await fetch(authorizationUrl, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (response.status !== 302 || !location) throw new Error(`authorize answered ${response.status}: ${await response.text()}`);
  const url = new URL(location);
  const code = url.searchParams.get('code');
  if (!code) throw new Error(`no code in ${location}`);
  return { code, state: url.searchParams.get('state') };
}
