import { fileSlug, renderReportFile, reportFilename } from './report-file';
import { ENGLISH_REPORT, FRENCH_REPORT } from './testing/sample-reports';

describe('report files', () => {
  it('makes file-system-safe slugs', () => {
    expect(fileSlug('Boulangerie Lefèvre & Fils')).toBe('boulangerie-lefevre-fils');
    expect(fileSlug('Cœur d’Œuvre — Société')).toBe('coeur-d-oeuvre-societe');
    expect(fileSlug('../../etc/passwd')).toBe('etc-passwd');
    expect(fileSlug('日本')).toBe('organisation');
    expect(fileSlug('a'.repeat(100))).toHaveLength(60);
  });

  it('names the file in the report language with the day of finalisation in the organisation time zone', () => {
    expect(reportFilename(FRENCH_REPORT, 'PDF')).toBe('rapport-maturite-boulangerie-lefevre-fils-2025-03-13.pdf');
    expect(reportFilename(ENGLISH_REPORT, 'CSV')).toBe('maturity-report-northwind-outfitters-2025-06-30.csv');
    expect(reportFilename({ ...ENGLISH_REPORT, assessedAt: null }, 'PDF')).toBe('maturity-report-northwind-outfitters-draft.pdf');
  });

  it('renders the bytes with the matching content type', async () => {
    const pdf = await renderReportFile(FRENCH_REPORT, 'PDF');
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const csv = await renderReportFile(FRENCH_REPORT, 'CSV');
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.bytes.toString('utf8')).toContain('Boulangerie Lefèvre & Fils');
  });
});
