export { METRICS_PART } from './metrics.part';
export {
  CollectMetricsJob,
  CollectMetricsPayload,
  MetricsScheduler,
  MetricsRunResult,
  METRICS_QUEUE,
  COLLECT_METRICS_JOB,
  MEASURED_DAYS,
} from './metrics.job';
export { MetricsRepository, SeriesQuery } from './metrics.repository';
export { MetricsService, MAX_METRIC_POINTS } from './metrics.service';
export * from './metrics.types';
