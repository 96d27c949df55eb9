/**
 * The demo network: a local stand-in for a social network, on loopback only,
 * answering like a Mastodon instance (the loopback instance of the Mastodon
 * plugin's tests). It is never a real network: nothing leaves the machine.
 *
 * At its first start it holds the clients' accounts with their older posts and
 * what fictional people wrote about each client and its competitor over the
 * past weeks (`network-corpus.ts`). Fictional customers comment under each new
 * post of a client a few seconds after it is published. What it holds is kept
 * in `var/demo-network/state.json` (git-ignored) so that a restart keeps the
 * published posts, the replies and the ids Socle stored: a second start adds nothing.
 *
 * `npm start` runs it as a process of its own (`DEMO_NETWORK_URL`, default
 * http://127.0.0.1:3100); tests call `startDemoNetwork` with a state file of their own.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
// The loopback Mastodon instance is test code of the plugin (not its public API); the demo reuses it as is.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { MastodonInstanceState, MastodonTestServer } from '../../../../../plugins/mastodon/src/test/mastodon-test-server';
import { DEMO_COMMENTS, DEMO_NETWORK_ACCOUNTS, DEMO_NETWORK_POSTS, DEMO_OWN_HISTORY } from './network-corpus';
import { demoAccessToken, demoNetworkUrl } from './network';

const DAY_MS = 86_400_000;

export interface DemoNetwork {
  server: MastodonTestServer;
  baseUrl: string;
  /** Writes the state file now (also done every second after a change, and by `close`). */
  save(): void;
  close(): Promise<void>;
}

export async function startDemoNetwork(options: {
  port: number;
  stateFile: string;
  secret?: string;
  commentDelayMs?: number;
  log?: (line: string) => void;
}): Promise<DemoNetwork> {
  const log = options.log ?? (() => undefined);
  // A rate limit far above what the demo's worker needs, as a quiet instance would grant.
  const server = await MastodonTestServer.start({
    port: options.port,
    recordRequests: false,
    rateLimit: { limit: 100_000, windowSeconds: 300 },
  });
  let saved = '';
  try {
    saved = readFileSync(options.stateFile, 'utf8');
    server.importState(JSON.parse(saved) as MastodonInstanceState);
    log(`demo network: restored ${server.statusCount()} posts from ${options.stateFile}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    seedCorpus(server, new Date());
    log(`demo network: ${server.statusCount()} posts of the past weeks written`);
  }
  for (const account of DEMO_NETWORK_ACCOUNTS) {
    server.createAccount(account.username, account.displayName);
    server.setFollowCounts(account.username, { followers: account.followers, following: 80 });
    server.createAccessToken(account.username, { token: demoAccessToken(account.username, options.secret) });
  }

  // Fictional customers answer each new post of a client, in turn.
  const timers = new Set<NodeJS.Timeout>();
  const commentsGiven = new Map<string, number>();
  server.onPost((status) => {
    const account = DEMO_NETWORK_ACCOUNTS.find((a) => a.username === status.username);
    const comments = account ? DEMO_COMMENTS[account.slug] : undefined;
    if (!account || !comments?.length || status.inReplyToId) return;
    const turn = commentsGiven.get(account.slug) ?? 0;
    commentsGiven.set(account.slug, turn + 1);
    const comment = comments[turn % comments.length];
    const timer = setTimeout(() => {
      timers.delete(timer);
      server.createAccount(comment.author, comment.authorName);
      server.postAs(comment.author, `@${account.username} ${comment.text}`, { inReplyToId: status.id, language: account.language });
    }, options.commentDelayMs ?? 5000);
    timers.add(timer);
  });

  const save = () => {
    const text = JSON.stringify(server.exportState());
    if (text === saved) return;
    mkdirSync(dirname(options.stateFile), { recursive: true });
    writeFileSync(`${options.stateFile}.tmp`, text, { mode: 0o600 });
    renameSync(`${options.stateFile}.tmp`, options.stateFile);
    saved = text;
  };
  save();
  const every = setInterval(save, 1000);
  return {
    server,
    baseUrl: server.baseUrl,
    save,
    close: async () => {
      clearInterval(every);
      for (const timer of timers) clearTimeout(timer);
      save();
      await server.close();
    },
  };
}

/** The corpus, dated back from `now`: older posts of the clients, then what others wrote. */
function seedCorpus(server: MastodonTestServer, now: Date): void {
  const at = (daysAgo: number, index: number) => new Date(now.getTime() - daysAgo * DAY_MS + index * 60_000 - 3 * 3_600_000);
  for (const account of DEMO_NETWORK_ACCOUNTS) {
    server.createAccount(account.username, account.displayName);
    server.createAccount(account.competitor.username, account.competitor.displayName);
    for (const [index, post] of (DEMO_OWN_HISTORY[account.slug] ?? []).entries()) {
      const { id } = server.postAs(account.username, post.text, { language: account.language, createdAt: at(post.daysAgo, index) });
      server.addInteractions(id, { favourites: 3 + ((index * 7) % 11), reblogs: index % 3 });
    }
    for (const [index, post] of (DEMO_NETWORK_POSTS[account.slug] ?? []).entries()) {
      server.createAccount(post.author, post.authorName);
      if (post.followers !== undefined) server.setFollowCounts(post.author, { followers: post.followers });
      server.postAs(post.author, post.text, { language: post.language, createdAt: at(post.daysAgo, index) });
    }
  }
}

async function main(): Promise<void> {
  const url = new URL(demoNetworkUrl());
  if (url.hostname !== '127.0.0.1') throw new Error(`DEMO_NETWORK_URL must be on 127.0.0.1 (found ${url.hostname})`);
  const network = await startDemoNetwork({
    port: Number(url.port || 80),
    stateFile: resolve(process.env.DEMO_NETWORK_STATE ?? 'var/demo-network/state.json'),
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.stdout.write(`demo network (a local stand-in, never a real network): ${network.baseUrl}\n`);
  const stop = () => void network.close().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`demo network: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
