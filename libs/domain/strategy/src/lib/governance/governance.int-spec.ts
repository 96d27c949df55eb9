import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { OrganizationRole } from '@socle/platform-auth';
import { createDataSource, OrganizationUnitOfWork, releaseParkedConnections, UnitOfWorkFactory } from '@socle/platform-database';
import { DomainError } from '@socle/platform-errors';
import { EvidenceRegistry } from '@socle/platform-evidence';
import { FeedbackActionRepository } from '../actions/feedback-action.repository';
import { FeedbackActionService } from '../actions/feedback-action.service';
import { SqlBrandVoiceReader } from '../brand-voice/brand-voice.reader';
import { StrategyDocumentService } from '../document/strategy-document.service';
import { StrategyRepository } from '../repositories';
import { governanceEvidenceProvider, GOVERNANCE_EVIDENCE_KEYS } from './governance-evidence';
import { GovernanceRepository } from './governance.repository';
import { GovernanceService } from './governance.service';
import { StrategyVersionRepository } from './strategy-version.repository';
import { StrategyVersionService } from './strategy-version.service';

/**
 * The governance record, the approved strategy and the action log on the real
 * PostgreSQL, as the application role with the tenant set: what each refuses
 * (and that a refusal stores nothing), and that another organisation can
 * neither read nor change any of it, in the application and under row-level
 * security.
 */
describe('governance, approved strategy and feedback actions', () => {
  let dataSource: DataSource;
  let units: UnitOfWorkFactory;
  let admin: Client;
  const governance = new GovernanceService(new GovernanceRepository());
  const versions = new StrategyVersionService(
    new StrategyVersionRepository(),
    new StrategyDocumentService(new StrategyRepository(), new SqlBrandVoiceReader()),
  );
  const actions = new FeedbackActionService(new FeedbackActionRepository());
  let orgA: string;
  let orgB: string;
  let lead: string;
  let approver: string;
  let outsider: string;

  const ctxOf = (uow: OrganizationUnitOfWork, userId: string, roles: OrganizationRole[] = ['STRATEGY_LEAD']) => ({
    uow,
    organizationId: uow.organizationId,
    actor: { type: 'USER' as const, id: userId },
    organizationRoles: roles,
  });
  const inA = <T>(work: (ctx: ReturnType<typeof ctxOf>) => Promise<T>, userId = lead, roles?: OrganizationRole[]) =>
    units.runInOrganization(orgA, (uow) => work(ctxOf(uow, userId, roles)));
  const inB = <T>(work: (ctx: ReturnType<typeof ctxOf>) => Promise<T>) =>
    units.runInOrganization(orgB, (uow) => work(ctxOf(uow, outsider)));
  const refusal = async (work: Promise<unknown>) => {
    try {
      await work;
    } catch (error) {
      if (error instanceof DomainError) return { code: error.code, field: error.field, reason: error.reason };
      throw error;
    }
    throw new Error('expected a refusal');
  };
  const count = async (table: string, org = orgA) =>
    (await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE organization_id = $1`, [org])).rows[0].n;
  const user = async (name: string) =>
    (
      await admin.query<{ id: string }>(`INSERT INTO users (email, display_name, password_hash) VALUES ($1, $2, 'x') RETURNING id`, [
        `${randomUUID()}@example.test`,
        name,
      ])
    ).rows[0].id;
  const organization = async (name: string) => {
    const [agency] = (await admin.query<{ id: string }>(`INSERT INTO agencies (name) VALUES ($1) RETURNING id`, [`Agence ${name}`])).rows;
    return (
      await admin.query<{ id: string }>(`INSERT INTO organizations (agency_id, name) VALUES ($1, $2) RETURNING id`, [agency.id, name])
    ).rows[0].id;
  };
  const member = (org: string, userId: string, roles: string[]) =>
    admin.query('INSERT INTO organization_memberships (organization_id, user_id, roles) VALUES ($1, $2, $3)', [org, userId, roles]);
  const mention = async (org: string, text: string) =>
    (
      await admin.query<{ id: string }>(
        `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, published_at)
         VALUES ($1, 'mastodon', $2, 'fan@example.social', $3, now()) RETURNING id`,
        [org, randomUUID(), text],
      )
    ).rows[0].id;
  const inboxItem = async (org: string, text: string) =>
    (
      await admin.query<{ id: string }>(
        `INSERT INTO inbox_items (organization_id, source, external_id, kind, author_handle, text, received_at, due_at, responsible_role)
         VALUES ($1, 'mastodon', $2, 'COMMENT', 'client@example.social', $3, now(), now() + interval '1 hour', 'COMMUNITY_MANAGER') RETURNING id`,
        [org, randomUUID(), text],
      )
    ).rows[0].id;

  beforeAll(async () => {
    dataSource = createDataSource({
      url: process.env.DATABASE_URL as string,
      entities: [],
      poolSize: 2,
      applicationName: 'governance-spec',
    });
    await dataSource.initialize();
    units = new UnitOfWorkFactory(dataSource);
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
  });

  afterAll(async () => {
    await admin.end();
    await releaseParkedConnections(dataSource);
    await dataSource.destroy();
  });

  beforeEach(async () => {
    orgA = await organization('Boulangerie Gouvernance');
    orgB = await organization('Concurrent');
    lead = await user('Léa Stratégie');
    approver = await user('Diane Directrice');
    outsider = await user('Bruno de B');
    await member(orgA, lead, ['STRATEGY_LEAD']);
    await member(orgA, approver, ['EXECUTIVE_APPROVER']);
    await member(orgB, outsider, ['STRATEGY_LEAD']);
  });

  describe('the committee', () => {
    it('reports a committee without top management as such, then complete once a director sits on it', async () => {
      expect((await inA((ctx) => governance.committee(ctx))).status).toBe('NO_COMMITTEE');
      const consultant = await inA((ctx) => governance.addMember(ctx, { externalName: '  Agence Conseil ', function: 'Consultante' }));
      expect(consultant).toMatchObject({ name: 'Agence Conseil', external: true, userId: null, topManagement: false });
      const director = await inA((ctx) => governance.addMember(ctx, { userId: approver, function: 'Directrice générale' }));
      expect(director).toMatchObject({ name: 'Diane Directrice', external: false, userId: approver });
      expect(await inA((ctx) => governance.committee(ctx))).toMatchObject({ status: 'NO_TOP_MANAGEMENT', topManagementCount: 0 });
      await inA((ctx) => governance.updateMember(ctx, { id: director.id, topManagement: true }));
      const committee = await inA((ctx) => governance.committee(ctx));
      expect(committee).toMatchObject({ status: 'COMPLETE', topManagementCount: 1 });
      expect(committee.members.map((m) => m.name)).toEqual(['Agence Conseil', 'Diane Directrice']);
    });

    it('refuses a person twice, both or neither of userId and externalName, and someone of another organisation', async () => {
      await inA((ctx) => governance.addMember(ctx, { userId: lead, function: 'Responsable stratégie' }));
      expect(await refusal(inA((ctx) => governance.addMember(ctx, { userId: lead, function: 'Autre' })))).toMatchObject({
        code: 'CONFLICT',
        field: 'input.userId',
      });
      expect(await refusal(inA((ctx) => governance.addMember(ctx, { userId: lead, externalName: 'X', function: 'F' })))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.userId',
      });
      expect(await refusal(inA((ctx) => governance.addMember(ctx, { function: 'F' })))).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(await refusal(inA((ctx) => governance.addMember(ctx, { userId: outsider, function: 'Espion' })))).toEqual({
        code: 'NOT_FOUND',
        field: 'input.userId',
        reason: undefined,
      });
      expect(await refusal(inA((ctx) => governance.updateMember(ctx, { id: randomUUID(), function: 'X' })))).toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(await count('governance_members')).toBe(1);
    });
  });

  describe('meetings and decisions', () => {
    it('records a ritual as held with its attendees, and a decision with its owner that is then closed', async () => {
      const [ritual] = (
        await admin.query<{ id: string }>(
          `INSERT INTO rituals (organization_id, kind, cadence, weekday, time_of_day, timezone) VALUES ($1, 'WEEKLY_MEETING', 'WEEKLY', 1, '09:00', 'Europe/Paris') RETURNING id`,
          [orgA],
        )
      ).rows;
      const m1 = await inA((ctx) => governance.addMember(ctx, { userId: lead, function: 'Stratégie' }));
      const m2 = await inA((ctx) => governance.addMember(ctx, { externalName: 'Paul', function: 'RH' }));
      const heldAt = new Date(Date.now() - 3_600_000);
      const meeting = await inA((ctx) =>
        governance.recordMeeting(ctx, {
          kind: 'TASK_FORCE_RITUAL',
          heldAt,
          attendeeIds: [m2.id, m1.id, m1.id.toUpperCase()],
          minutes: 'Tour de table',
          ritualId: ritual.id,
        }),
      );
      expect(meeting).toMatchObject({ kind: 'TASK_FORCE_RITUAL', ritualId: ritual.id, minutes: 'Tour de table' });
      expect(meeting.attendeeIds).toEqual([m1.id, m2.id].sort());
      expect(meeting.heldAt.toISOString()).toBe(heldAt.toISOString());

      const decision = await inA((ctx) =>
        governance.recordDecision(ctx, {
          text: 'Publier deux fois par semaine',
          meetingId: meeting.id,
          ownerMemberId: m1.id,
          dueDate: '2030-01-31',
        }),
      );
      expect(decision).toMatchObject({
        status: 'OPEN',
        closedAt: null,
        dueDate: '2030-01-31',
        meetingId: meeting.id,
        ownerMemberId: m1.id,
      });
      const done = await inA((ctx) => governance.updateDecision(ctx, { id: decision.id, status: 'DONE' }));
      expect(done.status).toBe('DONE');
      expect(done.closedAt).toBeInstanceOf(Date);
      expect(done.text).toBe('Publier deux fois par semaine');
      const open = await inA((ctx) => governance.pageDecisions(ctx, { size: 10 }, { status: 'OPEN' }));
      expect(open).toEqual([]);

      const updated = await inA((ctx) => governance.updateMeeting(ctx, { id: meeting.id, attendeeIds: [m1.id], minutes: 'Compte rendu' }));
      expect(updated).toMatchObject({ attendeeIds: [m1.id], minutes: 'Compte rendu', ritualId: ritual.id });
      // Deleting the meeting keeps its decision, unlinked.
      await inA((ctx) => governance.deleteMeeting(ctx, meeting.id));
      expect((await inA((ctx) => governance.decision(ctx, decision.id))).meetingId).toBeNull();
    });

    it('refuses attendees, rituals and meetings of another organisation (NOT_FOUND naming the field), a future date, and stores nothing', async () => {
      const mine = await inA((ctx) => governance.addMember(ctx, { externalName: 'Paul', function: 'RH' }));
      const theirs = await inB((ctx) => governance.addMember(ctx, { externalName: 'Espion', function: 'Veille' }));
      const [theirRitual] = (
        await admin.query<{ id: string }>(
          `INSERT INTO rituals (organization_id, kind, cadence, day_of_month, time_of_day, timezone) VALUES ($1, 'MONTHLY_EXECUTIVE_REPORT', 'MONTHLY', 1, '09:00', 'Europe/Paris') RETURNING id`,
          [orgB],
        )
      ).rows;
      const heldAt = new Date(Date.now() - 60_000);
      expect(
        await refusal(inA((ctx) => governance.recordMeeting(ctx, { kind: 'COMMITTEE', heldAt, attendeeIds: [mine.id, theirs.id] }))),
      ).toEqual({ code: 'NOT_FOUND', field: 'input.attendeeIds[1]', reason: undefined });
      expect(
        await refusal(inA((ctx) => governance.recordMeeting(ctx, { kind: 'TASK_FORCE_RITUAL', heldAt, ritualId: theirRitual.id }))),
      ).toMatchObject({ code: 'NOT_FOUND', field: 'input.ritualId' });
      expect(
        await refusal(inA((ctx) => governance.recordMeeting(ctx, { kind: 'COMMITTEE', heldAt, ritualId: theirRitual.id }))),
      ).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.ritualId',
      });
      expect(
        await refusal(inA((ctx) => governance.recordMeeting(ctx, { kind: 'COMMITTEE', heldAt: new Date(Date.now() + 3 * 86_400_000) }))),
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.heldAt' });
      expect(await refusal(inA((ctx) => governance.recordMeeting(ctx, { kind: 'COMMITTEE', heldAt: new Date(NaN) })))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.heldAt',
      });
      const theirMeeting = await inB((ctx) => governance.recordMeeting(ctx, { kind: 'COMMITTEE', heldAt }));
      expect(await refusal(inA((ctx) => governance.recordDecision(ctx, { text: 'x', meetingId: theirMeeting.id })))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'input.meetingId',
      });
      expect(await refusal(inA((ctx) => governance.recordDecision(ctx, { text: 'x', ownerMemberId: theirs.id })))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'input.ownerMemberId',
      });
      expect(await refusal(inA((ctx) => governance.recordDecision(ctx, { text: 'x', dueDate: '2030-02-30' })))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.dueDate',
      });
      expect(await count('governance_meetings')).toBe(0);
      expect(await count('governance_decisions')).toBe(0);
      // B's rows, by their ids, are not there for A.
      expect(await refusal(inA((ctx) => governance.meeting(ctx, theirMeeting.id)))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await refusal(inA((ctx) => governance.deleteMeeting(ctx, theirMeeting.id)))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await refusal(inA((ctx) => governance.removeMember(ctx, theirs.id)))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await count('governance_meetings', orgB)).toBe(1);
      expect(await count('governance_members', orgB)).toBe(1);
    });
  });

  describe('the written strategy', () => {
    it('is taken as a snapshot, submitted, approved by an executive only, and a change after approval needs a new version', async () => {
      const v1 = await inA((ctx) => versions.create(ctx, 'Première version'));
      expect(v1).toMatchObject({ number: 1, status: 'DRAFT', note: 'Première version' });
      expect(v1.markdown).toContain('Boulangerie Gouvernance');
      expect(await refusal(inA((ctx) => versions.create(ctx)))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OPEN_VERSION_EXISTS' });
      expect(await refusal(inA((ctx) => versions.approve(ctx, v1.id), approver, ['EXECUTIVE_APPROVER']))).toMatchObject({
        reason: 'INVALID_TRANSITION',
        field: 'input.versionId',
      });
      await inA((ctx) => versions.submit(ctx, v1.id));
      // The strategy lead may not approve, whatever the permission said.
      expect(await refusal(inA((ctx) => versions.approve(ctx, v1.id)))).toMatchObject({ code: 'FORBIDDEN' });
      const approved = await inA((ctx) => versions.approve(ctx, v1.id, 'Validé en comité'), approver, ['EXECUTIVE_APPROVER']);
      expect(approved).toMatchObject({
        status: 'APPROVED',
        approvedBy: approver,
        approverName: 'Diane Directrice',
        approvalComment: 'Validé en comité',
      });
      expect(approved.approvedAt).toBeInstanceOf(Date);
      expect(await inA((ctx) => versions.approved(ctx))).toMatchObject({ version: { id: v1.id }, changedSinceApproval: false });

      // The approved text is frozen in the database too.
      await expect(
        units.runInOrganization(orgA, (uow) =>
          uow.query(`UPDATE strategy_document_versions SET markdown = 'autre' WHERE organization_id = $1 AND id = $2`, [
            uow.organizationId,
            v1.id,
          ]),
        ),
      ).rejects.toMatchObject({ driverError: { code: '23514' } });

      await admin.query(
        `INSERT INTO objectives (organization_id, kind, title, metric, baseline, target, deadline) VALUES ($1, 'BRAND', 'Notoriété', 'abonnés', 100, 200, '2031-01-01')`,
        [orgA],
      );
      expect(await inA((ctx) => versions.approved(ctx))).toMatchObject({ version: { id: v1.id }, changedSinceApproval: true });
      const v2 = await inA((ctx) => versions.create(ctx));
      expect(v2.markdown).toContain('Notoriété');
      await inA((ctx) => versions.submit(ctx, v2.id));
      const returned = await inA((ctx) => versions.returnToDraft(ctx, v2.id, 'Préciser la cible'), approver, ['EXECUTIVE_APPROVER']);
      expect(returned).toMatchObject({ status: 'DRAFT', returnComment: 'Préciser la cible' });
      await inA((ctx) => versions.submit(ctx, v2.id));
      await inA((ctx) => versions.approve(ctx, v2.id), approver, ['EXECUTIVE_APPROVER']);
      expect((await inA((ctx) => versions.get(ctx, v1.id))).status).toBe('SUPERSEDED');
      expect(await inA((ctx) => versions.approved(ctx))).toMatchObject({ version: { id: v2.id, number: 2 }, changedSinceApproval: false });
      expect(await refusal(inA((ctx) => versions.withdraw(ctx, v2.id)))).toMatchObject({ reason: 'NOT_DRAFT' });

      // Another organisation sees none of it.
      expect(await inB((ctx) => versions.page(ctx, { size: 10 }))).toEqual([]);
      expect(await refusal(inB((ctx) => versions.submit(ctx, v2.id)))).toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('the action log on feedback', () => {
    it('links mentions and inbox items to a decision, follows it up, and lists it by filter', async () => {
      const m1 = await mention(orgA, 'Vos croissants sont trop chers');
      const i1 = await inboxItem(orgA, 'Pourquoi pas de pain sans gluten ?');
      const action = await inA((ctx) =>
        actions.record(ctx, { mentionIds: [m1], inboxItemIds: [i1], decision: ' Proposer un pain sans gluten ', ownerId: lead }),
      );
      expect(action).toMatchObject({
        decision: 'Proposer un pain sans gluten',
        status: 'OPEN',
        followUp: null,
        mentionIds: [m1],
        inboxItemIds: [i1],
        ownerId: lead,
        ownerName: 'Léa Stratégie',
      });
      const followed = await inA((ctx) =>
        actions.update(ctx, { id: action.id, followUp: 'Testé en boutique le samedi', status: 'IN_PROGRESS' }),
      );
      expect(followed).toMatchObject({ followUp: 'Testé en boutique le samedi', status: 'IN_PROGRESS', closedAt: null });
      expect(followed.followedUpAt).toBeInstanceOf(Date);
      const done = await inA((ctx) => actions.update(ctx, { id: action.id, status: 'DONE' }));
      expect(done.closedAt).toBeInstanceOf(Date);
      expect(done.followUp).toBe('Testé en boutique le samedi');

      const other = await inA((ctx) => actions.record(ctx, { mentionIds: [m1], decision: 'Expliquer les prix' }));
      const byItem = await inA((ctx) => actions.page(ctx, { size: 10 }, { inboxItemId: i1 }));
      expect(byItem.map((a) => a.id)).toEqual([action.id]);
      const byMention = await inA((ctx) => actions.page(ctx, { size: 10 }, { mentionId: m1 }));
      expect(byMention.map((a) => a.id)).toEqual([action.id, other.id]);
      const open = await inA((ctx) => actions.page(ctx, { size: 10 }, { status: 'OPEN' }));
      expect(open.map((a) => a.id)).toEqual([other.id]);
      const later = await inA((ctx) => actions.page(ctx, { size: 10 }, { from: new Date(Date.now() + 60_000) }));
      expect(later).toEqual([]);
    });

    it("refuses another organisation's mention or inbox item with NOT_FOUND naming the field, and stores nothing", async () => {
      const mine = await mention(orgA, 'A');
      const theirs = await mention(orgB, 'B');
      const theirItem = await inboxItem(orgB, 'B');
      expect(await refusal(inA((ctx) => actions.record(ctx, { mentionIds: [mine, theirs], decision: 'x' })))).toEqual({
        code: 'NOT_FOUND',
        field: 'input.mentionIds[1]',
        reason: undefined,
      });
      expect(await refusal(inA((ctx) => actions.record(ctx, { inboxItemIds: [theirItem], decision: 'x' })))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'input.inboxItemIds[0]',
      });
      expect(await refusal(inA((ctx) => actions.record(ctx, { mentionIds: [mine], decision: 'x', ownerId: outsider })))).toMatchObject({
        code: 'NOT_FOUND',
        field: 'input.ownerId',
      });
      expect(await refusal(inA((ctx) => actions.record(ctx, { decision: 'x' })))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.mentionIds',
      });
      expect(await refusal(inA((ctx) => actions.record(ctx, { mentionIds: [mine], decision: '   ' })))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.decision',
      });
      expect(
        await refusal(inA((ctx) => actions.record(ctx, { mentionIds: [mine], decision: 'x', dueAt: new Date('9999-01-01T00:00:00Z') }))),
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.dueAt' });
      expect(await count('feedback_actions')).toBe(0);
      expect(await count('feedback_action_mentions')).toBe(0);
    });

    it('keeps one organisation out of the other’s actions, in the application and under row-level security', async () => {
      const m = await mention(orgA, 'A');
      const action = await inA((ctx) => actions.record(ctx, { mentionIds: [m], decision: 'Répondre' }));
      expect(await refusal(inB((ctx) => actions.get(ctx, action.id)))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await refusal(inB((ctx) => actions.update(ctx, { id: action.id, status: 'DROPPED' })))).toMatchObject({ code: 'NOT_FOUND' });
      expect(await inB((ctx) => actions.page(ctx, { size: 10 }, {}))).toEqual([]);
      // Straight SQL from B's transaction: row-level security shows nothing and refuses a row of A.
      const seen = await units.runInOrganization(orgB, (uow) =>
        uow.query(
          'SELECT id FROM feedback_actions UNION ALL SELECT action_id FROM feedback_action_mentions UNION ALL SELECT id FROM governance_members',
        ),
      );
      expect(seen).toEqual([]);
      await expect(
        units.runInOrganization(orgB, (uow) =>
          uow.query(`INSERT INTO feedback_actions (organization_id, decision) VALUES ($1, 'intrus')`, [orgA]),
        ),
      ).rejects.toMatchObject({ driverError: { code: '42501' } });
      const changed = await units.runInOrganization(orgB, (uow) => uow.execute(`UPDATE feedback_actions SET decision = 'pwned'`));
      expect(changed).toBe(0);
      expect((await inA((ctx) => actions.get(ctx, action.id))).decision).toBe('Répondre');
    });
  });

  describe('evidence', () => {
    it('measures the committee, the approved strategy, the meetings held against the rituals and the actions followed up', async () => {
      const registry = new EvidenceRegistry();
      registry.register(governanceEvidenceProvider());
      const compute = () =>
        units.runInOrganization(orgA, (uow) => registry.compute({ uow, organizationId: orgA, at: new Date() }, GOVERNANCE_EVIDENCE_KEYS));
      let e = await compute();
      expect([...e.values()].map((r) => r.score)).toEqual([0, 0, 0, 0]);
      expect(e.get('strategy.meetingsHeld')?.explanation.en).toBe(
        'Over 90 days: 0 ritual meetings held of 0 planned; 0 committee meetings.',
      );

      const director = await inA((ctx) => governance.addMember(ctx, { userId: approver, function: 'DG' }));
      expect((await compute()).get('strategy.committeeWithTopManagement')?.score).toBe(0.5);
      await inA((ctx) => governance.updateMember(ctx, { id: director.id, topManagement: true }));
      const [ritual] = (
        await admin.query<{ id: string }>(
          `INSERT INTO rituals (organization_id, kind, cadence, day_of_month, time_of_day, timezone) VALUES ($1, 'MONTHLY_EXECUTIVE_REPORT', 'MONTHLY', 1, '09:00', 'Europe/Paris') RETURNING id`,
          [orgA],
        )
      ).rows;
      await inA((ctx) => governance.recordMeeting(ctx, { kind: 'COMMITTEE', heldAt: new Date(Date.now() - 86_400_000) }));
      await inA((ctx) =>
        governance.recordMeeting(ctx, { kind: 'TASK_FORCE_RITUAL', heldAt: new Date(Date.now() - 2 * 86_400_000), ritualId: ritual.id }),
      );
      // Older than the window: not counted.
      await inA((ctx) =>
        governance.recordMeeting(ctx, { kind: 'TASK_FORCE_RITUAL', heldAt: new Date(Date.now() - 120 * 86_400_000), ritualId: ritual.id }),
      );
      const v = await inA((ctx) => versions.create(ctx));
      await inA((ctx) => versions.submit(ctx, v.id));
      expect((await compute()).get('strategy.strategyApproved')?.score).toBe(0.25);
      await inA((ctx) => versions.approve(ctx, v.id), approver, ['EXECUTIVE_APPROVER']);
      const m = await mention(orgA, 'A');
      const a1 = await inA((ctx) => actions.record(ctx, { mentionIds: [m], decision: 'Un' }));
      await inA((ctx) => actions.record(ctx, { mentionIds: [m], decision: 'Deux' }));
      await inA((ctx) => actions.update(ctx, { id: a1.id, followUp: 'Fait' }));

      e = await compute();
      expect(e.get('strategy.committeeWithTopManagement')).toMatchObject({ value: 1, score: 1 });
      expect(e.get('strategy.strategyApproved')).toMatchObject({ value: true, score: 1 });
      // A monthly ritual plans 3 occurrences in 90 days, the committee 1: 1 + 1 held of 4.
      expect(e.get('strategy.meetingsHeld')).toMatchObject({ value: 2, score: 0.5 });
      expect(e.get('strategy.meetingsHeld')?.explanation.fr).toBe(
        'Sur 90 jours : 1 réunion des rituels tenue pour 3 prévues ; 1 réunion du comité.',
      );
      expect(e.get('community.actingOnFeedback')).toMatchObject({ value: 2, score: 0.75 });
      expect(e.get('community.actingOnFeedback')?.explanation.en).toBe('Over 90 days: 2 actions decided from feedback, 1 followed up.');

      // A strategy edited after the snapshot: approved, but to approve again.
      await admin.query(`UPDATE rituals SET updated_at = now() + interval '1 second' WHERE organization_id = $1`, [orgA]);
      expect((await compute()).get('strategy.strategyApproved')?.score).toBe(0.75);
      // Another organisation's evidence reads none of A's rows.
      const b = await units.runInOrganization(orgB, (uow) =>
        registry.compute({ uow, organizationId: orgB, at: new Date() }, GOVERNANCE_EVIDENCE_KEYS),
      );
      expect([...b.values()].map((r) => r.score)).toEqual([0, 0, 0, 0]);
    });
  });
});
