import type { Locale as ApiLocale } from '../gql/graphql';
import type { Locale } from './messages';

/**
 * The console keys its words by language code (en, fr); the API names the same languages in upper case (EN, FR).
 * Languages cross between the two here, at the API's edge.
 */
export const toApiLocale = (locale: Locale): ApiLocale => (locale === 'fr' ? 'FR' : 'EN');
export const fromApiLocale = (locale: ApiLocale): Locale => (locale === 'FR' ? 'fr' : 'en');
