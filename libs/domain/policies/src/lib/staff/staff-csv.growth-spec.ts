import { growthRatio, LINEAR_GROWTH_LIMIT } from '@socle/connector-sdk/testing';
import { splitCsv } from './staff-csv';

describe('staff CSV', () => {
  it('parses in linear time: runs of quotes and of separators', () => {
    expect(
      growthRatio(
        (n) => '"' + '""'.repeat(n) + '"',
        (text) => splitCsv(text, ','),
        50_000,
      ),
    ).toBeLessThan(LINEAR_GROWTH_LIMIT);
    expect(
      growthRatio(
        (n) => ','.repeat(n),
        (text) => splitCsv(text, ','),
        100_000,
      ),
    ).toBeLessThan(LINEAR_GROWTH_LIMIT);
  });
});
