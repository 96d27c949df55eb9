/** One line of text: no line breaks or control characters from a title or a name in a mail's subject or body. */
export function mailLine(text: string): string {
  return text
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A moment as a mail states it: long date and time in the reader's language and a time zone, named (UTC when unknown). */
export function mailMoment(at: Date, locale: 'fr' | 'en', timeZone: string): string {
  const format = (zone: string) =>
    new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(at);
  try {
    return `${format(timeZone)} (${timeZone})`;
  } catch {
    return `${format('UTC')} (UTC)`;
  }
}
