/** Helpers shared by the YouTube specs: connectors, contexts, credentials and a sample video on a test server. */
import { createHash, randomBytes } from 'node:crypto';
import { createHttpClient } from '@socle/connector-sdk';
import type { AuthorizeInput, ConnectorContext, Credentials, Variant } from '@socle/connector-sdk';
import { YoutubeConnector, YoutubeConnectorOptions } from '../lib/youtube.connector';
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET, YoutubeTestServer } from './youtube.server';

export const REDIRECT_URI = 'https://app.socle.test/oauth/youtube/callback';
export const CHUNK = 256 * 1024;

export function testConnector(options: YoutubeConnectorOptions = {}): YoutubeConnector {
  return new YoutubeConnector({
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    chunkSizeBytes: CHUNK,
    maxResumes: 3,
    ...options,
  });
}

export function testContext(timeoutMs = 2000): ConnectorContext {
  return { http: createHttpClient({ timeoutMs, outbound: { allowedRanges: ['127.0.0.0/8'] } }) };
}

/** A file that starts like an MP4 (an `ftyp` box), `size` bytes long. */
export function videoBytes(size: number): Uint8Array {
  const data = new Uint8Array(size);
  const header = Buffer.from([0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]);
  data.set(header.subarray(0, Math.min(size, header.length)));
  for (let i = header.length; i < size; i++) data[i] = i % 251;
  return data;
}

export function videoVariant(text = 'Conformance check: bonjour à tous 👋', size = 2048, title = 'Socle conformance video'): Variant {
  return { text, media: [{ mimeType: 'video/mp4', data: videoBytes(size) }], options: { title, privacyStatus: 'unlisted' } };
}

/** Credentials with a fresh token pair, one per server. */
const issued = new WeakMap<YoutubeTestServer, Credentials>();
export function tokenCredentials(server: YoutubeTestServer): Credentials {
  let credentials = issued.get(server);
  if (!credentials) {
    const { accessToken, refreshToken } = server.issueTokens();
    credentials = { serviceUrl: server.baseUrl, secrets: { accessToken, refreshToken } };
    issued.set(server, credentials);
  }
  return credentials;
}

export function expiredCredentials(server: YoutubeTestServer): Credentials {
  const { accessToken, refreshToken } = server.issueTokens({ expired: true });
  return { serviceUrl: server.baseUrl, secrets: { accessToken, refreshToken }, expiresAt: new Date(Date.now() - 1000).toISOString() };
}

export function pkcePair(): { codeVerifier: string; codeChallenge: string } {
  const codeVerifier = randomBytes(32).toString('base64url');
  return { codeVerifier, codeChallenge: createHash('sha256').update(codeVerifier).digest('base64url') };
}

/** What the platform passes `authorize` after the consent: a fresh code and its PKCE verifier. */
export function codeInput(server: YoutubeTestServer): AuthorizeInput {
  const { codeVerifier, codeChallenge } = pkcePair();
  const code = server.issueCode(codeChallenge, REDIRECT_URI);
  return { serviceUrl: server.baseUrl, redirectUri: REDIRECT_URI, fields: { code, codeVerifier } };
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
