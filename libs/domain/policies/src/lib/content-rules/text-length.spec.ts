import { measureText, measureUtf8 } from './text-length';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const graphemes = (text: string) => Array.from(segmenter.segment(text)).length;

describe('measureText', () => {
  it('counts graphemes: an emoji family, a flag, a skin tone and a decomposed é are one each', () => {
    expect(measureText('👩‍👩‍👧🇫🇷👍🏽e\u0301', 'graphemes').length).toBe(4);
    expect(measureText('Café ☕ à l’été', 'graphemes').length).toBe(14);
  });

  it('matches Intl.Segmenter on random mixes of tricky characters', () => {
    const palette = [
      'a',
      'é',
      'e',
      '\u0301',
      '\u200D',
      '👩',
      '👧',
      '🏽',
      '🇫',
      '🇷',
      '\r',
      '\n',
      '’',
      '«',
      ' ',
      '\u0600',
      '\u0915',
      '\u093F',
      '\u1100',
      '\u1161',
      '\uFE0F',
      '‼',
      '©',
      'ẞ',
      '€',
      '\u200B',
    ];
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let run = 0; run < 2000; run++) {
      let text = '';
      const length = 1 + Math.floor(random() * 20);
      for (let k = 0; k < length; k++) text += palette[Math.floor(random() * palette.length)];
      expect([text, measureText(text, 'graphemes').length]).toEqual([text, graphemes(text)]);
    }
  });

  it('matches Intl.Segmenter for every character of the fast path next to joining characters', () => {
    const ranges: [number, number][] = [
      [0x0, 0x2ff],
      [0x1e00, 0x1eff],
      [0x2000, 0x200a],
      [0x2010, 0x2027],
      [0x202f, 0x205f],
      [0x20a0, 0x20cf],
    ];
    const neighbours = ['\u0301', '\u200D', '\uFE0F', '🏽', '\u0600', '\u0903', '\r', '\n', '👩', 'a'];
    let mismatches = 0;
    for (const [from, to] of ranges) {
      for (let code = from; code <= to; code++) {
        const ch = String.fromCharCode(code);
        for (const other of neighbours) {
          for (const text of [ch + other, other + ch, other + ch + other]) {
            if (measureText(text, 'graphemes').length !== graphemes(text)) mismatches++;
          }
        }
      }
    }
    expect(mismatches).toBe(0);
  });

  it('says where the text goes over the limit, on grapheme boundaries', () => {
    const text = 'ab👩‍👩‍👧cd';
    expect(measureText(text, 'graphemes', 3)).toEqual({ length: 5, overflowAt: text.indexOf('c') });
    expect(measureText(text, 'graphemes', 2)).toEqual({ length: 5, overflowAt: 2 });
    expect(measureText(text, 'graphemes', 5)).toEqual({ length: 5, overflowAt: -1 });
  });

  it('counts code points: an astral emoji is one, a family is five', () => {
    expect(measureText('🎉é👩‍👩‍👧', 'code-points')).toEqual({ length: 7, overflowAt: -1 });
    expect(measureText('🎉🎉🎉', 'code-points', 2)).toEqual({ length: 3, overflowAt: 4 });
  });

  it('counts each URL as 23 for Mastodon, whatever its length, and remote mentions as their local part', () => {
    const url = `https://example.com/${'x'.repeat(100)}`;
    expect(measureText(`Lien : ${url}.`, 'code-points-urls-as-23').length).toBe(7 + 23 + 1);
    expect(measureText('Merci @alice@mastodon.social !', 'code-points-urls-as-23').length).toBe('Merci @alice !'.length);
    // The limit falls inside the URL: the overflow starts with it.
    expect(measureText(`abc ${url}`, 'code-points-urls-as-23', 10)).toEqual({ length: 27, overflowAt: 4 });
    expect(measureText(`${url} abc`, 'code-points-urls-as-23', 25)).toEqual({ length: 27, overflowAt: url.length + 2 });
  });
});

describe('measureUtf8', () => {
  it('counts UTF-8 bytes and where they go over', () => {
    expect(measureUtf8('aé€🎉')).toEqual({ length: 1 + 2 + 3 + 4, overflowAt: -1 });
    expect(measureUtf8('aé€🎉', 6)).toEqual({ length: 10, overflowAt: 3 });
  });
});
