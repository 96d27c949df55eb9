/**
 * The demo's network: each client connects its account at the demo network (a
 * local stand-in that answers like a Mastodon instance, `network-server.ts`,
 * never a real network) and listens for its brand and its competitor there.
 *
 * Idempotent: an organisation that has a Mastodon account at the demo network
 * keeps it; queries are looked up by name.
 */
import { createHmac } from 'node:crypto';
import { clientIds, type DemoCall } from './calls';
import { DEMO_NETWORK_ACCOUNTS } from './network-corpus';

type Headers = Record<string, string>;

/** Where the demo network answers (loopback only). */
export const demoNetworkUrl = (): string => process.env.DEMO_NETWORK_URL ?? 'http://127.0.0.1:3100';

/**
 * The personal access token of a demo account: derived from the installation's
 * JWT secret so that the network process and the seed agree without sharing a file.
 */
export function demoAccessToken(username: string, secret = process.env.JWT_SECRET ?? ''): string {
  return createHmac('sha256', `socle-demo-network:${secret}`).update(username).digest('base64url');
}

/** Whether the demo network answers (it runs beside the API under `npm start`). */
export async function demoNetworkUp(url = demoNetworkUrl()): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/v2/instance`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

export async function seedNetworkDemo(
  must: DemoCall,
  ownerAuth: Headers,
  clients: readonly { slug: string; name: string }[],
  report: (line: string) => void = () => undefined,
  url = demoNetworkUrl(),
): Promise<boolean> {
  if (!(await demoNetworkUp(url))) {
    report(`The demo network does not answer at ${url}: no account connected, nothing published, no mentions.`);
    return false;
  }
  const ids = await clientIds(must, ownerAuth);
  for (const client of clients) {
    const account = DEMO_NETWORK_ACCOUNTS.find((a) => a.slug === client.slug);
    const orgId = ids.get(client.name);
    if (!account || !orgId) continue;
    const owner = { ...ownerAuth, 'x-socle-organization': orgId };
    const state = await must<{
      networkAccounts: { edges: { node: { id: string; network: string; serviceUrl: string } }[] };
      listeningQueries: { edges: { node: { name: string } }[] };
      competitors: { edges: { node: { id: string; name: string } }[] };
    }>(
      `{ networkAccounts(first: 100) { edges { node { id network serviceUrl } } }
         listeningQueries(first: 100) { edges { node { name } } }
         competitors(first: 100) { edges { node { id name } } } }`,
      {},
      owner,
    );
    const connected = state.networkAccounts.edges.some(
      (e) => e.node.network === 'mastodon' && e.node.serviceUrl.replace(/\/+$/, '') === url,
    );
    if (!connected) {
      await must(
        'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id } }',
        { input: { network: 'mastodon', serviceUrl: url, accessToken: demoAccessToken(account.username) } },
        owner,
      );
    }
    const names = new Set(state.listeningQueries.edges.map((e) => e.node.name));
    const competitorId = state.competitors.edges.find((e) => e.node.name === account.competitor.name)?.node.id;
    const queries = [
      { kind: 'BRAND', name: `Marque : ${account.displayName}`, query: account.brandQuery, sources: ['mastodon'] },
      ...(competitorId
        ? [
            {
              kind: 'COMPETITOR',
              name: `Concurrent : ${account.competitor.name}`,
              query: account.competitor.query,
              competitorId,
              sources: ['mastodon'],
            },
          ]
        : []),
    ];
    for (const input of queries.filter((q) => !names.has(q.name))) {
      await must('mutation ($input: CreateListeningQueryInput!) { createListeningQuery(input: $input) { id } }', { input }, owner);
    }
  }
  return true;
}
