/** Helpers shared by the Facebook specs: connectors, contexts and credentials on a test server. */
import { createHttpClient } from '@socle/connector-sdk';
import type { ConnectorContext, Credentials } from '@socle/connector-sdk';
import { FacebookConnector, FacebookConnectorOptions } from '../lib/facebook.connector';
import { FacebookTestServer, PUBLISHABLE_PAGE_ID, PUBLISHABLE_PAGE_NAME, TEST_CLIENT_ID, TEST_CLIENT_SECRET } from './facebook.server';

export const REDIRECT_URI = 'https://app.socle.test/oauth/facebook/callback';

export function testConnector(options: FacebookConnectorOptions = {}): FacebookConnector {
  return new FacebookConnector({ clientId: TEST_CLIENT_ID, clientSecret: TEST_CLIENT_SECRET, ...options });
}

export function testContext(timeoutMs = 2000): ConnectorContext {
  return { http: createHttpClient({ timeoutMs, outbound: { allowedRanges: ['127.0.0.0/8'] } }) };
}

/** One long-lived user token per server. */
const userTokens = new WeakMap<FacebookTestServer, string>();
export function userToken(server: FacebookTestServer): string {
  let token = userTokens.get(server);
  if (!token) userTokens.set(server, (token = server.issueUserToken()));
  return token;
}

/** Credentials bound to the publishable Page. */
export function pageCredentials(server: FacebookTestServer): Credentials {
  return {
    serviceUrl: server.baseUrl,
    secrets: {
      pageId: PUBLISHABLE_PAGE_ID,
      pageAccessToken: server.issuePageToken(),
      userAccessToken: userToken(server),
      displayName: PUBLISHABLE_PAGE_NAME,
    },
  };
}

/** Credentials whose Page token was invalidated (error 190/460) while the user token still works: refresh re-reads it. */
export function revokedPageCredentials(server: FacebookTestServer): Credentials {
  const credentials = pageCredentials(server);
  server.revoke(credentials.secrets.pageAccessToken, 460);
  return credentials;
}

/** Follows the dialog URL as the signed-in user consenting would, and returns the redirect's code. */
export async function approve(authorizationUrl: string): Promise<{ code: string; state: string | null }> {
  const response = await fetch(authorizationUrl, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (response.status !== 302 || !location) throw new Error(`dialog answered ${response.status}: ${await response.text()}`);
  const url = new URL(location);
  const code = url.searchParams.get('code');
  if (!code) throw new Error(`no code in ${location}`);
  return { code, state: url.searchParams.get('state') };
}
