import { growthRatio, LINEAR_GROWTH_LIMIT } from '../testing/linear-time';
import { htmlToText } from './html-text';

describe('htmlToText', () => {
  // Each hostile shape, at n and 8n: the time must grow like the input (ratio about 8), not
  // like its square (about 64), as the former regular expressions did.
  const hostile: Array<[string, (n: number) => string]> = [
    ['unclosed comments', (n) => '<!--x'.repeat(n / 5)],
    ['unclosed tags', (n) => '<a'.repeat(n / 2)],
    ['unclosed attribute values', (n) => '<a href="x'.repeat(n / 10)],
    ['unclosed single-quoted values', (n) => "<a href='x ".repeat(n / 11)],
    ['unclosed scripts', (n) => '<script>x</scrip'.repeat(n / 16)],
    ['unclosed CDATA', (n) => '<![CDATA[x'.repeat(n / 10)],
    ['many CDATA sections', (n) => '<![CDATA[x]]>'.repeat(n / 13)],
    ['many named entities', (n) => '&eacute;&hellip;&nosuch;&amp'.repeat(n / 28)],
    ['long numeric entities', (n) => `&#x${'1'.repeat(n)}`],
    ['many lone <', (n) => 'a < '.repeat(n / 4)],
    ['many tags', (n) => '<p>a</p><b>b</b>'.repeat(n / 16)],
    ['white space', (n) => ' \n'.repeat(n / 2) + 'x'],
  ];
  it.each(hostile)('takes linear time on %s', (_name, make) => {
    // maxLength large enough that nothing is cut short: the whole input is scanned.
    const ratio = growthRatio(make, (html) => htmlToText(html, 1_000_000), 40_000);
    expect({ sample: make(40).slice(0, 40), linear: ratio < LINEAR_GROWTH_LIMIT }).toEqual({ sample: make(40).slice(0, 40), linear: true });
  });
});
