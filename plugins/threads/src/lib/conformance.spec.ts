import { runConformanceSuite } from '@socle/connector-sdk/testing';
import { startThreadsTestServer, ThreadsTestServer } from '../test/threads.server';
import { approve, lapsedCredentials, testConnector, tokenCredentials } from '../test/fixtures';

runConformanceSuite<ThreadsTestServer>({
  connector: () => testConnector(),
  startServer: () => startThreadsTestServer(),
  authorizeInput: (server) => ({ serviceUrl: server.baseUrl, fields: { accessToken: tokenCredentials(server).secrets.accessToken } }),
  credentials: (server) => tokenCredentials(server),
  // Threads refreshes only a token not yet expired: the suite's "expired" credentials are past the expiry the
  // platform recorded, which the connector honours without a request, while Threads still accepts a refresh.
  expiredCredentials: (server) => lapsedCredentials(server),
  seedMentions: (server, count) => server.addMentions(count),
  countPosts: (server) => server.posts.size,
  approveOAuth: async (_server, authorizationUrl) => (await approve(authorizationUrl)).code,
});
