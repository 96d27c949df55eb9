export { KpiMeasuresRepository, MeasuredKpi } from './kpi-measures.repository';
export { KpiProgressService, KpiProgress, KpiPeriodProgress, KpiProgressStatus, KpiValueOrigin } from './kpi-progress.service';
export { KpiProgressResolver } from './kpi-progress.resolver';
export * from './kpi-progress';
