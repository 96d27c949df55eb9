/**
 * Every domain's entities and migrations, in the order migrations must run.
 * The apps and the test database read this one list.
 */
import { AccountInvariants1764720000000, ACCOUNTS_ENTITIES, ACCOUNTS_MIGRATIONS } from '@socle/accounts';
import { STRATEGY_ENTITIES, STRATEGY_MIGRATIONS } from '@socle/strategy';
import { COMMUNITY_ENTITIES, COMMUNITY_MIGRATIONS } from '@socle/community';
import { POLICIES_ENTITIES, POLICIES_MIGRATIONS } from '@socle/policies';
import { CONTENT_ENTITIES, CONTENT_MIGRATIONS } from '@socle/content';
import { EVALUATION_ENTITIES, EVALUATION_MIGRATIONS, LiveScores1764500000001 } from '@socle/evaluation';
import { INTEGRATIONS_MIGRATIONS } from '@socle/integrations';
import { PRESS_ROOM_MIGRATIONS } from '@socle/press-room';
import type { EntityClass, MigrationClass } from '@socle/platform-database';
import { WEBHOOK_EVENTS_MIGRATIONS } from '@socle/platform-webhooks';
import { GRAPHQL_MIGRATIONS } from '@socle/platform-graphql';

export const ENTITIES: EntityClass[] = [
  ...ACCOUNTS_ENTITIES,
  ...STRATEGY_ENTITIES,
  ...COMMUNITY_ENTITIES,
  ...POLICIES_ENTITIES,
  ...CONTENT_ENTITIES,
  ...EVALUATION_ENTITIES,
];
export const MIGRATIONS: MigrationClass[] = [
  ...ACCOUNTS_MIGRATIONS,
  AccountInvariants1764720000000,
  ...STRATEGY_MIGRATIONS,
  ...COMMUNITY_MIGRATIONS,
  ...POLICIES_MIGRATIONS,
  ...CONTENT_MIGRATIONS,
  ...EVALUATION_MIGRATIONS,
  LiveScores1764500000001,
  ...WEBHOOK_EVENTS_MIGRATIONS,
  ...INTEGRATIONS_MIGRATIONS,
  ...GRAPHQL_MIGRATIONS,
  ...PRESS_ROOM_MIGRATIONS,
];

import type { DynamicModule } from '@nestjs/common';
import { ConfigModule, SocleConfig } from '@socle/platform-config';
import { DatabaseModule } from '@socle/platform-database';
import { EvidenceModule } from '@socle/platform-evidence';
import { QueueModule, redisTargetOf } from '@socle/platform-queue';

/** What every Socle process runs on: the validated configuration, the one pool over all entities, Redis queues, the evidence registry. */
export function infrastructureModules(config: SocleConfig, applicationName: string): DynamicModule[] {
  return [
    { module: EvidenceModule, global: true },
    ConfigModule.forRoot(config),
    DatabaseModule.forRoot({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, entities: ENTITIES, applicationName }),
    QueueModule.forRoot({ redis: redisTargetOf(config), prefix: config.QUEUE_PREFIX }),
  ];
}
