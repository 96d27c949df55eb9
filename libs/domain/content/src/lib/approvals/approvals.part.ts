import type { ContentPart } from '../content-part';

export const APPROVALS_PART: ContentPart = { entities: [], migrations: [], providers: [], resolvers: [], workers: [], exports: [] };
