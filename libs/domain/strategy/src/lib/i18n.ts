import type { LocalisedText } from '@socle/platform-evidence';

/** The product's two languages; the organisation's locale decides which one people read. */
export type Locale = 'fr' | 'en';

export function asLocale(value: string | null | undefined): Locale {
  return value === 'en' ? 'en' : 'fr';
}

export function pick(text: LocalisedText, locale: Locale): string {
  return text[locale];
}

/** Joins quoted names in a sentence: "A", "B" and 2 more. */
export function quoted(names: readonly string[], locale: Locale, shown = 3): string {
  const list = names.slice(0, shown).map((n) => (locale === 'fr' ? `« ${n} »` : `"${n}"`));
  const more = names.length - list.length;
  if (more > 0) list.push(locale === 'fr' ? `${more} autre${more > 1 ? 's' : ''}` : `${more} more`);
  if (list.length <= 1) return list.join('');
  const and = locale === 'fr' ? ' et ' : ' and ';
  return `${list.slice(0, -1).join(', ')}${and}${list[list.length - 1]}`;
}

/** Both languages of a sentence built from the same data. */
export function both(build: (locale: Locale) => string): LocalisedText {
  return { fr: build('fr'), en: build('en') };
}
