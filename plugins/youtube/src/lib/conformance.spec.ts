import { runConformanceSuite } from '@socle/connector-sdk/testing';
import { startYoutubeTestServer, YoutubeTestServer } from '../test/youtube.server';
import { approve, codeInput, expiredCredentials, testConnector, tokenCredentials, videoVariant } from '../test/fixtures';

runConformanceSuite<YoutubeTestServer>({
  connector: () => testConnector(),
  startServer: () => startYoutubeTestServer(),
  authorizeInput: (server) => codeInput(server),
  credentials: (server) => tokenCredentials(server),
  expiredCredentials: (server) => expiredCredentials(server),
  // A publish is a video upload: the sample carries a small video and a title.
  sampleVariant: videoVariant(),
  // YouTube has no mentions: the checks page through a keyword search.
  mentionQuery: { keywords: ['socle'] },
  seedMentions: (server, count) => server.addMentions(count),
  countPosts: (server) => server.videos.size,
  approveOAuth: async (_server, authorizationUrl) => (await approve(authorizationUrl)).code,
});
