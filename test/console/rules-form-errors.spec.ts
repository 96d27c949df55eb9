import type { CombinedError } from 'urql';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the console is an app, not a library: its pure helpers are unit-tested from here
import { errorAt, leftover, moved, ruleListErrors } from '../../apps/console/src/pages/policies/rule-errors';

/** A refusal as urql hands it over: BAD_USER_INPUT with every problem and its path. */
function refusal(problems: { field?: string; message: string }[]): CombinedError {
  return {
    message: '[GraphQL] refused',
    graphQLErrors: [{ message: problems[0].message, extensions: { code: 'BAD_USER_INPUT', field: problems[0].field, problems } }],
  } as unknown as CombinedError;
}

/** The console's reading of a refused rules list: pure functions of the policies page, no browser needed. */
describe('rules form: the API refusal sorted by rule and field', () => {
  it('reads the rules checker paths (brackets) and the input checks paths (dots) alike', () => {
    const errors = ruleListErrors(
      refusal([
        { field: 'input.rules[2].domains[0]', message: '"https://spam.example" is not a bare domain' },
        { field: 'input.rules.0.responseMinutes', message: 'must be more than 0 minutes' },
        { field: 'input.rules[1]', message: 'repeats channel * and severity HIGH of rule [0]' },
      ]),
      3,
    );
    expect(errors.rest).toEqual([]);
    expect(errors.rows[0]).toEqual({ responseMinutes: ['must be more than 0 minutes'] });
    expect(errors.rows[1]).toEqual({ '': ['repeats channel * and severity HIGH of rule [0]'] });
    expect(errors.rows[2]).toEqual({ 'domains.0': ['"https://spam.example" is not a bare domain'] });
  });

  it('keeps for the whole form what names no rule sent: the list, a rule beyond it, no field, a failed request', () => {
    const errors = ruleListErrors(
      refusal([
        { field: 'input.rules', message: 'at most 200 rules' },
        { field: 'input.rules[5].id', message: 'id must be a non-empty string' },
        { message: 'You may not change the content rules' },
      ]),
      2,
    );
    expect(errors.rest).toEqual(['at most 200 rules', 'id must be a non-empty string', 'You may not change the content rules']);
    expect(errors.rows).toEqual([{}, {}]);
    const offline = { message: '[Network] Failed to fetch', graphQLErrors: [] } as unknown as CombinedError;
    expect(ruleListErrors(offline, 1).rest).toEqual(['[Network] Failed to fetch']);
    expect(ruleListErrors(undefined, 1)).toEqual({ rows: [{}], rest: [] });
  });

  it('gives a control the messages of its field and of its items, naming the item when the message does not', () => {
    const row = {
      'words.1': ['must not be empty'],
      'domains.0': ['"https://x.example" is not a bare domain'],
      max: ['max must be a whole number, 0 or more'],
      maxLength: ['is not a field of a MAX_HASHTAGS rule'],
    };
    expect(errorAt(row, 'words', ['fine', ' '])).toBe('" ": must not be empty');
    expect(errorAt(row, 'domains', ['https://x.example'])).toBe('"https://x.example" is not a bare domain');
    // `maxLength` is another field, not inside `max`.
    expect(errorAt(row, 'max')).toBe('max must be a whole number, 0 or more');
    expect(errorAt(row, 'id')).toBeUndefined();
    expect(errorAt(undefined, 'id')).toBeUndefined();
  });

  it('leaves for the rule card what no control shows: the rule as a whole and fields the form lacks', () => {
    const row = {
      '': ['repeats channel * and severity HIGH of rule [0]'],
      '["colour"]': ['is not a field of a MAX_HASHTAGS rule'],
      'replyTemplates.0.text': ['must not be empty'],
      max: ['max must be a whole number, 0 or more'],
    };
    expect(leftover(row, ['max', 'replyTemplates'])).toEqual([
      'repeats channel * and severity HIGH of rule [0]',
      'is not a field of a MAX_HASHTAGS rule',
    ]);
  });

  it('moves a rule up or down, and nowhere past either end', () => {
    expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 2, 3)).toEqual(['a', 'b', 'c']);
  });
});
