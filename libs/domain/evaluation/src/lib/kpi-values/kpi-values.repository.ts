import { Injectable } from '@nestjs/common';
import type { OrganizationUnitOfWork } from '@socle/platform-database';

export interface KpiValuesCtx {
  readonly uow: OrganizationUnitOfWork;
}

export type KpiValueSource = 'MANUAL' | 'CSV_IMPORT' | 'CONNECTOR';

/** One recorded value, and whether it is the current one of its date (the newest recorded for it). */
export interface KpiValueRow {
  id: string;
  kpiId: string;
  /** YYYY-MM-DD. */
  measuredAt: string;
  value: number;
  source: KpiValueSource;
  note: string | null;
  enteredBy: string | null;
  importId: string | null;
  createdAt: Date;
  current: boolean;
}

export interface NewKpiValue {
  kpiId: string;
  measuredAt: string;
  value: string;
  note: string | null;
}

/** Keyset position in a KPI's history: date, then recording time, then id, all descending. */
export interface KpiValueKey {
  measuredAt: string;
  createdAt: Date;
  id: string;
}

/** A KPI's values of the organisation between two dates (included), with $1 to $4: the condition of their pages and of their count. */
function historyFilter(
  ctx: KpiValuesCtx,
  kpiId: string,
  range: { from: string | null; to: string | null },
): { where: string; params: [string, string, string | null, string | null] } {
  return {
    where: `v.organization_id = $1 AND v.kpi_id = $2
          AND ($3::date IS NULL OR v.measured_at >= $3::date) AND ($4::date IS NULL OR v.measured_at <= $4::date)`,
    params: [ctx.uow.organizationId, kpiId, range.from, range.to],
  };
}

interface Row {
  id: string;
  kpi_id: string;
  measured_at: string;
  value: string;
  source: KpiValueSource;
  note: string | null;
  entered_by: string | null;
  import_id: string | null;
  created_at: Date;
  current: boolean;
}

const toValue = (r: Row): KpiValueRow => ({
  id: r.id,
  kpiId: r.kpi_id,
  measuredAt: r.measured_at,
  value: Number(r.value),
  source: r.source,
  note: r.note,
  enteredBy: r.entered_by,
  importId: r.import_id,
  createdAt: r.created_at,
  current: r.current,
});

const COLUMNS = `v.id, v.kpi_id, to_char(v.measured_at, 'YYYY-MM-DD') AS measured_at, v.value::text AS value, v.source, v.note, v.entered_by,
  v.import_id, v.created_at,
  NOT EXISTS (SELECT 1 FROM kpi_values n WHERE n.organization_id = v.organization_id AND n.kpi_id = v.kpi_id AND n.measured_at = v.measured_at
                AND (n.created_at, n.id) > (v.created_at, v.id)) AS current`;

/** The KPI values table, always inside the caller's organisation (and its row-level security underneath). */
@Injectable()
export class KpiValuesRepository {
  /** The ids among `ids` that are KPIs of the organisation. */
  async existingKpis(ctx: KpiValuesCtx, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await ctx.uow.query<{ id: string }>('SELECT id FROM kpis WHERE organization_id = $1 AND id = ANY($2::uuid[])', [
      ctx.uow.organizationId,
      [...ids],
    ]);
    return new Set(rows.map((r) => r.id));
  }

  /** Inserts the values in one statement (all or nothing) and returns them in the order given (one value per KPI and date). */
  async insert(
    ctx: KpiValuesCtx,
    values: readonly NewKpiValue[],
    source: KpiValueSource,
    enteredBy: string | null,
    importId: string | null,
  ): Promise<KpiValueRow[]> {
    if (values.length === 0) return [];
    const rows = await ctx.uow.query<Row & { n: string }>(
      `WITH inserted AS (
         INSERT INTO kpi_values (organization_id, kpi_id, measured_at, value, source, note, entered_by, import_id)
         SELECT $1, x.kpi_id, x.measured_at, x.value, $6, x.note, $7, $8
           FROM unnest($2::uuid[], $3::date[], $4::numeric[], $5::text[]) WITH ORDINALITY AS x (kpi_id, measured_at, value, note, n)
          ORDER BY x.n
         RETURNING *)
       SELECT v.id, v.kpi_id, to_char(v.measured_at, 'YYYY-MM-DD') AS measured_at, v.value::text AS value, v.source, v.note, v.entered_by,
              v.import_id, v.created_at, true AS current
         FROM inserted v`,
      [
        ctx.uow.organizationId,
        values.map((v) => v.kpiId),
        values.map((v) => v.measuredAt),
        values.map((v) => v.value),
        values.map((v) => v.note),
        source,
        enteredBy,
        importId,
      ],
    );
    // RETURNING gives no order: put the rows back in the order of the input.
    const byKey = new Map(rows.map((r) => [`${r.kpi_id}|${r.measured_at}`, r]));
    return values.map((v) => {
      const row = byKey.get(`${v.kpiId}|${v.measuredAt}`);
      return toValue(row as Row);
    });
  }

  /** A KPI's recorded values between two dates (included), newest date first, after a keyset position. */
  async page(
    ctx: KpiValuesCtx,
    kpiId: string,
    range: { from: string | null; to: string | null },
    after: KpiValueKey | null,
    limit: number,
  ): Promise<KpiValueRow[]> {
    const { where, params } = historyFilter(ctx, kpiId, range);
    const rows = await ctx.uow.query<Row>(
      `SELECT ${COLUMNS} FROM kpi_values v
        WHERE ${where}
          AND ($5::date IS NULL OR (v.measured_at, v.created_at, v.id) < ($5::date, $6::timestamptz, $7::uuid))
        ORDER BY v.measured_at DESC, v.created_at DESC, v.id DESC LIMIT $8`,
      [...params, after?.measuredAt ?? null, after?.createdAt ?? null, after?.id ?? null, limit],
    );
    return rows.map(toValue);
  }

  /** How many values were recorded for a KPI between two dates (included), corrections too: every page of `page` together. */
  async count(ctx: KpiValuesCtx, kpiId: string, range: { from: string | null; to: string | null }): Promise<number> {
    const { where, params } = historyFilter(ctx, kpiId, range);
    const [row] = await ctx.uow.query<{ n: number }>(`SELECT count(*)::int AS n FROM kpi_values v WHERE ${where}`, params);
    return row?.n ?? 0;
  }

  /**
   * Per period, the current value of the latest date inside it that has one
   * (null when none): what people recorded for a KPI, period by period.
   */
  async perPeriod(ctx: KpiValuesCtx, kpiId: string, periods: readonly { start: Date; end: Date }[]): Promise<(number | null)[]> {
    if (periods.length === 0) return [];
    // The days a period touches: from the day of its start to the day before its end's (or its end's own day when it ends within it).
    const DAY = 86_400_000;
    const firstDays = periods.map((p) => new Date(Math.floor(p.start.getTime() / DAY) * DAY).toISOString().slice(0, 10));
    const endDays = periods.map((p) => new Date(Math.ceil(p.end.getTime() / DAY) * DAY).toISOString().slice(0, 10));
    const rows = await ctx.uow.query<{ value: string | null }>(
      `SELECT (SELECT v.value::text FROM kpi_values v
                WHERE v.organization_id = $1 AND v.kpi_id = $2 AND v.measured_at >= p.s AND v.measured_at < p.e
                ORDER BY v.measured_at DESC, v.created_at DESC, v.id DESC LIMIT 1) AS value
         FROM unnest($3::date[], $4::date[]) WITH ORDINALITY AS p (s, e, n)
        ORDER BY p.n`,
      [ctx.uow.organizationId, kpiId, firstDays, endDays],
    );
    return rows.map((r) => (r.value === null ? null : Number(r.value)));
  }

  /** Whether any value was ever recorded for the KPI. */
  async any(ctx: KpiValuesCtx, kpiId: string): Promise<boolean> {
    const rows = await ctx.uow.query('SELECT 1 FROM kpi_values WHERE organization_id = $1 AND kpi_id = $2 LIMIT 1', [
      ctx.uow.organizationId,
      kpiId,
    ]);
    return rows.length > 0;
  }
}
