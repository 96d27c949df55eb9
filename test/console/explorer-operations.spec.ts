import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the explorer is part of an app, not a library: its example operations are checked from here
import { DEFAULT_HEADERS, EXAMPLE_TABS } from '../../apps/console/explorer/operations';

/** The explorer's example operations against the committed schema: a renamed field fails here, not in front of an integrator. */
describe('API explorer example operations', () => {
  const schema = buildSchema(readFileSync(join(__dirname, '../../apps/api/schema.graphql'), 'utf8'));

  it.each(EXAMPLE_TABS.map((tab) => [/query (\w+)/.exec(tab.query)?.[1] ?? '?', tab] as const))('%s is valid', (_name, tab) => {
    expect(validate(schema, parse(tab.query)).map((e) => e.message)).toEqual([]);
    if (tab.variables) expect(JSON.parse(tab.variables)).toEqual(expect.any(Object));
  });

  it('covers who am I, the organisations, content items and the inbox, and leaves the headers to fill in', () => {
    const roots = EXAMPLE_TABS.map((tab) => /\{\s*(\w+)/.exec(tab.query.replace(/^#.*$/gm, ''))?.[1]);
    expect(roots).toEqual(['viewer', 'organizations', 'contentItems', 'inboxItems']);
    expect(JSON.parse(DEFAULT_HEADERS)).toEqual({ Authorization: '', 'X-Socle-Organization': '' });
  });
});
