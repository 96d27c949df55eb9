export type { ContentItemEntity, ContentVariantEntity, ContentTriage, FindingSeverity, VariantFinding } from './content-item.entity';
export { ContentItemRepository, ContentCtx, OrganizationContextLike } from './content-item.repository';
export { ContentItemService, MoveOptions, transitionRefused } from './content-item.service';
export { ContentEditingService, CONTENT_REFUSALS, BlockingFinding, ItemPatch } from './content-editing.service';
export { VariantChecker, findingsOf, publishedText, MediaFacts, VariantDraft } from './variant-check';
export {
  ContentFindingObject,
  ContentFindingSeverityEnum,
  ContentItemConnection,
  ContentItemObject,
  ContentSourceEnum,
  ContentStatusEnum,
  ContentTextSpanObject,
  ContentVariantObject,
} from './dto/objects';
export { toContentItem, toContentVariant } from './dto/mappers';
