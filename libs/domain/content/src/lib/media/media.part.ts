import type { ContentPart } from '../content-part';

export const MEDIA_PART: ContentPart = { entities: [], migrations: [], providers: [], resolvers: [], workers: [], exports: [] };
