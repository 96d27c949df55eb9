import { isStaffEmail, parseStaffCsv, STAFF_CSV_LIMITS } from './staff-csv';

describe('staff CSV', () => {
  it('reads the columns by name, in any order, with an optional role', () => {
    const csv = 'email,department,name,role\nana@example.test,Ventes,Ana Lima,Vendeuse\r\nbob@example.test,RH,Bob Roy,\n';
    expect(parseStaffCsv(csv)).toEqual({
      rows: [
        { line: 2, name: 'Ana Lima', email: 'ana@example.test', department: 'Ventes', role: 'Vendeuse' },
        { line: 3, name: 'Bob Roy', email: 'bob@example.test', department: 'RH', role: null },
      ],
      problems: [],
      duplicates: [],
      hasRole: true,
    });
  });

  it('takes French headers, semicolons, quotes, a byte-order mark and blank lines', () => {
    const csv = '\uFEFFNom;Courriel;Service;Fonction\n"Durand; Léa";lea@example.test;"Direction ""générale""";DG\n\n';
    expect(parseStaffCsv(csv).rows).toEqual([
      { line: 2, name: 'Durand; Léa', email: 'lea@example.test', department: 'Direction "générale"', role: 'DG' },
    ]);
  });

  it('keeps the first line of an e-mail written twice, whatever its case', () => {
    const out = parseStaffCsv('name,email,department\nA,Ana@Example.test,X\nB,ana@example.TEST,Y\n');
    expect(out.rows.map((r) => r.name)).toEqual(['A']);
    expect(out.duplicates).toEqual([{ line: 3, firstLine: 2, email: 'ana@example.TEST' }]);
  });

  it('names every bad line and column', () => {
    const out = parseStaffCsv('name,email,department\n,a@example.test,X\nB,not-an-email,Y\nC,c@example.test,\nD,d@example.test,Z\u0007\n');
    expect(out.problems).toEqual([
      { line: 2, column: 'name', message: 'name is empty' },
      { line: 3, column: 'email', message: 'email is not an e-mail address' },
      { line: 4, column: 'department', message: 'department is empty' },
      { line: 5, column: 'department', message: 'department must not contain control characters' },
    ]);
  });

  it('refuses a header without the required columns, an unclosed quote, and too much input', () => {
    expect(parseStaffCsv('name,mail\n').problems.map((p) => p.column)).toEqual(['department']);
    expect(parseStaffCsv('').problems[0].message).toMatch(/empty/);
    expect(parseStaffCsv('name,email,department\n"A,a@example.test,X\n').problems).toEqual([
      { line: 2, column: null, message: 'a quoted field is not closed' },
    ]);
    expect(parseStaffCsv('x'.repeat(STAFF_CSV_LIMITS.maxChars + 1)).problems[0].message).toMatch(/at most/);
    const many =
      'name,email,department\n' + Array.from({ length: STAFF_CSV_LIMITS.maxRows + 1 }, (_, i) => `P${i},p${i}@example.test,X`).join('\n');
    expect(parseStaffCsv(many).problems).toEqual([
      { line: STAFF_CSV_LIMITS.maxRows + 2, column: null, message: 'at most 5000 people per import' },
    ]);
  });

  it('refuses lone surrogates, over-long fields, and reports at most 50 problems', () => {
    expect(parseStaffCsv('name,email,department\nA\uD800,a@example.test,X\n').problems[0].message).toMatch(/unpaired surrogate/);
    expect(parseStaffCsv(`name,email,department\n${'n'.repeat(201)},a@example.test,X\n`).problems[0].message).toMatch(/at most 200/);
    const bad = 'name,email,department\n' + Array.from({ length: 80 }, () => 'A,bad,X').join('\n');
    expect(parseStaffCsv(bad).problems).toHaveLength(50);
  });

  it('accepts ordinary addresses and refuses header-injection attempts', () => {
    expect(isStaffEmail('prenom.nom+tag@sous.example.fr')).toBe(true);
    for (const bad of [
      'a@b',
      'a b@example.test',
      'a@example.test\r\nBcc: x@example.test',
      '<a@example.test>',
      'a@-example.test',
      `${'a'.repeat(65)}@example.test`,
    ]) {
      expect(isStaffEmail(bad)).toBe(false);
    }
  });
});
