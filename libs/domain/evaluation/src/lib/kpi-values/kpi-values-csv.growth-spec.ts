import { growthRatio, LINEAR_GROWTH_LIMIT } from '@socle/connector-sdk/testing';
import { parseKpiCsv } from './kpi-values-csv';

const K1 = '11111111-1111-4111-8111-111111111111';

describe('KPI values CSV', () => {
  it('parses in linear time: 8 times the lines takes well under 24 times as long', () => {
    // Every line a distinct date (the year cycles through 8,000; past it the month differs), a quoted note with escaped quotes.
    const file = (n: number) =>
      [
        'date,value,note',
        ...Array.from({ length: n }, (_, i) => `${1900 + (i % 8000)}-0${1 + (i % 9)}-1${i % 10},${i}.5,"n ""${i}"""`),
      ].join('\n');
    expect(parseKpiCsv(file(1200), K1).problems).toEqual([]);
    expect(growthRatio(file, (text) => parseKpiCsv(text, K1), 1200)).toBeLessThan(LINEAR_GROWTH_LIMIT);
  });
});
