import { higherIsBetter, onTrack, periodsBetween, shareOfTheWay } from './kpi-progress';

const at = (iso: string) => new Date(iso);
const iso = (periods: { start: Date; end: Date }[] | null) => periods?.map((p) => [p.start.toISOString(), p.end.toISOString()]);

describe('KPI periods', () => {
  it('cuts UTC calendar periods at from and to', () => {
    expect(iso(periodsBetween(at('2026-01-15T10:00:00Z'), at('2026-03-02T00:00:00Z'), 'MONTHLY'))).toEqual([
      ['2026-01-15T10:00:00.000Z', '2026-02-01T00:00:00.000Z'],
      ['2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
      ['2026-03-01T00:00:00.000Z', '2026-03-02T00:00:00.000Z'],
    ]);
  });

  it('starts weeks on Monday and quarters in January, April, July, October', () => {
    // 2026-03-04 is a Wednesday.
    expect(iso(periodsBetween(at('2026-03-02T00:00:00Z'), at('2026-03-16T00:00:00Z'), 'WEEKLY'))).toEqual([
      ['2026-03-02T00:00:00.000Z', '2026-03-09T00:00:00.000Z'],
      ['2026-03-09T00:00:00.000Z', '2026-03-16T00:00:00.000Z'],
    ]);
    expect(iso(periodsBetween(at('2026-02-10T00:00:00Z'), at('2026-07-01T00:00:00Z'), 'QUARTERLY'))).toEqual([
      ['2026-02-10T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
      ['2026-04-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z'],
    ]);
  });

  it('refuses more periods than allowed (null)', () => {
    expect(periodsBetween(at('2020-01-01T00:00:00Z'), at('2026-01-01T00:00:00Z'), 'DAILY')).toBeNull();
    expect(periodsBetween(at('2020-01-01T00:00:00Z'), at('2026-01-01T00:00:00Z'), 'MONTHLY')).toHaveLength(72);
  });
});

describe('KPI progress', () => {
  it('is the share of the way from the baseline to the target, either direction', () => {
    expect(shareOfTheWay(2000, 1000, 5000)).toBe(0.25);
    expect(shareOfTheWay(90, 120, 60)).toBe(0.5); // response time going down from 120 to 60 minutes
    expect(shareOfTheWay(50, 100, 100)).toBeNull();
    expect(shareOfTheWay(null, 0, 10)).toBeNull();
    expect(shareOfTheWay(3, null, 4)).toBe(0.75);
  });

  it('judges a level against a straight line from the objective start to its deadline', () => {
    const common = {
      measure: 'FOLLOWERS' as const,
      baseline: 1000,
      target: 2000,
      objectiveStart: at('2026-01-01T00:00:00Z'),
      objectiveDeadline: at('2026-01-11T00:00:00Z'),
    };
    // Half the time gone: half the way is on track, less is not.
    expect(onTrack({ ...common, value: 1500, periodEnd: at('2026-01-06T00:00:00Z') })).toBe(true);
    expect(onTrack({ ...common, value: 1400, periodEnd: at('2026-01-06T00:00:00Z') })).toBe(false);
    expect(onTrack({ ...common, value: null, periodEnd: at('2026-01-06T00:00:00Z') })).toBeNull();
  });

  it('judges what happens within a period against its target, in the better direction', () => {
    const common = {
      objectiveStart: at('2026-01-01T00:00:00Z'),
      objectiveDeadline: at('2026-12-31T00:00:00Z'),
      periodEnd: at('2026-02-01T00:00:00Z'),
    };
    expect(onTrack({ ...common, measure: 'POSTS_PUBLISHED', value: 5, baseline: 2, target: 5 })).toBe(true);
    expect(onTrack({ ...common, measure: 'POSTS_PUBLISHED', value: 4, baseline: 2, target: 5 })).toBe(false);
    expect(onTrack({ ...common, measure: 'FIRST_RESPONSE_MINUTES', value: 45, baseline: 120, target: 60 })).toBe(true);
    expect(onTrack({ ...common, measure: 'FIRST_RESPONSE_MINUTES', value: 75, baseline: 120, target: 60 })).toBe(false);
    expect(higherIsBetter('NEGATIVE_MENTION_SHARE', null, 10)).toBe(false);
    expect(higherIsBetter('MENTIONS', null, 10)).toBe(true);
  });
});

describe('KPI periods at the edges of the calendar', () => {
  it('keeps years below 100 as they are (no 19xx)', () => {
    expect(iso(periodsBetween(new Date('0001-01-01T00:00:00Z'), new Date('0001-03-01T00:00:00Z'), 'MONTHLY'))).toEqual([
      ['0001-01-01T00:00:00.000Z', '0001-02-01T00:00:00.000Z'],
      ['0001-02-01T00:00:00.000Z', '0001-03-01T00:00:00.000Z'],
    ]);
  });
});
