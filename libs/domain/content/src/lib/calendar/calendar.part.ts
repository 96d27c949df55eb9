import type { ContentPart } from '../content-part';

export const CALENDAR_PART: ContentPart = { entities: [], migrations: [], providers: [], resolvers: [], workers: [], exports: [] };
