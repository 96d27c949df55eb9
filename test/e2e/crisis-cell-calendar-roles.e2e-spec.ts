import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { loadConfig } from '@socle/platform-config';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { createWorker, RunningWorker } from '@socle/worker';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the evaluator run here by hand (the worker's handler list is the lead's)
import { EvaluateAlertsJob } from '../../libs/domain/community/src/lib/alerts';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the escalation run here by hand (the worker's handler list is the lead's)
import { EscalateCrisisCellJob } from '../../libs/domain/community/src/lib/crisis-cell/crisis-cell.jobs';
import { adminDatabase, firstError, leaksIn } from './e2e-support';

const CELL = `members { id name userId cellRole cellRoleLabel email phone } escalation { delayMinutes memberIds } playbook { title text }
  holdingStatement updatedAt`;
const SET_CELL = `mutation ($input: SetCrisisCellInput!) { setCrisisCell(input: $input) { ${CELL} } }`;
const NOTIFICATIONS = 'trigger alertId memberName cellRole escalationStep dueAt recipient status';
const CALENDAR = 'timeZone holidayCountry days { weekday periods { start end } } closedDays custom updatedAt';
const SET_CALENDAR = `mutation ($input: SetBusinessCalendarInput!) { setBusinessCalendar(input: $input) { ${CALENDAR} } }`;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Notification {
  trigger: string;
  alertId: string | null;
  memberName: string;
  cellRole: string;
  escalationStep: number | null;
  dueAt: string;
  recipient: string | null;
  status: string;
}

/**
 * The crisis cell told when an alert is raised and when publishing is paused from
 * it (notification rows, mails in the outbox, the cell and playbook on the alert);
 * comment deadlines in the organisation's business calendar; task-force members in
 * the roles of seed 000. Another tenant sees and changes none of it.
 */
/** Polls `read` until `done` (a worker may be finishing what this test asked for), for at most 10 s. */
async function settled<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<void> {
  const end = Date.now() + 10_000;
  while (!done(await read()) && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('crisis cell, business calendar and task-force roles', () => {
  let api: TestApi;
  let worker: RunningWorker;
  let job: EvaluateAlertsJob;
  let admin: Client;
  let owner: AgencySession;
  let org: string;

  const as = (organizationId = org, token = owner.token) => ({ token, organizationId });
  const ok = <T>(query: string, variables: Record<string, unknown> = {}, organizationId = org) =>
    api.ok<T>(query, variables, as(organizationId));
  const gql = (query: string, variables: Record<string, unknown> = {}, organizationId = org, token = owner.token) =>
    api.gql(query, variables, as(organizationId, token));

  const negativeMentions = async (organizationId: string, count: number, at: number) => {
    for (let i = 0; i < count; i++) {
      await admin.query(
        `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, published_at, sentiment_label, sentiment_score)
         VALUES ($1, 'bluesky', $2, $3, $4, $5, 'NEGATIVE', -0.8)`,
        [organizationId, `m-${randomUUID()}`, `user${i}.bsky.social`, `Scandale ${i}`, new Date(at - (i + 1) * 20_000)],
      );
    }
  };

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await createWorker(loadConfig({ ...process.env, QUEUE_PREFIX: api.config.QUEUE_PREFIX }), { reconcileEveryMs: 600_000 });
    job = worker.context.get(EvaluateAlertsJob, { strict: false });
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Cellule');
    org = await createOrganization(api, owner, 'Fromagerie Cellule');
  });
  afterAll(async () => {
    await worker?.close();
    await api?.stop();
    await admin?.end();
  });

  it('tells the crisis cell when an alert is raised and when publishing is paused from it', async () => {
    const member = await addOrganizationMember(api, owner, org, ['COMMUNITY_MANAGER']);
    const cell = (
      await ok<{ setCrisisCell: { members: { id: string; cellRoleLabel: string }[]; escalation: { memberIds: string[] }[] } }>(SET_CELL, {
        input: {
          members: [
            { name: 'Claire', cellRole: 'LEAD', email: 'claire@example.test' },
            { name: 'Bob', cellRole: 'COMMUNITY_MANAGER', userId: member.userId },
            { name: 'Maître Dupuis', cellRole: 'LEGAL', phone: '+41 22 555 01 01' },
            { name: 'DG', cellRole: 'EXECUTIVE', email: 'dg@example.test' },
          ],
          escalation: [
            { delayMinutes: 0, memberIndexes: [0, 1] },
            { delayMinutes: 60, memberIndexes: [3] },
          ],
          playbook: [
            { title: 'Écouter', text: 'Lire les mentions derrière l’alerte.' },
            { title: 'Suspendre', text: 'Mettre les publications en pause.' },
          ],
          holdingStatement: 'Nous avons connaissance de la situation.',
        },
      })
    ).setCrisisCell;
    expect(cell.members.map((m) => m.cellRoleLabel)).toEqual(['Responsable de la cellule', 'Community manager', 'Juridique', 'Direction']);
    expect(cell.escalation[0].memberIds).toEqual([cell.members[0].id, cell.members[1].id]);

    // A spike raises the alert: the cell is told in the same transaction.
    for (let d = 1; d <= 14; d++) await negativeMentions(org, 1, Date.now() - d * DAY);
    await negativeMentions(org, 25, Date.now());
    const raised = await job.handle({ organizationId: org });
    expect(raised).toMatchObject({ raised: true });
    const onAlert = (
      await ok<{ alert: { crisisCell: { playbook: { title: string }[]; holdingStatement: string }; crisisNotifications: Notification[] } }>(
        `query ($id: ID!) { alert(id: $id) { crisisCell { playbook { title } holdingStatement } crisisNotifications { ${NOTIFICATIONS} } } }`,
        { id: raised.alertId },
      )
    ).alert;
    expect(onAlert.crisisCell).toEqual({
      playbook: [{ title: 'Écouter' }, { title: 'Suspendre' }],
      holdingStatement: 'Nous avons connaissance de la situation.',
    });
    const byName = (list: Notification[]) =>
      Object.fromEntries(list.map((n) => [n.memberName, [n.trigger, n.escalationStep, n.status, n.recipient]]));
    expect(byName(onAlert.crisisNotifications)).toEqual({
      Claire: ['ALERT_RAISED', 0, 'QUEUED', 'claire@example.test'],
      Bob: ['ALERT_RAISED', 0, 'QUEUED', member.email],
      'Maître Dupuis': ['ALERT_RAISED', null, 'RECORDED', null],
      DG: ['ALERT_RAISED', 1, 'SCHEDULED', 'dg@example.test'],
    });
    const dg = onAlert.crisisNotifications.find((n) => n.memberName === 'DG') as Notification;
    const claire = onAlert.crisisNotifications.find((n) => n.memberName === 'Claire') as Notification;
    expect(Date.parse(dg.dueAt) - Date.parse(claire.dueAt)).toBe(HOUR);
    const mails = await admin.query<{ recipient: string; subject: string; text_body: string }>(
      "SELECT recipient, subject, text_body FROM mail_outbox WHERE organization_id = $1 AND purpose = 'crisis-cell.notification' ORDER BY recipient",
      [org],
    );
    expect(mails.rows.map((m) => m.recipient).sort()).toEqual(['claire@example.test', member.email].sort());
    expect(mails.rows[0].text_body).toContain('1. Écouter');
    expect(mails.rows[0].text_body).toContain('Nous avons connaissance de la situation.');

    // Publishing paused from the alert: told again, as a crisis pause.
    await ok('mutation ($input: AlertIdInput!) { pausePublishingForAlert(input: $input) { id } }', { input: { id: raised.alertId } });
    const all = (await ok<{ crisisNotifications: Notification[] }>(`{ crisisNotifications(first: 50) { ${NOTIFICATIONS} } }`))
      .crisisNotifications;
    expect(all.filter((n) => n.trigger === 'CRISIS_PAUSE').map((n) => n.memberName)).toEqual(
      expect.arrayContaining(['Claire', 'Bob', 'Maître Dupuis', 'DG']),
    );
    expect(all.filter((n) => n.trigger === 'CRISIS_PAUSE').every((n) => n.alertId === raised.alertId)).toBe(true);
    // The escalation goes on: DG's step, once due, is mailed; after someone acknowledges the alert, a due step is skipped.
    const escalation = worker.context.get(EscalateCrisisCellJob, { strict: false });
    expect(await escalation.handle({ organizationId: org })).toEqual({ sent: 0, skipped: 0 });
    await admin.query(
      "UPDATE crisis_cell_notifications SET due_at = now() - interval '1 minute' WHERE organization_id = $1 AND status = 'SCHEDULED' AND trigger = 'ALERT_RAISED'",
      [org],
    );
    // The reconciler finds the due step and queues its organisation; the running worker (or another suite's, on the same
    // database) may take it before this direct call does: the outcome is what counts, one mail to DG, whoever sent it.
    await escalation.reconcile();
    const direct = await escalation.handle({ organizationId: org });
    expect(direct.skipped).toBe(0);
    expect(direct.sent).toBeLessThanOrEqual(1);
    const dgMailCount = async () =>
      (
        await admin.query(
          "SELECT 1 FROM mail_outbox WHERE organization_id = $1 AND purpose = 'crisis-cell.notification' AND recipient = 'dg@example.test'",
          [org],
        )
      ).rowCount;
    await settled(dgMailCount, (n) => n === 1);
    expect(await dgMailCount()).toBe(1);
    await ok('mutation ($input: AlertMoveInput!) { acknowledgeAlert(input: $input) { id } }', { input: { id: raised.alertId } });
    await admin.query(
      "UPDATE crisis_cell_notifications SET due_at = now() - interval '1 minute' WHERE organization_id = $1 AND status = 'SCHEDULED'",
      [org],
    );
    // Skipped by this call, or by a worker that got there first.
    const afterAck = await escalation.handle({ organizationId: org });
    expect(afterAck.sent).toBe(0);
    expect(afterAck.skipped).toBeLessThanOrEqual(1);
    const dgStatuses = async () =>
      (
        await admin.query<{ trigger: string; status: string }>(
          "SELECT trigger, status FROM crisis_cell_notifications WHERE organization_id = $1 AND member_name = 'DG' ORDER BY trigger",
          [org],
        )
      ).rows;
    await settled(dgStatuses, (rows) => rows.every((r) => r.status !== 'SCHEDULED'));
    expect(await dgStatuses()).toEqual([
      { trigger: 'ALERT_RAISED', status: 'QUEUED' },
      { trigger: 'CRISIS_PAUSE', status: 'SKIPPED' },
    ]);
    // A notification changes once, from SCHEDULED: the database holds it.
    await expect(
      admin.query("UPDATE crisis_cell_notifications SET status = 'SCHEDULED' WHERE organization_id = $1 AND member_name = 'DG'", [org]),
    ).rejects.toThrow(/cannot go from/);

    // Setting the cell is audited.
    const audit = await admin.query("SELECT 1 FROM audit_events WHERE organization_id = $1 AND action = 'crisis_cell.updated'", [org]);
    expect(audit.rowCount).toBe(1);
  });

  it('refuses a bad cell with every problem and its path, storing nothing', async () => {
    const other = await createOrganization(api, owner, 'Autre Cellule');
    const stranger = await addOrganizationMember(api, owner, other, ['VIEWER']);
    // Broken text is refused at the API's edge, with its path.
    const hostile = firstError(
      await gql(SET_CELL, {
        input: { members: [{ name: 'Nul\u0000', cellRole: 'LEAD' }], escalation: [], playbook: [{ title: '\ud800', text: 'x' }] },
      }),
    );
    expect(hostile.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.members[0].name' });
    expect(JSON.stringify(hostile.extensions)).toContain('input.playbook[0].title');
    const res = await gql(SET_CELL, {
      input: {
        members: [
          { name: 'Claire', cellRole: 'LEAD', email: 'nope' },
          { name: 'Hors organisation', cellRole: 'EXPERT', userId: stranger.userId },
        ],
        escalation: [{ delayMinutes: 10, memberIndexes: [5] }],
        playbook: [{ title: '  ', text: 'x' }],
      },
    });
    const error = firstError(res);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(error.extensions)).toContain('input.members[0].email');
    expect(JSON.stringify(error.extensions)).toContain('input.members[1].userId');
    expect(JSON.stringify(error.extensions)).toContain('input.escalation[0].memberIndexes[0]');
    expect(JSON.stringify(error.extensions)).toContain('input.playbook[0].title');
    expect(leaksIn(res)).toEqual([]);
    const huge = await gql(SET_CELL, { input: { members: [], escalation: [], playbook: [], holdingStatement: 'x'.repeat(100_000) } });
    expect(firstError(huge).extensions.code).toBe('BAD_USER_INPUT');
    const stored = await admin.query('SELECT 1 FROM crisis_cells WHERE organization_id = $1', [org]);
    expect(stored.rowCount).toBe(1); // the first test's cell, unchanged
  });

  it('counts comment deadlines in the business calendar', async () => {
    const calendar = await ok<{ businessCalendar: { timeZone: string; custom: boolean; holidayCountry: string | null } }>(
      `{ businessCalendar { ${CALENDAR} } }`,
    );
    expect(calendar.businessCalendar).toMatchObject({ custom: false });
    const set = (
      await ok<{
        setBusinessCalendar: { custom: boolean; days: { weekday: number; periods: { start: string }[] }[]; closedDays: string[] };
      }>(SET_CALENDAR, {
        input: {
          timeZone: 'Europe/Zurich',
          holidayCountry: 'CH',
          days: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, periods: [{ start: '09:00', end: '18:00' }] })),
          closedDays: ['2026-12-31', '2026-12-24'],
        },
      })
    ).setBusinessCalendar;
    expect(set.custom).toBe(true);
    expect(set.days.map((d) => d.periods.length)).toEqual([1, 1, 1, 1, 1, 0, 0]);
    expect(set.closedDays).toEqual(['2026-12-24', '2026-12-31']);
    await ok(
      'mutation ($input: SetCommentHandlingRulesInput!) { setCommentHandlingRules(input: $input) { rules { channel businessHours } } }',
      {
        input: {
          rules: [{ channel: '*', severity: 'NORMAL', responseMinutes: 120, responsibleRole: 'COMMUNITY_MANAGER', businessHours: true }],
        },
      },
    );
    // Thursday 2 April 2026, 17:00 in Zurich: Good Friday and Easter Monday are closed, so Tuesday 10:00.
    const due = (
      await ok<{ commentResponseDue: { dueAt: string; businessHours: boolean } }>(
        '{ commentResponseDue(input: { network: "mastodon", severity: NORMAL, receivedAt: "2026-04-02T15:00:00.000Z" }) { dueAt businessHours } }',
      )
    ).commentResponseDue;
    expect(due).toEqual({ dueAt: '2026-04-07T08:00:00.000Z', businessHours: true });

    const bad = firstError(
      await gql(SET_CALENDAR, {
        input: {
          timeZone: 'Mars/Olympus',
          days: [{ weekday: 1, periods: [{ start: '18:00', end: '09:00' }] }],
          closedDays: ['2026-02-28'],
        },
      }),
    );
    expect(bad.extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(bad.extensions)).toContain('input.days[0].periods[0].end');
    expect(JSON.stringify(bad.extensions)).toContain('input.timeZone');
    // A closed day that does not exist, or an opening at 24:00, is refused by the Date and LocalTime scalars before the calendar's rules.
    const notADay = firstError(
      await gql(SET_CALENDAR, { input: { timeZone: 'Europe/Paris', days: [], closedDays: ['2026-01-01', '2026-02-30'] } }),
    );
    expect(notADay.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.closedDays[1]' });
    expect(notADay.message).toMatch(/got "2026-02-30": that day does not exist\.$/);
    const notATime = firstError(
      await gql(SET_CALENDAR, { input: { timeZone: 'Europe/Paris', days: [{ weekday: 1, periods: [{ start: '24:00', end: '24:00' }] }] } }),
    );
    expect(notATime.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.days[0].periods[0].start' });
    const still = await ok<{ businessCalendar: { timeZone: string } }>('{ businessCalendar { timeZone } }');
    expect(still.businessCalendar.timeZone).toBe('Europe/Zurich');
  });

  it('puts one person in several functions and seed 000 roles, with a department', async () => {
    const bakery = await createOrganization(api, owner, 'Boulangerie Une Personne');
    const add = (role: string) =>
      ok<{ addTaskForceMember: { role: string; roleLabel: string; department: string | null; taskForceFunction: boolean } }>(
        'mutation ($input: AddTaskForceMemberInput!) { addTaskForceMember(input: $input) { role roleLabel department taskForceFunction } }',
        { input: { role, externalName: 'Claire (boulangère)', department: 'Boutique' } },
        bakery,
      );
    for (const role of ['STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER', 'ANALYST', 'COORDINATOR']) await add(role);
    const designer = (await add('GRAPHIC_DESIGNER')).addTaskForceMember;
    expect(designer).toEqual({ role: 'GRAPHIC_DESIGNER', roleLabel: 'Infographe', department: 'Boutique', taskForceFunction: false });
    const rows = await admin.query<{ role: string }>('SELECT role FROM task_force_members WHERE organization_id = $1', [bakery]);
    expect(rows.rowCount).toBe(6);
    const people = await ok<{
      taskForcePeople: { name: string; roles: string[]; functions: string[]; families: string[]; department: string }[];
    }>('{ taskForcePeople { name roles functions families department roleLabels } }', {}, bakery);
    expect(people.taskForcePeople).toHaveLength(1);
    expect(people.taskForcePeople[0]).toMatchObject({
      name: 'Claire (boulangère)',
      roles: ['STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER', 'ANALYST', 'COORDINATOR', 'GRAPHIC_DESIGNER'],
      functions: ['STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER', 'ANALYST', 'COORDINATOR'],
      families: ['TASK_FORCE', 'SUPPORT'],
      department: 'Boutique',
    });
  });
});
