/** Helpers shared by the Mastodon specs: accounts and credentials on a test server. */
import { createHttpClient } from '@socle/connector-sdk';
import type { ConnectorContext, Credentials } from '@socle/connector-sdk';
import { MastodonConnector } from '../lib/mastodon.connector';
import { buildMastodonAuthorizeUrl, registerMastodonApp } from '../lib/oauth';
import type { MastodonTestServer } from './mastodon-test-server';

export const AGENCY = 'agency';
export const REDIRECT_URI = 'https://app.socle.test/oauth/mastodon/callback';

export function testContext(timeoutMs = 2000): ConnectorContext {
  return { http: createHttpClient({ timeoutMs }) };
}

/** Follows the authorize URL as the signed-in user would and returns the code it redirects with. */
export async function approve(authorizeUrl: string): Promise<{ code: string; state: string | null; location: URL }> {
  const response = await fetch(authorizeUrl, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (response.status !== 302 || !location) throw new Error(`authorize answered ${response.status}: ${await response.text()}`);
  const url = new URL(location);
  const code = url.searchParams.get('code');
  if (!code) throw new Error(`no code in ${location}`);
  return { code, state: url.searchParams.get('state'), location: url };
}

/** Credentials obtained through the whole OAuth flow (app registration, authorize, token). */
export async function connectWithOAuth(server: MastodonTestServer, username = AGENCY, ctx = testContext()): Promise<Credentials> {
  server.signIn(username);
  const app = await registerMastodonApp(ctx, server.baseUrl, { clientName: 'Socle', redirectUris: [REDIRECT_URI] });
  const { code } = await approve(
    buildMastodonAuthorizeUrl(server.baseUrl, { clientId: app.clientId, redirectUri: REDIRECT_URI, state: 's1' }),
  );
  return new MastodonConnector().authorize(ctx, {
    serviceUrl: server.baseUrl,
    redirectUri: REDIRECT_URI,
    fields: { code, clientId: app.clientId, clientSecret: app.clientSecret },
  });
}

/** Credentials with a personal access token, one per server and user. */
const tokens = new WeakMap<MastodonTestServer, Map<string, string>>();
export function tokenCredentials(server: MastodonTestServer, username = AGENCY): Credentials {
  let byUser = tokens.get(server);
  if (!byUser) tokens.set(server, (byUser = new Map()));
  let token = byUser.get(username);
  if (!token) byUser.set(username, (token = server.createAccessToken(username)));
  return { serviceUrl: server.baseUrl, secrets: { accessToken: token } };
}
