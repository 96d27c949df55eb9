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

/** Counts statements sent; the benchmark and the N+1 tests read it. */
export const statementCounter = { count: 0 };

/**
 * One transaction, one tenant. Opened lazily on first use with a single round
 * trip (`BEGIN; SELECT set_config(..., true)…; [probe]`), so the tenant is set
 * transaction-locally and vanishes at COMMIT/ROLLBACK. Every data access of a
 * request or a job goes through its unit of work.
 */
export class UnitOfWork {
  private runner?: QueryRunner;
  private opening?: Promise<Record<string, unknown>[]>;
  private closed = false;
  private restoreClient?: () => void;
  private readonly afterCommitHooks: (() => Promise<void> | void)[] = [];

  constructor(
    private readonly dataSource: DataSource,
    private scopeValue: TenantScope,
  ) {}

  get scope(): Readonly<TenantScope> {
    return this.scopeValue;
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
   * Narrows the scope inside the open transaction (e.g. after a membership check
   * proved access). Costs one round trip; used only where a request changes tenant.
   */
  async rescope(scope: TenantScope): Promise<void> {
    this.scopeValue = scope;
    if (!this.opening) return;
    await this.opening;
    const reset = "SELECT set_config('socle.user_id', '', true), set_config('socle.agency_id', '', true), set_config('socle.organization_id', '', true)";
    statementCounter.count += 1;
    await this.client().query(`${reset}; ${setScopeSql(scope)}`);
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
    const result = (await (this.client() as unknown as { query(config: { name: string; text: string; values: unknown[] }): Promise<PgResult> }).query({
      name, text: sql, values: parameters,
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

  private async begin(probeSql?: string): Promise<Record<string, unknown>[]> {
    const runner = this.dataSource.createQueryRunner();
    this.runner = runner;
    const sql = `BEGIN; ${setScopeSql(this.scopeValue)}${probeSql ? `; ${probeSql}` : ''}`;
    try {
      const client = (await runner.connect()) as PgClient;
      this.serialize(client);
      statementCounter.count += 1;
      const results = await client.query(sql);
      // TypeORM must know a transaction is running, or save() would open its own.
      Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
      const list = Array.isArray(results) ? results : [results];
      return probeSql ? (list[list.length - 1]?.rows ?? []) : [];
    } catch (error) {
      this.closed = true;
      this.restoreClient?.();
      await runner.release().catch(() => undefined);
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
    try {
      await this.opening.catch(() => undefined);
      if (runner.isReleased) return;
      statementCounter.count += 1;
      if (command === 'COMMIT') await runner.commitTransaction();
      else await runner.rollbackTransaction();
    } finally {
      this.restoreClient?.();
      if (!runner.isReleased) await runner.release();
    }
  }
}

/** Runs `work` in its own unit of work: commit on success, rollback on any error. */
export async function inUnitOfWork<T>(
  dataSource: DataSource,
  scope: TenantScope,
  work: (uow: UnitOfWork) => Promise<T>,
): Promise<T> {
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
