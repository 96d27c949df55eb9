import request from 'supertest';
import { addOrganizationMember, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { insideOneRateWindow, isolatedPrefix } from './e2e-support';

interface Cost {
  requestedQueryCost: number | null;
  actualQueryCost: number;
  maximumQueryCost: number;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; resetInSeconds: number; windowSeconds: number } | null;
}

interface Viewer {
  kind: string;
  user: { id: string; email: string; displayName: string } | null;
  apiKey: {
    id: string;
    name: string;
    displayPrefix: string;
    agencyId: string;
    organizationId: string | null;
    scopes: string[];
    expiresAt: string | null;
  } | null;
  organization: { organizationId: string; agencyId: string; agencyRole: string | null; roles: string[]; permissions: string[] } | null;
  rateLimit: { bucket: string; limit: number; remaining: number; resetInSeconds: number; windowSeconds: number } | null;
}

const VIEWER = `{ viewer {
  kind
  user { id email displayName }
  apiKey { id name displayPrefix agencyId organizationId scopes expiresAt }
  organization { organizationId agencyId agencyRole roles permissions }
  rateLimit { bucket limit remaining resetInSeconds windowSeconds }
} }`;

const ORGANIZATIONS = 'query Orgs($first: Int) { organizations(first: $first) { edges { node { id name } } } }';

/**
 * An API that explains itself: `viewer` (who the credentials are, their permissions in the chosen organisation,
 * their budget), `extensions.cost` on every answer, the IETF RateLimit-* headers on every GraphQL answer
 * (refusals included), and batches refused with the request id like every other error.
 */
describe('viewer, query cost and rate-limit state', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ QUEUE_PREFIX: isolatedPrefix('viewer') });
  });
  afterAll(async () => {
    await api?.stop();
  });

  async function createKey(token: string, input: Record<string, unknown>): Promise<{ id: string; secret: string }> {
    const created = await api.ok<{ createApiKey: { apiKey: { id: string }; secret: string } }>(
      'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } secret } }',
      { input },
      { token },
    );
    return { id: created.createApiKey.apiKey.id, secret: created.createApiKey.secret };
  }

  describe('viewer', () => {
    it('tells a signed-in person who they are, with no organisation until one is chosen, and their budget', async () => {
      const owner = await signUpAgency(api);
      const { viewer } = await api.ok<{ viewer: Viewer }>(VIEWER, {}, { token: owner.token });
      expect(viewer).toEqual({
        kind: 'USER',
        user: { id: owner.userId, email: owner.email, displayName: 'Owner' },
        apiKey: null,
        organization: null,
        rateLimit: {
          bucket: 'USER',
          limit: api.config.RATE_LIMIT_USER_PER_MINUTE,
          remaining: expect.any(Number),
          resetInSeconds: expect.any(Number),
          windowSeconds: 60,
        },
      });
      expect(viewer.rateLimit?.remaining).toBeLessThan(api.config.RATE_LIMIT_USER_PER_MINUTE);
      expect(viewer.rateLimit?.resetInSeconds).toBeGreaterThanOrEqual(1);
      expect(viewer.rateLimit?.resetInSeconds).toBeLessThanOrEqual(60);
    });

    it("lists the permissions held in the chosen organisation: the agency owner's, and fewer for a client's viewer", async () => {
      const owner = await signUpAgency(api);
      const organizationId = await createOrganization(api, owner, 'Boulangerie Viewer');
      const reader = await addOrganizationMember(api, owner, organizationId, ['VIEWER']);
      const asOwner = (await api.ok<{ viewer: Viewer }>(VIEWER, {}, { token: owner.token, organizationId })).viewer.organization;
      const asReader = (await api.ok<{ viewer: Viewer }>(VIEWER, {}, { token: reader.token, organizationId })).viewer.organization;
      expect(asOwner).toMatchObject({ organizationId, agencyId: owner.agencyId, agencyRole: 'OWNER', roles: [] });
      expect(asReader).toMatchObject({ organizationId, agencyId: owner.agencyId, agencyRole: null, roles: ['VIEWER'] });
      expect(asOwner?.permissions).toEqual([...(asOwner?.permissions ?? [])].sort());
      expect(asOwner?.permissions).toEqual(
        expect.arrayContaining(['organization.read', 'organization.update', 'organization.members.manage']),
      );
      expect(asReader?.permissions).toContain('organization.read');
      expect(asReader?.permissions).not.toContain('organization.update');
      // What viewer says is what the API enforces: the reader may read, not rename.
      expect((await api.gql('{ organization { id } }', {}, { token: reader.token, organizationId })).body.errors).toBeUndefined();
      const rename = await api.gql(
        'mutation { updateOrganization(input: { name: "x" }) { id } }',
        {},
        { token: reader.token, organizationId },
      );
      expect(rename.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('describes an API key (never its secret), scoped to its organisation without a header, with read permissions only', async () => {
      const owner = await signUpAgency(api);
      const organizationId = await createOrganization(api, owner, 'Fromagerie Clé');
      const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
      const key = await createKey(owner.token, { name: 'Tableau de bord', scopes: ['READ'], organizationId, expiresAt });
      const res = await api.gql<{ viewer: Viewer }>(VIEWER, {}, { token: key.secret });
      expect(res.body.errors).toBeUndefined();
      const viewer = res.body.data?.viewer as Viewer;
      expect(viewer).toMatchObject({
        kind: 'API_KEY',
        user: null,
        apiKey: { id: key.id, name: 'Tableau de bord', agencyId: owner.agencyId, organizationId, scopes: ['READ'], expiresAt },
        organization: { organizationId, agencyId: owner.agencyId, agencyRole: null, roles: [] },
        rateLimit: { bucket: 'API_KEY', limit: api.config.RATE_LIMIT_API_KEY_PER_MINUTE },
      });
      expect(key.secret.startsWith(viewer.apiKey?.displayPrefix ?? '-')).toBe(true);
      expect(JSON.stringify(res.body)).not.toContain(key.secret);
      expect(viewer.organization?.permissions).toContain('organization.read');
      expect(viewer.organization?.permissions).not.toContain('organization.update');
      // Another organisation named in the header: refused on that part only.
      const other = await createOrganization(api, owner, 'Autre client');
      const elsewhere = await api.gql<{ viewer: Viewer }>(VIEWER, {}, { token: key.secret, organizationId: other });
      expect(elsewhere.body.errors?.[0]).toMatchObject({ path: ['viewer', 'organization'], extensions: { code: 'FORBIDDEN' } });
      expect(elsewhere.body.data?.viewer).toMatchObject({ kind: 'API_KEY', organization: null });
    });

    it('gives an agency key write permissions in the organisation it names', async () => {
      const owner = await signUpAgency(api);
      const organizationId = await createOrganization(api, owner, 'Client agence');
      const key = await createKey(owner.token, { name: 'Agence', scopes: ['READ', 'WRITE'] });
      const { viewer } = await api.ok<{ viewer: Viewer }>(VIEWER, {}, { token: key.secret, organizationId });
      expect(viewer.apiKey).toMatchObject({ organizationId: null, scopes: ['READ', 'WRITE'], expiresAt: null });
      expect(viewer.organization?.permissions).toEqual(expect.arrayContaining(['organization.read', 'organization.update']));
      // People-only permissions never go to a key.
      expect(viewer.organization?.permissions).not.toContain('organization.members.manage');
    });

    it('answers an anonymous caller too: nobody, no organisation even when one is named, the budget of its address', async () => {
      const owner = await signUpAgency(api);
      const organizationId = await createOrganization(api, owner, 'Client anonyme');
      const { viewer } = await api.ok<{ viewer: Viewer }>(VIEWER, {}, { organizationId });
      expect(viewer).toMatchObject({ kind: 'ANONYMOUS', user: null, apiKey: null, organization: null });
      expect(viewer.rateLimit).toMatchObject({ bucket: 'ANONYMOUS', limit: api.config.RATE_LIMIT_ANONYMOUS_PER_MINUTE });
    });

    it("answers NOT_FOUND on the organisation part for an organisation that does not exist or is not the caller's", async () => {
      const owner = await signUpAgency(api);
      const stranger = await signUpAgency(api);
      const organizationId = await createOrganization(api, owner, 'Client privé');
      for (const id of [organizationId, '00000000-0000-4000-8000-000000000000']) {
        const res = await api.gql<{ viewer: Viewer }>(VIEWER, {}, { token: stranger.token, organizationId: id });
        expect(res.status).toBe(200);
        expect(res.body.errors?.[0]).toMatchObject({ path: ['viewer', 'organization'], extensions: { code: 'NOT_FOUND' } });
        expect(res.body.data?.viewer).toMatchObject({ kind: 'USER', user: { id: stranger.userId }, organization: null });
      }
    });
  });

  describe('extensions.cost', () => {
    it('gives the analysed cost, the charged cost, the cap and the budget on every answer; cost grows with the page asked', async () => {
      const owner = await signUpAgency(api);
      const costOf = async (first: number): Promise<Cost> => {
        const res = await api.gql(ORGANIZATIONS, { first }, { token: owner.token });
        expect(res.body.errors).toBeUndefined();
        return (res.body as { extensions: { cost: Cost } }).extensions.cost;
      };
      const ten = await costOf(10);
      const twenty = await costOf(20);
      expect(ten.requestedQueryCost).toEqual(expect.any(Number));
      expect(twenty.requestedQueryCost as number).toBeGreaterThan(ten.requestedQueryCost as number);
      expect(ten.actualQueryCost).toBe(ten.requestedQueryCost);
      expect(ten.maximumQueryCost).toBe(api.config.GRAPHQL_MAX_COST);
      expect(ten.throttleStatus).toMatchObject({ maximumAvailable: api.config.RATE_LIMIT_USER_PER_MINUTE, windowSeconds: 60 });
      // One request more, one less available (inside one window).
      await insideOneRateWindow();
      const a = await costOf(1);
      const b = await costOf(1);
      expect(b.throttleStatus?.currentlyAvailable).toBe((a.throttleStatus?.currentlyAvailable as number) - 1);
    });

    it('charges nothing for an operation refused before it ran: over the cap, or not valid', async () => {
      const tight = await TestApi.start({ QUEUE_PREFIX: isolatedPrefix('viewer-tight'), GRAPHQL_MAX_COST: '50' });
      try {
        const owner = await signUpAgency(tight);
        const tooMuch = await tight.gql(ORGANIZATIONS, { first: 100 }, { token: owner.token });
        expect(tooMuch.status).toBe(400);
        expect(tooMuch.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
        const refused = (tooMuch.body as { extensions: { cost: Cost } }).extensions.cost;
        expect(refused.requestedQueryCost as number).toBeGreaterThan(50);
        expect(refused).toMatchObject({ actualQueryCost: 0, maximumQueryCost: 50 });
      } finally {
        await tight.stop();
      }
      const owner = await signUpAgency(api);
      const invalid = await api.gql('{ organizations(first: 5) { notAField } }', {}, { token: owner.token });
      expect(invalid.status).toBe(400);
      expect((invalid.body as { extensions: { cost: Cost } }).extensions.cost).toMatchObject({
        requestedQueryCost: null,
        actualQueryCost: 0,
      });
    });
  });

  describe('RateLimit headers', () => {
    let limited: TestApi;
    beforeAll(async () => {
      limited = await TestApi.start({ QUEUE_PREFIX: isolatedPrefix('viewer-limited'), RATE_LIMIT_USER_PER_MINUTE: '4' });
    });
    afterAll(async () => {
      await limited?.stop();
    });

    it('count down on every answer and stay on the 429 refusal, whose Retry-After is the reset', async () => {
      const owner = await signUpAgency(limited); // its `me` look-up is the first of 4
      await insideOneRateWindow();
      const fresh = await signUpAgency(limited);
      const seen: { remaining: string; limit: string; policy: string; reset: number; status: number; available?: number }[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await limited.gql('{ viewer { kind } }', {}, { token: fresh.token });
        const cost = (res.body as { extensions?: { cost: Cost } }).extensions?.cost;
        seen.push({
          status: res.status,
          limit: res.headers['ratelimit-limit'],
          remaining: res.headers['ratelimit-remaining'],
          policy: res.headers['ratelimit-policy'],
          reset: Number(res.headers['ratelimit-reset']),
          available: cost?.throttleStatus?.currentlyAvailable,
        });
      }
      expect(seen.map((s) => [s.status, s.limit, s.remaining, s.policy, s.available])).toEqual([
        [200, '4', '2', '4;w=60', 2],
        [200, '4', '1', '4;w=60', 1],
        [200, '4', '0', '4;w=60', 0],
        [429, '4', '0', '4;w=60', undefined],
      ]);
      for (const s of seen) {
        expect(s.reset).toBeGreaterThanOrEqual(1);
        expect(s.reset).toBeLessThanOrEqual(60);
      }
      const refused = await limited.gql('{ viewer { kind } }', {}, { token: fresh.token });
      expect(refused.status).toBe(429);
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', requestId: refused.headers['x-request-id'] });
      expect(refused.headers['retry-after']).toBe(refused.headers['ratelimit-reset']);
      // The other person's budget is their own.
      const other = await limited.gql('{ viewer { kind } }', {}, { token: owner.token });
      expect(other.headers['ratelimit-limit']).toBe('4');
    });

    it('report the address budget, without counting, on a request refused before its caller is known', async () => {
      const bad = () => limited.gql('{ viewer { kind } }', {}, { token: 'not-a-token' });
      await insideOneRateWindow();
      const first = await bad();
      const second = await bad();
      expect(first.status).toBe(401);
      expect(first.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(first.headers['ratelimit-limit']).toBe(String(limited.config.RATE_LIMIT_ANONYMOUS_PER_MINUTE));
      expect(second.headers['ratelimit-remaining']).toBe(first.headers['ratelimit-remaining']);
      const anonymous = await limited.gql('{ viewer { rateLimit { remaining } } }');
      const remaining = (anonymous.body.data as { viewer: { rateLimit: { remaining: number } } }).viewer.rateLimit.remaining;
      expect(remaining).toBe(Number(first.headers['ratelimit-remaining']) - 1);
    });
  });

  describe('batching', () => {
    it('refuses a batch as a whole with 400, BAD_REQUEST, the request id and the budget headers; none of it runs', async () => {
      const owner = await signUpAgency(api);
      const res = await request(api.server)
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('authorization', `Bearer ${owner.token}`)
        .set('x-request-id', 'batch-refusal-1')
        .send([{ query: 'mutation { createOrganization(input: { name: "Batched" }) { id } }' }, { query: '{ viewer { kind } }' }]);
      expect(res.status).toBe(400);
      expect(res.headers['x-request-id']).toBe('batch-refusal-1');
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors[0].message).toMatch(/batching/i);
      expect(res.body.errors[0].extensions).toEqual({ code: 'BAD_REQUEST', requestId: 'batch-refusal-1' });
      expect(res.headers['ratelimit-limit']).toBe(String(api.config.RATE_LIMIT_USER_PER_MINUTE));
      const list = await api.ok<{ organizations: { edges: unknown[] } }>(ORGANIZATIONS, { first: 10 }, { token: owner.token });
      expect(list.organizations.edges).toEqual([]);
    });

    it('gives an anonymous batch its own generated request id', async () => {
      const res = await request(api.server)
        .post('/graphql')
        .set('content-type', 'application/json')
        .send([{ query: '{ __typename }' }]);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(res.body.errors[0].extensions.requestId).toBe(res.headers['x-request-id']);
      expect(res.body.errors[0].extensions.requestId).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
});
