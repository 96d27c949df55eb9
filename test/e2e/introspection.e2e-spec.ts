import request from 'supertest';
import { createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { isolatedPrefix } from './e2e-support';

const SCHEMA_QUERY = '{ __schema { types { name } } }';

/** In production the schema is not handed to strangers: no introspection, no "Did you mean" hints. */
describe('introspection and suggestions in production', () => {
  let api: TestApi;
  let open: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ NODE_ENV: 'production', QUEUE_PREFIX: isolatedPrefix('prod'), RATE_LIMIT_LOGIN_PER_MINUTE: '1000' });
    open = await TestApi.start({ NODE_ENV: 'production', GRAPHQL_PUBLIC_INTROSPECTION: 'true', QUEUE_PREFIX: isolatedPrefix('prod-open') });
  });
  afterAll(async () => {
    await open.stop();
    await api.stop();
  });

  it('refuses anonymous introspection with 403 FORBIDDEN before executing anything', async () => {
    expect(api.config.publicIntrospection).toBe(false);
    for (const query of [
      SCHEMA_QUERY,
      '{ __type(name: "Organization") { fields { name } } }',
      'query { ...Q } fragment Q on Query { __schema { queryType { name } } }',
      '{ __typename ... on Query { __schema { types { name } } } }',
    ]) {
      const res = await api.gql(query);
      expect(res.status).toBe(403);
      expect(res.body).not.toHaveProperty('data');
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors?.[0].message).toBe('Introspection is available to signed-in callers only.');
      expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    // GET is no way around it.
    const get = await request(api.server).get('/graphql').query({ query: SCHEMA_QUERY });
    expect(get.status).toBe(403);
    expect(get.body.errors[0].extensions.code).toBe('FORBIDDEN');
    // __typename is not introspection of the schema.
    expect(await api.ok('{ __typename }')).toEqual({ __typename: 'Query' });
  });

  it('gives the schema to a signed-in caller', async () => {
    const owner = await signUpAgency(api);
    const data = await api.ok<{ __schema: { types: { name: string }[] } }>(SCHEMA_QUERY, {}, { token: owner.token });
    const names = data.__schema.types.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['Organization', 'OrganizationRole', 'Mutation', 'ApiKey']));
    const type = await api.ok<{ __type: { fields: { name: string }[] } }>(
      '{ __type(name: "ApiKey") { fields { name } } }',
      {},
      { token: owner.token },
    );
    expect(type.__type.fields.map((f) => f.name)).toContain('displayPrefix');
  });

  it('gives the schema to an API key, which is a known caller too', async () => {
    const owner = await signUpAgency(api);
    const key = await api.ok<{ createApiKey: { secret: string } }>(
      'mutation { createApiKey(input: { name: "Docs", scopes: [READ] }) { secret } }',
      {},
      { token: owner.token },
    );
    const data = await api.ok<{ __schema: { queryType: { name: string } } }>(
      '{ __schema { queryType { name } } }',
      {},
      { token: key.createApiKey.secret },
    );
    expect(data.__schema.queryType.name).toBe('Query');
  });

  it('drops "Did you mean" hints for anonymous callers and keeps them for signed-in ones', async () => {
    const owner = await signUpAgency(api);
    const orgId = await createOrganization(api, owner, 'Client Suggestions');
    const misspelt = [
      {
        query: '{ organizatons(first: 1) { edges { cursor } } }',
        bare: 'Cannot query field "organizatons" on type "Query".',
        hint: /Did you mean "organizations" or "organization"\?$/,
      },
      {
        query: 'query { ...F } fragment F on Query { membres(first: 1) { edges { cursor } } }',
        bare: 'Cannot query field "membres" on type "Query".',
        hint: /Did you mean "members"\?$/,
      },
      {
        query: 'mutation { changeMemberRoles(input: { userId: "00000000-0000-4000-8000-000000000000", roles: [VIEWR] }) { userId } }',
        bare: 'Value "VIEWR" does not exist in "OrganizationRole" enum.',
        hint: /Did you mean the enum value "VIEWER"\?$/,
      },
    ];
    for (const { query, bare, hint } of misspelt) {
      const anonymous = await api.gql(query);
      expect(anonymous.status).toBe(400);
      expect(anonymous.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(anonymous.body.errors?.[0].message).toBe(bare);
      expect(JSON.stringify(anonymous.body)).not.toMatch(/Did you mean/);

      const signedIn = await api.gql(query, {}, { token: owner.token, organizationId: orgId });
      expect(signedIn.status).toBe(400);
      expect(signedIn.body.errors?.[0].message.startsWith(bare)).toBe(true);
      expect(signedIn.body.errors?.[0].message).toMatch(hint);
    }
  });

  it('drops hints from anonymous variable errors too', async () => {
    const res = await api.gql('mutation ($input: SignUpInput!) { signUp(input: $input) { userId } }', {
      input: { agencyName: 'A', displayName: 'B', emial: 'x@example.test', password: 'Correct-Horse-Battery-9' },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0].message).toMatch(/^Variable "\$input" got an invalid value/);
    expect(JSON.stringify(res.body)).not.toMatch(/Did you mean/);
  });

  it('opens both to anyone when GRAPHQL_PUBLIC_INTROSPECTION is set', async () => {
    expect(open.config.publicIntrospection).toBe(true);
    const data = await open.ok<{ __schema: { types: { name: string }[] } }>(SCHEMA_QUERY);
    expect(data.__schema.types.map((t) => t.name)).toContain('Organization');
    const res = await open.gql('{ organizatons(first: 1) { edges { cursor } } }');
    expect(res.body.errors?.[0].message).toMatch(/Did you mean "organizations" or "organization"\?$/);
  });
});
