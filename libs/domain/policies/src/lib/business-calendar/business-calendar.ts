/**
 * An organisation's business calendar (working hours per weekday in its time zone,
 * public holidays of a country, its own closed days) and durations counted in
 * business time only. Pure: the comment rules call `addBusinessDuration` with the
 * organisation's calendar when a rule counts in business hours.
 */
import { HOLIDAY_COUNTRIES, HolidayCountry, isPublicHoliday } from './holidays';
import { addDays, isoWeekday, isValidTimeZone, LocalDate, localDateOf, parseIsoDate, toIsoDate, zonedInstant } from './zoned-time';

/** Open from `start` to `end`, in minutes after local midnight (0..1440, start < end). */
export interface WorkingPeriod {
  start: number;
  end: number;
}

export interface BusinessCalendar {
  /** IANA time zone the hours are read in, e.g. Europe/Paris. */
  timeZone: string;
  /** Whose public holidays close the organisation (null: none). */
  holidayCountry: HolidayCountry | null;
  /** Seven entries, Monday first: the working periods of that weekday (empty: closed). */
  week: readonly (readonly WorkingPeriod[])[];
  /** The organisation's own closed days (YYYY-MM-DD), e.g. a bridge day or a cantonal holiday. */
  closedDays: readonly string[];
}

export const MAX_PERIODS_PER_DAY = 4;
export const MAX_CLOSED_DAYS = 400;
/**
 * How far ahead business time is looked for: ten years of days. A calendar open at
 * least one minute a week always ends well before; this only bounds the loop.
 */
export const MAX_SEARCH_DAYS = 3660;

export class NoBusinessTimeError extends Error {
  constructor() {
    super(`No business time within ${MAX_SEARCH_DAYS} days: the calendar is always closed`);
    this.name = 'NoBusinessTimeError';
  }
}

const NINE_TO_SIX: readonly WorkingPeriod[] = [{ start: 9 * 60, end: 18 * 60 }];

/** The country whose holidays a time zone suggests (Europe/Paris → FR), or null. */
export function countryOfTimeZone(timeZone: string): HolidayCountry | null {
  if (timeZone === 'Europe/Paris') return 'FR';
  if (timeZone === 'Europe/Zurich') return 'CH';
  return null;
}

/** What applies until the organisation sets its calendar: Monday to Friday, 09:00–18:00, the zone's country's holidays. */
export function defaultBusinessCalendar(timeZone: string): BusinessCalendar {
  return {
    timeZone,
    holidayCountry: countryOfTimeZone(timeZone),
    week: [NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, [], []],
    closedDays: [],
  };
}

const closedSets = new WeakMap<BusinessCalendar, Set<string>>();

/** Whether the organisation works on this local date at all (weekday open, not a holiday, not a closed day). */
export function isOpenDay(calendar: BusinessCalendar, date: LocalDate): boolean {
  if (calendar.week[isoWeekday(date) - 1].length === 0) return false;
  if (calendar.holidayCountry && isPublicHoliday(calendar.holidayCountry, date)) return false;
  if (calendar.closedDays.length === 0) return true;
  let closed = closedSets.get(calendar);
  if (!closed) closedSets.set(calendar, (closed = new Set(calendar.closedDays)));
  return !closed.has(toIsoDate(date));
}

/**
 * The instant `minutes` of business time after `start`: time counts only inside the
 * working periods of open days, read on the wall clock of the calendar's zone, so a
 * daylight-saving change moves nothing (a period 09:00–18:00 stays nine hours). A
 * start outside business hours counts from the next opening. One step per calendar
 * day, at most `MAX_SEARCH_DAYS`: a closure of weeks costs weeks of steps, never more.
 * Throws `NoBusinessTimeError` when the calendar never opens.
 */
export function addBusinessDuration(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError('minutes must be a finite number ≥ 0');
  const from = start.getTime();
  if (!Number.isFinite(from)) throw new RangeError('start must be a valid date');
  let remaining = Math.round(minutes * 60_000);
  let date = localDateOf(from, calendar.timeZone);
  for (let step = 0; step < MAX_SEARCH_DAYS; step++, date = addDays(date, 1)) {
    if (!isOpenDay(calendar, date)) continue;
    for (const period of calendar.week[isoWeekday(date) - 1]) {
      const opens = zonedInstant(date, period.start, calendar.timeZone);
      const closes = zonedInstant(date, period.end, calendar.timeZone);
      const begin = Math.max(opens, from);
      if (closes <= begin) continue;
      // A zero duration lands on the next moment the organisation is open.
      if (remaining <= closes - begin) return new Date(begin + remaining);
      remaining -= closes - begin;
    }
  }
  throw new NoBusinessTimeError();
}

// ---------------------------------------------------------------- validation and text form

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** "09:30" → 570; "24:00" → 1440; null when malformed. */
export function parseClock(text: string): number | null {
  if (typeof text !== 'string' || !HH_MM.test(text)) return null;
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The calendar as people write it: hours as "HH:MM", weekdays 1 (Monday) … 7 (Sunday). */
export interface BusinessCalendarText {
  timeZone: string;
  holidayCountry: string | null;
  days: readonly { weekday: number; periods: readonly { start: string; end: string }[] }[];
  closedDays: readonly string[];
}

export function calendarToText(calendar: BusinessCalendar): BusinessCalendarText {
  return {
    timeZone: calendar.timeZone,
    holidayCountry: calendar.holidayCountry,
    days: calendar.week.map((periods, index) => ({
      weekday: index + 1,
      periods: periods.map((p) => ({ start: formatClock(p.start), end: formatClock(p.end) })),
    })),
    closedDays: [...calendar.closedDays],
  };
}

/**
 * Checks a calendar written as text and builds it; every problem with its path
 * (`.days[1].periods[0].end`), nothing built when there is one. Weekdays left out are closed.
 */
export function parseBusinessCalendar(input: BusinessCalendarText): {
  calendar: BusinessCalendar | null;
  problems: { path: string; message: string }[];
} {
  const problems: { path: string; message: string }[] = [];
  if (!isValidTimeZone(input.timeZone)) problems.push({ path: '.timeZone', message: 'must be an IANA time zone such as Europe/Paris' });
  const country = input.holidayCountry ?? null;
  if (country !== null && !(HOLIDAY_COUNTRIES as readonly string[]).includes(country))
    problems.push({ path: '.holidayCountry', message: `must be one of ${HOLIDAY_COUNTRIES.join(', ')}, or null for no public holidays` });
  const week: WorkingPeriod[][] = [[], [], [], [], [], [], []];
  const seen = new Set<number>();
  input.days.forEach((day, d) => {
    const at = `.days[${d}]`;
    if (!Number.isInteger(day.weekday) || day.weekday < 1 || day.weekday > 7) {
      problems.push({ path: `${at}.weekday`, message: 'must be 1 (Monday) … 7 (Sunday)' });
      return;
    }
    if (seen.has(day.weekday)) problems.push({ path: `${at}.weekday`, message: `repeats weekday ${day.weekday}` });
    seen.add(day.weekday);
    if (day.periods.length > MAX_PERIODS_PER_DAY)
      problems.push({ path: `${at}.periods`, message: `at most ${MAX_PERIODS_PER_DAY} periods a day` });
    const periods: WorkingPeriod[] = [];
    day.periods.slice(0, MAX_PERIODS_PER_DAY).forEach((p, i) => {
      const start = parseClock(p.start);
      const end = parseClock(p.end);
      if (start === null || start === 1440)
        problems.push({ path: `${at}.periods[${i}].start`, message: 'must be a time HH:MM from 00:00 to 23:59' });
      if (end === null) problems.push({ path: `${at}.periods[${i}].end`, message: 'must be a time HH:MM from 00:01 to 24:00' });
      if (start === null || end === null) return;
      if (end <= start) problems.push({ path: `${at}.periods[${i}].end`, message: 'must be after the start' });
      else if (periods.length > 0 && start < periods[periods.length - 1].end)
        problems.push({ path: `${at}.periods[${i}].start`, message: 'must not be before the end of the previous period' });
      else periods.push({ start, end });
    });
    week[day.weekday - 1] = periods;
  });
  if (problems.length === 0 && week.every((periods) => periods.length === 0))
    problems.push({ path: '.days', message: 'must open at least one period in the week' });
  if (input.closedDays.length > MAX_CLOSED_DAYS) problems.push({ path: '.closedDays', message: `at most ${MAX_CLOSED_DAYS} days` });
  const closedDays = new Set<string>();
  input.closedDays.slice(0, MAX_CLOSED_DAYS).forEach((text, i) => {
    const date = typeof text === 'string' ? parseIsoDate(text) : null;
    if (!date) problems.push({ path: `.closedDays[${i}]`, message: 'must be a date YYYY-MM-DD' });
    else closedDays.add(toIsoDate(date));
  });
  if (problems.length > 0) return { calendar: null, problems };
  return {
    calendar: { timeZone: input.timeZone, holidayCountry: country as HolidayCountry | null, week, closedDays: [...closedDays].sort() },
    problems,
  };
}
