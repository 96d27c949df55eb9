import type { AssessmentReport, ReportLocale } from './assessment-report';
import { criterionScore100, formatDate, formatScore, formatWeight, labelsFor } from './report-format';

/**
 * The assessment as one CSV table, for analysts who rework the figures in a
 * spreadsheet. RFC 4180: CRLF between records, fields quoted when they hold the
 * separator, a quote or a line break, quotes doubled. UTF-8 with a byte-order
 * mark, without which Excel reads UTF-8 as the local code page and mangles
 * accents.
 *
 * French reports use ';' and a decimal comma: Excel in a French locale takes
 * its list separator from the regional settings (';', since ',' is the decimal
 * mark there), so a comma-separated file opens as one column and "62.5" as text.
 * English reports use ',' and a decimal point.
 *
 * Every row has the same columns; the first says what the row is: the overall
 * score, one row per dimension (its score and the previous one), then one per
 * criterion. Scores are all on the 0..100 scale. The overall row's last cell
 * says whose assessment it is (organisation, model and version, date), so the
 * file still makes sense once detached from its name.
 *
 * Text cells starting with = + - @ (or a tab / carriage return) get a leading
 * apostrophe so a spreadsheet shows them instead of running them as formulas:
 * comments are typed by users, and the file is opened by someone else.
 */
export const CSV_BOM = '\ufeff';

export function csvSeparator(locale: ReportLocale): ';' | ',' {
  return locale === 'fr' ? ';' : ',';
}

export type Cell = { text: string } | { number: string } | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeCell(cell: Cell, separator: string): string {
  if (cell === null) return '';
  let value = 'number' in cell ? cell.number : cell.text;
  if ('text' in cell && FORMULA_START.test(value)) value = `'${value}`;
  const mustQuote = value.includes(separator) || value.includes('"') || value.includes('\n') || value.includes('\r');
  return mustQuote ? `"${value.replace(/"/g, '""')}"` : value;
}

export function renderAssessmentReportCsv(report: AssessmentReport): string {
  const locale = report.locale;
  const l = labelsFor(locale);
  const separator = csvSeparator(locale);
  const text = (value: string | undefined | null): Cell => (value ? { text: value } : null);
  const num = (value: string): Cell => ({ number: value });

  const rows: Cell[][] = [];
  rows.push(
    [
      l.csv.rowType,
      l.dimension,
      l.csv.criterionKey,
      l.csv.criterion,
      l.csv.kindColumn,
      l.weight,
      l.csv.scoreColumn,
      l.csv.previousColumn,
      l.csv.detail,
      l.comment,
    ].map(text),
  );

  const context = [
    report.organizationName,
    l.model(report.modelName, report.modelVersion),
    report.assessedAt ? l.finalizedOn(formatDate(report.assessedAt, locale, report.timeZone)) : l.notFinalized,
  ].join(' — ');
  rows.push([
    text(l.csv.overallRow),
    null,
    null,
    null,
    null,
    null,
    num(formatScore(report.overallScore, locale)),
    report.previousOverallScore === undefined ? null : num(formatScore(report.previousOverallScore, locale)),
    text(`${l.level} ${l.levelValue(report.level)}`),
    text(context),
  ]);
  for (const d of report.dimensions) {
    rows.push([
      text(l.csv.dimensionRow),
      text(d.title),
      null,
      null,
      null,
      num(formatWeight(d.weight, locale)),
      num(formatScore(d.score, locale)),
      d.previousScore === undefined ? null : num(formatScore(d.previousScore, locale)),
      null,
      null,
    ]);
  }
  for (const d of report.dimensions) {
    for (const c of d.criteria) {
      rows.push([
        text(l.csv.criterionRow),
        text(d.title),
        text(c.key),
        text(c.title),
        text(l.kind[c.kind]),
        num(formatWeight(c.weight, locale)),
        c.score === null ? null : num(formatScore(criterionScore100(c.score), locale)),
        null,
        text(c.score === null && !c.detail ? l.unanswered : c.detail),
        text(c.comment),
      ]);
    }
  }
  return CSV_BOM + rows.map((row) => row.map((cell) => escapeCell(cell, separator)).join(separator)).join('\r\n') + '\r\n';
}
