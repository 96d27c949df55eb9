import { Client } from 'pg';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { firstError } from './e2e-support';

/**
 * The editorial calendar and planned against actual frequency, over items and
 * publications written as the database owner (the publishing workflow has its own
 * suites): ranges, filters, the agency calendar across clients, weeks in the
 * organisation's time zone, the evidence of roadmap steps 4 and 7, bad input.
 */
const CALENDAR = `query ($input: ContentCalendarInput!) { contentCalendar(input: $input) {
  truncated entries { organizationId organizationName itemId title itemStatus theme campaign at network networkAccountId publicationId publicationStatus externalUrl } } }`;
const AGENCY_CALENDAR = `query ($input: AgencyContentCalendarInput!) { agencyContentCalendar(input: $input) {
  truncated entries { organizationId organizationName itemId title at network publicationStatus } } }`;
const FREQUENCY = `query ($weeks: Int) { publishingFrequency(weeks: $weeks) { network plannedPerWeek averagePerWeek attainment weeks { weekStart published } } }`;

type Entry = {
  organizationId: string;
  organizationName: string | null;
  itemId: string;
  title: string;
  itemStatus: string;
  at: string;
  network: string | null;
  publicationStatus: string | null;
};

describe('content calendar', () => {
  let api: TestApi;
  let admin: Client;
  let owner: AgencySession;
  let other: AgencySession;
  let bakery: string;
  let cycles: string;
  let foreign: string;
  let memberOfCycles: { token: string; userId: string };

  const day = (offsetDays: number, hour = 9) => {
    const d = new Date();
    d.setUTCHours(hour, 0, 0, 0);
    return new Date(d.getTime() + offsetDays * 86_400_000);
  };
  const item = async (
    org: string,
    title: string,
    fields: { status?: string; plannedFor?: Date; campaign?: string; theme?: string } = {},
  ) => {
    const { rows } = await admin.query<{ id: string }>(
      `INSERT INTO content_items (organization_id, title, status, planned_for, campaign, theme) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [org, title, fields.status ?? 'DRAFT', fields.plannedFor ?? null, fields.campaign ?? null, fields.theme ?? null],
    );
    return rows[0].id;
  };
  let keys = 0;
  const publication = async (org: string, itemId: string, network: string, status: string, at: Date) => {
    await admin.query(
      `INSERT INTO publications (organization_id, item_id, network, due_at, next_attempt_at, status, idempotency_key, external_id, published_at)
       VALUES ($1, $2, $3, $4, $4, $5, $6, $7, $8)`,
      [org, itemId, network, at, status, `k-${++keys}`, status === 'PUBLISHED' ? `x-${keys}` : null, status === 'PUBLISHED' ? at : null],
    );
  };

  beforeAll(async () => {
    api = await TestApi.start();
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    owner = await signUpAgency(api, 'Agence Calendrier');
    other = await signUpAgency(api, 'Agence Autre');
    bakery = await createOrganization(api, owner, 'Boulangerie');
    cycles = await createOrganization(api, owner, 'Cycles');
    foreign = await createOrganization(api, other, 'Étranger');
    memberOfCycles = await addOrganizationMember(api, owner, cycles, ['VIEWER']);
    // An agency member who is a member of one client only sees that one in the agency calendar.
    await admin.query(`INSERT INTO agency_memberships (agency_id, user_id, role) VALUES ($1, $2, 'MEMBER') ON CONFLICT DO NOTHING`, [
      owner.agencyId,
      memberOfCycles.userId,
    ]);

    const launch = await item(bakery, 'Lancement galette', { status: 'SCHEDULED', campaign: 'Épiphanie', theme: 'produits' });
    await publication(bakery, launch, 'mastodon', 'SCHEDULED', day(2));
    await publication(bakery, launch, 'bluesky', 'SCHEDULED', day(2, 10));
    const recipe = await item(bakery, 'Recette', { status: 'PUBLISHED', theme: 'recettes' });
    await publication(bakery, recipe, 'mastodon', 'PUBLISHED', day(-1));
    await item(bakery, 'Idée sans date');
    await item(bakery, 'Planifié sans publication', { plannedFor: day(5), theme: 'produits' });
    await item(bakery, 'Annulé', { status: 'CANCELLED', plannedFor: day(5) });
    await item(bakery, 'Hors période', { plannedFor: day(120) });
    const ride = await item(cycles, 'Sortie du dimanche', { status: 'SCHEDULED' });
    await publication(cycles, ride, 'mastodon', 'SCHEDULED', day(3));
    const secret = await item(foreign, 'Secret étranger', { status: 'SCHEDULED' });
    await publication(foreign, secret, 'mastodon', 'SCHEDULED', day(3));
  });
  afterAll(async () => {
    await admin?.end();
    await api.stop();
  });

  const range = { from: day(-7).toISOString(), to: day(30).toISOString() };

  it("shows an organisation's publications and dated items in time order, and nothing else", async () => {
    const data = await api.ok<{ contentCalendar: { truncated: boolean; entries: Entry[] } }>(
      CALENDAR,
      { input: range },
      { token: owner.token, organizationId: bakery },
    );
    expect(data.contentCalendar.truncated).toBe(false);
    expect(data.contentCalendar.entries.map((e) => [e.title, e.network, e.publicationStatus])).toEqual([
      ['Recette', 'mastodon', 'PUBLISHED'],
      ['Lancement galette', 'mastodon', 'SCHEDULED'],
      ['Lancement galette', 'bluesky', 'SCHEDULED'],
      ['Planifié sans publication', null, null],
    ]);
    expect(new Set(data.contentCalendar.entries.map((e) => e.organizationId))).toEqual(new Set([bakery]));
  });

  it('filters by network, status, campaign and theme', async () => {
    const titles = async (filter: Record<string, unknown>) =>
      (
        await api.ok<{ contentCalendar: { entries: Entry[] } }>(
          CALENDAR,
          { input: { ...range, ...filter } },
          { token: owner.token, organizationId: bakery },
        )
      ).contentCalendar.entries.map((e) => `${e.title}/${e.network}`);
    expect(await titles({ networks: ['bluesky'] })).toEqual(['Lancement galette/bluesky']);
    expect(await titles({ statuses: ['PUBLISHED'] })).toEqual(['Recette/mastodon']);
    expect(await titles({ campaign: 'Épiphanie' })).toEqual(['Lancement galette/mastodon', 'Lancement galette/bluesky']);
    expect(await titles({ theme: 'produits' })).toEqual([
      'Lancement galette/mastodon',
      'Lancement galette/bluesky',
      'Planifié sans publication/null',
    ]);
  });

  it("gives the agency every client's calendar, each read in its own organisation, and a member only their clients", async () => {
    const all = await api.ok<{ agencyContentCalendar: { entries: Entry[] } }>(AGENCY_CALENDAR, { input: range }, { token: owner.token });
    const orgs = new Set(all.agencyContentCalendar.entries.map((e) => e.organizationName));
    expect(orgs).toEqual(new Set(['Boulangerie', 'Cycles']));
    const times = all.agencyContentCalendar.entries.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const mine = await api.ok<{ agencyContentCalendar: { entries: Entry[] } }>(
      AGENCY_CALENDAR,
      { input: range },
      { token: memberOfCycles.token, agencyId: owner.agencyId },
    );
    expect(mine.agencyContentCalendar.entries.map((e) => e.title)).toEqual(['Sortie du dimanche']);

    const named = await api.ok<{ agencyContentCalendar: { entries: Entry[] } }>(
      AGENCY_CALENDAR,
      { input: { ...range, organizationIds: [cycles] } },
      { token: owner.token },
    );
    expect(named.agencyContentCalendar.entries.map((e) => e.title)).toEqual(['Sortie du dimanche']);
    // Another agency's organisation named explicitly is not found, and nothing of it is answered.
    const foreignNamed = await api.gql(
      AGENCY_CALENDAR,
      { input: { ...range, organizationIds: [foreign, cycles] } },
      { token: owner.token },
    );
    expect(firstError(foreignNamed).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.organizationIds' });
    expect(JSON.stringify(foreignNamed.body)).not.toContain('Secret');
    // A member does not see the clients they are not a member of, even named.
    const notMine = await api.gql(
      AGENCY_CALENDAR,
      { input: { ...range, organizationIds: [bakery] } },
      { token: memberOfCycles.token, agencyId: owner.agencyId },
    );
    expect(firstError(notMine).extensions.code).toBe('NOT_FOUND');
    const theirs = await api.ok<{ agencyContentCalendar: { entries: Entry[] } }>(AGENCY_CALENDAR, { input: range }, { token: other.token });
    expect(theirs.agencyContentCalendar.entries.map((e) => e.title)).toEqual(['Secret étranger']);
  });

  it("refuses another tenant's calendar", async () => {
    const res = await api.gql(CALENDAR, { input: range }, { token: other.token, organizationId: bakery });
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(firstError(res).extensions.code);
    expect(JSON.stringify(res.body)).not.toContain('galette');
  });

  it.each([
    ['a range over 92 days', { from: day(0).toISOString(), to: day(93).toISOString() }, 'input.to', /must be at most 92 days/],
    ['an end before the start', { from: day(2).toISOString(), to: day(1).toISOString() }, 'input.to', /must be after input\.from/],
    [
      'a date that does not exist',
      { from: '2026-02-30T00:00:00Z', to: day(1).toISOString() },
      'input.from',
      /Expected type "DateTime"\. Expected an RFC 3339 date-time .*, got "2026-02-30T00:00:00Z": that date or time does not exist\.$/,
    ],
    [
      'a date without offset',
      { from: '2026-02-01T00:00:00', to: day(1).toISOString() },
      'input.from',
      /got "2026-02-01T00:00:00": it has no time zone offset/,
    ],
    ['a NUL byte', { from: `2026-02-01T00:00:00Z\u0000`, to: day(1).toISOString() }, 'input.from', /got "2026-02-01T00:00:00Z\\u0000"\.$/],
    ['a network that is not a connector id', { ...range, networks: ['Mastodon!'] }, 'input.networks', /connector id/],
  ])('refuses %s with the field path', async (_what, input, field, message) => {
    const res = await api.gql(CALENDAR, { input }, { token: owner.token, organizationId: bakery });
    expect(firstError(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(firstError(res).extensions)).toContain(field);
    expect(firstError(res).message).toMatch(message);
  });

  it("counts posts per whole week in the organisation's time zone against each network plan", async () => {
    const org = await createOrganization(api, owner, 'Fréquence');
    await admin.query(`UPDATE organizations SET timezone = 'Pacific/Auckland' WHERE id = $1`, [org]);
    await admin.query(
      `INSERT INTO network_plans (organization_id, network, posts_per_week) VALUES ($1, 'mastodon', 3), ($1, 'bluesky', 0)`,
      [org],
    );
    const {
      rows: [week],
    } = await admin.query<{ start: Date }>(
      `SELECT (date_trunc('week', now() AT TIME ZONE 'Pacific/Auckland') - interval '1 week') AT TIME ZONE 'Pacific/Auckland' AS start`,
    );
    const lastWeek = new Date(week.start);
    const it1 = await item(org, 'A', { status: 'PUBLISHED' });
    // Two posts last week (the first one minute after Monday 00:00 in Auckland), one the week before,
    // one a minute before last week began (so in the week before too).
    await publication(org, it1, 'mastodon', 'PUBLISHED', new Date(lastWeek.getTime() + 60_000));
    await publication(org, it1, 'mastodon', 'PUBLISHED', new Date(lastWeek.getTime() + 3 * 86_400_000));
    await publication(org, it1, 'mastodon', 'PUBLISHED', new Date(lastWeek.getTime() - 60_000));
    await publication(org, it1, 'mastodon', 'PUBLISHED', new Date(lastWeek.getTime() - 4 * 86_400_000));
    await publication(org, it1, 'bluesky', 'SCHEDULED', new Date(lastWeek.getTime() + 60_000));
    const data = await api.ok<{
      publishingFrequency: {
        network: string;
        plannedPerWeek: number;
        averagePerWeek: number;
        attainment: number | null;
        weeks: { weekStart: string; published: number }[];
      }[];
    }>(FREQUENCY, { weeks: 2 }, { token: owner.token, organizationId: org });
    const mastodon = data.publishingFrequency.find((f) => f.network === 'mastodon');
    expect(mastodon?.weeks.map((w) => [Date.parse(w.weekStart), w.published])).toEqual([
      [lastWeek.getTime() - 7 * 86_400_000, 2],
      [lastWeek.getTime(), 2],
    ]);
    expect(mastodon).toMatchObject({ plannedPerWeek: 3, averagePerWeek: 2 });
    expect(mastodon?.attainment).toBeCloseTo(2 / 3);
    expect(data.publishingFrequency.find((f) => f.network === 'bluesky')).toMatchObject({ plannedPerWeek: 0, attainment: null });
    const bad = await api.gql(FREQUENCY, { weeks: 53 }, { token: owner.token, organizationId: org });
    expect(firstError(bad).extensions.code).toBe('BAD_USER_INPUT');
  });

  it('measures roadmap steps 4 and 7 from the calendar', async () => {
    const org = await createOrganization(api, owner, 'Feuille de route');
    await admin.query(`INSERT INTO network_plans (organization_id, network, posts_per_week) VALUES ($1, 'mastodon', 1)`, [org]);
    const read = async () =>
      (
        await api.ok<{ roadmap: { steps: { number: number; status: string; evidence: { key: string; score: number }[] }[] } }>(
          '{ roadmap { steps { number status evidence { key score } } } }',
          {},
          { token: owner.token, organizationId: org },
        )
      ).roadmap.steps;
    const before = await read();
    const nothingOut = { key: 'content.publishingPractice', score: 0 };
    expect(before[3]).toMatchObject({ status: 'NOT_STARTED', evidence: [{ key: 'content.calendarPlanned', score: 0 }, nothingOut] });
    expect(before[6]).toMatchObject({ status: 'NOT_STARTED', evidence: [{ key: 'content.regularity', score: 0 }, nothingOut] });
    const planned = await item(org, 'Prévu', { status: 'SCHEDULED' });
    await publication(org, planned, 'mastodon', 'SCHEDULED', day(3));
    const after = await read();
    expect(after[3].evidence[0].score).toBeCloseTo(0.5);
    expect(after[3].status).toBe('IN_PROGRESS');
  });
});
