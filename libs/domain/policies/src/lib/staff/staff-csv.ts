/**
 * The staff list as CSV, parsed by hand: linear in the input (one pass, no
 * backtracking), bounded (size, lines, field lengths), errors per line. The
 * first line names the columns, in any order, in English or French; fields
 * are separated by commas or semicolons (what a spreadsheet in French
 * exports), quoted with double quotes when they hold one.
 */

export const STAFF_CSV_LIMITS = {
  /** Characters of the whole CSV. */
  maxChars: 1_000_000,
  /** People in one import (header excluded). */
  maxRows: 5000,
  /** Line problems reported at most (the import is refused as a whole anyway). */
  maxProblems: 50,
  name: 200,
  email: 254,
  department: 200,
  role: 200,
} as const;

export type StaffColumn = 'name' | 'email' | 'department' | 'role';

const HEADER_ALIASES: Readonly<Record<string, StaffColumn>> = {
  name: 'name',
  'full name': 'name',
  nom: 'name',
  'nom complet': 'name',
  email: 'email',
  'e-mail': 'email',
  mail: 'email',
  courriel: 'email',
  'adresse e-mail': 'email',
  department: 'department',
  service: 'department',
  département: 'department',
  departement: 'department',
  direction: 'department',
  role: 'role',
  rôle: 'role',
  fonction: 'role',
  poste: 'role',
};

export interface StaffCsvRow {
  /** Line of the CSV the person is on (1 is the header). */
  line: number;
  name: string;
  email: string;
  department: string;
  role: string | null;
}

export interface StaffCsvProblem {
  line: number;
  column: StaffColumn | null;
  message: string;
}

export interface StaffCsv {
  rows: StaffCsvRow[];
  problems: StaffCsvProblem[];
  /** Lines left out because an earlier line has the same e-mail (case-insensitive). */
  duplicates: { line: number; firstLine: number; email: string }[];
  /** Whether the CSV has a role column (without one, the roles already listed are kept). */
  hasRole: boolean;
}

// Local part and domain without spaces, angle brackets, commas, quotes or control characters; a dot in the domain.
const EMAIL =
  /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStaffEmail(value: string): boolean {
  return value.length <= STAFF_CSV_LIMITS.email && EMAIL.test(value);
}

/** Splits CSV text into records of fields; `line` is where each record starts. Quotes may hold separators and line breaks. */
export function splitCsv(text: string, separator: ',' | ';'): { line: number; fields: string[] }[] | { line: number; error: string } {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const end = () => {
    fields.push(field);
    field = '';
    if (!(fields.length === 1 && fields[0].trim() === '')) records.push({ line: recordLine, fields });
    fields = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line += 1;
        field += c;
      }
      i += 1;
      continue;
    }
    if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === separator) {
      fields.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      end();
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      line += 1;
      recordLine = line;
    } else {
      field += c;
    }
    i += 1;
  }
  if (quoted) return { line: recordLine, error: 'a quoted field is not closed' };
  if (field !== '' || fields.length) end();
  return records;
}

function textIssue(value: string, max: number): string | null {
  if (CONTROL.test(value)) return 'must not contain control characters';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode (it contains an unpaired surrogate)';
  if (value.length > max) return `must be at most ${max} characters`;
  return null;
}

/** The people of a staff CSV, or every problem found (a refused import stores nothing). */
export function parseStaffCsv(input: string): StaffCsv {
  const out: StaffCsv = { rows: [], problems: [], duplicates: [], hasRole: false };
  const problem = (line: number, column: StaffColumn | null, message: string) => {
    if (out.problems.length < STAFF_CSV_LIMITS.maxProblems) out.problems.push({ line, column, message });
  };
  if (input.length > STAFF_CSV_LIMITS.maxChars) {
    problem(0, null, `the CSV must be at most ${STAFF_CSV_LIMITS.maxChars.toLocaleString('en')} characters`);
    return out;
  }
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const separator: ',' | ';' = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  const records = splitCsv(text, separator);
  if (!Array.isArray(records)) {
    problem(records.line, null, records.error);
    return out;
  }
  if (records.length === 0) {
    problem(1, null, 'the CSV is empty: the first line names the columns (name, email, department, role)');
    return out;
  }
  const [header, ...people] = records;
  const columns = header.fields.map((h) => HEADER_ALIASES[h.trim().toLowerCase()] ?? null);
  const index: Partial<Record<StaffColumn, number>> = {};
  columns.forEach((c, i) => {
    if (!c) return;
    if (index[c] !== undefined) problem(header.line, c, `the column ${c} is named twice`);
    else index[c] = i;
  });
  for (const required of ['name', 'email', 'department'] as const) {
    if (index[required] === undefined)
      problem(header.line, required, `the first line must name a ${required} column (name, email, department, optional role)`);
  }
  if (out.problems.length) return out;
  out.hasRole = index.role !== undefined;
  if (people.length > STAFF_CSV_LIMITS.maxRows) {
    problem(people[STAFF_CSV_LIMITS.maxRows].line, null, `at most ${STAFF_CSV_LIMITS.maxRows} people per import`);
    return out;
  }
  const seen = new Map<string, number>();
  for (const { line, fields } of people) {
    const get = (c: StaffColumn) => (index[c] === undefined ? '' : (fields[index[c] as number] ?? '').trim());
    const row: StaffCsvRow = { line, name: get('name'), email: get('email'), department: get('department'), role: get('role') || null };
    let bad = false;
    for (const column of ['name', 'email', 'department', 'role'] as const) {
      const value = column === 'role' ? (row.role ?? '') : row[column];
      if (column !== 'role' && value === '') {
        problem(line, column, `${column} is empty`);
        bad = true;
        continue;
      }
      const issue = textIssue(value, STAFF_CSV_LIMITS[column]);
      if (issue) {
        problem(line, column, `${column} ${issue}`);
        bad = true;
      }
    }
    if (!bad && !isStaffEmail(row.email)) {
      problem(line, 'email', 'email is not an e-mail address');
      bad = true;
    }
    if (bad) continue;
    const key = row.email.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      out.duplicates.push({ line, firstLine: first, email: row.email });
      continue;
    }
    seen.set(key, line);
    out.rows.push(row);
  }
  return out;
}
