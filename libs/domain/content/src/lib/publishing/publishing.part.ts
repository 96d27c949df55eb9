import type { ContentPart } from '../content-part';

export const PUBLISHING_PART: ContentPart = { entities: [], migrations: [], providers: [], resolvers: [], workers: [], exports: [] };
