import type { ModulePart } from '@socle/platform-database';

/** One part of the content module (items, approvals, media, publishing, calendar); `ContentModule` composes them. */
export type ContentPart = ModulePart;
