import { Content1764800000000 } from '../migrations/1764800000000-content';
import type { ContentPart } from '../content-part';
import { ContentItemRepository } from './content-item.repository';
import { ContentItemService } from './content-item.service';

export const ITEMS_PART: ContentPart = {
  entities: [],
  migrations: [Content1764800000000],
  providers: [ContentItemRepository, ContentItemService],
  resolvers: [],
  workers: [],
  exports: [ContentItemRepository, ContentItemService],
};
