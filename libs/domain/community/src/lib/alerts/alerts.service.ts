import { WebhookEvents } from '@socle/platform-webhooks';
import { Injectable, Logger } from '@nestjs/common';
import { AuditRepository } from '@socle/accounts';
import { badInput, DomainError, FieldProblem, notFound } from '@socle/platform-errors';
import type { KeysetPage } from '@socle/platform-graphql';
import type { MentionEntity } from '../listening/listening.entities';
import type { TenantCtx } from '../repositories';
import { AlertFilter, AlertsRepository } from './alerts.repository';
import {
  ALERT_ACTION_UNAVAILABLE,
  ALERT_MENTIONS_CAP,
  ALERT_TRANSITION_NOT_ALLOWED,
  ALERT_TRANSITIONS,
  Alert,
  AlertKind,
  AlertSettings,
  AlertStatus,
} from './alerts.types';
import { CrisisPauseGateway } from './crisis-pause';
import {
  ALERT_SENSITIVITIES,
  judgeNegativeSpike,
  SPIKE_SETTING_BOUNDS,
  spikeWindows,
  type SpikeSettings,
  type SpikeVerdict,
} from './spike-rule';

/**
 * Called in the evaluator's transaction when an alert is raised (not when an
 * unresolved one is updated): the seam for "alert raised" notifications
 * (webhooks, e-mail). A listener that throws undoes the raise, so what it
 * records commits with the alert or not at all.
 */
export type AlertRaisedListener = (ctx: TenantCtx, alert: Alert) => Promise<void>;

export interface AlertEvaluation {
  verdict: SpikeVerdict | null;
  /** The alert raised or updated, when the window is a spike. */
  alert: Alert | null;
  raised: boolean;
}

/** How far back the evaluator's mark is set: a mention stored by a transaction still open while it read is looked at again. */
const EVALUATION_MARGIN_MS = 60_000;

function userOf(ctx: TenantCtx): string | null {
  return ctx.actor.type === 'USER' ? ctx.actor.id : null;
}

/**
 * Crisis alerts: the evaluator (the rule in spike-rule.ts against the
 * organisation's own history), the workflow (OPEN → ACKNOWLEDGED | RESOLVED,
 * a compare-and-set held a second time by a trigger, audited) and the
 * proposed action, the content module's crisis pause.
 */
@Injectable()
export class AlertsService {
  private readonly logger = new Logger('Alerts');
  private readonly raisedListeners: AlertRaisedListener[] = [];

  constructor(
    private readonly alerts: AlertsRepository,
    private readonly audit: AuditRepository,
    private readonly crisisPause: CrisisPauseGateway,
    private readonly webhooks: WebhookEvents,
  ) {}

  /** Adds a listener of raised alerts (see `AlertRaisedListener`). */
  onRaised(listener: AlertRaisedListener): void {
    if (!this.raisedListeners.includes(listener)) this.raisedListeners.push(listener);
  }

  // ------------------------------------------------------------------ settings

  settings(ctx: TenantCtx): Promise<AlertSettings> {
    return this.alerts.settings(ctx);
  }

  /** Changes the given settings (the others keep their value); every problem is reported at once, nothing is stored then. */
  async setSettings(ctx: TenantCtx, patch: Partial<SpikeSettings> & { enabled?: boolean }): Promise<AlertSettings> {
    const problems: FieldProblem[] = [];
    for (const key of ['minCount', 'windowMinutes', 'baselineDays'] as const) {
      const value = patch[key];
      const [min, max] = SPIKE_SETTING_BOUNDS[key];
      if (value !== undefined && !(Number.isInteger(value) && value >= min && value <= max)) {
        problems.push({ field: `input.${key}`, message: `must be a whole number from ${min} to ${max}` });
      }
    }
    if (patch.sensitivity !== undefined && !ALERT_SENSITIVITIES.includes(patch.sensitivity)) {
      problems.push({ field: 'input.sensitivity', message: `must be one of ${ALERT_SENSITIVITIES.join(', ')}` });
    }
    if (problems.length) throw badInput(problems);
    const current = await this.alerts.settings(ctx);
    const next = {
      enabled: patch.enabled ?? current.enabled,
      sensitivity: patch.sensitivity ?? current.sensitivity,
      minCount: patch.minCount ?? current.minCount,
      windowMinutes: patch.windowMinutes ?? current.windowMinutes,
      baselineDays: patch.baselineDays ?? current.baselineDays,
    };
    await this.alerts.saveSettings(ctx, next, userOf(ctx));
    await this.record(ctx, 'alerts.settings_updated', 'Organization', ctx.organizationId, next);
    return this.alerts.settings(ctx);
  }

  // ------------------------------------------------------------------ detection

  /**
   * Counts the negative mentions of the window ending at `now` and of the same
   * window on each day of the baseline, judges them (`judgeNegativeSpike`) and,
   * on a spike, raises the alert or updates the unresolved one with the
   * stronger measure and the window's mentions. Does nothing while alerts are
   * off. Mentions an alert resolved before `now` covered do not raise another.
   */
  async evaluate(ctx: TenantCtx, now = new Date()): Promise<AlertEvaluation> {
    const settings = await this.alerts.settings(ctx);
    if (!settings.enabled) return { verdict: null, alert: null, raised: false };
    const kind: AlertKind = 'NEGATIVE_SPIKE';
    const windows = spikeWindows(now, settings, await this.alerts.lastResolvedAt(ctx, kind));
    const [observed, ...baseline] = await this.alerts.negativeCounts(ctx, [windows.current, ...windows.baseline]);
    const verdict = judgeNegativeSpike(observed, baseline, settings);
    await this.alerts.markEvaluated(ctx, new Date(now.getTime() - EVALUATION_MARGIN_MS));
    if (!verdict.spike) return { verdict, alert: null, raised: false };

    const { alert, raised } = await this.alerts.raiseOrUpdate(ctx, kind, {
      windowStart: windows.current.start,
      windowEnd: windows.current.end,
      observedCount: verdict.observed,
      baselineMean: verdict.mean,
      baselineStddev: verdict.stddev,
      baselineDays: settings.baselineDays,
      threshold: verdict.threshold,
      ratio: verdict.ratio,
      sensitivity: settings.sensitivity,
    });
    await this.alerts.linkMentions(ctx, alert.id, windows.current);
    const linked = (await this.alerts.find(ctx, alert.id)) as Alert;
    if (raised) {
      await this.record(ctx, 'alerts.raised', 'Alert', alert.id, {
        kind,
        observed: verdict.observed,
        mean: verdict.mean,
        threshold: verdict.threshold,
      });
      await this.webhooks.emit(ctx.uow, 'alert.raised', {
        alertId: alert.id,
        kind,
        observedCount: verdict.observed,
        threshold: verdict.threshold,
      });
      for (const listener of this.raisedListeners) await listener(ctx, linked);
      this.logger.log(
        `alert ${alert.id} raised in organization ${ctx.organizationId}: ${verdict.observed} negative mentions, usual ${verdict.mean.toFixed(1)}`,
      );
    }
    return { verdict, alert: linked, raised };
  }

  // ------------------------------------------------------------------ reading

  page(ctx: TenantCtx, filter: AlertFilter, page: KeysetPage): Promise<Alert[]> {
    return this.alerts.page(ctx, filter, page);
  }

  /** How many alerts the filter keeps, all pages together. */
  count(ctx: TenantCtx, filter: AlertFilter): Promise<number> {
    return this.alerts.count(ctx, filter);
  }

  async get(ctx: TenantCtx, id: string, field = 'id'): Promise<Alert> {
    const alert = await this.alerts.find(ctx, id);
    if (!alert) throw new DomainError('NOT_FOUND', notFound('Alert', id).message, { field });
    return alert;
  }

  mentions(ctx: TenantCtx, alertId: string, limit = ALERT_MENTIONS_CAP): Promise<MentionEntity[]> {
    return this.alerts.mentions(ctx, alertId, Math.min(Math.max(limit, 0), ALERT_MENTIONS_CAP));
  }

  /** Whether alerts can propose the crisis pause in this process (the content module is there). */
  get crisisPauseAvailable(): boolean {
    return this.crisisPause.available;
  }

  isPublishingPaused(ctx: TenantCtx): Promise<boolean> {
    return this.crisisPause.isOn(ctx);
  }

  // ------------------------------------------------------------------ workflow

  acknowledge(ctx: TenantCtx, id: string, note: string | null): Promise<Alert> {
    return this.move(ctx, id, 'ACKNOWLEDGED', note);
  }

  resolve(ctx: TenantCtx, id: string, note: string | null): Promise<Alert> {
    return this.move(ctx, id, 'RESOLVED', note);
  }

  /**
   * The proposed action: starts the content module's crisis pause with the
   * alert as its reason. Idempotent: when publishing is already paused (by
   * this alert or anything else) nothing changes and the alert is answered as
   * it is. Audited in both cases; a resolved alert still may be used (the
   * decision is the people's).
   */
  async pausePublishing(ctx: TenantCtx, id: string): Promise<{ alert: Alert; started: boolean }> {
    if (!this.crisisPause.available) {
      throw new DomainError('CONFLICT', 'Publishing cannot be paused from here: the content module is not part of this platform.', {
        field: 'input.id',
        reason: ALERT_ACTION_UNAVAILABLE,
      });
    }
    const alert = await this.alerts.find(ctx, id, true);
    if (!alert) throw new DomainError('NOT_FOUND', notFound('Alert', id).message, { field: 'input.id' });
    const reason =
      `Crisis alert ${alert.id}: ${alert.observedCount} negative mentions between ${alert.windowStart.toISOString()} and ` +
      `${alert.windowEnd.toISOString()} (${alert.ratio.toFixed(1)}× the usual ${alert.baselineMean.toFixed(1)}).`;
    const started = await this.crisisPause.start(ctx, reason, id);
    if (started) await this.alerts.markPublishingPaused(ctx, id, userOf(ctx));
    await this.record(ctx, 'alerts.publishing_paused', 'Alert', id, { started, alreadyPaused: !started });
    return { alert: (await this.alerts.find(ctx, id)) as Alert, started };
  }

  private async move(ctx: TenantCtx, id: string, to: AlertStatus, note: string | null): Promise<Alert> {
    const current = await this.alerts.find(ctx, id);
    if (!current) throw new DomainError('NOT_FOUND', notFound('Alert', id).message, { field: 'input.id' });
    if (
      !ALERT_TRANSITIONS[current.status].includes(to) ||
      !(await this.alerts.transition(ctx, id, current.status, to, userOf(ctx), note))
    ) {
      // Moved by someone else between the read and the update: report the state it is in now.
      const now = (await this.alerts.find(ctx, id)) ?? current;
      throw new DomainError('CONFLICT', `Alert ${id} is ${now.status} and cannot go to ${to}. Nothing was changed.`, {
        field: 'input.id',
        reason: ALERT_TRANSITION_NOT_ALLOWED,
        details: { status: now.status, to },
      });
    }
    await this.record(ctx, to === 'ACKNOWLEDGED' ? 'alerts.acknowledged' : 'alerts.resolved', 'Alert', id, { from: current.status, note });
    return (await this.alerts.find(ctx, id)) as Alert;
  }

  private async record(
    ctx: TenantCtx,
    action: string,
    targetType: string,
    targetId: string,
    metadata: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.recordInOrganization(ctx.uow, ctx.actor, { action, targetType, targetId, metadata }, ctx.requestId);
  }
}
