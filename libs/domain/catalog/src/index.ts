/**
 * Every domain's entities and migrations, in the order migrations must run.
 * The apps and the test database read this one list.
 */
import { ACCOUNTS_ENTITIES, ACCOUNTS_MIGRATIONS } from '@socle/accounts';
import { COMMUNITY_ENTITIES, COMMUNITY_MIGRATIONS } from '@socle/community';
import type { EntityClass, MigrationClass } from '@socle/platform-database';

export const ENTITIES: EntityClass[] = [...ACCOUNTS_ENTITIES, ...COMMUNITY_ENTITIES];
export const MIGRATIONS: MigrationClass[] = [...ACCOUNTS_MIGRATIONS, ...COMMUNITY_MIGRATIONS];
