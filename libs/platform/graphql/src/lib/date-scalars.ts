import { GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { describeInputValue, describeLiteral, InputValueError } from './input-value-error';

/** No value of these scalars is longer (a date-time with nine decimals and an offset has 35 characters). */
const LONGEST = 40;

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const dayExists = (year: number, month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

/** What a scalar says of a string it refuses: nothing more than "not that form", or why (a day that does not exist). */
type Verdict = { ok: true } | { ok: false; why?: string };

const OK: Verdict = { ok: true };
const NOT_THE_FORM: Verdict = { ok: false };

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;
const TIME_OF_DAY = /^(\d{2}):(\d{2})$/;

function checkCalendarDay(value: string): Verdict {
  const m = CALENDAR_DAY.exec(value);
  if (!m) return NOT_THE_FORM;
  return dayExists(Number(m[1]), Number(m[2]), Number(m[3])) ? OK : { ok: false, why: 'that day does not exist' };
}

function checkYearMonth(value: string): Verdict {
  const m = YEAR_MONTH.exec(value);
  if (!m) return NOT_THE_FORM;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? OK : { ok: false, why: 'months run from 01 to 12' };
}

function checkLocalTime(value: string): Verdict {
  const m = TIME_OF_DAY.exec(value);
  if (!m) return NOT_THE_FORM;
  return Number(m[1]) <= 23 && Number(m[2]) <= 59 ? OK : { ok: false, why: 'that time does not exist on a 24-hour clock' };
}

// The offset is optional here only to say so when it is missing.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}:\d{2})?$/;

/** The instant an RFC 3339 date-time names, or why it names none. */
function readDateTime(value: string): { instant: Date } | { instant: null; verdict: Verdict } {
  const m = value.length <= LONGEST ? DATE_TIME.exec(value) : null;
  if (!m) return { instant: null, verdict: NOT_THE_FORM };
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  const offset = m[8];
  if (!offset) return { instant: null, verdict: { ok: false, why: 'it has no time zone offset (Z for UTC, or such as +02:00)' } };
  if (!dayExists(year, month, day) || hour > 23 || minute > 59 || second > 59) {
    return { instant: null, verdict: { ok: false, why: 'that date or time does not exist' } };
  }
  let offsetMinutes = 0;
  if (offset !== 'Z' && offset !== 'z') {
    // No time zone is further than 14 hours from UTC (RFC 3339's grammar would allow up to 23:59).
    const [hours, minutes] = [Number(offset.slice(1, 3)), Number(offset.slice(4, 6))];
    if (minutes > 59 || hours * 60 + minutes > 14 * 60)
      return { instant: null, verdict: { ok: false, why: 'time zone offsets run from -14:00 to +14:00' } };
    offsetMinutes = (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  // Milliseconds are what a JavaScript date holds; finer fractions are dropped.
  const milliseconds = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const instant = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0 to 99 as 1900 to 1999.
  instant.setUTCFullYear(year, month - 1, day);
  instant.setUTCHours(hour, minute, second, milliseconds);
  return { instant: new Date(instant.getTime() - offsetMinutes * 60_000) };
}

const refusal = (expected: string, got: string, verdict: Verdict) =>
  new InputValueError(`Expected ${expected}, got ${got}${!verdict.ok && verdict.why ? `: ${verdict.why}` : ''}.`);

/**
 * A scalar whose values are strings of one form, the same in and out: the
 * services keep working on strings, checked once here.
 */
function stringScalar(options: { name: string; description: string; expected: string; check: (value: string) => Verdict }) {
  const checked = (value: string, got: () => string): string => {
    const verdict = value.length <= LONGEST ? options.check(value) : NOT_THE_FORM;
    if (!verdict.ok) throw refusal(options.expected, got(), verdict);
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name: options.name,
    description: options.description,
    serialize: (value) => {
      // An answer of the wrong form is the server's mistake: a plain error, reported as INTERNAL.
      if (typeof value !== 'string' || (value.length <= LONGEST ? !options.check(value).ok : true))
        throw new TypeError(`${options.name} cannot represent ${describeInputValue(value)}.`);
      return value;
    },
    parseValue: (value) => {
      if (typeof value !== 'string') throw refusal(options.expected, describeInputValue(value), NOT_THE_FORM);
      return checked(value, () => describeInputValue(value));
    },
    parseLiteral: (ast: ValueNode) => {
      if (ast.kind !== Kind.STRING) throw refusal(options.expected, describeLiteral(ast), NOT_THE_FORM);
      return checked(ast.value, () => describeLiteral(ast));
    },
  });
}

/** A calendar day, YYYY-MM-DD, that exists; parsed to the same string. */
export const DateScalar = stringScalar({
  name: 'Date',
  description:
    'A calendar day, written YYYY-MM-DD (ISO 8601), such as 2026-10-01; it must exist (2026-02-30 is refused). Whose calendar (which time zone) is said where it is used.',
  expected: 'a calendar day written YYYY-MM-DD (such as 2026-10-01)',
  check: checkCalendarDay,
});

/** A calendar month, YYYY-MM; parsed to the same string. */
export const YearMonthScalar = stringScalar({
  name: 'YearMonth',
  description: 'A calendar month, written YYYY-MM (ISO 8601), month 01 to 12, such as 2026-10.',
  expected: 'a month written YYYY-MM (such as 2026-10)',
  check: checkYearMonth,
});

/** A time of day, HH:MM from 00:00 to 23:59; parsed to the same string. */
export const LocalTimeScalar = stringScalar({
  name: 'LocalTime',
  description:
    'A time of day on a 24-hour clock, written HH:MM, from 00:00 to 23:59, such as 09:30. The time zone it is read in is said where it is used.',
  expected: 'a time of day written HH:MM, from 00:00 to 23:59 (such as 09:30)',
  check: checkLocalTime,
});

const DATE_TIME_EXPECTED = 'an RFC 3339 date-time with its time zone offset (such as 2026-10-01T08:00:00Z or 2026-10-01T10:00:00+02:00)';

function parseDateTime(value: string, got: () => string): Date {
  const read = readDateTime(value);
  if (read.instant === null) throw refusal(DATE_TIME_EXPECTED, got(), read.verdict);
  return read.instant;
}

/**
 * An instant: an RFC 3339 date-time with its offset, read strictly (every part
 * must exist as written, where `new Date()` would roll 30 February into March);
 * parsed to a `Date`. Answers are UTC with milliseconds (`toISOString()`).
 * Replaces Nest's DateTime scalar, which took whatever `new Date()` accepts.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description:
    'An instant, written as an RFC 3339 date-time with its time zone offset: 2026-10-01T08:00:00Z or 2026-10-01T10:00:00+02:00. Seconds and a fraction of a second may be left out (fractions beyond the millisecond are dropped). The date and time must exist (2026-02-30 is refused) and the offset lie between -14:00 and +14:00. Answers are always in UTC with milliseconds, such as 2026-10-01T08:00:00.000Z.',
  serialize: (value) => {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    if (typeof value === 'string') {
      const read = readDateTime(value);
      if (read.instant) return read.instant.toISOString();
    }
    // An answer that is no instant is the server's mistake: a plain error, reported as INTERNAL.
    throw new TypeError(`DateTime cannot represent ${value instanceof Date ? 'an invalid date' : describeInputValue(value)}.`);
  },
  parseValue: (value) => {
    if (typeof value !== 'string') throw refusal(DATE_TIME_EXPECTED, describeInputValue(value), NOT_THE_FORM);
    return parseDateTime(value, () => describeInputValue(value));
  },
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind !== Kind.STRING) throw refusal(DATE_TIME_EXPECTED, describeLiteral(ast), NOT_THE_FORM);
    return parseDateTime(ast.value, () => describeLiteral(ast));
  },
});

/** The scalars of days, months, times of day and instants, for the schema's scalarsMap and for tests. */
export const DATE_SCALARS = [DateScalar, YearMonthScalar, LocalTimeScalar, DateTimeScalar] as const;
