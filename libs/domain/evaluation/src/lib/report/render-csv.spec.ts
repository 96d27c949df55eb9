import { CSV_BOM, renderAssessmentReportCsv } from './render-csv';
import { ENGLISH_REPORT, FRENCH_REPORT } from './testing/sample-reports';

/** A strict RFC 4180 reader: fails on anything the standard does not allow, so the test checks the format too. */
function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === separator) {
      i++;
      continue;
    }
    if (text[i] === '\n') throw new Error(`bare LF at ${i}: records end with CRLF`);
    if (text[i] === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      i += 2;
      rows.push(row);
      row = [];
      if (i >= text.length) return rows;
      continue;
    }
    if (i >= text.length) throw new Error('the last record must end with CRLF');
    throw new Error(`unexpected character after a quoted field at ${i}`);
  }
}

describe('renderAssessmentReportCsv', () => {
  describe('in French', () => {
    const csv = renderAssessmentReportCsv(FRENCH_REPORT);
    const rows = parseCsv(csv.slice(1), ';');
    const byKey = (key: string) => rows.find((r) => r[2] === key) as string[];

    it('starts with a UTF-8 byte-order mark for Excel and uses the semicolon', () => {
      expect(csv.startsWith(CSV_BOM)).toBe(true);
      expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(rows[0]).toEqual([
        'Type de ligne',
        'Dimension',
        'Clé du critère',
        'Critère',
        'Nature',
        'Poids',
        'Score (0-100)',
        'Score précédent (0-100)',
        'Détail',
        'Commentaire',
      ]);
    });

    it('gives every record the same number of fields', () => {
      expect(new Set(rows.map((r) => r.length))).toEqual(new Set([10]));
    });

    it('has the overall row, one row per dimension and one per criterion', () => {
      const criteria = FRENCH_REPORT.dimensions.flatMap((d) => d.criteria);
      expect(rows).toHaveLength(1 + 1 + FRENCH_REPORT.dimensions.length + criteria.length);
      expect(rows[1].slice(0, 9)).toEqual(['Global', '', '', '', '', '', '58,4', '49,5', 'Niveau 3 — Défini']);
      expect(rows[1][9]).toBe(
        'Boulangerie Lefèvre & Fils — Modèle\u00a0: Modèle Socle par défaut (version 3) — Évaluation réalisée le 13 mars 2025',
      );
      expect(rows.filter((r) => r[0] === 'Dimension').map((r) => [r[1], r[5], r[6], r[7]])).toEqual([
        ['Stratégie et objectifs', '3', '72,5', '60,0'],
        ['Équipe et rituels', '2', '45,0', '50,0'],
        ['Politiques et chartes', '2', '38,3', '20,0'],
        ['Contenus et régularité', '2', '66,7', '55,0'],
        ['Communauté et écoute', '1', '55,0', '55,0'],
      ]);
    });

    it('gives each criterion its dimension, title, kind, weight, score on 0..100 with a decimal comma, and detail', () => {
      expect(byKey('strategy.objectives-measurable')).toEqual([
        'Critère',
        'Stratégie et objectifs',
        'strategy.objectives-measurable',
        'Objectifs mesurables',
        'Preuve mesurée',
        '2',
        '75,0',
        '',
        '3 objectifs sur 4 ont un indicateur chiffré et une échéance.',
        '',
      ]);
      expect(byKey('content.regularity')[6]).toBe('66,7');
      expect(byKey('community.accounts-connected')[5]).toBe('1,5');
      expect(byKey('team.weekly-meeting').slice(4, 10)).toEqual(['Déclaratif', '1', '', '', 'Sans réponse', '']);
    });

    it('keeps quotes, semicolons and line breaks of a comment inside one quoted field', () => {
      const comment = FRENCH_REPORT.dimensions[0].criteria[1].comment as string;
      expect(byKey('strategy.brand-voice')[9]).toBe(comment);
      expect(csv).toContain('"Validé par la direction le 3 mars ; reste la « charte » à diffuser.\nVoir le ""compte-rendu"" du comité."');
    });

    it('defuses a comment that a spreadsheet would run as a formula, and keeps characters outside Latin-1', () => {
      expect(byKey('policies.acknowledged')[9]).toBe("'=SOMME(A1:A9) — œuvre en cours, 👍 Ősz");
    });
  });

  describe('in English', () => {
    const csv = renderAssessmentReportCsv(ENGLISH_REPORT);
    const rows = parseCsv(csv.slice(1), ',');

    it('uses the comma, a decimal point and English labels', () => {
      expect(csv.startsWith(CSV_BOM)).toBe(true);
      expect(rows[0]).toEqual([
        'Row type',
        'Dimension',
        'Criterion key',
        'Criterion',
        'Kind',
        'Weight',
        'Score (0-100)',
        'Previous score (0-100)',
        'Detail',
        'Comment',
      ]);
      expect(rows[1].slice(0, 9)).toEqual(['Overall', '', '', '', '', '', '41.3', '', 'Level 2 — Emerging']);
      expect(rows.find((r) => r[2] === 'strategy.segments')).toEqual([
        'Criterion',
        'Strategy and objectives',
        'strategy.segments',
        'Audience segments',
        'Declarative',
        '1',
        '50.0',
        '',
        'Some segments are written down.',
        'Retail, "pro" buyers, press, investors',
      ]);
      // The comma in the comment forces quoting with the comma separator.
      expect(csv).toContain('"Retail, ""pro"" buyers, press, investors"');
    });

    it('leaves the previous score empty when there is no previous assessment', () => {
      expect(rows.filter((r) => r[0] === 'Dimension').map((r) => r[7])).toEqual(['', '', '']);
    });
  });
});
