import { statementCounter } from '@socle/platform-database';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { adminDatabase, countedOverPages, firstError, isolatedPrefix } from './e2e-support';

interface Objective {
  id: string;
  title: string;
  kpis: { id: string; name: string }[];
}

const OBJECTIVE_FIELDS = 'id kind title description metric baseline target unit deadline kpis { id name metric target frequency }';
const CREATE_OBJECTIVE = `mutation ($input: CreateObjectiveInput!) { createObjective(input: $input) { ${OBJECTIVE_FIELDS} } }`;

function isoWeekOf(date: string): number {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const jan1 = Date.UTC(d.getUTCFullYear(), 0, 1);
  return Math.floor((d.getTime() - jan1) / 86_400_000 / 7) + 1;
}

/**
 * The strategy of one organisation through GraphQL: objectives and KPIs,
 * audiences and network plans, competitors, brand voice, task force and its
 * weekly meeting, the roadmap and the strategy document; bad input refused
 * field by field with nothing stored; a viewer reads but cannot write.
 */
describe('strategy', () => {
  let api: TestApi;
  let owner: AgencySession;
  let org: string;
  let lead: { token: string; userId: string };
  let viewer: { token: string; userId: string };
  let coordinator: { token: string; userId: string };
  const nextYear = `${new Date().getUTCFullYear() + 1}-06-30`;

  const as = (token = lead.token) => ({ token, organizationId: org });
  const objectiveInput = (over: Record<string, unknown> = {}) => ({
    kind: 'BUSINESS',
    title: 'Ventes en ligne',
    metric: 'commandes en ligne par mois',
    baseline: 120,
    target: 180,
    unit: 'commandes',
    deadline: nextYear,
    ...over,
  });
  const countObjectives = async () =>
    (await api.ok<{ objectives: { edges: unknown[] } }>('{ objectives(first: 100) { edges { cursor } } }', {}, as())).objectives.edges
      .length;

  beforeAll(async () => {
    api = await TestApi.start({ QUEUE_PREFIX: isolatedPrefix('strategy') });
    owner = await signUpAgency(api, 'Agence Stratégie');
    org = await createOrganization(api, owner, 'Boulangerie Test');
    lead = await addOrganizationMember(api, owner, org, ['STRATEGY_LEAD']);
    viewer = await addOrganizationMember(api, owner, org, ['VIEWER']);
    coordinator = await addOrganizationMember(api, owner, org, ['COORDINATOR']);
  });
  afterAll(async () => {
    await api.stop();
  });

  describe('objectives and KPIs', () => {
    it('creates, reads, updates and deletes an objective with its KPIs', async () => {
      const created = (
        await api.ok<{ createObjective: Objective & Record<string, unknown> }>(CREATE_OBJECTIVE, { input: objectiveInput() }, as())
      ).createObjective;
      expect(created).toMatchObject({
        kind: 'BUSINESS',
        baseline: 120,
        target: 180,
        unit: 'commandes',
        deadline: nextYear,
        description: '',
        kpis: [],
      });
      const kpi = await api.ok<{ createKpi: { id: string; objectiveId: string } }>(
        'mutation ($input: CreateKpiInput!) { createKpi(input: $input) { id objectiveId name frequency } }',
        {
          input: {
            objectiveId: created.id,
            name: 'Trafic social',
            metric: 'socialTraffic',
            target: 800,
            unit: 'visites',
            frequency: 'MONTHLY',
          },
        },
        as(),
      );
      expect(kpi.createKpi.objectiveId).toBe(created.id);
      const read = await api.ok<{ objective: Objective }>(
        `query ($id: ID!) { objective(id: $id) { ${OBJECTIVE_FIELDS} } }`,
        { id: created.id },
        as(),
      );
      expect(read.objective.kpis.map((k) => k.name)).toEqual(['Trafic social']);

      const updated = await api.ok<{ updateObjective: { title: string; target: number; unit: string | null } }>(
        'mutation ($input: UpdateObjectiveInput!) { updateObjective(input: $input) { title target unit } }',
        { input: { id: created.id, title: 'Ventes en ligne 2027', target: 200, unit: null } },
        as(),
      );
      expect(updated.updateObjective).toEqual({ title: 'Ventes en ligne 2027', target: 200, unit: null });
      await api.ok(
        'mutation ($input: UpdateKpiInput!) { updateKpi(input: $input) { id target } }',
        { input: { id: kpi.createKpi.id, target: 900 } },
        as(),
      );

      await api.ok('mutation ($id: ID!) { deleteObjective(input: { id: $id }) { id } }', { id: created.id }, as());
      const gone = await api.gql(`query ($id: ID!) { objective(id: $id) { id } }`, { id: created.id }, as());
      expect(firstError(gone).extensions.code).toBe('NOT_FOUND');
      // Its KPIs went with it.
      const kpiGone = await api.gql('mutation ($id: ID!) { deleteKpi(input: { id: $id }) { id } }', { id: kpi.createKpi.id }, as());
      expect(firstError(kpiGone).extensions.code).toBe('NOT_FOUND');
    });

    it('refuses a target equal to the baseline at input.target, storing nothing', async () => {
      const before = await countObjectives();
      const res = await api.gql(CREATE_OBJECTIVE, { input: objectiveInput({ target: 120 }) }, as());
      expect(firstError(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.target' });
      expect(await countObjectives()).toBe(before);
    });

    it('refuses a deadline in the past at input.deadline', async () => {
      const res = await api.gql(CREATE_OBJECTIVE, { input: objectiveInput({ deadline: '2020-01-31' }) }, as());
      expect(firstError(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.deadline' });
      expect(firstError(res).message).toMatch(/input\.deadline: must be today \(\d{4}-\d{2}-\d{2}\) or later/);
    });

    it('refuses a missing or blank metric, naming it', async () => {
      const { metric: _, ...withoutMetric } = objectiveInput();
      const missing = await api.gql(CREATE_OBJECTIVE, { input: withoutMetric }, as());
      expect(firstError(missing).extensions.code).toBe('BAD_USER_INPUT');
      expect(firstError(missing).message).toMatch(/Field "metric" of required type "String!" was not provided/);
      const blank = await api.gql(CREATE_OBJECTIVE, { input: objectiveInput({ metric: '   ' }) }, as());
      expect(firstError(blank).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.metric' });
      const both = await api.gql(CREATE_OBJECTIVE, { input: objectiveInput({ target: 120, deadline: '2021-02-03' }) }, as());
      expect((firstError(both).extensions.problems as { field: string }[]).map((p) => p.field)).toEqual(['input.target', 'input.deadline']);
    });

    it('resolves the KPIs of a page of objectives without one query per objective', async () => {
      const ids: string[] = [];
      for (const title of ['A', 'B', 'C', 'D']) {
        const o = await api.ok<{ createObjective: { id: string } }>(
          CREATE_OBJECTIVE,
          { input: objectiveInput({ title, kind: 'BRAND' }) },
          as(),
        );
        ids.push(o.createObjective.id);
        for (const name of ['k1', 'k2']) {
          await api.ok(
            'mutation ($input: CreateKpiInput!) { createKpi(input: $input) { id } }',
            { input: { objectiveId: o.createObjective.id, name, metric: 'followers', target: 10, frequency: 'WEEKLY' } },
            as(),
          );
        }
      }
      const measure = async (first: number) => {
        const start = statementCounter.count;
        const data = await api.ok<{ objectives: { edges: { node: Objective }[] } }>(
          `{ objectives(first: ${first}) { edges { node { id kpis { id } } } } }`,
          {},
          as(),
        );
        return { statements: statementCounter.count - start, objectives: data.objectives.edges.length };
      };
      const one = await measure(1);
      const four = await measure(4);
      expect(four.objectives).toBe(4);
      expect(four.statements).toBe(one.statements);
      for (const id of ids) await api.ok('mutation ($id: ID!) { deleteObjective(input: { id: $id }) { id } }', { id }, as());
    });
  });

  describe('audiences, network plans, competitors, brand voice', () => {
    it('plans networks for existing segments only', async () => {
      const seg = await api.ok<{ createAudienceSegment: { id: string; usages: string[] } }>(
        'mutation ($input: CreateAudienceSegmentInput!) { createAudienceSegment(input: $input) { id name usages } }',
        {
          input: {
            name: 'Familles du quartier',
            needs: 'Horaires, nouveautés',
            usages: ['CUSTOMER_SERVICE', 'ADVERTISING_MARKETING', 'CUSTOMER_SERVICE'],
          },
        },
        as(),
      );
      expect(seg.createAudienceSegment.usages).toEqual(['CUSTOMER_SERVICE', 'ADVERTISING_MARKETING']);
      const dup = await api.gql('mutation { createAudienceSegment(input: { name: "familles du quartier" }) { id } }', {}, as());
      expect(firstError(dup).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.name' });

      const unknown = '00000000-0000-4000-8000-000000000000';
      const bad = await api.gql(
        'mutation ($input: CreateNetworkPlanInput!) { createNetworkPlan(input: $input) { id } }',
        { input: { network: 'mastodon', segmentIds: [seg.createAudienceSegment.id, unknown], postsPerWeek: 3 } },
        as(),
      );
      expect(firstError(bad).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.segmentIds[1]' });
      const tooMany = await api.gql(
        'mutation { createNetworkPlan(input: { network: "mastodon", segmentIds: [], postsPerWeek: 101 }) { id } }',
        {},
        as(),
      );
      expect(firstError(tooMany).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.postsPerWeek' });
      const none = await api.ok<{ networkPlans: { edges: unknown[] } }>('{ networkPlans(first: 10) { edges { cursor } } }', {}, as());
      expect(none.networkPlans.edges).toHaveLength(0);

      const plan = await api.ok<{ createNetworkPlan: { id: string; segments: { id: string }[] } }>(
        'mutation ($input: CreateNetworkPlanInput!) { createNetworkPlan(input: $input) { id network segments { id name } postsPerWeek reservedHandle rationale } }',
        {
          input: {
            network: 'mastodon',
            segmentIds: [seg.createAudienceSegment.id],
            postsPerWeek: 3,
            reservedHandle: '@boulangerie',
            rationale: 'Communauté locale',
          },
        },
        as(),
      );
      expect(plan.createNetworkPlan.segments.map((s) => s.id)).toEqual([seg.createAudienceSegment.id]);
      const again = await api.gql(
        'mutation { createNetworkPlan(input: { network: "mastodon", segmentIds: [], postsPerWeek: 1 }) { id } }',
        {},
        as(),
      );
      expect(firstError(again).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.network' });
      const changed = await api.ok<{ updateNetworkPlan: { postsPerWeek: number; segments: unknown[] } }>(
        'mutation ($input: UpdateNetworkPlanInput!) { updateNetworkPlan(input: $input) { postsPerWeek segments { id } } }',
        { input: { id: plan.createNetworkPlan.id, postsPerWeek: 5, segmentIds: [] } },
        as(),
      );
      expect(changed.updateNetworkPlan).toEqual({ postsPerWeek: 5, segments: [] });
      for (let i = 0; i < 2; i += 1) {
        // Setting the same list twice keeps it.
        const kept = await api.ok<{ updateNetworkPlan: { segments: { id: string }[] } }>(
          'mutation ($input: UpdateNetworkPlanInput!) { updateNetworkPlan(input: $input) { segments { id } } }',
          { input: { id: plan.createNetworkPlan.id, segmentIds: [seg.createAudienceSegment.id] } },
          as(),
        );
        expect(kept.updateNetworkPlan.segments).toEqual([{ id: seg.createAudienceSegment.id }]);
      }
    });

    it('keeps competitors with their handles', async () => {
      const c = await api.ok<{ createCompetitor: { id: string; handles: { network: string; handle: string }[] } }>(
        'mutation ($input: CreateCompetitorInput!) { createCompetitor(input: $input) { id name handles { network handle } notes } }',
        {
          input: {
            name: 'Pains & Co',
            handles: [
              { network: 'mastodon', handle: '@painsco' },
              { network: 'mastodon', handle: '@PainsCo ' },
            ],
            notes: 'Concurrent direct',
          },
        },
        as(),
      );
      expect(c.createCompetitor.handles).toEqual([{ network: 'mastodon', handle: '@painsco' }]);
      const bad = await api.gql(
        'mutation { createCompetitor(input: { name: "X", handles: [{ network: "Not A Network", handle: "x" }] }) { id } }',
        {},
        as(),
      );
      expect(firstError(bad).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.handles.0.network' });
      const list = await api.ok<{ competitors: { edges: { node: { name: string } }[] } }>(
        '{ competitors(first: 10) { edges { node { name } } } }',
        {},
        as(),
      );
      expect(list.competitors.edges.map((e) => e.node.name)).toEqual(['Pains & Co']);
    });

    it('sets the brand voice with clean word lists, and a viewer cannot change it', async () => {
      expect((await api.ok<{ brandVoice: null }>('{ brandVoice { tone } }', {}, as())).brandVoice).toBeNull();
      const set = await api.ok<{ setBrandVoice: { wordsToUse: string[]; wordsToAvoid: string[]; addressForm: string } }>(
        'mutation ($input: SetBrandVoiceInput!) { setBrandVoice(input: $input) { tone wordsToUse wordsToAvoid addressForm updatedAt } }',
        {
          input: {
            tone: 'Chaleureux et simple',
            wordsToUse: [' Artisanal', 'artisanal ', 'fait  maison'],
            wordsToAvoid: ['industriel'],
            addressForm: 'VOUS',
          },
        },
        as(),
      );
      expect(set.setBrandVoice).toMatchObject({
        wordsToUse: ['Artisanal', 'fait maison'],
        wordsToAvoid: ['industriel'],
        addressForm: 'VOUS',
      });
      const blank = await api.gql(
        'mutation { setBrandVoice(input: { tone: "", wordsToUse: ["ok", " "], wordsToAvoid: [] }) { tone } }',
        {},
        as(),
      );
      expect(firstError(blank).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.wordsToUse[1]' });
      const byViewer = await api.gql(
        'mutation { setBrandVoice(input: { tone: "x", wordsToUse: [], wordsToAvoid: [] }) { tone } }',
        {},
        as(viewer.token),
      );
      expect(firstError(byViewer).extensions.code).toBe('FORBIDDEN');
      const after = await api.ok<{ brandVoice: { tone: string } }>('{ brandVoice { tone } }', {}, as(viewer.token));
      expect(after.brandVoice.tone).toBe('Chaleureux et simple');
    });
  });

  describe('task force and rituals', () => {
    it('assigns members and external people, and refuses someone outside the organisation', async () => {
      const add = (input: Record<string, unknown>, token = lead.token) =>
        api.gql<{ addTaskForceMember: { id: string; roleLabel: string; name: string; external: boolean } }>(
          'mutation ($input: AddTaskForceMemberInput!) { addTaskForceMember(input: $input) { id role roleLabel userId name external } }',
          { input },
          as(token),
        );
      const first = await add({ role: 'STRATEGY_LEAD', userId: lead.userId });
      expect(first.body.data?.addTaskForceMember).toMatchObject({ roleLabel: 'Leader stratégie', external: false });
      // The coordinator manages the task force too.
      expect((await add({ role: 'COMMUNITY_MANAGER', userId: coordinator.userId }, coordinator.token)).body.errors).toBeUndefined();
      expect(
        (await add({ role: 'ANALYST', externalName: 'Inès (agence)', externalContact: 'ines@agence.example' })).body.data
          ?.addTaskForceMember.external,
      ).toBe(true);

      const outsider = await add({ role: 'ANALYST', userId: owner.userId });
      expect(firstError(outsider).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.userId' });
      const neither = await add({ role: 'ANALYST' });
      expect(firstError(neither).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.userId' });
      const twice = await add({ role: 'STRATEGY_LEAD', userId: lead.userId });
      expect(firstError(twice).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.userId' });
      const byViewer = await add({ role: 'ANALYST', externalName: 'Z' }, viewer.token);
      expect(firstError(byViewer).extensions.code).toBe('FORBIDDEN');
    });

    it('schedules the weekly meeting and returns its agenda: ten minutes each, then the brainstorm of the week', async () => {
      expect((await api.ok<{ nextWeeklyMeeting: null }>('{ nextWeeklyMeeting { startsAt } }', {}, as())).nextWeeklyMeeting).toBeNull();
      const wrong = await api.gql(
        'mutation { createRitual(input: { kind: WEEKLY_MEETING, dayOfMonth: 3, time: "09:30" }) { id } }',
        {},
        as(),
      );
      expect(firstError(wrong).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.weekday' });
      const badZone = await api.gql(
        'mutation { createRitual(input: { kind: WEEKLY_MEETING, weekday: 1, time: "09:30", timezone: "Mars/Olympus" }) { id } }',
        {},
        as(),
      );
      expect(firstError(badZone).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.timezone' });
      const ritual = await api.ok<{ createRitual: { id: string; title: string; timezone: string; nextOccurrence: string } }>(
        'mutation { createRitual(input: { kind: WEEKLY_MEETING, weekday: 2, time: "09:30" }) { id title cadence timezone nextOccurrence } }',
        {},
        as(),
      );
      expect(ritual.createRitual).toMatchObject({ title: 'Réunion hebdomadaire de la task force', timezone: 'Europe/Paris' });
      await api.ok(
        'mutation { createRitual(input: { kind: MONTHLY_EXECUTIVE_REPORT, dayOfMonth: 5, time: "08:00", timezone: "Europe/Zurich" }) { id } }',
        {},
        as(),
      );
      const twice = await api.gql('mutation { createRitual(input: { kind: WEEKLY_MEETING, weekday: 3, time: "09:30" }) { id } }', {}, as());
      expect(firstError(twice).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.kind' });

      const data = await api.ok<{
        nextWeeklyMeeting: {
          ritualId: string;
          localDate: string;
          isoWeek: number;
          brainstormTheme: string;
          durationMinutes: number;
          startsAt: string;
          agenda: { kind: string; title: string; name: string | null; startOffsetMinutes: number; endOffsetMinutes: number }[];
        };
      }>(
        '{ nextWeeklyMeeting { ritualId startsAt endsAt localDate time timezone isoWeek brainstormTheme durationMinutes agenda { kind title name roles theme startOffsetMinutes endOffsetMinutes startsAt endsAt } } }',
        {},
        as(viewer.token),
      );
      const m = data.nextWeeklyMeeting;
      expect(m.ritualId).toBe(ritual.createRitual.id);
      expect(new Date(`${m.localDate}T00:00:00Z`).getUTCDay()).toBe(2);
      expect(m.isoWeek).toBe(isoWeekOf(m.localDate));
      expect(m.brainstormTheme).toBe(m.isoWeek % 2 === 1 ? 'STRATEGY' : 'CONTENT');
      expect(m.agenda.map((s) => [s.kind, s.startOffsetMinutes, s.endOffsetMinutes])).toEqual([
        ['MEMBER_UPDATE', 0, 10],
        ['MEMBER_UPDATE', 10, 20],
        ['MEMBER_UPDATE', 20, 30],
        ['BRAINSTORM', 30, 50],
      ]);
      expect(m.agenda[0].title).toMatch(/^Tour de table : .+ \(Leader stratégie\)$/);
      expect(m.agenda[3].title).toBe(
        m.brainstormTheme === 'STRATEGY' ? 'Brainstorming : idées de stratégie' : 'Brainstorming : idées de contenu',
      );
      expect(m.durationMinutes).toBe(50);
      expect(new Date(m.startsAt).getTime()).toBe(new Date(ritual.createRitual.nextOccurrence).getTime());
    });
  });

  describe('roadmap and strategy document', () => {
    it('computes the steps from the evidence, refuses to tick a computed step, and records manual ones', async () => {
      type Step = {
        number: number;
        status: string;
        manual: boolean;
        note: string | null;
        evidence: { key: string; score: number; measured: boolean; explanation: string }[];
      };
      const read = async () =>
        (
          await api.ok<{ roadmap: { steps: Step[]; doneCount: number } }>(
            '{ roadmap { doneCount progress steps { number key title description status manual note updatedAt evidence { key score measured explanation } } } }',
            {},
            as(viewer.token),
          )
        ).roadmap;
      const before = await read();
      expect(before.steps).toHaveLength(10);
      // A competitor with a handle exists but no listening ran: step 1 is in progress, not done.
      expect(before.steps[0]).toMatchObject({ status: 'IN_PROGRESS', manual: false });
      expect(before.steps[0].evidence[0]).toMatchObject({ key: 'strategy.competitorsDefined', score: 1, measured: true });
      expect(before.steps[0].evidence[1]).toMatchObject({ key: 'community.listeningPractice', score: 0, measured: true });
      // Step 3: a complete network plan but no connected account.
      expect(before.steps[2].status).toBe('IN_PROGRESS');
      expect(before.steps[2].evidence.find((e) => e.key === 'community.accountsConnected')).toMatchObject({
        score: 0,
        measured: true,
        explanation: "Aucun compte de réseau n'est connecté.",
      });
      for (const e of before.steps.flatMap((s) => s.evidence).filter((x) => !x.measured)) {
        expect(e).toMatchObject({ score: 0, explanation: expect.stringMatching(/^Pas encore mesuré/) });
      }
      // Step 4 is measured by the calendar: nothing is scheduled yet.
      expect(before.steps[3]).toMatchObject({ status: 'NOT_STARTED', manual: false });
      expect(before.steps[7]).toMatchObject({ status: 'NOT_STARTED', manual: true, evidence: [] });

      const refused = await api.gql('mutation { setRoadmapStepStatus(input: { step: 1, status: NOT_STARTED }) { status } }', {}, as());
      expect(firstError(refused).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.step' });
      expect(firstError(refused).message).toContain('cannot be set by hand; nothing was changed');
      const byViewer = await api.gql(
        'mutation { setRoadmapStepStatus(input: { step: 8, status: DONE }) { status } }',
        {},
        as(viewer.token),
      );
      expect(firstError(byViewer).extensions.code).toBe('FORBIDDEN');
      const set = await api.ok<{ setRoadmapStepStatus: Step }>(
        'mutation { setRoadmapStepStatus(input: { step: 8, status: DONE, note: "Communauté réunie au salon" }) { number status manual note } }',
        {},
        as(coordinator.token),
      );
      expect(set.setRoadmapStepStatus).toEqual({ number: 8, status: 'DONE', manual: true, note: 'Communauté réunie au salon' });
      const after = await read();
      expect(after.steps[0].status).toBe('IN_PROGRESS');
      expect(after.steps[7]).toMatchObject({ status: 'DONE', note: 'Communauté réunie au salon' });
      expect(after.doneCount).toBe(before.doneCount + 1);
    });

    it('assembles the written strategy in the organisation’s language, structured and as Markdown', async () => {
      await api.ok(
        CREATE_OBJECTIVE,
        { input: objectiveInput({ title: 'Notoriété locale', kind: 'BRAND', metric: 'abonnés', baseline: 50, target: 500 }) },
        as(),
      );
      const doc = await api.ok<{
        strategyDocument: {
          language: string;
          organizationName: string;
          objectives: { title: string; kpis: unknown[] }[];
          segments: unknown[];
          networkPlans: unknown[];
          taskForce: { roleLabel: string }[];
          rituals: unknown[];
          brandVoice: { addressForm: string };
          markdown: string;
        };
      }>(
        `{ strategyDocument { language organizationName generatedAt objectives { title kpis { id } } segments { name } networkPlans { network segments { name } }
           brandVoice { addressForm } competitors { name } taskForce { roleLabel name } rituals { title nextOccurrence } markdown } }`,
        {},
        as(viewer.token),
      );
      const d = doc.strategyDocument;
      expect(d).toMatchObject({ language: 'FR', organizationName: 'Boulangerie Test', brandVoice: { addressForm: 'VOUS' } });
      expect(d.objectives.map((o) => o.title)).toContain('Notoriété locale');
      expect(d.segments).toHaveLength(1);
      expect(d.networkPlans).toHaveLength(1);
      expect(d.taskForce).toHaveLength(3);
      expect(d.rituals).toHaveLength(2);
      for (const h of [
        '# Stratégie médias sociaux — Boulangerie Test',
        '## 1. Objectifs',
        '## 2. Groupes cibles',
        '## 3. Contenus',
        '## 4. Ressources',
      ]) {
        expect(d.markdown).toContain(h);
      }
      expect(d.markdown).toContain('Notoriété locale');
      expect(d.markdown).toContain('| mastodon | Familles du quartier | 5 | @boulangerie | Communauté locale |');
    });

    it('lets a viewer read everything and write nothing', async () => {
      const reads = [
        '{ objectives(first: 1) { edges { cursor } } }',
        '{ audienceSegments(first: 1) { edges { cursor } } }',
        '{ networkPlans(first: 1) { edges { cursor } } }',
        '{ competitors(first: 1) { edges { cursor } } }',
        '{ taskForceMembers(first: 1) { edges { cursor } } }',
        '{ rituals(first: 1) { edges { cursor } } }',
      ];
      for (const q of reads) expect((await api.gql(q, {}, as(viewer.token))).body.errors).toBeUndefined();
      const writes = [
        `mutation { createObjective(input: { kind: BRAND, title: "x", metric: "m", baseline: 1, target: 2, deadline: "${nextYear}" }) { id } }`,
        'mutation { createAudienceSegment(input: { name: "x" }) { id } }',
        'mutation { createCompetitor(input: { name: "x" }) { id } }',
        'mutation { createRitual(input: { kind: OTHER, title: "x", weekday: 1, time: "10:00" }) { id } }',
      ];
      for (const q of writes) expect(firstError(await api.gql(q, {}, as(viewer.token))).extensions.code).toBe('FORBIDDEN');
    });
  });

  it('removes a person from the task force when they leave the organisation', async () => {
    const db = await adminDatabase();
    try {
      await api.ok(
        'mutation ($input: RemoveMemberInput!) { removeMember(input: $input) { userId } }',
        { input: { userId: coordinator.userId } },
        { token: owner.token, organizationId: org },
      );
      const { rows } = await db.query('SELECT 1 FROM task_force_members WHERE organization_id = $1 AND user_id = $2', [
        org,
        coordinator.userId,
      ]);
      expect(rows).toHaveLength(0);
    } finally {
      await db.end();
    }
  });

  it('writes each strategy change to the audit log, with who and what, and nothing for a refused one', async () => {
    const created = (
      await api.ok<{ createObjective: { id: string } }>(CREATE_OBJECTIVE, { input: objectiveInput({ title: 'Audité' }) }, as())
    ).createObjective;
    await api.ok(
      'mutation ($input: UpdateObjectiveInput!) { updateObjective(input: $input) { id } }',
      { input: { id: created.id, target: 99 } },
      as(),
    );
    const refused = await api.gql(CREATE_OBJECTIVE, { input: objectiveInput({ title: 'Refusé', target: 10, baseline: 10 }) }, as());
    expect(firstError(refused).extensions.code).toBe('BAD_USER_INPUT');
    const audit = await api.ok<{
      auditLog: {
        edges: {
          node: { action: string; actorId: string; targetId: string; targetType: string; metadata: { input: Record<string, unknown> } };
        }[];
      };
    }>(
      '{ auditLog(first: 100) { edges { node { action actorId targetId targetType metadata } } } }',
      {},
      { token: owner.token, organizationId: org },
    );
    const mine = audit.auditLog.edges.map((e) => e.node).filter((n) => n.targetId === created.id);
    expect(mine.map((n) => n.action)).toEqual(['strategy.updateObjective', 'strategy.createObjective']);
    expect(mine.every((n) => n.actorId === lead.userId && n.targetType === 'Objective')).toBe(true);
    expect(mine[0].metadata.input).toMatchObject({ id: created.id, target: 99 });
    expect(audit.auditLog.edges.some((e) => (e.node.metadata.input as { title?: string } | undefined)?.title === 'Refusé')).toBe(false);
  });

  it('counts every strategy list over all pages, and no other agency’s items', async () => {
    type Page = { totalCount: number; edges: { cursor: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    const LISTS = ['objectives', 'audienceSegments', 'networkPlans', 'competitors', 'taskForceMembers', 'rituals'] as const;
    const read = async (list: string, args: string, who = { token: viewer.token, organizationId: org }) =>
      (
        await api.ok<Record<string, Page>>(
          `{ ${list}(${args}) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }`,
          {},
          who,
        )
      )[list];
    /** The list read whole, then one item at a time (see countedOverPages). */
    const countOf = (list: string) => countedOverPages(list, (args) => read(list, args));
    const counts = async () => {
      const all: Record<string, number> = {};
      for (const list of LISTS) all[list] = await countOf(list);
      return all;
    };

    for (const name of ['Comptage A', 'Comptage B']) {
      await api.ok(
        'mutation ($input: CreateAudienceSegmentInput!) { createAudienceSegment(input: $input) { id } }',
        { input: { name } },
        as(),
      );
      await api.ok('mutation ($input: CreateCompetitorInput!) { createCompetitor(input: $input) { id } }', { input: { name } }, as());
    }
    const mine = await counts();
    expect(mine.audienceSegments).toBeGreaterThanOrEqual(2);
    expect(mine.competitors).toBeGreaterThanOrEqual(2);

    // Another agency's client fills every list once: its lists count one item each, ours do not move.
    const otherOwner = await signUpAgency(api, 'Agence Stratégie Ailleurs');
    const elsewhere = await createOrganization(api, otherOwner, 'Client Stratégie Ailleurs');
    const theirLead = await addOrganizationMember(api, otherOwner, elsewhere, ['STRATEGY_LEAD']);
    const there = { token: theirLead.token, organizationId: elsewhere };
    await api.ok(CREATE_OBJECTIVE, { input: objectiveInput({ title: 'Ailleurs' }) }, there);
    await api.ok('mutation { createAudienceSegment(input: { name: "Ailleurs" }) { id } }', {}, there);
    await api.ok('mutation { createNetworkPlan(input: { network: "mastodon", segmentIds: [], postsPerWeek: 1 }) { id } }', {}, there);
    await api.ok('mutation { createCompetitor(input: { name: "Ailleurs" }) { id } }', {}, there);
    await api.ok('mutation { addTaskForceMember(input: { role: ANALYST, externalName: "Ailleurs" }) { id } }', {}, there);
    await api.ok('mutation { createRitual(input: { kind: OTHER, title: "Ailleurs", weekday: 1, time: "10:00" }) { id } }', {}, there);

    expect(await counts()).toEqual(mine);
    for (const list of LISTS)
      expect({ list, totalCount: (await read(list, 'first: 1', there)).totalCount }).toEqual({ list, totalCount: 1 });
  });
});
