import { runConformanceSuite } from '@socle/connector-sdk/testing';
import { GhostConnector } from './ghost.connector';
import { ADMIN_KEY, startGhostTestServer, GhostTestServer } from '../test/ghost.server';
import { deletedKeyCredentials, siteCredentials } from '../test/fixtures';

runConformanceSuite<GhostTestServer>({
  connector: () => new GhostConnector(),
  startServer: () => startGhostTestServer(),
  authorizeInput: (server) => ({ serviceUrl: server.baseUrl, fields: { adminApiKey: ADMIN_KEY } }),
  credentials: (server) => siteCredentials(server),
  // Admin API keys do not expire; a key whose integration was deleted is what the site answers 401 to.
  expiredCredentials: (server) => deletedKeyCredentials(server),
  countPosts: (server) => server.posts.size,
  sampleVariant: {
    text: 'Conformance check: bonjour à tous 👋',
    options: { title: 'Conformance check', tags: 'conformité, Socle' },
  },
});
