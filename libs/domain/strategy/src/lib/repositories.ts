import { Injectable } from '@nestjs/common';
import type { OrganizationUnitOfWork } from '@socle/platform-database';
import type { KeysetPage } from '@socle/platform-graphql';
import type { TaskForceRole } from './task-force/roles';
import type { RoadmapStepStatus } from './roadmap/roadmap-steps';

/** Who acts in which organisation: a request's OrganizationContext is one. The tenant is the unit of work's own. */
export interface StrategyCtx {
  readonly uow: OrganizationUnitOfWork;
  /** Read from the unit of work (its type cannot be given any other way). */
  readonly organizationId: OrganizationUnitOfWork['organizationId'];
}

export interface ObjectiveRecord {
  id: string;
  kind: 'BUSINESS' | 'BRAND';
  title: string;
  description: string;
  metric: string;
  baseline: number;
  target: number;
  unit: string | null;
  deadline: string;
  createdAt: Date;
  updatedAt: Date;
}
export interface KpiRecord {
  id: string;
  objectiveId: string;
  name: string;
  metric: string;
  unit: string | null;
  target: number;
  frequency: string;
  /** Absent or null: not measured. */
  measure?: string | null;
  createdAt: Date;
  updatedAt: Date;
}
export interface SegmentRecord {
  id: string;
  name: string;
  description: string;
  needs: string;
  usages: string[];
  createdAt: Date;
  updatedAt: Date;
}
export interface NetworkPlanRecord {
  id: string;
  network: string;
  segments: SegmentRecord[];
  rationale: string;
  postsPerWeek: number;
  reservedHandle: string | null;
  createdAt: Date;
  updatedAt: Date;
}
export interface CompetitorRecord {
  id: string;
  name: string;
  handles: { network: string; handle: string }[];
  notes: string;
  createdAt: Date;
  updatedAt: Date;
}
export interface TaskForceMemberRecord {
  id: string;
  role: TaskForceRole;
  userId: string | null;
  name: string;
  externalContact: string | null;
  /** The department the person comes from (absent in records built before it existed). */
  department?: string | null;
  createdAt: Date;
}
export interface RitualRecord {
  id: string;
  kind: string;
  title: string | null;
  cadence: 'WEEKLY' | 'MONTHLY';
  weekday: number | null;
  dayOfMonth: number | null;
  time: string;
  timezone: string;
  createdAt: Date;
  updatedAt: Date;
}
export interface RoadmapStatusRecord {
  step: number;
  status: RoadmapStepStatus;
  note: string;
  updatedAt: Date;
}

const OBJECTIVE = `id, kind, title, description, metric, baseline, target, unit, to_char(deadline, 'YYYY-MM-DD') AS deadline,
  created_at AS "createdAt", updated_at AS "updatedAt"`;
const KPI = `id, objective_id AS "objectiveId", name, metric, unit, target, frequency, measure, created_at AS "createdAt", updated_at AS "updatedAt"`;
const SEGMENT = `id, name, description, needs, usages, created_at AS "createdAt", updated_at AS "updatedAt"`;
const PLAN = `p.id, p.network, p.rationale, p.posts_per_week AS "postsPerWeek", p.reserved_handle AS "reservedHandle",
  p.created_at AS "createdAt", p.updated_at AS "updatedAt",
  coalesce((SELECT json_agg(json_build_object('id', s.id, 'name', s.name, 'description', s.description, 'needs', s.needs, 'usages', s.usages,
      'createdAt', s.created_at, 'updatedAt', s.updated_at) ORDER BY s.created_at, s.id)
    FROM network_plan_segments ps JOIN audience_segments s ON s.organization_id = ps.organization_id AND s.id = ps.segment_id
   WHERE ps.organization_id = p.organization_id AND ps.network_plan_id = p.id), '[]') AS segments`;
const COMPETITOR = `id, name, handles, notes, created_at AS "createdAt", updated_at AS "updatedAt"`;
const MEMBER = `t.id, t.role, t.user_id AS "userId", coalesce(u.display_name, t.external_name) AS name, t.external_contact AS "externalContact",
  t.department, t.created_at AS "createdAt"`;
const MEMBER_FROM = 'task_force_members t LEFT JOIN users u ON u.id = t.user_id';
const RITUAL = `id, kind, title, cadence, weekday, day_of_month AS "dayOfMonth", to_char(time_of_day, 'HH24:MI') AS time, timezone,
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** How many rows the whole-document reads take at most (a strategy is a few dozen rows; this bounds a runaway). */
export const DOCUMENT_LIMIT = 500;

function fixSegments(plan: NetworkPlanRecord): NetworkPlanRecord {
  return { ...plan, segments: plan.segments.map((s) => ({ ...s, createdAt: new Date(s.createdAt), updatedAt: new Date(s.updatedAt) })) };
}

/** The organisation's rows of one table (`alias` is empty or ends with a dot): the conditions of a page, without its cursor. */
function tenantRows(ctx: StrategyCtx, alias: string): { where: string[]; params: unknown[] } {
  return { where: [`${alias}organization_id = $1`], params: [ctx.uow.organizationId] };
}

/** A keyset page over one table, ordered by (created_at, id). */
async function page<T>(ctx: StrategyCtx, select: string, from: string, alias: string, keyset: KeysetPage): Promise<T[]> {
  const { where, params } = tenantRows(ctx, alias);
  if (keyset.after) {
    params.push(keyset.after[0], keyset.after[1]);
    where.push(`(${alias}created_at, ${alias}id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(keyset.size + 1);
  return ctx.uow.query<T>(
    `SELECT ${select} FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${alias}created_at, ${alias}id LIMIT $${params.length}`,
    params,
  );
}

/** How many rows `page` lists over all its pages (`from` is the table alone: the joins of a page add or remove no row). */
async function count(ctx: StrategyCtx, from: string, alias: string): Promise<number> {
  const { where, params } = tenantRows(ctx, alias);
  const [row] = await ctx.uow.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${from} WHERE ${where.join(' AND ')}`, params);
  return row.n;
}

/** Every row of one table (bounded), in creation order: the whole-document reads. */
function all<T>(ctx: StrategyCtx, select: string, from: string, alias = ''): Promise<T[]> {
  return ctx.uow.query<T>(
    `SELECT ${select} FROM ${from} WHERE ${alias}organization_id = $1 ORDER BY ${alias}created_at, ${alias}id LIMIT ${DOCUMENT_LIMIT}`,
    [ctx.uow.organizationId],
  );
}

/** One row by id, or null. */
async function one<T>(ctx: StrategyCtx, select: string, from: string, id: string, alias = ''): Promise<T | null> {
  const [row] = await ctx.uow.query<T>(`SELECT ${select} FROM ${from} WHERE ${alias}organization_id = $1 AND ${alias}id = $2`, [
    ctx.uow.organizationId,
    id,
  ]);
  return row ?? null;
}

/** Updates one row by id from a patch of trusted column names; returns it as `select` reads it, or null. */
async function updateOne<T>(
  ctx: StrategyCtx,
  table: string,
  select: string,
  id: string,
  patch: Record<string, unknown>,
): Promise<T | null> {
  const set = setClause(patch, 3);
  const [row] = await ctx.uow.query<T>(
    `WITH u AS (UPDATE ${table} SET ${set.sql} WHERE organization_id = $1 AND id = $2 RETURNING *) SELECT ${select} FROM u`,
    [ctx.uow.organizationId, id, ...set.values],
  );
  return row ?? null;
}

function deleteOne(ctx: StrategyCtx, table: string, id: string): Promise<number> {
  return ctx.uow.execute(`DELETE FROM ${table} WHERE organization_id = $1 AND id = $2`, [ctx.uow.organizationId, id]);
}

/** Builds `SET a = $3, b = $4` from a patch whose keys are trusted column names. */
function setClause(patch: Record<string, unknown>, first: number): { sql: string; values: unknown[] } {
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
  return {
    sql: [...entries.map(([column], i) => `${column} = $${first + i}`), 'updated_at = now()'].join(', '),
    values: entries.map(([, v]) => v),
  };
}

/*
 * Writes that return rows wrap UPDATE … RETURNING in a CTE: the driver layer answers a bare UPDATE with
 * [rows, count] instead of the rows.
 */

/** The only place that queries the strategy tables; every statement names the unit of work's organisation (and RLS holds it too). */
@Injectable()
export class StrategyRepository {
  async organization(ctx: StrategyCtx): Promise<{ name: string; locale: string; timezone: string }> {
    const [row] = await ctx.uow.query<{ name: string; locale: string; timezone: string }>(
      'SELECT name, locale, timezone FROM organizations WHERE id = $1',
      [ctx.uow.organizationId],
    );
    return row ?? { name: '', locale: 'fr', timezone: 'Europe/Paris' };
  }

  // ------------------------------------------------------------------ objectives

  pageObjectives(ctx: StrategyCtx, keyset: KeysetPage): Promise<ObjectiveRecord[]> {
    return page(ctx, OBJECTIVE, 'objectives', '', keyset);
  }

  countObjectives(ctx: StrategyCtx): Promise<number> {
    return count(ctx, 'objectives', '');
  }

  allObjectives(ctx: StrategyCtx): Promise<ObjectiveRecord[]> {
    return all(ctx, OBJECTIVE, 'objectives');
  }

  findObjective(ctx: StrategyCtx, id: string): Promise<ObjectiveRecord | null> {
    return one(ctx, OBJECTIVE, 'objectives', id);
  }

  async insertObjective(ctx: StrategyCtx, o: Omit<ObjectiveRecord, 'id' | 'createdAt' | 'updatedAt'>): Promise<ObjectiveRecord> {
    const [row] = await ctx.uow.query<ObjectiveRecord>(
      `INSERT INTO objectives (organization_id, kind, title, description, metric, baseline, target, unit, deadline)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${OBJECTIVE}`,
      [ctx.uow.organizationId, o.kind, o.title, o.description, o.metric, o.baseline, o.target, o.unit, o.deadline],
    );
    return row;
  }

  updateObjective(
    ctx: StrategyCtx,
    id: string,
    patch: Partial<Record<'kind' | 'title' | 'description' | 'metric' | 'baseline' | 'target' | 'unit' | 'deadline', unknown>>,
  ): Promise<ObjectiveRecord | null> {
    return updateOne(ctx, 'objectives', OBJECTIVE, id, patch);
  }

  deleteObjective(ctx: StrategyCtx, id: string): Promise<number> {
    return deleteOne(ctx, 'objectives', id);
  }

  // ------------------------------------------------------------------ KPIs

  /** The KPIs of several objectives in one statement (the DataLoader's batch). */
  kpisOf(ctx: StrategyCtx, objectiveIds: readonly string[]): Promise<KpiRecord[]> {
    return ctx.uow.query(`SELECT ${KPI} FROM kpis WHERE organization_id = $1 AND objective_id = ANY($2::uuid[]) ORDER BY created_at, id`, [
      ctx.uow.organizationId,
      objectiveIds,
    ]);
  }

  findKpi(ctx: StrategyCtx, id: string): Promise<KpiRecord | null> {
    return one(ctx, KPI, 'kpis', id);
  }

  async insertKpi(ctx: StrategyCtx, k: Omit<KpiRecord, 'id' | 'createdAt' | 'updatedAt'>): Promise<KpiRecord> {
    const [row] = await ctx.uow.query<KpiRecord>(
      `INSERT INTO kpis (organization_id, objective_id, name, metric, unit, target, frequency, measure) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${KPI}`,
      [ctx.uow.organizationId, k.objectiveId, k.name, k.metric, k.unit, k.target, k.frequency, k.measure ?? null],
    );
    return row;
  }

  updateKpi(
    ctx: StrategyCtx,
    id: string,
    patch: Partial<Record<'name' | 'metric' | 'unit' | 'target' | 'frequency' | 'measure', unknown>>,
  ): Promise<KpiRecord | null> {
    return updateOne(ctx, 'kpis', KPI, id, patch);
  }

  deleteKpi(ctx: StrategyCtx, id: string): Promise<number> {
    return deleteOne(ctx, 'kpis', id);
  }

  // ------------------------------------------------------------------ audience segments

  pageSegments(ctx: StrategyCtx, keyset: KeysetPage): Promise<SegmentRecord[]> {
    return page(ctx, SEGMENT, 'audience_segments', '', keyset);
  }

  countSegments(ctx: StrategyCtx): Promise<number> {
    return count(ctx, 'audience_segments', '');
  }

  allSegments(ctx: StrategyCtx): Promise<SegmentRecord[]> {
    return all(ctx, SEGMENT, 'audience_segments');
  }

  findSegment(ctx: StrategyCtx, id: string): Promise<SegmentRecord | null> {
    return one(ctx, SEGMENT, 'audience_segments', id);
  }

  /** Which of these ids are segments of the organisation. */
  async existingSegmentIds(ctx: StrategyCtx, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await ctx.uow.query<{ id: string }>(
      'SELECT id FROM audience_segments WHERE organization_id = $1 AND id = ANY($2::uuid[])',
      [ctx.uow.organizationId, ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  async insertSegment(ctx: StrategyCtx, s: Pick<SegmentRecord, 'name' | 'description' | 'needs' | 'usages'>): Promise<SegmentRecord> {
    const [row] = await ctx.uow.query<SegmentRecord>(
      `INSERT INTO audience_segments (organization_id, name, description, needs, usages) VALUES ($1, $2, $3, $4, $5) RETURNING ${SEGMENT}`,
      [ctx.uow.organizationId, s.name, s.description, s.needs, s.usages],
    );
    return row;
  }

  updateSegment(
    ctx: StrategyCtx,
    id: string,
    patch: Partial<Record<'name' | 'description' | 'needs' | 'usages', unknown>>,
  ): Promise<SegmentRecord | null> {
    return updateOne(ctx, 'audience_segments', SEGMENT, id, patch);
  }

  deleteSegment(ctx: StrategyCtx, id: string): Promise<number> {
    return deleteOne(ctx, 'audience_segments', id);
  }

  // ------------------------------------------------------------------ network plans

  async pagePlans(ctx: StrategyCtx, keyset: KeysetPage): Promise<NetworkPlanRecord[]> {
    return (await page<NetworkPlanRecord>(ctx, PLAN, 'network_plans p', 'p.', keyset)).map(fixSegments);
  }

  countPlans(ctx: StrategyCtx): Promise<number> {
    return count(ctx, 'network_plans p', 'p.');
  }

  async allPlans(ctx: StrategyCtx): Promise<NetworkPlanRecord[]> {
    return (await all<NetworkPlanRecord>(ctx, PLAN, 'network_plans p', 'p.')).map(fixSegments);
  }

  async findPlan(ctx: StrategyCtx, id: string): Promise<NetworkPlanRecord | null> {
    const row = await one<NetworkPlanRecord>(ctx, PLAN, 'network_plans p', id, 'p.');
    return row ? fixSegments(row) : null;
  }

  async insertPlan(
    ctx: StrategyCtx,
    p: { network: string; rationale: string; postsPerWeek: number; reservedHandle: string | null },
  ): Promise<string> {
    const [row] = await ctx.uow.query<{ id: string }>(
      `INSERT INTO network_plans (organization_id, network, rationale, posts_per_week, reserved_handle) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [ctx.uow.organizationId, p.network, p.rationale, p.postsPerWeek, p.reservedHandle],
    );
    return row.id;
  }

  async updatePlan(
    ctx: StrategyCtx,
    id: string,
    patch: Partial<Record<'rationale' | 'posts_per_week' | 'reserved_handle', unknown>>,
  ): Promise<boolean> {
    const set = setClause(patch, 3);
    return (
      (await ctx.uow.execute(`UPDATE network_plans SET ${set.sql} WHERE organization_id = $1 AND id = $2`, [
        ctx.uow.organizationId,
        id,
        ...set.values,
      ])) > 0
    );
  }

  /** Replaces the plan's segments in one statement (the rows removed and the rows added never overlap). */
  async setPlanSegments(ctx: StrategyCtx, planId: string, segmentIds: readonly string[]): Promise<void> {
    await ctx.uow.query(
      `WITH gone AS (DELETE FROM network_plan_segments WHERE organization_id = $1 AND network_plan_id = $2 AND NOT (segment_id = ANY($3::uuid[])))
       INSERT INTO network_plan_segments (organization_id, network_plan_id, segment_id)
       SELECT $1, $2, s FROM unnest($3::uuid[]) AS s ON CONFLICT DO NOTHING`,
      [ctx.uow.organizationId, planId, [...new Set(segmentIds)]],
    );
  }

  deletePlan(ctx: StrategyCtx, id: string): Promise<number> {
    return deleteOne(ctx, 'network_plans', id);
  }

  // ------------------------------------------------------------------ competitors

  pageCompetitors(ctx: StrategyCtx, keyset: KeysetPage): Promise<CompetitorRecord[]> {
    return page(ctx, COMPETITOR, 'competitors', '', keyset);
  }

  countCompetitors(ctx: StrategyCtx): Promise<number> {
    return count(ctx, 'competitors', '');
  }

  allCompetitors(ctx: StrategyCtx): Promise<CompetitorRecord[]> {
    return all(ctx, COMPETITOR, 'competitors');
  }

  findCompetitor(ctx: StrategyCtx, id: string): Promise<CompetitorRecord | null> {
    return one(ctx, COMPETITOR, 'competitors', id);
  }

  async insertCompetitor(ctx: StrategyCtx, c: Pick<CompetitorRecord, 'name' | 'handles' | 'notes'>): Promise<CompetitorRecord> {
    const [row] = await ctx.uow.query<CompetitorRecord>(
      `INSERT INTO competitors (organization_id, name, handles, notes) VALUES ($1, $2, $3::jsonb, $4) RETURNING ${COMPETITOR}`,
      [ctx.uow.organizationId, c.name, JSON.stringify(c.handles), c.notes],
    );
    return row;
  }

  updateCompetitor(
    ctx: StrategyCtx,
    id: string,
    patch: { name?: string; handles?: { network: string; handle: string }[]; notes?: string },
  ): Promise<CompetitorRecord | null> {
    return updateOne(ctx, 'competitors', COMPETITOR, id, {
      name: patch.name,
      handles: patch.handles === undefined ? undefined : JSON.stringify(patch.handles),
      notes: patch.notes,
    });
  }

  deleteCompetitor(ctx: StrategyCtx, id: string): Promise<number> {
    return deleteOne(ctx, 'competitors', id);
  }

  // ------------------------------------------------------------------ brand voice

  async upsertBrandVoice(
    ctx: StrategyCtx,
    v: { tone: string; wordsToUse: string[]; wordsToAvoid: string[]; addressForm: string | null },
  ): Promise<void> {
    await ctx.uow.execute(
      `INSERT INTO brand_voices (organization_id, tone, words_to_use, words_to_avoid, address_form, updated_at) VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (organization_id) DO UPDATE SET tone = EXCLUDED.tone, words_to_use = EXCLUDED.words_to_use,
         words_to_avoid = EXCLUDED.words_to_avoid, address_form = EXCLUDED.address_form, updated_at = now()`,
      [ctx.uow.organizationId, v.tone, v.wordsToUse, v.wordsToAvoid, v.addressForm],
    );
  }

  // ------------------------------------------------------------------ task force

  pageTaskForce(ctx: StrategyCtx, keyset: KeysetPage): Promise<TaskForceMemberRecord[]> {
    return page(ctx, MEMBER, MEMBER_FROM, 't.', keyset);
  }

  /** The left join on users of `pageTaskForce` adds or removes no row: the table alone is counted. */
  countTaskForce(ctx: StrategyCtx): Promise<number> {
    return count(ctx, 'task_force_members t', 't.');
  }

  allTaskForce(ctx: StrategyCtx): Promise<TaskForceMemberRecord[]> {
    return ctx.uow.query(
      `SELECT ${MEMBER} FROM ${MEMBER_FROM} WHERE t.organization_id = $1 ORDER BY t.created_at, t.id LIMIT ${DOCUMENT_LIMIT}`,
      [ctx.uow.organizationId],
    );
  }

  async findTaskForceMember(ctx: StrategyCtx, id: string): Promise<TaskForceMemberRecord | null> {
    const [row] = await ctx.uow.query<TaskForceMemberRecord>(
      `SELECT ${MEMBER} FROM ${MEMBER_FROM} WHERE t.organization_id = $1 AND t.id = $2`,
      [ctx.uow.organizationId, id],
    );
    return row ?? null;
  }

  async isOrganizationMember(ctx: StrategyCtx, userId: string): Promise<boolean> {
    const rows = await ctx.uow.query('SELECT 1 FROM organization_memberships WHERE organization_id = $1 AND user_id = $2', [
      ctx.uow.organizationId,
      userId,
    ]);
    return rows.length > 0;
  }

  async insertTaskForceMember(
    ctx: StrategyCtx,
    m: { role: string; userId: string | null; externalName: string | null; externalContact: string | null; department?: string | null },
  ): Promise<string> {
    const [row] = await ctx.uow.query<{ id: string }>(
      `INSERT INTO task_force_members (organization_id, role, user_id, external_name, external_contact, department)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [ctx.uow.organizationId, m.role, m.userId, m.externalName, m.externalContact, m.department ?? null],
    );
    return row.id;
  }

  deleteTaskForceMember(ctx: StrategyCtx, id: string): Promise<number> {
    return ctx.uow.execute('DELETE FROM task_force_members WHERE organization_id = $1 AND id = $2', [ctx.uow.organizationId, id]);
  }

  // ------------------------------------------------------------------ rituals

  pageRituals(ctx: StrategyCtx, keyset: KeysetPage): Promise<RitualRecord[]> {
    return page(ctx, RITUAL, 'rituals', '', keyset);
  }

  countRituals(ctx: StrategyCtx): Promise<number> {
    return count(ctx, 'rituals', '');
  }

  allRituals(ctx: StrategyCtx): Promise<RitualRecord[]> {
    return ctx.uow.query(`SELECT ${RITUAL} FROM rituals WHERE organization_id = $1 ORDER BY created_at, id LIMIT ${DOCUMENT_LIMIT}`, [
      ctx.uow.organizationId,
    ]);
  }

  findRitual(ctx: StrategyCtx, id: string): Promise<RitualRecord | null> {
    return one(ctx, RITUAL, 'rituals', id);
  }

  async weeklyMeeting(ctx: StrategyCtx): Promise<RitualRecord | null> {
    const [row] = await ctx.uow.query<RitualRecord>(
      `SELECT ${RITUAL} FROM rituals WHERE organization_id = $1 AND kind = 'WEEKLY_MEETING'`,
      [ctx.uow.organizationId],
    );
    return row ?? null;
  }

  async insertRitual(ctx: StrategyCtx, r: Omit<RitualRecord, 'id' | 'createdAt' | 'updatedAt'>): Promise<RitualRecord> {
    const [row] = await ctx.uow.query<RitualRecord>(
      `INSERT INTO rituals (organization_id, kind, title, cadence, weekday, day_of_month, time_of_day, timezone)
       VALUES ($1, $2, $3, $4, $5, $6, $7::time, $8) RETURNING ${RITUAL}`,
      [ctx.uow.organizationId, r.kind, r.title, r.cadence, r.weekday, r.dayOfMonth, r.time, r.timezone],
    );
    return row;
  }

  async updateRitual(
    ctx: StrategyCtx,
    id: string,
    r: Omit<RitualRecord, 'id' | 'kind' | 'createdAt' | 'updatedAt'>,
  ): Promise<RitualRecord | null> {
    const [row] = await ctx.uow.query<RitualRecord>(
      `WITH u AS (UPDATE rituals SET title = $3, cadence = $4, weekday = $5, day_of_month = $6, time_of_day = $7::time, timezone = $8, updated_at = now()
        WHERE organization_id = $1 AND id = $2 RETURNING *) SELECT ${RITUAL} FROM u`,
      [ctx.uow.organizationId, id, r.title, r.cadence, r.weekday, r.dayOfMonth, r.time, r.timezone],
    );
    return row ?? null;
  }

  deleteRitual(ctx: StrategyCtx, id: string): Promise<number> {
    return deleteOne(ctx, 'rituals', id);
  }

  // ------------------------------------------------------------------ roadmap

  roadmapStatuses(ctx: StrategyCtx): Promise<RoadmapStatusRecord[]> {
    return ctx.uow.query(`SELECT step, status, note, updated_at AS "updatedAt" FROM roadmap_step_statuses WHERE organization_id = $1`, [
      ctx.uow.organizationId,
    ]);
  }

  async setRoadmapStatus(
    ctx: StrategyCtx,
    s: { step: number; status: RoadmapStepStatus; note: string; updatedBy: string | null },
  ): Promise<void> {
    await ctx.uow.execute(
      `INSERT INTO roadmap_step_statuses (organization_id, step, status, note, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (organization_id, step) DO UPDATE SET status = EXCLUDED.status, note = EXCLUDED.note, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [ctx.uow.organizationId, s.step, s.status, s.note, s.updatedBy],
    );
  }
}
