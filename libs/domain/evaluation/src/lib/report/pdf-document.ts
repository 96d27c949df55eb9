import PDFDocument from 'pdfkit';
import { toWinAnsi } from './win-ansi';

/**
 * What every report PDF shares: A4 pages with the same margins, pages buffered
 * so the footers can say "page n of N" once the last page is known, the
 * document's language and metadata, and the bytes collected into one buffer.
 * The renderers (assessment, community) only draw.
 */
export const A4 = { width: 595.28, height: 841.89 };
export const REPORT_MARGIN = { top: 56, bottom: 64, left: 56, right: 56 };

export interface ReportDocumentInfo {
  locale: 'fr' | 'en';
  title: string;
  author: string;
  subject?: string;
  /** The document's creation and modification date: a date of the report, not "now", so the bytes are reproducible. */
  date: Date;
}

export function renderReportDocument(info: ReportDocumentInfo, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: REPORT_MARGIN,
    bufferPages: true,
    compress: true,
    lang: info.locale === 'fr' ? 'fr-FR' : 'en-GB',
    displayTitle: true,
    info: {
      Title: info.title,
      Author: info.author,
      ...(info.subject ? { Subject: info.subject } : {}),
      Creator: 'Socle',
      Producer: 'Socle',
      CreationDate: info.date,
      ModDate: info.date,
    },
  });
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      draw(doc);
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}

/** `left` and "page n / N" at the bottom of every buffered page, in small muted Helvetica. */
export function stampFooters(doc: PDFKit.PDFDocument, left: string, page: (n: number, total: number) => string, color: string): void {
  const width = A4.width - REPORT_MARGIN.left - REPORT_MARGIN.right;
  const y = A4.height - 40;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise make pdfkit open a page.
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0 };
    doc.font('Helvetica').fontSize(8).fillColor(color);
    doc.text(toWinAnsi(left), REPORT_MARGIN.left, y, { width: width - 90, lineBreak: false, ellipsis: true });
    doc.text(toWinAnsi(page(i - range.start + 1, range.count)), REPORT_MARGIN.left + width - 90, y, {
      width: 90,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins = margins;
  }
}
