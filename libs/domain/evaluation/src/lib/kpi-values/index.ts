export { KpiValuesRepository, KpiValueRow, KpiValueSource } from './kpi-values.repository';
export { KpiValuesService } from './kpi-values.service';
export { KpiValuesResolver } from './kpi-values.resolver';
export { parseKpiCsv, KPI_CSV_LIMITS, KpiCsvProblem, KpiCsvRow } from './kpi-values-csv';
