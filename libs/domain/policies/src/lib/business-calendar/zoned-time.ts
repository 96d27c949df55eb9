/**
 * Local dates and wall-clock times in an IANA time zone for the business
 * calendar: the strategy module's calendar arithmetic (one implementation),
 * with instants in epoch milliseconds, and `zonedInstant`, which resolves
 * skipped and repeated local times the way deadlines need.
 */
import { addDays, formatDate, isoWeekday, isValidTimeZone as knownTimeZone, LocalDate, parseDate, wallClock } from '@socle/strategy';

export { addDays, isoWeekday, LocalDate };

export function isValidTimeZone(timeZone: string): boolean {
  return typeof timeZone === 'string' && timeZone.length > 0 && timeZone.length <= 64 && knownTimeZone(timeZone);
}

function offsetMs(instant: number, timeZone: string): number {
  const w = wallClock(new Date(instant), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which the zone's clocks show this local date and minute of the day
 * (0..1440; 1440 is the next midnight). A time skipped by a spring-forward change
 * moves forward by the gap; an ambiguous autumn time takes its first occurrence.
 */
export function zonedInstant(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  const guess = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  const before = offsetMs(guess - 3 * 3_600_000, timeZone);
  const after = offsetMs(guess + 3 * 3_600_000, timeZone);
  // Try the earlier offset first (the first occurrence of an ambiguous time).
  for (const offset of before >= after ? [before, after] : [after, before]) {
    const candidate = guess - offset;
    if (offsetMs(candidate, timeZone) === offset) return candidate;
  }
  // Skipped local time: the clocks jumped over it; the same distance after the jump.
  return guess - Math.min(before, after);
}

export function localDateOf(instant: number, timeZone: string): LocalDate {
  const { year, month, day } = wallClock(new Date(instant), timeZone);
  return { year, month, day };
}

/** YYYY-MM-DD. */
export const toIsoDate = formatDate;

/** A valid calendar date from YYYY-MM-DD, or null. */
export const parseIsoDate = parseDate;
