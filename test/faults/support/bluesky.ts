// eslint-disable-next-line @nx/enforce-module-boundaries -- the dev-env PDS of the plugin's tests is the network these tests talk to
import { BlueskyDevNetwork, DevAccount } from '../../../plugins/bluesky/src/test/bluesky-dev-network';

export type { DevAccount };

/** A post as the PDS holds it in the account's repository. */
export interface BlueskyRecord {
  uri: string;
  text: string;
}

const isAddressInUse = (error: unknown): boolean => (error as { code?: string })?.code === 'EADDRINUSE';

/**
 * The reference PDS (and its PLC directory) of `@atproto/dev-env`, without an
 * AppView: publishing and `findPublished` speak to the PDS only, and the
 * count reads the repositories themselves. Its ports are picked free by the
 * plugin's helper; one taken between the check and the bind is tried again.
 */
export async function startBlueskyPds(): Promise<BlueskyDevNetwork> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await BlueskyDevNetwork.start({ appView: false });
    } catch (error) {
      if (!isAddressInUse(error) || attempt === 3) throw error;
    }
  }
}

/**
 * Every `app.bsky.feed.post` record of `did`'s repository
 * (`com.atproto.repo.listRecords`, page by page): what the network holds,
 * whatever the worker recorded.
 */
export async function blueskyPostsOf(dev: BlueskyDevNetwork, did: string): Promise<BlueskyRecord[]> {
  const records: BlueskyRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await dev.xrpc<{ records: Array<{ uri: string; value: { text?: unknown } }>; cursor?: string }>(
      'com.atproto.repo.listRecords',
      { params: { repo: did, collection: 'app.bsky.feed.post', limit: '100', ...(cursor ? { cursor } : {}) } },
    );
    records.push(...page.records.map((record) => ({ uri: record.uri, text: String(record.value?.text ?? '') })));
    cursor = page.records.length ? page.cursor : undefined;
  } while (cursor);
  return records;
}
