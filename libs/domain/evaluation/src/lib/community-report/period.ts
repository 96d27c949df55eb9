import { badInput } from '@socle/platform-errors';

/**
 * The period arithmetic of the community reports, pure so it is tested without
 * a database. A period is a calendar quarter or month of the organisation's own
 * time zone: a client in Montréal reads "Q3" as July to September in Montréal,
 * so its bounds are the local midnights, whatever their UTC offsets (a quarter
 * that crosses a daylight-saving change is an hour shorter or longer).
 */
export type CommunityReportKind = 'QUARTERLY' | 'MONTHLY';

export interface ReportPeriod {
  kind: CommunityReportKind;
  /** First local day, YYYY-MM-DD. */
  firstDay: string;
  /** Last local day (included), YYYY-MM-DD. */
  lastDay: string;
  /** The first instant (local midnight of the first day). */
  start: Date;
  /** The first instant after the period (excluded). */
  end: Date;
  /** The bucket of the charts: weeks for a quarter, days for a month. */
  interval: 'WEEK' | 'DAY';
}

/** The earliest period a report is asked for (a typo such as 0202 is refused, not answered with an empty report). */
export const EARLIEST_REPORT_YEAR = 2000;

const LOCAL_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The offset of `timeZone` from UTC at `at`, in milliseconds (Paris in summer: +7,200,000). */
export function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - (at.getTime() - at.getUTCMilliseconds());
}

/** The instant of local midnight starting day (year, month 0-based, day) in `timeZone`; months and days may overflow. */
export function localMidnight(year: number, month: number, day: number, timeZone: string): Date {
  const wall = new Date(0);
  wall.setUTCFullYear(year, month, day);
  const w = wall.getTime();
  // The offsets in force the day before and the day after: midnight is one of them applied to the wall time.
  const candidates = [...new Set([w - 86_400_000, w + 86_400_000].map((t) => w - zoneOffsetMs(new Date(t), timeZone)))].sort(
    (a, b) => a - b,
  );
  const exact = candidates.find((t) => t + zoneOffsetMs(new Date(t), timeZone) === w);
  // None when the clocks jump over midnight (Santiago in September): the day starts at the jump, the later candidate.
  return new Date(exact ?? candidates[candidates.length - 1]);
}

function isoOf(year: number, month: number, day: number): string {
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  return date.toISOString().slice(0, 10);
}

/** The quarter or month holding local day (year, month 0-based), in `timeZone`. */
function periodHolding(kind: CommunityReportKind, year: number, month: number, timeZone: string): ReportPeriod {
  const first = kind === 'QUARTERLY' ? month - (month % 3) : month;
  const months = kind === 'QUARTERLY' ? 3 : 1;
  return {
    kind,
    firstDay: isoOf(year, first, 1),
    lastDay: isoOf(year, first + months, 0),
    start: localMidnight(year, first, 1, timeZone),
    end: localMidnight(year, first + months, 1, timeZone),
    interval: kind === 'QUARTERLY' ? 'WEEK' : 'DAY',
  };
}

/**
 * The period a caller names with any local day in it ("2026-08-14" names the
 * third quarter, or August): refused when the day is not a real date, before
 * 2000, or when the period has not begun at `now` (a period in progress is
 * reported up to now, and says so).
 */
export function reportPeriod(kind: CommunityReportKind, day: string, timeZone: string, now: Date, field = 'periodStart'): ReportPeriod {
  if (kind !== 'QUARTERLY' && kind !== 'MONTHLY') throw badInput('kind', 'must be QUARTERLY or MONTHLY');
  const match = LOCAL_DAY.exec(day);
  if (!match) throw badInput(field, 'must be a day written YYYY-MM-DD, e.g. 2026-07-01');
  const [year, month, date] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  if (month > 11 || date < 1 || isoOf(year, month, date) !== day) throw badInput(field, 'is not a date of the calendar');
  if (year < EARLIEST_REPORT_YEAR) throw badInput(field, `must be in ${EARLIEST_REPORT_YEAR} or later`);
  const period = periodHolding(kind, year, month, timeZone);
  if (period.start.getTime() > now.getTime()) throw badInput(field, 'names a period that has not begun yet');
  return period;
}

/** The period just before (the previous quarter or month), for the comparisons. */
export function previousPeriod(period: ReportPeriod, timeZone: string): ReportPeriod {
  const [year, month] = period.firstDay.split('-').map(Number);
  return periodHolding(period.kind, year, month - 1 - (period.kind === 'QUARTERLY' ? 3 : 1), timeZone);
}

/** Whether the period is over at `now`; a report of a period in progress covers it up to now. */
export function isComplete(period: ReportPeriod, now: Date): boolean {
  return period.end.getTime() <= now.getTime();
}

/** "T3 2026" / "Q3 2026", "août 2026" / "August 2026". */
export function periodLabel(period: ReportPeriod, locale: 'fr' | 'en'): string {
  const [year, month] = period.firstDay.split('-').map(Number);
  if (period.kind === 'QUARTERLY') return `${locale === 'fr' ? 'T' : 'Q'}${Math.floor((month - 1) / 3) + 1} ${year}`;
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}
