import type { AssessmentReport } from './assessment-report';
import { renderAssessmentReportCsv } from './render-csv';
import { renderAssessmentReportPdf } from './render-pdf';
import { isoDay } from './report-format';

export type ReportFileFormat = 'PDF' | 'CSV';

export interface ReportFile {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export const CONTENT_TYPE: Record<ReportFileFormat, string> = {
  PDF: 'application/pdf',
  CSV: 'text/csv; charset=utf-8',
};

/** "Boulangerie Lefèvre & Fils" → "boulangerie-lefevre-fils": safe in any file system and Content-Disposition. */
export function fileSlug(text: string, maxLength = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, maxLength).replace(/-+$/, '') || 'organisation';
}

/** e.g. "rapport-maturite-boulangerie-lefevre-fils-2025-03-13.pdf"; a draft says so instead of a date. */
export function reportFilename(report: AssessmentReport, format: ReportFileFormat): string {
  const prefix = report.locale === 'fr' ? 'rapport-maturite' : 'maturity-report';
  const when = report.assessedAt ? isoDay(report.assessedAt, report.timeZone) : report.locale === 'fr' ? 'brouillon' : 'draft';
  return `${prefix}-${fileSlug(report.organizationName)}-${when}.${format === 'PDF' ? 'pdf' : 'csv'}`;
}

export async function renderReportFile(report: AssessmentReport, format: ReportFileFormat): Promise<ReportFile> {
  const bytes = format === 'PDF' ? await renderAssessmentReportPdf(report) : Buffer.from(renderAssessmentReportCsv(report), 'utf8');
  return { filename: reportFilename(report, format), contentType: CONTENT_TYPE[format], bytes };
}
