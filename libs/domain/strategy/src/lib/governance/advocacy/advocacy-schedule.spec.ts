import { digestDueAt, dueDigest, firstBusinessDay, nextDigestAt } from './advocacy-schedule';

const at = (iso: string) => new Date(iso);

describe('the advocacy digest schedule', () => {
  it('picks the first Monday-to-Friday day of the month, never 1 January', () => {
    expect(firstBusinessDay(2026, 12)).toEqual({ year: 2026, month: 12, day: 1 }); // a Tuesday
    expect(firstBusinessDay(2026, 11)).toEqual({ year: 2026, month: 11, day: 2 }); // the 1st is a Sunday
    expect(firstBusinessDay(2026, 8)).toEqual({ year: 2026, month: 8, day: 3 }); // Saturday 1st, Sunday 2nd
    expect(firstBusinessDay(2027, 1)).toEqual({ year: 2027, month: 1, day: 4 }); // Friday 1 January, then a weekend
    expect(firstBusinessDay(2026, 1)).toEqual({ year: 2026, month: 1, day: 2 }); // Thursday 1 January
  });

  it('is due at 09:00 in the organisation’s time zone, on both sides of a DST change', () => {
    // Paris: summer time (UTC+2) on Thursday 1 October, winter time (UTC+1) on Monday 2 November.
    expect(digestDueAt(2026, 10, 'Europe/Paris').toISOString()).toBe('2026-10-01T07:00:00.000Z');
    expect(digestDueAt(2026, 11, 'Europe/Paris').toISOString()).toBe('2026-11-02T08:00:00.000Z');
    // Sydney: standard time (UTC+10) on 1 October, daylight time (UTC+11) from 4 October.
    expect(digestDueAt(2026, 10, 'Australia/Sydney').toISOString()).toBe('2026-09-30T23:00:00.000Z');
    expect(digestDueAt(2026, 11, 'Australia/Sydney').toISOString()).toBe('2026-11-01T22:00:00.000Z');
    expect(digestDueAt(2026, 3, 'America/New_York').toISOString()).toBe('2026-03-02T14:00:00.000Z'); // EST before 8 March
    expect(digestDueAt(2026, 4, 'America/New_York').toISOString()).toBe('2026-04-01T13:00:00.000Z'); // EDT
  });

  it('sends the previous month from that instant to the end of the month, in the local month', () => {
    expect(dueDigest(at('2026-11-02T07:59:59.999Z'), 'Europe/Paris')).toBeNull();
    expect(dueDigest(at('2026-11-02T08:00:00.000Z'), 'Europe/Paris')).toEqual({
      month: '2026-10',
      dueAt: at('2026-11-02T08:00:00.000Z'),
    });
    expect(dueDigest(at('2026-11-30T22:59:00.000Z'), 'Europe/Paris')?.month).toBe('2026-10');
    // 23:00 UTC on 30 November is already 1 December in Paris: November's digest waits for Tuesday 09:00.
    expect(dueDigest(at('2026-11-30T23:00:00.000Z'), 'Europe/Paris')).toBeNull();
    // Still November in Los Angeles while it is December in UTC: October's digest is the one due.
    expect(dueDigest(at('2026-12-01T05:00:00.000Z'), 'America/Los_Angeles')?.month).toBe('2026-10');
    // Already October in Sydney while it is September in UTC.
    expect(dueDigest(at('2026-09-30T23:00:00.000Z'), 'Australia/Sydney')?.month).toBe('2026-09');
    expect(dueDigest(at('2026-09-30T22:59:00.000Z'), 'Australia/Sydney')).toBeNull();
    // Across the year: December's digest on Monday 4 January 2027.
    expect(dueDigest(at('2027-01-04T07:59:00.000Z'), 'Europe/Paris')).toBeNull();
    expect(dueDigest(at('2027-01-04T08:00:00.000Z'), 'Europe/Paris')?.month).toBe('2026-12');
    expect(dueDigest(at('2027-01-01T12:00:00.000Z'), 'Europe/Paris')).toBeNull();
  });

  it('tells the next instant a digest goes out', () => {
    expect(nextDigestAt(at('2026-11-01T12:00:00.000Z'), 'Europe/Paris')).toEqual({
      month: '2026-10',
      dueAt: at('2026-11-02T08:00:00.000Z'),
    });
    expect(nextDigestAt(at('2026-12-03T08:00:00.000Z'), 'Europe/Paris')).toEqual({
      month: '2026-12',
      dueAt: at('2027-01-04T08:00:00.000Z'),
    });
  });
});
