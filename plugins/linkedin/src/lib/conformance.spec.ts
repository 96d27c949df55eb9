import { runConformanceSuite } from '@socle/connector-sdk/testing';
import { LinkedinTestServer, SOLO_MEMBER } from '../test/linkedin.server';
import { approve, linkedinConnector, pageCredentials, REDIRECT_URI, refreshableCredentials } from '../test/fixtures';

runConformanceSuite<LinkedinTestServer>({
  connector: () => linkedinConnector(),
  startServer: () => LinkedinTestServer.start(),
  // A code the member consented to, as LinkedIn redirects back with; the member administers one page,
  // so the credentials come back bound to it.
  authorizeInput: (server) => ({
    serviceUrl: server.baseUrl,
    redirectUri: REDIRECT_URI,
    fields: { code: server.issueCode(SOLO_MEMBER, REDIRECT_URI) },
  }),
  credentials: (server) => pageCredentials(server),
  expiredCredentials: (server) => {
    const credentials = refreshableCredentials(server);
    server.expireAccessToken(credentials.secrets.accessToken);
    return credentials;
  },
  // No countPosts: LinkedIn refuses a post repeating a live one (the connector then answers with that post),
  // so the suite's sample text, published by many checks, does not add one post per publish. The connector
  // spec counts posts where it matters.
  approveOAuth: async (server, authorizationUrl) => {
    server.signIn(SOLO_MEMBER);
    return (await approve(authorizationUrl)).code;
  },
});
