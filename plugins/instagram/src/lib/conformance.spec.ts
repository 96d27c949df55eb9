import { runConformanceSuite } from '@socle/connector-sdk/testing';
import type { Variant } from '@socle/connector-sdk';
import { InstagramTestServer, startInstagramTestServer } from '../test/instagram.server';
import { jpegBytes } from '../test/media-host';
import { accountCredentials, approve, testConnector, userToken } from '../test/fixtures';

// The sample the suite publishes carries one JPEG at a public address the test server fetches over HTTP (Instagram
// takes no text-only post); the address is given once the server's media host runs.
const image = jpegBytes(128);
const sample: Variant = {
  text: 'Conformance check: bonjour à tous 👋 #socle',
  media: [{ mimeType: 'image/jpeg', data: image, altText: 'A test image' }],
};

runConformanceSuite<InstagramTestServer>({
  connector: () => testConnector(),
  startServer: async () => {
    const server = await startInstagramTestServer();
    sample.media = [{ mimeType: 'image/jpeg', data: image, altText: 'A test image', url: server.mediaHost.put(image, 'image/jpeg') }];
    return server;
  },
  sampleVariant: sample,
  authorizeInput: (server) => ({ serviceUrl: server.baseUrl, fields: { accessToken: userToken(server) } }),
  credentials: (server) => accountCredentials(server),
  // A long-lived user token past its 60 days: Meta answers 190/463 and the person reconnects (no refresh exists).
  expiredCredentials: (server) => accountCredentials(server, server.issueExpiredToken()),
  seedMentions: (server, count) => server.addMentions(count),
  countPosts: (server) => server.media.size,
  approveOAuth: async (_server, authorizationUrl) => (await approve(authorizationUrl)).code,
});
