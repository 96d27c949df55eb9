/**
 * Parking of read-only transactions, fenced behind one small adapter.
 *
 * What it does: a READ ONLY transaction has nothing to commit, so instead of a
 * round trip for COMMIT at the end of every read, its connection is parked here
 * (never returned to the pool while its transaction is open) and the next unit
 * of work that takes it sends `COMMIT;` in front of its own `BEGIN;
 * set_config(...)`, in the same round trip. The tenant settings are
 * transaction-local, so the COMMIT clears them before the next tenant's are set.
 * A unit of work waiting for a pool connection is handed a parked one directly.
 * A parked connection nobody takes is committed and returned to the pool by a
 * timer (`PARK_MS`). The unit of work only calls `ReadOnlyParking.for(dataSource)`
 * and its `take()`, `acquire()`, `park(runner)`, `release()`, `enabled`.
 *
 * Limits (true of the code below, not aspirations):
 * - A parked transaction keeps its ACCESS SHARE locks on every table it read,
 *   and its snapshot if the isolation level is REPEATABLE READ or SERIALIZABLE
 *   (at the default READ COMMITTED no snapshot outlives a statement), until the
 *   next unit of work takes the connection or the timer commits it. The timer
 *   runs every `PARK_MS` and ends what has been parked for at least `PARK_MS`,
 *   so the bound is up to about 2 × `PARK_MS`, plus event-loop lag (a busy or
 *   blocked loop delays the timer by as much), plus the COMMIT's round trip.
 * - A DDL statement (a migration) that needs an ACCESS EXCLUSIVE lock on such a
 *   table waits that long, and while it waits PostgreSQL queues the other
 *   statements on that table behind it.
 * - A parked connection counts against the pool: it is neither idle nor free.
 *   Parking is refused when a caller other than a unit of work is waiting for
 *   the pool, but a burst can still find every connection parked for a moment.
 * - Parking is per DataSource and per process: another process (or another
 *   DataSource on the same database) never reuses these connections, and each
 *   holds its own parked transactions.
 *
 * Relies on these internals of TypeORM and pg, each read in ONE place (the
 * `internals` object below), none of them public API:
 * - `PostgresDriver.master`: the pg Pool, and its `waitingCount` (how many
 *   callers queue for a connection), to leave the pool to other waiters;
 * - `PostgresQueryRunner.isReleased`: a connection that failed while parked was
 *   already released by TypeORM and must not be reused;
 * - `PostgresQueryRunner.releasePostgresConnection(err)`: hands a broken
 *   connection back to pg so that it is destroyed, not pooled;
 * - `PostgresQueryRunner.databaseConnection`: the pg Client of a connected runner;
 * - `PostgresQueryRunner.isTransactionActive` / `transactionDepth`: set by hand
 *   after a hand-written `BEGIN`, or `save()` would open its own transaction;
 * - pg `Client.query` replaced by a serialising wrapper while a unit of work
 *   holds the connection (sibling GraphQL fields share it), and restored
 *   before the connection is parked or returned.
 * When one of the parking internals is missing (an upgrade renamed it), parking
 * is turned off for that DataSource, logged once, and read-only units of work
 * commit normally.
 */
import { Logger } from '@nestjs/common';
import type { DataSource, QueryRunner } from 'typeorm';

/** How long a parked read-only transaction may wait for the next unit of work (see the limits above). */
export const PARK_MS = 25;

export interface PgResult {
  rows: Record<string, unknown>[];
}
export interface PgClient {
  query(sql: string, ...rest: unknown[]): Promise<PgResult | PgResult[]>;
}

const logger = new Logger('ReadOnlyParking');

/**
 * Counts statements sent for units of work; the benchmark and the N+1 tests
 * read it. `deferredCommits` counts the COMMITs of parked read-only
 * transactions that nobody reused in time (sent by a timer, not by a request).
 */
export const statementCounter = { count: 0, deferredCommits: 0 };

type RunnerInternals = {
  isReleased?: unknown;
  releasePostgresConnection?: unknown;
  databaseConnection?: unknown;
};

/** The one place where internals of TypeORM and pg are read or written. */
const internals = {
  /** `PostgresDriver.master`'s `waitingCount`, or undefined when the driver has no such pool. */
  poolWaitingCount(dataSource: DataSource): number | undefined {
    const pool = (dataSource.driver as unknown as { master?: { waitingCount?: unknown } } | undefined)?.master;
    return typeof pool?.waitingCount === 'number' ? pool.waitingCount : undefined;
  },
  isReleased(runner: QueryRunner): boolean {
    return (runner as unknown as RunnerInternals).isReleased === true;
  },
  async releaseBroken(runner: QueryRunner, error: unknown): Promise<void> {
    const release = (runner as unknown as { releasePostgresConnection?: (err?: unknown) => Promise<void> }).releasePostgresConnection;
    if (typeof release === 'function') await release.call(runner, error).catch(() => undefined);
    else await runner.release().catch(() => undefined);
  },
  connectionOf(runner: QueryRunner): PgClient {
    return (runner as unknown as { databaseConnection: PgClient }).databaseConnection;
  },
  markTransactionOpen(runner: QueryRunner): void {
    Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
  },
  /** Queues the client's queries one after another; returns what undoes it. */
  serializeQueries(client: PgClient): () => void {
    const original = client.query;
    let tail: Promise<unknown> = Promise.resolve();
    client.query = function serialized(this: PgClient, ...args: [string, ...unknown[]]) {
      const run = tail.then(() => original.apply(this, args));
      tail = run.catch(() => undefined);
      return run;
    };
    const own = Object.prototype.hasOwnProperty.call(client, 'query');
    return () => {
      if (own) client.query = original;
      else delete (client as Partial<PgClient>).query;
    };
  },
  /** The internals parking needs that this DataSource lacks (empty when all are there). */
  missingFor(dataSource: DataSource): string[] {
    const missing: string[] = [];
    if (internals.poolWaitingCount(dataSource) === undefined) missing.push('PostgresDriver.master (pg Pool) .waitingCount');
    const probe = dataSource.createQueryRunner() as unknown as RunnerInternals;
    if (typeof probe.isReleased !== 'boolean') missing.push('QueryRunner.isReleased');
    if (typeof probe.releasePostgresConnection !== 'function') missing.push('PostgresQueryRunner.releasePostgresConnection');
    return missing;
  },
};

/** The pg Client of a connected query runner (a TypeORM internal, read here only). */
export const connectionOf = internals.connectionOf;
/** Gives a broken connection back to pg so that it is destroyed, not pooled. */
export const releaseBroken = internals.releaseBroken;
/** Tells TypeORM a transaction is running after a hand-written BEGIN. */
export const markTransactionOpen = internals.markTransactionOpen;
/**
 * Sibling GraphQL fields resolve concurrently but share one transaction's
 * connection: queue their statements instead of handing pg overlapping
 * queries. Returns what undoes it, called before the connection is parked or
 * returned to the pool.
 */
export const serializeQueries = internals.serializeQueries;
/** Whether TypeORM already released this runner (its connection was lost). */
export const isReleased = internals.isReleased;

interface Parked {
  runner: QueryRunner;
  since: number;
}

type Waiter = (runner: QueryRunner, parked: boolean) => void;

const adapters = new WeakMap<DataSource, ReadOnlyParking>();

/** The parking lot of one DataSource. */
export class ReadOnlyParking {
  private parked: Parked[] = [];
  /** Units of work waiting for a pool connection, which a parked one (or a spare fresh one) may serve first. */
  private waiters: Waiter[] = [];
  /** Pool requests still pending for waiters that were served otherwise; each gives its connection on when it comes. */
  private orphans = 0;
  private timer?: NodeJS.Timeout;
  private switchedOff = false;
  /** Undefined until checked (the driver's pool exists once the DataSource is initialised). */
  private internalsPresent?: boolean;

  private parkFor = PARK_MS;

  /** How long a parked transaction waits for the next unit of work (`PARK_MS`; a test of reuse may lengthen it). */
  get parkMs(): number {
    return this.parkFor;
  }

  set parkMs(ms: number) {
    this.parkFor = ms;
    // A sweep already planned for the old delay is planned again for the new one.
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.schedule();
    }
  }

  private constructor(private readonly dataSource: DataSource) {}

  static for(dataSource: DataSource): ReadOnlyParking {
    let adapter = adapters.get(dataSource);
    if (!adapter) {
      adapter = new ReadOnlyParking(dataSource);
      adapters.set(dataSource, adapter);
    }
    return adapter;
  }

  /** Whether read-only transactions are parked: switched on, and every internal it relies on is there. */
  get enabled(): boolean {
    return !this.switchedOff && this.checkInternals();
  }

  /** Turns parking off (or back on); the API benchmark compares both. */
  setEnabled(enabled: boolean): void {
    this.switchedOff = !enabled;
  }

  /** A parked connection, still in its read-only transaction (the caller sends `COMMIT;` first), if any. */
  take(): QueryRunner | undefined {
    let entry = this.parked.pop();
    // A connection that failed while parked was already released by TypeORM.
    while (entry && internals.isReleased(entry.runner)) entry = this.parked.pop();
    return entry?.runner;
  }

  /**
   * A connection for a new unit of work: from the pool, or one handed over while
   * waiting for the pool (a parked one, or the spare fresh one of a unit of work
   * served that way); the pool's, when it comes, is passed on in turn.
   */
  acquire(): Promise<{ runner: QueryRunner; parked: boolean }> {
    const fresh = this.dataSource.createQueryRunner();
    const connecting = fresh.connect();
    return new Promise((resolve, reject) => {
      let settled = false;
      const waiter: Waiter = (runner, parked) => {
        settled = true;
        resolve({ runner, parked });
        this.orphans += 1;
        connecting.then(
          () => {
            this.orphans -= 1;
            this.passOn(fresh);
          },
          () => {
            this.orphans -= 1;
          },
        );
      };
      this.waiters.push(waiter);
      const leave = (): void => {
        const at = this.waiters.indexOf(waiter);
        if (at >= 0) this.waiters.splice(at, 1);
      };
      connecting.then(
        () => {
          if (settled) return;
          settled = true;
          leave();
          resolve({ runner: fresh, parked: false });
        },
        (error: unknown) => {
          if (settled) return;
          settled = true;
          leave();
          reject(error);
        },
      );
    });
  }

  /**
   * Keeps a read-only transaction's connection (its query wrapper already
   * undone) for the next unit of work: hands it to one already waiting, or parks
   * it. Returns false when the caller must commit and release it now: parking
   * is off, or another kind of caller is waiting for a pool connection.
   */
  park(runner: QueryRunner): boolean {
    if (!this.enabled) return false;
    const waiter = this.waiters.shift();
    if (waiter) {
      waiter(runner, true);
      return true;
    }
    if (this.poolHasOtherWaiters()) return false;
    this.parked.push({ runner, since: Date.now() });
    this.schedule();
    return true;
  }

  /** Ends every parked read-only transaction and returns the connections to the pool (before closing the pool). */
  async release(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const all = this.parked.splice(0);
    await Promise.all(all.map((entry) => this.end(entry)));
  }

  private checkInternals(): boolean {
    if (this.internalsPresent !== undefined) return this.internalsPresent;
    // Before initialisation the driver has no pool yet: decide later, park nothing meanwhile.
    if (!this.dataSource.isInitialized) return false;
    const missing = internals.missingFor(this.dataSource);
    this.internalsPresent = missing.length === 0;
    if (missing.length > 0)
      logger.warn(`parking of read-only transactions is off for this DataSource: missing ${missing.join(', ')}; reads commit normally`);
    return this.internalsPresent;
  }

  /** Whether something other than a unit of work is queuing for a pool connection. */
  private poolHasOtherWaiters(): boolean {
    return (internals.poolWaitingCount(this.dataSource) ?? 0) > this.waiters.length + this.orphans;
  }

  /** A fresh pool connection its requester no longer needs: to the next waiting unit of work, else back to the pool. */
  private passOn(runner: QueryRunner): void {
    const next = this.waiters.shift();
    if (next) next(runner, false);
    else void runner.release();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.sweep(), this.parkMs);
    this.timer.unref();
  }

  private sweep(): void {
    this.timer = undefined;
    const now = Date.now();
    const stale = this.parked.filter((p) => now - p.since >= this.parkMs);
    this.parked = this.parked.filter((p) => now - p.since < this.parkMs);
    for (const entry of stale) void this.end(entry);
    if (this.parked.length > 0) this.schedule();
  }

  private async end(entry: Parked): Promise<void> {
    try {
      statementCounter.deferredCommits += 1;
      await entry.runner.commitTransaction();
      await entry.runner.release();
    } catch (error) {
      logger.warn(`ending a parked read-only transaction failed: ${error instanceof Error ? error.message : String(error)}`);
      await internals.releaseBroken(entry.runner, error);
    }
  }
}

/** Turns parking of read-only transactions off (or back on) for one DataSource; the API benchmark compares both. */
export function setReadOnlyParking(dataSource: DataSource, enabled: boolean): void {
  ReadOnlyParking.for(dataSource).setEnabled(enabled);
}

/** Ends every parked read-only transaction and returns the connections to the pool (before closing the pool). */
export async function releaseParkedConnections(dataSource: DataSource): Promise<void> {
  await adapters.get(dataSource)?.release();
}
