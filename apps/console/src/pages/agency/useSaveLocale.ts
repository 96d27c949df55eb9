import { useCallback } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { toApiLocale } from '../../i18n/api-locale';
import type { Locale } from '../../i18n/messages';

const UpdateMeDocument = graphql(`
  mutation UpdateMyLocale($input: UpdateMeInput!) {
    updateMe(input: $input) {
      id
      locale
    }
  }
`);

/**
 * Saves the language a person picks on their account (User.locale), so it follows them to other browsers and to the
 * mails they receive. The choice already applies at once and is remembered in this browser; if the API refuses or
 * cannot be reached, that remembered choice stays.
 */
export function useSaveLocale(): (locale: Locale) => void {
  const [, update] = useMutation(UpdateMeDocument);
  return useCallback(
    (locale: Locale) => {
      void update({ input: { locale: toApiLocale(locale) } });
    },
    [update],
  );
}
