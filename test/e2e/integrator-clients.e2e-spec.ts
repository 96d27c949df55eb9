import request from 'supertest';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, GraphQLNonNull, GraphQLObjectType } from 'graphql';
import { createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { isolatedPrefix } from './e2e-support';

interface Answer {
  data?: { organization?: { id: string; name: string } | null; agency?: { id: string; name: string } | null } | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
}

/**
 * What ordinary GraphQL clients need. The tenant in the URL: `/graphql/organizations/<id>` chooses the organisation as the header does, so a client that
 * caches by endpoint keeps one cache per organisation. Same access rules: another agency's organisation is refused.
 */
describe('what GraphQL clients need', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ QUEUE_PREFIX: isolatedPrefix('integrator-clients') });
  });
  afterAll(async () => {
    await api?.stop();
  });

  async function post(path: string, query: string, token: string, headers: Record<string, string> = {}) {
    let req = request(api.server).post(path).set('content-type', 'application/json').set('authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    const res = await req.send({ query });
    return { status: res.status, body: res.body as Answer };
  }

  it('answers for the organisation in the path, without a header, and for the same one named in both', async () => {
    const owner = await signUpAgency(api);
    const first = await createOrganization(api, owner, 'Boulangerie Chemin');
    const second = await createOrganization(api, owner, 'Fromagerie Chemin');
    const a = await post(`/graphql/organizations/${first}`, '{ organization { id name } }', owner.token);
    const b = await post(`/graphql/organizations/${second}/`, '{ organization { id name } }', owner.token);
    expect(a.body).toMatchObject({ data: { organization: { id: first, name: 'Boulangerie Chemin' } } });
    expect(b.body).toMatchObject({ data: { organization: { id: second, name: 'Fromagerie Chemin' } } });
    const both = await post(`/graphql/organizations/${first.toUpperCase()}`, '{ organization { id } }', owner.token, {
      'x-socle-organization': first,
    });
    expect(both.body).toMatchObject({ data: { organization: { id: first } } });
  });

  it('refuses a path and a header that disagree, and a path that holds no id, saying where', async () => {
    const owner = await signUpAgency(api);
    const first = await createOrganization(api, owner, 'Client un');
    const second = await createOrganization(api, owner, 'Client deux');
    const clash = await post(`/graphql/organizations/${first}`, '{ organization { id } }', owner.token, { 'x-socle-organization': second });
    expect(clash.status).toBe(400);
    expect(clash.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'x-socle-organization' });
    expect(clash.body.errors?.[0]?.message).toMatch(/another organization than the path/);
    for (const bad of ['not-an-id', '%00', `${first}x`, "1'%20OR%201=1"]) {
      const res = await post(`/graphql/organizations/${bad}`, '{ organization { id } }', owner.token);
      expect({ bad, status: res.status, extensions: res.body.errors?.[0]?.extensions }).toMatchObject({
        bad,
        status: 400,
        extensions: { code: 'BAD_USER_INPUT', field: 'path' },
      });
    }
    // Deeper paths are not endpoints.
    expect((await post(`/graphql/organizations/${first}/members`, '{ organization { id } }', owner.token)).status).toBe(404);
  });

  it("refuses another agency's organisation in the path as in the header, and changes nothing there", async () => {
    const owner = await signUpAgency(api);
    const stranger = await signUpAgency(api, 'Autre agence');
    const theirs = await createOrganization(api, stranger, 'Client d’en face');
    const read = await post(`/graphql/organizations/${theirs}`, '{ organization { id name } }', owner.token);
    const viaHeader = await api.gql('{ organization { id name } }', {}, { token: owner.token, organizationId: theirs });
    expect(read.body.data?.organization ?? null).toBeNull();
    expect(read.body.errors?.[0]?.extensions?.code).toBe(viaHeader.body.errors?.[0]?.extensions?.code);
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(read.body.errors?.[0]?.extensions?.code);
    const rename = await post(
      `/graphql/organizations/${theirs}`,
      'mutation { updateOrganization(input: { name: "Pris" }) { id } }',
      owner.token,
    );
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(rename.body.errors?.[0]?.extensions?.code);
    const still = await api.ok<{ organization: { name: string } }>(
      '{ organization { name } }',
      {},
      { token: stranger.token, organizationId: theirs },
    );
    expect(still.organization.name).toBe('Client d’en face');
  });

  it('chooses the agency by its path too', async () => {
    const owner = await signUpAgency(api, 'Agence Chemin');
    const mine = await post(`/graphql/agencies/${owner.agencyId}`, '{ agency { id name } }', owner.token);
    expect(mine.body).toMatchObject({ data: { agency: { id: owner.agencyId, name: 'Agence Chemin' } } });
    const stranger = await signUpAgency(api, 'Agence voisine');
    const theirs = await post(`/graphql/agencies/${stranger.agencyId}`, '{ agency { id name } }', owner.token);
    expect(theirs.body.data?.agency ?? null).toBeNull();
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(theirs.body.errors?.[0]?.extensions?.code);
  });

  it('answers a look-up of a missing object with null and its error, keeping the sibling fields', async () => {
    const owner = await signUpAgency(api);
    const organizationId = await createOrganization(api, owner, 'Client voisin');
    const missing = '00000000-0000-4000-8000-000000000000';
    const res = await api.gql(
      `query ($id: ID!) { organization { id name } contentItem(id: $id) { id } inboxItem(id: $id) { id } alert(id: $id) { id } }`,
      { id: missing },
      { token: owner.token, organizationId },
    );
    expect(res.body.data).toEqual({
      organization: { id: organizationId, name: 'Client voisin' },
      contentItem: null,
      inboxItem: null,
      alert: null,
    });
    const failed = (res.body.errors ?? []).map((e) => [e.path?.join('.'), e.extensions?.code]);
    expect(failed.sort()).toEqual([
      ['alert', 'NOT_FOUND'],
      ['contentItem', 'NOT_FOUND'],
      ['inboxItem', 'NOT_FOUND'],
    ]);
  });

  it('answers totalCount on every list of the schema, equal to the items of the list when they fit on one page', async () => {
    const owner = await signUpAgency(api);
    const organizationId = await createOrganization(api, owner, 'Client compté');
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const lists = Object.values(schema.getQueryType()?.getFields() ?? {}).filter((field) => {
      const type = getNamedType(field.type);
      const required = field.args.filter((arg) => arg.type instanceof GraphQLNonNull && arg.defaultValue === undefined);
      return (
        type instanceof GraphQLObjectType && type.name.endsWith('Connection') && 'totalCount' in type.getFields() && required.length === 0
      );
    });
    expect(lists.length).toBeGreaterThanOrEqual(25);
    const answers: Array<{ list: string; outcome: string }> = [];
    for (const field of lists) {
      const first = field.args.some((arg) => arg.name === 'first') ? '(first: 100)' : '';
      const query = `{ ${field.name}${first} { totalCount edges { cursor } pageInfo { hasNextPage } } }`;
      // Organisation-level lists answer inside the organisation; agency-level ones refuse to mix levels and answer without it.
      let res = await api.gql<Record<string, { totalCount: number; edges: unknown[]; pageInfo: { hasNextPage: boolean } }>>(
        query,
        {},
        { token: owner.token, organizationId },
      );
      if (res.body.errors) res = await api.gql(query, {}, { token: owner.token });
      const page = res.body.data?.[field.name];
      answers.push({
        list: field.name,
        outcome: res.body.errors
          ? `error ${String(res.body.errors[0]?.extensions?.code)}: ${res.body.errors[0]?.message}`
          : page && !page.pageInfo.hasNextPage && page.totalCount === page.edges.length
            ? 'counted'
            : `totalCount ${page?.totalCount} for ${page?.edges.length} items`,
      });
    }
    expect(answers).toEqual(lists.map((field) => ({ list: field.name, outcome: 'counted' })));
  });

  it('declares the errors in the schema: every code with its meaning and status, and the shape of extensions', async () => {
    const owner = await signUpAgency(api);
    const { errorReference } = await api.ok<{
      errorReference: {
        codes: { code: string; httpStatus: number; description: string }[];
        example: { code: string; problems: { field: string }[] };
      };
    }>(
      '{ errorReference { codes { code httpStatus description } example { code field problems { field message } requestId } } }',
      {},
      { token: owner.token },
    );
    const codes = errorReference.codes.map((c) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'RATE_LIMITED', 'INTERNAL']));
    expect(errorReference.codes.find((c) => c.code === 'UNAUTHENTICATED')?.httpStatus).toBe(401);
    expect(errorReference.example.problems.length).toBe(2);
    // What the reference declares is what an error carries: a bad input's extensions fit the declared shape.
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const declared = Object.keys((schema.getType('ErrorExtensions') as GraphQLObjectType).getFields());
    const refused = await api.gql(
      'mutation { createCompetitor(input: { name: "   " }) { id } }',
      {},
      { token: owner.token, organizationId: await createOrganization(api, owner, 'Client erreurs') },
    );
    const extensions = refused.body.errors?.[0]?.extensions ?? {};
    expect(Object.keys(extensions).filter((key) => !declared.includes(key))).toEqual([]);
    expect(codes).toContain(extensions.code);
  });

  it("gives each of an organisation's settings one id, in its query and in the answer of the mutation that sets it", async () => {
    const owner = await signUpAgency(api);
    const organizationId = await createOrganization(api, owner, 'Client réglé');
    const otherId = await createOrganization(api, owner, 'Client voisin réglé');
    const as = (id = organizationId) => ({ token: owner.token, organizationId: id });
    const settings: { read: string; set: string; type: string; input: Record<string, unknown> }[] = [
      { read: 'alertSettings', set: 'setAlertSettings', type: 'SetAlertSettingsInput', input: { enabled: false } },
      {
        read: 'approvalChain',
        set: 'setApprovalChain',
        type: 'SetApprovalChainInput',
        input: { steps: [{ role: 'STRATEGY_LEAD', mode: 'ANY' }] },
      },
      {
        read: 'businessCalendar',
        set: 'setBusinessCalendar',
        type: 'SetBusinessCalendarInput',
        input: {
          timeZone: 'Europe/Paris',
          days: [1, 2, 3, 4].map((weekday) => ({ weekday, periods: [{ start: '09:00', end: '17:00' }] })),
        },
      },
      {
        read: 'commentHandlingRules',
        set: 'setCommentHandlingRules',
        type: 'SetCommentHandlingRulesInput',
        input: { rules: [{ channel: '*', severity: 'NORMAL', responseMinutes: 90, responsibleRole: 'COMMUNITY_MANAGER' }] },
      },
      { read: 'contentRules', set: 'setContentRules', type: 'SetContentRulesInput', input: { rules: [] } },
      { read: 'linkTracking', set: 'setLinkTracking', type: 'SetLinkTrackingInput', input: { utmEnabled: false } },
      {
        read: 'advocacyDigestSchedule',
        set: 'setAdvocacyDigestSchedule',
        type: 'SetAdvocacyDigestScheduleInput',
        input: { enabled: true },
      },
      {
        read: 'executiveReportSchedule',
        set: 'setExecutiveReportSchedule',
        type: 'SetExecutiveReportScheduleInput',
        input: { enabled: true },
      },
      { read: 'policyReviewSettings', set: 'setPolicyReview', type: 'SetPolicyReviewInput', input: { mode: 'NONE', reviewerIds: [] } },
      {
        read: 'brandVoice',
        set: 'setBrandVoice',
        type: 'SetBrandVoiceInput',
        input: { tone: 'Chaleureux', wordsToUse: ['merci'], wordsToAvoid: [] },
      },
      {
        read: 'crisisCell',
        set: 'setCrisisCell',
        type: 'SetCrisisCellInput',
        input: { members: [{ name: 'Claire', cellRole: 'LEAD', email: 'claire@example.test' }], escalation: [], playbook: [] },
      },
    ];
    const readIds = async (id: string) =>
      (await api.ok<Record<string, { id: string } | null>>(
        `{ ${settings.map((x) => `${x.read} { id }`).join(' ')} }`,
        {},
        as(id),
      )) as Record<string, { id: string } | null>;
    const before = await readIds(organizationId);
    const answered: Record<string, string> = {};
    for (const x of settings) {
      const res = await api.ok<Record<string, { id: string }>>(
        `mutation ($input: ${x.type}!) { ${x.set}(input: $input) { id } }`,
        { input: x.input },
        as(),
      );
      answered[x.read] = res[x.set].id;
    }
    const after = await readIds(organizationId);
    const theirs = await readIds(otherId);
    const outcome = settings.map(({ read }) => ({
      read,
      // The defaults already carry the id the stored settings keep (brandVoice and crisisCell are null until set).
      before: before[read] === null || before[read]?.id === answered[read],
      after: after[read]?.id === answered[read],
      // Another organisation's are other settings.
      apart: theirs[read] === null || theirs[read]?.id !== answered[read],
    }));
    expect(outcome).toEqual(settings.map(({ read }) => ({ read, before: true, after: true, apart: true })));
    // Each kind of settings has its own id, and the brand voice in the strategy document is the same one.
    expect(new Set(Object.values(answered)).size).toBe(settings.length);
    const document = await api.ok<{ strategyDocument: { brandVoice: { id: string } } }>(
      '{ strategyDocument { brandVoice { id } } }',
      {},
      as(),
    );
    expect(document.strategyDocument.brandVoice.id).toBe(answered.brandVoice);
  });
});
