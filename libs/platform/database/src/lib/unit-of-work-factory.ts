import type { DataSource } from 'typeorm';
import { inOrganizationUnitOfWork, inUnitOfWork, OrganizationUnitOfWork, UnitOfWork } from './unit-of-work';

type Scope = ConstructorParameters<typeof UnitOfWork>[1];

/**
 * What domain code and the apps get instead of the DataSource: units of work,
 * each one transaction with its tenant set. Nothing outside this library
 * queries the pool directly, so no query can run without a tenant scope.
 */
export class UnitOfWorkFactory {
  constructor(private readonly dataSource: DataSource) {}

  /** A unit of work the caller ends itself (commit or rollback), e.g. a request's. */
  create(scope: Scope): UnitOfWork {
    return new UnitOfWork(this.dataSource, scope);
  }

  /** Runs `work` in its own unit of work: commit on success, rollback on any error. */
  run<T>(scope: Scope, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
    return inUnitOfWork(this.dataSource, scope, work);
  }

  /**
   * Runs `work` inside `organizationId`, for a caller that established access to
   * it otherwise (a job from its payload, a route after verifying its signed link
   * or OAuth state): the unit of work carries that tenant to the repositories.
   */
  runInOrganization<T>(
    organizationId: string,
    work: (uow: OrganizationUnitOfWork) => Promise<T>,
    scope: Omit<Scope, 'organizationId'> = {},
  ): Promise<T> {
    return inOrganizationUnitOfWork(this.dataSource, organizationId, work, scope);
  }

  /** Same, for work that only reads: a READ ONLY transaction, whose end costs no round trip of its own. */
  async read<T>(scope: Scope, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
    return inUnitOfWork(this.dataSource, scope, (uow) => {
      uow.markReadOnly();
      return work(uow);
    });
  }

  /** Whether PostgreSQL answers, for readiness: one statement outside any transaction, touching no table. */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
