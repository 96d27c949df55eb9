import { Injectable } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import { DomainError } from '@socle/platform-errors';
import type { ContentItemEntity } from './content-item.entity';
import { ContentItemRepository, OrganizationContextLike } from './content-item.repository';
import { canMove, ContentStatus, TRANSITION_REFUSED } from './status';

export interface MoveOptions {
  /** The statuses the caller expects the item in (e.g. only DRAFT for a submission); any status `canMove` allows otherwise. */
  from?: readonly ContentStatus[];
  /** The audit action: `content.<verb>` (a bare verb is prefixed). */
  action: string;
  details?: Record<string, unknown>;
  /** The input field a refusal names (`input.id` by default). */
  field?: string;
  /** Recorded with the move (the suggestion box's triage). */
  triage?: { triage: 'ACCEPTED' | 'DECLINED'; reason: string | null };
}

/** A move of an item, as its listeners see it (inside the move's unit of work). */
export interface ItemMove {
  itemId: string;
  from: ContentStatus;
  to: ContentStatus;
}

/**
 * Called inside `move`, with the same unit of work, after the item's row was
 * written (and locked): what it writes commits or rolls back with the move.
 * Registered once, at module init (e.g. publishing cancels the pending
 * publications of an item that leaves the schedule).
 */
export type ItemMoveListener = (ctx: OrganizationContextLike, move: ItemMove) => Promise<void>;

/** The refusal of a move the workflow does not allow (or a move another caller made first). Nothing was changed. */
export function transitionRefused(item: Pick<ContentItemEntity, 'id' | 'status'>, to: ContentStatus, field = 'input.id'): DomainError {
  return new DomainError('CONFLICT', `Content item ${item.id} is ${item.status} and cannot go to ${to}. Nothing was changed.`, {
    field,
    reason: TRANSITION_REFUSED,
    details: { status: item.status, to },
  });
}

/**
 * The one place a content item's status changes. Every move checks the
 * workflow (`CONTENT_TRANSITIONS`), is a compare-and-set on the status it read
 * (of two concurrent moves, the second finds the item moved and is refused:
 * CONFLICT), and is written to the organisation's audit log.
 */
@Injectable()
export class ContentItemService {
  private readonly listeners: ItemMoveListener[] = [];

  constructor(
    private readonly items: ContentItemRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** Adds a listener of every move (see `ItemMoveListener`); a listener that throws refuses the move. */
  onMove(listener: ItemMoveListener): void {
    if (!this.listeners.includes(listener)) this.listeners.push(listener);
  }

  find(ctx: OrganizationContextLike, id: string): Promise<ContentItemEntity | null> {
    return this.items.find(ctx, id);
  }

  async move(ctx: OrganizationContextLike, id: string, to: ContentStatus, options: MoveOptions): Promise<ContentItemEntity> {
    const field = options.field ?? 'input.id';
    const current = await this.items.find(ctx, id);
    if (!current) throw new DomainError('NOT_FOUND', `Content item ${id} was not found.`, { field });
    if ((options.from && !options.from.includes(current.status)) || !canMove(current.status, to)) {
      throw transitionRefused(current, to, field);
    }
    const moved = await this.items.transition(ctx, id, current.status, to, options.triage);
    if (!moved) {
      // Moved by someone else between the read and the update: report the state it is in now.
      const now = await this.items.find(ctx, id);
      throw transitionRefused(now ?? current, to, field);
    }
    for (const listener of this.listeners) await listener(ctx, { itemId: id, from: current.status, to });
    const action = options.action.startsWith('content.') ? options.action : `content.${options.action}`;
    await this.audit.recordInOrganization(
      ctx.uow,
      ctx.actor,
      {
        action,
        targetType: 'ContentItem',
        targetId: id,
        metadata: { from: current.status, to, revision: moved.revision, ...(options.details ?? {}) },
      },
      ctx.requestId,
    );
    return moved;
  }

  /**
   * Many moves at once (the publishing worker settles a batch of items): each
   * checked against the workflow, made as a compare-and-set with its audit row
   * in one statement, then shown to the listeners. An item no longer in its
   * `from` is left as it is (another caller moved it first; its move stands)
   * and is not in the answer.
   */
  async moveMany(
    ctx: OrganizationContextLike,
    moves: readonly ItemMove[],
    options: { action: (move: ItemMove) => string; details?: Record<string, unknown> },
  ): Promise<ItemMove[]> {
    for (const move of moves) {
      if (!canMove(move.from, move.to)) throw transitionRefused({ id: move.itemId, status: move.from }, move.to);
    }
    const moved = await this.items.transitionMany(
      ctx,
      moves.map((m) => {
        const action = options.action(m);
        return { id: m.itemId, from: m.from, to: m.to, action: action.startsWith('content.') ? action : `content.${action}` };
      }),
      options.details ?? {},
    );
    const result = moved.map((m) => ({ itemId: m.id, from: m.from, to: m.to }));
    for (const move of result) for (const listener of this.listeners) await listener(ctx, move);
    return result;
  }

  /**
   * Locks the items (in id order) and moves those in `from` to `to`, checked
   * and audited as `moveMany` does, in one round trip. Returns each item's
   * status afterwards (an item gone is absent) and the moves made.
   */
  async lockAndMoveMany(
    ctx: OrganizationContextLike,
    itemIds: readonly string[],
    move: { from: ContentStatus; to: ContentStatus },
    options: { action: string; details?: Record<string, unknown> },
  ): Promise<{ statuses: Map<string, ContentStatus>; moved: ItemMove[] }> {
    if (!canMove(move.from, move.to)) throw transitionRefused({ id: itemIds[0] ?? '', status: move.from }, move.to);
    const action = options.action.startsWith('content.') ? options.action : `content.${options.action}`;
    const rows = await this.items.lockAndTransition(ctx, itemIds, { ...move, action }, options.details ?? {});
    const statuses = new Map(rows.map((r) => [r.id, r.status]));
    const moved: ItemMove[] = rows.filter((r) => r.moved).map((r) => ({ itemId: r.id, from: move.from, to: move.to }));
    for (const m of moved) for (const listener of this.listeners) await listener(ctx, m);
    return { statuses, moved };
  }
}
