import { badInput } from '@socle/platform-errors';
import { localMidnight } from '../community-report/period';

/** How far back an assessment may be dated: five years (an older audit says little about today's practice). */
export const ASSESSED_ON_MAX_YEARS_BACK = 5;

const LOCAL_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The local day (YYYY-MM-DD) of `at` in `timeZone`. */
export function localDay(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function isoOf(year: number, month: number, day: number): string {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date.toISOString().slice(0, 10);
}

/**
 * The stored date of an assessment the caller dates `day` (YYYY-MM-DD, a day
 * of the organisation's calendar), or null for "now" (no day, or today).
 * A past day is stored as its last millisecond in the organisation's time
 * zone, so it sorts after anything else finalised that day and the history
 * stays in order. Refused (BAD_USER_INPUT on `field`): not a calendar day, a
 * day after today, more than five years back, or before the day of the latest
 * finalised assessment (`latest`, its stored date).
 */
export function assessmentDate(
  day: string | null | undefined,
  timeZone: string,
  now: Date,
  latest: Date | null,
  field = 'input.assessedOn',
): Date | null {
  if (day === null || day === undefined) return null;
  const match = LOCAL_DAY.exec(day);
  if (!match) throw badInput(field, 'must be a day written YYYY-MM-DD, e.g. 2026-03-31');
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  if (month > 11 || date < 1 || isoOf(year, month, date) !== day) throw badInput(field, 'is not a date of the calendar');
  const today = localDay(now, timeZone);
  if (day > today) throw badInput(field, `is in the future (today is ${today} in the organisation's time zone, ${timeZone})`);
  const [ty, tm, td] = today.split('-').map(Number);
  const earliest = isoOf(ty - ASSESSED_ON_MAX_YEARS_BACK, tm - 1, td);
  if (day < earliest) throw badInput(field, `must be ${earliest} or later (at most ${ASSESSED_ON_MAX_YEARS_BACK} years back)`);
  if (latest) {
    const latestDay = localDay(latest, timeZone);
    if (day < latestDay)
      throw badInput(
        field,
        `must be ${latestDay} or later: the latest finalised assessment is dated ${latestDay}, and the history stays in order`,
      );
  }
  if (day === today) return null;
  return new Date(localMidnight(year, month, date + 1, timeZone).getTime() - 1);
}
