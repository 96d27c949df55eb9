import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import { messages, type Locale, type MessageKey } from './messages';

/**
 * The language is chosen per person: the account's own (User.locale) unless the person picked another in the
 * console, which is remembered for that person (keyed by user id) in this browser. Before anyone signs in, the
 * browser's language.
 */
const storageKey = (userId: string | null) => `socle.locale.${userId ?? 'anonymous'}`;
const isLocale = (value: unknown): value is Locale => value === 'en' || value === 'fr';

interface LocaleChoice {
  locale: Locale;
  choose(locale: Locale): void;
  /** Applies the signed-in person's language: their earlier choice here, else their account's. */
  adopt(userId: string, accountLocale: Locale): void;
}

const LocaleContext = createContext<LocaleChoice | null>(null);

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [person, setPerson] = useState<string | null>(null);
  const [locale, setLocale] = useState<Locale>(() => {
    const stored = localStorage.getItem(storageKey(null));
    if (isLocale(stored)) return stored;
    return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  });
  const choose = useCallback(
    (next: Locale) => {
      localStorage.setItem(storageKey(person), next);
      setLocale(next);
    },
    [person],
  );
  const adopt = useCallback((userId: string, accountLocale: Locale) => {
    setPerson(userId);
    const stored = localStorage.getItem(storageKey(userId));
    setLocale(isLocale(stored) ? stored : accountLocale);
  }, []);
  const value = useMemo(() => ({ locale, choose, adopt }), [locale, choose, adopt]);
  return (
    <LocaleContext.Provider value={value}>
      <IntlProvider locale={locale} messages={messages[locale]} defaultLocale="en">
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export function useLocaleChoice(): LocaleChoice {
  const choice = useContext(LocaleContext);
  if (!choice) throw new Error('useLocaleChoice outside LocaleProvider');
  return choice;
}

/** t('key', values): the message in the current language. */
export function useT(): (key: MessageKey, values?: Record<string, string | number>) => string {
  const intl = useIntl();
  return useCallback((key, values) => intl.formatMessage({ id: key }, values), [intl]);
}
