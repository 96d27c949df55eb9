import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { createOrganization, signUpAgency, TestApi, type AgencySession, type GqlResult } from '@socle/testing';
import { adminDatabase, HOSTILE_VALUES, HUGE, LONE, NUL } from './e2e-support';

const CREATE_KEY = 'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id scopes organizationId } } }';

/** Never a 500, never INTERNAL: a hostile value is refused as bad input, or read as what it is. */
function expectNoCrash(what: string, res: GqlResult): void {
  const codes = (res.body.errors ?? []).map((e) => e.extensions?.code);
  expect({ what, serverError: res.status >= 500, internal: codes.includes('INTERNAL') }).toEqual({
    what,
    serverError: false,
    internal: false,
  });
}

/**
 * A hostile tenant against the typed inputs given to integrators last: the Date, YearMonth, LocalTime and DateTime
 * scalars, the inbox's CommentSeverity filter, upper-case Locale, and API-key scopes by module. NUL bytes, lone
 * surrogates, huge strings, deep JSON, private addresses, another tenant's ids, and each racing itself: never a 500 or
 * INTERNAL, a bad value refused with BAD_USER_INPUT and its field, nothing stored from a refused request, and another
 * tenant's data as it was.
 */
describe('hostile input against the typed scalars, enums and module scopes', () => {
  let api: TestApi;
  let admin: Client;
  let a: AgencySession;
  let b: AgencySession;
  let orgA: string;
  let orgB: string;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await adminDatabase();
    a = await signUpAgency(api, 'Agence Hostile A');
    b = await signUpAgency(api, 'Agence Hostile B');
    orgA = await createOrganization(api, a, 'Client A');
    orgB = await createOrganization(api, b, 'Client B');
  });

  afterAll(async () => {
    await admin?.end();
    await api?.stop();
  });

  it('refuses hostile values of every date scalar, in variables and inline, with BAD_USER_INPUT and the field', async () => {
    const asA = { token: a.token, organizationId: orgA };
    const typed: Array<[query: string, field: string]> = [
      ['query ($v: Date) { kpiValues(kpiId: "00000000-0000-4000-8000-000000000000", first: 5, from: $v) { totalCount } }', 'v'],
      ['query ($v: DateTime) { feedbackActions(first: 5, from: $v) { totalCount } }', 'v'],
      ['query ($v: YearMonth!) { advocacyDigest(month: $v) { subject } }', 'v'],
      ['mutation ($v: LocalTime!) { createRitual(input: { kind: DIGITAL_TEAMS_MEETING, weekday: 1, time: $v }) { id } }', 'v'],
      ['mutation ($v: [Date!]) { setBusinessCalendar(input: { timeZone: "Europe/Paris", days: [], closedDays: $v }) { closedDays } }', 'v'],
    ];
    const before = (await admin.query('SELECT count(*)::int AS n FROM rituals WHERE organization_id = $1', [orgA])).rows[0].n;
    for (const [query] of typed) {
      for (const value of [...HOSTILE_VALUES, '2026-02-30', '2026-13', '24:00', '2026-10-01T08:00', ['2026-10-01', NUL]]) {
        const res = await api.gql(query, { v: value }, asA);
        expectNoCrash(`${query.slice(0, 40)} ${JSON.stringify(value)?.slice(0, 30)}`, res);
        if (value !== null)
          expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: expect.stringMatching(/^v/) });
      }
    }
    // Inline, where graphql-js quotes the literal: the message stays bounded and names the place.
    for (const literal of [JSON.stringify(NUL), JSON.stringify(LONE), JSON.stringify(HUGE), '12', '{ a: 1 }', '"2026-02-30"']) {
      const res = await api.gql(`{ feedbackActions(first: 5, from: ${literal}) { totalCount } }`, {}, asA);
      expectNoCrash(`inline ${literal.slice(0, 20)}`, res);
      expect(res.body.errors?.[0]?.extensions?.code).toMatch(/^(BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED|GRAPHQL_PARSE_FAILED)$/);
      expect(res.body.errors?.[0]?.message.length).toBeLessThan(600);
    }
    expect((await admin.query('SELECT count(*)::int AS n FROM rituals WHERE organization_id = $1', [orgA])).rows[0].n).toBe(before);
  });

  it('refuses hostile severities, locales and scopes, and stores no key from a refused request', async () => {
    const asA = { token: a.token, organizationId: orgA };
    const keysBefore = (await admin.query('SELECT count(*)::int AS n FROM api_keys WHERE agency_id = $1', [a.agencyId])).rows[0].n;
    for (const value of [...HOSTILE_VALUES, 'low', 'read', 'content:read', 'CONTENT_ADMIN', Array(10_000).fill('READ'), ['READ', NUL]]) {
      const show = JSON.stringify(value)?.slice(0, 30);
      expectNoCrash(
        `severity ${show}`,
        await api.gql('query ($v: CommentSeverity) { inboxItems(first: 5, severity: $v) { totalCount } }', { v: value }, asA),
      );
      expectNoCrash(
        `locale ${show}`,
        await api.gql('mutation ($v: Locale) { updateMe(input: { locale: $v }) { locale } }', { v: value }, { token: a.token }),
      );
      const key = await api.gql(CREATE_KEY, { input: { name: 'hostile', scopes: value } }, { token: a.token, agencyId: a.agencyId });
      expectNoCrash(`scopes ${show}`, key);
      if (value !== null) expect(key.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect((await admin.query('SELECT count(*)::int AS n FROM api_keys WHERE agency_id = $1', [a.agencyId])).rows[0].n).toBe(keysBefore);
  });

  it('keeps a module-scoped key out of another tenant, and races key creation and the locale against themselves', async () => {
    const created = await api.ok<{ createApiKey: { secret: string } }>(
      CREATE_KEY,
      { input: { name: 'content reader', scopes: ['CONTENT_READ'], organizationId: orgA } },
      { token: a.token, agencyId: a.agencyId },
    );
    const key = created.createApiKey.secret;
    // Another tenant's organisation, by header and by URL: refused, never a crash, nothing of B read.
    const foreign = await api.gql('{ contentItems(first: 5) { totalCount } }', {}, { token: key, organizationId: orgB });
    expectNoCrash('foreign organisation', foreign);
    expect(foreign.body.data?.contentItems ?? null).toBeNull();
    expect(['FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT']).toContain(foreign.body.errors?.[0]?.extensions?.code);
    // B's key may not be created with A's organisation in it.
    const crossed = await api.gql(
      CREATE_KEY,
      { input: { name: 'crossed', scopes: ['READ'], organizationId: orgA } },
      { token: b.token, agencyId: b.agencyId },
    );
    expectNoCrash('crossed key', crossed);
    expect(crossed.body.data?.createApiKey ?? null).toBeNull();
    expect(
      (await admin.query('SELECT count(*)::int AS n FROM api_keys WHERE agency_id = $1 AND scope_organization_id = $2', [b.agencyId, orgA]))
        .rows[0].n,
    ).toBe(0);

    // Ten creations at once with module scopes: ten keys, each with its own id and the scopes asked for.
    const name = `raced-${randomUUID()}`;
    const raced = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.gql(CREATE_KEY, { input: { name, scopes: ['CONTENT_WRITE', 'COMMUNITY_READ'] } }, { token: a.token, agencyId: a.agencyId }),
      ),
    );
    raced.forEach((res, i) => expectNoCrash(`race ${i}`, res));
    const ids = raced.map((res) => (res.body.data as { createApiKey: { apiKey: { id: string } } }).createApiKey.apiKey.id);
    expect(new Set(ids).size).toBe(10);
    const stored = await admin.query<{ scopes: string[] }>('SELECT scopes FROM api_keys WHERE agency_id = $1 AND name = $2', [
      a.agencyId,
      name,
    ]);
    expect(stored.rows.map((r) => [...r.scopes].sort())).toEqual(Array(10).fill(['community:read', 'content:write']));

    // The locale set from two sides at once: every answer whole, the last write stored, in the stored form.
    const locales = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.gql('mutation ($v: Locale) { updateMe(input: { locale: $v }) { locale } }', { v: i % 2 ? 'EN' : 'FR' }, { token: a.token }),
      ),
    );
    locales.forEach((res, i) => expectNoCrash(`locale race ${i}`, res));
    const [row] = (await admin.query<{ locale: string }>('SELECT locale FROM users WHERE id = $1', [a.userId])).rows;
    expect(['fr', 'en']).toContain(row.locale);
  });
});
