import type { Provider, Type } from '@nestjs/common';
import type { EntityClass, MigrationClass } from './data-source';

/**
 * One part of a domain module (for example content's items, approvals, media…):
 * what it stores and what it runs. The module composes its parts.
 */
export interface ModulePart {
  entities: EntityClass[];
  migrations: MigrationClass[];
  /** Services every process needs (API and worker). */
  providers: Provider[];
  /** GraphQL resolvers and HTTP controllers' providers, in the API only. */
  resolvers: Provider[];
  /** HTTP controllers, in the API only. */
  controllers?: Type<unknown>[];
  /** Job processors and schedulers, in the worker only. */
  workers: Provider[];
  /** Services other modules may use. */
  exports: Provider[];
}
