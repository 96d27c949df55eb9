import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { loadConfig } from '@socle/platform-config';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { createWorker, RunningWorker } from '@socle/worker';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the evaluator run here by hand (the worker's handler list is the lead's)
import { EvaluateAlertsJob } from '../../libs/domain/community/src/lib/alerts';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the escalation run here by hand (the worker's handler list is the lead's)
import { EscalateCrisisCellJob } from '../../libs/domain/community/src/lib/crisis-cell/crisis-cell.jobs';
import { adminDatabase, firstError } from './e2e-support';

const SET_CELL = 'mutation ($input: SetCrisisCellInput!) { setCrisisCell(input: $input) { members { id name } } }';
const SET_PAUSE = 'mutation ($input: SetCrisisPauseInput!) { setCrisisPause(input: $input) { active reason } }';
const RESUME = 'mutation ($input: ResumeAfterCrisisPauseInput!) { resumeAfterCrisisPause(input: $input) { crisisPause { active } } }';
const NOTIFICATIONS = '{ crisisNotifications(first: 100) { trigger alertId reason memberName escalationStep recipient status } }';
const DAY = 24 * 3_600_000;

interface Notification {
  trigger: string;
  alertId: string | null;
  reason: string;
  memberName: string;
  escalationStep: number | null;
  recipient: string | null;
  status: string;
}

/** Polls `read` until `done` (a worker may be finishing what this test asked for), for at most 10 s. */
async function settled<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const end = Date.now() + 10_000;
  let value = await read();
  while (!done(value) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

/**
 * The crisis cell called on by the crisis pause, however it is started: directly
 * (setCrisisPause) its members are told at once by mail with the reason and the
 * playbook and the chain escalates; the resume stops the chain. A pause started
 * from an alert tells the cell once. Another tenant sees and stops nothing.
 */
describe('crisis pause → crisis cell', () => {
  let api: TestApi;
  let worker: RunningWorker;
  let admin: Client;
  let owner: AgencySession;

  const gql = (query: string, variables: Record<string, unknown>, organizationId: string) =>
    api.gql(query, variables, { token: owner.token, organizationId });
  const ok = <T>(query: string, variables: Record<string, unknown>, organizationId: string) =>
    api.ok<T>(query, variables, { token: owner.token, organizationId });
  const notifications = async (organizationId: string) =>
    (await ok<{ crisisNotifications: Notification[] }>(NOTIFICATIONS, {}, organizationId)).crisisNotifications;
  const mails = async (organizationId: string) =>
    (
      await admin.query<{ recipient: string; subject: string; text_body: string }>(
        "SELECT recipient, subject, text_body FROM mail_outbox WHERE organization_id = $1 AND purpose = 'crisis-cell.notification' ORDER BY recipient",
        [organizationId],
      )
    ).rows;
  const setCell = (organizationId: string, memberUserId: string) =>
    ok(
      SET_CELL,
      {
        input: {
          members: [
            { name: 'Claire', cellRole: 'LEAD', email: 'claire@example.test' },
            { name: 'Bob', cellRole: 'COMMUNITY_MANAGER', userId: memberUserId },
            { name: 'DG', cellRole: 'EXECUTIVE', email: 'dg@example.test' },
            { name: 'Maître Dupuis', cellRole: 'LEGAL', email: 'legal@example.test' },
          ],
          escalation: [
            { delayMinutes: 0, memberIndexes: [0, 1] },
            { delayMinutes: 30, memberIndexes: [2] },
            { delayMinutes: 120, memberIndexes: [3] },
          ],
          playbook: [{ title: 'Geler', text: 'Aucune publication tant que la cellule n’a pas statué.' }],
          holdingStatement: 'Nous suivons la situation de près.',
        },
      },
      organizationId,
    );
  const dueNow = (organizationId: string, memberName: string) =>
    admin.query(
      "UPDATE crisis_cell_notifications SET due_at = now() - interval '1 minute' WHERE organization_id = $1 AND member_name = $2 AND status = 'SCHEDULED'",
      [organizationId, memberName],
    );

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await createWorker(loadConfig({ ...process.env, QUEUE_PREFIX: api.config.QUEUE_PREFIX }), { reconcileEveryMs: 600_000 });
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Pause Cellule');
  });
  afterAll(async () => {
    await worker?.close();
    await api?.stop();
    await admin?.end();
  });

  it('tells the cell when publishing is paused directly, escalates, and stops the chain on resume; another tenant sees nothing', async () => {
    const org = await createOrganization(api, owner, 'Laiterie Pause');
    const other = await createOrganization(api, owner, 'Laiterie Voisine');
    const bob = await addOrganizationMember(api, owner, org, ['COMMUNITY_MANAGER']);
    const otherBob = await addOrganizationMember(api, owner, other, ['COMMUNITY_MANAGER']);
    await setCell(org, bob.userId);
    await setCell(other, otherBob.userId);

    // Hostile reasons are refused with their path: no pause, nobody told.
    for (const reason of ['Nul\u0000', 'Cassé \ud800', 'x'.repeat(100_000), '   ']) {
      const bad = firstError(await gql(SET_PAUSE, { input: { on: true, reason } }, org));
      expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    }
    expect(await notifications(org)).toEqual([]);
    expect((await ok<{ crisisPause: { active: boolean } }>('{ crisisPause { active } }', {}, org)).crisisPause.active).toBe(false);

    const paused = await ok<{ setCrisisPause: { active: boolean } }>(
      SET_PAUSE,
      { input: { on: true, reason: 'Rappel de produit : lot 42' } },
      org,
    );
    expect(paused.setCrisisPause.active).toBe(true);

    // The first step is told now, by mail, with the reason and the playbook; the later steps are due later.
    const told = await notifications(org);
    const byName = Object.fromEntries(told.map((n) => [n.memberName, [n.trigger, n.alertId, n.escalationStep, n.status]]));
    expect(byName).toEqual({
      Claire: ['CRISIS_PAUSE', null, 0, 'QUEUED'],
      Bob: ['CRISIS_PAUSE', null, 0, 'QUEUED'],
      DG: ['CRISIS_PAUSE', null, 1, 'SCHEDULED'],
      'Maître Dupuis': ['CRISIS_PAUSE', null, 2, 'SCHEDULED'],
    });
    expect(told.every((n) => n.reason === 'Rappel de produit : lot 42')).toBe(true);
    const first = await mails(org);
    expect(first.map((m) => m.recipient).sort()).toEqual(['claire@example.test', bob.email].sort());
    expect(first[0].subject).toContain('Publishing paused for a crisis');
    expect(first[0].text_body).toContain('Rappel de produit : lot 42');
    expect(first[0].text_body).toContain('1. Geler');
    expect(first[0].text_body).toContain('Nous suivons la situation de près.');

    // Another tenant: nothing told, nothing mailed, and it can neither resume nor see the pause.
    expect(await notifications(other)).toEqual([]);
    expect(await mails(other)).toEqual([]);
    const foreignResume = firstError(await gql(SET_PAUSE, { input: { on: false } }, other));
    expect(foreignResume.extensions.code).toBe('CONFLICT');
    const foreignPause = await ok<{ crisisPause: { active: boolean } }>('{ crisisPause { active } }', {}, other);
    expect(foreignPause.crisisPause.active).toBe(false);

    // The chain escalates as for an alert: DG's step, once due, is mailed (by this call or by a running worker).
    const escalation = worker.context.get(EscalateCrisisCellJob, { strict: false });
    await dueNow(org, 'DG');
    await escalation.handle({ organizationId: org });
    const dgMailed = await settled(
      () => mails(org),
      (rows) => rows.some((m) => m.recipient === 'dg@example.test'),
    );
    expect(dgMailed.filter((m) => m.recipient === 'dg@example.test')).toHaveLength(1);

    // The resume stops the chain: the last step is skipped, never mailed, even once due.
    await ok(RESUME, { input: {} }, org);
    const afterResume = await notifications(org);
    expect(afterResume.find((n) => n.memberName === 'Maître Dupuis')?.status).toBe('SKIPPED');
    expect(afterResume.find((n) => n.memberName === 'DG')?.status).toBe('QUEUED');
    await admin.query(
      "UPDATE crisis_cell_notifications SET due_at = now() - interval '1 minute' WHERE organization_id = $1 AND status = 'SCHEDULED'",
      [org],
    );
    expect(await escalation.handle({ organizationId: org })).toEqual({ sent: 0, skipped: 0 });
    expect((await mails(org)).some((m) => m.recipient === 'legal@example.test')).toBe(false);
    // The other tenant's cell was never called on.
    expect(await notifications(other)).toEqual([]);
  });

  it('skips a pause step that falls due after the pause ended, even if the resume did not reach it', async () => {
    const org = await createOrganization(api, owner, 'Laiterie Reprise');
    const bob = await addOrganizationMember(api, owner, org, ['COMMUNITY_MANAGER']);
    await setCell(org, bob.userId);
    await ok(SET_PAUSE, { input: { on: true, reason: 'Incident' } }, org);
    // The pause ends behind the application's back (as if a resume committed while this run read): the run holds it.
    await admin.query('UPDATE publishing_pauses SET active = false, resumed_at = now() WHERE organization_id = $1', [org]);
    await dueNow(org, 'DG');
    const escalation = worker.context.get(EscalateCrisisCellJob, { strict: false });
    const run = await escalation.handle({ organizationId: org });
    expect(run.sent).toBe(0);
    const dg = await settled(
      async () => (await notifications(org)).find((n) => n.memberName === 'DG'),
      (n) => n?.status !== 'SCHEDULED',
    );
    expect(dg?.status).toBe('SKIPPED');
    expect((await mails(org)).some((m) => m.recipient === 'dg@example.test')).toBe(false);
  });

  it('tells the cell once when publishing is paused from an alert, and not again when it is already paused', async () => {
    const org = await createOrganization(api, owner, 'Laiterie Alerte');
    const bob = await addOrganizationMember(api, owner, org, ['COMMUNITY_MANAGER']);
    await setCell(org, bob.userId);
    for (let d = 1; d <= 14; d++) {
      await admin.query(
        `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, published_at, sentiment_label, sentiment_score)
         VALUES ($1, 'bluesky', $2, 'old.bsky.social', 'Bof', $3, 'NEGATIVE', -0.8)`,
        [org, `m-${randomUUID()}`, new Date(Date.now() - d * DAY)],
      );
    }
    for (let i = 0; i < 25; i++) {
      await admin.query(
        `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, published_at, sentiment_label, sentiment_score)
         VALUES ($1, 'bluesky', $2, $3, $4, $5, 'NEGATIVE', -0.8)`,
        [org, `m-${randomUUID()}`, `user${i}.bsky.social`, `Scandale ${i}`, new Date(Date.now() - (i + 1) * 20_000)],
      );
    }
    const raised = await worker.context.get(EvaluateAlertsJob, { strict: false }).handle({ organizationId: org });
    expect(raised).toMatchObject({ raised: true });
    const alertId = raised.alertId as string;

    await ok('mutation ($input: AlertIdInput!) { pausePublishingForAlert(input: $input) { id } }', { input: { id: alertId } }, org);
    const pauseRows = async () => (await notifications(org)).filter((n) => n.trigger === 'CRISIS_PAUSE');
    const once = await pauseRows();
    expect(once.map((n) => n.memberName).sort()).toEqual(['Bob', 'Claire', 'DG', 'Maître Dupuis']);
    expect(once.every((n) => n.alertId === alertId)).toBe(true);
    const pauseMails = async () => (await mails(org)).filter((m) => m.subject.includes('Publishing paused for a crisis'));
    expect((await pauseMails()).map((m) => m.recipient).sort()).toEqual(['claire@example.test', bob.email].sort());

    // Already paused: asking again from the alert or directly tells nobody again.
    await ok('mutation ($input: AlertIdInput!) { pausePublishingForAlert(input: $input) { id } }', { input: { id: alertId } }, org);
    expect(firstError(await gql(SET_PAUSE, { input: { on: true, reason: 'Encore' } }, org)).extensions.code).toBe('CONFLICT');
    expect(await pauseRows()).toHaveLength(4);
    expect(await pauseMails()).toHaveLength(2);

    // Paused directly first, then from the alert: the alert finds the pause on and tells nobody.
    await ok(RESUME, { input: {} }, org);
    await ok(SET_PAUSE, { input: { on: true, reason: 'Décision de la direction' } }, org);
    expect(await pauseRows()).toHaveLength(8);
    await ok('mutation ($input: AlertIdInput!) { pausePublishingForAlert(input: $input) { id } }', { input: { id: alertId } }, org);
    expect(await pauseRows()).toHaveLength(8);
    expect(await pauseMails()).toHaveLength(4);
  });
});
