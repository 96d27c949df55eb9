import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import type { Client } from 'pg';
import { TestApi } from '@socle/testing';
import { adminDatabase, isolatedPrefix } from './e2e-support';

const run = promisify(execFile);
const PASSWORD = 'Socle-Demo-2026!';

/** Counts of everything a demo run writes, per organisation: a second run must leave them as they were. */
const COUNTED = [
  'organization_memberships',
  'task_force_members',
  'governance_members',
  'governance_meetings',
  'governance_decisions',
  'strategy_document_versions',
  'policy_versions',
  'policy_staff',
  'policy_acknowledgement_links',
  'kpi_values',
  'maturity_assessments',
  'rituals',
  'objectives',
];

/**
 * The demo loader itself (`apps/api/src/cli/seed-demo.ts`, as `npm start` runs it) against a real API on a throw-away
 * database, twice: the three clients read as three different small businesses, and the second run changes nothing.
 */
describe('demo stories', () => {
  let api: TestApi;
  let admin: Client;
  let url: string;
  let owner: string;
  const orgs: Record<string, string> = {};

  const seed = () =>
    run(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/cli/seed-demo.ts'], {
      cwd: `${__dirname}/../..`,
      // No demo network answers on port 9: the loader leaves the network part out, as it says.
      env: { ...process.env, SOCLE_API_URL: url, DEMO_NETWORK_URL: 'http://127.0.0.1:9' },
      timeout: 170_000,
    });
  const as = <T>(slug: string, query: string, variables: Record<string, unknown> = {}) =>
    api.ok<T>(query, variables, { token: owner, organizationId: orgs[slug] });

  async function counts(): Promise<Record<string, Record<string, number>>> {
    const out: Record<string, Record<string, number>> = {};
    for (const [slug, id] of Object.entries(orgs)) {
      out[slug] = {};
      for (const table of COUNTED) {
        const { rows } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE organization_id = $1`, [id]);
        out[slug][table] = rows[0].n;
      }
    }
    return out;
  }

  beforeAll(async () => {
    api = await TestApi.start({ QUEUE_PREFIX: isolatedPrefix('demo-stories') });
    await api.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}/graphql`;
    admin = await adminDatabase();
  }, 60_000);
  afterAll(async () => {
    await admin?.end();
    await api?.stop();
  });

  it('loads three clients with their people, policies, governance and history; a second run changes nothing', async () => {
    await seed();
    owner = (
      await api.ok<{ logIn: { accessToken: string } }>('mutation ($input: LogInInput!) { logIn(input: $input) { accessToken } }', {
        input: { email: 'owner@horizon.demo', password: PASSWORD },
      })
    ).logIn.accessToken;
    const list = await api.ok<{ organizations: { edges: { node: { id: string; name: string; timezone: string; size: string } }[] } }>(
      '{ organizations(first: 100) { edges { node { id name timezone size } } } }',
      {},
      { token: owner },
    );
    const byName = new Map(list.organizations.edges.map((e) => [e.node.name, e.node]));
    expect([...byName.keys()].sort()).toEqual(['Boulangerie Dupont', 'Cycles Léman SA', 'Mutuelle des Alpes']);
    orgs.boulangerie = byName.get('Boulangerie Dupont')?.id ?? '';
    orgs.mutuelle = byName.get('Mutuelle des Alpes')?.id ?? '';
    orgs.velo = byName.get('Cycles Léman SA')?.id ?? '';
    expect(byName.get('Boulangerie Dupont')).toMatchObject({ timezone: 'Europe/Paris', size: 'MICRO' });
    expect(byName.get('Mutuelle des Alpes')).toMatchObject({ timezone: 'Europe/Paris' });
    expect(byName.get('Cycles Léman SA')).toMatchObject({ timezone: 'Europe/Zurich' });
    const first = await counts();

    // People with names; the bakery is a couple (and their apprentice), the task force two people holding several functions.
    for (const slug of Object.keys(orgs)) {
      const members = await as<{ members: { edges: { node: { roles: string[]; user: { displayName: string } } }[] } }>(
        slug,
        '{ members(first: 100) { edges { node { roles user { displayName } } } } }',
      );
      for (const e of members.members.edges) expect(e.node.user.displayName).toMatch(/^\p{Lu}[\p{L}-]+ \p{Lu}[\p{L}’-]+$/u);
    }
    const bakers = await as<{ members: { edges: { node: { roles: string[]; user: { displayName: string } } }[] } }>(
      'boulangerie',
      '{ members(first: 100) { edges { node { roles user { displayName } } } } }',
    );
    expect(bakers.members.edges.map((e) => e.node.user.displayName).sort()).toEqual(['Julien Petit', 'Sophie Dupont', 'Thomas Dupont']);
    expect(bakers.members.edges.find((e) => e.node.user.displayName === 'Sophie Dupont')?.node.roles).toEqual(
      expect.arrayContaining(['STRATEGY_LEAD', 'EXECUTIVE_APPROVER', 'CONTENT_LEAD']),
    );
    const taskForce = await as<{ taskForceMembers: { edges: { node: { name: string; role: string } }[] } }>(
      'boulangerie',
      '{ taskForceMembers(first: 100) { edges { node { name role } } } }',
    );
    const bakeryPeople = new Set(taskForce.taskForceMembers.edges.map((e) => e.node.name));
    expect(bakeryPeople).toEqual(new Set(['Sophie Dupont', 'Thomas Dupont']));
    expect(taskForce.taskForceMembers.edges.length).toBeGreaterThanOrEqual(5);
    const mutualTaskForce = await as<{ taskForceMembers: { edges: { node: { name: string; department: string | null } }[] } }>(
      'mutuelle',
      '{ taskForceMembers(first: 100) { edges { node { name department } } } }',
    );
    expect(new Set(mutualTaskForce.taskForceMembers.edges.map((e) => e.node.department)).size).toBeGreaterThanOrEqual(4);

    // Policies published in the client's words, not the template's.
    for (const slug of Object.keys(orgs)) {
      const policies = await as<{
        policies: {
          edges: { node: { kind: string; language: string; publishedVersion: { sections: { key: string; body: string }[] } | null } }[];
        };
      }>(slug, '{ policies(first: 20) { edges { node { kind language publishedVersion { sections { key body } } } } } }');
      const published = policies.policies.edges.filter((e) => e.node.publishedVersion);
      expect(published.length).toBeGreaterThanOrEqual(1);
      for (const { node } of published) {
        const [template] = (
          await as<{ policyTemplates: { sections: { key: string; body: string }[] }[] }>(
            slug,
            'query ($kind: PolicyKind, $language: Locale) { policyTemplates(kind: $kind, language: $language) { sections { key body } } }',
            { kind: node.kind, language: node.language },
          )
        ).policyTemplates;
        const same =
          node.publishedVersion?.sections.filter((s) => template.sections.some((t) => t.key === s.key && t.body === s.body)) ?? [];
        expect(same).toEqual([]);
      }
    }
    // The mutual's policies passed the legal review.
    const review = await as<{ policyReviewSettings: { mode: string; reviewerIds: string[] } }>(
      'mutuelle',
      '{ policyReviewSettings { mode reviewerIds } }',
    );
    expect(review.policyReviewSettings).toMatchObject({ mode: 'LEGAL', reviewerIds: [expect.any(String)] });

    // Rules, rituals and calendars differ.
    const setup = async (slug: string) =>
      as<{
        rituals: { edges: { node: { kind: string; title: string } }[] };
        businessCalendar: { timeZone: string; holidayCountry: string | null };
        commentHandlingRules: { rules: { severity: string; responseMinutes: number; businessHours: boolean }[] };
        contentRules: { rules: { kind: string }[] };
      }>(
        slug,
        `{ rituals(first: 100) { edges { node { kind title } } } businessCalendar { timeZone holidayCountry }
           commentHandlingRules { rules { severity responseMinutes businessHours } } contentRules { rules } }`,
      );
    const bakery = await setup('boulangerie');
    const mutual = await setup('mutuelle');
    const bikes = await setup('velo');
    expect(bakery.businessCalendar).toEqual({ timeZone: 'Europe/Paris', holidayCountry: 'FR' });
    expect(mutual.businessCalendar).toEqual({ timeZone: 'Europe/Paris', holidayCountry: 'FR' });
    expect(bikes.businessCalendar).toEqual({ timeZone: 'Europe/Zurich', holidayCountry: 'CH' });
    const ritualsOf = (s: typeof bakery) => s.rituals.edges.map((e) => `${e.node.kind}:${e.node.title}`).sort();
    expect(new Set([ritualsOf(bakery), ritualsOf(mutual), ritualsOf(bikes)].map((r) => r.join())).size).toBe(3);
    expect(bakery.commentHandlingRules.rules.some((r) => r.businessHours)).toBe(true);
    const rulesOf = (s: typeof bakery) => JSON.stringify(s.contentRules.rules);
    expect(new Set([rulesOf(bakery), rulesOf(mutual), rulesOf(bikes)]).size).toBe(3);
    expect(rulesOf(mutual)).toContain('AVOID_WORDS');

    // Governance: a committee with top management, meetings over the past weeks, an approved strategy, the mutual's crisis cell.
    for (const slug of ['mutuelle', 'velo']) {
      const g = await as<{
        governanceCommittee: { status: string; topManagementCount: number };
        governanceMeetings: { edges: { node: { heldAt: string } }[] };
        strategyDocumentVersions: { edges: { node: { status: string; approverName: string | null } }[] };
      }>(
        slug,
        `{ governanceCommittee { status topManagementCount } governanceMeetings(first: 20) { edges { node { heldAt } } }
           strategyDocumentVersions(first: 20) { edges { node { status approverName } } } }`,
      );
      expect(g.governanceCommittee).toMatchObject({ status: 'COMPLETE', topManagementCount: 1 });
      const ages = g.governanceMeetings.edges.map((e) => (Date.now() - Date.parse(e.node.heldAt)) / 86_400_000);
      expect(ages.length).toBeGreaterThanOrEqual(2);
      expect(Math.min(...ages)).toBeGreaterThan(0);
      expect(Math.max(...ages)).toBeGreaterThan(20);
      expect(g.strategyDocumentVersions.edges.map((e) => e.node)).toContainEqual({
        status: 'APPROVED',
        approverName: slug === 'mutuelle' ? 'Philippe Morel' : 'Marc-Antoine Jaquet',
      });
    }
    const cell = await as<{ crisisCell: { members: { name: string; cellRole: string }[]; playbook: unknown[] } | null }>(
      'mutuelle',
      '{ crisisCell { members { name cellRole } playbook { title } } }',
    );
    expect(cell.crisisCell?.members).toContainEqual({ name: 'Sandrine Perrin', cellRole: 'LEGAL' });
    expect(first.mutuelle.policy_staff).toBe(10);
    // The mutual's staff were sent their links for the personal-use policy (the mails wait in the outbox without SMTP).
    const personalUse = (
      await as<{ policies: { edges: { node: { id: string; kind: string } }[] } }>(
        'mutuelle',
        '{ policies(first: 20) { edges { node { id kind } } } }',
      )
    ).policies.edges.find((e) => e.node.kind === 'PERSONAL_USE')?.node.id;
    const staffAck = await as<{ policyAcknowledgements: { staff: { staffCount: number; linkedCount: number } } }>(
      'mutuelle',
      'query ($id: ID!) { policyAcknowledgements(policyId: $id) { staff { staffCount linkedCount } } }',
      { id: personalUse },
    );
    expect(staffAck.policyAcknowledgements.staff).toEqual({ staffCount: 10, linkedCount: 10 });

    // KPI values over past periods.
    const objectives = await as<{ objectives: { edges: { node: { kpis: { id: string; name: string }[] } }[] } }>(
      'boulangerie',
      '{ objectives(first: 20) { edges { node { kpis { id name } } } } }',
    );
    const traffic = objectives.objectives.edges.flatMap((e) => e.node.kpis).find((k) => k.name === 'Trafic depuis les réseaux');
    const values = await as<{ kpiValues: { edges: { node: { date: string; value: string } }[] } }>(
      'boulangerie',
      'query ($kpiId: ID!) { kpiValues(kpiId: $kpiId, first: 100) { edges { node { date value } } } }',
      { kpiId: traffic?.id },
    );
    expect(values.kpiValues.edges).toHaveLength(6);
    expect(values.kpiValues.edges.every((e) => e.node.date < new Date().toISOString().slice(0, 10))).toBe(true);

    // The portfolio: three stories (the bakery climbing, the mutual falling back, the bicycle maker ahead).
    const portfolio = await api.ok<{
      portfolio: { edges: { node: { name: string; trend: number | null; lastAssessment: { score: number } } }[] };
    }>('{ portfolio(first: 20) { edges { node { name trend lastAssessment { score } } } } }', {}, { token: owner });
    const entry = (name: string) => portfolio.portfolio.edges.find((e) => e.node.name === name)?.node;
    expect(entry('Boulangerie Dupont')?.trend).toBeGreaterThan(0);
    expect(entry('Mutuelle des Alpes')?.trend).toBeLessThan(0);
    expect(entry('Cycles Léman SA')?.lastAssessment.score).toBeGreaterThan(entry('Mutuelle des Alpes')?.lastAssessment.score ?? 100);
    expect(entry('Mutuelle des Alpes')?.lastAssessment.score).toBeGreaterThan(entry('Boulangerie Dupont')?.lastAssessment.score ?? 100);

    // Assessments made over past quarters (recorded at the load, dated when they were made): the trend spans months, not minutes.
    const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
    const assessedDays: Record<string, string[]> = {};
    for (const slug of Object.keys(orgs)) {
      const history = await as<{ assessments: { edges: { node: { status: string; assessedOn: string | null; finalizedAt: string } }[] } }>(
        slug,
        '{ assessments(first: 20) { edges { node { status assessedOn finalizedAt } } } }',
      );
      const finalised = history.assessments.edges.map((e) => e.node).filter((n) => n.status === 'FINALIZED');
      expect(finalised).toHaveLength(3);
      const days = finalised.map((n) => n.assessedOn as string);
      assessedDays[slug] = days;
      // Newest first, each before the load, the oldest some six months before the newest.
      expect([...days].sort().reverse()).toEqual(days);
      expect(days.every((d) => d < new Date().toISOString().slice(0, 10))).toBe(true);
      expect(Date.parse(days[0]) - Date.parse(days[2])).toBeGreaterThan(150 * 86_400_000);
      expect(new Set(days.map(quarterOf)).size).toBeGreaterThanOrEqual(2);
    }

    // Three roadmaps that read differently.
    const roadmaps: Record<string, string[]> = {};
    for (const slug of Object.keys(orgs)) {
      const r = await as<{ roadmap: { steps: { number: number; status: string }[] } }>(slug, '{ roadmap { steps { number status } } }');
      roadmaps[slug] = r.roadmap.steps.map((step) => `${step.number}:${step.status}`);
    }
    expect(new Set(Object.values(roadmaps).map((r) => r.join())).size).toBe(3);
    expect(roadmaps.velo).toContain('8:DONE');
    expect(roadmaps.boulangerie).toContain('8:IN_PROGRESS');

    // An account an earlier demo made for a role the bakery's couple now holds: the next run takes it out of the bakery.
    const invite = await as<{ inviteMember: { token: string } }>(
      'boulangerie',
      'mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { token } }',
      { input: { email: 'analyst@boulangerie.demo', roles: ['ANALYST'] } },
    );
    await api.ok('mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userId } }', {
      input: { token: invite.inviteMember.token, displayName: 'Analyst Boulangerie', password: PASSWORD },
    });
    await seed();
    expect(await counts()).toEqual(first);
    // The second run leaves the dates as they were.
    for (const slug of Object.keys(orgs)) {
      const again = await as<{ assessments: { edges: { node: { status: string; assessedOn: string | null } }[] } }>(
        slug,
        '{ assessments(first: 20) { edges { node { status assessedOn } } } }',
      );
      expect(again.assessments.edges.filter((e) => e.node.status === 'FINALIZED').map((e) => e.node.assessedOn)).toEqual(
        assessedDays[slug],
      );
    }
  }, 400_000);
});
