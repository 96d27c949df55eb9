/**
 * The life of a content item, in one place: which transitions exist, and the
 * `reason` code of each refusal. The database holds the same table (trigger
 * `content_items_guard`), so a race or a bug cannot skip a step either.
 */
export const CONTENT_STATUSES = [
  'IDEA',
  'DRAFT',
  'IN_REVIEW',
  'APPROVED',
  'SCHEDULED',
  'PUBLISHING',
  'PUBLISHED',
  'FAILED',
  'CANCELLED',
] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

export const CONTENT_SOURCES = ['TASK_FORCE', 'EMPLOYEE_SUGGESTION'] as const;
export type ContentSource = (typeof CONTENT_SOURCES)[number];

/** Every allowed move, `from -> [to]`. Kept identical to the trigger of the content migration (a test compares them). */
export const CONTENT_TRANSITIONS: Readonly<Record<ContentStatus, readonly ContentStatus[]>> = {
  IDEA: ['DRAFT', 'CANCELLED'],
  DRAFT: ['IN_REVIEW', 'CANCELLED'],
  // Rejected, or edited while in review: back to DRAFT.
  IN_REVIEW: ['APPROVED', 'DRAFT', 'CANCELLED'],
  // Edited after approval: back to DRAFT (approval again); scheduled when its publications are due.
  APPROVED: ['SCHEDULED', 'DRAFT', 'CANCELLED'],
  // Unscheduled: back to APPROVED; edited: back to DRAFT.
  SCHEDULED: ['PUBLISHING', 'APPROVED', 'DRAFT', 'CANCELLED'],
  PUBLISHING: ['PUBLISHED', 'FAILED', 'SCHEDULED'],
  PUBLISHED: ['CANCELLED'],
  // A failed item can be fixed (DRAFT) or rescheduled as it is.
  FAILED: ['DRAFT', 'SCHEDULED', 'CANCELLED'],
  CANCELLED: [],
};

/** `extensions.reason` of a refused move. */
export const TRANSITION_REFUSED = 'CONTENT_TRANSITION_NOT_ALLOWED';

export function canMove(from: ContentStatus, to: ContentStatus): boolean {
  return CONTENT_TRANSITIONS[from].includes(to);
}

/** Statuses in which the text and variants of an item are still being written. */
export function isEditable(status: ContentStatus): boolean {
  return (
    status === 'IDEA' ||
    status === 'DRAFT' ||
    status === 'IN_REVIEW' ||
    status === 'APPROVED' ||
    status === 'SCHEDULED' ||
    status === 'FAILED'
  );
}
