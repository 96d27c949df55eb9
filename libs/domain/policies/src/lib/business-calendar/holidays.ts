/**
 * Public holidays, computed (no table to keep up to date): fixed dates plus the
 * movable feasts that hang on Easter Sunday (Gregorian computus).
 *
 * - FR: the eleven national public holidays (jours fériés) of the Code du travail
 *   (art. L3133-1): 1 January, Easter Monday, 1 May, 8 May, Ascension, Whit Monday,
 *   14 July, 15 August, 1 November, 11 November, 25 December. Alsace and Moselle add
 *   Good Friday and 26 December: list them as closed days there.
 * - CH: the federal holiday (1 August, Federal Constitution art. 110) and the days the
 *   cantons and the Federal Labour Act treat like Sundays almost everywhere: 1 and
 *   2 January, Good Friday, Easter Monday, Ascension, Whit Monday, 25 and 26 December.
 *   Holidays are cantonal in Switzerland: 2 January is not a holiday in every canton,
 *   Good Friday is not one in Valais or Ticino, and cantons add their own (Corpus
 *   Christi, Assumption, Jeûne genevois, Saint Berchtold…). Add those as closed days.
 */
import { addDays, LocalDate, toIsoDate } from './zoned-time';

export const HOLIDAY_COUNTRIES = ['FR', 'CH'] as const;
export type HolidayCountry = (typeof HOLIDAY_COUNTRIES)[number];

export interface PublicHoliday {
  /** YYYY-MM-DD */
  date: string;
  name: { fr: string; en: string };
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

type Rule = { month: number; day: number } | { easter: number };
const NAMES: Record<string, { fr: string; en: string }> = {
  newYear: { fr: 'Jour de l’an', en: 'New Year’s Day' },
  berchtold: { fr: 'Saint-Berchtold', en: 'Berchtold’s Day' },
  goodFriday: { fr: 'Vendredi saint', en: 'Good Friday' },
  easterMonday: { fr: 'Lundi de Pâques', en: 'Easter Monday' },
  labour: { fr: 'Fête du travail', en: 'Labour Day' },
  victory: { fr: 'Victoire 1945', en: 'Victory in Europe Day' },
  ascension: { fr: 'Ascension', en: 'Ascension Day' },
  whitMonday: { fr: 'Lundi de Pentecôte', en: 'Whit Monday' },
  bastille: { fr: 'Fête nationale', en: 'Bastille Day' },
  swissNational: { fr: 'Fête nationale suisse', en: 'Swiss National Day' },
  assumption: { fr: 'Assomption', en: 'Assumption Day' },
  allSaints: { fr: 'Toussaint', en: 'All Saints’ Day' },
  armistice: { fr: 'Armistice 1918', en: 'Armistice Day' },
  christmas: { fr: 'Noël', en: 'Christmas Day' },
  stStephen: { fr: 'Saint-Étienne', en: 'St Stephen’s Day' },
};

const RULES: Record<HolidayCountry, [keyof typeof NAMES, Rule][]> = {
  FR: [
    ['newYear', { month: 1, day: 1 }],
    ['easterMonday', { easter: 1 }],
    ['labour', { month: 5, day: 1 }],
    ['victory', { month: 5, day: 8 }],
    ['ascension', { easter: 39 }],
    ['whitMonday', { easter: 50 }],
    ['bastille', { month: 7, day: 14 }],
    ['assumption', { month: 8, day: 15 }],
    ['allSaints', { month: 11, day: 1 }],
    ['armistice', { month: 11, day: 11 }],
    ['christmas', { month: 12, day: 25 }],
  ],
  CH: [
    ['newYear', { month: 1, day: 1 }],
    ['berchtold', { month: 1, day: 2 }],
    ['goodFriday', { easter: -2 }],
    ['easterMonday', { easter: 1 }],
    ['ascension', { easter: 39 }],
    ['whitMonday', { easter: 50 }],
    ['swissNational', { month: 8, day: 1 }],
    ['christmas', { month: 12, day: 25 }],
    ['stStephen', { month: 12, day: 26 }],
  ],
};

/** The public holidays of a country in a year, in date order. */
export function publicHolidays(country: HolidayCountry, year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  return RULES[country]
    .map(([name, rule]) => ({
      date: toIsoDate('easter' in rule ? addDays(easter, rule.easter) : { year, month: rule.month, day: rule.day }),
      name: NAMES[name],
    }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const cache = new Map<string, Set<string>>();

/** Whether `date` (YYYY-MM-DD) is a public holiday of `country`. */
export function isPublicHoliday(country: HolidayCountry, date: LocalDate): boolean {
  const key = `${country}|${date.year}`;
  let days = cache.get(key);
  if (!days) {
    days = new Set(publicHolidays(country, date.year).map((h) => h.date));
    if (cache.size > 1000) cache.clear();
    cache.set(key, days);
  }
  return days.has(toIsoDate(date));
}
