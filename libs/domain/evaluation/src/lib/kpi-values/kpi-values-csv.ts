/**
 * KPI values from a CSV file: the parser and the checks of each line. Pure, and
 * linear in the size of the text (one pass over its characters, no regular
 * expression that can backtrack over a whole field), so the rules are tested
 * without a database.
 *
 * Format: a header line, then one value per line. Columns, in any order, case
 * ignored: `kpi` (a KPI id; may be left out when the import names one KPI),
 * `date` (YYYY-MM-DD: the day measured or the first day of its period), `value`
 * (a decimal number), `note` (optional). Fields are separated by commas, or by
 * semicolons when the header has a semicolon and no comma (spreadsheets set to
 * French write those, and then a decimal comma is accepted in `value`). Fields
 * may be quoted with double quotes ("" inside for a quote); a byte order mark
 * and blank lines are ignored; line ends may be CRLF or LF.
 */
import { textProblem } from '@socle/platform-graphql';

export const KPI_CSV_LIMITS = {
  /** Characters of the whole file. */
  maxChars: 500_000,
  /** Value lines (the header not counted). */
  maxRows: 10_000,
  /** Characters of a note. */
  maxNoteChars: 1000,
  /** Problems reported at once; the file is refused whatever their number. */
  maxProblems: 50,
} as const;

export type KpiCsvColumn = 'kpi' | 'date' | 'value' | 'note';
const COLUMNS: readonly KpiCsvColumn[] = ['kpi', 'date', 'value', 'note'];

/** One problem, where it is: line (1 = the header) and column (its name, or null for the whole line). */
export interface KpiCsvProblem {
  line: number;
  column: KpiCsvColumn | null;
  message: string;
}

/** One value line, checked. */
export interface KpiCsvRow {
  line: number;
  kpiId: string;
  /** YYYY-MM-DD. */
  date: string;
  /** The decimal as written, normalised (dot, no plus sign, no leading zeros kept needlessly). */
  value: string;
  note: string | null;
}

export type KpiCsvResult = { rows: KpiCsvRow[]; problems: [] } | { rows: null; problems: KpiCsvProblem[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Up to 15 digits before the point and 6 after: what kpi_values.value holds exactly. */
const DECIMAL = /^([+-]?)(\d{1,15})(?:\.(\d{1,6}))?$/;

/** A real calendar day between 1900 and 9999, or a reason. */
export function dateProblem(text: string): string | null {
  const m = DATE.exec(text);
  if (!m) return 'must be a date as YYYY-MM-DD';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1900) return 'must be in 1900 or later';
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return 'is not a day of the calendar';
  return null;
}

/** The value normalised (e.g. "-0012.50" → "-12.50"), or a reason. */
export function parseDecimal(text: string, decimalComma = false): { value: string } | { problem: string } {
  const written = decimalComma ? text.replace(',', '.') : text;
  const m = DECIMAL.exec(written);
  if (!m) return { problem: 'must be a decimal number (at most 15 digits before the point and 6 after)' };
  const whole = m[2].replace(/^0+(?=\d)/, '');
  const sign = m[1] === '-' && !(/^0+$/.test(whole) && /^0*$/.test(m[3] ?? '')) ? '-' : '';
  return { value: `${sign}${whole}${m[3] !== undefined ? `.${m[3]}` : ''}` };
}

/**
 * The records of a CSV text: fields per line with the line each started on. One
 * pass; a quoted field may hold separators and line breaks. An unterminated
 * quote is reported on the line it opened.
 */
export function splitCsv(
  text: string,
  separator: ',' | ';',
): { records: { line: number; fields: string[] }[]; problem: KpiCsvProblem | null } {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let afterQuote = false;
  let i = 0;
  const n = text.length;
  const endRecord = () => {
    fields.push(field);
    // A blank line (one empty unquoted field) is skipped.
    if (!(fields.length === 1 && fields[0] === '' && !afterQuote)) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    afterQuote = false;
  };
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        afterQuote = true;
        i += 1;
        continue;
      }
      if (c === '\n') line += 1;
      field += c;
      i += 1;
      continue;
    }
    if (c === '"') {
      if (field !== '' || afterQuote) return { records, problem: { line, column: null, message: 'has a quote inside an unquoted field' } };
      quoted = true;
      quoteLine = line;
      i += 1;
      continue;
    }
    if (c === separator) {
      fields.push(field);
      field = '';
      afterQuote = false;
      i += 1;
      continue;
    }
    if (c === '\r' && text[i + 1] === '\n') {
      i += 1;
      continue;
    }
    if (c === '\n' || c === '\r') {
      endRecord();
      line += 1;
      recordLine = line;
      i += 1;
      continue;
    }
    if (afterQuote) return { records, problem: { line, column: null, message: 'has characters after a closing quote' } };
    field += c;
    i += 1;
  }
  if (quoted) return { records, problem: { line: quoteLine, column: null, message: 'has a quote that is never closed' } };
  if (field !== '' || fields.length > 0 || afterQuote) endRecord();
  return { records, problem: null };
}

/**
 * Parses and checks a KPI values file. `kpiId`, when the import names one KPI,
 * fills a missing `kpi` column (and a `kpi` column present must then name it).
 * Every line is checked; any problem refuses the whole file.
 */
export function parseKpiCsv(text: string, kpiId?: string): KpiCsvResult {
  const problems: KpiCsvProblem[] = [];
  const fail = (p: KpiCsvProblem): KpiCsvResult => ({ rows: null, problems: [p] });
  if (text.length > KPI_CSV_LIMITS.maxChars)
    return fail({ line: 1, column: null, message: `is longer than ${KPI_CSV_LIMITS.maxChars} characters` });
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstBreak = body.search(/[\r\n]/);
  const headerText = firstBreak === -1 ? body : body.slice(0, firstBreak);
  const separator = headerText.includes(';') && !headerText.includes(',') ? ';' : ',';
  const { records, problem } = splitCsv(body, separator);
  if (problem) return fail(problem);
  if (records.length === 0) return fail({ line: 1, column: null, message: 'is empty: a header line `kpi,date,value,note` is expected' });

  const [header, ...lines] = records;
  const positions = new Map<KpiCsvColumn, number>();
  for (let i = 0; i < header.fields.length; i += 1) {
    const name = header.fields[i].trim().toLowerCase() as KpiCsvColumn;
    if (!COLUMNS.includes(name)) {
      return fail({
        line: header.line,
        column: null,
        message: `has an unknown column "${header.fields[i].slice(0, 40)}" (expected kpi, date, value, note)`,
      });
    }
    if (positions.has(name)) return fail({ line: header.line, column: name, message: 'names this column twice' });
    positions.set(name, i);
  }
  for (const required of ['date', 'value'] as const) {
    if (!positions.has(required)) return fail({ line: header.line, column: required, message: 'is missing this column' });
  }
  if (!positions.has('kpi') && !kpiId)
    return fail({ line: header.line, column: 'kpi', message: 'is missing this column (or name the KPI in kpiId)' });
  if (lines.length === 0)
    return fail({ line: header.line + 1, column: null, message: 'holds no value: one line per value is expected after the header' });
  if (lines.length > KPI_CSV_LIMITS.maxRows) {
    return fail({
      line: lines[KPI_CSV_LIMITS.maxRows].line,
      column: null,
      message: `is past the limit of ${KPI_CSV_LIMITS.maxRows} values per import`,
    });
  }

  const rows: KpiCsvRow[] = [];
  const seen = new Map<string, number>();
  const add = (p: KpiCsvProblem) => {
    if (problems.length < KPI_CSV_LIMITS.maxProblems) problems.push(p);
  };
  for (const record of lines) {
    if (problems.length >= KPI_CSV_LIMITS.maxProblems) break;
    const { line, fields } = record;
    if (fields.length !== header.fields.length) {
      add({ line, column: null, message: `has ${fields.length} fields where the header has ${header.fields.length}` });
      continue;
    }
    const at = (column: KpiCsvColumn) => {
      const index = positions.get(column);
      return index === undefined ? undefined : fields[index].trim();
    };
    let bad = false;
    const problemAt = (column: KpiCsvColumn, message: string) => {
      bad = true;
      add({ line, column, message });
    };
    for (const column of COLUMNS) {
      const value = at(column);
      const textIssue = value === undefined ? null : textProblem(value);
      if (textIssue) problemAt(column, textIssue);
    }
    if (bad) continue;

    const kpiText = at('kpi');
    let kpi = kpiId ?? '';
    if (kpiText !== undefined && (kpiText !== '' || !kpiId)) {
      if (!UUID.test(kpiText)) problemAt('kpi', 'must be a KPI id');
      else if (kpiId && kpiText.toLowerCase() !== kpiId.toLowerCase()) problemAt('kpi', 'must be the KPI the import is for (kpiId)');
      else kpi = kpiText.toLowerCase();
    }
    const date = at('date') as string;
    const dateIssue = dateProblem(date);
    if (dateIssue) problemAt('date', dateIssue);
    const parsed = parseDecimal(at('value') as string, separator === ';');
    if ('problem' in parsed) problemAt('value', parsed.problem);
    const note = at('note') ?? '';
    if (note.length > KPI_CSV_LIMITS.maxNoteChars) problemAt('note', `must be at most ${KPI_CSV_LIMITS.maxNoteChars} characters`);
    if (bad || 'problem' in parsed) continue;

    const key = `${kpi}|${date}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problemAt('date', `repeats the KPI and date of line ${earlier}`);
      continue;
    }
    seen.set(key, line);
    rows.push({ line, kpiId: kpi, date, value: parsed.value, note: note === '' ? null : note });
  }
  return problems.length ? { rows: null, problems } : { rows, problems: [] };
}
