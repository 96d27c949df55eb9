import type { CommentSeverity } from '@socle/policies';

export const INBOX_STATUSES = ['NEW', 'ASSIGNED', 'ANSWERED', 'DISMISSED', 'ESCALATED'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];
export type InboxKind = 'COMMENT' | 'MENTION';

/**
 * The inbox workflow (held a second time by the table's trigger): an item is
 * assigned, answered, dismissed or escalated; an escalated one is assigned or
 * answered; a dismissed one may be reopened. ANSWERED is final.
 */
export const INBOX_TRANSITIONS: Readonly<Record<InboxStatus, readonly InboxStatus[]>> = {
  NEW: ['ASSIGNED', 'ANSWERED', 'DISMISSED', 'ESCALATED'],
  ASSIGNED: ['ASSIGNED', 'ANSWERED', 'DISMISSED', 'ESCALATED'],
  ESCALATED: ['ASSIGNED', 'ANSWERED', 'DISMISSED'],
  DISMISSED: ['NEW'],
  ANSWERED: [],
};

/** `extensions.reason` of a move the workflow does not allow (or that another caller made first). */
export const INBOX_TRANSITION_NOT_ALLOWED = 'INBOX_TRANSITION_NOT_ALLOWED';
/** `extensions.reason` of a reply to an item someone else is answering or has answered. */
export const INBOX_ALREADY_ANSWERED = 'INBOX_ALREADY_ANSWERED';
/** `extensions.reason` when the item's account is gone or its connector cannot reply. */
export const INBOX_CANNOT_REPLY = 'INBOX_CANNOT_REPLY';
/** `extensions.reason` when the caller's `version` is not the item's (someone changed it meanwhile). */
export const INBOX_ITEM_CHANGED = 'INBOX_ITEM_CHANGED';
/** `extensions.reason` of a severity change on an ANSWERED or DISMISSED item (nothing left to answer in time). */
export const INBOX_ITEM_CLOSED = 'INBOX_ITEM_CLOSED';
/** Statuses whose severity (and due time) no longer changes. */
export const INBOX_CLOSED_STATUSES: readonly InboxStatus[] = ['ANSWERED', 'DISMISSED'];

export function canMoveInbox(from: InboxStatus, to: InboxStatus): boolean {
  return INBOX_TRANSITIONS[from].includes(to);
}

export interface InboxItem {
  id: string;
  source: string;
  networkAccountId: string | null;
  externalId: string;
  kind: InboxKind;
  parentExternalId: string | null;
  publicationId: string | null;
  authorHandle: string;
  authorName: string | null;
  text: string;
  url: string | null;
  receivedAt: Date;
  severity: CommentSeverity;
  /** Why: CRISIS_ALERT, CRISIS_PAUSE, NEGATIVE, ESCALATION_WORD:<word>, AUTHOR_TAG:<tag>, POSITIVE, MANUAL; null when nothing stood out. */
  severityReason: string | null;
  /** The member who set the severity by hand, and when; null while it is the classifier's. */
  severitySetBy: string | null;
  severitySetAt: Date | null;
  status: InboxStatus;
  assigneeId: string | null;
  dueAt: Date;
  responsibleRole: string;
  firstResponseAt: Date | null;
  answeredBy: string | null;
  escalatedTo: string | null;
  escalatedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type NewInboxItem = Pick<
  InboxItem,
  | 'source'
  | 'networkAccountId'
  | 'externalId'
  | 'kind'
  | 'parentExternalId'
  | 'publicationId'
  | 'authorHandle'
  | 'authorName'
  | 'text'
  | 'url'
  | 'receivedAt'
  | 'severity'
  | 'severityReason'
  | 'dueAt'
  | 'responsibleRole'
>;

export interface InboxNote {
  id: string;
  itemId: string;
  text: string;
  authorId: string | null;
  createdAt: Date;
}

export interface InboxReply {
  id: string;
  itemId: string;
  networkAccountId: string | null;
  text: string;
  idempotencyKey: string;
  status: 'PENDING' | 'SENT' | 'FAILED';
  attempts: number;
  externalId: string | null;
  externalUrl: string | null;
  error: string | null;
  createdBy: string | null;
  createdAt: Date;
  sentAt: Date | null;
}
