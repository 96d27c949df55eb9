/** Helpers shared by the Instagram specs: connectors, contexts, credentials and media on a test server. */
import { createHttpClient } from '@socle/connector-sdk';
import type { ConnectorContext, Credentials, MediaAttachment, Variant } from '@socle/connector-sdk';
import { InstagramConnector, InstagramConnectorOptions } from '../lib/instagram.connector';
import { IG_USER_ID, InstagramTestServer, LINKED_PAGE_ID, TEST_CLIENT_ID, TEST_CLIENT_SECRET } from './instagram.server';
import { jpegBytes, mp4Bytes } from './media-host';

export const REDIRECT_URI = 'https://app.socle.test/oauth/instagram/callback';

/** Short container polls: the test server finishes videos after a few status reads. */
export function testConnector(options: InstagramConnectorOptions = {}): InstagramConnector {
  return new InstagramConnector({
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    containerPollIntervalMs: 5,
    containerMaxPolls: 6,
    ...options,
  });
}

export function testContext(timeoutMs = 4000): ConnectorContext {
  return { http: createHttpClient({ timeoutMs, outbound: { allowedRanges: ['127.0.0.0/8'] } }) };
}

/** One long-lived user token per server. */
const userTokens = new WeakMap<InstagramTestServer, string>();
export function userToken(server: InstagramTestServer): string {
  let token = userTokens.get(server);
  if (!token) userTokens.set(server, (token = server.issueUserToken()));
  return token;
}

/** Credentials bound to the linked Instagram account. */
export function accountCredentials(server: InstagramTestServer, accessToken = userToken(server)): Credentials {
  return { serviceUrl: server.baseUrl, secrets: { igUserId: IG_USER_ID, accessToken, pageId: LINKED_PAGE_ID, username: 'soclebakery' } };
}

/** A JPEG served by the media host, as the platform passes it (bytes and public address). */
export function jpeg(server: InstagramTestServer, altText?: string, size = 64): MediaAttachment {
  const data = jpegBytes(size);
  return { mimeType: 'image/jpeg', data, url: server.mediaHost.put(data, 'image/jpeg'), ...(altText ? { altText } : {}) };
}

export function mp4(server: InstagramTestServer): MediaAttachment {
  const data = mp4Bytes();
  return { mimeType: 'video/mp4', data, url: server.mediaHost.put(data, 'video/mp4') };
}

/** A variant with one image: Instagram takes no text-only post. */
export function imagePost(server: InstagramTestServer, text: string): Variant {
  return { text, media: [jpeg(server, 'A loaf of bread on a table')] };
}

/** Follows the dialog URL as the signed-in person consenting would, and returns the redirect's code. */
export async function approve(authorizationUrl: string): Promise<{ code: string; state: string | null }> {
  const response = await fetch(authorizationUrl, { redirect: 'manual' });
  const location = response.headers.get('location');
  if (response.status !== 302 || !location) throw new Error(`dialog answered ${response.status}: ${await response.text()}`);
  const url = new URL(location);
  const code = url.searchParams.get('code');
  if (!code) throw new Error(`no code in ${location}`);
  return { code, state: url.searchParams.get('state') };
}
