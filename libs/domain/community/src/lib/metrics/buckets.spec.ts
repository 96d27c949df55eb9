import { bucketsBetween } from './metrics.repository';

const iso = (buckets: { start: Date; stop: Date }[]) => buckets.map((b) => [b.start.toISOString(), b.stop.toISOString()]);

describe('metric series buckets', () => {
  it('start at the UTC bucket holding from and cut the last one at to', () => {
    expect(iso(bucketsBetween(new Date('2026-03-04T10:30:00Z'), new Date('2026-03-04T12:15:00Z'), 'HOUR'))).toEqual([
      ['2026-03-04T10:00:00.000Z', '2026-03-04T11:00:00.000Z'],
      ['2026-03-04T11:00:00.000Z', '2026-03-04T12:00:00.000Z'],
      ['2026-03-04T12:00:00.000Z', '2026-03-04T12:15:00.000Z'],
    ]);
  });

  it('start weeks on Monday and months on the 1st, across a year end', () => {
    // 2026-03-04 is a Wednesday.
    expect(iso(bucketsBetween(new Date('2026-03-04T00:00:00Z'), new Date('2026-03-10T00:00:00Z'), 'WEEK'))).toEqual([
      ['2026-03-02T00:00:00.000Z', '2026-03-09T00:00:00.000Z'],
      ['2026-03-09T00:00:00.000Z', '2026-03-10T00:00:00.000Z'],
    ]);
    expect(iso(bucketsBetween(new Date('2026-12-15T00:00:00Z'), new Date('2027-02-01T00:00:00Z'), 'MONTH'))).toEqual([
      ['2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
      ['2027-01-01T00:00:00.000Z', '2027-02-01T00:00:00.000Z'],
    ]);
  });
});
