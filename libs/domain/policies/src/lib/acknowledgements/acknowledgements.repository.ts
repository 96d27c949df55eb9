import { Injectable } from '@nestjs/common';
import type { Actor } from '@socle/platform-auth';
import type { KeysetPage } from '@socle/platform-graphql';
import type { TenantCtx } from '../documents/policy.repository';

export interface AcknowledgementLinkRow {
  id: string;
  staffId: string;
  policyId: string;
  versionId: string;
  version: number;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

export interface StaffAcknowledgementRow {
  staffId: string;
  name: string;
  email: string;
  department: string;
  acknowledgedAt: Date | null;
  /** When the latest link for this version was sent (null: none sent). */
  linkSentAt: Date | null;
}

const LINK_COLUMNS = `id, staff_id AS "staffId", policy_id AS "policyId", version_id AS "versionId", version, expires_at AS "expiresAt",
  used_at AS "usedAt", revoked_at AS "revokedAt", created_at AS "createdAt"`;

const userIdOf = (actor: Actor): string | null => (actor.type === 'USER' ? actor.id : null);

/** The people of the staff list (alias `s`) as the acknowledgement list reads them: this organisation's, not removed. */
function listedStaff(ctx: TenantCtx): { where: string[]; params: unknown[] } {
  return { where: ['s.organization_id = $1', 's.removed_at IS NULL'], params: [ctx.uow.organizationId] };
}

/** The only place that queries acknowledgement links and staff acknowledgements; always inside the caller's tenant. */
@Injectable()
export class AcknowledgementsRepository {
  /**
   * One new link per person for this version; the person's earlier open links
   * for the same version are revoked (only the latest mail works) and returned.
   */
  async issueLinks(
    ctx: TenantCtx,
    version: { id: string; policyId: string; number: number },
    staffIds: readonly string[],
    expiresAt: Date,
  ): Promise<{ issued: AcknowledgementLinkRow[]; revoked: string[] }> {
    if (staffIds.length === 0) return { issued: [], revoked: [] };
    const revoked = await ctx.uow.query<{ id: string }>(
      `WITH revoked AS (
         UPDATE policy_acknowledgement_links SET revoked_at = now()
          WHERE organization_id = $1 AND version_id = $2 AND staff_id = ANY($3::uuid[]) AND used_at IS NULL AND revoked_at IS NULL RETURNING id)
       SELECT id FROM revoked`,
      [ctx.uow.organizationId, version.id, staffIds],
    );
    const issued = await ctx.uow.query<AcknowledgementLinkRow>(
      `INSERT INTO policy_acknowledgement_links (organization_id, staff_id, policy_id, version_id, version, expires_at, created_by)
       SELECT $1, s, $2, $3, $4, $5, $6 FROM unnest($7::uuid[]) AS s RETURNING ${LINK_COLUMNS}`,
      [ctx.uow.organizationId, version.policyId, version.id, version.number, expiresAt, userIdOf(ctx.actor), staffIds],
    );
    return { issued, revoked: revoked.map((r) => r.id) };
  }

  /** Revokes every open link of a person; returns their ids (to cancel mails not sent yet). */
  async revokeOpenLinksOf(ctx: TenantCtx, staffId: string): Promise<string[]> {
    const rows = await ctx.uow.query<{ id: string }>(
      `WITH revoked AS (
         UPDATE policy_acknowledgement_links SET revoked_at = now()
          WHERE organization_id = $1 AND staff_id = $2 AND used_at IS NULL AND revoked_at IS NULL RETURNING id)
       SELECT id FROM revoked`,
      [ctx.uow.organizationId, staffId],
    );
    return rows.map((r) => r.id);
  }

  async findLink(ctx: TenantCtx, id: string, lock: boolean): Promise<AcknowledgementLinkRow | null> {
    const [row] = await ctx.uow.query<AcknowledgementLinkRow>(
      `SELECT ${LINK_COLUMNS} FROM policy_acknowledgement_links WHERE organization_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [ctx.uow.organizationId, id],
    );
    return row ?? null;
  }

  /** Marks the link used if it still is open (compare and set): false when another request used it first. */
  async useLink(ctx: TenantCtx, id: string): Promise<boolean> {
    const touched = await ctx.uow.execute(
      `UPDATE policy_acknowledgement_links SET used_at = now()
        WHERE organization_id = $1 AND id = $2 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()`,
      [ctx.uow.organizationId, id],
    );
    return touched === 1;
  }

  /** Records the acknowledgement once; its time (the first one when it already existed). */
  async acknowledge(ctx: TenantCtx, link: AcknowledgementLinkRow): Promise<Date> {
    const [row] = await ctx.uow.query<{ acknowledged_at: Date }>(
      `WITH inserted AS (
         INSERT INTO policy_acknowledgements (organization_id, version_id, staff_id, policy_id, link_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (organization_id, version_id, staff_id) WHERE staff_id IS NOT NULL DO NOTHING RETURNING acknowledged_at)
       SELECT acknowledged_at FROM inserted
       UNION ALL SELECT acknowledged_at FROM policy_acknowledgements WHERE organization_id = $1 AND version_id = $2 AND staff_id = $3
       LIMIT 1`,
      [ctx.uow.organizationId, link.versionId, link.staffId, link.policyId, link.id],
    );
    return row.acknowledged_at;
  }

  /** Listed people who already acknowledged this version, among `staffIds`. */
  async acknowledgedAmong(ctx: TenantCtx, versionId: string, staffIds: readonly string[]): Promise<Set<string>> {
    const rows = await ctx.uow.query<{ staff_id: string }>(
      `SELECT staff_id FROM policy_acknowledgements WHERE organization_id = $1 AND version_id = $2 AND staff_id = ANY($3::uuid[])`,
      [ctx.uow.organizationId, versionId, staffIds],
    );
    return new Set(rows.map((r) => r.staff_id));
  }

  /** Listed people, and how many of them acknowledged this version and were sent a link for it. */
  async counts(ctx: TenantCtx, versionId: string | null): Promise<{ staff: number; acknowledged: number; linked: number }> {
    const [row] = await ctx.uow.query<{ staff: number; acknowledged: number; linked: number }>(
      `SELECT count(*)::int AS staff,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM policy_acknowledgements a
                                              WHERE a.organization_id = s.organization_id AND a.staff_id = s.id AND a.version_id = $2))::int AS acknowledged,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM policy_acknowledgement_links l
                                              WHERE l.organization_id = s.organization_id AND l.staff_id = s.id AND l.version_id = $2))::int AS linked
         FROM policy_staff s WHERE s.organization_id = $1 AND s.removed_at IS NULL`,
      [ctx.uow.organizationId, versionId],
    );
    return row;
  }

  /** Listed people with, for this version, their acknowledgement time and when their latest link was sent; in list order. */
  async pageStaff(ctx: TenantCtx, versionId: string, page: KeysetPage): Promise<(StaffAcknowledgementRow & { createdAt: Date })[]> {
    const { where, params } = listedStaff(ctx);
    params.push(versionId);
    const version = `$${params.length}`;
    if (page.after) {
      params.push(page.after[0], page.after[1]);
      where.push(`(s.created_at, s.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(page.size + 1);
    return ctx.uow.query(
      `SELECT s.id AS "staffId", s.name, s.email, s.department, s.created_at AS "createdAt", a.acknowledged_at AS "acknowledgedAt",
              (SELECT max(l.created_at) FROM policy_acknowledgement_links l
                WHERE l.organization_id = s.organization_id AND l.staff_id = s.id AND l.version_id = ${version}) AS "linkSentAt"
         FROM policy_staff s
         LEFT JOIN policy_acknowledgements a ON a.organization_id = s.organization_id AND a.staff_id = s.id AND a.version_id = ${version}
        WHERE ${where.join(' AND ')} ORDER BY s.created_at, s.id LIMIT $${params.length}`,
      params,
    );
  }

  /** How many people `pageStaff` lists over all its pages (the join on acknowledgements adds or removes none). */
  async countStaff(ctx: TenantCtx): Promise<number> {
    const { where, params } = listedStaff(ctx);
    const [row] = await ctx.uow.query<{ n: number }>(`SELECT count(*)::int AS n FROM policy_staff s WHERE ${where.join(' AND ')}`, params);
    return row.n;
  }
}
