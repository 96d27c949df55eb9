import { runConformanceSuite } from '@socle/connector-sdk/testing';
import { FacebookTestServer, startFacebookTestServer } from '../test/facebook.server';
import { approve, pageCredentials, revokedPageCredentials, testConnector, userToken } from '../test/fixtures';

runConformanceSuite<FacebookTestServer>({
  connector: () => testConnector(),
  startServer: () => startFacebookTestServer(),
  authorizeInput: (server) => ({ serviceUrl: server.baseUrl, fields: { accessToken: userToken(server) } }),
  credentials: (server) => pageCredentials(server),
  // A Page token invalidated (190/460) while the user token still works: refresh reads the Page's token again.
  expiredCredentials: (server) => revokedPageCredentials(server),
  seedMentions: (server, count) => server.addMentions(count),
  countPosts: (server) => server.posts.size,
  approveOAuth: async (_server, authorizationUrl) => (await approve(authorizationUrl)).code,
});
