import { Injectable } from '@nestjs/common';
import type { KeysetPage } from '@socle/platform-graphql';
import type { GovernanceCtx } from './governance.repository';

export const STRATEGY_VERSION_STATUSES = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'SUPERSEDED'] as const;
export type StrategyVersionStatus = (typeof STRATEGY_VERSION_STATUSES)[number];

export interface StrategyVersionRow {
  id: string;
  number: number;
  status: StrategyVersionStatus;
  markdown: string;
  fingerprint: string;
  note: string | null;
  createdBy: string | null;
  submittedBy: string | null;
  submittedAt: Date | null;
  returnedBy: string | null;
  returnedAt: Date | null;
  returnComment: string | null;
  approvedBy: string | null;
  approverName: string | null;
  approvedAt: Date | null;
  approvalComment: string | null;
  supersededAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const VERSION = `v.id, v.number, v.status, v.markdown, v.fingerprint, v.note, v.created_by AS "createdBy",
  v.submitted_by AS "submittedBy", v.submitted_at AS "submittedAt", v.returned_by AS "returnedBy", v.returned_at AS "returnedAt",
  v.return_comment AS "returnComment", v.approved_by AS "approvedBy", u.display_name AS "approverName", v.approved_at AS "approvedAt",
  v.approval_comment AS "approvalComment", v.superseded_at AS "supersededAt", v.created_at AS "createdAt", v.updated_at AS "updatedAt"`;
const FROM = 'strategy_document_versions v LEFT JOIN users u ON u.id = v.approved_by';

/** The organisation's versions (alias `v`), of one status when given: the conditions of a page, without its cursor. */
function versionFilter(ctx: GovernanceCtx, status?: StrategyVersionStatus): { where: string[]; params: unknown[] } {
  const params: unknown[] = [ctx.uow.organizationId];
  const where = ['v.organization_id = $1'];
  if (status) {
    params.push(status);
    where.push(`v.status = $${params.length}`);
  }
  return { where, params };
}

/** The numbered snapshots of the written strategy. Transitions are compare-and-set on the status. */
@Injectable()
export class StrategyVersionRepository {
  page(ctx: GovernanceCtx, keyset: KeysetPage, status?: StrategyVersionStatus): Promise<StrategyVersionRow[]> {
    const { where, params } = versionFilter(ctx, status);
    if (keyset.after) {
      params.push(keyset.after[0], keyset.after[1]);
      where.push(`(v.created_at, v.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(keyset.size + 1);
    return ctx.uow.query<StrategyVersionRow>(
      `SELECT ${VERSION} FROM ${FROM} WHERE ${where.join(' AND ')} ORDER BY v.created_at, v.id LIMIT $${params.length}`,
      params,
    );
  }

  /** How many versions `page` lists with the same status over all its pages (the join on the approver adds or removes none). */
  async count(ctx: GovernanceCtx, status?: StrategyVersionStatus): Promise<number> {
    const { where, params } = versionFilter(ctx, status);
    const [row] = await ctx.uow.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM strategy_document_versions v WHERE ${where.join(' AND ')}`,
      params,
    );
    return row.n;
  }

  async find(ctx: GovernanceCtx, id: string): Promise<StrategyVersionRow | null> {
    const [row] = await ctx.uow.query<StrategyVersionRow>(`SELECT ${VERSION} FROM ${FROM} WHERE v.organization_id = $1 AND v.id = $2`, [
      ctx.uow.organizationId,
      id,
    ]);
    return row ?? null;
  }

  async withStatus(ctx: GovernanceCtx, statuses: readonly StrategyVersionStatus[]): Promise<StrategyVersionRow | null> {
    const [row] = await ctx.uow.query<StrategyVersionRow>(
      `SELECT ${VERSION} FROM ${FROM} WHERE v.organization_id = $1 AND v.status = ANY($2::text[]) ORDER BY v.number DESC LIMIT 1`,
      [ctx.uow.organizationId, statuses],
    );
    return row ?? null;
  }

  /** Serialises the versions of one organisation (numbering, one open version, one approved). */
  async lock(ctx: GovernanceCtx): Promise<void> {
    await ctx.uow.query("SELECT pg_advisory_xact_lock(hashtextextended('socle.strategy-version:' || $1::text, 0))", [
      ctx.uow.organizationId,
    ]);
  }

  async insert(ctx: GovernanceCtx, v: { markdown: string; fingerprint: string; note: string | null }): Promise<string> {
    const [row] = await ctx.uow.query<{ id: string }>(
      `INSERT INTO strategy_document_versions (organization_id, number, markdown, fingerprint, note, created_by)
       SELECT $1, coalesce(max(number), 0) + 1, $2, $3, $4, $5 FROM strategy_document_versions WHERE organization_id = $1
       RETURNING id`,
      [ctx.uow.organizationId, v.markdown, v.fingerprint, v.note, ctx.actor.type === 'USER' ? ctx.actor.id : null],
    );
    return row.id;
  }

  async deleteDraft(ctx: GovernanceCtx, id: string): Promise<boolean> {
    const n = await ctx.uow.execute("DELETE FROM strategy_document_versions WHERE organization_id = $1 AND id = $2 AND status = 'DRAFT'", [
      ctx.uow.organizationId,
      id,
    ]);
    return n > 0;
  }

  /** Moves a version from `from` to `to`, stamping who and when; false when it was not in `from` any more. */
  async transition(
    ctx: GovernanceCtx,
    id: string,
    from: StrategyVersionStatus,
    to: StrategyVersionStatus,
    comment: string | null,
  ): Promise<boolean> {
    const who = ctx.actor.type === 'USER' ? ctx.actor.id : null;
    const base = [ctx.uow.organizationId, id, from, to];
    const stamp: Record<StrategyVersionStatus, { set: string; params: unknown[] }> = {
      IN_REVIEW: { set: 'submitted_by = $5, submitted_at = now()', params: [who] },
      DRAFT: { set: 'returned_by = $5, returned_at = now(), return_comment = $6', params: [who, comment] },
      APPROVED: { set: 'approved_by = $5, approved_at = now(), approval_comment = $6', params: [who, comment] },
      SUPERSEDED: { set: 'superseded_at = now()', params: [] },
    };
    const n = await ctx.uow.execute(
      `UPDATE strategy_document_versions SET status = $4, ${stamp[to].set}, updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND status = $3`,
      [...base, ...stamp[to].params],
    );
    return n > 0;
  }
}
