import { Injectable } from '@nestjs/common';
import type { Actor } from '@socle/platform-auth';
import type { KeysetPage } from '@socle/platform-graphql';
import type { TenantCtx } from '../documents/policy.repository';
import type { StaffCsvRow } from './staff-csv';

export interface StaffRow {
  id: string;
  name: string;
  email: string;
  department: string;
  role: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const STAFF_COLUMNS = `id, name, email, department, role, created_at AS "createdAt", updated_at AS "updatedAt"`;

const userIdOf = (actor: Actor): string | null => (actor.type === 'USER' ? actor.id : null);

/** The people on this organisation's list: removed ones are kept on record but never listed nor counted. */
function listed(ctx: TenantCtx): { where: string[]; params: unknown[] } {
  return { where: ['organization_id = $1', 'removed_at IS NULL'], params: [ctx.uow.organizationId] };
}

/** The only place that queries policy_staff; always inside the caller's tenant. Removed people are kept (removed_at) but never listed. */
@Injectable()
export class StaffRepository {
  /**
   * Adds new people and updates the name, department and role of the ones
   * already listed under the same e-mail (case-insensitive), in one statement.
   */
  async upsert(
    ctx: TenantCtx,
    rows: readonly StaffCsvRow[],
    withRole: boolean,
  ): Promise<{ created: number; updated: number; unchanged: number }> {
    if (rows.length === 0) return { created: 0, updated: 0, unchanged: 0 };
    const [counts] = await ctx.uow.query<{ created: number; updated: number; changed: number }>(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($2::jsonb) AS r (name text, email text, department text, role text)),
       before AS (
         SELECT s.id, s.name, s.department, s.role, lower(s.email) AS key FROM policy_staff s
          WHERE s.organization_id = $1 AND s.removed_at IS NULL AND lower(s.email) IN (SELECT lower(email) FROM input)),
       written AS (
         INSERT INTO policy_staff (organization_id, name, email, department, role, imported_by)
         SELECT $1, name, email, department, role, $3 FROM input
         ON CONFLICT (organization_id, lower(email)) WHERE removed_at IS NULL DO UPDATE
           SET name = EXCLUDED.name, department = EXCLUDED.department, role = CASE WHEN $4 THEN EXCLUDED.role ELSE policy_staff.role END, imported_by = EXCLUDED.imported_by,
               updated_at = CASE WHEN (policy_staff.name, policy_staff.department, policy_staff.role) IS DISTINCT FROM
                                      (EXCLUDED.name, EXCLUDED.department, CASE WHEN $4 THEN EXCLUDED.role ELSE policy_staff.role END) THEN now() ELSE policy_staff.updated_at END
         RETURNING id, name, department, role, (xmax = 0) AS inserted)
       SELECT count(*) FILTER (WHERE w.inserted)::int AS created,
              count(*) FILTER (WHERE NOT w.inserted)::int AS updated,
              count(*) FILTER (WHERE NOT w.inserted AND (b.name, b.department, b.role) IS DISTINCT FROM (w.name, w.department, w.role))::int AS changed
         FROM written w LEFT JOIN before b ON b.id = w.id`,
      [
        ctx.uow.organizationId,
        JSON.stringify(rows.map((r) => ({ name: r.name, email: r.email, department: r.department, role: r.role }))),
        userIdOf(ctx.actor),
        withRole,
      ],
    );
    return { created: counts.created, updated: counts.changed, unchanged: counts.updated - counts.changed };
  }

  async page(ctx: TenantCtx, page: KeysetPage): Promise<StaffRow[]> {
    const { where, params } = listed(ctx);
    if (page.after) {
      params.push(page.after[0], page.after[1]);
      where.push(`(created_at, id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(page.size + 1);
    return ctx.uow.query<StaffRow>(
      `SELECT ${STAFF_COLUMNS} FROM policy_staff WHERE ${where.join(' AND ')} ORDER BY created_at, id LIMIT $${params.length}`,
      params,
    );
  }

  /** How many people are on the list: every page of `page` together. */
  async count(ctx: TenantCtx): Promise<number> {
    const { where, params } = listed(ctx);
    const [row] = await ctx.uow.query<{ n: number }>(`SELECT count(*)::int AS n FROM policy_staff WHERE ${where.join(' AND ')}`, params);
    return row.n;
  }

  /** Listed people among `ids` (all of them when `ids` is null), in list order. */
  async active(ctx: TenantCtx, ids: readonly string[] | null): Promise<StaffRow[]> {
    return ctx.uow.query<StaffRow>(
      `SELECT ${STAFF_COLUMNS} FROM policy_staff
        WHERE organization_id = $1 AND removed_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])) ORDER BY created_at, id`,
      [ctx.uow.organizationId, ids],
    );
  }

  async findActive(ctx: TenantCtx, id: string, lock = false): Promise<StaffRow | null> {
    const [row] = await ctx.uow.query<StaffRow>(
      `SELECT ${STAFF_COLUMNS} FROM policy_staff WHERE organization_id = $1 AND id = $2 AND removed_at IS NULL${lock ? ' FOR UPDATE' : ''}`,
      [ctx.uow.organizationId, id],
    );
    return row ?? null;
  }

  /** Takes the person off the list (their acknowledgements stay on record); false when not listed. */
  async remove(ctx: TenantCtx, id: string): Promise<StaffRow | null> {
    const [row] = await ctx.uow.query<StaffRow>(
      `WITH removed AS (
         UPDATE policy_staff SET removed_at = now(), removed_by = $3, updated_at = now()
          WHERE organization_id = $1 AND id = $2 AND removed_at IS NULL RETURNING *)
       SELECT ${STAFF_COLUMNS} FROM removed`,
      [ctx.uow.organizationId, id, userIdOf(ctx.actor)],
    );
    return row ?? null;
  }
}
