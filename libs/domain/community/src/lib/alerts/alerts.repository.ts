import { Injectable } from '@nestjs/common';
import type { UnitOfWork } from '@socle/platform-database';
import type { KeysetPage } from '@socle/platform-graphql';
import { LiveEvents } from '@socle/platform-queue';
import type { MentionEntity } from '../listening/listening.entities';
import { MENTION_COLUMNS, MentionDbRow, toMentionEntity } from '../listening/mention-row';
import type { TenantCtx } from '../repositories';
import { ALERT_MENTIONS_CAP, Alert, AlertKind, AlertSettings, AlertStatus, SpikeMeasure } from './alerts.types';
import { DEFAULT_SPIKE_SETTINGS, type AlertSensitivity, type SpikeSettings } from './spike-rule';

const ALERT_COLUMNS = `a.id, a.kind, a.status, a.window_start, a.window_end, a.observed_count, a.baseline_mean, a.baseline_stddev, a.baseline_days,
  a.threshold, a.ratio, a.sensitivity, a.detections, a.last_detected_at, a.acknowledged_by, a.acknowledged_at, a.resolved_by, a.resolved_at,
  a.note, a.publishing_paused_by, a.publishing_paused_at, a.created_at, a.updated_at,
  (SELECT count(*)::int FROM alert_mentions x WHERE x.organization_id = a.organization_id AND x.alert_id = a.id) AS mention_count`;

interface AlertRow {
  id: string;
  kind: AlertKind;
  status: AlertStatus;
  window_start: Date;
  window_end: Date;
  observed_count: number;
  baseline_mean: number;
  baseline_stddev: number;
  baseline_days: number;
  threshold: number;
  ratio: number;
  sensitivity: AlertSensitivity;
  detections: number;
  last_detected_at: Date;
  acknowledged_by: string | null;
  acknowledged_at: Date | null;
  resolved_by: string | null;
  resolved_at: Date | null;
  note: string | null;
  publishing_paused_by: string | null;
  publishing_paused_at: Date | null;
  created_at: Date;
  updated_at: Date;
  mention_count: number;
}

/** What the list of alerts is filtered on. */
export interface AlertFilter {
  status?: AlertStatus;
  kind?: AlertKind;
}

/**
 * The conditions of a filter on `alerts a` ($1 is the organisation), shared by
 * a page and the count of the whole list so both keep the same alerts.
 */
function alertFilter(ctx: TenantCtx, filter: AlertFilter): { where: string[]; params: unknown[] } {
  const params: unknown[] = [ctx.uow.organizationId];
  const where = ['a.organization_id = $1'];
  if (filter.status) where.push(`a.status = $${params.push(filter.status)}`);
  if (filter.kind) where.push(`a.kind = $${params.push(filter.kind)}`);
  return { where, params };
}

const toAlert = (r: AlertRow): Alert => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  windowStart: r.window_start,
  windowEnd: r.window_end,
  observedCount: r.observed_count,
  baselineMean: r.baseline_mean,
  baselineStddev: r.baseline_stddev,
  baselineDays: r.baseline_days,
  threshold: r.threshold,
  ratio: r.ratio,
  sensitivity: r.sensitivity,
  detections: r.detections,
  lastDetectedAt: r.last_detected_at,
  mentionCount: r.mention_count,
  acknowledgedBy: r.acknowledged_by,
  acknowledgedAt: r.acknowledged_at,
  resolvedBy: r.resolved_by,
  resolvedAt: r.resolved_at,
  note: r.note,
  publishingPausedBy: r.publishing_paused_by,
  publishingPausedAt: r.publishing_paused_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The ranking of an alert's mentions: the most reached (a mention's own reach, else its author's), then the newest. */
const MENTION_RANK = 'coalesce(m.reach, m.author_reach) DESC NULLS LAST, m.published_at DESC, m.id DESC';

/** The live events' topic of alerts (`alertChanged`). */
export const ALERT_TOPIC = 'alert';

/** Why an alert's event was sent: raised, measured again while unresolved, or moved in its workflow. */
export type AlertChange = 'RAISED' | 'UPDATED' | 'STATUS_CHANGED';

/**
 * The only place that queries the alert tables; always inside the caller's
 * tenant (the reconciler's function aside). Alerts raised, measured again or
 * moved are announced to live subscribers once their transaction commits.
 */
@Injectable()
export class AlertsRepository {
  constructor(private readonly live: LiveEvents) {}

  private announce(ctx: TenantCtx, change: AlertChange, alert: Pick<Alert, 'id' | 'kind' | 'status'> & { observedCount?: number }): void {
    this.live.afterCommit(ctx.uow, [
      {
        topic: ALERT_TOPIC,
        organizationId: ctx.uow.organizationId,
        id: alert.id,
        change,
        fields: { kind: alert.kind, status: alert.status, observedCount: alert.observedCount ?? null },
      },
    ]);
  }

  // ------------------------------------------------------------------ settings

  async settings(ctx: TenantCtx): Promise<AlertSettings> {
    const [row] = await ctx.uow.query<{
      enabled: boolean;
      sensitivity: AlertSensitivity;
      min_count: number;
      window_minutes: number;
      baseline_days: number;
      last_evaluated_at: Date | null;
      updated_by: string | null;
      updated_at: Date;
    }>(
      `SELECT enabled, sensitivity, min_count, window_minutes, baseline_days, last_evaluated_at, updated_by, updated_at
         FROM alert_settings WHERE organization_id = $1`,
      [ctx.uow.organizationId],
    );
    if (!row) return { enabled: true, ...DEFAULT_SPIKE_SETTINGS, lastEvaluatedAt: null, updatedBy: null, updatedAt: null };
    return {
      enabled: row.enabled,
      sensitivity: row.sensitivity,
      minCount: row.min_count,
      windowMinutes: row.window_minutes,
      baselineDays: row.baseline_days,
      lastEvaluatedAt: row.last_evaluated_at,
      updatedBy: row.updated_by,
      updatedAt: row.updated_at,
    };
  }

  async saveSettings(ctx: TenantCtx, settings: SpikeSettings & { enabled: boolean }, by: string | null): Promise<void> {
    await ctx.uow.execute(
      `INSERT INTO alert_settings (organization_id, enabled, sensitivity, min_count, window_minutes, baseline_days, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())
       ON CONFLICT (organization_id) DO UPDATE SET enabled = EXCLUDED.enabled, sensitivity = EXCLUDED.sensitivity, min_count = EXCLUDED.min_count,
         window_minutes = EXCLUDED.window_minutes, baseline_days = EXCLUDED.baseline_days, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [
        ctx.uow.organizationId,
        settings.enabled,
        settings.sensitivity,
        settings.minCount,
        settings.windowMinutes,
        settings.baselineDays,
        by,
      ],
    );
  }

  /** Records when the evaluator read (the reconciler then waits for negative mentions stored after it). */
  async markEvaluated(ctx: TenantCtx, at: Date): Promise<void> {
    await ctx.uow.execute(
      `INSERT INTO alert_settings (organization_id, last_evaluated_at) VALUES ($1, $2)
       ON CONFLICT (organization_id) DO UPDATE SET last_evaluated_at = greatest(alert_settings.last_evaluated_at, EXCLUDED.last_evaluated_at)`,
      [ctx.uow.organizationId, at],
    );
  }

  // ------------------------------------------------------------------ detection

  /** Negative mentions published in each window (one count per window, in the order given; zero when none). */
  async negativeCounts(ctx: TenantCtx, windows: readonly { start: Date; end: Date }[]): Promise<number[]> {
    if (windows.length === 0) return [];
    const rows = await ctx.uow.query<{ n: number }>(
      `SELECT (SELECT count(*)::int FROM mentions m
                WHERE m.organization_id = $1 AND m.sentiment_label = 'NEGATIVE' AND m.published_at >= w.s AND m.published_at < w.e) AS n
         FROM unnest($2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS w(s, e, i) ORDER BY w.i`,
      [ctx.uow.organizationId, windows.map((w) => w.start.toISOString()), windows.map((w) => w.end.toISOString())],
    );
    return rows.map((r) => r.n);
  }

  /** When the last alert of the kind was resolved (null when none was). */
  async lastResolvedAt(ctx: TenantCtx, kind: AlertKind): Promise<Date | null> {
    const [row] = await ctx.uow.query<{ at: Date | null }>(
      "SELECT max(resolved_at) AS at FROM alerts WHERE organization_id = $1 AND kind = $2 AND status = 'RESOLVED'",
      [ctx.uow.organizationId, kind],
    );
    return row?.at ?? null;
  }

  /**
   * Raises the alert, or writes onto the unresolved one of the kind (the
   * partial unique index: of two evaluators at once, the second waits for the
   * first and updates its row). The stronger measure is kept; the row stays
   * locked until the transaction ends. `raised` is true for a new row.
   */
  async raiseOrUpdate(ctx: TenantCtx, kind: AlertKind, m: SpikeMeasure): Promise<{ alert: Alert; raised: boolean }> {
    const [row] = await ctx.uow.query<{ id: string; raised: boolean }>(
      `INSERT INTO alerts AS a (organization_id, kind, window_start, window_end, observed_count, baseline_mean, baseline_stddev, baseline_days,
         threshold, ratio, sensitivity)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (organization_id, kind) WHERE status IN ('OPEN', 'ACKNOWLEDGED') DO UPDATE SET
         detections = a.detections + 1, last_detected_at = now(), updated_at = now(),
         window_start = CASE WHEN EXCLUDED.observed_count >= a.observed_count THEN EXCLUDED.window_start ELSE a.window_start END,
         window_end = CASE WHEN EXCLUDED.observed_count >= a.observed_count THEN EXCLUDED.window_end ELSE a.window_end END,
         baseline_mean = CASE WHEN EXCLUDED.observed_count >= a.observed_count THEN EXCLUDED.baseline_mean ELSE a.baseline_mean END,
         baseline_stddev = CASE WHEN EXCLUDED.observed_count >= a.observed_count THEN EXCLUDED.baseline_stddev ELSE a.baseline_stddev END,
         baseline_days = CASE WHEN EXCLUDED.observed_count >= a.observed_count THEN EXCLUDED.baseline_days ELSE a.baseline_days END,
         threshold = CASE WHEN EXCLUDED.observed_count >= a.observed_count THEN EXCLUDED.threshold ELSE a.threshold END,
         ratio = CASE WHEN EXCLUDED.observed_count >= a.observed_count THEN EXCLUDED.ratio ELSE a.ratio END,
         sensitivity = CASE WHEN EXCLUDED.observed_count >= a.observed_count THEN EXCLUDED.sensitivity ELSE a.sensitivity END,
         observed_count = greatest(a.observed_count, EXCLUDED.observed_count)
       RETURNING a.id, (xmax = 0) AS raised`,
      [
        ctx.uow.organizationId,
        kind,
        m.windowStart,
        m.windowEnd,
        m.observedCount,
        m.baselineMean,
        m.baselineStddev,
        m.baselineDays,
        m.threshold,
        m.ratio,
        m.sensitivity,
      ],
    );
    const alert = (await this.find(ctx, row.id)) as Alert;
    this.announce(ctx, row.raised ? 'RAISED' : 'UPDATED', alert);
    return { alert, raised: row.raised };
  }

  /**
   * Links the window's negative mentions to the alert and keeps the
   * ALERT_MENTIONS_CAP strongest (most reached, then newest). Called while the
   * alert row is locked (after `raiseOrUpdate`), so concurrent evaluators add in turn.
   */
  async linkMentions(ctx: TenantCtx, alertId: string, window: { start: Date; end: Date }): Promise<void> {
    await ctx.uow.execute(
      `INSERT INTO alert_mentions (organization_id, alert_id, mention_id, reach, published_at)
       SELECT m.organization_id, $2, m.id, coalesce(m.reach, m.author_reach), m.published_at FROM mentions m
        WHERE m.organization_id = $1 AND m.sentiment_label = 'NEGATIVE' AND m.published_at >= $3 AND m.published_at < $4
        ORDER BY ${MENTION_RANK} LIMIT $5
       ON CONFLICT DO NOTHING`,
      [ctx.uow.organizationId, alertId, window.start, window.end, ALERT_MENTIONS_CAP],
    );
    await ctx.uow.execute(
      `DELETE FROM alert_mentions x WHERE x.organization_id = $1 AND x.alert_id = $2 AND x.mention_id IN (
         SELECT y.mention_id FROM alert_mentions y WHERE y.organization_id = $1 AND y.alert_id = $2
          ORDER BY y.reach DESC NULLS LAST, y.published_at DESC, y.mention_id DESC OFFSET $3)`,
      [ctx.uow.organizationId, alertId, ALERT_MENTIONS_CAP],
    );
  }

  // ------------------------------------------------------------------ reading and workflow

  async page(ctx: TenantCtx, filter: AlertFilter, page: KeysetPage): Promise<Alert[]> {
    const { where, params } = alertFilter(ctx, filter);
    if (page.after)
      where.push(`(a.created_at, a.id) < ($${params.push(page.after[0])}::timestamptz, $${params.push(page.after[1])}::uuid)`);
    const limit = params.push(page.size + 1);
    const rows = await ctx.uow.query<AlertRow>(
      `SELECT ${ALERT_COLUMNS} FROM alerts a WHERE ${where.join(' AND ')} ORDER BY a.created_at DESC, a.id DESC LIMIT $${limit}`,
      params,
    );
    return rows.map(toAlert);
  }

  /** How many alerts the filter keeps, all pages together. */
  async count(ctx: TenantCtx, filter: AlertFilter): Promise<number> {
    const { where, params } = alertFilter(ctx, filter);
    const [row] = await ctx.uow.query<{ n: number }>(`SELECT count(*)::int AS n FROM alerts a WHERE ${where.join(' AND ')}`, params);
    return row.n;
  }

  async find(ctx: TenantCtx, id: string, lock = false): Promise<Alert | null> {
    const [row] = await ctx.uow.query<AlertRow>(
      `SELECT ${ALERT_COLUMNS} FROM alerts a WHERE a.organization_id = $1 AND a.id = $2${lock ? ' FOR UPDATE OF a' : ''}`,
      [ctx.uow.organizationId, id],
    );
    return row ? toAlert(row) : null;
  }

  /** The status move, applied only while the alert is still in `from` (of two concurrent moves the second gets null). */
  async transition(
    ctx: TenantCtx,
    id: string,
    from: AlertStatus,
    to: AlertStatus,
    by: string | null,
    note: string | null,
  ): Promise<boolean> {
    const changed = await ctx.uow.query<{ id: string; kind: AlertKind; status: AlertStatus }>(
      `WITH changed AS (UPDATE alerts SET status = $4, updated_at = now(), note = coalesce($6, note),
              acknowledged_by = CASE WHEN $4 = 'ACKNOWLEDGED' THEN $5::uuid ELSE acknowledged_by END,
              acknowledged_at = CASE WHEN $4 = 'ACKNOWLEDGED' THEN now() ELSE acknowledged_at END,
              resolved_by = CASE WHEN $4 = 'RESOLVED' THEN $5::uuid ELSE resolved_by END,
              resolved_at = CASE WHEN $4 = 'RESOLVED' THEN now() ELSE resolved_at END
        WHERE organization_id = $1 AND id = $2 AND status = $3
        RETURNING id, kind, status) SELECT * FROM changed`,
      [ctx.uow.organizationId, id, from, to, by, note],
    );
    for (const alert of changed) this.announce(ctx, 'STATUS_CHANGED', alert);
    return changed.length === 1;
  }

  /** Who paused publishing from the alert, and when (the first time only). */
  async markPublishingPaused(ctx: TenantCtx, id: string, by: string | null): Promise<void> {
    await ctx.uow.execute(
      `UPDATE alerts SET publishing_paused_by = $3, publishing_paused_at = now(), updated_at = now()
        WHERE organization_id = $1 AND id = $2 AND publishing_paused_at IS NULL`,
      [ctx.uow.organizationId, id, by],
    );
  }

  /** The mentions behind the alert, most reached then newest (at most ALERT_MENTIONS_CAP are kept). */
  async mentions(ctx: TenantCtx, alertId: string, limit: number): Promise<MentionEntity[]> {
    const rows = await ctx.uow.query<MentionDbRow>(
      `SELECT ${MENTION_COLUMNS}
         FROM alert_mentions x JOIN mentions m ON m.organization_id = x.organization_id AND m.id = x.mention_id
        WHERE x.organization_id = $1 AND x.alert_id = $2
        ORDER BY x.reach DESC NULLS LAST, x.published_at DESC, x.mention_id DESC LIMIT $3`,
      [ctx.uow.organizationId, alertId, limit],
    );
    return rows.map(toMentionEntity);
  }

  /** Across tenants (SECURITY DEFINER function: ids only). */
  async organizationsDue(uow: UnitOfWork, since: Date, limit: number): Promise<string[]> {
    return (await uow.query<{ organization_id: string }>('SELECT organization_id FROM socle_alerts_due($1, $2)', [since, limit])).map(
      (r) => r.organization_id,
    );
  }
}
