import { CONTENT_PARTS } from './lib/content.module';

export { ContentModule, ContentModuleOptions, CONTENT_PARTS } from './lib/content.module';
export type { ContentPart } from './lib/content-part';
export {
  CONTENT_STATUSES,
  ContentStatus,
  CONTENT_SOURCES,
  ContentSource,
  CONTENT_TRANSITIONS,
  TRANSITION_REFUSED,
  canMove,
  isEditable,
} from './lib/items/status';

export const CONTENT_ENTITIES = CONTENT_PARTS.flatMap((part) => part.entities);
export const CONTENT_MIGRATIONS = CONTENT_PARTS.flatMap((part) => part.migrations);
export { NETWORK_TARGETS, NetworkTarget, NetworkTargets } from './lib/network-targets';
export * from './lib/items';
export * from './lib/approvals';
export * from './lib/media';
export * from './lib/publishing';
export * from './lib/calendar';
