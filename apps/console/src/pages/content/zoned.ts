import type { CombinedError } from 'urql';

/**
 * Civil dates (YYYY-MM-DD) and wall-clock times in the organisation's time zone, never the browser's. A civil date is
 * handled as the UTC midnight of that date, so adding days is plain arithmetic and never crosses a time change.
 */
const DAY = 86_400_000;

const partsFormat = new Map<string, Intl.DateTimeFormat>();
function formatIn(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormat.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormat.set(timeZone, format);
  }
  return format;
}

/** The wall-clock time at `instant` in `timeZone`, as milliseconds of a UTC date with the same fields. */
export function wallClock(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatIn(timeZone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
}

/** The instant at which the wall clock of `timeZone` shows `wall` (the later one when a time change skips it). */
export function instantOf(wall: number, timeZone: string): number {
  let instant = wall - (wallClock(wall, timeZone) - wall);
  instant = wall - (wallClock(instant, timeZone) - instant);
  return instant;
}

export const civilDay = (wall: number): number => Math.floor(wall / DAY) * DAY;
export const addDays = (day: number, days: number): number => day + days * DAY;
export const dayKey = (day: number): string => new Date(day).toISOString().slice(0, 10);
export const dayOf = (instant: string | number, timeZone: string): number =>
  civilDay(wallClock(typeof instant === 'string' ? Date.parse(instant) : instant, timeZone));
/** Monday of the week holding `day`. */
export const weekStart = (day: number): number => addDays(day, -((new Date(day).getUTCDay() + 6) % 7));
export const monthStart = (day: number): number => Date.UTC(new Date(day).getUTCFullYear(), new Date(day).getUTCMonth(), 1);

/** The same wall-clock time of day as `instant`, moved to civil day `day`, as an ISO instant. */
export function moveToDay(instant: string, day: number, timeZone: string): string {
  const wall = wallClock(Date.parse(instant), timeZone);
  return new Date(instantOf(day + (wall - civilDay(wall)), timeZone)).toISOString();
}

/** `<input type="datetime-local">` value (wall clock in the zone) ↔ ISO instant. */
export function toLocalInput(instant: string | null | undefined, timeZone: string): string {
  if (!instant) return '';
  return new Date(wallClock(Date.parse(instant), timeZone)).toISOString().slice(0, 16);
}
export function fromLocalInput(value: string, timeZone: string): string | null {
  const wall = Date.parse(`${value}:00Z`);
  return Number.isNaN(wall) ? null : new Date(instantOf(wall, timeZone)).toISOString();
}

/**
 * The API's field problems (BAD_USER_INPUT carries `extensions.problems: [{ field, message }]`), keyed by the field
 * path without `input.`, so a form shows each next to its field; `rest` is what no field of the form shows.
 */
export function fieldErrors(
  error: CombinedError | undefined,
  fields: readonly string[],
): { byField: Record<string, string>; rest: string[] } {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const e of error?.graphQLErrors ?? []) {
    const problems = (e.extensions?.problems as { field?: string; message?: string }[] | undefined) ?? [];
    let shown = false;
    for (const p of problems) {
      const field = (p.field ?? '').replace(/^input\./, '');
      const known = fields.find((f) => field === f || field.startsWith(`${f}.`) || field.startsWith(`${f}[`));
      if (known && p.message) {
        byField[known] = byField[known] ? `${byField[known]} ${p.message}` : p.message;
        shown = true;
      }
    }
    if (!shown) rest.push(e.message);
  }
  if (error && !error.graphQLErrors.length) rest.push(error.message);
  return { byField, rest };
}
