import { dateProblem, KPI_CSV_LIMITS, parseDecimal, parseKpiCsv, splitCsv } from './kpi-values-csv';

const K1 = '11111111-1111-4111-8111-111111111111';
const K2 = '22222222-2222-4222-8222-222222222222';

describe('KPI values CSV', () => {
  it('reads the header in any order, quoted fields, CRLF, a byte order mark and blank lines', () => {
    const csv = `\uFEFFdate,KPI,value,note\r\n2026-01-31,${K1},1200,"fin de mois, ""estimé"""\r\n\r\n2026-02-28,${K2},-0012.50,\n`;
    expect(parseKpiCsv(csv)).toEqual({
      rows: [
        { line: 2, kpiId: K1, date: '2026-01-31', value: '1200', note: 'fin de mois, "estimé"' },
        { line: 4, kpiId: K2, date: '2026-02-28', value: '-12.50', note: null },
      ],
      problems: [],
    });
  });

  it('takes the KPI from the import when the file has no kpi column, and semicolons with a decimal comma', () => {
    expect(parseKpiCsv('date;value\n2026-03-01;12,5\n', K1)).toEqual({
      rows: [{ line: 2, kpiId: K1, date: '2026-03-01', value: '12.5', note: null }],
      problems: [],
    });
    expect(parseKpiCsv(`kpi,date,value\n${K2},2026-03-01,1\n`, K1).problems).toEqual([
      { line: 2, column: 'kpi', message: 'must be the KPI the import is for (kpiId)' },
    ]);
  });

  it('reports every bad line with its line number and column, and returns no row at all', () => {
    const csv = [
      'kpi,date,value,note',
      `${K1},2026-02-30,1,`,
      `not-an-id,2026-01-01,1,`,
      `${K1},2026-01-01,1e5,`,
      `${K1},2026-01-02,1,a\u0000b`,
      `${K1},2026-01-03,1`,
      `${K1},2026-01-04,7,ok`,
      `${K1},2026-01-04,8,again`,
    ].join('\n');
    const result = parseKpiCsv(csv);
    expect(result.rows).toBeNull();
    expect(result.problems).toEqual([
      { line: 2, column: 'date', message: 'is not a day of the calendar' },
      { line: 3, column: 'kpi', message: 'must be a KPI id' },
      { line: 4, column: 'value', message: expect.stringContaining('decimal number') },
      { line: 5, column: 'note', message: expect.stringContaining('NUL') },
      { line: 6, column: null, message: 'has 3 fields where the header has 4' },
      { line: 8, column: 'date', message: 'repeats the KPI and date of line 7' },
    ]);
  });

  it('refuses bad headers, empty files, unclosed quotes and lone surrogates', () => {
    expect(parseKpiCsv('').problems[0]).toMatchObject({ line: 1, message: expect.stringContaining('empty') });
    expect(parseKpiCsv('kpi,date\n').problems[0]).toEqual({ line: 1, column: 'value', message: 'is missing this column' });
    expect(parseKpiCsv('date,value\n2026-01-01,1').problems[0]).toMatchObject({ line: 1, column: 'kpi' });
    expect(parseKpiCsv('kpi,date,value,colour\n').problems[0].message).toContain('unknown column');
    expect(parseKpiCsv('kpi,date,value,date\n').problems[0]).toMatchObject({ column: 'date', message: 'names this column twice' });
    expect(parseKpiCsv('kpi,date,value\n').problems[0].message).toContain('holds no value');
    expect(parseKpiCsv(`kpi,date,value,note\n${K1},2026-01-01,1,"open\n`).problems).toEqual([
      { line: 2, column: null, message: 'has a quote that is never closed' },
    ]);
    expect(parseKpiCsv(`kpi,date,value,note\n${K1},2026-01-01,1,x\uD800y\n`).problems[0]).toMatchObject({ line: 2, column: 'note' });
    expect(parseKpiCsv(`kpi,date,value\n${K1},2026-01-01,1"x"\n`).problems[0]).toMatchObject({
      line: 2,
      message: expect.stringContaining('quote'),
    });
  });

  it('holds to its limits: characters, lines, note length', () => {
    expect(parseKpiCsv('x'.repeat(KPI_CSV_LIMITS.maxChars + 1)).problems[0].message).toContain('longer than');
    const many = ['date,value', ...Array.from({ length: KPI_CSV_LIMITS.maxRows + 1 }, (_, i) => `${2000 + (i % 50)}-01-01,${i}`)].join(
      '\n',
    );
    expect(parseKpiCsv(many, K1).problems).toEqual([
      { line: KPI_CSV_LIMITS.maxRows + 2, column: null, message: expect.stringContaining('limit') },
    ]);
    expect(parseKpiCsv(`date,value,note\n2026-01-01,1,${'n'.repeat(1001)}\n`, K1).problems[0]).toMatchObject({ column: 'note' });
  });

  it('checks dates and decimals strictly', () => {
    expect(dateProblem('2024-02-29')).toBeNull();
    expect(dateProblem('2023-02-29')).toBe('is not a day of the calendar');
    expect(dateProblem('1899-12-31')).toBe('must be in 1900 or later');
    expect(dateProblem('2026-1-1')).toContain('YYYY-MM-DD');
    expect(parseDecimal('+007.250')).toEqual({ value: '7.250' });
    expect(parseDecimal('-0.000')).toEqual({ value: '0.000' });
    for (const bad of ['', '.5', '1.', 'NaN', 'Infinity', '1e3', '1 000', '0x10', '1234567890123456', '1.1234567']) {
      expect(parseDecimal(bad)).toEqual({ problem: expect.any(String) });
    }
  });

  it('splits in one pass: a quoted field keeps separators and line breaks, lines are counted through it', () => {
    expect(splitCsv('a,"b,\nc"\nd,e', ',')).toEqual({
      records: [
        { line: 1, fields: ['a', 'b,\nc'] },
        { line: 3, fields: ['d', 'e'] },
      ],
      problem: null,
    });
  });
});
