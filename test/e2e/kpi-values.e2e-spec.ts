import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource, releaseParkedConnections, UnitOfWorkFactory } from '@socle/platform-database';
import { addOrganizationMember, AgencySession, createOrganization, GqlResult, signUpAgency, TestApi } from '@socle/testing';

const RECORD =
  'mutation ($input: RecordKpiValueInput!) { recordKpiValue(input: $input) { id kpiId date value source note enteredBy current } }';
const IMPORT =
  'mutation ($input: ImportKpiValuesInput!) { importKpiValues(input: $input) { importId imported values { kpiId date value source note importId } } }';
const VALUES = `query ($kpiId: ID!, $from: Date, $to: Date, $first: Int, $after: String) {
  kpiValues(kpiId: $kpiId, from: $from, to: $to, first: $first, after: $after) {
    edges { cursor node { id date value source note current } } pageInfo { hasNextPage endCursor } } }`;
const COUNTED = `query ($kpiId: ID!, $from: Date, $to: Date, $first: Int, $after: String) {
  kpiValues(kpiId: $kpiId, from: $from, to: $to, first: $first, after: $after) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }`;
const PROGRESS = `query ($kpiId: ID!, $from: DateTime!, $to: DateTime!) {
  kpiProgress(kpiId: $kpiId, from: $from, to: $to) { status reason periods { start value origin progress onTrack } } }`;

interface ValueNode {
  id: string;
  date: string;
  value: number;
  source: string;
  note: string | null;
  current: boolean;
}

const firstError = (res: GqlResult) => {
  const error = res.body.errors?.[0];
  if (!error) throw new Error(`expected an error, got ${JSON.stringify(res.body)}`);
  return { message: error.message, extensions: error.extensions ?? {} };
};

/**
 * KPI values through the API on the real PostgreSQL: entry, corrections kept as
 * history, CSV import all or nothing, keyset pages, progress reading them, who
 * may write, and another tenant that neither reads, writes nor imports against
 * them (in the application, and in the database's row-level security).
 */
describe('KPI values', () => {
  let api: TestApi;
  let admin: Client;
  let owner: AgencySession;
  let intruder: AgencySession;
  let org: string;
  let otherOrg: string;
  let kpi: string;
  let measuredKpi: string;

  const ok = <T>(query: string, variables: Record<string, unknown> = {}, organizationId = org, token = owner.token) =>
    api.ok<T>(query, variables, { token, organizationId });
  const gql = (query: string, variables: Record<string, unknown> = {}, organizationId = org, token = owner.token) =>
    api.gql(query, variables, { token, organizationId });
  const stored = async (organizationId = org) =>
    (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM kpi_values WHERE organization_id = $1', [organizationId])).rows[0].n;
  const newKpi = async (organizationId: string, measure: string | null, frequency = 'MONTHLY') => {
    const [objective] = (
      await admin.query<{ id: string }>(
        `INSERT INTO objectives (organization_id, kind, title, metric, baseline, target, deadline)
         VALUES ($1, 'BRAND', 'Notoriété', 'visites', 100, 300, '2027-12-31') RETURNING id`,
        [organizationId],
      )
    ).rows;
    return (
      await admin.query<{ id: string }>(
        `INSERT INTO kpis (organization_id, objective_id, name, metric, target, frequency, measure)
         VALUES ($1, $2, 'Visites du site', 'visites depuis les réseaux', 300, $3, $4) RETURNING id`,
        [organizationId, objective.id, frequency, measure],
      )
    ).rows[0].id;
  };

  beforeAll(async () => {
    api = await TestApi.start();
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    owner = await signUpAgency(api, 'Agence KPI');
    intruder = await signUpAgency(api, 'Agence intruse');
    org = await createOrganization(api, owner, 'Boulangerie KPI');
    otherOrg = await createOrganization(api, intruder, 'Client intrus');
    kpi = await newKpi(org, null);
    measuredKpi = await newKpi(org, 'FOLLOWERS');
  }, 60_000);
  afterAll(async () => {
    await api?.stop();
    await admin?.end();
  });

  it('records a value, and a correction as a newer value that becomes current while the older stays as history', async () => {
    const first = (
      await ok<{ recordKpiValue: ValueNode }>(RECORD, { input: { kpiId: kpi, date: '2026-01-15', value: '120', note: 'GA4' } })
    ).recordKpiValue;
    expect(first).toMatchObject({ kpiId: kpi, date: '2026-01-15', value: 120, source: 'MANUAL', note: 'GA4', enteredBy: owner.userId });
    await ok(RECORD, { input: { kpiId: kpi, date: '2026-01-15', value: '125.5', note: ' corrigé ' } });
    const { kpiValues } = await ok<{ kpiValues: { edges: { node: ValueNode }[] } }>(VALUES, { kpiId: kpi });
    expect(kpiValues.edges.map((e) => [e.node.value, e.node.note, e.node.current])).toEqual([
      [125.5, 'corrigé', true],
      [120, 'GA4', false],
    ]);
    const [audit] = (
      await admin.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_events WHERE organization_id = $1 AND action = 'kpi.value_recorded'",
        [org],
      )
    ).rows;
    expect(audit.n).toBe(2);
  });

  it('refuses bad input with the field path and stores nothing', async () => {
    const before = await stored();
    const cases: [Record<string, unknown>, string][] = [
      [{ kpiId: kpi, date: '2026-02-30', value: '1' }, 'input.date'],
      [{ kpiId: kpi, date: '2026-02-01', value: '1e9' }, 'input.value'],
      [{ kpiId: kpi, date: '2026-02-01', value: 'NaN' }, 'input.value'],
      [{ kpiId: kpi, date: '2026-02-01', value: '1', note: 'a\u0000b' }, 'input.note'],
      [{ kpiId: kpi, date: '2026-02-01', value: '1', note: 'x\uD800' }, 'input.note'],
      [{ kpiId: 'pas-un-id', date: '2026-02-01', value: '1' }, 'input.kpiId'],
    ];
    for (const [input, field] of cases) {
      const error = firstError(await gql(RECORD, { input }));
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(error.extensions)).toContain(field);
    }
    expect(await stored()).toBe(before);
  });

  it('imports a CSV file whole, or nothing with every bad line named', async () => {
    const before = await stored();
    const bad = firstError(
      await gql(IMPORT, {
        input: { csv: `kpi,date,value,note\n${kpi},2026-02-01,130,\n${kpi},2026-13-01,1,\n${measuredKpi},2026-02-01,abc,\n` },
      }),
    );
    expect(bad.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'CSV_INVALID',
      field: 'input.csv',
      lines: [
        { line: 3, column: 'date', message: 'is not a day of the calendar' },
        { line: 4, column: 'value', message: expect.stringContaining('decimal') },
      ],
    });
    expect(await stored()).toBe(before);

    const { importKpiValues } = await ok<{
      importKpiValues: { importId: string; imported: number; values: { kpiId: string; date: string; value: number; source: string }[] };
    }>(IMPORT, { input: { kpiId: kpi, csv: 'date;value;note\n2026-02-01;130,5;"février"\n2026-03-01;150;\n2026-04-10;170;\n' } });
    expect(importKpiValues.imported).toBe(3);
    expect(importKpiValues.values.map((v) => [v.date, v.value, v.source])).toEqual([
      ['2026-02-01', 130.5, 'CSV_IMPORT'],
      ['2026-03-01', 150, 'CSV_IMPORT'],
      ['2026-04-10', 170, 'CSV_IMPORT'],
    ]);
    expect(await stored()).toBe(before + 3);
  });

  it('pages the history newest first with keyset cursors, within a date range', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const { kpiValues } = await ok<{
        kpiValues: { edges: { cursor: string; node: ValueNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      }>(VALUES, { kpiId: kpi, first: 2, after, from: '2026-01-01', to: '2026-03-31' });
      seen.push(...kpiValues.edges.map((e) => `${e.node.date}:${e.node.value}`));
      if (!kpiValues.pageInfo.hasNextPage) break;
      after = kpiValues.pageInfo.endCursor;
    }
    expect(seen).toEqual(['2026-03-01:150', '2026-02-01:130.5', '2026-01-15:125.5', '2026-01-15:120']);
    expect(firstError(await gql(VALUES, { kpiId: kpi, after: 'bm9wZQ' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    expect(firstError(await gql(VALUES, { kpiId: kpi, from: '2026-05-01', to: '2026-01-01' })).extensions).toMatchObject({ field: 'to' });
  });

  it('counts the history over all pages, corrections included, within the date range, and only this KPI of this organisation', async () => {
    // Organisations of their own, so that the other tests' values stay as they expect them.
    const mine = await createOrganization(api, owner, 'Boulangerie Comptée');
    const theirs = await createOrganization(api, intruder, 'Client intrus compté');
    const counted = await newKpi(mine, null);
    for (const [date, value] of [
      ['2026-01-10', '1'],
      ['2026-01-10', '2'],
      ['2026-02-10', '3'],
      ['2026-03-10', '4'],
      ['2026-04-10', '5'],
    ]) {
      await ok(RECORD, { input: { kpiId: counted, date, value } }, mine);
    }
    // Every page of the history, two at a time: the totalCount each page answered and the values of all pages.
    const pages = async (range: { from?: string; to?: string }, kpiId = counted, organizationId = mine, token = owner.token) => {
      const counts: number[] = [];
      let values = 0;
      let after: string | undefined;
      do {
        const { kpiValues } = await ok<{
          kpiValues: { totalCount: number; edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
        }>(COUNTED, { kpiId, first: 2, after, ...range }, organizationId, token);
        counts.push(kpiValues.totalCount);
        values += kpiValues.edges.length;
        after = kpiValues.pageInfo.hasNextPage ? kpiValues.pageInfo.endCursor : undefined;
      } while (after);
      return { counts, values };
    };
    expect(await pages({})).toEqual({ counts: [5, 5, 5], values: 5 });
    expect(await pages({ from: '2026-01-10', to: '2026-02-28' })).toEqual({ counts: [3, 3], values: 3 });
    expect(await pages({ from: '2026-03-01' })).toEqual({ counts: [2], values: 2 });
    expect(await pages({ to: '2025-12-31' })).toEqual({ counts: [0], values: 0 });

    // Values of another KPI of the organisation, and of another organisation's KPI on the same dates, count there only.
    await ok(RECORD, { input: { kpiId: await newKpi(mine, null), date: '2026-01-10', value: '7' } }, mine);
    const foreign = await newKpi(theirs, null);
    for (const date of ['2026-01-10', '2026-02-10']) {
      await ok(RECORD, { input: { kpiId: foreign, date, value: '9' } }, theirs, intruder.token);
    }
    expect(await pages({}, foreign, theirs, intruder.token)).toEqual({ counts: [2], values: 2 });
    expect(await pages({})).toEqual({ counts: [5, 5, 5], values: 5 });
  });

  it('feeds KPI progress: per month the current value of the latest date, against the target', async () => {
    const { kpiProgress } = await ok<{
      kpiProgress: { status: string; periods: { value: number | null; origin: string | null; progress: number | null }[] };
    }>(PROGRESS, { kpiId: kpi, from: '2026-01-01T00:00:00Z', to: '2026-06-01T00:00:00Z' });
    expect(kpiProgress.status).toBe('MEASURED');
    expect(kpiProgress.periods.map((p) => [p.value, p.origin, p.progress])).toEqual([
      [125.5, 'RECORDED', 0.1275],
      [130.5, 'RECORDED', 0.1525],
      [150, 'RECORDED', 0.25],
      [170, 'RECORDED', 0.35],
      [null, null, null],
    ]);

    // A KPI the platform measures (followers, no account connected): recorded values fill the periods it cannot measure.
    await ok(RECORD, { input: { kpiId: measuredKpi, date: '2026-02-10', value: '180' } });
    const measured = (
      await ok<{ kpiProgress: { status: string; periods: { value: number | null; origin: string | null }[] } }>(PROGRESS, {
        kpiId: measuredKpi,
        from: '2026-01-01T00:00:00Z',
        to: '2026-03-01T00:00:00Z',
      })
    ).kpiProgress;
    expect(measured.periods.map((p) => [p.value, p.origin])).toEqual([
      [null, null],
      [180, 'RECORDED'],
    ]);
  });

  it('lets the strategy lead and the analyst write, and others only read', async () => {
    const analyst = await addOrganizationMember(api, owner, org, ['ANALYST']);
    const viewer = await addOrganizationMember(api, owner, org, ['VIEWER']);
    await ok(RECORD, { input: { kpiId: kpi, date: '2026-05-01', value: '10' } }, org, analyst.token);
    expect(
      firstError(await gql(RECORD, { input: { kpiId: kpi, date: '2026-05-02', value: '10' } }, org, viewer.token)).extensions.code,
    ).toBe('FORBIDDEN');
    expect(
      firstError(await gql(IMPORT, { input: { kpiId: kpi, csv: 'date,value\n2026-05-03,1\n' } }, org, viewer.token)).extensions.code,
    ).toBe('FORBIDDEN');
    const { kpiValues } = await ok<{ kpiValues: { edges: unknown[] } }>(VALUES, { kpiId: kpi, first: 1 }, org, viewer.token);
    expect(kpiValues.edges).toHaveLength(1);
  });

  it('another tenant neither reads, records, nor imports against the KPI, and finds it unknown', async () => {
    const before = await stored();
    const asIntruder = (query: string, variables: Record<string, unknown>) => gql(query, variables, otherOrg, intruder.token);
    expect(firstError(await asIntruder(VALUES, { kpiId: kpi })).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'kpiId' });
    expect(
      firstError(await asIntruder(PROGRESS, { kpiId: kpi, from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' })).extensions.code,
    ).toBe('NOT_FOUND');
    expect(firstError(await asIntruder(RECORD, { input: { kpiId: kpi, date: '2026-06-01', value: '1' } })).extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.kpiId',
    });
    expect(firstError(await asIntruder(IMPORT, { input: { kpiId: kpi, csv: 'date,value\n2026-06-01,1\n' } })).extensions.code).toBe(
      'NOT_FOUND',
    );
    // A file naming the victim's KPI among the intruder's own: refused whole, on the line that names it.
    const own = await newKpi(otherOrg, null);
    const mixed = firstError(await asIntruder(IMPORT, { input: { csv: `kpi,date,value\n${own},2026-06-01,1\n${kpi},2026-06-01,1\n` } }));
    expect(mixed.extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'CSV_UNKNOWN_KPI',
      lines: [{ line: 3, column: 'kpi', message: expect.stringContaining('no KPI') }],
    });
    // The intruder cannot act in the victim's organisation at all (it is not told the organisation exists).
    expect(firstError(await gql(VALUES, { kpiId: kpi }, org, intruder.token)).extensions.code).toBe('NOT_FOUND');
    expect(
      firstError(await gql(RECORD, { input: { kpiId: kpi, date: '2026-06-01', value: '1' } }, org, intruder.token)).extensions.code,
    ).toBe('NOT_FOUND');
    expect(await stored()).toBe(before);
    expect(await stored(otherOrg)).toBe(0);
  });

  it('is held by row-level security too: in another tenant the rows are invisible and cannot be written', async () => {
    const dataSource: DataSource = createDataSource({
      url: process.env.DATABASE_URL as string,
      entities: [],
      poolSize: 1,
      applicationName: 'kpi-values-spec',
    });
    await dataSource.initialize();
    try {
      const units = new UnitOfWorkFactory(dataSource);
      await units.runInOrganization(otherOrg, async (uow) => {
        expect(await uow.query('SELECT id FROM kpi_values WHERE organization_id = $1', [org])).toEqual([]);
        await expect(
          uow.query(
            "INSERT INTO kpi_values (organization_id, kpi_id, measured_at, value, source) VALUES ($1, $2, '2026-07-01', 1, 'MANUAL')",
            [org, kpi],
          ),
        ).rejects.toThrow(/row-level security|foreign key/);
      });
      // Updates are not granted: a correction is a newer row. Deletion is (the organisation's purge removes its rows), and
      // from another tenant it reaches nothing.
      await expect(
        units.runInOrganization(org, (uow) => uow.query('UPDATE kpi_values SET value = 0 WHERE organization_id = $1', [org])),
      ).rejects.toThrow(/permission denied/);
      const before = await units.runInOrganization(org, (uow) => uow.query('SELECT id FROM kpi_values WHERE organization_id = $1', [org]));
      expect(before.length).toBeGreaterThan(0);
      await units.runInOrganization(otherOrg, (uow) => uow.query('DELETE FROM kpi_values WHERE organization_id = $1', [org]));
      expect(
        await units.runInOrganization(org, (uow) => uow.query('SELECT id FROM kpi_values WHERE organization_id = $1', [org])),
      ).toHaveLength(before.length);
    } finally {
      await releaseParkedConnections(dataSource);
      await dataSource.destroy();
    }
  });
});
