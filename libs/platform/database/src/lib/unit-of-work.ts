import { Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import {
  connectionOf,
  isReleased,
  markTransactionOpen,
  PgClient,
  PgResult,
  ReadOnlyParking,
  releaseBroken,
  serializeQueries,
  statementCounter,
} from './read-only-parking';
import { setScopeSql, TenantScope } from './tenant-scope';

// Parking of read-only transactions lives in its own adapter; these keep their names for the package index.
export { releaseParkedConnections, setReadOnlyParking, statementCounter } from './read-only-parking';

const logger = new Logger('UnitOfWork');

/** PostgreSQL's refusal of a prepared statement whose result a schema change altered (it stays refused on that connection). */
function isStalePlan(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e?.code === '0A000' && typeof e.message === 'string' && e.message.includes('cached plan must not change result type');
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
  private snapshot = false;
  /** Transactions opened from now on commit without waiting for their WAL to reach the disk (`relaxCommits`). */
  private relaxed = false;
  /** Set when a prepared statement of this connection went stale: the connection is destroyed, not pooled. */
  private staleConnection: unknown = undefined;

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
   * and its end costs no round trip of its own (see read-only-parking.ts).
   */
  markReadOnly(): void {
    if (!this.opening) this.readOnly = true;
  }

  /**
   * Declares, before the first statement, that this unit of work reads one consistent snapshot of the
   * database (`REPEATABLE READ READ ONLY`): every statement sees the data as of the first one, e.g. an export.
   */
  markSnapshot(): void {
    if (this.opening) throw new Error('a snapshot is chosen before the transaction opens, never later');
    this.readOnly = true;
    this.snapshot = true;
  }

  /**
   * The transactions this unit of work opens from now on (not the one open, if
   * any) commit without waiting for their WAL to be flushed to disk
   * (`synchronous_commit` off, transaction-locally, set in their opening round
   * trip). A crash of PostgreSQL itself may then lose the last such commits (at
   * most three WAL writer delays' worth, never a torn one): only for writes that
   * a later step finds and writes again when they are missing (see the
   * publishing worker's record, made again from its lease).
   */
  relaxCommits(): void {
    this.relaxed = true;
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
   * A named prepared statement on this connection: parsed and planned once per
   * connection (row-level security makes planning the costly part of a small
   * statement) and then reused. For hot, fixed-shape statements; `name` must
   * identify one SQL text (pg refuses a name given another text). Fails as
   * `query` does (a `QueryFailedError` carrying the driver's error).
   */
  async prepared<T = Record<string, unknown>>(name: string, sql: string, parameters: unknown[]): Promise<T[]> {
    await this.open();
    statementCounter.count += 1;
    const client = this.client() as unknown as { query(config: { name: string; text: string; values: unknown[] }): Promise<PgResult> };
    try {
      const result = await client.query({ name, text: sql, values: parameters });
      return result.rows as T[];
    } catch (error) {
      // A schema change altered what the statement returns: PostgreSQL refuses it on this connection until it is
      // deallocated, so the connection is given up at the end of this unit of work and the next one prepares afresh.
      if (isStalePlan(error)) this.staleConnection = error;
      throw new QueryFailedError(sql, parameters, error as Error);
    }
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
    await this.runAfterCommitHooks();
  }

  /** The hooks of what just committed, once each. */
  private async runAfterCommitHooks(): Promise<void> {
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

  /**
   * Commits what ran so far and opens the next transaction, with the same
   * scope, on the same connection, in one round trip (`COMMIT; BEGIN; scope`);
   * the after-commit hooks then run as after `commit`. For a step that must be
   * committed on its own before the next one takes other locks, when nothing
   * slow comes between (otherwise `commitAndContinue` returns the connection).
   * A failure closes the unit of work and gives up its connection; a failed
   * COMMIT commits nothing (PostgreSQL runs nothing after it in the same
   * string), while a COMMIT that passed before its BEGIN failed stays
   * committed, as when the next BEGIN of `commitAndContinue` fails.
   */
  async commitAndBegin(): Promise<void> {
    if (this.closed || !this.opening) return;
    const runner = this.runner as QueryRunner;
    const opened = await this.opening.then(
      () => true,
      () => false,
    );
    if (!opened || this.readOnly || isReleased(runner)) {
      // Nothing to keep (or a read-only transaction, which parks its connection): the plain path.
      await this.commitAndContinue();
      return;
    }
    statementCounter.count += 1;
    try {
      await this.client().query(`COMMIT; ${this.openingSql()}`);
    } catch (error) {
      this.closed = true;
      this.afterCommitHooks.length = 0;
      this.restoreClient?.();
      this.restoreClient = undefined;
      await releaseBroken(runner, error);
      throw error;
    }
    await this.runAfterCommitHooks();
  }

  /** BEGIN with this unit of work's isolation and mode, its scope, and the relaxed commit when asked for. */
  private openingSql(): string {
    const begin = `BEGIN${this.snapshot ? ' ISOLATION LEVEL REPEATABLE READ' : ''}${this.readOnly ? ' READ ONLY' : ''}`;
    return `${begin}; ${setScopeSql(this.scopeValue)}${this.relaxed && !this.readOnly ? '; SET LOCAL synchronous_commit TO off' : ''}`;
  }

  private async begin(probeSql?: string): Promise<Record<string, unknown>[]> {
    const opening = `${this.openingSql()}${probeSql ? `; ${probeSql}` : ''}`;
    const probing = probeSql !== undefined;
    const parking = ReadOnlyParking.for(this.dataSource);
    const parked = parking.take();
    const acquired = parked ? { runner: parked, parked: true } : await parking.acquire();
    if (!acquired.parked) return this.beginOn(acquired.runner, opening, probing);
    try {
      return await this.beginOn(acquired.runner, `COMMIT; ${opening}`, probing);
    } catch {
      // The parked connection broke (or its transaction could not end): it is gone; start afresh.
      this.closed = false;
      const fresh = await parking.acquire();
      return this.beginOn(fresh.runner, fresh.parked ? `COMMIT; ${opening}` : opening, probing);
    }
  }

  private async beginOn(runner: QueryRunner, sql: string, probing: boolean): Promise<Record<string, unknown>[]> {
    this.runner = runner;
    try {
      const client = (await runner.connect()) as PgClient;
      this.restoreClient = serializeQueries(client);
      statementCounter.count += 1;
      const results = await client.query(sql);
      // TypeORM must know a transaction is running, or save() would open its own.
      markTransactionOpen(runner);
      const list = Array.isArray(results) ? results : [results];
      return probing ? (list[list.length - 1]?.rows ?? []) : [];
    } catch (error) {
      this.closed = true;
      this.restoreClient?.();
      this.restoreClient = undefined;
      await releaseBroken(runner, error);
      throw error;
    }
  }

  private client(): PgClient {
    return connectionOf(this.runner as QueryRunner);
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
      if (isReleased(runner)) {
        if (command === 'COMMIT' && opened)
          throw new Error('the database connection was lost before COMMIT: nothing of this unit of work was committed');
        return;
      }
      if (command === 'COMMIT' && this.readOnly && opened) {
        this.restoreClient?.();
        this.restoreClient = undefined;
        parked = ReadOnlyParking.for(this.dataSource).park(runner);
        if (parked) return;
      }
      statementCounter.count += 1;
      if (command === 'COMMIT') await runner.commitTransaction();
      else await runner.rollbackTransaction();
    } finally {
      if (!parked) {
        this.restoreClient?.();
        if (!isReleased(runner)) {
          if (this.staleConnection === undefined) await runner.release();
          else await releaseBroken(runner, this.staleConnection);
        }
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
