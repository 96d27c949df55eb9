import { runConformanceSuite } from '@socle/connector-sdk/testing';
import { startXTestServer, XTestServer } from '../test/x.server';
import { approve, expiredCredentials, testConnector, tokenCredentials } from '../test/fixtures';

runConformanceSuite<XTestServer>({
  connector: () => testConnector(),
  startServer: () => startXTestServer(),
  authorizeInput: (server) => ({ serviceUrl: server.baseUrl, fields: { accessToken: tokenCredentials(server).secrets.accessToken } }),
  credentials: (server) => tokenCredentials(server),
  expiredCredentials: (server) => expiredCredentials(server),
  seedMentions: (server, count) => server.addMentions(count),
  countPosts: (server) => server.posts.size,
  approveOAuth: async (_server, authorizationUrl) => (await approve(authorizationUrl)).code,
});
