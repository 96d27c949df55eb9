/** Helpers shared by the Threads specs: connectors, contexts and credentials on a test server. */
import { createHttpClient } from '@socle/connector-sdk';
import type { ConnectorContext, Credentials } from '@socle/connector-sdk';
import { ThreadsConnector, ThreadsConnectorOptions } from '../lib/threads.connector';
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET, TEST_USER_ID, ThreadsTestServer } from './threads.server';

export const REDIRECT_URI = 'https://app.socle.test/oauth/threads/callback';
const SIXTY_DAYS = 60 * 24 * 3600;

export function testConnector(options: ThreadsConnectorOptions = {}): ThreadsConnector {
  return new ThreadsConnector({ clientId: TEST_CLIENT_ID, clientSecret: TEST_CLIENT_SECRET, containerPollIntervalMs: 2, ...options });
}

export function testContext(timeoutMs = 2000): ConnectorContext {
  return { http: createHttpClient({ timeoutMs, outbound: { allowedRanges: ['127.0.0.0/8'] } }) };
}

/** Credentials with a fresh long-lived token, one per server. */
const tokens = new WeakMap<ThreadsTestServer, string>();
export function tokenCredentials(server: ThreadsTestServer): Credentials {
  let token = tokens.get(server);
  if (!token) tokens.set(server, (token = server.issueLongLivedToken()));
  return { serviceUrl: server.baseUrl, secrets: { accessToken: token, userId: TEST_USER_ID } };
}

/**
 * Credentials whose recorded expiry has passed while Threads still honours the token for two more minutes (the
 * platform's clock and Meta's differ): the connector no longer sends it, and a refresh, which Threads allows on
 * a token not yet expired and at least a day old, renews it.
 */
export function lapsedCredentials(server: ThreadsTestServer): Credentials {
  const token = server.issueLongLivedToken(SIXTY_DAYS - 120);
  return {
    serviceUrl: server.baseUrl,
    secrets: { accessToken: token, userId: TEST_USER_ID },
    expiresAt: new Date(Date.now() - 1000).toISOString(),
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
