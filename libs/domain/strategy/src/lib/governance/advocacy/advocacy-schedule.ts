import { addDays, isoWeekday, LocalDate, localDateOf, zonedTime } from '../../task-force/calendar';

/**
 * When the monthly advocacy digest goes out by itself: the previous month's
 * digest on the first business day of the month (Monday to Friday, 1 January
 * excepted) at 09:00 in the organisation's time zone, and any time after that
 * until the month ends (a worker that was stopped catches up). Pure.
 */
export const DIGEST_LOCAL_TIME = { hour: 9, minute: 0 } as const;

/** The first business day of a month: the first Monday-to-Friday day that is not 1 January. */
export function firstBusinessDay(year: number, month: number): LocalDate {
  let day: LocalDate = { year, month, day: 1 };
  while (isoWeekday(day) > 5 || (day.month === 1 && day.day === 1)) day = addDays(day, 1);
  return day;
}

/** YYYY-MM of a month. */
export function monthKey(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The instant the digest of the month before (`year`, `month`) is due: 09:00 local on the month's first business day. */
export function digestDueAt(year: number, month: number, timeZone: string): Date {
  return zonedTime(firstBusinessDay(year, month), DIGEST_LOCAL_TIME.hour, DIGEST_LOCAL_TIME.minute, timeZone);
}

/**
 * The digest due at `now` in `timeZone`: the month before the local month, once
 * its first business day's 09:00 has passed; null before that (the month before
 * that one is no longer sent by itself).
 */
export function dueDigest(now: Date, timeZone: string): { month: string; dueAt: Date } | null {
  const today = localDateOf(now, timeZone);
  const dueAt = digestDueAt(today.year, today.month, timeZone);
  if (now.getTime() < dueAt.getTime()) return null;
  const previous = today.month === 1 ? { year: today.year - 1, month: 12 } : { year: today.year, month: today.month - 1 };
  return { month: monthKey(previous.year, previous.month), dueAt };
}

/** The next instant a digest goes out by itself, at or after `now` (this month's when still ahead, else next month's). */
export function nextDigestAt(now: Date, timeZone: string): { month: string; dueAt: Date } {
  const today = localDateOf(now, timeZone);
  const thisMonth = digestDueAt(today.year, today.month, timeZone);
  if (now.getTime() < thisMonth.getTime()) {
    const previous = today.month === 1 ? { year: today.year - 1, month: 12 } : { year: today.year, month: today.month - 1 };
    return { month: monthKey(previous.year, previous.month), dueAt: thisMonth };
  }
  const next = today.month === 12 ? { year: today.year + 1, month: 1 } : { year: today.year, month: today.month + 1 };
  return { month: monthKey(today.year, today.month), dueAt: digestDueAt(next.year, next.month, timeZone) };
}
