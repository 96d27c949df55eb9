import { ExampleConnector } from './example/example.connector';
import { ExampleNetwork, startExampleServer } from './example/example.server';
import { runConformanceSuite } from './conformance';
import type { ConformanceServer } from './loopback-server';

// The SDK's reference connector passes the suite it ships.
type ExampleServer = ConformanceServer & { network: ExampleNetwork };

runConformanceSuite<ExampleServer>({
  connector: () => new ExampleConnector(),
  startServer: async () => {
    const network = await startExampleServer();
    return Object.assign(network.server, { network });
  },
  authorizeInput: (server) => ({ serviceUrl: server.baseUrl, fields: { code: 'good-code' } }),
  credentials: (server) => ({ serviceUrl: server.baseUrl, secrets: { accessToken: 'valid-token', refreshToken: 'refresh-1' } }),
  expiredCredentials: (server) => ({ serviceUrl: server.baseUrl, secrets: { accessToken: 'expired-token', refreshToken: 'refresh-1' } }),
  seedMentions: (server, count) => server.network.addMentions(count),
  countPosts: (server) => server.network.posts.size,
});
