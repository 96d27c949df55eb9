import { Content1764800000000 } from '../migrations/1764800000000-content';
import { VariantOptions1765000003400 } from '../migrations/1765000003400-variant-options';
import type { ContentPart } from '../content-part';
import { ContentEditingService } from './content-editing.service';
import { ContentItemRepository } from './content-item.repository';
import { ContentItemResolver } from './content-item.resolver';
import { ContentItemService } from './content-item.service';
import { WebhookEvents } from '@socle/platform-webhooks';
import { VariantChecker } from './variant-check';

/** Content items and variants, their checks, and the suggestion box. */
export const ITEMS_PART: ContentPart = {
  entities: [],
  migrations: [Content1764800000000, VariantOptions1765000003400],
  providers: [ContentItemRepository, ContentItemService, VariantChecker, ContentEditingService, WebhookEvents],
  resolvers: [ContentItemResolver],
  workers: [],
  exports: [ContentItemRepository, ContentItemService, VariantChecker, ContentEditingService],
};
