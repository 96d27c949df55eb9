import { Injectable } from '@nestjs/common';
import type { Actor } from '@socle/platform-auth';
import type { OrganizationUnitOfWork } from '@socle/platform-database';
import type { KeysetPage } from '@socle/platform-graphql';
import {
  ContentItemEntity,
  ContentVariantEntity,
  ITEM_COLUMNS,
  ItemRow,
  toItemEntity,
  toVariantEntity,
  VARIANT_COLUMNS,
  VariantFinding,
  VariantOptions,
  VariantRow,
} from './content-item.entity';
import type { ContentSource, ContentStatus } from './status';

/**
 * Who acts in which organisation (a request's OrganizationContext is one; a
 * job builds one from the unit of work it opened). The tenant is the unit of
 * work's own.
 */
export interface ContentCtx {
  readonly uow: OrganizationUnitOfWork;
  readonly organizationId: OrganizationUnitOfWork['organizationId'];
  readonly actor: Actor;
  readonly requestId?: string;
}

/** The name the other content parts code against. */
export type OrganizationContextLike = ContentCtx;

export function userIdOf(actor: Actor): string | null {
  return actor.type === 'USER' ? actor.id : null;
}

export interface ItemFields {
  title: string;
  brief: string;
  theme: string | null;
  campaign: string | null;
  objectiveId: string | null;
  segmentId: string | null;
  networkPlanId: string | null;
  plannedFor: Date | null;
}

export interface ItemFilter {
  status?: ContentStatus;
  source?: ContentSource;
  suggestedBy?: string;
}

/**
 * The conditions of a filter on `content_items` ($1 is the organisation),
 * shared by a page and the count of the whole list so both keep the same items.
 */
function itemFilter(ctx: ContentCtx, filter: ItemFilter): { where: string[]; params: unknown[] } {
  const params: unknown[] = [ctx.uow.organizationId];
  const where = ['organization_id = $1'];
  if (filter.status) {
    params.push(filter.status);
    where.push(`status = $${params.length}`);
  }
  if (filter.source) {
    params.push(filter.source);
    where.push(`source = $${params.length}`);
  }
  if (filter.suggestedBy) {
    params.push(filter.suggestedBy);
    where.push(`suggested_by = $${params.length}`);
  }
  return { where, params };
}

/** The only place that queries content_items and content_variants; always inside the caller's tenant. */
@Injectable()
export class ContentItemRepository {
  async find(ctx: ContentCtx, id: string, lock = false): Promise<ContentItemEntity | null> {
    const [row] = await ctx.uow.query<ItemRow>(
      `SELECT ${ITEM_COLUMNS} FROM content_items WHERE organization_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [ctx.uow.organizationId, id],
    );
    return row ? toItemEntity(row) : null;
  }

  async page(ctx: ContentCtx, page: KeysetPage, filter: ItemFilter): Promise<ContentItemEntity[]> {
    const { where, params } = itemFilter(ctx, filter);
    if (page.after) {
      params.push(page.after[0], page.after[1]);
      where.push(`(created_at, id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(page.size + 1);
    const rows = await ctx.uow.query<ItemRow>(
      `SELECT ${ITEM_COLUMNS} FROM content_items WHERE ${where.join(' AND ')} ORDER BY created_at, id LIMIT $${params.length}`,
      params,
    );
    return rows.map(toItemEntity);
  }

  /** How many items the filter keeps, all pages together. */
  async count(ctx: ContentCtx, filter: ItemFilter): Promise<number> {
    const { where, params } = itemFilter(ctx, filter);
    const [row] = await ctx.uow.query<{ n: number }>(`SELECT count(*)::int AS n FROM content_items WHERE ${where.join(' AND ')}`, params);
    return row.n;
  }

  async insert(
    ctx: ContentCtx,
    fields: ItemFields,
    meta: { source: ContentSource; status: ContentStatus; suggestedBy: string | null },
  ): Promise<ContentItemEntity> {
    const by = userIdOf(ctx.actor);
    const [row] = await ctx.uow.query<ItemRow>(
      `INSERT INTO content_items (organization_id, title, brief, theme, campaign, objective_id, segment_id, network_plan_id, planned_for,
         source, status, suggested_by, created_by, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING ${ITEM_COLUMNS}`,
      [
        ctx.uow.organizationId,
        fields.title,
        fields.brief,
        fields.theme,
        fields.campaign,
        fields.objectiveId,
        fields.segmentId,
        fields.networkPlanId,
        fields.plannedFor,
        meta.source,
        meta.status,
        meta.suggestedBy,
        by,
      ],
    );
    return toItemEntity(row);
  }

  /** Writes the fields and bumps the revision, while the item is still in `status` (null when it moved meanwhile). */
  async updateFields(ctx: ContentCtx, id: string, status: ContentStatus, fields: ItemFields): Promise<ContentItemEntity | null> {
    const [row] = await ctx.uow.query<ItemRow>(
      `WITH changed AS (
         UPDATE content_items SET title = $4, brief = $5, theme = $6, campaign = $7, objective_id = $8, segment_id = $9, network_plan_id = $10,
           planned_for = $11, revision = revision + 1, updated_by = $12, updated_at = now()
         WHERE organization_id = $1 AND id = $2 AND status = $3 RETURNING *)
       SELECT ${ITEM_COLUMNS} FROM changed`,
      [
        ctx.uow.organizationId,
        id,
        status,
        fields.title,
        fields.brief,
        fields.theme,
        fields.campaign,
        fields.objectiveId,
        fields.segmentId,
        fields.networkPlanId,
        fields.plannedFor,
        userIdOf(ctx.actor),
      ],
    );
    return row ? toItemEntity(row) : null;
  }

  /** A variant changed: the item's revision moves on (an approval is for one revision). */
  async bumpRevision(ctx: ContentCtx, id: string): Promise<void> {
    await ctx.uow.execute(
      'UPDATE content_items SET revision = revision + 1, updated_by = $3, updated_at = now() WHERE organization_id = $1 AND id = $2',
      [ctx.uow.organizationId, id, userIdOf(ctx.actor)],
    );
  }

  /** Compare-and-set of the status: null when the item is no longer in `from` (someone else moved it first). */
  async transition(
    ctx: ContentCtx,
    id: string,
    from: ContentStatus,
    to: ContentStatus,
    triage?: { triage: 'ACCEPTED' | 'DECLINED'; reason: string | null },
  ): Promise<ContentItemEntity | null> {
    const params: unknown[] = [ctx.uow.organizationId, id, from, to, userIdOf(ctx.actor)];
    let sets = 'status = $4, updated_by = $5, updated_at = now()';
    if (triage) {
      params.push(triage.triage, triage.reason);
      sets += `, triage = $6, triage_reason = $7, triaged_by = $5, triaged_at = now()`;
    }
    const [row] = await ctx.uow.query<ItemRow>(
      `WITH moved AS (UPDATE content_items SET ${sets} WHERE organization_id = $1 AND id = $2 AND status = $3 RETURNING *)
       SELECT ${ITEM_COLUMNS} FROM moved`,
      params,
    );
    return row ? toItemEntity(row) : null;
  }

  /**
   * Many compare-and-set moves in one statement, each with its audit row
   * (written in the same statement: a worker moving a batch of items pays one
   * round trip, not two per item). Only the items still in their `from` move;
   * the moved ones are returned.
   */
  async transitionMany(
    ctx: ContentCtx,
    moves: readonly { id: string; from: ContentStatus; to: ContentStatus; action: string }[],
    details: Record<string, unknown>,
  ): Promise<{ id: string; from: ContentStatus; to: ContentStatus }[]> {
    if (moves.length === 0) return [];
    return ctx.uow.prepared<{ id: string; from: ContentStatus; to: ContentStatus }>(
      'content_items_transition_many',
      `WITH input AS (SELECT * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) AS t(id, from_status, to_status, action)),
       moved AS (
         UPDATE content_items i SET status = t.to_status, updated_by = $6, updated_at = now()
           FROM input t WHERE i.organization_id = $1 AND i.id = t.id AND i.status = t.from_status
         RETURNING i.id, i.revision, t.from_status, t.to_status, t.action),
       audit AS (
         INSERT INTO audit_events (organization_id, actor_type, actor_id, action, target_type, target_id, metadata, request_id)
         SELECT $1, $7, $10::uuid, m.action, 'ContentItem', m.id::text,
                jsonb_build_object('from', m.from_status, 'to', m.to_status, 'revision', m.revision) || $8::jsonb, $9
           FROM moved m)
       SELECT id, from_status AS "from", to_status AS "to" FROM moved`,
      [
        ctx.uow.organizationId,
        moves.map((m) => m.id),
        moves.map((m) => m.from),
        moves.map((m) => m.to),
        moves.map((m) => m.action),
        userIdOf(ctx.actor),
        ctx.actor.type,
        JSON.stringify(details),
        ctx.requestId ?? null,
        ctx.actor.id ?? null,
      ],
    );
  }

  /**
   * Locks the items `ids` (in id order, the order every writer keeps) and moves
   * those in `from` to `to` with their audit rows, in one statement: the locks
   * are all taken before any row is moved (the moves read the locked rows).
   * Returns every locked item with its status afterwards and whether it moved;
   * an item gone is absent.
   */
  async lockAndTransition(
    ctx: ContentCtx,
    ids: readonly string[],
    move: { from: ContentStatus; to: ContentStatus; action: string },
    details: Record<string, unknown>,
  ): Promise<{ id: string; status: ContentStatus; moved: boolean }[]> {
    if (ids.length === 0) return [];
    return ctx.uow.prepared<{ id: string; status: ContentStatus; moved: boolean }>(
      'content_items_lock_and_transition',
      `WITH locked AS (
         SELECT id, status FROM content_items WHERE organization_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE),
       moved AS (
         UPDATE content_items i SET status = $4, updated_by = $6, updated_at = now()
           FROM locked l WHERE i.organization_id = $1 AND i.id = l.id AND l.status = $3 AND i.status = $3
         RETURNING i.id, i.revision),
       audit AS (
         INSERT INTO audit_events (organization_id, actor_type, actor_id, action, target_type, target_id, metadata, request_id)
         SELECT $1, $7, $10::uuid, $5, 'ContentItem', m.id::text,
                jsonb_build_object('from', $3::text, 'to', $4::text, 'revision', m.revision) || $8::jsonb, $9
           FROM moved m)
       SELECT l.id, CASE WHEN m.id IS NULL THEN l.status ELSE $4 END AS status, m.id IS NOT NULL AS moved
         FROM locked l LEFT JOIN moved m ON m.id = l.id`,
      [
        ctx.uow.organizationId,
        [...ids],
        move.from,
        move.to,
        move.action,
        userIdOf(ctx.actor),
        ctx.actor.type,
        JSON.stringify(details),
        ctx.requestId ?? null,
        ctx.actor.id ?? null,
      ],
    );
  }

  /** Which of the given strategy references exist in the organisation (another tenant's ids are simply absent). */
  async existingReferences(
    ctx: ContentCtx,
    refs: { objectiveId?: string | null; segmentId?: string | null; networkPlanId?: string | null },
  ): Promise<{ objectiveId: boolean; segmentId: boolean; networkPlanId: boolean }> {
    const [row] = await ctx.uow.query<{ objective: boolean; segment: boolean; plan: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM objectives WHERE organization_id = $1 AND id = $2) AS objective,
              EXISTS (SELECT 1 FROM audience_segments WHERE organization_id = $1 AND id = $3) AS segment,
              EXISTS (SELECT 1 FROM network_plans WHERE organization_id = $1 AND id = $4) AS plan`,
      [ctx.uow.organizationId, refs.objectiveId ?? null, refs.segmentId ?? null, refs.networkPlanId ?? null],
    );
    return { objectiveId: row.objective, segmentId: row.segment, networkPlanId: row.plan };
  }

  /** The organisation's media assets among `ids`, with what a check reads of them (another tenant's are simply absent). */
  async mediaFacts(
    ctx: ContentCtx,
    ids: readonly string[],
  ): Promise<Map<string, { contentType: string; byteSize: number; width: number; height: number }>> {
    const facts = new Map<string, { contentType: string; byteSize: number; width: number; height: number }>();
    if (ids.length === 0) return facts;
    const rows = await ctx.uow.query<{ id: string; content_type: string; byte_size: string; width: number; height: number }>(
      'SELECT id, content_type, byte_size, width, height FROM media_assets WHERE organization_id = $1 AND id = ANY($2::uuid[])',
      [ctx.uow.organizationId, [...new Set(ids)]],
    );
    for (const row of rows)
      facts.set(row.id, { contentType: row.content_type, byteSize: Number(row.byte_size), width: row.width, height: row.height });
    return facts;
  }

  /** Writes the findings of a new check (the rules or the account changed since the variant was set). */
  async setFindings(ctx: ContentCtx, id: string, findings: VariantFinding[]): Promise<void> {
    await ctx.uow.execute('UPDATE content_variants SET findings = $3::jsonb WHERE organization_id = $1 AND id = $2', [
      ctx.uow.organizationId,
      id,
      JSON.stringify(findings),
    ]);
  }

  // ------------------------------------------------------------------ variants

  async variants(ctx: ContentCtx, itemIds: readonly string[]): Promise<ContentVariantEntity[]> {
    if (itemIds.length === 0) return [];
    const rows = await ctx.uow.query<VariantRow>(
      `SELECT ${VARIANT_COLUMNS} FROM content_variants WHERE organization_id = $1 AND item_id = ANY($2::uuid[]) ORDER BY created_at, id`,
      [ctx.uow.organizationId, [...new Set(itemIds)]],
    );
    return rows.map(toVariantEntity);
  }

  async findVariant(ctx: ContentCtx, id: string): Promise<ContentVariantEntity | null> {
    const [row] = await ctx.uow.query<VariantRow>(
      `SELECT ${VARIANT_COLUMNS} FROM content_variants WHERE organization_id = $1 AND id = $2`,
      [ctx.uow.organizationId, id],
    );
    return row ? toVariantEntity(row) : null;
  }

  /** One variant per (item, account): inserted, or replaced in place. */
  async upsertVariant(
    ctx: ContentCtx,
    v: {
      itemId: string;
      networkAccountId: string;
      network: string;
      text: string;
      linkUrl: string | null;
      mediaIds: string[];
      options: VariantOptions;
      findings: VariantFinding[];
    },
  ): Promise<ContentVariantEntity> {
    const [row] = await ctx.uow.query<VariantRow>(
      `INSERT INTO content_variants (organization_id, item_id, network_account_id, network, text, link_url, media_ids, options, findings)
       VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8::jsonb, $9::jsonb)
       ON CONFLICT (organization_id, item_id, network_account_id) WHERE network_account_id IS NOT NULL
       DO UPDATE SET network = EXCLUDED.network, text = EXCLUDED.text, link_url = EXCLUDED.link_url, media_ids = EXCLUDED.media_ids,
         options = EXCLUDED.options, findings = EXCLUDED.findings, updated_at = now()
       RETURNING ${VARIANT_COLUMNS}`,
      [
        ctx.uow.organizationId,
        v.itemId,
        v.networkAccountId,
        v.network,
        v.text,
        v.linkUrl,
        v.mediaIds,
        JSON.stringify(v.options),
        JSON.stringify(v.findings),
      ],
    );
    return toVariantEntity(row);
  }

  /**
   * Makes `variantId` the item's long form (or none with null): the flag leaves the item's other variants first, so
   * the one-per-item unique index never sees two.
   */
  async setLongForm(ctx: ContentCtx, itemId: string, variantId: string | null): Promise<void> {
    await ctx.uow.execute(
      'UPDATE content_variants SET long_form = false, updated_at = now() WHERE organization_id = $1 AND item_id = $2 AND long_form AND id IS DISTINCT FROM $3',
      [ctx.uow.organizationId, itemId, variantId],
    );
    if (variantId)
      await ctx.uow.execute(
        'UPDATE content_variants SET long_form = true, updated_at = now() WHERE organization_id = $1 AND item_id = $2 AND id = $3 AND NOT long_form',
        [ctx.uow.organizationId, itemId, variantId],
      );
  }

  async deleteVariant(ctx: ContentCtx, id: string): Promise<number> {
    return ctx.uow.execute('DELETE FROM content_variants WHERE organization_id = $1 AND id = $2', [ctx.uow.organizationId, id]);
  }
}
