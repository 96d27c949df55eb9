/** Shared by the LinkedIn specs: the connector, tokens and credentials on a test server. */
import { createHttpClient } from '@socle/connector-sdk';
import type { ConnectorContext, Credentials } from '@socle/connector-sdk';
import { LinkedinConnector, LinkedinConnectorOptions } from '../lib/linkedin.connector';
import { AGENCY_MEMBER, CLIENT_ID, CLIENT_SECRET, LinkedinTestServer, ORG_BAKERY } from './linkedin.server';

export const REDIRECT_URI = 'https://app.socle.test/oauth/linkedin/callback';

export function linkedinConnector(options: LinkedinConnectorOptions = {}): LinkedinConnector {
  return new LinkedinConnector({ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, ...options });
}

export function testContext(timeoutMs = 2000): ConnectorContext {
  // The test server listens on loopback, which the client refuses by default.
  return { http: createHttpClient({ timeoutMs, outbound: { allowedRanges: ['127.0.0.0/8'] } }) };
}

/** Follows the authorisation URL as the signed-in member would and returns the code LinkedIn redirects with. */
export async function approve(authorizationUrl: string): Promise<{ code: string; state: string | null }> {
  const response = await fetch(authorizationUrl, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (response.status !== 302 || !location) throw new Error(`authorization answered ${response.status}: ${await response.text()}`);
  const url = new URL(location);
  const code = url.searchParams.get('code');
  if (!code) throw new Error(`no code in ${location}`);
  return { code, state: url.searchParams.get('state') };
}

/** Credentials of the agency's member bound to one of its pages, one access token per server. */
const tokens = new WeakMap<LinkedinTestServer, string>();
export function pageCredentials(server: LinkedinTestServer, author = ORG_BAKERY): Credentials {
  let token = tokens.get(server);
  if (!token) tokens.set(server, (token = server.createAccessToken(AGENCY_MEMBER)));
  return { serviceUrl: server.baseUrl, secrets: { accessToken: token, author } };
}

/** Fresh credentials with a refresh token, for tests that expire or revoke them. */
export function refreshableCredentials(server: LinkedinTestServer, member = AGENCY_MEMBER, author = ORG_BAKERY): Credentials {
  return {
    serviceUrl: server.baseUrl,
    secrets: { accessToken: server.createAccessToken(member), refreshToken: server.createRefreshToken(member), author },
  };
}
