import type { ModulePart } from '@socle/platform-database';

export const INBOX_PART: ModulePart = { entities: [], migrations: [], providers: [], resolvers: [], workers: [], exports: [] };
