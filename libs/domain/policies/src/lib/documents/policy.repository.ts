import { Injectable } from '@nestjs/common';
import type { Actor } from '@socle/platform-auth';
import type { OrganizationUnitOfWork } from '@socle/platform-database';
import type { KeysetPage } from '@socle/platform-graphql';
import type { PolicyKind, PolicyLanguage, PolicySection, PolicyVersionStatus } from './policy-model';

/** Who acts in which organisation (a request's OrganizationContext is one). The tenant is the unit of work's own. */
export interface TenantCtx {
  readonly uow: OrganizationUnitOfWork;
  /** Read from the unit of work (its type cannot be given any other way). */
  readonly organizationId: OrganizationUnitOfWork['organizationId'];
  readonly actor: Actor;
  readonly requestId?: string;
}

export interface PolicyDocumentRow {
  id: string;
  kind: PolicyKind;
  language: PolicyLanguage;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface PolicyVersionRow {
  id: string;
  policyId: string;
  number: number;
  status: PolicyVersionStatus;
  title: string;
  sections: PolicySection[];
  createdBy: string | null;
  updatedBy: string | null;
  submittedBy: string | null;
  submittedAt: Date | null;
  returnedBy: string | null;
  returnedAt: Date | null;
  returnComment: string | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  publishedBy: string | null;
  publishedAt: Date | null;
  supersededAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface PolicyWithVersions extends PolicyDocumentRow {
  latestVersion: PolicyVersionRow | null;
  publishedVersion: PolicyVersionRow | null;
}

export interface PolicyEventRow {
  id: string;
  policyId: string;
  versionId: string;
  versionNumber: number;
  action: string;
  fromStatus: PolicyVersionStatus | null;
  toStatus: PolicyVersionStatus;
  actorType: 'USER' | 'API_KEY' | 'SYSTEM';
  actorId: string | null;
  comment: string | null;
  occurredAt: Date;
}

export interface MemberRow {
  userId: string;
  displayName: string;
  joinedAt: Date;
  acknowledgedAt: Date | null;
}

const DOCUMENT_COLUMNS = 'id, kind, language, created_by AS "createdBy", created_at AS "createdAt", updated_at AS "updatedAt"';
const VERSION_COLUMNS = `id, policy_id AS "policyId", number, status, title, sections, created_by AS "createdBy", updated_by AS "updatedBy",
  submitted_by AS "submittedBy", submitted_at AS "submittedAt", returned_by AS "returnedBy", returned_at AS "returnedAt",
  return_comment AS "returnComment", approved_by AS "approvedBy", approved_at AS "approvedAt", published_by AS "publishedBy",
  published_at AS "publishedAt", superseded_at AS "supersededAt", created_at AS "createdAt", updated_at AS "updatedAt"`;
const EVENT_COLUMNS = `id, policy_id AS "policyId", version_id AS "versionId", version_number AS "versionNumber", action, from_status AS "fromStatus",
  to_status AS "toStatus", actor_type AS "actorType", actor_id AS "actorId", comment, occurred_at AS "occurredAt"`;

/** Columns a transition sets besides the status: `<who>_by` = the acting user, `<when>_at` = now. */
export interface TransitionStamp {
  by?: 'submitted_by' | 'returned_by' | 'approved_by' | 'published_by';
  at?: 'submitted_at' | 'returned_at' | 'approved_at' | 'published_at' | 'superseded_at';
  returnComment?: string | null;
}

const userIdOf = (actor: Actor): string | null => (actor.type === 'USER' ? actor.id : null);

/** The organisation's policy documents. */
function documentsOf(ctx: TenantCtx): { where: string[]; params: unknown[] } {
  return { where: ['organization_id = $1'], params: [ctx.uow.organizationId] };
}

/** The rows of one policy of the organisation: its versions, or the events of its history. */
function ofPolicy(ctx: TenantCtx, policyId: string): { where: string[]; params: unknown[] } {
  return { where: ['organization_id = $1', 'policy_id = $2'], params: [ctx.uow.organizationId, policyId] };
}

/** Current members and their acknowledgement of version `$2`, if any. */
const MEMBERS_FROM = `organization_memberships m
         JOIN users u ON u.id = m.user_id
         LEFT JOIN policy_acknowledgements a ON a.organization_id = m.organization_id AND a.user_id = m.user_id AND a.version_id = $2`;

/** Current members who acknowledged (`done`) the version or not yet, over `MEMBERS_FROM`. */
function membersOf(ctx: TenantCtx, versionId: string, done: boolean): { where: string[]; params: unknown[] } {
  return { where: ['m.organization_id = $1', `a.user_id IS ${done ? 'NOT NULL' : 'NULL'}`], params: [ctx.uow.organizationId, versionId] };
}

/** Adds the keyset condition after the cursor and the limit of `size + 1` rows; returns the limit's placeholder. */
function keysetAfter(where: string[], params: unknown[], key: string, page: KeysetPage): string {
  if (page.after) {
    params.push(page.after[0], page.after[1]);
    where.push(`${key} > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(page.size + 1);
  return `$${params.length}`;
}

/** The only place that queries the policy tables of documents, versions, events and acknowledgements; always inside the caller's tenant. */
@Injectable()
export class PolicyRepository {
  /** The new document's id, or null when the organisation already has one of this kind. */
  async insertDocument(ctx: TenantCtx, kind: PolicyKind, language: PolicyLanguage): Promise<string | null> {
    const [row] = await ctx.uow.query<{ id: string }>(
      `INSERT INTO policy_documents (organization_id, kind, language, created_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (organization_id, kind) DO NOTHING RETURNING id`,
      [ctx.uow.organizationId, kind, language, userIdOf(ctx.actor)],
    );
    return row?.id ?? null;
  }

  async insertVersion(
    ctx: TenantCtx,
    policyId: string,
    number: number,
    title: string,
    sections: PolicySection[],
  ): Promise<PolicyVersionRow> {
    const [row] = await ctx.uow.query<PolicyVersionRow>(
      `INSERT INTO policy_versions (organization_id, policy_id, number, status, title, sections, created_by, updated_by)
       VALUES ($1, $2, $3, 'DRAFT', $4, $5::jsonb, $6, $6) RETURNING ${VERSION_COLUMNS}`,
      [ctx.uow.organizationId, policyId, number, title, JSON.stringify(sections), userIdOf(ctx.actor)],
    );
    await this.touchDocument(ctx, policyId);
    return row;
  }

  async findDocument(ctx: TenantCtx, id: string): Promise<PolicyWithVersions | null> {
    const [row] = await ctx.uow.query<PolicyDocumentRow>(
      `SELECT ${DOCUMENT_COLUMNS} FROM policy_documents WHERE organization_id = $1 AND id = $2`,
      [ctx.uow.organizationId, id],
    );
    if (!row) return null;
    return (await this.withVersions(ctx, [row]))[0];
  }

  /** The document, locked until the transaction ends: one revision or publication of a policy at a time. */
  async lockDocument(ctx: TenantCtx, id: string): Promise<PolicyDocumentRow | null> {
    const [row] = await ctx.uow.query<PolicyDocumentRow>(
      `SELECT ${DOCUMENT_COLUMNS} FROM policy_documents WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
      [ctx.uow.organizationId, id],
    );
    return row ?? null;
  }

  async pageDocuments(ctx: TenantCtx, page: KeysetPage): Promise<PolicyWithVersions[]> {
    const { where, params } = documentsOf(ctx);
    const limit = keysetAfter(where, params, '(created_at, id)', page);
    const rows = await ctx.uow.query<PolicyDocumentRow>(
      `SELECT ${DOCUMENT_COLUMNS} FROM policy_documents WHERE ${where.join(' AND ')} ORDER BY created_at, id LIMIT ${limit}`,
      params,
    );
    return this.withVersions(ctx, rows);
  }

  /** How many documents `pageDocuments` lists over all its pages. */
  async countDocuments(ctx: TenantCtx): Promise<number> {
    const { where, params } = documentsOf(ctx);
    return this.count(ctx, `policy_documents WHERE ${where.join(' AND ')}`, params);
  }

  /** The latest and the published version of each document, in one statement. */
  private async withVersions(ctx: TenantCtx, docs: PolicyDocumentRow[]): Promise<PolicyWithVersions[]> {
    if (docs.length === 0) return [];
    const versions = await ctx.uow.query<PolicyVersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM policy_versions v
        WHERE v.organization_id = $1 AND v.policy_id = ANY($2::uuid[])
          AND (v.status = 'PUBLISHED' OR v.number = (SELECT max(w.number) FROM policy_versions w WHERE w.organization_id = v.organization_id AND w.policy_id = v.policy_id))`,
      [ctx.uow.organizationId, docs.map((d) => d.id)],
    );
    return docs.map((doc) => {
      const mine = versions.filter((v) => v.policyId === doc.id);
      const latest = mine.reduce<PolicyVersionRow | null>((best, v) => (!best || v.number > best.number ? v : best), null);
      return { ...doc, latestVersion: latest, publishedVersion: mine.find((v) => v.status === 'PUBLISHED') ?? null };
    });
  }

  async findVersion(ctx: TenantCtx, id: string): Promise<PolicyVersionRow | null> {
    const [row] = await ctx.uow.query<PolicyVersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM policy_versions WHERE organization_id = $1 AND id = $2`,
      [ctx.uow.organizationId, id],
    );
    return row ?? null;
  }

  async latestVersion(ctx: TenantCtx, policyId: string): Promise<PolicyVersionRow | null> {
    const [row] = await ctx.uow.query<PolicyVersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM policy_versions WHERE organization_id = $1 AND policy_id = $2 ORDER BY number DESC LIMIT 1`,
      [ctx.uow.organizationId, policyId],
    );
    return row ?? null;
  }

  async publishedVersion(ctx: TenantCtx, policyId: string): Promise<PolicyVersionRow | null> {
    const [row] = await ctx.uow.query<PolicyVersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM policy_versions WHERE organization_id = $1 AND policy_id = $2 AND status = 'PUBLISHED'`,
      [ctx.uow.organizationId, policyId],
    );
    return row ?? null;
  }

  async pageVersions(ctx: TenantCtx, policyId: string, page: KeysetPage): Promise<PolicyVersionRow[]> {
    const { where, params } = ofPolicy(ctx, policyId);
    const limit = keysetAfter(where, params, '(created_at, id)', page);
    return ctx.uow.query<PolicyVersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM policy_versions WHERE ${where.join(' AND ')} ORDER BY created_at, id LIMIT ${limit}`,
      params,
    );
  }

  /** How many versions `pageVersions` lists over all its pages. */
  async countVersions(ctx: TenantCtx, policyId: string): Promise<number> {
    const { where, params } = ofPolicy(ctx, policyId);
    return this.count(ctx, `policy_versions WHERE ${where.join(' AND ')}`, params);
  }

  // UPDATE … RETURNING goes through a CTE: the driver layer returns [rows, count] for a bare UPDATE.

  /** Edits a draft; the WHERE keeps a version that left DRAFT meanwhile untouched (the trigger refuses it too). */
  async updateDraft(ctx: TenantCtx, id: string, patch: { title?: string; sections?: PolicySection[] }): Promise<PolicyVersionRow | null> {
    const [row] = await ctx.uow.query<PolicyVersionRow>(
      `WITH edited AS (
         UPDATE policy_versions SET title = coalesce($3, title), sections = coalesce($4::jsonb, sections), updated_by = $5, updated_at = now()
          WHERE organization_id = $1 AND id = $2 AND status = 'DRAFT' RETURNING *)
       SELECT ${VERSION_COLUMNS} FROM edited`,
      [ctx.uow.organizationId, id, patch.title ?? null, patch.sections ? JSON.stringify(patch.sections) : null, userIdOf(ctx.actor)],
    );
    if (row) await this.touchDocument(ctx, row.policyId);
    return row ?? null;
  }

  /** Moves a version from `from` to `to` only if it is still in `from` (compare and set); null otherwise. */
  async transition(
    ctx: TenantCtx,
    id: string,
    from: PolicyVersionStatus,
    to: PolicyVersionStatus,
    stamp: TransitionStamp,
  ): Promise<PolicyVersionRow | null> {
    const sets = ['status = $4', 'updated_at = now()'];
    const params: unknown[] = [ctx.uow.organizationId, id, from, to];
    if (stamp.by) {
      params.push(userIdOf(ctx.actor));
      sets.push(`${stamp.by} = $${params.length}`);
    }
    if (stamp.at) sets.push(`${stamp.at} = now()`);
    if (stamp.returnComment !== undefined) {
      params.push(stamp.returnComment);
      sets.push(`return_comment = $${params.length}`);
    }
    const [row] = await ctx.uow.query<PolicyVersionRow>(
      `WITH moved AS (UPDATE policy_versions SET ${sets.join(', ')} WHERE organization_id = $1 AND id = $2 AND status = $3 RETURNING *)
       SELECT ${VERSION_COLUMNS} FROM moved`,
      params,
    );
    if (row) await this.touchDocument(ctx, row.policyId);
    return row ?? null;
  }

  async insertEvent(
    ctx: TenantCtx,
    version: PolicyVersionRow,
    action: string,
    fromStatus: PolicyVersionStatus | null,
    comment: string | null = null,
  ): Promise<void> {
    await ctx.uow.execute(
      `INSERT INTO policy_events (organization_id, policy_id, version_id, version_number, action, from_status, to_status, actor_type, actor_id, comment)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        ctx.uow.organizationId,
        version.policyId,
        version.id,
        version.number,
        action,
        fromStatus,
        version.status,
        ctx.actor.type,
        ctx.actor.id,
        comment,
      ],
    );
  }

  async pageEvents(ctx: TenantCtx, policyId: string, page: KeysetPage): Promise<PolicyEventRow[]> {
    const { where, params } = ofPolicy(ctx, policyId);
    const limit = keysetAfter(where, params, '(occurred_at, id)', page);
    return ctx.uow.query<PolicyEventRow>(
      `SELECT ${EVENT_COLUMNS} FROM policy_events WHERE ${where.join(' AND ')} ORDER BY occurred_at, id LIMIT ${limit}`,
      params,
    );
  }

  /** How many events `pageEvents` lists over all its pages. */
  async countEvents(ctx: TenantCtx, policyId: string): Promise<number> {
    const { where, params } = ofPolicy(ctx, policyId);
    return this.count(ctx, `policy_events WHERE ${where.join(' AND ')}`, params);
  }

  /** `SELECT count(*)` over trusted SQL text (`<from> WHERE <conditions>`) built by the filters above. */
  private async count(ctx: TenantCtx, fromWhere: string, params: unknown[]): Promise<number> {
    const [row] = await ctx.uow.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${fromWhere}`, params);
    return row.n;
  }

  private async touchDocument(ctx: TenantCtx, policyId: string): Promise<void> {
    await ctx.uow.execute('UPDATE policy_documents SET updated_at = now() WHERE organization_id = $1 AND id = $2', [
      ctx.uow.organizationId,
      policyId,
    ]);
  }

  // ------------------------------------------------------------------ acknowledgements

  async isMember(ctx: TenantCtx, userId: string): Promise<boolean> {
    const [row] = await ctx.uow.query('SELECT 1 FROM organization_memberships WHERE organization_id = $1 AND user_id = $2', [
      ctx.uow.organizationId,
      userId,
    ]);
    return !!row;
  }

  /** Records the acknowledgement once; returns its time (the first one when it already existed). */
  async acknowledge(ctx: TenantCtx, version: PolicyVersionRow, userId: string): Promise<Date> {
    const [row] = await ctx.uow.query<{ acknowledged_at: Date }>(
      `WITH inserted AS (
         INSERT INTO policy_acknowledgements (organization_id, version_id, user_id, policy_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (organization_id, version_id, user_id) WHERE user_id IS NOT NULL DO NOTHING RETURNING acknowledged_at)
       SELECT acknowledged_at FROM inserted
       UNION ALL SELECT acknowledged_at FROM policy_acknowledgements WHERE organization_id = $1 AND version_id = $2 AND user_id = $3
       LIMIT 1`,
      [ctx.uow.organizationId, version.id, userId, version.policyId],
    );
    return row.acknowledged_at;
  }

  /** Published versions this person has not acknowledged yet, oldest publication first. */
  async awaitingAcknowledgement(ctx: TenantCtx, userId: string): Promise<PolicyVersionRow[]> {
    return ctx.uow.query<PolicyVersionRow>(
      `SELECT ${VERSION_COLUMNS} FROM policy_versions v
        WHERE v.organization_id = $1 AND v.status = 'PUBLISHED'
          AND NOT EXISTS (SELECT 1 FROM policy_acknowledgements a WHERE a.organization_id = v.organization_id AND a.version_id = v.id AND a.user_id = $2)
        ORDER BY v.published_at, v.id`,
      [ctx.uow.organizationId, userId],
    );
  }

  /** Current members, and how many of them acknowledged this version. */
  async acknowledgementCounts(ctx: TenantCtx, versionId: string | null): Promise<{ members: number; acknowledged: number }> {
    const [row] = await ctx.uow.query<{ members: number; acknowledged: number }>(
      `SELECT count(*)::int AS members, count(a.user_id)::int AS acknowledged
         FROM organization_memberships m
         LEFT JOIN policy_acknowledgements a ON a.organization_id = m.organization_id AND a.user_id = m.user_id AND a.version_id = $2
        WHERE m.organization_id = $1`,
      [ctx.uow.organizationId, versionId],
    );
    return row;
  }

  /**
   * Current members who acknowledged (`done`) or not yet (`pending`) this version,
   * keyed by acknowledgement time (done) or joining time (pending).
   */
  async pageMembers(ctx: TenantCtx, versionId: string, done: boolean, page: KeysetPage): Promise<MemberRow[]> {
    const key = done ? 'a.acknowledged_at' : 'm.created_at';
    const { where, params } = membersOf(ctx, versionId, done);
    const limit = keysetAfter(where, params, `(${key}, m.user_id)`, page);
    return ctx.uow.query<MemberRow>(
      `SELECT m.user_id AS "userId", u.display_name AS "displayName", m.created_at AS "joinedAt", a.acknowledged_at AS "acknowledgedAt"
         FROM ${MEMBERS_FROM}
        WHERE ${where.join(' AND ')} ORDER BY ${key}, m.user_id LIMIT ${limit}`,
      params,
    );
  }

  /** How many members `pageMembers` lists over all its pages. */
  async countMembers(ctx: TenantCtx, versionId: string, done: boolean): Promise<number> {
    const { where, params } = membersOf(ctx, versionId, done);
    return this.count(ctx, `${MEMBERS_FROM} WHERE ${where.join(' AND ')}`, params);
  }
}
