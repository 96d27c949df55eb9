import { runConformanceSuite } from '@socle/connector-sdk/testing';
import { WordpressConnector } from './wordpress.connector';
import { EDITOR, EDITOR_PASSWORD, startWordpressTestServer, WordpressTestServer } from '../test/wordpress.server';
import { editorCredentials, revokedCredentials } from '../test/fixtures';

runConformanceSuite<WordpressTestServer>({
  connector: () => new WordpressConnector(),
  startServer: () => startWordpressTestServer(),
  authorizeInput: (server) => ({ serviceUrl: server.baseUrl, fields: { identifier: EDITOR, appPassword: EDITOR_PASSWORD } }),
  credentials: (server) => editorCredentials(server),
  // Application passwords do not expire; a revoked one is what the site answers 401 to.
  expiredCredentials: (server) => revokedCredentials(server),
  countPosts: (server) => server.livePosts(),
  sampleVariant: {
    text: 'Conformance check: bonjour à tous 👋',
    options: { title: 'Conformance check', tags: 'conformité, Socle' },
  },
});
