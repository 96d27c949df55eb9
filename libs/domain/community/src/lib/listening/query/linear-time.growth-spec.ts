import { growthRatio, LINEAR_GROWTH_LIMIT } from '@socle/connector-sdk/testing';
import { compileListeningQuery, parseListeningQuery, prepareMention } from './index';

/** `linear: true` with the sample in the failure message. */
function expectLinear(name: string, ratio: number): void {
  expect({ name, ratio, linear: ratio < LINEAR_GROWTH_LIMIT }).toEqual({ name, ratio, linear: true });
}

describe('linear time in the length of the text (hostile mentions)', () => {
  // Sizes keep the large input (8×) within the processor's caches and the young generation: at 4,000 words a linear
  // matcher measured up to 29 (above the limit of 24) on a loaded machine; a quadratic one measures about 64 at any size.
  const cases: Array<[name: string, query: string, text: (n: number) => string, n: number]> = [
    // a phrase whose every word occurs everywhere: the rarest-word check would be quadratic, KMP is not
    // (1,000 words, 8,000 at 8×: past about 8,000 words the young generation no longer holds the split words and the
    // cost per word triples, 16,000 words measured 24 and more)
    ['repetitive phrase', `"${'a b '.repeat(40)}c"`, (n) => 'a b '.repeat(n), 500],
    ['self-overlapping phrase', '"a a a a a a a a a a a a b"', (n) => 'a '.repeat(n), 1_000],
    [
      'prefix among many distinct words',
      'zz* OR #zz*',
      (n) => Array.from({ length: n }, (_, i) => `w${i.toString(36)} #t${i}`).join(' '),
      // 500 words (50 kB at 8×) stay in the processor's caches: at 2,000 the large input
      // spills out of them and a linear matcher measured up to 24 on a loaded machine
      500,
    ],
    ['one giant word', 'aaaa* "aaaa aaaa"', (n) => 'a'.repeat(n * 10), 1_000],
    // (normalising a run of 10,000 marks costs more per mark than a run of 80,000: measured from 40,000 marks on)
    ['combining marks', 'e', (n) => `e${'\u0301'.repeat(n * 10)}`, 4_000],
    ['emoji and apostrophes', "l'égalité", (n) => "🚲'’#".repeat(n), 1_000],
    ['hashtags glued together', '#velo', (n) => '#a'.repeat(n), 1_000],
  ];

  it.each(cases)('%s', (name, query, text, n) => {
    const compiled = compileListeningQuery(query);
    expectLinear(
      name,
      growthRatio(text, (input) => compiled.matches({ text: input, source: 'rss' }), n),
    );
  });
});

describe('linear time in the length of the query (hostile queries)', () => {
  // the length limit is 2,000: sizes stay below it (8 × 240)
  const cases: Array<[name: string, query: (n: number) => string]> = [
    ['unclosed quote', (n) => `"${'a '.repeat(n)}`],
    ['unclosed parentheses', (n) => '('.repeat(n)],
    ['many OR', (n) => Array.from({ length: n / 10 }, (_, i) => `w${i}`).join(' OR ')],
    ['long phrase', (n) => `"${'a b '.repeat(n / 4)}c"`],
    ['wildcards everywhere', (n) => 'ab*'.repeat(n / 3)],
    ['alternatives of a field', (n) => `x lang:${'fr|'.repeat(n / 3)}en`],
    ['only NOT', (n) => 'NOT (a OR b) '.repeat(n / 13)],
  ];

  it.each(cases)('%s (parse)', (name, query) => {
    expectLinear(
      name,
      growthRatio(query, (input) => parseListeningQuery(input), 240),
    );
  });

  it('a phrase and a text growing together: O(n + k), not O(n × k)', () => {
    // every word of the phrase occurs everywhere in the text, and the phrase never matches
    const make = (n: number) => ({ query: compileListeningQuery(`"${'a b '.repeat(n / 16)}a a"`), text: 'a b '.repeat(n) });
    expectLinear(
      'phrase and text',
      growthRatio(make, ({ query, text }) => query.matches({ text, source: 'rss' }), 800),
    );
  });

  it('a long phrase against a fixed text', () => {
    const text = prepareMention({ text: `${'a b '.repeat(300)} x c`, source: 'rss' });
    expectLinear(
      'long phrase match',
      growthRatio(
        (n) => compileListeningQuery(`"${'a b '.repeat(n / 4)}c"`),
        (query) => query.matchesPrepared(text),
        240,
      ),
    );
  });
});
