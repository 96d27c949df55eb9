import { CONTENT_TYPE, fileSlug, ReportFile, ReportFileFormat } from '../report/report-file';
import type { CommunityReport } from './community-report';
import { renderCommunityReportCsv } from './render-community-csv';
import { renderCommunityReportPdf } from './render-community-pdf';

/** e.g. "rapport-trimestriel-boulangerie-lefevre-2026-t3.pdf", "monthly-report-acme-2026-08.csv". */
export function communityReportFilename(report: CommunityReport, format: ReportFileFormat): string {
  const fr = report.locale === 'fr';
  const prefix =
    report.kind === 'QUARTERLY' ? (fr ? 'rapport-trimestriel' : 'quarterly-report') : fr ? 'rapport-mensuel' : 'monthly-report';
  const [year, month] = report.period.firstDay.split('-');
  const when = report.kind === 'QUARTERLY' ? `${year}-${fr ? 't' : 'q'}${Math.floor((Number(month) - 1) / 3) + 1}` : `${year}-${month}`;
  return `${prefix}-${fileSlug(report.organizationName)}-${when}.${format === 'PDF' ? 'pdf' : 'csv'}`;
}

export async function renderCommunityReportFile(report: CommunityReport, format: ReportFileFormat): Promise<ReportFile> {
  const bytes = format === 'PDF' ? await renderCommunityReportPdf(report) : Buffer.from(renderCommunityReportCsv(report), 'utf8');
  return { filename: communityReportFilename(report, format), contentType: CONTENT_TYPE[format], bytes };
}
