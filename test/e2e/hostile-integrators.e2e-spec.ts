import request from 'supertest';
import { createOrganization, signUpAgency, TestApi, type AgencySession } from '@socle/testing';
import { HOSTILE_VALUES as HOSTILE, isolatedPrefix, serverErrorLog } from './e2e-support';

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  headers: Record<string, string>;
}

/**
 * A hostile tenant against what integrators were given last: the tenant chosen by the URL, idempotency keys, totalCount
 * on filtered lists, the error reference and the executive report's schedule. NUL bytes, lone surrogates, huge strings,
 * deep JSON, private addresses and another tenant's ids, and each racing itself: never a 500 or INTERNAL, and another
 * tenant's data stays as it was.
 */
describe('hostile input and races against the integrators’ new surface', () => {
  let api: TestApi;
  let a: AgencySession;
  let b: AgencySession;
  let orgA = '';
  let orgB = '';
  const { problems, check } = serverErrorLog();
  const post = async (path: string, body: unknown, headers: Record<string, string>): Promise<Answer> => {
    let req = request(api.server).post(path).set('content-type', 'application/json');
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    const res = await req.send(JSON.stringify(body));
    return { status: res.status, body: res.body as Answer['body'], headers: res.headers as Record<string, string> };
  };

  beforeAll(async () => {
    api = await TestApi.start({ QUEUE_PREFIX: isolatedPrefix('hostile-integrators') });
    a = await signUpAgency(api, 'Agence Hostile');
    b = await signUpAgency(api, 'Agence Cible');
    orgA = await createOrganization(api, a, 'Client hostile');
    orgB = await createOrganization(api, b, 'Client cible');
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('answers hostile tenant paths with a 4xx, never a 500, and never reaches another tenant', async () => {
    const auth = { authorization: `Bearer ${a.token}` };
    for (const segment of ['%00', '%ED%A0%80', 'x'.repeat(400), '..%2F..%2Fetc', orgB, b.agencyId, '%E2%80%AE' + orgA]) {
      for (const kind of ['organizations', 'agencies']) {
        const res = await post(`/graphql/${kind}/${segment}`, { query: '{ viewer { kind } organization { id name } }' }, auth);
        check(`path ${kind}/${segment.slice(0, 20)}`, res);
        expect(JSON.stringify(res.body)).not.toContain('Client cible');
      }
    }
  });

  it('refuses hostile idempotency keys and variables cleanly, and a key raced against itself with other variables creates one', async () => {
    const headers = { authorization: `Bearer ${a.token}`, 'x-socle-organization': orgA };
    const create = 'mutation ($name: String!) { createCompetitor(input: { name: $name }) { id } }';
    for (const value of HOSTILE) {
      const res = await post(
        '/graphql',
        { query: create, variables: { name: value } },
        { ...headers, 'idempotency-key': `hostile-${Math.random()}` },
      );
      check(`variables ${JSON.stringify(value)?.slice(0, 20)}`, res);
    }
    for (const key of ['x'.repeat(10_000), '\u00e9t\u00e9', '%00', 'a,b', `${orgB}`]) {
      const res = await post('/graphql', { query: create, variables: { name: 'Clé' } }, { ...headers, 'idempotency-key': encodeURI(key) });
      check(`key ${key.slice(0, 12)}`, res);
    }
    // One key, six requests at once with different names: one runs, the others wait and are refused (another request).
    const answers = await Promise.all(
      ['Un', 'Deux', 'Trois', 'Quatre', 'Cinq', 'Six'].map((name) =>
        post('/graphql', { query: create, variables: { name } }, { ...headers, 'idempotency-key': 'raced-key' }),
      ),
    );
    answers.forEach((res, i) => check(`race ${i}`, res));
    expect(answers.filter((res) => !res.body.errors).length).toBe(1);
    expect(answers.filter((res) => res.status === 422).length).toBe(5);
  });

  it('counts filtered lists with hostile filters without a 500, and the error reference and the executive schedule too', async () => {
    const headers = { authorization: `Bearer ${a.token}`, 'x-socle-organization': orgA };
    const lists: Array<[string, string]> = [
      ['query ($v: String) { mentions(first: 5, authorHandle: $v) { totalCount } }', 'String'],
      ['query ($v: String) { mediaAssets(first: 5, tag: $v) { totalCount } }', 'String'],
      ['query ($v: String) { mentionAuthors(first: 5, handlePrefix: $v) { totalCount } }', 'String'],
      ['query ($v: CommentSeverity) { inboxItems(first: 5, severity: $v) { totalCount } }', 'CommentSeverity'],
    ];
    for (const [query] of lists) {
      for (const value of HOSTILE)
        check(
          `${query.slice(16, 40)} ${JSON.stringify(value)?.slice(0, 20)}`,
          await post('/graphql', { query, variables: { v: value } }, headers),
        );
    }
    for (const value of HOSTILE) {
      const res = await post(
        '/graphql',
        {
          query: 'query ($v: OrganizationFilterInput) { organizations(first: 5, filter: $v) { totalCount } }',
          variables: { v: { nameContains: value } },
        },
        { authorization: `Bearer ${a.token}` },
      );
      check(`organizations ${JSON.stringify(value)?.slice(0, 20)}`, res);
      expect(JSON.stringify(res.body)).not.toContain('Client cible');
    }
    check('errorReference', await post('/graphql', { query: '{ errorReference { codes { code } example { code } } }' }, headers));
    const set = 'mutation ($v: Boolean!) { setExecutiveReportSchedule(input: { enabled: $v }) { enabled } }';
    for (const value of HOSTILE)
      check(`schedule ${JSON.stringify(value)?.slice(0, 20)}`, await post('/graphql', { query: set, variables: { v: value } }, headers));
    // Raced against itself, on and off: every answer clean, and the setting ends as one of the values sent.
    const raced = await Promise.all(
      [true, false, true, false, true, true].map((v) => post('/graphql', { query: set, variables: { v } }, headers)),
    );
    raced.forEach((res, i) => check(`schedule race ${i}`, res));
    // Another agency's organisation named: refused, and its setting unchanged.
    const aimed = await post(
      '/graphql',
      { query: set, variables: { v: true } },
      { authorization: `Bearer ${a.token}`, 'x-socle-organization': orgB },
    );
    check('schedule aimed at B', aimed);
    expect(aimed.body.errors?.[0]?.extensions?.code).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
    const theirs = await api.ok<{ executiveReportSchedule: { enabled: boolean } }>(
      '{ executiveReportSchedule { enabled } }',
      {},
      { token: b.token, organizationId: orgB },
    );
    expect(theirs.executiveReportSchedule.enabled).toBe(false);
    expect(problems).toEqual([]);
  });

  it('found no 500 and no INTERNAL anywhere above', () => {
    expect(problems).toEqual([]);
  });
});
