import { check, checkContent, compileContentPolicy, InvalidContentRulesError } from './content-policy';
import type { ContentLocale, ContentRule, NetworkTextLimits, Violation } from './types';

const avoid: ContentRule = { id: 'voice', kind: 'AVOID_WORDS', severity: 'BLOCK', words: ['arnaque', 'prix imbattable', 'prix', 'scam'] };

function run(rules: ContentRule[], text: string, locale: ContentLocale = 'fr', network?: NetworkTextLimits, contentKind?: string) {
  return checkContent({ locale, rules }, text, network, { contentKind });
}
/** Each violation as [ruleId, severity, highlighted text]. */
const spans = (text: string, violations: Violation[]) => violations.map((v) => [v.ruleId, v.severity, text.slice(v.start, v.end)]);

describe('AVOID_WORDS', () => {
  it('matches case- and accent-insensitively, and inflected forms of the word', () => {
    const text = 'ARNAQUE, árnaque, A\u0301rnaque ; et aussi Arnaqué et arnaques.';
    expect(spans(text, run([avoid], text))).toEqual([
      ['voice', 'BLOCK', 'ARNAQUE'],
      ['voice', 'BLOCK', 'árnaque'],
      ['voice', 'BLOCK', 'A\u0301rnaque'],
      ['voice', 'BLOCK', 'Arnaqué'],
      ['voice', 'BLOCK', 'arnaques'],
    ]);
  });

  it('matches whole words: "scam" is not in "scampi" (but "scams" is its plural), and French elision splits words', () => {
    const text = "Scampi, scams et l’arnaque d'aujourd'hui : a SCAM.";
    expect(spans(text, run([avoid], text))).toEqual([
      ['voice', 'BLOCK', 'scams'],
      ['voice', 'BLOCK', 'arnaque'],
      ['voice', 'BLOCK', 'SCAM'],
    ]);
  });

  it('matches phrases across spacing and line breaks, the longest overlapping entry winning', () => {
    const text = 'Un Prix\u00A0\nImbattable, et un prix correct.';
    const violations = run([avoid], text);
    expect(spans(text, violations)).toEqual([
      ['voice', 'BLOCK', 'Prix\u00A0\nImbattable'],
      ['voice', 'BLOCK', 'prix'],
    ]);
    expect(violations[0].message).toBe('"prix imbattable" fait partie des mots à éviter (voix de marque).');
  });

  it('finds the participle from the noun and the noun from the participle, sharing their stem', () => {
    expect(spans('Arnaqué, ARNAQUÉ.', run([avoid], 'Arnaqué, ARNAQUÉ.'))).toEqual([
      ['voice', 'BLOCK', 'Arnaqué'],
      ['voice', 'BLOCK', 'ARNAQUÉ'],
    ]);
    const text = 'Arnaqué ! ARNAQUE ! arnaquée !';
    expect(spans(text, run([{ ...avoid, words: ['arnaqué'] }], text))).toEqual([
      ['voice', 'BLOCK', 'Arnaqué'],
      ['voice', 'BLOCK', 'ARNAQUE'],
      ['voice', 'BLOCK', 'arnaquée'],
    ]);
  });

  it('maps spans to the original text after emojis and combining characters', () => {
    const text = '👩‍👩‍👧🎉 e\u0301te\u0301 : l’a\u0301rnaque ? non, l’ARNAQUE\u0301 !';
    const first = text.indexOf('a\u0301rnaque');
    const second = text.indexOf('ARNAQUE');
    expect(run([avoid], text).map((v) => [v.start, v.end])).toEqual([
      [first, first + 'a\u0301rnaque'.length],
      [second, second + 'ARNAQUE\u0301'.length],
    ]);
    // The span of a match ending with a decomposed "é" includes its combining accent.
    expect(run([{ ...avoid, words: ['arnaqué'] }], text).map((v) => text.slice(v.start, v.end))).toEqual([
      'a\u0301rnaque',
      'ARNAQUE\u0301',
    ]);
    expect(run([{ ...avoid, words: ['arnaqué'] }], text).map((v) => [v.start, v.end])).toEqual([
      [first, first + 8],
      [second, second + 8],
    ]);
  });

  it("says why in the organisation's language", () => {
    expect(run([avoid], 'Pure scam', 'en')).toEqual([
      {
        ruleId: 'voice',
        kind: 'AVOID_WORDS',
        severity: 'BLOCK',
        start: 5,
        end: 9,
        message: '"scam" is on the words-to-avoid list (brand voice).',
      },
    ]);
    expect(run([avoid], 'Une arnaque', 'fr')[0].message).toBe('"arnaque" fait partie des mots à éviter (voix de marque).');
  });

  it('reports each rule that lists a word, with its own severity', () => {
    const rules: ContentRule[] = [avoid, { id: 'legal', kind: 'AVOID_WORDS', severity: 'WARN', words: ['Arnaque'] }];
    expect(spans('arnaque', run(rules, 'arnaque'))).toEqual([
      ['voice', 'BLOCK', 'arnaque'],
      ['legal', 'WARN', 'arnaque'],
    ]);
  });
});

describe('REQUIRED_DISCLOSURE', () => {
  const rule: ContentRule = {
    id: 'disclosure',
    kind: 'REQUIRED_DISCLOSURE',
    severity: 'BLOCK',
    contentKinds: ['sponsored'],
    anyOf: ['#pub', '#sponsorisé', 'partenariat rémunéré'],
  };

  it('requires one of the terms for the listed content kinds only', () => {
    const text = 'Nouvelle collection #adidas #publicité';
    expect(run([rule], text, 'fr', undefined, 'sponsored')).toEqual([
      {
        ruleId: 'disclosure',
        kind: 'REQUIRED_DISCLOSURE',
        severity: 'BLOCK',
        start: text.length,
        end: text.length,
        message: 'Ce contenu (sponsored) doit porter une mention : ajoutez "#pub", "#sponsorisé" ou "partenariat rémunéré".',
      },
    ]);
    expect(run([rule], text, 'fr', undefined, 'organic')).toEqual([]);
    expect(run([rule], text, 'fr')).toEqual([]);
  });

  it('accepts any term, case- and accent-insensitively', () => {
    expect(run([rule], 'Nouvelle collection #PUB', 'fr', undefined, 'sponsored')).toEqual([]);
    expect(run([rule], 'En #sponsorise avec X', 'fr', undefined, 'sponsored')).toEqual([]);
    expect(run([rule], 'Partenariat\nrémunéré avec X', 'fr', undefined, 'sponsored')).toEqual([]);
  });

  it('says which terms to add, in English too', () => {
    expect(run([rule], 'New #ads', 'en', undefined, 'sponsored')[0].message).toBe(
      'This content (sponsored) must carry a disclosure: add "#pub", "#sponsorisé" or "partenariat rémunéré".',
    );
  });
});

describe('FORBIDDEN_LINK_DOMAINS', () => {
  const rule: ContentRule = { id: 'domains', kind: 'FORBIDDEN_LINK_DOMAINS', severity: 'BLOCK', domains: ['spam.example', 'Bit.ly'] };

  it('flags links to the domain and its subdomains, URLs and bare domains', () => {
    const text = 'Voir https://ads.spam.example/promo?id=42. Ou bit.ly/3xYz, mais pas notspam.example ni spam.example.org.';
    const violations = run([rule], text);
    expect(spans(text, violations)).toEqual([
      ['domains', 'BLOCK', 'https://ads.spam.example/promo?id=42'],
      ['domains', 'BLOCK', 'bit.ly/3xYz'],
    ]);
    expect(violations.map((v) => v.message)).toEqual([
      'Les liens vers "spam.example" sont interdits (ads.spam.example).',
      'Les liens vers "bit.ly" sont interdits.',
    ]);
  });

  it('says so in English', () => {
    expect(run([rule], 'See http://spam.example', 'en')[0].message).toBe('Links to "spam.example" are not allowed.');
  });
});

describe('MAX_HASHTAGS', () => {
  it('flags the hashtags beyond the limit', () => {
    const rule: ContentRule = { id: 'tags', kind: 'MAX_HASHTAGS', severity: 'WARN', max: 2 };
    const text = '#un #deux texte #trois #quatre_4 fin';
    const violations = run([rule], text);
    expect(spans(text, violations)).toEqual([['tags', 'WARN', '#trois #quatre_4']]);
    expect(violations[0].message).toBe('Le texte contient 4 hashtags ; la limite est de 2. Retirez-en 2.');
    expect(run([rule], text, 'en')[0].message).toBe('The text has 4 hashtags; the limit is 2. Remove 2.');
    expect(run([rule], '#un #deux')).toEqual([]);
  });

  it('handles a limit of zero', () => {
    const rule: ContentRule = { id: 'tags', kind: 'MAX_HASHTAGS', severity: 'BLOCK', max: 0 };
    expect(run([rule], 'Bonjour #été')[0]).toMatchObject({
      start: 8,
      end: 12,
      message: "Le texte contient 1 hashtag ; aucun n'est autorisé. Retirez-les.",
    });
    expect(run([rule], '#a #b', 'en')[0].message).toBe('The text has 2 hashtags; none are allowed. Remove them.');
  });
});

describe('NETWORK_LIMITS', () => {
  const rule: ContentRule = { id: 'limits', kind: 'NETWORK_LIMITS', severity: 'BLOCK' };
  const bluesky: NetworkTextLimits = { network: 'bluesky', displayName: 'Bluesky', maxLength: 10, counting: 'graphemes', maxBytes: 40 };
  const mastodon: NetworkTextLimits = { network: 'mastodon', displayName: 'Mastodon', maxLength: 30, counting: 'code-points-urls-as-23' };

  it('counts graphemes (an emoji family is one) and highlights the part beyond the limit', () => {
    const fits = '👩‍👩‍👧'.repeat(10);
    expect(run([rule], fits, 'fr', { ...bluesky, maxBytes: undefined })).toEqual([]);
    const text = `${fits}!!`;
    const violations = run([rule], text, 'fr', { ...bluesky, maxBytes: undefined });
    expect(spans(text, violations)).toEqual([['limits', 'BLOCK', '!!']]);
    expect(violations[0].message).toBe(
      'Le texte fait 12 caractères (un emoji ou une lettre accentuée compte pour 1) ; Bluesky en autorise 10. Retirez-en 2.',
    );
  });

  it('checks the byte limit too', () => {
    const text = '👩‍👩‍👧'.repeat(3);
    const violations = run([rule], text, 'en', bluesky);
    expect(violations).toEqual([
      {
        ruleId: 'limits',
        kind: 'NETWORK_LIMITS',
        severity: 'BLOCK',
        start: 18,
        end: 24,
        message: 'The text takes 54 bytes in UTF-8; Bluesky allows 40.',
      },
    ]);
  });

  it('counts every URL as 23 for Mastodon', () => {
    const url = `https://example.org/${'x'.repeat(200)}`;
    expect(run([rule], `Voir ${url}`, 'fr', mastodon)).toEqual([]);
    const text = `Voir ${url} maintenant`;
    const violations = run([rule], text, 'en', mastodon);
    expect(spans(text, violations)).toEqual([['limits', 'BLOCK', 'aintenant']]);
    expect(violations[0].message).toBe('The text is 39 characters (every link counts as 23) long; Mastodon allows 30. Remove 9.');
  });

  it('applies only to the listed networks, and only when limits are given', () => {
    const onlyMastodon: ContentRule = { ...rule, networks: ['mastodon'] };
    const text = 'x'.repeat(50);
    expect(run([onlyMastodon], text, 'fr', { ...bluesky, maxBytes: undefined })).toEqual([]);
    expect(run([onlyMastodon], text, 'fr', mastodon)).toHaveLength(1);
    expect(run([rule], text, 'fr')).toEqual([]);
    expect(run([rule], text, 'fr', { network: 'x', maxLength: 49, counting: 'code-points' })[0].message).toBe(
      'Le texte fait 50 caractères ; x en autorise 49. Retirez-en 1.',
    );
  });
});

describe('ADDRESS_FORM', () => {
  it('flags informal pronouns when the brand voice says "vous"', () => {
    const rule: ContentRule = { id: 'address', kind: 'ADDRESS_FORM', severity: 'WARN', form: 'vous' };
    const text = 'Tu vas adorer ! T’as vu ton cadeau ? Vous aussi, toi. Totem, tutu, atelier.';
    const violations = run([rule], text);
    expect(spans(text, violations)).toEqual([
      ['address', 'WARN', 'Tu'],
      ['address', 'WARN', 'T’'],
      ['address', 'WARN', 'ton'],
      ['address', 'WARN', 'toi'],
    ]);
    expect(violations[0].message).toBe('"Tu" tutoie le lecteur ; la voix de marque le vouvoie.');
    expect(run([rule], 'tu', 'en')[0].message).toBe('"tu" addresses the reader informally (tu); the brand voice uses "vous".');
  });

  it('flags formal pronouns when the brand voice says "tu"', () => {
    const rule: ContentRule = { id: 'address', kind: 'ADDRESS_FORM', severity: 'WARN', form: 'tu' };
    const text = 'Merci pour VOTRE confiance, à vous et aux vôtres.';
    expect(spans(text, run([rule], text))).toEqual([
      ['address', 'WARN', 'VOTRE'],
      ['address', 'WARN', 'vous'],
      ['address', 'WARN', 'vôtres'],
    ]);
  });
});

describe('check', () => {
  it('returns every violation of every rule, sorted by position', () => {
    const rules: ContentRule[] = [
      avoid,
      { id: 'domains', kind: 'FORBIDDEN_LINK_DOMAINS', severity: 'WARN', domains: ['spam.example'] },
      { id: 'tags', kind: 'MAX_HASHTAGS', severity: 'WARN', max: 1 },
    ];
    const policy = compileContentPolicy({ locale: 'en', rules });
    const text = '#a scam at spam.example #b';
    expect(check(policy, text).map((v) => [v.ruleId, v.start, v.end])).toEqual([
      ['voice', 3, 7],
      ['domains', 11, 23],
      ['tags', 24, 26],
    ]);
    expect(check(policy, '')).toEqual([]);
  });

  it('refuses invalid rules with every problem listed', () => {
    let error: unknown;
    try {
      compileContentPolicy({
        locale: 'fr',
        rules: [
          { id: 'h', kind: 'MAX_HASHTAGS', severity: 'WARN', max: -1 },
          { ...avoid, id: 'h', words: [''] },
        ],
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidContentRulesError);
    expect((error as InvalidContentRulesError).problems.map((p) => p.path)).toEqual(['[0].max', '[1].id', '[1].words[0]']);
  });

  it('compiles once per rules list and locale in checkContent', () => {
    const rules: ContentRule[] = [avoid];
    expect(checkContent({ locale: 'en', rules }, 'scam')[0].message).toBe('"scam" is on the words-to-avoid list (brand voice).');
    expect(checkContent({ locale: 'fr', rules }, 'scam')[0].message).toBe('"scam" fait partie des mots à éviter (voix de marque).');
  });

  it('finds all of 500 words in a long text', () => {
    const words = Array.from({ length: 500 }, (_, i) => `mot${i}x`);
    const policy = compileContentPolicy({ locale: 'fr', rules: [{ id: 'many', kind: 'AVOID_WORDS', severity: 'WARN', words }] });
    const text = words.map((w, i) => (i % 2 === 0 ? w.toUpperCase() : `l'${w}`)).join(' — ');
    expect(check(policy, text).map((v) => text.slice(v.start, v.end).toLowerCase())).toEqual(words);
  });
});
