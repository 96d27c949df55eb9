import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { loadConfig } from '@socle/platform-config';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { createWorker, RunningWorker } from '@socle/worker';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the evaluator run here by hand (the worker's handler list is the lead's)
import { AlertsRepository, AlertsService, EvaluateAlertsJob } from '../../libs/domain/community/src/lib/alerts';
import { adminDatabase, firstError, leaksIn } from './e2e-support';

interface AlertView {
  id: string;
  kind: string;
  status: string;
  observedCount: number;
  baselineMean: number;
  baselineDays: number;
  threshold: number;
  ratio: number;
  detections: number;
  mentionCount: number;
  proposedAction: string | null;
  crisisPauseOn: boolean;
  publishingPausedBy: string | null;
  publishingPausedAt: string | null;
  acknowledgedBy: string | null;
  resolvedBy: string | null;
  note: string | null;
  mentions: { id: string; text: string; sentiment: string; reach: number | null; publishedAt: string }[];
}

const ALERT = `id kind status observedCount baselineMean baselineDays threshold ratio detections mentionCount proposedAction crisisPauseOn
  publishingPausedBy publishingPausedAt acknowledgedBy resolvedBy note`;
const MENTIONS = '{ id text sentiment reach publishedAt }';
const LIST = `query ($status: AlertStatus) { alerts(first: 10, status: $status) { edges { node { ${ALERT} mentions(first: 2) ${MENTIONS} } } } }`;
const GET = `query ($id: ID!) { alert(id: $id) { ${ALERT} mentions(first: 100) ${MENTIONS} } }`;
const ACK = `mutation ($input: AlertMoveInput!) { acknowledgeAlert(input: $input) { ${ALERT} } }`;
const RESOLVE = `mutation ($input: AlertMoveInput!) { resolveAlert(input: $input) { ${ALERT} } }`;
const PAUSE = `mutation ($input: AlertIdInput!) { pausePublishingForAlert(input: $input) { ${ALERT} } }`;
const SETTINGS = '{ alertSettings { enabled sensitivity minCount windowMinutes baselineDays } }';
const SET_SETTINGS =
  'mutation ($input: SetAlertSettingsInput!) { setAlertSettings(input: $input) { enabled sensitivity minCount windowMinutes baselineDays } }';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Crisis alerts end to end: a baseline of mentions over the past days, then a
 * burst of negative ones; the evaluator raises one alert with its mentions
 * (however many evaluators run at once), a rising spike updates it, the
 * alert's proposed action turns the content module's crisis pause on.
 */
describe('crisis alerts', () => {
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
  const evaluate = (organizationId = org) => job.handle({ organizationId });
  const alertsOf = async (organizationId = org, status?: string) =>
    (await ok<{ alerts: { edges: { node: AlertView }[] } }>(LIST, { status }, organizationId)).alerts.edges.map((e) => e.node);

  /** Mentions written as the owner (listening's own journey is its suite's): `count` before `at`, `spacingMs` apart. */
  const mentions = async (
    organizationId: string,
    count: number,
    at: number,
    label: 'NEGATIVE' | 'NEUTRAL' | 'POSITIVE',
    reach: (i: number) => number | null = () => null,
    spacingMs = 20_000,
  ) => {
    for (let i = 0; i < count; i++) {
      await admin.query(
        `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, published_at, sentiment_label, sentiment_score, reach)
         VALUES ($1, 'bluesky', $2, $3, $4, $5, $6, $7, $8)`,
        [
          organizationId,
          `m-${randomUUID()}`,
          `user${i}.bsky.social`,
          `${label === 'NEGATIVE' ? 'Scandale, boycott' : 'Bonne journée'} ${i}`,
          new Date(at - (i + 1) * spacingMs),
          label,
          label === 'NEGATIVE' ? -0.8 : 0,
          reach(i),
        ],
      );
    }
  };
  /** A usual day: `perDay` negative mentions in the hour before now on each of the last 14 days, and neutral ones around. */
  const baseline = async (organizationId: string, perDay: number) => {
    for (let d = 1; d <= 14; d++) {
      await mentions(organizationId, perDay, Date.now() - d * DAY, 'NEGATIVE');
      await mentions(organizationId, 3, Date.now() - d * DAY - 3 * HOUR, 'NEUTRAL');
    }
  };

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await createWorker(loadConfig({ ...process.env, QUEUE_PREFIX: api.config.QUEUE_PREFIX }), { reconcileEveryMs: 600_000 });
    job = worker.context.get(EvaluateAlertsJob, { strict: false });
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Alertes');
    org = await createOrganization(api, owner, 'Boulangerie Alertes');
  });
  afterAll(async () => {
    await worker?.close();
    await api?.stop();
    await admin?.end();
  });

  it('raises one alert with the mentions behind it, updates it while the spike rises, and pauses publishing from it', async () => {
    await baseline(org, 2);
    // Quiet so far: no alert, and the reconciler finds the organisation (negative mentions stored since no evaluation).
    expect(await evaluate()).toEqual({ spike: false, alertId: null, raised: false });
    expect(await alertsOf()).toEqual([]);

    // The burst: 30 negative mentions in the last ten minutes, two of them widely read.
    await mentions(org, 30, Date.now(), 'NEGATIVE', (i) => (i === 7 ? 50_000 : i === 3 ? 9_000 : null));
    await mentions(org, 5, Date.now(), 'POSITIVE');
    const first = await evaluate();
    expect(first).toMatchObject({ spike: true, raised: true });
    expect((await alertsOf()).map((a) => a.id)).toEqual([first.alertId]);
    const alert = (await ok<{ alert: AlertView }>(GET, { id: first.alertId })).alert;
    expect(alert).toMatchObject({
      id: first.alertId,
      kind: 'NEGATIVE_SPIKE',
      status: 'OPEN',
      observedCount: 30,
      baselineMean: 2,
      baselineDays: 14,
      ratio: 15,
      detections: 1,
      mentionCount: 30,
      proposedAction: 'CRISIS_PAUSE',
      crisisPauseOn: false,
      publishingPausedAt: null,
    });
    expect(alert.threshold).toBe(10);
    // The most reached first, then the newest; only negative ones.
    expect(alert.mentions.slice(0, 2).map((m) => m.reach)).toEqual([50_000, 9_000]);
    expect(alert.mentions.every((m) => m.sentiment === 'NEGATIVE')).toBe(true);
    const rest = alert.mentions.slice(2).map((m) => Date.parse(m.publishedAt));
    expect(rest).toEqual([...rest].sort((a, b) => b - a));

    // The spike rises: the same alert, stronger, with the new mentions; no second alert.
    await mentions(org, 8, Date.now(), 'NEGATIVE');
    const second = await evaluate();
    expect(second).toMatchObject({ spike: true, raised: false, alertId: alert.id });
    const [updated, ...others] = await alertsOf();
    expect(others).toEqual([]);
    expect(updated).toMatchObject({ id: alert.id, observedCount: 38, detections: 2, mentionCount: 38 });

    // The proposed action: the content module's crisis pause, with the alert as its reason, audited.
    const paused = (await ok<{ pausePublishingForAlert: AlertView }>(PAUSE, { input: { id: alert.id } })).pausePublishingForAlert;
    expect(paused).toMatchObject({ crisisPauseOn: true, publishingPausedBy: owner.userId, status: 'OPEN' });
    const pause = (await ok<{ crisisPause: { active: boolean; reason: string } }>('{ crisisPause { active reason } }')).crisisPause;
    expect(pause.active).toBe(true);
    expect(pause.reason).toContain(alert.id);
    expect(pause.reason).toContain('38 negative mentions');
    // Again: nothing changes, no error (the pause is on, which is what was asked).
    const again = (await ok<{ pausePublishingForAlert: AlertView }>(PAUSE, { input: { id: alert.id } })).pausePublishingForAlert;
    expect(again.publishingPausedAt).toBe(paused.publishingPausedAt);
    const audit = await admin.query<{ action: string; metadata: { started: boolean } }>(
      "SELECT action, metadata FROM audit_events WHERE organization_id = $1 AND action IN ('content.crisis_paused', 'alerts.publishing_paused') ORDER BY occurred_at",
      [org],
    );
    expect(audit.rows.map((r) => [r.action, r.metadata.started ?? null])).toEqual([
      ['content.crisis_paused', null],
      ['alerts.publishing_paused', true],
      ['alerts.publishing_paused', false],
    ]);

    // The workflow: acknowledged once, then resolved; a resolved alert is final.
    const acknowledged = (await ok<{ acknowledgeAlert: AlertView }>(ACK, { input: { id: alert.id, note: 'On s’en occupe' } }))
      .acknowledgeAlert;
    expect(acknowledged).toMatchObject({ status: 'ACKNOWLEDGED', acknowledgedBy: owner.userId, note: 'On s’en occupe' });
    const twice = firstError(await gql(ACK, { input: { id: alert.id } }));
    expect(twice.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALERT_TRANSITION_NOT_ALLOWED',
      field: 'input.id',
      status: 'ACKNOWLEDGED',
    });
    // Still rising while acknowledged: the acknowledged alert is updated, not doubled.
    await mentions(org, 4, Date.now(), 'NEGATIVE');
    expect(await evaluate()).toMatchObject({ raised: false, alertId: alert.id });
    const resolved = (await ok<{ resolveAlert: AlertView }>(RESOLVE, { input: { id: alert.id } })).resolveAlert;
    expect(resolved).toMatchObject({ status: 'RESOLVED', resolvedBy: owner.userId, observedCount: 42 });
    expect(firstError(await gql(RESOLVE, { input: { id: alert.id } })).extensions).toMatchObject({ code: 'CONFLICT', status: 'RESOLVED' });

    // The mentions it covered do not raise another; a new burst after the resolution does.
    expect(await evaluate()).toMatchObject({ spike: false, raised: false });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await mentions(org, 12, Date.now(), 'NEGATIVE', () => null, 5);
    const next = await evaluate();
    expect(next).toMatchObject({ spike: true, raised: true });
    expect(next.alertId).not.toBe(alert.id);
    expect((await alertsOf(org, 'OPEN')).map((a) => a.id)).toEqual([next.alertId]);
  });

  it('raises one alert when evaluators run at once (the partial unique index), and the database refuses a second open one', async () => {
    const orgB = await createOrganization(api, owner, 'Concurrence Alertes');
    await baseline(orgB, 1);
    await mentions(orgB, 25, Date.now(), 'NEGATIVE');
    const runs = await Promise.all([evaluate(orgB), evaluate(orgB), evaluate(orgB), evaluate(orgB)]);
    expect(runs.filter((r) => r.raised)).toHaveLength(1);
    expect(new Set(runs.map((r) => r.alertId)).size).toBe(1);
    const rows = await admin.query<{ id: string; detections: number; links: number }>(
      `SELECT a.id, a.detections, (SELECT count(*)::int FROM alert_mentions x WHERE x.alert_id = a.id) AS links FROM alerts a WHERE a.organization_id = $1`,
      [orgB],
    );
    expect(rows.rows).toEqual([{ id: runs[0].alertId, detections: 4, links: 25 }]);
    await expect(
      admin.query(
        `INSERT INTO alerts (organization_id, kind, window_start, window_end, observed_count, baseline_mean, baseline_stddev, baseline_days, threshold, ratio, sensitivity)
         VALUES ($1, 'NEGATIVE_SPIKE', now() - interval '1 hour', now(), 1, 0, 0, 14, 10, 1, 'MEDIUM')`,
        [orgB],
      ),
    ).rejects.toThrow(/alerts_unresolved_key/);
    // The workflow is held by the database too.
    await admin.query("UPDATE alerts SET status = 'RESOLVED', resolved_at = now() WHERE organization_id = $1", [orgB]);
    await expect(admin.query("UPDATE alerts SET status = 'OPEN' WHERE organization_id = $1", [orgB])).rejects.toThrow(
      /cannot go from RESOLVED/,
    );
  });

  it('keeps at most 100 mentions behind an alert, the most reached first', async () => {
    const orgC = await createOrganization(api, owner, 'Plafond Alertes');
    await mentions(orgC, 130, Date.now(), 'NEGATIVE', (i) => (i === 129 ? 1_000_000 : null));
    const run = await evaluate(orgC);
    const alert = (await ok<{ alert: AlertView }>(GET, { id: run.alertId }, orgC)).alert;
    expect(alert.observedCount).toBe(130);
    expect(alert.mentionCount).toBe(100);
    // The oldest mention is kept: it is the most read.
    expect(alert.mentions[0].reach).toBe(1_000_000);
  });

  it('lets those who manage listening tune the settings; off means no alert; the reconciler finds organisations with new negative mentions', async () => {
    const orgD = await createOrganization(api, owner, 'Réglages Alertes');
    expect((await ok<{ alertSettings: unknown }>(SETTINGS, {}, orgD)).alertSettings).toEqual({
      enabled: true,
      sensitivity: 'MEDIUM',
      minCount: 10,
      windowMinutes: 60,
      baselineDays: 14,
    });
    const set = (await ok<{ setAlertSettings: unknown }>(SET_SETTINGS, { input: { enabled: false, minCount: 3 } }, orgD)).setAlertSettings;
    expect(set).toEqual({ enabled: false, sensitivity: 'MEDIUM', minCount: 3, windowMinutes: 60, baselineDays: 14 });
    await mentions(orgD, 20, Date.now(), 'NEGATIVE');
    const units = worker.context.get(UnitOfWorkFactory, { strict: false });
    const repository = worker.context.get(AlertsRepository, { strict: false });
    const due = () => units.run({}, (uow) => repository.organizationsDue(uow, new Date(Date.now() - DAY), 10_000));
    expect(await due()).not.toContain(orgD);
    expect(await evaluate(orgD)).toEqual({ spike: false, alertId: null, raised: false });

    await ok(SET_SETTINGS, { input: { enabled: true, sensitivity: 'HIGH' } }, orgD);
    expect(await due()).toContain(orgD);
    expect(await evaluate(orgD)).toMatchObject({ spike: true, raised: true });
    // Evaluated: not due again until a new negative mention is stored (a minute of margin covers transactions open while it read).
    await admin.query('UPDATE alert_settings SET last_evaluated_at = now() WHERE organization_id = $1', [orgD]);
    expect(await due()).not.toContain(orgD);
    await mentions(orgD, 1, Date.now(), 'NEGATIVE');
    expect(await due()).toContain(orgD);
  });

  it('is run by the worker: its reconcile queues the evaluation of an organisation with new negative mentions', async () => {
    const orgE = await createOrganization(api, owner, 'Worker Alertes');
    await mentions(orgE, 15, Date.now(), 'NEGATIVE');
    expect(await worker.reconcile()).toBeGreaterThanOrEqual(1);
    let found: AlertView[] = [];
    for (let i = 0; i < 100 && found.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      found = await alertsOf(orgE);
    }
    expect(found.map((a) => [a.status, a.observedCount])).toEqual([['OPEN', 15]]);
  });

  it('tells the listeners of raised alerts inside the raise’s transaction; a listener that fails undoes the raise', async () => {
    const service = worker.context.get(AlertsService, { strict: false });
    const orgF = await createOrganization(api, owner, 'Écouteurs Alertes');
    const heard: { id: string; seenInTransaction: number; mentions: number }[] = [];
    let fail = true;
    service.onRaised(async (ctx, alert) => {
      if (ctx.organizationId !== orgF) return;
      const [row] = await ctx.uow.query<{ n: number }>('SELECT count(*)::int AS n FROM alerts WHERE organization_id = $1 AND id = $2', [
        ctx.organizationId,
        alert.id,
      ]);
      heard.push({ id: alert.id, seenInTransaction: row.n, mentions: alert.mentionCount });
      if (fail) throw new Error('the notification could not be recorded');
    });
    await mentions(orgF, 12, Date.now(), 'NEGATIVE');
    await expect(evaluate(orgF)).rejects.toThrow('the notification could not be recorded');
    expect(await alertsOf(orgF)).toEqual([]);
    fail = false;
    const run = await evaluate(orgF);
    expect(run.raised).toBe(true);
    expect(heard.map((h) => h.seenInTransaction)).toEqual([1, 1]);
    expect(heard[1]).toEqual({ id: run.alertId, seenInTransaction: 1, mentions: 12 });
    // An update of the unresolved alert is not a new raise.
    await evaluate(orgF);
    expect(heard).toHaveLength(2);
  });

  it('answers hostile input with a 4xx naming the field, and stores nothing', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      [GET, { id: 'not-an-id' }, 'id'],
      [ACK, { input: { id: "1' OR '1'='1" } }, 'input.id'],
      [ACK, { input: { id: randomUUID(), note: 'x'.repeat(2001) } }, 'input.note'],
      [ACK, { input: { id: randomUUID(), note: '' } }, 'input.note'],
      [SET_SETTINGS, { input: { minCount: 0 } }, 'input.minCount'],
      [SET_SETTINGS, { input: { windowMinutes: 5 } }, 'input.windowMinutes'],
      [SET_SETTINGS, { input: { baselineDays: 365 } }, 'input.baselineDays'],
    ];
    for (const [query, variables, field] of cases) {
      const res = await gql(query, variables);
      const error = firstError(res);
      expect(res.status).toBeLessThan(500);
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(error.extensions)).toContain(field);
      expect(leaksIn(res.body)).toEqual([]);
    }
    // A NUL in a note cannot be stored: refused, not a 500.
    const [open] = await alertsOf(org, 'OPEN');
    const nul = await gql(ACK, { input: { id: open.id, note: 'a\u0000b' } });
    expect(nul.status).toBeLessThan(500);
    expect(firstError(nul).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await ok<{ alert: AlertView }>(GET, { id: open.id })).alert.status).toBe('OPEN');
    // Wrong enum and out-of-range values never reach the service.
    expect((await gql(LIST, { status: 'CLOSED' })).status).toBeLessThan(500);
    expect(firstError(await gql(GET, { id: randomUUID() })).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect((await ok<{ alertSettings: { minCount: number } }>(SETTINGS)).alertSettings.minCount).toBe(10);
  });

  it('reads with listening.read, acknowledges with listening.manage, pauses with content.crisisPause', async () => {
    const viewer = await addOrganizationMember(api, owner, org, ['VIEWER']);
    const analyst = await addOrganizationMember(api, owner, org, ['ANALYST']);
    const manager = await addOrganizationMember(api, owner, org, ['COMMUNITY_MANAGER']);
    const [open] = await alertsOf(org, 'OPEN');
    expect((await gql(GET, { id: open.id }, org, viewer.token)).body.errors).toBeUndefined();
    expect(firstError(await gql(ACK, { input: { id: open.id } }, org, viewer.token)).extensions.code).toBe('FORBIDDEN');
    expect(firstError(await gql(PAUSE, { input: { id: open.id } }, org, analyst.token)).extensions.code).toBe('FORBIDDEN');
    expect(firstError(await gql(SET_SETTINGS, { input: { minCount: 5 } }, org, viewer.token)).extensions.code).toBe('FORBIDDEN');
    const acknowledged = await gql(ACK, { input: { id: open.id } }, org, manager.token);
    expect(acknowledged.body.errors).toBeUndefined();
  });
});
