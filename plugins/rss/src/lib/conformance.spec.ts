import { runConformanceSuite } from '@socle/connector-sdk/testing';
import { FeedTestServer, PRIVATE_USER, startFeedServer } from '../test/feed-server';
import { RssConnector } from './rss.connector';

runConformanceSuite<FeedTestServer>({
  connector: () => new RssConnector(),
  startServer: () => startFeedServer(),
  authorizeInput: (server) => ({ serviceUrl: server.liveUrl, fields: {} }),
  credentials: (server) => ({ serviceUrl: server.liveUrl, secrets: {} }),
  // No token to expire: a feed behind basic auth with a wrong password stands for it.
  expiredCredentials: (server) => ({ serviceUrl: server.privateUrl, secrets: { username: PRIVATE_USER, password: 'wrong' } }),
  seedMentions: (server, count) => server.addLiveItems(count),
});
