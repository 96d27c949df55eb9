import type { Client } from 'pg';
import { addOrganizationMember, AgencySession, createOrganization, GqlResult, signUpAgency, TestApi } from '@socle/testing';
import { adminDatabase } from './e2e-support';

/**
 * The governance, crisis-cell, calendar, KPI-value, link-tracking and policy-review mutations raced against
 * themselves, six at once, as a careless integrator or a double-clicking person would: never a 5xx or INTERNAL,
 * and the invariants the database holds still hold (one draft strategy version at a time, one cell, one calendar, one
 * setting row).
 */
describe('practice mutations raced against themselves', () => {
  let api: TestApi;
  let admin: Client;
  let owner: AgencySession;
  let org: string;
  let lead: { token: string; userId: string };

  const race = async (query: string, variables: () => Record<string, unknown>, who: { token: string } = lead): Promise<GqlResult[]> => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => api.gql(query, variables(), { token: who.token, organizationId: org })),
    );
    for (const res of answers) {
      expect(res.status).toBeLessThan(500);
      expect((res.body.errors ?? []).map((e) => e.extensions?.code)).not.toContain('INTERNAL');
    }
    return answers;
  };
  const rows = async (sql: string) => (await admin.query(sql, [org])).rows;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Courses');
    org = await createOrganization(api, owner, 'Client Courses');
    lead = await addOrganizationMember(api, owner, org, ['STRATEGY_LEAD', 'COMMUNITY_MANAGER', 'CONTENT_LEAD']);
  });
  afterAll(async () => {
    await admin?.end();
    await api?.stop();
  });

  it('creates one draft of the written strategy at a time, numbered without gaps or twins', async () => {
    const answers = await race('mutation { createStrategyDocumentVersion(input: { note: "v" }) { id number status } }', () => ({}));
    expect(answers.filter((r) => !r.body.errors)).toHaveLength(1);
    const versions = await rows("SELECT number, status FROM strategy_document_versions WHERE organization_id = $1 AND status = 'DRAFT'");
    expect(versions).toEqual([{ number: 1, status: 'DRAFT' }]);
  });

  it('keeps one crisis cell and one business calendar, the last write whole', async () => {
    const cell = (name: string) => ({
      input: {
        members: [{ name, cellRole: 'LEAD', email: `${name.toLowerCase()}@example.test` }],
        escalation: [{ delayMinutes: 0, memberIndexes: [0] }],
        playbook: [{ title: 'Écouter', text: 'Lire.' }],
        holdingStatement: 'Nous regardons.',
      },
    });
    let n = 0;
    await race('mutation ($input: SetCrisisCellInput!) { setCrisisCell(input: $input) { members { name } } }', () =>
      cell(`Membre${(n += 1)}`),
    );
    const cells = await rows('SELECT jsonb_array_length(members) AS members FROM crisis_cells WHERE organization_id = $1');
    expect(cells).toEqual([{ members: 1 }]);

    await race('mutation ($input: SetBusinessCalendarInput!) { setBusinessCalendar(input: $input) { timeZone } }', () => ({
      input: {
        timeZone: 'Europe/Paris',
        holidayCountry: 'FR',
        days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, periods: [{ start: '09:00', end: '17:00' }] })),
        closedDays: [],
      },
    }));
    expect(await rows('SELECT 1 FROM business_calendars WHERE organization_id = $1')).toHaveLength(1);
  });

  it('records every racing KPI value, keeps one link-tracking setting and one review setting', async () => {
    const objective = await api.ok<{ createObjective: { id: string } }>(
      'mutation ($input: CreateObjectiveInput!) { createObjective(input: $input) { id } }',
      {
        input: {
          kind: 'BRAND',
          title: 'Notoriété',
          metric: 'abonnés',
          baseline: 100,
          target: 200,
          deadline: new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10),
        },
      },
      { token: lead.token, organizationId: org },
    );
    const kpi = await api.ok<{ createKpi: { id: string } }>(
      'mutation ($input: CreateKpiInput!) { createKpi(input: $input) { id } }',
      {
        input: {
          objectiveId: objective.createObjective.id,
          name: 'Abonnés',
          metric: 'followers',
          unit: 'personnes',
          target: 200,
          frequency: 'MONTHLY',
        },
      },
      { token: lead.token, organizationId: org },
    );
    const answers = await race('mutation ($input: RecordKpiValueInput!) { recordKpiValue(input: $input) { id current } }', () => ({
      input: { kpiId: kpi.createKpi.id, date: '2026-11-01', value: '150' },
    }));
    expect(answers.filter((r) => !r.body.errors)).toHaveLength(6);
    expect(await rows('SELECT 1 FROM kpi_values WHERE organization_id = $1')).toHaveLength(6);

    let flip = false;
    await race('mutation ($input: SetLinkTrackingInput!) { setLinkTracking(input: $input) { utmEnabled } }', () => ({
      input: { utmEnabled: (flip = !flip) },
    }));
    expect(await rows('SELECT 1 FROM link_tracking_settings WHERE organization_id = $1')).toHaveLength(1);

    await race('mutation ($input: SetPolicyReviewInput!) { setPolicyReview(input: $input) { mode } }', () => ({
      input: { mode: 'LEGAL', reviewerIds: [lead.userId] },
    }));
    const review = await api.ok<{ policyReviewSettings: { mode: string } }>(
      '{ policyReviewSettings { mode } }',
      {},
      { token: lead.token, organizationId: org },
    );
    expect(review.policyReviewSettings.mode).toBe('LEGAL');
  });
});
