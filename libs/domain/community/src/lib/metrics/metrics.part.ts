import type { ModulePart } from '@socle/platform-database';
import { MetricSamples1765000000300 } from '../migrations/1765000000300-metric-samples';
import { CollectMetricsJob, MetricsScheduler } from './metrics.job';
import { MetricsRepository } from './metrics.repository';
import { MetricsResolver } from './metrics.resolver';
import { MetricsService } from './metrics.service';

/** Metric samples: the time series of followers, posts and engagement the connectors read, and the job that collects them. */
export const METRICS_PART: ModulePart = {
  entities: [],
  migrations: [MetricSamples1765000000300],
  providers: [MetricsRepository, MetricsScheduler, MetricsService],
  resolvers: [MetricsResolver],
  workers: [CollectMetricsJob],
  exports: [MetricsRepository, MetricsScheduler, MetricsService],
};
