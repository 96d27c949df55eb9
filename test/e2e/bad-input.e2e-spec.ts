import { getIntrospectionQuery } from 'graphql';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import {
  addOrganizationMember,
  AgencySession,
  createOrganization,
  GqlResult,
  signUpAgency,
  STRONG_PASSWORD,
  TestApi,
  uniqueEmail,
} from '@socle/testing';
import { firstError, isolatedPrefix, leaksIn } from './e2e-support';

const SIGN_UP = 'mutation ($input: SignUpInput!) { signUp(input: $input) { userId } }';
const LOG_IN = 'mutation ($input: LogInInput!) { logIn(input: $input) { userId } }';

function signUpInput(email: string, overrides: Record<string, unknown> = {}) {
  return { agencyName: 'Agence Entrées', displayName: 'Owner', email, password: STRONG_PASSWORD, locale: 'FR', ...overrides };
}

/** The error, checked for what must never reach a client (stack frames, SQL, driver errors). */
function cleanError(res: GqlResult) {
  expect(leaksIn(res.body)).toEqual([]);
  return firstError(res);
}

/**
 * Bad requests of every kind: each gets a 4xx or a coded GraphQL error naming
 * what is wrong and where, stores nothing, leaks nothing, and the server keeps serving.
 */
describe('bad input', () => {
  let api: TestApi;
  /** GRAPHQL_MAX_DEPTH=2: every nested selection is too deep. */
  let shallow: TestApi;
  /** Small cost, alias and body limits. */
  let tight: TestApi;

  const raw = (app: TestApi) => request(app.server).post('/graphql').set('accept', 'application/graphql-response+json');

  /** The app still answers a signed-in query after the bad request. */
  async function stillServing(app: TestApi = api, session?: AgencySession): Promise<void> {
    const owner = session ?? (await signUpAgency(api));
    const data = await app.ok<{ me: { user: { email: string } } }>('{ me { user { email } } }', {}, { token: owner.token });
    expect(data.me.user.email).toBe(owner.email);
  }

  async function canLogIn(email: string): Promise<boolean> {
    const res = await api.gql<{ logIn: { userId: string } }>(LOG_IN, { input: { email, password: STRONG_PASSWORD } });
    if (res.body.data?.logIn) return true;
    expect(firstError(res).extensions.code).toBe('UNAUTHENTICATED');
    return false;
  }

  beforeAll(async () => {
    const common = { RATE_LIMIT_LOGIN_PER_MINUTE: '1000' };
    api = await TestApi.start({ ...common, QUEUE_PREFIX: isolatedPrefix('bad') });
    shallow = await TestApi.start({ ...common, QUEUE_PREFIX: isolatedPrefix('bad-shallow'), GRAPHQL_MAX_DEPTH: '2' });
    tight = await TestApi.start({
      ...common,
      QUEUE_PREFIX: isolatedPrefix('bad-tight'),
      GRAPHQL_MAX_COST: '50',
      GRAPHQL_MAX_ALIASES: '3',
      BODY_LIMIT_BYTES: '2048',
    });
  });
  afterAll(async () => {
    await Promise.all([api?.stop(), shallow?.stop(), tight?.stop()]);
  });

  describe('the body', () => {
    it('refuses malformed JSON with 400 saying the body is not JSON', async () => {
      const res = await raw(api).set('content-type', 'application/json').send('{"query": "{ __typename }"');
      expect(res.status).toBe(400);
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors[0].message).toMatch(/not valid JSON/);
      expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(leaksIn(res.body)).toEqual([]);
      await stillServing();
    });

    it('refuses an empty body with 400 saying it is empty', async () => {
      const res = await raw(api).set('content-type', 'application/json').send('');
      expect(res.status).toBe(400);
      expect(res.body.errors[0].message).toMatch(/empty/);
      expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
      const noQuery = await raw(api).set('content-type', 'application/json').send({ variables: {} });
      expect(noQuery.status).toBe(400);
      expect(noQuery.body.errors[0].message).toMatch(/query/i);
      await stillServing();
    });

    it('refuses a body over BODY_LIMIT_BYTES with 413 and stores nothing of it', async () => {
      const email = uniqueEmail('oversized');
      const res = await raw(tight)
        .set('content-type', 'application/json')
        .send({ query: `${SIGN_UP} # ${'padding '.repeat(400)}`, variables: { input: signUpInput(email) } });
      expect(res.status).toBe(413);
      expect(res.body.errors[0].message).toMatch(/larger than the limit/);
      expect(res.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await canLogIn(email)).toBe(false);
      // Under the limit, the same operation goes through.
      expect((await tight.ok<{ signUp: { userId: string } }>(SIGN_UP, { input: signUpInput(email) })).signUp.userId).toEqual(
        expect.any(String),
      );
      await stillServing(tight);
    });
  });

  describe('the document', () => {
    it('refuses invalid syntax with GRAPHQL_PARSE_FAILED and the line and column', async () => {
      const res = await api.gql('query {\n  me {\n    user { email\n}');
      expect(res.status).toBe(400);
      const error = cleanError(res);
      expect(error.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(error.message).toMatch(/^Syntax Error: /);
      expect(res.body.errors?.[0]).toHaveProperty('locations', [{ line: 4, column: 2 }]);
      await stillServing();
    });

    it('refuses an unknown field with GRAPHQL_VALIDATION_FAILED naming the field and its type', async () => {
      const owner = await signUpAgency(api);
      const res = await api.gql('{ me { user { email phoneNumber } } }', {}, { token: owner.token });
      expect(res.status).toBe(400);
      expect(res.body).not.toHaveProperty('data');
      const error = cleanError(res);
      expect(error.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(error.message).toBe('Cannot query field "phoneNumber" on type "User".');
      expect(res.body.errors?.[0]).toHaveProperty('locations', [{ line: 1, column: 21 }]);
      await stillServing(api, owner);
    });

    it('refuses a variable of the wrong type with BAD_USER_INPUT naming the variable and the path inside it', async () => {
      const owner = await signUpAgency(api);
      const scalar = await api.gql(
        'query ($first: Int) { organizations(first: $first) { edges { cursor } } }',
        { first: 'ten' },
        { token: owner.token },
      );
      expect(scalar.status).toBe(400);
      expect(scalar.body).not.toHaveProperty('data');
      expect(cleanError(scalar).extensions.code).toBe('BAD_USER_INPUT');
      expect(cleanError(scalar).message).toBe('Variable "$first" got an invalid value; Int cannot represent non-integer value: "ten"');

      const email = uniqueEmail('wrong-type');
      const nested = await api.gql(SIGN_UP, { input: signUpInput(email, { locale: 'de', displayName: 42 }) });
      expect(nested.status).toBe(400);
      const messages = nested.body.errors?.map((e) => e.message) ?? [];
      expect(nested.body.errors?.every((e) => e.extensions?.code === 'BAD_USER_INPUT')).toBe(true);
      expect(messages.some((m) => m.includes('at "input.locale"') && m.includes('"de"'))).toBe(true);
      expect(
        messages.some((m) => m.includes('at "input.displayName"') && m.includes('String cannot represent a non string value: 42')),
      ).toBe(true);
      expect(leaksIn(nested.body)).toEqual([]);

      const missing = await api.gql(SIGN_UP, { input: { agencyName: 'A', displayName: 'B', email } });
      expect(cleanError(missing).extensions.code).toBe('BAD_USER_INPUT');
      expect(cleanError(missing).message).toMatch(/Field "password" of required type "String!" was not provided/);
      expect(await canLogIn(email)).toBe(false);
      await stillServing(api, owner);
    });
  });

  describe('query limits', () => {
    it('refuses a document deeper than GRAPHQL_MAX_DEPTH before any resolver runs', async () => {
      const owner = await signUpAgency(api);
      const res = await shallow.gql(
        'mutation { createApiKey(input: { name: "Trop profond", scopes: [READ] }) { apiKey { id } } }',
        {},
        { token: owner.token },
      );
      expect(res.status).toBe(400);
      expect(res.body).not.toHaveProperty('data');
      const error = cleanError(res);
      expect(error.extensions.code).toBe('QUERY_TOO_COMPLEX');
      expect(error.message).toBe('Query depth 3 exceeds the limit of 2.');
      // Depth through fragments counts as well.
      const viaFragment = await shallow.gql(
        '{ me { ...M } } fragment M on Me { organizations { organization { id } } }',
        {},
        { token: owner.token },
      );
      expect(cleanError(viaFragment).message).toBe('Query depth 4 exceeds the limit of 2.');
      // Nothing ran: no key was created.
      const keys = await api.ok<{ apiKeys: { edges: unknown[] } }>(
        '{ apiKeys(first: 10) { edges { node { id } } } }',
        {},
        { token: owner.token },
      );
      expect(keys.apiKeys.edges).toEqual([]);
      // A flat operation is still served by the same app.
      const flat = await shallow.ok<{ createOrganization: { name: string } }>(
        'mutation { createOrganization(input: { name: "Plat" }) { name } }',
        {},
        { token: owner.token },
      );
      expect(flat.createOrganization.name).toBe('Plat');
    });

    it('refuses a document costing more than GRAPHQL_MAX_COST, page sizes included', async () => {
      const owner = await signUpAgency(api);
      const orgId = await createOrganization(api, owner, 'Client Coûteux');
      await addOrganizationMember(api, owner, orgId, ['ANALYST']);
      const query = 'query ($first: Int) { members(first: $first) { edges { node { userId } } } }';
      const costly = await tight.gql(query, { first: 100 }, { token: owner.token, organizationId: orgId });
      expect(costly.status).toBe(400);
      expect(costly.body).not.toHaveProperty('data');
      const error = cleanError(costly);
      expect(error.extensions.code).toBe('QUERY_TOO_COMPLEX');
      expect(error.message).toBe('Query cost 301 exceeds the limit of 50. Ask for fewer items per page or fewer fields.');
      const inline = await tight.gql(
        '{ members(first: 100) { edges { node { userId roles } } } }',
        {},
        { token: owner.token, organizationId: orgId },
      );
      expect(cleanError(inline).extensions.code).toBe('QUERY_TOO_COMPLEX');
      const small = await tight.ok<{ members: { edges: unknown[] } }>(query, { first: 5 }, { token: owner.token, organizationId: orgId });
      expect(small.members.edges).toHaveLength(1);
    });

    it('refuses more aliases than GRAPHQL_MAX_ALIASES before any resolver runs', async () => {
      const owner = await signUpAgency(api);
      const aliased = ['a', 'b', 'c', 'd'].map((a) => `${a}: createOrganization(input: { name: "Alias ${a}" }) { id }`).join(' ');
      const res = await tight.gql(`mutation { ${aliased} }`, {}, { token: owner.token });
      expect(res.status).toBe(400);
      expect(res.body).not.toHaveProperty('data');
      const error = cleanError(res);
      expect(error.extensions.code).toBe('QUERY_TOO_COMPLEX');
      expect(error.message).toBe('The document uses more than 3 aliases.');
      const orgs = await api.ok<{ organizations: { edges: unknown[] } }>(
        '{ organizations(first: 10) { edges { node { id } } } }',
        {},
        { token: owner.token },
      );
      expect(orgs.organizations.edges).toEqual([]);
      await stillServing(tight, owner);
    });
  });

  describe('sign-up input', () => {
    it('refuses an invalid email with BAD_USER_INPUT naming input.email, and lists every problem', async () => {
      const res = await api.gql(SIGN_UP, { input: signUpInput('not-an-email') });
      expect(res.status).toBe(200);
      expect(res.body.data).toBeNull();
      const error = cleanError(res);
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.field).toBe('input.email');
      expect(error.extensions.problems).toEqual([{ field: 'input.email', message: 'must be a valid email address' }]);
      expect(error.message).toBe('Invalid input. input.email: must be a valid email address');
      expect(error.path).toEqual(['signUp']);

      const several = await api.gql(SIGN_UP, { input: signUpInput('nope@', { agencyName: '' }) });
      const problems = cleanError(several).extensions.problems as { field: string }[];
      expect(problems.map((p) => p.field).sort()).toEqual(['input.agencyName', 'input.email']);
      await stillServing();
    });

    it('refuses a weak password naming input.password, and creates no account', async () => {
      const email = uniqueEmail('weak');
      for (const [password, reason] of [
        ['short-1A', 'at least 12 characters'],
        ['password123', 'at least 12 characters'],
        ['aaaaaaaaaaaaaaaa', 'too few different characters'],
        ['azertyuiop!!', 'too common'],
      ]) {
        const res = await api.gql(SIGN_UP, { input: signUpInput(email, { password }) });
        const error = cleanError(res);
        expect(error.extensions.code).toBe('BAD_USER_INPUT');
        expect(error.extensions.field).toBe('input.password');
        expect(error.message).toContain(reason);
        expect(JSON.stringify(res.body)).not.toContain(password);
      }
      // No account was created: the same email signs up with a strong password.
      const ok = await api.ok<{ signUp: { userId: string } }>(SIGN_UP, { input: signUpInput(email) });
      expect(ok.signUp.userId).toEqual(expect.any(String));
      expect(await canLogIn(email)).toBe(true);
    });

    it('refuses a duplicate email (whatever its case) with CONFLICT on input.email, leaving the first account alone', async () => {
      const owner = await signUpAgency(api);
      for (const email of [owner.email, owner.email.toUpperCase()]) {
        const res = await api.gql(SIGN_UP, { input: signUpInput(email, { agencyName: 'Agence Doublon' }) });
        const error = cleanError(res);
        expect(error.extensions.code).toBe('CONFLICT');
        expect(error.extensions.field).toBe('input.email');
        expect(error.message).toMatch(/already exists/);
      }
      // No second agency was half-created for the owner.
      const me = await api.ok<{ me: { agencies: { agency: { name: string } }[] } }>(
        '{ me { agencies { agency { name } } } }',
        {},
        { token: owner.token },
      );
      expect(me.me.agencies.map((a) => a.agency.name)).toEqual(['Agence Test']);
    });
  });

  describe('headers and credentials', () => {
    it('refuses a tenant header that is not a UUID with 400 BAD_USER_INPUT naming the header', async () => {
      const owner = await signUpAgency(api);
      for (const header of ['x-socle-organization', 'x-socle-agency']) {
        const res = await api.gql('{ me { user { id } } }', {}, { token: owner.token, headers: { [header]: 'not-a-uuid' } });
        expect(res.status).toBe(400);
        expect(res.body).not.toHaveProperty('data');
        const error = cleanError(res);
        expect(error.extensions.code).toBe('BAD_USER_INPUT');
        expect(error.extensions.field).toBe(header);
        expect(error.message).toBe(`The ${header} header must be an id (UUID).`);
      }
      await stillServing(api, owner);
    });

    it('refuses an expired access token with 401 saying it expired', async () => {
      const owner = await signUpAgency(api);
      const expired = jwt.sign({ sid: 'a8b2c0de-0000-4000-8000-000000000000' }, api.config.JWT_SECRET, {
        subject: owner.userId,
        issuer: 'socle',
        audience: 'socle-api',
        expiresIn: -10,
        algorithm: 'HS256',
      });
      const res = await api.gql('{ me { user { id } } }', {}, { token: expired });
      expect(res.status).toBe(401);
      expect(res.body).not.toHaveProperty('data');
      const error = cleanError(res);
      expect(error.extensions.code).toBe('UNAUTHENTICATED');
      expect(error.message).toBe('The access token has expired: refresh it.');
      await stillServing(api, owner);
    });

    it('refuses forged tokens: another secret, alg none, another audience or issuer, no session', async () => {
      const owner = await signUpAgency(api);
      const claims = { sid: 'a8b2c0de-0000-4000-8000-000000000000' };
      const options = { subject: owner.userId, issuer: 'socle', audience: 'socle-api', expiresIn: 600 };
      const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      const forged = {
        'another secret': jwt.sign(claims, 'a-completely-different-secret-of-enough-length', options),
        'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, sub: owner.userId, iss: 'socle', aud: 'socle-api', iat: now, exp: now + 600 })}.`,
        'another audience': jwt.sign(claims, api.config.JWT_SECRET, { ...options, audience: 'another-api' }),
        'another issuer': jwt.sign(claims, api.config.JWT_SECRET, { ...options, issuer: 'someone' }),
        HS512: jwt.sign(claims, api.config.JWT_SECRET, { ...options, algorithm: 'HS512' }),
        'no session id': jwt.sign({}, api.config.JWT_SECRET, options),
        'not a JWT': 'abc.def.ghi',
      };
      for (const [label, token] of Object.entries(forged)) {
        const res = await api.gql('{ me { user { id } } }', {}, { token });
        expect({ label, status: res.status }).toEqual({ label, status: 401 });
        expect(res.body).not.toHaveProperty('data');
        const error = cleanError(res);
        expect({ label, code: error.extensions.code }).toEqual({ label, code: 'UNAUTHENTICATED' });
        expect(error.message).not.toMatch(/expired/);
      }
      await stillServing(api, owner);
    });

    it('refuses a malformed Authorization header with 401 saying what the header must be', async () => {
      const owner = await signUpAgency(api);
      for (const header of [
        `Token ${owner.token}`,
        'Bearer',
        `Basic ${Buffer.from('a:b').toString('base64')}`,
        `Bearer ${owner.token} extra`,
      ]) {
        const res = await raw(api).set('content-type', 'application/json').set('authorization', header).send({ query: '{ __typename }' });
        expect(res.status).toBe(401);
        expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
        expect(res.body.errors[0].message).toBe('The Authorization header must be `Bearer <access token or API key>`.');
        expect(leaksIn(res.body)).toEqual([]);
      }
      await stillServing(api, owner);
    });
  });

  describe('failed mutations store nothing', () => {
    it('keeps an organization ACTIVE when deleteOrganization has the wrong confirmName', async () => {
      const owner = await signUpAgency(api);
      const orgId = await createOrganization(api, owner, 'Client Prudent');
      const res = await api.gql(
        'mutation ($input: DeleteOrganizationInput!) { deleteOrganization(input: $input) { status } }',
        { input: { id: orgId, confirmName: 'Client prudent' } },
        { token: owner.token },
      );
      const error = cleanError(res);
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.field).toBe('input.confirmName');
      const org = await api.ok<{ organization: { status: string; deletionRequestedAt: string | null } }>(
        '{ organization { status deletionRequestedAt } }',
        {},
        { token: owner.token, organizationId: orgId },
      );
      expect(org.organization).toEqual({ status: 'ACTIVE', deletionRequestedAt: null });
      const audit = await api.ok<{ agencyAuditLog: { edges: { node: { action: string } }[] } }>(
        '{ agencyAuditLog(first: 50) { edges { node { action } } } }',
        {},
        { token: owner.token },
      );
      expect(audit.agencyAuditLog.edges.map((e) => e.node.action)).not.toContain('organization.deletion_requested');
    });

    it('changes no roles when changeMemberRoles names a role that does not exist', async () => {
      const owner = await signUpAgency(api);
      const orgId = await createOrganization(api, owner, 'Client Rôles');
      const member = await addOrganizationMember(api, owner, orgId, ['ANALYST']);
      const mutation = 'mutation ($input: ChangeMemberRolesInput!) { changeMemberRoles(input: $input) { roles } }';
      const viaVariables = await api.gql(
        mutation,
        { input: { userId: member.userId, roles: ['VIEWER', 'KING'] } },
        { token: owner.token, organizationId: orgId },
      );
      expect(viaVariables.status).toBe(400);
      expect(cleanError(viaVariables).extensions.code).toBe('BAD_USER_INPUT');
      expect(cleanError(viaVariables).message).toMatch(/at "input\.roles\[1\]".*Value "KING" does not exist in "OrganizationRole" enum/);
      const inline = await api.gql(
        `mutation { changeMemberRoles(input: { userId: "${member.userId}", roles: [VIEWER, KING] }) { roles } }`,
        {},
        { token: owner.token, organizationId: orgId },
      );
      expect(cleanError(inline).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const members = await api.ok<{ members: { edges: { node: { userId: string; roles: string[] } }[] } }>(
        '{ members(first: 10) { edges { node { userId roles } } } }',
        {},
        { token: owner.token, organizationId: orgId },
      );
      expect(members.members.edges.map((e) => e.node)).toEqual([{ userId: member.userId, roles: ['ANALYST'] }]);
    });

    it('rolls back every mutation of a request when one of them fails', async () => {
      const owner = await signUpAgency(api);
      const res = await api.gql(
        'mutation { first: createOrganization(input: { name: "Avant l’erreur" }) { id } second: createOrganization(input: { name: "Fuseau", timezone: "Mars/Olympus" }) { id } }',
        {},
        { token: owner.token },
      );
      expect(res.body.data).toBeNull();
      const error = cleanError(res);
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.field).toBe('input.timezone');
      expect(error.path).toEqual(['second']);
      const orgs = await api.ok<{ organizations: { edges: unknown[] } }>(
        '{ organizations(first: 10) { edges { node { name } } } }',
        {},
        { token: owner.token },
      );
      expect(orgs.organizations.edges).toEqual([]);
    });

    it('answers a cursor it never issued with BAD_USER_INPUT, never a database error', async () => {
      const owner = await signUpAgency(api);
      const shapedButWrong = Buffer.from(JSON.stringify(['yesterday', 'not-an-id'])).toString('base64url');
      for (const after of [
        '%%%',
        Buffer.from('[1,2]').toString('base64url'),
        Buffer.from('{"at":"2026-01-01"}').toString('base64url'),
        shapedButWrong,
      ]) {
        const res = await api.gql(
          'query ($after: String) { organizations(first: 5, after: $after) { edges { cursor } } }',
          { after },
          { token: owner.token },
        );
        const error = cleanError(res);
        expect({ after, code: error.extensions.code }).toEqual({ after, code: 'BAD_USER_INPUT' });
        expect(error.extensions.field).toBe('after');
      }
      await stillServing(api, owner);
    });
  });
  describe('hostile values', () => {
    const nestedObject = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    const nestedList = (levels: number) => `${'['.repeat(levels)}1${']'.repeat(levels)}`;
    const SET_RULES = 'mutation ($input: SetContentRulesInput!) { setContentRules(input: $input) { rules } }';
    const CREATE_MODEL = 'mutation ($input: CreateMaturityModelInput!) { createMaturityModel(input: $input) { id } }';

    it('refuses JSON nested 5,000 levels deep with 400 BAD_USER_INPUT naming the variable path, before authentication', async () => {
      const bodies = {
        setContentRules: `{"query":${JSON.stringify(SET_RULES)},"variables":{"input":{"rules":[${nestedObject(5000)}]}}}`,
        createMaturityModel: `{"query":${JSON.stringify(CREATE_MODEL)},"variables":{"input":{"name":"x","content":${nestedObject(5000)}}}}`,
        'a String variable': `{"query":"query ($x: String) { __typename }","variables":{"x":${nestedList(5000)}}}`,
        'an undeclared variable': `{"query":"{ __typename }","variables":{"unused":${nestedList(5000)}}}`,
      };
      for (const [label, body] of Object.entries(bodies)) {
        const res = await raw(api).set('content-type', 'application/json').send(body);
        expect({ label, status: res.status }).toEqual({ label, status: 400 });
        expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
        expect(res.body.errors[0].message).toMatch(/^Variable "\$\w+" is nested deeper than 64 levels\.$/);
        expect(res.body.errors[0].extensions.requestId).toEqual(expect.any(String));
        expect(leaksIn(res.body)).toEqual([]);
      }
      const atPath = await raw(api).set('content-type', 'application/json').send(bodies.setContentRules);
      expect(atPath.body.errors[0].extensions.field).toMatch(/^input\.rules\[0\]\.a\.a\.a/);
      // The same through GET, and in a document written inline.
      const viaGet = await request(api.server)
        .get('/graphql')
        .query({ query: 'query ($x: String) { __typename }', variables: `{"x":${nestedList(1000)}}` });
      expect(viaGet.status).toBe(400);
      expect(viaGet.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      const inline = await api.gql(
        `mutation { setContentRules(input: { rules: [${'{a: '.repeat(3000)}1${'}'.repeat(3000)}] }) { rules } }`,
      );
      expect(inline.status).toBe(400);
      expect(cleanError(inline).extensions.code).toBe('QUERY_TOO_COMPLEX');
      expect(cleanError(inline).message).toBe('The document nests more than 128 levels of brackets.');
      await stillServing();
    });

    it('bounds JSONObject values at 32 levels, given as a variable or inline, naming the variable path', async () => {
      const owner = await signUpAgency(api);
      const orgId = await createOrganization(api, owner, 'Client Profond');
      const deep = JSON.parse(nestedObject(40));
      const viaVariable = await api.gql(SET_RULES, { input: { rules: [deep] } }, { token: owner.token, organizationId: orgId });
      expect(viaVariable.status).toBe(400);
      const error = cleanError(viaVariable);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rules[0]' });
      expect(error.message).toBe(
        'Variable "$input" got an invalid value at "input.rules[0]"; Expected type "JSONObject". JSONObject is nested deeper than 32 levels.',
      );
      const inline = await api.gql(
        `mutation { createMaturityModel(input: { name: "M", content: ${'{a: '.repeat(40)}1${'}'.repeat(40)} }) { id } }`,
        {},
        { token: owner.token },
      );
      expect(inline.status).toBe(400);
      expect(cleanError(inline).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.content' });
      expect(cleanError(inline).message).toBe('Invalid input. input.content: is nested deeper than 32 levels');
      const models = await api.ok<{ maturityModels: { edges: unknown[] } }>(
        '{ maturityModels(first: 10) { edges { node { id } } } }',
        {},
        { token: owner.token },
      );
      expect(models.maturityModels.edges).toHaveLength(1); // the built-in model only
    });

    it('refuses NUL, control characters and unpaired surrogates in any string argument with BAD_USER_INPUT naming the field, storing nothing', async () => {
      const owner = await signUpAgency(api);
      const orgId = await createOrganization(api, owner, 'Client Texte');
      const org = { token: owner.token, organizationId: orgId };
      const CREATE_ORG = 'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }';
      const cases: [string, string, Record<string, unknown>, typeof org | { token: string }, string, RegExp][] = [
        ['NUL in a name', CREATE_ORG, { input: { name: 'Client\u0000Nul' } }, { token: owner.token }, 'input.name', /NUL/],
        [
          'a lone surrogate in a name',
          CREATE_ORG,
          { input: { name: 'Client \ud83d' } },
          { token: owner.token },
          'input.name',
          /unpaired surrogate/,
        ],
        [
          'an escape character',
          CREATE_ORG,
          { input: { name: 'Client \u001b[31m' } },
          { token: owner.token },
          'input.name',
          /control characters/,
        ],
        [
          'NUL in an email',
          'mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { token } }',
          { input: { email: 'a\u0000@example.test', roles: ['VIEWER'] } },
          org,
          'input.email',
          /NUL/,
        ],
        ['NUL in an id', 'query ($id: ID!) { assessment(id: $id) { id } }', { id: 'abc\u0000' }, org, 'id', /NUL/],
        [
          'NUL in a cursor',
          'query ($after: String) { members(first: 5, after: $after) { edges { cursor } } }',
          { after: '\u0000' },
          org,
          'after',
          /NUL/,
        ],
        [
          'NUL inside a JSON value',
          SET_RULES,
          { input: { rules: [{ id: 'w', kind: 'AVOID_WORDS', severity: 'WARN', words: ['ok', 'pro\u0000mo'] }] } },
          org,
          'input.rules[0].words[1]',
          /NUL/,
        ],
        [
          'a lone surrogate in a JSON key',
          SET_RULES,
          { input: { rules: [{ id: 'w', ['\udc00']: 1 }] } },
          org,
          'input.rules[0]["\\udc00"]',
          /unpaired surrogate/,
        ],
      ];
      for (const [label, query, variables, options, field, message] of cases) {
        const res = await api.gql(query, variables, options);
        const error = cleanError(res);
        expect({ label, code: error.extensions.code, field: error.extensions.field }).toEqual({ label, code: 'BAD_USER_INPUT', field });
        expect(error.message).toMatch(message);
      }
      // Written inline, the same.
      const inline = await api.gql('mutation { createOrganization(input: { name: "In\\u0000line" }) { id } }', {}, { token: owner.token });
      expect(cleanError(inline).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
      // Tabs and line breaks are text.
      const multiLine = await api.ok<{ setBrandVoice: { tone: string } }>(
        'mutation ($input: SetBrandVoiceInput!) { setBrandVoice(input: $input) { tone } }',
        { input: { tone: 'Chaleureux\n\tet direct', wordsToUse: [], wordsToAvoid: [] } },
        org,
      );
      expect(multiLine.setBrandVoice.tone).toBe('Chaleureux\n\tet direct');
      const orgs = await api.ok<{ organizations: { edges: { node: { name: string } }[] } }>(
        '{ organizations(first: 10) { edges { node { name } } } }',
        {},
        { token: owner.token },
      );
      expect(orgs.organizations.edges.map((e) => e.node.name)).toEqual(['Client Texte']);
      const rules = await api.ok<{ contentRules: { rules: unknown[] } }>('{ contentRules { rules } }', {}, org);
      expect(rules.contentRules.rules).toEqual([]);
    });

    it('refuses fields a content rule or a maturity model does not have, at their path, and stores nothing', async () => {
      const owner = await signUpAgency(api);
      const orgId = await createOrganization(api, owner, 'Client Inconnu');
      let deep: unknown = 1;
      for (let i = 0; i < 25; i += 1) deep = { a: deep };
      const rule = await api.gql(
        SET_RULES,
        { input: { rules: [{ id: 'h', kind: 'MAX_HASHTAGS', severity: 'WARN', max: 2, hidden: deep }] } },
        { token: owner.token, organizationId: orgId },
      );
      expect(cleanError(rule).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rules[0].hidden' });
      const stored = await api.ok<{ contentRules: { rules: unknown[] } }>(
        '{ contentRules { rules } }',
        {},
        { token: owner.token, organizationId: orgId },
      );
      expect(stored.contentRules.rules).toEqual([]);

      const exported = await api.ok<{ exportMaturityModel: string }>(
        '{ exportMaturityModel(modelId: "default") }',
        {},
        { token: owner.token },
      );
      const document = JSON.parse(exported.exportMaturityModel);
      document.model.dimensions[0].criteria[0].hidden = deep;
      document.model.levels[1].name.de = 'Stufe';
      const imported = await api.gql(
        'mutation ($input: ImportMaturityModelInput!) { importMaturityModel(input: $input) { id } }',
        { input: { name: 'Avec extras', json: JSON.stringify(document) } },
        { token: owner.token },
      );
      const fields = (cleanError(imported).extensions.problems as { field: string }[]).map((p) => p.field);
      expect(fields).toEqual(
        expect.arrayContaining(['input.json.model.dimensions[0].criteria[0].hidden', 'input.json.model.levels[1].name.de']),
      );
      const created = await api.gql(CREATE_MODEL, { input: { name: 'Avec extras', content: document.model } }, { token: owner.token });
      expect((cleanError(created).extensions.problems as { field: string }[]).map((p) => p.field)).toEqual(
        expect.arrayContaining(['input.content.dimensions[0].criteria[0].hidden', 'input.content.levels[1].name.de']),
      );
      const models = await api.ok<{ maturityModels: { edges: unknown[] } }>(
        '{ maturityModels(first: 10) { edges { node { id } } } }',
        {},
        { token: owner.token },
      );
      expect(models.maturityModels.edges).toHaveLength(1);
    });

    it('applies the depth limit to introspection, with room for the standard introspection query', async () => {
      const owner = await signUpAgency(api);
      const standard = getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
        oneOf: true,
      });
      const ok = await api.gql<{ __schema: { types: unknown[] } }>(standard, {}, { token: owner.token });
      expect(ok.body.errors).toBeUndefined();
      expect(ok.body.data?.__schema.types.length).toBeGreaterThan(50);
      const chain = await api.gql(
        `{ __schema { types { ${'ofType { '.repeat(50)} name ${'} '.repeat(50)} } } }`,
        {},
        { token: owner.token },
      );
      expect(chain.status).toBe(400);
      expect(chain.body).not.toHaveProperty('data');
      expect(cleanError(chain).extensions.code).toBe('QUERY_TOO_COMPLEX');
      expect(cleanError(chain).message).toMatch(/^Query depth 53 exceeds the limit of \d+\.$/);
    });
  });

  describe('removals answer with what was removed', () => {
    it('removeAgencyMember resolves the removed person and the removal holds', async () => {
      const owner = await signUpAgency(api);
      const email = uniqueEmail('staff');
      const invite = await api.ok<{ inviteAgencyMember: { token: string } }>(
        'mutation ($input: InviteAgencyMemberInput!) { inviteAgencyMember(input: $input) { token } }',
        { input: { email, role: 'MEMBER' } },
        { token: owner.token },
      );
      const accepted = await api.ok<{ acceptInvitation: { userId: string } }>(
        'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userId } }',
        { input: { token: invite.inviteAgencyMember.token, displayName: 'Staff Member', password: STRONG_PASSWORD } },
      );
      const removed = await api.gql<{
        removeAgencyMember: { userId: string; role: string; joinedAt: string; user: Record<string, unknown> };
      }>(
        'mutation ($input: RemoveMemberInput!) { removeAgencyMember(input: $input) { userId role joinedAt user { id email displayName locale createdAt } } }',
        { input: { userId: accepted.acceptInvitation.userId } },
        { token: owner.token },
      );
      expect(removed.body.errors).toBeUndefined();
      expect(removed.body.data?.removeAgencyMember).toMatchObject({
        userId: accepted.acceptInvitation.userId,
        role: 'MEMBER',
        user: { id: accepted.acceptInvitation.userId, email, displayName: 'Staff Member' },
      });
      const staff = await api.ok<{ agencyMembers: { edges: { node: { userId: string } }[] } }>(
        '{ agencyMembers(first: 10) { edges { node { userId } } } }',
        {},
        { token: owner.token },
      );
      expect(staff.agencyMembers.edges.map((e) => e.node.userId)).toEqual([owner.userId]);
    });
  });
});
