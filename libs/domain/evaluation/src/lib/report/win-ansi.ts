/**
 * The PDF uses the viewer's built-in Helvetica (no font file to ship), whose
 * encoding is WinAnsi (Windows-1252): it covers French entirely (é è à ç ù œ Œ
 * « » ’ € …) but not every character a user may type. pdfkit writes any other
 * character as a broken code, so text is brought into WinAnsi first: spaces
 * and dashes to their WinAnsi cousins, accented letters from other languages
 * to their base letter, and whatever remains (emoji, CJK) to "?".
 */

/** Unicode characters above U+00FF that WinAnsi has (its 0x80–0x9F block). */
const WIN_ANSI_EXTRA = new Set([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d, 0x2018, 0x2019, 0x201c, 0x201d,
  0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e, 0x0178,
]);

const REPLACEMENTS: Record<number, string> = {
  0x2002: ' ',
  0x2003: ' ',
  0x2007: ' ',
  0x2008: ' ',
  0x2009: ' ',
  0x200a: ' ',
  0x205f: ' ',
  0x3000: ' ',
  0x202f: '\u00a0', // narrow no-break space (French number formatting) → no-break space
  0x200b: '',
  0x200c: '',
  0x200d: '',
  0x2060: '',
  0xfeff: '',
  0x2010: '-',
  0x2011: '-',
  0x2012: '–',
  0x2015: '—',
  0x2212: '-',
  0x2032: "'",
  0x2033: '"',
  0x201b: '’',
  0x201f: '”',
  0x2190: '<-',
  0x2192: '->',
  0x2194: '<->',
  0x21d2: '=>',
  0x2264: '<=',
  0x2265: '>=',
  0x2260: '!=',
  0x2248: '~',
  0x2713: 'v',
  0x2714: 'v',
  0x2717: 'x',
  0x2718: 'x',
  0x25cf: '•',
  0x25aa: '•',
  0x25e6: '•',
  0x2043: '•',
};

function isWinAnsi(code: number): boolean {
  if (code === 0x0a) return true;
  if (code < 0x20 || code === 0x7f) return false;
  if (code < 0x80) return true;
  if (code >= 0xa0 && code <= 0xff) return true;
  return WIN_ANSI_EXTRA.has(code);
}

export function toWinAnsi(text: string): string {
  let out = '';
  for (const char of text.replace(/\r\n?/g, '\n')) {
    const code = char.codePointAt(0) as number;
    if (isWinAnsi(code)) {
      out += char;
      continue;
    }
    const replacement = REPLACEMENTS[code];
    if (replacement !== undefined) {
      out += replacement;
      continue;
    }
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) {
      out += code === 0x09 ? ' ' : '';
      continue;
    }
    // ő → o, ł stays unknown: keep the base letters that decomposition yields when they all fit.
    const base = char.normalize('NFKD').replace(/\p{M}/gu, '');
    out += base.length > 0 && [...base].every((c) => isWinAnsi(c.codePointAt(0) as number)) ? base : '?';
  }
  return out;
}
