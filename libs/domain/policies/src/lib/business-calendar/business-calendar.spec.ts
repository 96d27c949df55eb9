import {
  addBusinessDuration,
  BusinessCalendar,
  calendarToText,
  defaultBusinessCalendar,
  MAX_SEARCH_DAYS,
  NoBusinessTimeError,
  parseBusinessCalendar,
} from './business-calendar';
import { easterSunday, publicHolidays } from './holidays';

const paris = defaultBusinessCalendar('Europe/Paris');
const zurich = defaultBusinessCalendar('Europe/Zurich');
const iso = (d: Date) => d.toISOString();
const add = (start: string, minutes: number, calendar: BusinessCalendar) => iso(addBusinessDuration(new Date(start), minutes, calendar));

describe('public holidays', () => {
  it('computes Easter Sunday', () => {
    expect([2024, 2025, 2026, 2027, 2038, 2285].map((y) => easterSunday(y))).toEqual([
      { year: 2024, month: 3, day: 31 },
      { year: 2025, month: 4, day: 20 },
      { year: 2026, month: 4, day: 5 },
      { year: 2027, month: 3, day: 28 },
      { year: 2038, month: 4, day: 25 },
      { year: 2285, month: 3, day: 22 },
    ]);
  });

  it('lists the eleven French holidays with the Easter-based ones', () => {
    expect(publicHolidays('FR', 2026).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
  });

  it('lists the Swiss federal day and the common cantonal ones', () => {
    const days = publicHolidays('CH', 2026);
    expect(days.map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-04-03',
      '2026-04-06',
      '2026-05-14',
      '2026-05-25',
      '2026-08-01',
      '2026-12-25',
      '2026-12-26',
    ]);
    expect(days[6].name).toEqual({ fr: 'Fête nationale suisse', en: 'Swiss National Day' });
  });
});

describe('addBusinessDuration', () => {
  it('carries Friday 17:30 + 2 h over the weekend to Monday 10:30', () => {
    // 2026-03-06 is a Friday; Paris is UTC+1 in March before the change.
    expect(add('2026-03-06T16:30:00Z', 120, paris)).toBe('2026-03-09T09:30:00.000Z');
  });

  it('counts within one day, and from the opening when received at night or on a Sunday', () => {
    expect(add('2026-03-09T08:00:00Z', 90, paris)).toBe('2026-03-09T09:30:00.000Z'); // Monday 09:00 + 1 h 30
    expect(add('2026-03-09T02:00:00Z', 30, paris)).toBe('2026-03-09T08:30:00.000Z'); // 03:00 → opens at 09:00
    expect(add('2026-03-08T12:00:00Z', 60, paris)).toBe('2026-03-09T09:00:00.000Z'); // Sunday → Monday 10:00
    expect(add('2026-03-06T20:00:00Z', 0, paris)).toBe('2026-03-09T08:00:00.000Z'); // zero: the next opening
    expect(add('2026-03-09T10:00:00Z', 0, paris)).toBe('2026-03-09T10:00:00.000Z');
  });

  it('skips Easter Monday in France, Good Friday and Easter Monday in Switzerland', () => {
    // Friday 3 April 2026 17:00 CEST + 2 h: 1 h on Friday, Monday 6 April is a holiday, Tuesday 10:00.
    expect(add('2026-04-03T15:00:00Z', 120, paris)).toBe('2026-04-07T08:00:00.000Z');
    // Thursday 2 April 17:00 in Zurich + 2 h: Good Friday and Easter Monday closed.
    expect(add('2026-04-02T15:00:00Z', 120, zurich)).toBe('2026-04-07T08:00:00.000Z');
    // Ascension and Whit Monday too.
    expect(add('2026-05-13T15:00:00Z', 120, paris)).toBe('2026-05-15T08:00:00.000Z');
    expect(add('2026-05-22T15:00:00Z', 120, paris)).toBe('2026-05-26T08:00:00.000Z');
  });

  it('keeps working hours on the wall clock across the spring and autumn changes', () => {
    // Paris springs forward on Sunday 29 March 2026: Friday 17:00 CET + 2 h → Monday 10:00 CEST.
    expect(add('2026-03-27T16:00:00Z', 120, paris)).toBe('2026-03-30T08:00:00.000Z');
    // Zurich falls back on Sunday 25 October 2026: Friday 17:00 CEST + 2 h → Monday 10:00 CET.
    expect(add('2026-10-23T15:00:00Z', 120, zurich)).toBe('2026-10-26T09:00:00.000Z');
  });

  it('counts real time in a calendar open round the clock, through the lost and the repeated hour', () => {
    const always = { ...paris, week: Array.from({ length: 7 }, () => [{ start: 0, end: 1440 }]), holidayCountry: null };
    expect(add('2026-03-28T11:00:00Z', 24 * 60, always)).toBe('2026-03-29T11:00:00.000Z');
    expect(add('2026-10-24T11:00:00Z', 24 * 60, always)).toBe('2026-10-25T11:00:00.000Z');
  });

  it('honours a lunch break', () => {
    const split = parseBusinessCalendar({
      timeZone: 'Europe/Paris',
      holidayCountry: 'FR',
      days: [1, 2, 3, 4, 5].map((weekday) => ({
        weekday,
        periods: [
          { start: '08:30', end: '12:00' },
          { start: '13:30', end: '17:30' },
        ],
      })),
      closedDays: [],
    }).calendar as BusinessCalendar;
    // Monday 11:30 + 1 h → 30 min before lunch, 30 min after: 14:00.
    expect(add('2026-03-09T10:30:00Z', 60, split)).toBe('2026-03-09T13:00:00.000Z');
  });

  it('goes over Christmas and New Year with the closed days between', () => {
    const closed = { ...paris, closedDays: ['2026-12-24', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31'] };
    // Wednesday 23 December 17:00 + 3 h → Monday 4 January 11:00 (25 Dec and 1 Jan are holidays).
    expect(add('2026-12-23T16:00:00Z', 180, closed)).toBe('2027-01-04T10:00:00.000Z');
    // Zurich 2025: Christmas Thursday, St Stephen Friday; 1 and 2 January Thursday and Friday.
    expect(add('2025-12-24T16:00:00Z', 120, zurich)).toBe('2025-12-29T09:00:00.000Z');
    expect(add('2025-12-31T16:00:00Z', 120, zurich)).toBe('2026-01-05T09:00:00.000Z');
  });

  it('crosses a closure of months in one step per day and refuses a calendar that never opens', () => {
    const closedDays: string[] = [];
    for (let d = new Date('2026-06-01T00:00:00Z'); d < new Date('2027-06-01T00:00:00Z'); d = new Date(d.getTime() + 86_400_000))
      closedDays.push(d.toISOString().slice(0, 10));
    const sabbatical = { ...paris, closedDays };
    expect(add('2026-05-29T15:00:00Z', 120, sabbatical)).toBe('2027-06-01T08:00:00.000Z');
    const never = { ...paris, week: paris.week.map(() => []) };
    const started = process.hrtime.bigint();
    expect(() => addBusinessDuration(new Date('2026-01-01T00:00:00Z'), 1, never)).toThrow(NoBusinessTimeError);
    expect(MAX_SEARCH_DAYS).toBeLessThanOrEqual(3660);
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(5);
  });

  it('refuses a negative or non-finite duration and an invalid start', () => {
    expect(() => addBusinessDuration(new Date('2026-01-01T00:00:00Z'), -1, paris)).toThrow(RangeError);
    expect(() => addBusinessDuration(new Date('2026-01-01T00:00:00Z'), Number.NaN, paris)).toThrow(RangeError);
    expect(() => addBusinessDuration(new Date('nope'), 1, paris)).toThrow(RangeError);
  });
});

describe('parseBusinessCalendar', () => {
  it('round-trips the text form', () => {
    const text = calendarToText(paris);
    const { calendar, problems } = parseBusinessCalendar(text);
    expect(problems).toEqual([]);
    expect(calendar).toEqual(paris);
  });

  it('reports every problem with its path', () => {
    const { calendar, problems } = parseBusinessCalendar({
      timeZone: 'Mars/Olympus',
      holidayCountry: 'DE',
      days: [
        { weekday: 1, periods: [{ start: '25:00', end: '18:00' }] },
        { weekday: 2, periods: [{ start: '14:00', end: '12:00' }] },
        {
          weekday: 3,
          periods: [
            { start: '09:00', end: '12:00' },
            { start: '11:00', end: '\u0000' },
          ],
        },
        { weekday: 8, periods: [] },
        { weekday: 2, periods: [] },
      ],
      closedDays: ['2026-02-30', '\ud800'],
    });
    expect(calendar).toBeNull();
    expect(problems.map((p) => p.path)).toEqual([
      '.timeZone',
      '.holidayCountry',
      '.days[0].periods[0].start',
      '.days[1].periods[0].end',
      '.days[2].periods[1].end',
      '.days[3].weekday',
      '.days[4].weekday',
      '.closedDays[0]',
      '.closedDays[1]',
    ]);
  });

  it('refuses a week without any working period', () => {
    expect(parseBusinessCalendar({ timeZone: 'Europe/Paris', holidayCountry: null, days: [], closedDays: [] }).problems).toEqual([
      { path: '.days', message: 'must open at least one period in the week' },
    ]);
  });
});
