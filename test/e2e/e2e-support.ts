import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { GqlResult } from '@socle/testing';

/**
 * A Redis key prefix of its own for one app of one suite: rate-limit counters
 * (per IP, per user, per sign-up) are then never shared with another suite of
 * the same run. Starts with the run's prefix so the global teardown removes its keys.
 */
export function isolatedPrefix(label: string): string {
  return `${process.env.QUEUE_PREFIX ?? 'socle-test'}-${label}-${randomBytes(3).toString('hex')}`;
}

/** Reads `read` every 50 ms until `done` holds of its value, which it returns; fails naming `what` and the last value. */
export async function until<T>(what: string, read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Superuser connection to the test database, for setting up states the API cannot reach (an expired invitation); or to
 * a suite's own database when given one (`ownTestDatabase`).
 */
export async function adminDatabase(own?: { adminUrl: string }): Promise<Client> {
  const url = own?.adminUrl ?? process.env.SOCLE_TEST_ADMIN_DATABASE_URL;
  if (!url) throw new Error('SOCLE_TEST_ADMIN_DATABASE_URL is not set: run through Jest and its global setup');
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

/**
 * Sends `requests` at once while `table` is locked against writes (a SHARE lock lets their reads by), and releases it
 * once all of them wait to write: requests that check a key then write it all pass the check before any writes, the
 * race a unique key must settle. Their answers, in order.
 */
export async function heldAtWrite<T>(table: string, requests: (() => Promise<T>)[]): Promise<T[]> {
  const locker = await adminDatabase();
  try {
    await locker.query('BEGIN');
    await locker.query(`LOCK TABLE ${table} IN SHARE MODE`);
    const answers = Promise.all(requests.map((send) => send()));
    const deadline = Date.now() + 20_000;
    for (let waiting = 0; waiting < requests.length;) {
      if (Date.now() > deadline) throw new Error(`${waiting} of ${requests.length} requests reached the write of ${table}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      waiting = (
        await locker.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks
            WHERE database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND relation = $1::regclass AND NOT granted`,
          [table],
        )
      ).rows[0].n;
    }
    await locker.query('COMMIT');
    return await answers;
  } finally {
    await locker.end();
  }
}

/** Text that must never reach a client: stack frames, SQL, driver errors. */
export const LEAK_PATTERNS: RegExp[] = [
  /\bat .+\(.*:\d+:\d+\)/,
  /^\s*at /m,
  /\bSELECT\b/,
  /\bINSERT\b/,
  /\bUPDATE\b.*\bSET\b/,
  /QueryFailedError/,
  /stacktrace/i,
  /node_modules/,
];

/** The leaking fragments found in a response body (empty when clean). */
export function leaksIn(body: unknown): string[] {
  const text = JSON.stringify(body ?? null);
  return LEAK_PATTERNS.filter((p) => p.test(text)).map((p) => String(p));
}

/** The first error of a GraphQL answer, or a failure naming what came back instead. */
export function firstError(res: GqlResult): { message: string; extensions: Record<string, unknown>; path?: (string | number)[] } {
  const error = res.body.errors?.[0];
  if (!error) throw new Error(`expected an error, got ${res.status}: ${JSON.stringify(res.body)}`);
  return { message: error.message, extensions: error.extensions ?? {}, path: error.path };
}

/**
 * Rate limits count in fixed one-minute windows: a test that counts requests up to a
 * limit starts well inside one window, so its requests never straddle a boundary.
 */
export async function insideOneRateWindow(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 5_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

/** One page of a list as `COUNTED_PAGE` selects it. */
export interface CountedPage {
  totalCount: number;
  edges: unknown[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** The selection `countedOverPages` reads on a connection. */
export const COUNTED_PAGE = 'totalCount edges { cursor } pageInfo { hasNextPage endCursor }';

/**
 * Reads a list whole (`first: 100`), then page by page (`first: pageSize`, following `endCursor`): every page must tell
 * the same `totalCount`, the number of items of the whole list, and the pages together must hold them all. `read` gets
 * the pagination arguments to put in the query. Returns the count.
 */
export async function countedOverPages(list: string, read: (args: string) => Promise<CountedPage>, pageSize = 1): Promise<number> {
  const whole = await read('first: 100');
  expect({ list, more: whole.pageInfo.hasNextPage, totalCount: whole.totalCount }).toEqual({
    list,
    more: false,
    totalCount: whole.edges.length,
  });
  let page = await read(`first: ${pageSize}`);
  let seen = page.edges.length;
  while (page.pageInfo.hasNextPage) {
    expect({ list, totalCount: page.totalCount }).toEqual({ list, totalCount: whole.edges.length });
    page = await read(`first: ${pageSize}, after: "${page.pageInfo.endCursor}"`);
    seen += page.edges.length;
  }
  expect({ list, totalCount: page.totalCount, seen }).toEqual({ list, totalCount: whole.edges.length, seen: whole.edges.length });
  return whole.totalCount;
}

/** A NUL byte inside a string. */
export const NUL = 'a\u0000b';
/** A lone surrogate (not valid UTF-16 text). */
export const LONE = 'x\uD800y';
/** A string far above every limit of the API (200,000 characters). */
export const HUGE = 'h'.repeat(200_000);

/** An object nested `n` levels deep. */
export function deepJson(n: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
}

/** What a hostile caller puts in any argument: bad text, paths, private and metadata addresses, extreme numbers, deep JSON. */
export const HOSTILE_VALUES: readonly unknown[] = [
  NUL,
  LONE,
  HUGE,
  '',
  ' ',
  '../../etc',
  '127.0.0.1',
  'http://169.254.169.254/latest',
  -1,
  1e308,
  2 ** 53,
  deepJson(60),
  [deepJson(30)],
  null,
];

/**
 * What the hostile suites collect: each answer that is a server error (a 5xx, or a GraphQL error whose code says INTERNAL
 * or whose message is the generic "Internal server error.") under its label. `problems` must stay empty.
 */
export function serverErrorLog(): {
  problems: string[];
  check(label: string, res: { status: number; body: unknown }): void;
} {
  const problems: string[] = [];
  return {
    problems,
    check(label, res) {
      const body = (typeof res.body === 'object' && res.body !== null ? res.body : {}) as {
        errors?: { message?: string; extensions?: Record<string, unknown> }[];
      };
      const bad =
        res.status >= 500 ||
        (body.errors ?? []).some((e) => /internal/i.test(String(e.extensions?.code)) || e.message === 'Internal server error.');
      if (bad) problems.push(`${label}: ${res.status} ${JSON.stringify(body.errors ?? String(res.body)).slice(0, 300)}`);
    },
  };
}
