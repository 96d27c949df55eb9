import { criterionScore100, formatDate, formatDelta, formatScore, formatWeight, isoDay, REPORT_LABELS } from './report-format';
import { toWinAnsi } from './win-ansi';

describe('report formats', () => {
  it('formats scores with one decimal, a comma in French and a point in English', () => {
    expect(formatScore(58.44, 'fr')).toBe('58,4');
    expect(formatScore(58.44, 'en')).toBe('58.4');
    expect(formatScore(62.45, 'en')).toBe('62.5');
    expect(formatScore(100, 'fr')).toBe('100,0');
    expect(formatScore(0, 'en')).toBe('0.0');
  });

  it('signs changes and never shows -0', () => {
    expect(formatDelta(72.5, 60, 'fr')).toBe('+12,5');
    expect(formatDelta(45, 50, 'fr')).toBe('-5,0');
    expect(formatDelta(55, 55, 'en')).toBe('0.0');
    expect(formatDelta(55, 55.01, 'en')).toBe('0.0');
  });

  it('writes weights without trailing zeros', () => {
    expect(formatWeight(2, 'fr')).toBe('2');
    expect(formatWeight(1.5, 'fr')).toBe('1,5');
    expect(formatWeight(0.333333, 'en')).toBe('0.33');
  });

  it('puts criterion scores on the 0..100 scale', () => {
    expect(criterionScore100(0.667)).toBe(66.7);
    expect(criterionScore100(1)).toBe(100);
  });

  it('formats dates in the report language and the organisation time zone, falling back to UTC', () => {
    const lateEvening = new Date('2025-03-12T23:30:00Z');
    expect(formatDate(lateEvening, 'fr', 'Europe/Paris')).toBe('13 mars 2025');
    expect(formatDate(lateEvening, 'en', 'America/New_York')).toBe('12 March 2025');
    expect(formatDate(lateEvening, 'fr', 'Not/AZone')).toBe('12 mars 2025');
    expect(formatDate(lateEvening, 'en')).toBe('12 March 2025');
    expect(isoDay(lateEvening, 'Europe/Paris')).toBe('2025-03-13');
    expect(isoDay(lateEvening)).toBe('2025-03-12');
  });

  it('has every label in both languages', () => {
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(REPORT_LABELS.fr)).toEqual(keys(REPORT_LABELS.en));
    expect(keys(REPORT_LABELS.fr.csv)).toEqual(keys(REPORT_LABELS.en.csv));
  });
});

describe('toWinAnsi', () => {
  it('keeps French text as it is, œ, guillemets, curly apostrophes and the euro included', () => {
    const french = 'Œuvre « élégante » d’été : ça coûte 5 € — à Noël… ÀÉÈÊËÎÏÔÙÛÜŸÇ àéèêëîïôùûüÿç';
    expect(toWinAnsi(french)).toBe(french);
  });

  it('brings other characters into WinAnsi', () => {
    expect(toWinAnsi('1\u202f234')).toBe('1\u00a0234');
    expect(toWinAnsi('a\u2009b\u200bc')).toBe('a bc');
    expect(toWinAnsi('x \u2265 3 \u2192 ok \u2212 1')).toBe('x >= 3 -> ok - 1');
    expect(toWinAnsi('Łódź Ősz')).toBe('?ódz Osz');
    expect(toWinAnsi('bravo 👍 日本')).toBe('bravo ? ??');
    expect(toWinAnsi('a\tb\r\nc\u0007d\u0085')).toBe('a b\ncd');
  });
});
