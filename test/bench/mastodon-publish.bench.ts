/**
 * Publish throughput of the Mastodon connector against the loopback test instance,
 * compared with plain HTTP POSTs of the same statuses to the same server, at the same
 * concurrency. The ratio is the connector's overhead (validation, JSON, error mapping).
 *
 *     node -r @swc-node/register test/bench/mastodon-publish.bench.ts
 */
import { createHttpClient } from '@socle/connector-sdk';
import { MastodonConnector } from '@socle/plugin-mastodon';
// The loopback instance is test code of the plugin, not part of its public API.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { MastodonTestServer } from '../../plugins/mastodon/src/test/mastodon-test-server';

const POSTS = Number(process.env.BENCH_POSTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const TARGET_RATIO = 0.6;

async function runPool(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function main(): Promise<void> {
  const server = await MastodonTestServer.start({ rateLimit: { limit: 1_000_000, windowSeconds: 300 }, recordRequests: false });
  try {
    const token = server.createAccessToken('bench');
    const credentials = { serviceUrl: server.baseUrl, secrets: { accessToken: token } };
    const connector = new MastodonConnector();
    // The instance runs on loopback, which the outbound guard refuses unless told otherwise.
    const ctx = { http: createHttpClient({ timeoutMs: 10_000, outbound: { allowedRanges: ['127.0.0.0/8', '::1/128'] } }) };
    const text = (kind: string, index: number) => `Benchmark ${kind} post ${index}: bonjour https://socle.example/p/${index} #bench`;

    // Warm-up: connections, JIT.
    await runPool(100, CONCURRENCY, async (i) => {
      await connector.publish(ctx, credentials, { variant: { text: text('warm-up', i) }, idempotencyKey: `warm-${i}` });
    });

    const plugin = (round: number) =>
      runPool(POSTS, CONCURRENCY, async (i) => {
        const post = await connector.publish(ctx, credentials, {
          variant: { text: text('plugin', i) },
          idempotencyKey: `plugin-${round}-${i}`,
        });
        if (!post.externalId) throw new Error('no id');
      });
    const raw = (round: number) =>
      runPool(POSTS, CONCURRENCY, async (i) => {
        const response = await fetch(`${server.baseUrl}/api/v1/statuses`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `raw-${round}-${i}` },
          body: JSON.stringify({ status: text('raw', i), visibility: 'public' }),
        });
        const body = (await response.json()) as { id?: string };
        if (response.status !== 200 || !body.id) throw new Error(`raw POST answered ${response.status}`);
      });

    // Two alternating rounds each; the best round of each side counts (less noise from GC and the other process).
    const rawRounds: number[] = [];
    const pluginRounds: number[] = [];
    for (let round = 0; round < 2; round++) {
      rawRounds.push(await raw(round));
      pluginRounds.push(await plugin(round));
    }
    const pluginSeconds = Math.min(...pluginRounds);
    const rawSeconds = Math.min(...rawRounds);
    const pluginRate = POSTS / pluginSeconds;
    const rawRate = POSTS / rawSeconds;
    const ratio = pluginRate / rawRate;
    console.log(
      `posts: ${POSTS} per round, concurrency: ${CONCURRENCY}, rounds: 2 each (best counts), statuses stored: ${server.statusCount()}`,
    );
    console.log(`plugin publish: ${pluginRate.toFixed(0)} posts/s (${pluginSeconds.toFixed(2)} s)`);
    console.log(`plain HTTP POST: ${rawRate.toFixed(0)} posts/s (${rawSeconds.toFixed(2)} s)`);
    console.log(
      `ratio: ${(ratio * 100).toFixed(1)} % (target >= ${TARGET_RATIO * 100} %) ${ratio >= TARGET_RATIO ? 'OK' : 'BELOW TARGET'}`,
    );
    process.exitCode = ratio >= TARGET_RATIO ? 0 : 1;
  } finally {
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
