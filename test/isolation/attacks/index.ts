import type { AttackModule } from './attack-module';
import { accountsAttacks } from './accounts';
import { communityAttacks } from './community';

export * from './attack-module';

/** Every module's attacks; a module that adds operations to the schema adds its file here. */
export const ATTACK_MODULES: AttackModule[] = [accountsAttacks, communityAttacks];
