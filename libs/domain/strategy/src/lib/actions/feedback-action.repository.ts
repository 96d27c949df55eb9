import { Injectable } from '@nestjs/common';
import type { KeysetPage } from '@socle/platform-graphql';
import type { GovernanceCtx } from '../governance/governance.repository';

export const FEEDBACK_ACTION_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED'] as const;
export type FeedbackActionStatus = (typeof FEEDBACK_ACTION_STATUSES)[number];

/** Links of one action (mentions and inbox items it answers). */
export const LINK_LIMIT = 100;

export interface FeedbackActionRow {
  id: string;
  decision: string;
  followUp: string | null;
  followedUpAt: Date | null;
  ownerId: string | null;
  ownerName: string | null;
  dueAt: Date | null;
  status: FeedbackActionStatus;
  closedAt: Date | null;
  mentionIds: string[];
  inboxItemIds: string[];
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface FeedbackActionFilter {
  status?: FeedbackActionStatus;
  mentionId?: string;
  inboxItemId?: string;
  ownerId?: string;
  /** Recorded in [from, to). */
  from?: Date;
  to?: Date;
}

const ACTION = `a.id, a.decision, a.follow_up AS "followUp", a.followed_up_at AS "followedUpAt", a.owner_id AS "ownerId",
  u.display_name AS "ownerName", a.due_at AS "dueAt", a.status, a.closed_at AS "closedAt",
  coalesce((SELECT array_agg(l.mention_id ORDER BY l.mention_id) FROM feedback_action_mentions l
             WHERE l.organization_id = a.organization_id AND l.action_id = a.id), '{}') AS "mentionIds",
  coalesce((SELECT array_agg(l.inbox_item_id ORDER BY l.inbox_item_id) FROM feedback_action_inbox_items l
             WHERE l.organization_id = a.organization_id AND l.action_id = a.id), '{}') AS "inboxItemIds",
  a.created_by AS "createdBy", a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;
const FROM = 'feedback_actions a LEFT JOIN users u ON u.id = a.owner_id';

/** The organisation's actions (alias `a`) that pass the filter: the conditions of a page, without its cursor. */
function actionFilter(ctx: GovernanceCtx, f: FeedbackActionFilter): { where: string[]; params: unknown[] } {
  const params: unknown[] = [ctx.uow.organizationId];
  const where = ['a.organization_id = $1'];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    where.push(sql(params.length));
  };
  if (f.status) add((n) => `a.status = $${n}`, f.status);
  if (f.ownerId) add((n) => `a.owner_id = $${n}::uuid`, f.ownerId);
  if (f.from) add((n) => `a.created_at >= $${n}::timestamptz`, f.from);
  if (f.to) add((n) => `a.created_at < $${n}::timestamptz`, f.to);
  if (f.mentionId) {
    add(
      (n) =>
        `EXISTS (SELECT 1 FROM feedback_action_mentions l WHERE l.organization_id = $1 AND l.action_id = a.id AND l.mention_id = $${n}::uuid)`,
      f.mentionId,
    );
  }
  if (f.inboxItemId) {
    add(
      (n) =>
        `EXISTS (SELECT 1 FROM feedback_action_inbox_items l WHERE l.organization_id = $1 AND l.action_id = a.id AND l.inbox_item_id = $${n}::uuid)`,
      f.inboxItemId,
    );
  }
  return { where, params };
}

/** The action log on feedback. Every statement names the tenant; row-level security holds it too. */
@Injectable()
export class FeedbackActionRepository {
  page(ctx: GovernanceCtx, keyset: KeysetPage, f: FeedbackActionFilter): Promise<FeedbackActionRow[]> {
    const { where, params } = actionFilter(ctx, f);
    if (keyset.after) {
      params.push(keyset.after[0], keyset.after[1]);
      where.push(`(a.created_at, a.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(keyset.size + 1);
    return ctx.uow.query<FeedbackActionRow>(
      `SELECT ${ACTION} FROM ${FROM} WHERE ${where.join(' AND ')} ORDER BY a.created_at, a.id LIMIT $${params.length}`,
      params,
    );
  }

  /** How many actions `page` lists with the same filter over all its pages (the join on users adds or removes none). */
  async count(ctx: GovernanceCtx, f: FeedbackActionFilter): Promise<number> {
    const { where, params } = actionFilter(ctx, f);
    const [row] = await ctx.uow.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM feedback_actions a WHERE ${where.join(' AND ')}`,
      params,
    );
    return row.n;
  }

  async find(ctx: GovernanceCtx, id: string): Promise<FeedbackActionRow | null> {
    const [row] = await ctx.uow.query<FeedbackActionRow>(`SELECT ${ACTION} FROM ${FROM} WHERE a.organization_id = $1 AND a.id = $2`, [
      ctx.uow.organizationId,
      id,
    ]);
    return row ?? null;
  }

  /** Of `ids`, those that are not mentions of this organisation (another tenant's ids included: they are not visible here). */
  async unknownMentions(ctx: GovernanceCtx, ids: readonly string[]): Promise<string[]> {
    return this.unknown(ctx, 'mentions', ids);
  }

  async unknownInboxItems(ctx: GovernanceCtx, ids: readonly string[]): Promise<string[]> {
    return this.unknown(ctx, 'inbox_items', ids);
  }

  async isOrganizationMember(ctx: GovernanceCtx, userId: string): Promise<boolean> {
    const rows = await ctx.uow.query('SELECT 1 FROM organization_memberships WHERE organization_id = $1 AND user_id = $2', [
      ctx.uow.organizationId,
      userId,
    ]);
    return rows.length > 0;
  }

  async insert(
    ctx: GovernanceCtx,
    a: {
      decision: string;
      followUp: string | null;
      ownerId: string | null;
      dueAt: Date | null;
      mentionIds: string[];
      inboxItemIds: string[];
    },
  ): Promise<string> {
    const [row] = await ctx.uow.query<{ id: string }>(
      `INSERT INTO feedback_actions (organization_id, decision, follow_up, followed_up_at, owner_id, due_at, created_by)
       VALUES ($1, $2, $3, CASE WHEN $3::text IS NULL THEN NULL ELSE now() END, $4, $5, $6) RETURNING id`,
      [ctx.uow.organizationId, a.decision, a.followUp, a.ownerId, a.dueAt, ctx.actor.type === 'USER' ? ctx.actor.id : null],
    );
    // One statement per link table, whatever the number of links; the composite foreign keys hold the tenant.
    if (a.mentionIds.length) {
      await ctx.uow.execute(
        'INSERT INTO feedback_action_mentions (organization_id, action_id, mention_id) SELECT $1, $2, x FROM unnest($3::uuid[]) AS x',
        [ctx.uow.organizationId, row.id, a.mentionIds],
      );
    }
    if (a.inboxItemIds.length) {
      await ctx.uow.execute(
        'INSERT INTO feedback_action_inbox_items (organization_id, action_id, inbox_item_id) SELECT $1, $2, x FROM unnest($3::uuid[]) AS x',
        [ctx.uow.organizationId, row.id, a.inboxItemIds],
      );
    }
    return row.id;
  }

  async update(
    ctx: GovernanceCtx,
    id: string,
    a: { decision: string; followUp: string | null; ownerId: string | null; dueAt: Date | null; status: FeedbackActionStatus },
  ): Promise<boolean> {
    const n = await ctx.uow.execute(
      `UPDATE feedback_actions SET decision = $3, owner_id = $5, due_at = $6, status = $7,
         followed_up_at = CASE WHEN $4::text IS NULL THEN NULL WHEN follow_up IS NOT DISTINCT FROM $4::text THEN followed_up_at ELSE now() END,
         follow_up = $4,
         closed_at = CASE WHEN $7 IN ('DONE', 'DROPPED') THEN CASE WHEN status = $7 THEN closed_at ELSE now() END ELSE NULL END,
         updated_at = now()
        WHERE organization_id = $1 AND id = $2`,
      [ctx.uow.organizationId, id, a.decision, a.followUp, a.ownerId, a.dueAt, a.status],
    );
    return n > 0;
  }

  private async unknown(ctx: GovernanceCtx, table: 'mentions' | 'inbox_items', ids: readonly string[]): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await ctx.uow.query<{ id: string }>(
      `SELECT x.id FROM unnest($2::uuid[]) WITH ORDINALITY AS x(id, n)
        WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.organization_id = $1 AND t.id = x.id) ORDER BY x.n`,
      [ctx.uow.organizationId, ids],
    );
    return rows.map((r) => r.id);
  }
}
