import { DomainError } from '@socle/platform-errors';
import { isComplete, localMidnight, periodLabel, previousPeriod, reportPeriod, zoneOffsetMs } from './period';

const NOW = new Date('2026-12-03T12:00:00Z');

function refusal(run: () => unknown): { code: string; field?: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return { code: (error as DomainError).code, field: (error as DomainError).field };
  }
  throw new Error('not refused');
}

describe('community report periods', () => {
  it('finds local midnight across time zones and daylight-saving changes', () => {
    expect(localMidnight(2026, 0, 1, 'UTC').toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(localMidnight(2026, 0, 1, 'Europe/Paris').toISOString()).toBe('2025-12-31T23:00:00.000Z');
    expect(localMidnight(2026, 6, 1, 'Europe/Paris').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(localMidnight(2026, 6, 1, 'America/Montreal').toISOString()).toBe('2026-07-01T04:00:00.000Z');
    expect(localMidnight(2026, 0, 1, 'Asia/Kolkata').toISOString()).toBe('2025-12-31T18:30:00.000Z');
    // The day the clocks go forward (Paris, 29 March 2026 at 02:00): midnight is still on winter time.
    expect(localMidnight(2026, 2, 29, 'Europe/Paris').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(localMidnight(2026, 2, 30, 'Europe/Paris').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    // Where the change happens at midnight (Santiago, 6 September 2026: 00:00 becomes 01:00), the day starts at 01:00 local.
    expect(zoneOffsetMs(new Date('2026-09-06T12:00:00Z'), 'America/Santiago')).toBe(-3 * 3_600_000);
    expect(localMidnight(2026, 8, 6, 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('names the calendar quarter holding any of its days, in the organisation’s time zone', () => {
    const q = reportPeriod('QUARTERLY', '2026-08-14', 'Europe/Paris', NOW);
    expect(q).toMatchObject({ kind: 'QUARTERLY', firstDay: '2026-07-01', lastDay: '2026-09-30', interval: 'WEEK' });
    expect(q.start.toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(q.end.toISOString()).toBe('2026-09-30T22:00:00.000Z');
    const q1 = reportPeriod('QUARTERLY', '2026-03-31', 'Europe/Paris', NOW);
    expect(q1).toMatchObject({ firstDay: '2026-01-01', lastDay: '2026-03-31' });
    // Winter start, summer end: the quarter is an hour short of 90 days.
    expect(q1.end.getTime() - q1.start.getTime()).toBe(90 * 86_400_000 - 3_600_000);
    const q4 = reportPeriod('QUARTERLY', '2025-12-31', 'UTC', NOW);
    expect(q4).toMatchObject({ firstDay: '2025-10-01', lastDay: '2025-12-31' });
    expect(q4.end.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('names a month, leap years included, and the previous period across a year', () => {
    const feb = reportPeriod('MONTHLY', '2024-02-10', 'America/Montreal', NOW);
    expect(feb).toMatchObject({ firstDay: '2024-02-01', lastDay: '2024-02-29', interval: 'DAY' });
    expect(feb.start.toISOString()).toBe('2024-02-01T05:00:00.000Z');
    const jan = reportPeriod('MONTHLY', '2026-01-05', 'Europe/Paris', NOW);
    expect(previousPeriod(jan, 'Europe/Paris')).toMatchObject({ firstDay: '2025-12-01', lastDay: '2025-12-31' });
    const q1 = reportPeriod('QUARTERLY', '2026-02-01', 'Europe/Paris', NOW);
    const q4 = previousPeriod(q1, 'Europe/Paris');
    expect(q4).toMatchObject({ kind: 'QUARTERLY', firstDay: '2025-10-01', lastDay: '2025-12-31' });
    expect(q4.end.getTime()).toBe(q1.start.getTime());
  });

  it('labels periods in French and English', () => {
    const q = reportPeriod('QUARTERLY', '2026-07-01', 'UTC', NOW);
    expect(periodLabel(q, 'fr')).toBe('T3 2026');
    expect(periodLabel(q, 'en')).toBe('Q3 2026');
    const m = reportPeriod('MONTHLY', '2026-08-01', 'UTC', NOW);
    expect(periodLabel(m, 'fr')).toBe('août 2026');
    expect(periodLabel(m, 'en')).toBe('August 2026');
  });

  it('reports a period in progress, and refuses one that has not begun', () => {
    const current = reportPeriod('MONTHLY', '2026-12-01', 'Europe/Paris', NOW);
    expect(isComplete(current, NOW)).toBe(false);
    expect(isComplete(reportPeriod('MONTHLY', '2026-11-30', 'Europe/Paris', NOW), NOW)).toBe(true);
    expect(refusal(() => reportPeriod('MONTHLY', '2027-01-01', 'Europe/Paris', NOW))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'periodStart',
    });
    // Already the first of January in Kiritimati (UTC+14) but not yet in Paris.
    const lateEve = new Date('2026-12-31T11:00:00Z');
    expect(reportPeriod('QUARTERLY', '2027-01-01', 'Pacific/Kiritimati', lateEve).firstDay).toBe('2027-01-01');
    expect(refusal(() => reportPeriod('QUARTERLY', '2027-01-01', 'Europe/Paris', lateEve)).code).toBe('BAD_USER_INPUT');
  });

  it.each([
    '2026-02-30',
    '2026-13-01',
    '2026-00-10',
    '26-01-01',
    '2026-1-1',
    '2026-01-01T00:00:00Z',
    '',
    '0202-01-01',
    '1999-12-31',
    '２０２６-01-01',
  ])('refuses %p as a period start', (day) => {
    expect(refusal(() => reportPeriod('MONTHLY', day, 'UTC', NOW))).toEqual({ code: 'BAD_USER_INPUT', field: 'periodStart' });
  });

  it('refuses an unknown kind', () => {
    expect(refusal(() => reportPeriod('YEARLY' as never, '2026-01-01', 'UTC', NOW))).toEqual({ code: 'BAD_USER_INPUT', field: 'kind' });
  });
});
