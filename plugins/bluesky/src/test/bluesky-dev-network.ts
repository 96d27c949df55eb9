/**
 * The real AT Protocol servers of `@atproto/dev-env` on loopback, for the Bluesky specs:
 * a PLC directory and a PDS, plus an AppView (notifications, search, post views) when
 * asked. The AppView uses PostgreSQL (a schema of the run's test database, or a database
 * created here and dropped on close) and Redis.
 */
import { execFileSync } from 'node:child_process';
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { createServer } from 'node:net';
import { JWT_SECRET, TestNetwork, TestNetworkNoAppView } from '@atproto/dev-env';
import { LoopbackServer } from '@socle/connector-sdk/testing';
import type { LoopbackRequest, LoopbackReply } from '@socle/connector-sdk/testing';

export interface DevAccount {
  handle: string;
  did: string;
  password: string;
  appPassword: string;
}

function randomLetters(length: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return Array.from(randomBytes(length), (byte) => letters[byte % letters.length]).join('');
}

function psql(sql: string): void {
  execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-qc', sql], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '::' }, () => server.close(() => resolve(true)));
  });
}

/**
 * Ports for the servers dev-env would otherwise pick at random long before it
 * binds them, from below the kernel's ephemeral range (32768+): a port picked
 * there can be taken meanwhile by any outgoing connection (PostgreSQL, Redis)
 * of a parallel test process, which failed runs with EADDRINUSE.
 */
async function reservePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  for (let candidate = 20_000 + randomInt(0, 1_000) * 12; ports.length < count && candidate < 32_000; candidate += 1) {
    if (await portIsFree(candidate)) ports.push(candidate);
  }
  if (ports.length < count) throw new Error('no free ports below the ephemeral range for the Bluesky test servers');
  return ports;
}

const isAddressInUse = (error: unknown): boolean => (error as { code?: string })?.code === 'EADDRINUSE';

export class BlueskyDevNetwork {
  private constructor(
    readonly network: TestNetwork | TestNetworkNoAppView,
    /** Database created for this network (dropped on close), when the run provided none. */
    private readonly ownDatabase?: string,
  ) {}

  /** Starts PLC + PDS, and the AppView when `appView` is true (default). */
  static async start(options: { appView?: boolean } = {}): Promise<BlueskyDevNetwork> {
    if (options.appView === false) {
      const [plc, pds] = await reservePorts(2);
      return new BlueskyDevNetwork(await TestNetworkNoAppView.create({ plc: { port: plc }, pds: { port: pds } }));
    }
    process.env.REDIS_HOST = '127.0.0.1:6379';
    let databaseUrl = process.env.SOCLE_TEST_ADMIN_DATABASE_URL;
    let ownDatabase: string | undefined;
    if (!databaseUrl) {
      ownDatabase = `socle_bsky_test_${randomLetters(10)}`;
      psql(`CREATE DATABASE ${ownDatabase}`);
      databaseUrl = `postgres://postgres@127.0.0.1:5432/${ownDatabase}`;
    }
    try {
      // The few servers dev-env still starts on random ports can meet a taken port: try again then.
      for (let attempt = 1; ; attempt += 1) {
        const [plc, pds, bsky, ozone] = await reservePorts(4);
        try {
          const network = await TestNetwork.create({
            dbPostgresUrl: databaseUrl,
            dbPostgresSchema: `bsky_${randomLetters(10)}`,
            plc: { port: plc },
            pds: { port: pds },
            bsky: { port: bsky },
            ozone: { port: ozone },
          });
          return new BlueskyDevNetwork(network, ownDatabase);
        } catch (error) {
          if (!isAddressInUse(error) || attempt === 3) throw error;
        }
      }
    } catch (error) {
      if (ownDatabase) psql(`DROP DATABASE IF EXISTS ${ownDatabase} WITH (FORCE)`);
      throw error;
    }
  }

  /** The PDS, addressed on 127.0.0.1. */
  get pdsUrl(): string {
    return this.network.pds.url.replace('//localhost:', '//127.0.0.1:');
  }

  /** Lets the AppView index everything written so far. */
  async processAll(): Promise<void> {
    await this.network.processAll();
  }

  async close(): Promise<void> {
    await this.network.close();
    if (this.ownDatabase) psql(`DROP DATABASE IF EXISTS ${this.ownDatabase} WITH (FORCE)`);
  }

  async xrpc<T>(nsid: string, options: { body?: unknown; token?: string; params?: Record<string, string> } = {}): Promise<T> {
    const url = new URL(`${this.pdsUrl}/xrpc/${nsid}`);
    for (const [name, value] of Object.entries(options.params ?? {})) url.searchParams.set(name, value);
    const response = await fetch(url, {
      method: options.params || (!options.body && !options.token) ? 'GET' : 'POST',
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${nsid}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
  }

  /** An account `<name>.test` with a password and an app password. */
  async createAccount(name: string): Promise<DevAccount> {
    const handle = `${name}.test`;
    const password = `pw-${randomLetters(12)}`;
    const created = await this.xrpc<{ did: string; accessJwt: string }>('com.atproto.server.createAccount', {
      body: { handle, email: `${name}@socle.test`, password },
    });
    const { password: appPassword } = await this.xrpc<{ password: string }>('com.atproto.server.createAppPassword', {
      token: created.accessJwt,
      body: { name: 'Socle' },
    });
    return { handle, did: created.did, password, appPassword };
  }

  /** The URIs of the account's posts, as the PDS holds them. */
  async postUris(did: string): Promise<string[]> {
    const uris: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.xrpc<{ records: Array<{ uri: string }>; cursor?: string }>('com.atproto.repo.listRecords', {
        params: { repo: did, collection: 'app.bsky.feed.post', limit: '100', ...(cursor ? { cursor } : {}) },
      });
      uris.push(...page.records.map((record) => record.uri));
      cursor = page.records.length ? page.cursor : undefined;
    } while (cursor);
    return uris;
  }

  /** The same access token with an expiry in the past, signed as the PDS signs them. */
  static expiredAccessJwt(accessJwt: string): string {
    const [header, payload] = accessJwt.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { iat: number; exp: number };
    const now = Math.floor(Date.now() / 1000);
    const expired = Buffer.from(JSON.stringify({ ...claims, iat: now - 7300, exp: now - 100 })).toString('base64url');
    const signature = createHmac('sha256', JWT_SECRET).update(`${header}.${expired}`).digest('base64url');
    return `${header}.${expired}.${signature}`;
  }
}

/**
 * A loopback proxy in front of the PDS that can serve a bad day (`inject`), for the
 * conformance suite. Reads of the AppView (`app.bsky.*` queries) first let it index
 * everything, as a network that has caught up would answer.
 */
export async function startFaultProxy(dev: BlueskyDevNetwork): Promise<LoopbackServer> {
  return LoopbackServer.start(async (request: LoopbackRequest): Promise<LoopbackReply> => {
    if (request.method === 'GET' && request.url.pathname.startsWith('/xrpc/app.bsky.')) await dev.processAll();
    const headers: Record<string, string> = {};
    for (const name of ['authorization', 'content-type', 'accept']) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const response = await fetch(`${dev.pdsUrl}${request.path}`, {
      method: request.method,
      headers,
      body: request.method === 'GET' || request.method === 'HEAD' ? undefined : new Uint8Array(request.body),
    });
    const replyHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (name === 'content-type' || name.startsWith('ratelimit-')) replyHeaders[name] = value;
    });
    return { status: response.status, headers: replyHeaders, body: new Uint8Array(await response.arrayBuffer()) };
  });
}
