import type { Provider, Type } from '@nestjs/common';
import type { EntityClass, MigrationClass } from '@socle/platform-database';

/**
 * One part of the content module (items, approvals, media, publishing, calendar):
 * what it stores and what it runs. `ContentModule` composes the parts.
 */
export interface ContentPart {
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
