import { createOrganization, GqlOptions, GqlResult, signUpAgency, TestApi } from '@socle/testing';
import { isolatedPrefix, leaksIn } from './e2e-support';

const CREATE_OBJECTIVE = 'mutation ($input: CreateObjectiveInput!) { createObjective(input: $input) { id deadline createdAt } }';
const UPDATE_OBJECTIVE = 'mutation ($input: UpdateObjectiveInput!) { updateObjective(input: $input) { id deadline } }';
const OBJECTIVES = '{ objectives(first: 10) { edges { node { id title deadline } } } }';
const OBJECTIVE = { kind: 'BUSINESS', title: 'Ventes', metric: 'ventes', baseline: 100, target: 200, deadline: '2031-01-15' };

interface Refusal {
  status: number;
  count: number;
  message: string;
  code: unknown;
  field: unknown;
  problems: unknown;
}

/** The one error of an answer, as an integrator reads it. */
function refusal(res: GqlResult): Refusal {
  expect(leaksIn(res.body)).toEqual([]);
  const errors = res.body.errors ?? [];
  const [first] = errors;
  return {
    status: res.status,
    count: errors.length,
    message: first?.message ?? '',
    code: first?.extensions?.code,
    field: first?.extensions?.field,
    problems: first?.extensions?.problems,
  };
}

/**
 * Days, months, times of day and instants have scalars of their own (Date, YearMonth, LocalTime, DateTime)
 * that check their form before any resolver: a bad value, in a variable or written inline, is BAD_USER_INPUT
 * naming the field and the expected form, and nothing is stored.
 */
describe('date and time scalars', () => {
  let api: TestApi;
  let org: GqlOptions;

  beforeAll(async () => {
    api = await TestApi.start({ QUEUE_PREFIX: isolatedPrefix('date-scalars') });
    const owner = await signUpAgency(api, 'Agence Calendrier');
    org = { token: owner.token, organizationId: await createOrganization(api, owner, 'Client Calendrier') };
  });
  afterAll(async () => {
    await api?.stop();
  });

  const deadlines = async () =>
    (await api.ok<{ objectives: { edges: { node: { title: string; deadline: string } }[] } }>(OBJECTIVES, {}, org)).objectives.edges.map(
      (e) => e.node.deadline,
    );

  it('refuses a day that does not exist, as a variable or written inline, naming the field and the form; stores nothing', async () => {
    const viaVariable = refusal(await api.gql(CREATE_OBJECTIVE, { input: { ...OBJECTIVE, deadline: '2031-02-30' } }, org));
    const reason = 'Expected a calendar day written YYYY-MM-DD (such as 2026-10-01), got "2031-02-30": that day does not exist.';
    expect(viaVariable).toEqual({
      status: 400,
      count: 1,
      message: `Variable "$input" got an invalid value at "input.deadline"; Expected type "Date". ${reason}`,
      code: 'BAD_USER_INPUT',
      field: 'input.deadline',
      problems: [{ field: 'input.deadline', message: reason }],
    });

    const inline = refusal(
      await api.gql(
        'mutation { createObjective(input: { kind: BUSINESS, title: "V", metric: "v", baseline: 1, target: 2, deadline: "2031-02-30" }) { id } }',
        {},
        org,
      ),
    );
    expect(inline).toEqual({
      status: 400,
      count: 1,
      message: `Expected value of type "Date!"; ${reason}`,
      code: 'BAD_USER_INPUT',
      field: 'input.deadline',
      problems: [{ field: 'input.deadline', message: reason }],
    });
    expect(await deadlines()).toEqual([]);
  });

  it('answers days as YYYY-MM-DD and instants in UTC with milliseconds, and leaves a stored day alone when a change is refused', async () => {
    const created = (
      await api.ok<{ createObjective: { id: string; deadline: string; createdAt: string } }>(CREATE_OBJECTIVE, { input: OBJECTIVE }, org)
    ).createObjective;
    expect(created.deadline).toBe('2031-01-15');
    expect(created.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    for (const deadline of ['2031-1-15', '15/01/2031', '2031-01-15T00:00:00Z', '', 20310115]) {
      const res = refusal(await api.gql(UPDATE_OBJECTIVE, { input: { id: created.id, deadline } }, org));
      expect({ deadline, code: res.code, field: res.field }).toEqual({ deadline, code: 'BAD_USER_INPUT', field: 'input.deadline' });
      expect(res.message).toContain('Expected a calendar day written YYYY-MM-DD');
    }
    const inline = refusal(
      await api.gql(`mutation { updateObjective(input: { id: "${created.id}", deadline: 20310115 }) { id } }`, {}, org),
    );
    expect(inline).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.deadline', count: 1 });
    expect(inline.message).toBe(
      'Expected value of type "Date"; Expected a calendar day written YYYY-MM-DD (such as 2026-10-01), got the number 20310115.',
    );
    expect(await deadlines()).toEqual(['2031-01-15']);
  });

  it('quotes a few characters of a long value, never the value itself', async () => {
    const huge = `2031-01-15${'9'.repeat(200_000)}`;
    const res = refusal(await api.gql(UPDATE_OBJECTIVE, { input: { id: '00000000-0000-4000-8000-000000000000', deadline: huge } }, org));
    expect(res).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', field: 'input.deadline' });
    expect(res.message).toContain('got "2031-01-15999999999999999999999999999999…" (200010 characters).');
    expect(res.message.length).toBeLessThan(300);
    const nul = refusal(
      await api.gql(UPDATE_OBJECTIVE, { input: { id: '00000000-0000-4000-8000-000000000000', deadline: '2031-01-15\u0000' } }, org),
    );
    expect(nul).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.deadline' });
    expect(nul.message).toContain('got "2031-01-15\\u0000".');
  });

  it('refuses a date-time without its offset or that does not exist, in arguments as in input fields', async () => {
    const noOffset = refusal(await api.gql('{ mentions(first: 5, from: "2026-10-01T08:00:00") { edges { cursor } } }', {}, org));
    expect(noOffset).toMatchObject({ status: 400, count: 1, code: 'BAD_USER_INPUT', field: 'from' });
    expect(noOffset.message).toMatch(/got "2026-10-01T08:00:00": it has no time zone offset \(Z for UTC, or such as \+02:00\)\.$/);

    const item = refusal(
      await api.gql(
        'mutation ($input: CreateContentItemInput!) { createContentItem(input: $input) { id } }',
        { input: { title: 'Annonce', plannedFor: '2026-02-30T08:00:00+01:00' } },
        org,
      ),
    );
    expect(item).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', field: 'input.plannedFor' });
    expect(item.message).toMatch(/got "2026-02-30T08:00:00\+01:00": that date or time does not exist\.$/);
    const items = await api.ok<{ contentItems: { edges: unknown[] } }>('{ contentItems(first: 5) { edges { cursor } } }', {}, org);
    expect(items.contentItems.edges).toEqual([]);

    // The offset is kept: the same instant, answered in UTC.
    const planned = await api.ok<{ createContentItem: { plannedFor: string } }>(
      'mutation { createContentItem(input: { title: "Annonce", plannedFor: "2026-10-01T10:00:00+02:00" }) { plannedFor } }',
      {},
      org,
    );
    expect(planned.createContentItem.plannedFor).toBe('2026-10-01T08:00:00.000Z');
  });

  it('refuses a month 13 and a time of day 24:00', async () => {
    const month = refusal(await api.gql('{ advocacyDigest(month: "2026-13") { subject } }', {}, org));
    expect(month).toMatchObject({ status: 400, count: 1, code: 'BAD_USER_INPUT', field: 'month' });
    expect(month.message).toBe(
      'Expected value of type "YearMonth!"; Expected a month written YYYY-MM (such as 2026-10), got "2026-13": months run from 01 to 12.',
    );

    const time = refusal(
      await api.gql(
        'mutation ($input: CreateRitualInput!) { createRitual(input: $input) { id } }',
        { input: { kind: 'WEEKLY_MEETING', weekday: 2, time: '24:00' } },
        org,
      ),
    );
    expect(time).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', field: 'input.time' });
    expect(time.message).toMatch(/Expected a time of day written HH:MM, from 00:00 to 23:59 \(such as 09:30\), got "24:00"/);
    const rituals = await api.ok<{ rituals: { edges: unknown[] } }>('{ rituals(first: 5) { edges { cursor } } }', {}, org);
    expect(rituals.rituals.edges).toEqual([]);

    const ritual = await api.ok<{ createRitual: { time: string } }>(
      'mutation { createRitual(input: { kind: WEEKLY_MEETING, weekday: 2, time: "09:30" }) { time } }',
      {},
      org,
    );
    expect(ritual.createRitual.time).toBe('09:30');
  });
});
