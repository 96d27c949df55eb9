import request from 'supertest';
import { createOrganization, signUpAgency, STRONG_PASSWORD, TestApi, uniqueEmail } from '@socle/testing';
import { isolatedPrefix, leaksIn } from './e2e-support';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SIGN_UP = 'mutation SignUp($input: SignUpInput!) { signUp(input: $input) { userId } }';

function signUpInput(email: string) {
  return { agencyName: 'Agence HTTP', displayName: 'Owner', email, password: STRONG_PASSWORD, locale: 'FR' };
}

/**
 * The GraphQL-over-HTTP contract of /graphql (POST and GET, media types,
 * status codes, batching) and the operational routes next to it.
 */
describe('GraphQL over HTTP', () => {
  let api: TestApi;
  const post = () => request(api.server).post('/graphql');

  /** True when `email` can log in, i.e. an account was stored for it. */
  async function accountExists(email: string): Promise<boolean> {
    const res = await api.gql('mutation ($input: LogInInput!) { logIn(input: $input) { userId } }', {
      input: { email, password: STRONG_PASSWORD },
    });
    if (res.body.data) return true;
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    return false;
  }

  beforeAll(async () => {
    api = await TestApi.start({ QUEUE_PREFIX: isolatedPrefix('http'), RATE_LIMIT_LOGIN_PER_MINUTE: '1000' });
  });
  afterAll(async () => {
    await api.stop();
  });

  describe('POST', () => {
    it('answers a query with 200 and application/json when the client accepts JSON', async () => {
      const owner = await signUpAgency(api);
      const res = await post()
        .set('content-type', 'application/json')
        .set('accept', 'application/json')
        .set('authorization', `Bearer ${owner.token}`)
        .send({ query: '{ me { user { email } } }' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json\b/);
      expect(res.body).toEqual({ data: { me: { user: { email: owner.email } } }, extensions: { cost: expect.any(Object) } });
    });

    it('answers with application/graphql-response+json when the client asks for it', async () => {
      const owner = await signUpAgency(api);
      const res = await post()
        .set('content-type', 'application/json; charset=utf-8')
        .set('accept', GRAPHQL_RESPONSE)
        .set('authorization', `Bearer ${owner.token}`)
        .send({ query: 'query Who { me { user { email } } }', operationName: 'Who' });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/graphql-response\+json\b/);
      expect(JSON.parse(res.text)).toEqual({ data: { me: { user: { email: owner.email } } }, extensions: { cost: expect.any(Object) } });
    });

    it('answers a parse error with 400, the standard code and where it is, and no data', async () => {
      const res = await post()
        .set('content-type', 'application/json')
        .set('accept', GRAPHQL_RESPONSE)
        .send({ query: '{ me { user { email }' });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/graphql-response\+json\b/);
      const body = JSON.parse(res.text) as {
        data?: unknown;
        errors: { message: string; locations: unknown[]; extensions: { code: string } }[];
      };
      expect(body).not.toHaveProperty('data');
      expect(body.errors).toHaveLength(1);
      expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(body.errors[0].message).toMatch(/^Syntax Error: Expected Name, found <EOF>/);
      expect(body.errors[0].locations).toEqual([{ line: 1, column: 22 }]);
    });

    it('answers a validation error with 400 and application/graphql-response+json, running nothing', async () => {
      const email = uniqueEmail('invalid-doc');
      const res = await post()
        .set('content-type', 'application/json')
        .set('accept', GRAPHQL_RESPONSE)
        .send({
          query: 'mutation ($input: SignUpInput!) { signUp(input: $input) { userId notAField } }',
          variables: { input: signUpInput(email) },
        });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/graphql-response\+json\b/);
      const body = JSON.parse(res.text) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
      expect(body).not.toHaveProperty('data');
      expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(body.errors[0].message).toContain('Cannot query field "notAField" on type "AuthPayload"');
      expect(await accountExists(email)).toBe(false);
    });

    it('selects the operation named by operationName and refuses an unknown one', async () => {
      const owner = await signUpAgency(api);
      const document = 'query A { me { user { email } } } query B { me { user { displayName } } }';
      const b = await post()
        .set('content-type', 'application/json')
        .set('authorization', `Bearer ${owner.token}`)
        .send({ query: document, operationName: 'B' });
      expect(b.status).toBe(200);
      expect(b.body).toEqual({ data: { me: { user: { displayName: 'Owner' } } }, extensions: { cost: expect.any(Object) } });
      const unknown = await post()
        .set('content-type', 'application/json')
        .set('accept', GRAPHQL_RESPONSE)
        .set('authorization', `Bearer ${owner.token}`)
        .send({ query: document, operationName: 'C' });
      expect(unknown.status).toBe(400);
      expect(JSON.parse(unknown.text).errors[0].message).toBe('Unknown operation named "C".');
    });
  });

  describe('GET', () => {
    it('runs a query given in the URL, with its variables', async () => {
      const owner = await signUpAgency(api);
      await createOrganization(api, owner, 'Fromagerie Martin');
      const res = await request(api.server)
        .get('/graphql')
        .query({
          query: 'query Orgs($first: Int) { organizations(first: $first) { edges { node { name } } } }',
          variables: JSON.stringify({ first: 5 }),
          operationName: 'Orgs',
        })
        .set('accept', GRAPHQL_RESPONSE)
        .set('authorization', `Bearer ${owner.token}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/graphql-response\+json\b/);
      expect(JSON.parse(res.text)).toEqual({
        data: { organizations: { edges: [{ node: { name: 'Fromagerie Martin' } }] } },
        extensions: { cost: expect.any(Object) },
      });
    });

    it('refuses a mutation with 405, names POST as allowed and runs nothing', async () => {
      const email = uniqueEmail('get-mutation');
      const res = await request(api.server)
        .get('/graphql')
        .query({ query: SIGN_UP, variables: JSON.stringify({ input: signUpInput(email) }) })
        .set('accept', 'application/json');
      expect(res.status).toBe(405);
      expect(res.headers.allow).toMatch(/\bPOST\b/);
      expect(res.body.errors[0].message).toMatch(/GET requests only support query operations/);
      expect(res.body.errors[0].extensions).toEqual({ code: 'BAD_REQUEST', requestId: res.headers['x-request-id'] });
      expect(res.body).not.toHaveProperty('data.signUp');
      expect(await accountExists(email)).toBe(false);
      // The same operation over POST is fine: nothing half-created blocks it.
      const created = await api.ok<{ signUp: { userId: string } }>(SIGN_UP, { input: signUpInput(email) });
      expect(created.signUp.userId).toMatch(UUID);
    });
  });

  it('refuses HTTP batching (a JSON array) with 400 and runs none of the operations', async () => {
    const email = uniqueEmail('batch');
    const res = await post()
      .set('content-type', 'application/json')
      .send([{ query: SIGN_UP, variables: { input: signUpInput(email) } }, { query: '{ __typename }' }]);
    expect(res.status).toBe(400);
    expect(Array.isArray(res.body)).toBe(false);
    expect(res.body.errors[0].message).toMatch(/batching/i);
    expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(await accountExists(email)).toBe(false);
  });

  it.each([
    ['text/plain', '{ __typename }'],
    ['application/graphql', '{ __typename }'],
    ['application/x-www-form-urlencoded', 'query=%7B%20__typename%20%7D'],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ __typename }\r\n--x--\r\n'],
  ])('refuses the unsupported content type %s with 415 and a message naming application/json', async (contentType, body) => {
    const res = await post().set('content-type', contentType).send(body);
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toMatch(/^application\/json\b/);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].message).toBe('Bad request: unsupported Content-Type: send application/json.');
    expect(res.body.errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(res.body.errors[0].extensions.requestId).toBe(res.headers['x-request-id']);
    expect(res.body).not.toHaveProperty('data');
    // Still serving.
    expect((await post().set('content-type', 'application/json').send({ query: '{ __typename }' })).body).toEqual({
      data: { __typename: 'Query' },
      extensions: { cost: expect.any(Object) },
    });
  });

  describe('operational routes', () => {
    it('/health/live answers 200 without touching anything', async () => {
      const res = await request(api.server).get('/health/live');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok' });
    });

    it('/health/ready answers 200 once PostgreSQL and Redis both answer', async () => {
      const res = await request(api.server).get('/health/ready');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ok', checks: { postgres: 'ok', redis: 'ok' } });
    });

    it('/metrics serves Prometheus text whose request counter follows the traffic', async () => {
      const counter = async (): Promise<number> => {
        const res = await request(api.server).get('/metrics');
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
        expect(res.text).toContain('# TYPE socle_http_requests_total counter');
        const line = res.text
          .split('\n')
          .find((l) => l.startsWith('socle_http_requests_total{method="GET",route="/health/live",status="200"}'));
        return line ? Number(line.split(' ').pop()) : 0;
      };
      const before = await counter();
      for (let i = 0; i < 3; i++) expect((await request(api.server).get('/health/live')).status).toBe(200);
      expect(await counter()).toBe(before + 3);
      const text = (await request(api.server).get('/metrics')).text;
      expect(text).toMatch(/^socle_http_requests_total\{method="POST",route="\/graphql",status="200"\} \d+$/m);
      expect(text).toMatch(/^socle_http_requests_total\{method="POST",route="\/graphql",status="400"\} \d+$/m);
    });
  });

  describe('request ids', () => {
    it('echoes a well-formed x-request-id and puts it in every GraphQL error', async () => {
      const id = `trace-${Date.now()}.abc_DEF`;
      const res = await post().set('content-type', 'application/json').set('x-request-id', id).send({ query: '{ me { user { id } } }' });
      expect(res.headers['x-request-id']).toBe(id);
      expect(res.status).toBe(401);
      expect(res.body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', requestId: id });
      const invalid = await post().set('content-type', 'application/json').set('x-request-id', `${id}-v`).send({ query: '{ nope }' });
      expect(invalid.headers['x-request-id']).toBe(`${id}-v`);
      expect(invalid.body.errors[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', requestId: `${id}-v` });
    });

    it('generates a fresh id when there is none, or when the given one is not acceptable', async () => {
      const a = await post().set('content-type', 'application/json').send({ query: '{ __typename }' });
      const b = await post().set('content-type', 'application/json').send({ query: '{ __typename }' });
      expect(a.headers['x-request-id']).toMatch(UUID);
      expect(b.headers['x-request-id']).toMatch(UUID);
      expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
      for (const bad of ['has spaces in it', 'x'.repeat(65), 'semi;colon']) {
        const res = await post().set('content-type', 'application/json').set('x-request-id', bad).send({ query: '{ nope }' });
        expect(res.headers['x-request-id']).toMatch(UUID);
        expect(res.body.errors[0].extensions.requestId).toBe(res.headers['x-request-id']);
      }
      expect((await request(api.server).get('/health/live')).headers['x-request-id']).toMatch(UUID);
    });

    it('puts the id in errors raised before GraphQL runs (credentials, tenant headers, body)', async () => {
      const cases = [
        post().set('content-type', 'application/json').set('authorization', 'Bearer not.a.token').send({ query: '{ __typename }' }),
        post().set('content-type', 'application/json').set('x-socle-organization', 'not-a-uuid').send({ query: '{ __typename }' }),
        post().set('content-type', 'application/json').send('{"query": '),
      ];
      for (const [i, pending] of cases.entries()) {
        const res = await pending.set('x-request-id', `early-${i}`);
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.headers['x-request-id']).toBe(`early-${i}`);
        expect(res.body.errors[0].extensions.requestId).toBe(`early-${i}`);
        expect(leaksIn(res.body)).toEqual([]);
      }
    });
  });
});
