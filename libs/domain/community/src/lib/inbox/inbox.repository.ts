import { Injectable } from '@nestjs/common';
import type { UnitOfWork } from '@socle/platform-database';
import type { KeysetPage } from '@socle/platform-graphql';
import { LiveEvents } from '@socle/platform-queue';
import type { TenantCtx } from '../repositories';
import type { InboxItem, InboxNote, InboxReply, InboxStatus, NewInboxItem } from './inbox.types';

const ITEM_COLUMNS = `id, source, network_account_id, external_id, kind, parent_external_id, publication_id, author_handle, author_name, text, url,
  received_at, severity, severity_reason, severity_set_by, severity_set_at, status, assignee_id, due_at, responsible_role, first_response_at, answered_by, escalated_to, escalated_at, version,
  created_at, updated_at`;

interface ItemRow {
  id: string;
  source: string;
  network_account_id: string | null;
  external_id: string;
  kind: InboxItem['kind'];
  parent_external_id: string | null;
  publication_id: string | null;
  author_handle: string;
  author_name: string | null;
  text: string;
  url: string | null;
  received_at: Date;
  severity: InboxItem['severity'];
  severity_reason: string | null;
  severity_set_by: string | null;
  severity_set_at: Date | null;
  status: InboxStatus;
  assignee_id: string | null;
  due_at: Date;
  responsible_role: string;
  first_response_at: Date | null;
  answered_by: string | null;
  escalated_to: string | null;
  escalated_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const toItem = (r: ItemRow): InboxItem => ({
  id: r.id,
  source: r.source,
  networkAccountId: r.network_account_id,
  externalId: r.external_id,
  kind: r.kind,
  parentExternalId: r.parent_external_id,
  publicationId: r.publication_id,
  authorHandle: r.author_handle,
  authorName: r.author_name,
  text: r.text,
  url: r.url,
  receivedAt: r.received_at,
  severity: r.severity,
  severityReason: r.severity_reason,
  severitySetBy: r.severity_set_by,
  severitySetAt: r.severity_set_at,
  status: r.status,
  assigneeId: r.assignee_id,
  dueAt: r.due_at,
  responsibleRole: r.responsible_role,
  firstResponseAt: r.first_response_at,
  answeredBy: r.answered_by,
  escalatedTo: r.escalated_to,
  escalatedAt: r.escalated_at,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const REPLY_COLUMNS =
  'id, item_id, network_account_id, text, idempotency_key, status, attempts, external_id, external_url, error, created_by, created_at, sent_at';
interface ReplyRow {
  id: string;
  item_id: string;
  network_account_id: string | null;
  text: string;
  idempotency_key: string;
  status: InboxReply['status'];
  attempts: number;
  external_id: string | null;
  external_url: string | null;
  error: string | null;
  created_by: string | null;
  created_at: Date;
  sent_at: Date | null;
}
const toReply = (r: ReplyRow): InboxReply => ({
  id: r.id,
  itemId: r.item_id,
  networkAccountId: r.network_account_id,
  text: r.text,
  idempotencyKey: r.idempotency_key,
  status: r.status,
  attempts: r.attempts,
  externalId: r.external_id,
  externalUrl: r.external_url,
  error: r.error,
  createdBy: r.created_by,
  createdAt: r.created_at,
  sentAt: r.sent_at,
});

export interface InboxFilter {
  status?: InboxStatus;
  severity?: InboxItem['severity'];
  assigneeId?: string;
  /** Open (NEW, ASSIGNED, ESCALATED) and past due (true), or not (false). */
  overdue?: boolean;
}

/**
 * The conditions of a filter on `inbox_items` ($1 is the organisation), shared
 * by a page and the count of the whole list so both keep the same items.
 */
function inboxFilter(ctx: TenantCtx, filter: InboxFilter): { where: string[]; params: unknown[] } {
  const params: unknown[] = [ctx.uow.organizationId];
  const where = ['organization_id = $1'];
  if (filter.status) where.push(`status = $${params.push(filter.status)}`);
  if (filter.severity) where.push(`severity = $${params.push(filter.severity)}`);
  if (filter.assigneeId) where.push(`assignee_id = $${params.push(filter.assigneeId)}::uuid`);
  if (filter.overdue === true) where.push("status IN ('NEW', 'ASSIGNED', 'ESCALATED') AND due_at < now()");
  if (filter.overdue === false) where.push("NOT (status IN ('NEW', 'ASSIGNED', 'ESCALATED') AND due_at < now())");
  return { where, params };
}

/** Changes written with a status move (a compare-and-set on the status read). */
export interface InboxPatch {
  assigneeId?: string | null;
  firstResponseAt?: Date;
  answeredBy?: string | null;
  escalatedTo?: string;
}

/** A published post whose comments the inbox fetches. */
export interface WatchedPublication {
  id: string;
  networkAccountId: string;
  network: string;
  externalId: string;
  cursor: string | null;
}

/** The live events' topic of inbox items (`inboxItemChanged`). */
export const INBOX_ITEM_TOPIC = 'inboxItem';

/** Why an inbox item's event was sent. */
export type InboxItemChange = 'CREATED' | 'STATUS_CHANGED' | 'ASSIGNED' | 'SEVERITY_CHANGED';

type ItemFacts = Pick<InboxItem, 'id' | 'kind' | 'source' | 'status' | 'severity' | 'assigneeId' | 'dueAt' | 'version'>;

/**
 * The only place that queries the inbox tables; always inside the caller's
 * tenant. Every write of an item's status, assignment or severity, and every
 * new item, is announced to live subscribers once its transaction commits.
 */
@Injectable()
export class InboxRepository {
  constructor(private readonly live: LiveEvents) {}

  private announce(ctx: TenantCtx, change: InboxItemChange, items: readonly ItemFacts[]): void {
    this.live.afterCommit(
      ctx.uow,
      items.map((item) => ({
        topic: INBOX_ITEM_TOPIC,
        organizationId: ctx.uow.organizationId,
        id: item.id,
        change,
        fields: {
          kind: item.kind,
          source: item.source,
          status: item.status,
          severity: item.severity,
          assigneeId: item.assigneeId,
          dueAt: item.dueAt.toISOString(),
          version: item.version,
        },
      })),
    );
  }

  async page(ctx: TenantCtx, filter: InboxFilter, page: KeysetPage): Promise<InboxItem[]> {
    const { where, params } = inboxFilter(ctx, filter);
    if (page.after) where.push(`(received_at, id) < ($${params.push(page.after[0])}::timestamptz, $${params.push(page.after[1])}::uuid)`);
    const limit = params.push(page.size + 1);
    const rows = await ctx.uow.query<ItemRow>(
      `SELECT ${ITEM_COLUMNS} FROM inbox_items WHERE ${where.join(' AND ')} ORDER BY received_at DESC, id DESC LIMIT $${limit}`,
      params,
    );
    return rows.map(toItem);
  }

  /** How many items the filter keeps, all pages together. */
  async count(ctx: TenantCtx, filter: InboxFilter): Promise<number> {
    const { where, params } = inboxFilter(ctx, filter);
    const [row] = await ctx.uow.query<{ n: number }>(`SELECT count(*)::int AS n FROM inbox_items WHERE ${where.join(' AND ')}`, params);
    return row.n;
  }

  async find(ctx: TenantCtx, id: string): Promise<InboxItem | null> {
    const [row] = await ctx.uow.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM inbox_items WHERE organization_id = $1 AND id = $2`, [
      ctx.uow.organizationId,
      id,
    ]);
    return row ? toItem(row) : null;
  }

  /**
   * The status move: applied only while the item is still in `from` (of two
   * concurrent moves the second changes nothing and gets null); bumps the version.
   */
  async transition(ctx: TenantCtx, id: string, from: InboxStatus, to: InboxStatus, patch: InboxPatch = {}): Promise<InboxItem | null> {
    const [row] = await ctx.uow.query<ItemRow>(
      `WITH moved AS (UPDATE inbox_items SET status = $4, version = version + 1, updated_at = now(),
              assignee_id = CASE WHEN $5 THEN $6::uuid ELSE assignee_id END,
              first_response_at = coalesce(first_response_at, $7::timestamptz),
              answered_by = CASE WHEN $8 THEN $9::uuid ELSE answered_by END,
              escalated_to = coalesce($10, escalated_to),
              escalated_at = CASE WHEN $10::text IS NOT NULL THEN now() ELSE escalated_at END
        WHERE organization_id = $1 AND id = $2 AND status = $3
        RETURNING ${ITEM_COLUMNS})
       SELECT * FROM moved`,
      [
        ctx.uow.organizationId,
        id,
        from,
        to,
        patch.assigneeId !== undefined,
        patch.assigneeId ?? null,
        patch.firstResponseAt ?? null,
        patch.answeredBy !== undefined,
        patch.answeredBy ?? null,
        patch.escalatedTo ?? null,
      ],
    );
    if (!row) return null;
    const item = toItem(row);
    this.announce(ctx, patch.assigneeId !== undefined && to === 'ASSIGNED' ? 'ASSIGNED' : 'STATUS_CHANGED', [item]);
    return item;
  }

  /** Inserts what is new (the same external id of the same network is kept once); the ids inserted. */
  async insertNew(ctx: TenantCtx, items: NewInboxItem[]): Promise<string[]> {
    if (items.length === 0) return [];
    const rows = await ctx.uow.query<{
      id: string;
      kind: InboxItem['kind'];
      source: string;
      status: InboxStatus;
      severity: InboxItem['severity'];
      due_at: Date;
      version: number;
    }>(
      `INSERT INTO inbox_items (organization_id, source, network_account_id, external_id, kind, parent_external_id, publication_id, author_handle,
         author_name, text, url, received_at, severity, severity_reason, due_at, responsible_role)
       SELECT $1, r.source, r.network_account_id, r.external_id, r.kind, r.parent_external_id, r.publication_id, r.author_handle, r.author_name,
              r.text, r.url, r.received_at, r.severity, r.severity_reason, r.due_at, r.responsible_role
         FROM jsonb_to_recordset($2::jsonb) AS r(source text, network_account_id uuid, external_id text, kind text, parent_external_id text,
              publication_id uuid, author_handle text, author_name text, text text, url text, received_at timestamptz, severity text,
              severity_reason text, due_at timestamptz, responsible_role text)
        -- Our own replies come back as comments of the post: never an item.
        WHERE NOT EXISTS (SELECT 1 FROM inbox_replies x WHERE x.organization_id = $1 AND x.external_id = r.external_id)
       ON CONFLICT (organization_id, source, external_id) DO NOTHING
       RETURNING id, kind, source, status, severity, due_at, version`,
      [
        ctx.uow.organizationId,
        JSON.stringify(
          items.map((i) => ({
            source: i.source,
            network_account_id: i.networkAccountId,
            external_id: i.externalId,
            kind: i.kind,
            parent_external_id: i.parentExternalId,
            publication_id: i.publicationId,
            author_handle: i.authorHandle,
            author_name: i.authorName,
            text: i.text,
            url: i.url,
            received_at: i.receivedAt.toISOString(),
            severity: i.severity,
            severity_reason: i.severityReason,
            due_at: i.dueAt.toISOString(),
            responsible_role: i.responsibleRole,
          })),
        ),
      ],
    );
    this.announce(
      ctx,
      'CREATED',
      rows.map((r) => ({ ...r, assigneeId: null, dueAt: r.due_at })),
    );
    return rows.map((r) => r.id);
  }

  /**
   * A severity set by hand, with the due time and responsible role of its rule:
   * applied only while the item is at `version` and not ANSWERED or DISMISSED
   * (of two concurrent changes the second gets null); bumps the version.
   */
  async setSeverity(
    ctx: TenantCtx,
    id: string,
    version: number,
    change: { severity: InboxItem['severity']; reason: string; dueAt: Date; responsibleRole: string; setBy: string | null },
  ): Promise<InboxItem | null> {
    const [row] = await ctx.uow.query<ItemRow>(
      `WITH changed AS (UPDATE inbox_items SET severity = $4, severity_reason = $5, due_at = $6, responsible_role = $7, severity_set_by = $8,
              severity_set_at = now(), version = version + 1, updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND version = $3 AND status NOT IN ('ANSWERED', 'DISMISSED')
        RETURNING ${ITEM_COLUMNS})
       SELECT * FROM changed`,
      [ctx.uow.organizationId, id, version, change.severity, change.reason, change.dueAt, change.responsibleRole, change.setBy],
    );
    if (!row) return null;
    const item = toItem(row);
    this.announce(ctx, 'SEVERITY_CHANGED', [item]);
    return item;
  }

  /** Whether the organisation has an unresolved crisis alert (OPEN or ACKNOWLEDGED), and whether its publishing is paused for a crisis. */
  async crisisState(ctx: TenantCtx): Promise<{ alertOpen: boolean; pauseOn: boolean }> {
    const [row] = await ctx.uow.query<{ alert_open: boolean; pause_on: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM alerts WHERE organization_id = $1 AND status IN ('OPEN', 'ACKNOWLEDGED')) AS alert_open,
              EXISTS (SELECT 1 FROM publishing_pauses WHERE organization_id = $1 AND active) AS pause_on`,
      [ctx.uow.organizationId],
    );
    return { alertOpen: row.alert_open, pauseOn: row.pause_on };
  }

  /** The tags people gave these authors of one network (the handle's case ignored, as the author profiles key them), by handle as given. */
  async authorTags(ctx: TenantCtx, source: string, handles: readonly string[]): Promise<Map<string, string[]>> {
    const given = [...new Set(handles.filter((h) => h.length > 0 && h.length <= 500))];
    if (given.length === 0) return new Map();
    const rows = await ctx.uow.query<{ handle: string; tags: string[] }>(
      `SELECT h.handle, p.tags FROM unnest($3::text[]) AS h (handle)
         JOIN mention_author_profiles p ON p.organization_id = $1 AND p.source = $2 AND p.handle_key = lower(h.handle)
        WHERE cardinality(p.tags) > 0`,
      [ctx.uow.organizationId, source, given],
    );
    return new Map(rows.map((r) => [r.handle, r.tags]));
  }

  /** Open items past due, locked (others skip them): what the SLA sweep escalates. */
  async overdueForUpdate(ctx: TenantCtx, limit: number): Promise<InboxItem[]> {
    const rows = await ctx.uow.query<ItemRow>(
      `SELECT ${ITEM_COLUMNS} FROM inbox_items WHERE organization_id = $1 AND status IN ('NEW', 'ASSIGNED') AND due_at < now()
        ORDER BY due_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [ctx.uow.organizationId, limit],
    );
    return rows.map(toItem);
  }

  // ------------------------------------------------------------------ notes

  async addNote(ctx: TenantCtx, itemId: string, text: string, authorId: string | null): Promise<InboxNote> {
    const [row] = await ctx.uow.query<{ id: string; item_id: string; text: string; author_id: string | null; created_at: Date }>(
      'INSERT INTO inbox_notes (organization_id, item_id, text, author_id) VALUES ($1, $2, $3, $4) RETURNING id, item_id, text, author_id, created_at',
      [ctx.uow.organizationId, itemId, text, authorId],
    );
    return { id: row.id, itemId: row.item_id, text: row.text, authorId: row.author_id, createdAt: row.created_at };
  }

  async notes(ctx: TenantCtx, itemId: string): Promise<InboxNote[]> {
    const rows = await ctx.uow.query<{ id: string; item_id: string; text: string; author_id: string | null; created_at: Date }>(
      'SELECT id, item_id, text, author_id, created_at FROM inbox_notes WHERE organization_id = $1 AND item_id = $2 ORDER BY created_at, id LIMIT 500',
      [ctx.uow.organizationId, itemId],
    );
    return rows.map((row) => ({ id: row.id, itemId: row.item_id, text: row.text, authorId: row.author_id, createdAt: row.created_at }));
  }

  // ------------------------------------------------------------------ replies

  /**
   * Claims the item's one live reply: inserted PENDING unless another reply of
   * the item is PENDING or SENT (the partial unique index; a concurrent insert
   * waits for the other transaction and then finds it). Null when it lost.
   */
  async claimReply(
    ctx: TenantCtx,
    reply: { id: string; itemId: string; networkAccountId: string | null; text: string; createdBy: string | null },
  ): Promise<InboxReply | null> {
    const [row] = await ctx.uow.query<ReplyRow>(
      `INSERT INTO inbox_replies (organization_id, id, item_id, network_account_id, text, idempotency_key, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (organization_id, item_id) WHERE status IN ('PENDING', 'SENT') DO NOTHING
       RETURNING ${REPLY_COLUMNS}`,
      [
        ctx.uow.organizationId,
        reply.id,
        reply.itemId,
        reply.networkAccountId,
        reply.text,
        `socle-inbox-reply-${reply.id}`,
        reply.createdBy,
      ],
    );
    return row ? toReply(row) : null;
  }

  async findReply(ctx: TenantCtx, id: string): Promise<InboxReply | null> {
    const [row] = await ctx.uow.query<ReplyRow>(`SELECT ${REPLY_COLUMNS} FROM inbox_replies WHERE organization_id = $1 AND id = $2`, [
      ctx.uow.organizationId,
      id,
    ]);
    return row ? toReply(row) : null;
  }

  async replies(ctx: TenantCtx, itemId: string): Promise<InboxReply[]> {
    const rows = await ctx.uow.query<ReplyRow>(
      `SELECT ${REPLY_COLUMNS} FROM inbox_replies WHERE organization_id = $1 AND item_id = $2 ORDER BY created_at, id LIMIT 100`,
      [ctx.uow.organizationId, itemId],
    );
    return rows.map(toReply);
  }

  /**
   * Replies left PENDING since before `before` (their sender stopped) that nobody is sending now (no lease, or an
   * expired one): the job sends them again, same key.
   */
  async pendingReplies(ctx: TenantCtx, before: Date, limit: number): Promise<string[]> {
    const rows = await ctx.uow.query<{ id: string }>(
      `SELECT id FROM inbox_replies WHERE organization_id = $1 AND status = 'PENDING' AND created_at < $2
          AND (lease_until IS NULL OR lease_until < now())
        ORDER BY created_at LIMIT $3`,
      [ctx.uow.organizationId, before, limit],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Takes a PENDING reply to send it, in one statement: counts the attempt and
   * leases it for `leaseMs`, unless another sender's lease is still running (a
   * concurrent claim waits for the other's transaction, then sees its lease).
   * Null when someone else holds it or it is no longer PENDING: the caller must
   * not call the network.
   */
  async leaseReply(ctx: TenantCtx, id: string, leaseMs: number, token: string): Promise<InboxReply | null> {
    const [row] = await ctx.uow.query<ReplyRow>(
      `WITH leased AS (UPDATE inbox_replies SET attempts = attempts + 1, lease_until = now() + make_interval(secs => $3::float8 / 1000),
              leased_by = $4
        WHERE organization_id = $1 AND id = $2 AND status = 'PENDING' AND (lease_until IS NULL OR lease_until < now())
        RETURNING ${REPLY_COLUMNS})
       SELECT * FROM leased`,
      [ctx.uow.organizationId, id, leaseMs, token.slice(0, 200)],
    );
    return row ? toReply(row) : null;
  }

  /** Records the post and ends the lease; false when the reply is no longer PENDING (another sender recorded it). */
  async markSent(ctx: TenantCtx, id: string, post: { externalId: string; url: string | null }): Promise<boolean> {
    const changed = await ctx.uow.execute(
      `UPDATE inbox_replies SET status = 'SENT', external_id = $3, external_url = $4, sent_at = now(), error = NULL, lease_until = NULL, leased_by = NULL
        WHERE organization_id = $1 AND id = $2 AND status = 'PENDING'`,
      [ctx.uow.organizationId, id, post.externalId.slice(0, 2000), post.url?.slice(0, 2000) ?? null],
    );
    return changed === 1;
  }

  /**
   * A definitive refusal (the lease ends with it): the item may be answered again. `lease`: the sender's, when it
   * called the network; its refusal is then recorded only while it still holds the reply (a sender whose lease ended
   * meanwhile leaves the reply to the one that took it over). Without one (refused before any call: the account
   * disconnected), only while no other sender's lease runs: that sender's outcome stands.
   */
  async markFailed(ctx: TenantCtx, id: string, error: string, lease: string | null = null): Promise<boolean> {
    const changed = await ctx.uow.execute(
      `UPDATE inbox_replies SET status = 'FAILED', error = $3, lease_until = NULL, leased_by = NULL
        WHERE organization_id = $1 AND id = $2 AND status = 'PENDING'
          AND CASE WHEN $4::text IS NULL THEN lease_until IS NULL OR lease_until < now() ELSE leased_by = $4 END`,
      [ctx.uow.organizationId, id, error.slice(0, 1000), lease],
    );
    return changed === 1;
  }

  /**
   * A passing failure: the reply stays PENDING and the sender's lease ends, so the next send may claim it at once.
   * Only while that sender (`lease`) still holds it: a later sender's lease is never ended by an earlier one.
   */
  async noteError(ctx: TenantCtx, id: string, error: string, lease: string): Promise<void> {
    await ctx.uow.execute(
      `UPDATE inbox_replies SET error = $3, lease_until = NULL, leased_by = NULL
        WHERE organization_id = $1 AND id = $2 AND status = 'PENDING' AND leased_by = $4`,
      [ctx.uow.organizationId, id, error.slice(0, 1000), lease],
    );
  }

  // ------------------------------------------------------------------ ingestion

  /** Published posts (not deleted, from the last `days` days) of the given accounts, with where their last fetch stopped. */
  async watchedPublications(ctx: TenantCtx, accountIds: string[], days: number, limit: number): Promise<WatchedPublication[]> {
    if (accountIds.length === 0) return [];
    const rows = await ctx.uow.query<{
      id: string;
      network_account_id: string;
      network: string;
      external_id: string;
      cursor: string | null;
    }>(
      `SELECT p.id, p.network_account_id, p.network, p.external_id, c.cursor
         FROM publications p LEFT JOIN inbox_cursors c ON c.organization_id = p.organization_id AND c.publication_id = p.id
        WHERE p.organization_id = $1 AND p.status = 'PUBLISHED' AND p.deleted_at IS NULL AND p.external_id IS NOT NULL
          AND p.network_account_id = ANY($2::uuid[]) AND p.published_at > now() - make_interval(days => $3)
        ORDER BY c.fetched_at NULLS FIRST, p.published_at DESC LIMIT $4`,
      [ctx.uow.organizationId, accountIds, days, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      networkAccountId: r.network_account_id,
      network: r.network,
      externalId: r.external_id,
      cursor: r.cursor,
    }));
  }

  async saveCursor(ctx: TenantCtx, publicationId: string, cursor: string | null): Promise<void> {
    await ctx.uow.execute(
      `INSERT INTO inbox_cursors (organization_id, publication_id, cursor, fetched_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (organization_id, publication_id) DO UPDATE SET cursor = coalesce(EXCLUDED.cursor, inbox_cursors.cursor), fetched_at = now()`,
      [ctx.uow.organizationId, publicationId, cursor && cursor.length <= 4000 ? cursor : null],
    );
  }

  async isMember(ctx: TenantCtx, userId: string): Promise<boolean> {
    const [row] = await ctx.uow.query('SELECT 1 FROM organization_memberships WHERE organization_id = $1 AND user_id = $2', [
      ctx.uow.organizationId,
      userId,
    ]);
    return !!row;
  }

  /** Across tenants (SECURITY DEFINER functions: ids only). */
  async organizationsToFetch(uow: UnitOfWork, fetchedBefore: Date, limit: number): Promise<string[]> {
    return (
      await uow.query<{ organization_id: string }>('SELECT organization_id FROM socle_inbox_organizations($1, $2)', [fetchedBefore, limit])
    ).map((r) => r.organization_id);
  }

  async organizationsNeedingAttention(
    uow: UnitOfWork,
    now: Date,
    pendingBefore: Date,
    limit: number,
  ): Promise<{ organization_id: string; overdue: boolean; pending: boolean }[]> {
    return uow.query('SELECT organization_id, overdue, pending FROM socle_inbox_attention($1, $2, $3)', [now, pendingBefore, limit]);
  }
}
