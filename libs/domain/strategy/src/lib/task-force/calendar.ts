/**
 * Calendar arithmetic in an IANA time zone with nothing but Intl: the local
 * date of an instant, the instant of a local date and time, ISO weeks.
 */

export interface LocalDate {
  year: number;
  month: number; // 1..12
  day: number;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock parts of an instant in a zone. */
export function wallClock(instant: Date, timeZone: string): LocalDate & { hour: number; minute: number; second: number } {
  const parts = formatter(timeZone).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

function offsetMs(instant: number, timeZone: string): number {
  const w = wallClock(new Date(instant), timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant at which the zone's clocks show this local date and time (a time skipped by DST moves forward). */
export function zonedTime(date: LocalDate, hour: number, minute: number, timeZone: string): Date {
  const guess = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const first = guess - offsetMs(guess, timeZone);
  const second = guess - offsetMs(first, timeZone);
  return new Date(second);
}

export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const { year, month, day } = wallClock(instant, timeZone);
  return { year, month, day };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(date: LocalDate): number {
  const day = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** ISO 8601 week number (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: LocalDate): { year: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const jan1 = Date.UTC(thursday.year, 0, 1);
  const week = Math.floor((Date.UTC(thursday.year, thursday.month - 1, thursday.day) - jan1) / 86_400_000 / 7) + 1;
  return { year: thursday.year, week };
}

export function formatDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

export function parseDate(value: string): LocalDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  if (check.getUTCFullYear() !== date.year || check.getUTCMonth() + 1 !== date.month || check.getUTCDate() !== date.day) return null;
  return date;
}

/** "HH:MM" (or "HH:MM:SS" as PostgreSQL returns a time) to hours and minutes. */
export function parseTime(value: string): { hour: number; minute: number } | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/.exec(value);
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : null;
}

export type Cadence = { cadence: 'WEEKLY'; weekday: number; time: string } | { cadence: 'MONTHLY'; dayOfMonth: number; time: string };

/** The next start (at or after `now`) of a weekly or monthly ritual, in its zone. */
export function nextOccurrence(rule: Cadence, timeZone: string, now: Date): { startsAt: Date; localDate: LocalDate } {
  const time = parseTime(rule.time);
  if (!time) throw new Error(`not a time of day: ${rule.time}`);
  const today = localDateOf(now, timeZone);
  const candidates: LocalDate[] = [];
  if (rule.cadence === 'WEEKLY') {
    const first = addDays(today, (rule.weekday - isoWeekday(today) + 7) % 7);
    candidates.push(first, addDays(first, 7));
  } else {
    for (let i = 0; i < 2; i += 1) {
      const month = today.month - 1 + i;
      candidates.push({ year: today.year + Math.floor(month / 12), month: (month % 12) + 1, day: rule.dayOfMonth });
    }
  }
  for (const localDate of candidates) {
    const startsAt = zonedTime(localDate, time.hour, time.minute, timeZone);
    if (startsAt.getTime() >= now.getTime()) return { startsAt, localDate };
  }
  throw new Error('no next occurrence'); // unreachable: the second candidate is always ahead
}
