import type { ModulePart } from '@socle/platform-database';

export const LISTENING_PART: ModulePart = { entities: [], migrations: [], providers: [], resolvers: [], workers: [], exports: [] };
