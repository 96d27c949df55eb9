import { createHttpClient } from '@socle/connector-sdk';
import type { Credentials } from '@socle/connector-sdk';
import { runConformanceSuite } from '@socle/connector-sdk/testing';
import type { LoopbackServer } from '@socle/connector-sdk/testing';
import { BlueskyConnector } from './bluesky.connector';
import { BlueskyDevNetwork, DevAccount, startFaultProxy } from '../test/bluesky-dev-network';

// The suite runs against the dev-env's real PDS and AppView, through a loopback proxy
// that serves the failures the suite injects.
type ProxyServer = LoopbackServer & { dev: BlueskyDevNetwork; account: DevAccount; fan: DevAccount; session?: Credentials };

const connector = new BlueskyConnector();
const ctx = () => ({ http: createHttpClient({ timeoutMs: 5000 }) });
let seeded = 0;

async function signIn(server: ProxyServer): Promise<Credentials> {
  server.session ??= await connector.authorize(ctx(), {
    serviceUrl: server.baseUrl,
    fields: { identifier: server.account.handle, appPassword: server.account.appPassword },
  });
  return server.session;
}

// The dev network is a real PDS and AppView (with its own database) in this process: on a machine loaded by the
// rest of the test run, an answer has been seen to take over 10 s. The checks are about behaviour, not speed.
jest.setTimeout(120_000);

runConformanceSuite<ProxyServer>({
  connector,
  // The real AppView answers threads and searches in tens to hundreds of ms, more on a loaded machine.
  timeoutMs: 2500,
  answerTimeoutMs: 40_000,
  startServer: async () => {
    const dev = await BlueskyDevNetwork.start();
    try {
      const account = await dev.createAccount('brand');
      const fan = await dev.createAccount('fan');
      const proxy = await startFaultProxy(dev);
      const close = proxy.close.bind(proxy);
      return Object.assign(proxy, {
        dev,
        account,
        fan,
        close: async () => {
          await close();
          await dev.close();
        },
      });
    } catch (error) {
      await dev.close();
      throw error;
    }
  },
  authorizeInput: (server) => ({
    serviceUrl: server.baseUrl,
    fields: { identifier: server.account.handle, appPassword: server.account.appPassword },
  }),
  credentials: (server) => signIn(server),
  expiredCredentials: async (server) => {
    const fresh = await connector.authorize(ctx(), {
      serviceUrl: server.baseUrl,
      fields: { identifier: server.account.handle, appPassword: server.account.appPassword },
    });
    return { ...fresh, secrets: { ...fresh.secrets, accessJwt: BlueskyDevNetwork.expiredAccessJwt(fresh.secrets.accessJwt) } };
  },
  seedMentions: async (server, count) => {
    const fan = await connector.authorize(ctx(), {
      serviceUrl: server.dev.pdsUrl,
      fields: { identifier: server.fan.handle, appPassword: server.fan.appPassword },
    });
    for (let i = 0; i < count; i++) {
      seeded++;
      await connector.publish(ctx(), fan, {
        variant: { text: `@${server.account.handle} question ${seeded}?` },
        idempotencyKey: `seed-${seeded}`,
      });
    }
    await server.dev.processAll();
  },
  countPosts: async (server) => (await server.dev.postUris(server.account.did)).length,
});
