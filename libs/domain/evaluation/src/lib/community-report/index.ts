export { CommunityReportService } from './community-report.service';
export { CommunityReportRepository, COMMUNITY_REPORT_PRODUCED } from './community-report.repository';
export { CommunityReportResolver } from './community-report.resolver';
export type { CommunityReport, VolumePoint, VolumeTotals } from './community-report';
export { renderCommunityReportPdf } from './render-community-pdf';
export { renderCommunityReportCsv } from './render-community-csv';
export { renderCommunityReportFile, communityReportFilename } from './community-report-file';
export { reportPeriod, previousPeriod, periodLabel, localMidnight, CommunityReportKind, ReportPeriod } from './period';
