export type { ContentItemEntity, ContentVariantEntity, ContentTriage, FindingSeverity, VariantFinding } from './content-item.entity';
export { ContentItemRepository, ContentCtx, OrganizationContextLike } from './content-item.repository';
export { ContentItemService, MoveOptions, transitionRefused } from './content-item.service';
