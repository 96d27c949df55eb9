/** Violation messages in the organisation's language. */
import { URL_LENGTH_AS_COUNTED } from './text-length';
import type { ContentLocale, LengthCounting } from './types';

function quoted(values: readonly string[], or: string): string {
  const items = values.map((value) => `"${value}"`);
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${or} ${items[items.length - 1]}`;
}

export function avoidWordMessage(locale: ContentLocale, word: string): string {
  return locale === 'fr'
    ? `"${word}" fait partie des mots à éviter (voix de marque).`
    : `"${word}" is on the words-to-avoid list (brand voice).`;
}

export function addressFormMessage(locale: ContentLocale, word: string, form: 'tu' | 'vous'): string {
  if (locale === 'fr') {
    return form === 'vous'
      ? `"${word}" tutoie le lecteur ; la voix de marque le vouvoie.`
      : `"${word}" vouvoie le lecteur ; la voix de marque le tutoie.`;
  }
  return form === 'vous'
    ? `"${word}" addresses the reader informally (tu); the brand voice uses "vous".`
    : `"${word}" addresses the reader formally (vous); the brand voice uses "tu".`;
}

export function disclosureMessage(locale: ContentLocale, contentKind: string, anyOf: readonly string[]): string {
  return locale === 'fr'
    ? `Ce contenu (${contentKind}) doit porter une mention : ajoutez ${quoted(anyOf, 'ou')}.`
    : `This content (${contentKind}) must carry a disclosure: add ${quoted(anyOf, 'or')}.`;
}

export function forbiddenDomainMessage(locale: ContentLocale, domain: string, host: string): string {
  const where = host === domain ? '' : ` (${host})`;
  return locale === 'fr' ? `Les liens vers "${domain}" sont interdits${where}.` : `Links to "${domain}" are not allowed${where}.`;
}

export function hashtagsMessage(locale: ContentLocale, count: number, max: number): string {
  if (locale === 'fr') {
    return max === 0
      ? `Le texte contient ${count} hashtag${count > 1 ? 's' : ''} ; aucun n'est autorisé. Retirez-les.`
      : `Le texte contient ${count} hashtags ; la limite est de ${max}. Retirez-en ${count - max}.`;
  }
  return max === 0
    ? `The text has ${count} hashtag${count > 1 ? 's' : ''}; none are allowed. Remove ${count > 1 ? 'them' : 'it'}.`
    : `The text has ${count} hashtags; the limit is ${max}. Remove ${count - max}.`;
}

function unit(locale: ContentLocale, counting: LengthCounting): string {
  if (locale === 'fr') {
    switch (counting) {
      case 'graphemes':
        return 'caractères (un emoji ou une lettre accentuée compte pour 1)';
      case 'code-points-urls-as-23':
        return `caractères (chaque lien compte pour ${URL_LENGTH_AS_COUNTED})`;
      case 'code-points':
        return 'caractères';
    }
  }
  switch (counting) {
    case 'graphemes':
      return 'characters (an emoji or an accented letter counts as 1)';
    case 'code-points-urls-as-23':
      return `characters (every link counts as ${URL_LENGTH_AS_COUNTED})`;
    case 'code-points':
      return 'characters';
  }
}

export function lengthMessage(locale: ContentLocale, network: string, length: number, max: number, counting: LengthCounting): string {
  return locale === 'fr'
    ? `Le texte fait ${length} ${unit(locale, counting)} ; ${network} en autorise ${max}. Retirez-en ${length - max}.`
    : `The text is ${length} ${unit(locale, counting)} long; ${network} allows ${max}. Remove ${length - max}.`;
}

export function bytesMessage(locale: ContentLocale, network: string, bytes: number, max: number): string {
  return locale === 'fr'
    ? `Le texte occupe ${bytes} octets en UTF-8 ; ${network} en autorise ${max}.`
    : `The text takes ${bytes} bytes in UTF-8; ${network} allows ${max}.`;
}
