import { Content1764800000000 } from '../migrations/1764800000000-content';
import type { ContentPart } from '../content-part';

export const ITEMS_PART: ContentPart = { entities: [], migrations: [Content1764800000000], providers: [], resolvers: [], workers: [], exports: [] };
