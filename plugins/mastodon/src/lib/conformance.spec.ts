import { runConformanceSuite } from '@socle/connector-sdk/testing';
import { MastodonConnector } from './mastodon.connector';
import { MastodonTestServer } from '../test/mastodon-test-server';
import { AGENCY, approve, connectWithOAuth, tokenCredentials } from '../test/fixtures';

let seeded = 0;

runConformanceSuite<MastodonTestServer>({
  connector: () => new MastodonConnector({ mediaPollIntervalMs: 5 }),
  // Tokens issued through OAuth expire after an hour and come with a refresh token. Every operation's
  // checks share one token: the instance's own rate limit stays out of the way (the suite serves its 429s).
  startServer: () => MastodonTestServer.start({ tokenLifetimeSeconds: 3600, rateLimit: { limit: 100_000, windowSeconds: 300 } }),
  authorizeInput: (server) => ({ serviceUrl: server.baseUrl, fields: { accessToken: server.createAccessToken(AGENCY) } }),
  credentials: (server) => tokenCredentials(server),
  expiredCredentials: async (server) => {
    const credentials = await connectWithOAuth(server);
    server.expireToken(credentials.secrets.accessToken);
    return credentials;
  },
  seedMentions: (server, count) => {
    for (let i = 0; i < count; i++) server.postAs(`follower${seeded % 5}`, `@${AGENCY} question number ${++seeded}?`);
  },
  countPosts: (server) => server.statusCount(),
  // The agency's user is signed in at the instance and consents.
  approveOAuth: async (server, authorizationUrl) => {
    server.signIn(AGENCY);
    return (await approve(authorizationUrl)).code;
  },
});
