import { Injectable } from '@nestjs/common';
import { badInput, DomainError, notFound } from '@socle/platform-errors';
import type { TenantCtx } from '../repositories';
import { MetricsScheduler } from './metrics.job';
import { MetricsRepository } from './metrics.repository';
import type { MetricCollectionState, MetricInterval, MetricKey, MetricPoint } from './metrics.types';

/** Buckets one series answer may hold (a year of days; a month and a half of hours). */
export const MAX_METRIC_POINTS = 1000;

const APPROX_MS: Readonly<Record<MetricInterval, number>> = {
  HOUR: 3_600_000,
  DAY: 86_400_000,
  WEEK: 7 * 86_400_000,
  MONTH: 28 * 86_400_000,
};

export interface MetricSeriesRequest {
  accountId?: string;
  metric: MetricKey;
  from: Date;
  to: Date;
  interval: MetricInterval;
}

/** Reading the metric series, and asking for a collection now. */
@Injectable()
export class MetricsService {
  constructor(
    private readonly repository: MetricsRepository,
    private readonly scheduler: MetricsScheduler,
  ) {}

  async series(ctx: TenantCtx, request: MetricSeriesRequest): Promise<{ from: Date; to: Date; points: MetricPoint[] }> {
    const { from, to } = request;
    if (from >= to) throw badInput('to', 'must be after from');
    // Counted generously (months as 28 days) so the database never builds more buckets than allowed.
    if ((to.getTime() - from.getTime()) / APPROX_MS[request.interval] > MAX_METRIC_POINTS - 2) {
      throw badInput(
        'interval',
        `gives more than ${MAX_METRIC_POINTS} points between from and to: choose a longer interval or a shorter range`,
      );
    }
    if (request.accountId) await this.requireAccount(ctx, request.accountId);
    const points = await this.repository.series(ctx, { ...request, from, to });
    return { from, to, points };
  }

  collections(ctx: TenantCtx): Promise<MetricCollectionState[]> {
    return this.repository.collections(ctx);
  }

  async collectNow(ctx: TenantCtx, accountId?: string): Promise<void> {
    if (accountId) await this.requireAccount(ctx, accountId, 'input.accountId');
    await this.scheduler.collectNow(ctx.organizationId, accountId);
  }

  /** Another organisation's account is as unknown as one that never existed (row-level security hides it). */
  private async requireAccount(ctx: TenantCtx, accountId: string, field = 'accountId'): Promise<void> {
    if (!(await this.repository.accountExists(ctx, accountId))) {
      throw new DomainError('NOT_FOUND', notFound('Network account', accountId).message, { field });
    }
  }
}
