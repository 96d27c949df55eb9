import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { setScopeSql, TenantScope } from './tenant-scope';

interface PgClient {
  query(sql: string, ...rest: unknown[]): Promise<PgResult | PgResult[]>;
}
interface PgResult {
  rows: Record<string, unknown>[];
}

const logger = new Logger('UnitOfWork');

/**
 * Counts statements sent for units of work; the benchmark and the N+1 tests
 * read it. `deferredCommits` counts the COMMITs of parked read-only
 * transactions that nobody reused in time (sent by a timer, not by a request).
 */
export const statementCounter = { count: 0, deferredCommits: 0 };

/**
 * Read-only transactions whose end is deferred. A READ ONLY transaction has
 * nothing to commit, so instead of a round trip for COMMIT at the end of every
 * read, its connection is parked here (never returned to the pool while its
 * transaction is open) and the next unit of work that takes it sends `COMMIT;`
 * in front of its own `BEGIN; set_config(...)`, in the same round trip. The
 * tenant settings are transaction-local, so the COMMIT clears them before the
 * next tenant's are set. A parked connection not reused within `PARK_MS` is
 * committed and returned to the pool, so locks (ACCESS SHARE only) are held
 * for at most that long after the read.
 */
const PARK_MS = 25;

interface Parked {
  runner: QueryRunner;
  since: number;
}

interface ParkingLot {
  parked: Parked[];
  /** Units of work waiting for a pool connection, which a parked one (or a spare fresh one) may serve first. */
  waiters: ((runner: QueryRunner, parked: boolean) => void)[];
  /** Pool requests still pending for waiters that were served otherwise; each gives its connection on when it comes. */
  orphans: number;
  timer?: NodeJS.Timeout;
}

const parkingLots = new WeakMap<DataSource, ParkingLot>();
const parkingOff = new WeakSet<DataSource>();

/** Turns parking of read-only transactions off (or back on) for one DataSource; the API benchmark compares both. */
export function setReadOnlyParking(dataSource: DataSource, enabled: boolean): void {
  if (enabled) parkingOff.delete(dataSource);
  else parkingOff.add(dataSource);
}

function lotOf(dataSource: DataSource): ParkingLot {
  let lot = parkingLots.get(dataSource);
  if (!lot) {
    lot = { parked: [], waiters: [], orphans: 0 };
    parkingLots.set(dataSource, lot);
  }
  return lot;
}

async function endParked(entry: Parked): Promise<void> {
  try {
    statementCounter.deferredCommits += 1;
    await entry.runner.commitTransaction();
    await entry.runner.release();
  } catch (error) {
    logger.warn(`ending a parked read-only transaction failed: ${error instanceof Error ? error.message : String(error)}`);
    await (entry.runner as unknown as { releasePostgresConnection(err?: unknown): Promise<void> })
      .releasePostgresConnection(error)
      .catch(() => undefined);
  }
}

function sweep(dataSource: DataSource, lot: ParkingLot): void {
  lot.timer = undefined;
  const now = Date.now();
  const stale = lot.parked.filter((p) => now - p.since >= PARK_MS);
  lot.parked = lot.parked.filter((p) => now - p.since < PARK_MS);
  for (const entry of stale) void endParked(entry);
  if (lot.parked.length > 0) schedule(dataSource, lot);
}

function schedule(dataSource: DataSource, lot: ParkingLot): void {
  if (lot.timer) return;
  lot.timer = setTimeout(() => sweep(dataSource, lot), PARK_MS);
  lot.timer.unref();
}

/** Whether something other than a unit of work is queuing for a pool connection. */
function poolHasOtherWaiters(dataSource: DataSource, lot: ParkingLot): boolean {
  const pool = (dataSource.driver as unknown as { master?: { waitingCount?: number } }).master;
  return (pool?.waitingCount ?? 0) > lot.waiters.length + lot.orphans;
}

/** A fresh pool connection its requester no longer needs: to the next waiting unit of work, else back to the pool. */
function passOn(lot: ParkingLot, runner: QueryRunner): void {
  const next = lot.waiters.shift();
  if (next) next(runner, false);
  else void runner.release();
}

/**
 * Keeps a read-only transaction's connection for the next unit of work: hands
 * it to one already waiting, or parks it. Returns false when it must rather go
 * back to the pool now (another kind of caller is waiting for a connection).
 */
function park(dataSource: DataSource, runner: QueryRunner): boolean {
  if (parkingOff.has(dataSource)) return false;
  const lot = lotOf(dataSource);
  const waiter = lot.waiters.shift();
  if (waiter) {
    waiter(runner, true);
    return true;
  }
  if (poolHasOtherWaiters(dataSource, lot)) return false;
  lot.parked.push({ runner, since: Date.now() });
  schedule(dataSource, lot);
  return true;
}

/**
 * A connection for a new unit of work: from the pool, or one handed over while
 * waiting for the pool (a parked one, or the spare fresh one of a unit of work
 * served that way); the pool's, when it comes, is passed on in turn.
 */
function waitForConnection(dataSource: DataSource): Promise<{ runner: QueryRunner; parked: boolean }> {
  const lot = lotOf(dataSource);
  const fresh = dataSource.createQueryRunner();
  const connecting = fresh.connect();
  return new Promise((resolve, reject) => {
    let settled = false;
    const waiter = (runner: QueryRunner, parked: boolean): void => {
      settled = true;
      resolve({ runner, parked });
      lot.orphans += 1;
      connecting.then(
        () => {
          lot.orphans -= 1;
          passOn(lot, fresh);
        },
        () => {
          lot.orphans -= 1;
        },
      );
    };
    lot.waiters.push(waiter);
    const leave = (): void => {
      const at = lot.waiters.indexOf(waiter);
      if (at >= 0) lot.waiters.splice(at, 1);
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

function takeParked(dataSource: DataSource): QueryRunner | undefined {
  const lot = parkingLots.get(dataSource);
  if (!lot) return undefined;
  let entry = lot.parked.pop();
  // A connection that failed while parked was already released by TypeORM.
  while (entry?.runner.isReleased) entry = lot.parked.pop();
  return entry?.runner;
}

/** Ends every parked read-only transaction and returns the connections to the pool (before closing the pool). */
export async function releaseParkedConnections(dataSource: DataSource): Promise<void> {
  const lot = parkingLots.get(dataSource);
  if (!lot) return;
  if (lot.timer) clearTimeout(lot.timer);
  lot.timer = undefined;
  const all = lot.parked.splice(0);
  await Promise.all(all.map(endParked));
}

declare const organizationProven: unique symbol;

/**
 * A unit of work inside one organisation, proven by the code that opened it:
 * the access resolution (membership checked by the probe that sets the
 * tenant), a job processor from its payload, a route that verified a signed
 * link or OAuth state (`inOrganizationUnitOfWork`). Repositories take this
 * type and read the tenant from it, so they cannot be pointed at another
 * organisation than the one the transaction acts in. Only this module makes one.
 */
export interface OrganizationUnitOfWork extends UnitOfWork {
  readonly organizationId: ProvenOrganizationId;
  readonly [organizationProven]: true;
}

/** An organisation id read from an `OrganizationUnitOfWork`: a context cannot name another one beside its unit of work. */
export type ProvenOrganizationId = string & { readonly [organizationProven]: true };

/**
 * One transaction, one tenant. Opened lazily on first use with a single round
 * trip (`BEGIN; SELECT set_config(..., true)…; [probe]`), so the tenant is set
 * transaction-locally and vanishes at COMMIT/ROLLBACK. Every data access of a
 * request or a job goes through its unit of work.
 */
export class UnitOfWork {
  private runner?: QueryRunner;
  private provenOrganization?: string;
  private opening?: Promise<Record<string, unknown>[]>;
  private closed = false;
  private restoreClient?: () => void;
  private readonly afterCommitHooks: (() => Promise<void> | void)[] = [];
  private readOnly = false;

  constructor(
    private readonly dataSource: DataSource,
    private scopeValue: TenantScope,
  ) {
    this.provenOrganization = scopeValue.organizationId;
  }

  get scope(): Readonly<TenantScope> {
    return this.scopeValue;
  }

  /** The organisation this unit of work acts in, if any (typed as proven only through `OrganizationUnitOfWork`). */
  get organizationId(): string | undefined {
    return this.provenOrganization;
  }

  /**
   * Declares, before the first statement, that this unit of work only reads (a
   * GraphQL query): it opens `BEGIN READ ONLY`, so PostgreSQL refuses any write,
   * and its end costs no round trip of its own (see the parking lot above).
   */
  markReadOnly(): void {
    if (!this.opening) this.readOnly = true;
  }

  get isReadOnly(): boolean {
    return this.readOnly;
  }

  get isOpen(): boolean {
    return this.runner !== undefined && !this.closed;
  }

  /**
   * Opens the transaction with the scope set, running `probeSql` (a statement
   * whose only values are validated UUID literals) in the same round trip and
   * returning its rows. Used to check memberships while setting the tenant.
   */
  async open(probeSql?: string): Promise<Record<string, unknown>[]> {
    if (this.closed) throw new Error('unit of work already closed');
    if (!this.opening) {
      this.opening = this.begin(probeSql);
      return this.opening;
    }
    await this.opening;
    if (!probeSql) return [];
    statementCounter.count += 1;
    const results = await this.client().query(probeSql);
    const list = Array.isArray(results) ? results : [results];
    return list[list.length - 1]?.rows ?? [];
  }

  /**
   * Sets the scope for values the caller has established (its own user id, an
   * API key's agency, the tenant named by a token it just verified). Before the
   * transaction opens this costs nothing; inside an open one it costs one round
   * trip. A unit of work that acts in an organisation never moves to another.
   * Requests enter organisations with `enterOrganization`, never with this.
   */
  async rescope(scope: TenantScope): Promise<void> {
    if (this.provenOrganization !== undefined && scope.organizationId !== this.provenOrganization) {
      throw new Error('a unit of work acting in an organisation cannot move to another tenant');
    }
    this.scopeValue = { ...scope };
    this.provenOrganization = scope.organizationId;
    if (!this.opening) return;
    await this.opening;
    const reset =
      "SELECT set_config('socle.user_id', '', true), set_config('socle.agency_id', '', true), set_config('socle.organization_id', '', true)";
    statementCounter.count += 1;
    await this.client().query(`${reset}; ${setScopeSql(scope)}`);
  }

  /**
   * Opens the transaction by entering an organisation: `probeSql` proves the
   * caller's access and only then sets the tenant itself, answering one row
   * whose `entered` is true. No statement runs with the tenant before its
   * proof, and a failed proof leaves no tenant set. BEGIN, the caller's own
   * settings and the probe travel in one round trip.
   */
  async enterOrganization(
    organizationId: string,
    probeSql: string,
  ): Promise<{ uow: OrganizationUnitOfWork | null; row: Record<string, unknown> | undefined }> {
    if (this.opening) throw new Error('an organisation is entered when the transaction opens, never later');
    if (this.scopeValue.organizationId !== undefined || this.scopeValue.agencyId !== undefined)
      throw new Error('this unit of work already has a tenant');
    const [row] = await this.open(probeSql);
    if (row?.entered !== true) return { uow: null, row };
    this.scopeValue = { ...this.scopeValue, organizationId };
    this.provenOrganization = organizationId;
    return { uow: this as unknown as OrganizationUnitOfWork, row };
  }

  async manager(): Promise<EntityManager> {
    await this.open();
    return (this.runner as QueryRunner).manager;
  }

  async query<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    const manager = await this.manager();
    statementCounter.count += 1;
    return manager.query(sql, parameters) as Promise<T[]>;
  }

  /**
   * Runs once the transaction has committed (e.g. enqueue a job for a row it
   * wrote). A failure there is logged by the caller's hook runner, never undoes
   * the commit: the reconcilers re-enqueue what is missing.
   */
  afterCommit(hook: () => Promise<void> | void): void {
    this.afterCommitHooks.push(hook);
  }

  /**
   * A named prepared statement on this connection: planned once per connection
   * (row-level security makes planning the costly part of a small read) and then
   * reused. For hot, fixed-shape queries; `name` must identify one SQL text.
   */
  async prepared<T = Record<string, unknown>>(name: string, sql: string, parameters: unknown[]): Promise<T[]> {
    await this.open();
    statementCounter.count += 1;
    const result = (await (
      this.client() as unknown as { query(config: { name: string; text: string; values: unknown[] }): Promise<PgResult> }
    ).query({
      name,
      text: sql,
      values: parameters,
    })) as PgResult;
    return result.rows as T[];
  }

  /** Runs an INSERT/UPDATE/DELETE and returns how many rows it touched. */
  async execute(sql: string, parameters: unknown[] = []): Promise<number> {
    await this.open();
    statementCounter.count += 1;
    const result = await (this.runner as QueryRunner).query(sql, parameters, true);
    return result.affected ?? 0;
  }

  async commit(): Promise<void> {
    await this.finish('COMMIT');
    const hooks = this.afterCommitHooks.splice(0);
    for (const hook of hooks) {
      try {
        await hook();
      } catch (error) {
        // Committed is committed: a failed follow-up (e.g. Redis down while enqueuing) is
        // logged and left to the reconcilers, which rebuild it from PostgreSQL.
        logger.warn(`after-commit step failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  async rollback(): Promise<void> {
    this.afterCommitHooks.length = 0;
    await this.finish('ROLLBACK');
  }

  /**
   * Commits what ran so far and returns the connection; the next statement opens
   * a new transaction with the same scope. For work that waits on the network (a
   * call to a social network can take its whole timeout): no transaction, lock
   * or pooled connection is held meanwhile. What ran before stays committed even
   * if a later step fails, so callers write nothing they would need to undo.
   */
  async commitAndContinue(): Promise<void> {
    if (this.closed || !this.opening) return;
    await this.commit();
    this.runner = undefined;
    this.opening = undefined;
    this.restoreClient = undefined;
    this.closed = false;
  }

  private async begin(probeSql?: string): Promise<Record<string, unknown>[]> {
    const opening = `BEGIN${this.readOnly ? ' READ ONLY' : ''}; ${setScopeSql(this.scopeValue)}${probeSql ? `; ${probeSql}` : ''}`;
    const probing = probeSql !== undefined;
    const parked = takeParked(this.dataSource);
    const acquired = parked ? { runner: parked, parked: true } : await waitForConnection(this.dataSource);
    if (!acquired.parked) return this.beginOn(acquired.runner, opening, probing);
    try {
      return await this.beginOn(acquired.runner, `COMMIT; ${opening}`, probing);
    } catch {
      // The parked connection broke (or its transaction could not end): it is gone; start afresh.
      this.closed = false;
      const fresh = await waitForConnection(this.dataSource);
      return this.beginOn(fresh.runner, fresh.parked ? `COMMIT; ${opening}` : opening, probing);
    }
  }

  private async beginOn(runner: QueryRunner, sql: string, probing: boolean): Promise<Record<string, unknown>[]> {
    this.runner = runner;
    try {
      const client = (await runner.connect()) as PgClient;
      this.serialize(client);
      statementCounter.count += 1;
      const results = await client.query(sql);
      // TypeORM must know a transaction is running, or save() would open its own.
      Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
      const list = Array.isArray(results) ? results : [results];
      return probing ? (list[list.length - 1]?.rows ?? []) : [];
    } catch (error) {
      this.closed = true;
      this.restoreClient?.();
      this.restoreClient = undefined;
      await (runner as unknown as { releasePostgresConnection(err?: unknown): Promise<void> })
        .releasePostgresConnection(error)
        .catch(() => undefined);
      throw error;
    }
  }

  /**
   * Sibling GraphQL fields resolve concurrently but share this transaction's
   * one connection: queue their statements instead of handing pg overlapping
   * queries. Undone before the connection returns to the pool.
   */
  private serialize(client: PgClient): void {
    const original = client.query;
    let tail: Promise<unknown> = Promise.resolve();
    client.query = function serialized(this: PgClient, ...args: [string, ...unknown[]]) {
      const run = tail.then(() => original.apply(this, args));
      tail = run.catch(() => undefined);
      return run;
    };
    const own = Object.prototype.hasOwnProperty.call(client, 'query');
    this.restoreClient = () => {
      if (own) client.query = original;
      else delete (client as Partial<PgClient>).query;
    };
  }

  private client(): PgClient {
    return (this.runner as unknown as { databaseConnection: PgClient }).databaseConnection;
  }

  private async finish(command: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const runner = this.runner;
    if (!runner || !this.opening) return;
    let parked = false;
    try {
      const opened = await this.opening.then(
        () => true,
        () => false,
      );
      // Released under us: the connection was lost, and the transaction with it; a COMMIT must not pass for done.
      if (runner.isReleased) {
        if (command === 'COMMIT' && opened)
          throw new Error('the database connection was lost before COMMIT: nothing of this unit of work was committed');
        return;
      }
      if (command === 'COMMIT' && this.readOnly && opened) {
        this.restoreClient?.();
        this.restoreClient = undefined;
        parked = park(this.dataSource, runner);
        if (parked) return;
      }
      statementCounter.count += 1;
      if (command === 'COMMIT') await runner.commitTransaction();
      else await runner.rollbackTransaction();
    } finally {
      if (!parked) {
        this.restoreClient?.();
        if (!runner.isReleased) await runner.release();
      }
    }
  }
}

/**
 * Runs `work` in its own unit of work inside `organizationId`, for callers that
 * established access to it otherwise: a job processor from its payload, a route
 * after verifying its signed link or OAuth state. Commit on success, rollback on
 * any error.
 */
export async function inOrganizationUnitOfWork<T>(
  dataSource: DataSource,
  organizationId: string,
  work: (uow: OrganizationUnitOfWork) => Promise<T>,
  scope: Omit<TenantScope, 'organizationId'> = {},
): Promise<T> {
  return inUnitOfWork(dataSource, { ...scope, organizationId }, (uow) => work(uow as unknown as OrganizationUnitOfWork));
}

/** Runs `work` in its own unit of work: commit on success, rollback on any error. */
export async function inUnitOfWork<T>(dataSource: DataSource, scope: TenantScope, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  const uow = new UnitOfWork(dataSource, scope);
  try {
    const result = await work(uow);
    await uow.commit();
    return result;
  } catch (error) {
    await uow.rollback();
    throw error;
  }
}
