import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { APP_GUARD, ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { AccessGuard, collectOperationRules, levelOf } from '@socle/platform-auth';
import { TestApi } from '@socle/testing';
import { printSortedSchema } from '@socle/api';

describe('the API surface', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('matches the committed schema file (run `npm run schema` after changing the API)', () => {
    const committed = readFileSync(resolve(__dirname, '../../apps/api/schema.graphql'), 'utf8');
    expect(printSortedSchema(api.app)).toBe(committed);
  });

  it('puts an access rule on every query and mutation, behind the global access guard', () => {
    const container = api.app.get(ModulesContainer);
    let guardRegistered = false;
    for (const module of container.values()) {
      for (const wrapper of module.providers.values()) {
        if (String(wrapper.token).startsWith(APP_GUARD) && wrapper.metatype === AccessGuard) guardRegistered = true;
      }
    }
    const rules = collectOperationRules(container);
    const operations = [...rules.keys()];
    const unguarded = operations.filter((operation) => rules.get(operation) === undefined);
    expect(guardRegistered).toBe(true);
    expect(operations.length).toBeGreaterThanOrEqual(20);
    expect(unguarded).toEqual([]);
  });

  it('knows, before any resolver runs, the level every query and mutation of the schema acts at', () => {
    // The per-operation access resolution reads these rules; a field it cannot find a GraphQL rule for is refused.
    const rules = collectOperationRules(api.app.get(ModulesContainer));
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const fields = [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((name) => `Query.${name}`),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((name) => `Mutation.${name}`),
    ];
    expect(fields.length).toBeGreaterThanOrEqual(20);
    const withoutLevel = fields.filter((field) => {
      const rule = rules.get(field);
      return !rule || levelOf(rule) === null;
    });
    expect(withoutLevel).toEqual([]);
  });
});
