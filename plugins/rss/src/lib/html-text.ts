/** Feed summaries are HTML more often than not; mentions carry plain text. */

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', trade: '™',
  hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
  euro: '€', pound: '£', deg: '°', middot: '·', bull: '•', times: '×', eacute: 'é', egrave: 'è', ecirc: 'ê',
  euml: 'ë', agrave: 'à', acirc: 'â', auml: 'ä', aacute: 'á', ccedil: 'ç', icirc: 'î', iuml: 'ï', iacute: 'í',
  ocirc: 'ô', ouml: 'ö', oacute: 'ó', ugrave: 'ù', ucirc: 'û', uuml: 'ü', uacute: 'ú', ntilde: 'ñ', oelig: 'œ',
  Eacute: 'É', Egrave: 'È', Ecirc: 'Ê', Agrave: 'À', Ccedil: 'Ç', Ocirc: 'Ô', Uuml: 'Ü', Ouml: 'Ö', Auml: 'Ä',
  szlig: 'ß', atilde: 'ã', otilde: 'õ', Atilde: 'Ã', Otilde: 'Õ',
};

/** HTML named entities, beyond XML's five, that feeds use without declaring. */
export const HTML_ENTITIES: Readonly<Record<string, string>> = NAMED;

export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (match, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return NAMED[entity] ?? match;
  });
}

/** Plain text from an HTML fragment: tags dropped, entities decoded, whitespace collapsed. */
export function htmlToText(html: string, maxLength = 2000): string {
  const text = html.includes('<') || html.includes('&')
    ? decodeHtmlEntities(
        html
          .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
          .replace(/<!--[\s\S]*?-->/g, ' ')
          .replace(/<[^>]*>/g, ' '),
      )
    : html;
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1)}…` : flat;
}
