import { validateRules } from './validate-rules';

describe('validateRules', () => {
  it('accepts valid rules of every kind', () => {
    expect(
      validateRules([
        { id: 'w', kind: 'AVOID_WORDS', severity: 'BLOCK', words: ['arnaque', 'prix imbattable'] },
        { id: 'd', kind: 'REQUIRED_DISCLOSURE', severity: 'BLOCK', contentKinds: ['sponsored'], anyOf: ['#pub'] },
        { id: 'l', kind: 'FORBIDDEN_LINK_DOMAINS', severity: 'WARN', domains: ['spam.example', 'bücher.example', 'xn--bcher-kva.example'] },
        { id: 'h', kind: 'MAX_HASHTAGS', severity: 'WARN', max: 0 },
        { id: 'n', kind: 'NETWORK_LIMITS', severity: 'BLOCK', networks: ['mastodon'] },
        { id: 'a', kind: 'ADDRESS_FORM', severity: 'WARN', form: 'vous' },
      ]),
    ).toEqual([]);
  });

  it('reports empty words, invalid domains, negative max and duplicate ids with their paths', () => {
    expect(
      validateRules([
        { id: 'w', kind: 'AVOID_WORDS', severity: 'BLOCK', words: ['ok', '  ', '\u0301'] },
        { id: 'w', kind: 'MAX_HASHTAGS', severity: 'WARN', max: -1 },
        {
          id: 'l',
          kind: 'FORBIDDEN_LINK_DOMAINS',
          severity: 'WARN',
          domains: ['https://spam.example/x', 'localhost', 'bad_label.example', '-x.example', 'spam.123'],
        },
        { id: 'h', kind: 'MAX_HASHTAGS', severity: 'WARN', max: 2.5 },
      ]),
    ).toEqual([
      { path: '[0].words[1]', message: 'must not be empty' },
      { path: '[0].words[2]', message: '"\u0301" has nothing left to match once accents and invisible characters are removed' },
      { path: '[1].id', message: 'duplicate id "w" (already used by rule [0])' },
      { path: '[1].max', message: 'max must be a whole number, 0 or more' },
      {
        path: '[2].domains[0]',
        message:
          '"https://spam.example/x" is not a bare domain: write the host name only, like "spam.example" (no "https://", path, port or spaces)',
      },
      { path: '[2].domains[1]', message: '"localhost" is not a domain: it needs at least one dot, like "spam.example"' },
      {
        path: '[2].domains[2]',
        message: '"bad_label.example" has an invalid part "bad_label": letters, digits and inner hyphens only, 1 to 63 characters',
      },
      {
        path: '[2].domains[3]',
        message: '"-x.example" has an invalid part "-x": letters, digits and inner hyphens only, 1 to 63 characters',
      },
      { path: '[2].domains[4]', message: '"spam.123" does not end with a valid top-level domain' },
      { path: '[3].max', message: 'max must be a whole number, 0 or more' },
    ]);
  });

  it('reports malformed data: not a list, unknown kind, bad severity, missing fields', () => {
    expect(validateRules({})).toEqual([{ path: '', message: 'rules must be a list' }]);
    expect(
      validateRules([
        'x',
        { id: '', kind: 'NOPE', severity: 'INFO' },
        { id: 'd', kind: 'REQUIRED_DISCLOSURE', severity: 'WARN', contentKinds: [], anyOf: 'pub' },
        { id: 'a', kind: 'ADDRESS_FORM', severity: 'WARN', form: 'toi' },
        { id: 'w', kind: 'AVOID_WORDS', severity: 'WARN', words: [3] },
      ]),
    ).toEqual([
      { path: '[0]', message: 'a rule must be an object' },
      { path: '[1].id', message: 'id must be a non-empty string' },
      { path: '[1].severity', message: 'severity must be BLOCK or WARN' },
      {
        path: '[1].kind',
        message: 'kind must be one of AVOID_WORDS, REQUIRED_DISCLOSURE, FORBIDDEN_LINK_DOMAINS, MAX_HASHTAGS, NETWORK_LIMITS, ADDRESS_FORM',
      },
      { path: '[2].contentKinds', message: 'contentKinds must not be empty' },
      { path: '[2].anyOf', message: 'anyOf must be a list of strings' },
      { path: '[3].form', message: 'form must be "tu" or "vous"' },
      { path: '[4].words[0]', message: 'must be a string' },
    ]);
  });

  it('refuses fields a kind of rule does not have, at their path, however deep their value', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 2000; i += 1) deep = { a: deep };
    const rules = [
      { id: 'h', kind: 'MAX_HASHTAGS', severity: 'WARN', max: 2, payload: deep },
      { id: 'w', kind: 'AVOID_WORDS', severity: 'WARN', words: ['promo'], max: 3, 'odd key': true },
    ];
    expect(validateRules(rules)).toEqual([
      { path: '[0].payload', message: 'is not a field of a MAX_HASHTAGS rule (fields: id, kind, severity, max)' },
      { path: '[1].max', message: 'is not a field of a AVOID_WORDS rule (fields: id, kind, severity, words)' },
      { path: '[1]["odd key"]', message: 'is not a field of a AVOID_WORDS rule (fields: id, kind, severity, words)' },
    ]);
    // Rules stored before unknown fields were refused still compile.
    expect(validateRules(rules, { unknownFields: 'ignore' })).toEqual([]);
  });
});
