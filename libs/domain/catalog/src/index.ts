/**
 * Every domain's entities and migrations, in the order migrations must run.
 * The apps and the test database read this one list.
 */
import { ACCOUNTS_ENTITIES, ACCOUNTS_MIGRATIONS } from '@socle/accounts';
import { COMMUNITY_ENTITIES, COMMUNITY_MIGRATIONS } from '@socle/community';
import type { EntityClass, MigrationClass } from '@socle/platform-database';

export const ENTITIES: EntityClass[] = [...ACCOUNTS_ENTITIES, ...COMMUNITY_ENTITIES];
export const MIGRATIONS: MigrationClass[] = [...ACCOUNTS_MIGRATIONS, ...COMMUNITY_MIGRATIONS];

import type { DynamicModule } from '@nestjs/common';
import { ConfigModule, SocleConfig } from '@socle/platform-config';
import { DatabaseModule } from '@socle/platform-database';
import { EvidenceModule } from '@socle/platform-evidence';
import { QueueModule } from '@socle/platform-queue';

/** What every Socle process runs on: the validated configuration, the one pool over all entities, Redis queues, the evidence registry. */
export function infrastructureModules(config: SocleConfig, applicationName: string): DynamicModule[] {
  return [
    { module: EvidenceModule, global: true },
    ConfigModule.forRoot(config),
    DatabaseModule.forRoot({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, entities: ENTITIES, applicationName }),
    QueueModule.forRoot({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX }),
  ];
}
