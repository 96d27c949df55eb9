import type { Client } from 'pg';
import { loadConfig } from '@socle/platform-config';
import { SendAdvocacyDigestJob } from '@socle/strategy';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { createWorker, RunningWorker } from '@socle/worker';
import { adminDatabase, firstError } from './e2e-support';

const SCHEDULE = 'enabled lastMonth timeZone nextMonth nextDueAt';
const SET_SCHEDULE = `mutation ($input: SetAdvocacyDigestScheduleInput!) { setAdvocacyDigestSchedule(input: $input) { ${SCHEDULE} } }`;

/*
 * The reconcilers here run at a fixed instant in 2030, so that the workers of other suites (which run at the real
 * time on the same database, and may look at these organisations for the real previous month) never handle the
 * month these tests expect. Monday 2 December 2030 is the first business day of December.
 */
const PARIS_DUE = new Date('2030-12-02T08:00:00.000Z'); // 09:00 in Paris
const LOS_ANGELES_DUE = new Date('2030-12-02T17:00:00.000Z'); // 09:00 in Los Angeles
const MONTH = '2030-11';

interface Schedule {
  enabled: boolean;
  lastMonth: string | null;
  timeZone: string;
  nextMonth: string;
  nextDueAt: string;
}

/** Polls `read` until `done` (the worker sends what a reconciler queued), for at most 15 s. */
async function settled<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const end = Date.now() + 15_000;
  let value = await read();
  while (!done(value) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/**
 * The monthly advocacy digest sent by itself by the worker: the previous month's,
 * at 09:00 on the first business day in the organisation's time zone, for the
 * organisations that turned it on, once even with reconcilers racing, and no
 * empty mail. Another tenant can neither read nor change the setting.
 */
describe('advocacy digest sent by itself', () => {
  let api: TestApi;
  let workers: RunningWorker[];
  let admin: Client;
  let owner: AgencySession;

  const ok = <T>(query: string, variables: Record<string, unknown>, organizationId: string, token = owner.token) =>
    api.ok<T>(query, variables, { token, organizationId });
  const gql = (query: string, variables: Record<string, unknown>, organizationId: string, token = owner.token) =>
    api.gql(query, variables, { token, organizationId });
  const jobs = () => workers.map((w) => w.context.get(SendAdvocacyDigestJob, { strict: false }));
  const digestMails = async (organizationId: string) =>
    (
      await admin.query<{ recipient: string; subject: string; text_body: string }>(
        "SELECT recipient, subject, text_body FROM mail_outbox WHERE organization_id = $1 AND purpose = 'strategy.advocacy-digest' ORDER BY recipient",
        [organizationId],
      )
    ).rows;
  const lastMonth = async (organizationId: string) =>
    (
      await admin.query<{ last_month: string | null }>('SELECT last_month FROM advocacy_digest_settings WHERE organization_id = $1', [
        organizationId,
      ])
    ).rows[0]?.last_month ?? null;
  const publish = async (organizationId: string, title: string, at: string) => {
    const [item] = (
      await admin.query<{ id: string }>('INSERT INTO content_items (organization_id, title) VALUES ($1, $2) RETURNING id', [
        organizationId,
        title,
      ])
    ).rows;
    const [variant] = (
      await admin.query<{ id: string }>(
        "INSERT INTO content_variants (organization_id, item_id, network, text) VALUES ($1, $2, 'mastodon', $3) RETURNING id",
        [organizationId, item.id, `${title} : à partager !`],
      )
    ).rows;
    await admin.query(
      `INSERT INTO publications (organization_id, item_id, variant_id, network, due_at, next_attempt_at, status, idempotency_key, external_id, external_url, published_at)
       VALUES ($1, $2, $3, 'mastodon', $4, $4, 'PUBLISHED', $5, '1', 'https://m.example/1', $4)`,
      [organizationId, item.id, variant.id, at, `digest-${item.id}`],
    );
  };
  const organization = async (name: string, timeZone: string, enabled: boolean | null) => {
    const id = await createOrganization(api, owner, name);
    await admin.query('UPDATE organizations SET timezone = $2 WHERE id = $1', [id, timeZone]);
    const member = await addOrganizationMember(api, owner, id, ['VIEWER']);
    if (enabled !== null) await ok(SET_SCHEDULE, { input: { enabled } }, id);
    return { id, member };
  };

  beforeAll(async () => {
    api = await TestApi.start();
    const config = loadConfig({ ...process.env, QUEUE_PREFIX: api.config.QUEUE_PREFIX });
    // Two workers: two reconcilers racing for the same organisations.
    workers = [await createWorker(config, { reconcileEveryMs: 600_000 }), await createWorker(config, { reconcileEveryMs: 600_000 })];
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Ambassadeurs');
  });
  afterAll(async () => {
    for (const worker of workers ?? []) await worker.close();
    await api?.stop();
    await admin?.end();
  });

  it('is off by default, and tells when it goes next once turned on', async () => {
    const org = await createOrganization(api, owner, 'Coopérative Réglage');
    const initial = await ok<{ advocacyDigestSchedule: Schedule }>(`{ advocacyDigestSchedule { ${SCHEDULE} } }`, {}, org);
    expect(initial.advocacyDigestSchedule).toMatchObject({ enabled: false, lastMonth: null, timeZone: 'Europe/Paris' });
    const on = await ok<{ setAdvocacyDigestSchedule: Schedule }>(SET_SCHEDULE, { input: { enabled: true } }, org);
    expect(on.setAdvocacyDigestSchedule.enabled).toBe(true);
    expect(on.setAdvocacyDigestSchedule.nextMonth).toMatch(/^\d{4}-\d{2}$/);
    const audit = await admin.query(
      "SELECT 1 FROM audit_events WHERE organization_id = $1 AND action = 'strategy.setAdvocacyDigestSchedule'",
      [org],
    );
    expect(audit.rowCount).toBe(1);
  });

  it('queues the previous month’s digest once, at 09:00 local on the first business day, with two reconcilers racing', async () => {
    const paris = await organization('Fromagerie Ambassadrice', 'Europe/Paris', true);
    const la = await organization('Creamery Ambassador', 'America/Los_Angeles', true);
    const off = await organization('Fromagerie Discrète', 'Europe/Paris', false);
    const quiet = await organization('Fromagerie Silencieuse', 'Europe/Paris', true);
    for (const org of [paris, la, off]) {
      await publish(org.id, 'Comté 30 mois', '2030-11-15T10:00:00Z');
      await publish(org.id, 'Tomme fermière', '2030-11-20T10:00:00Z');
    }
    await publish(quiet.id, 'Publié en octobre', '2030-10-20T10:00:00Z');

    // A minute before 09:00 in Paris nothing is due anywhere.
    const [a, b] = jobs();
    await Promise.all([a.reconcile(new Date(PARIS_DUE.getTime() - 60_000)), b.reconcile(new Date(PARIS_DUE.getTime() - 60_000))]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await digestMails(paris.id)).toEqual([]);

    // At 09:00 in Paris: both reconcilers, and the handler called twice more at once, race.
    await Promise.all([
      a.reconcile(PARIS_DUE),
      b.reconcile(PARIS_DUE),
      a.reconcile(PARIS_DUE),
      a.handle({ organizationId: paris.id, month: MONTH }),
      b.handle({ organizationId: paris.id, month: MONTH }),
    ]);
    const mails = await settled(
      () => digestMails(paris.id),
      (rows) => rows.length > 0,
    );
    await settled(
      () => lastMonth(quiet.id),
      (month) => month === MONTH,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = await digestMails(paris.id);
    expect(after).toEqual(mails);
    expect(after.map((m) => m.recipient)).toContain(paris.member.email);
    expect(new Set(after.map((m) => m.recipient)).size).toBe(after.length); // one mail per member, never two
    expect(after[0].subject).toBe('Fromagerie Ambassadrice — nos meilleures publications de novembre 2030');
    expect(after[0].text_body).toContain('Comté 30 mois : à partager !');
    expect(await lastMonth(paris.id)).toBe(MONTH);

    // Not yet 09:00 in Los Angeles; not turned on; nothing published that month (no empty mail, the month is handled).
    expect(await digestMails(la.id)).toEqual([]);
    expect(await digestMails(off.id)).toEqual([]);
    expect(await digestMails(quiet.id)).toEqual([]);
    expect(await lastMonth(quiet.id)).toBe(MONTH);

    // 09:00 in Los Angeles: its digest goes; Paris's does not go again.
    await Promise.all([a.reconcile(LOS_ANGELES_DUE), b.reconcile(LOS_ANGELES_DUE)]);
    const laMails = await settled(
      () => digestMails(la.id),
      (rows) => rows.length > 0,
    );
    expect(laMails.map((m) => m.recipient)).toContain(la.member.email);
    expect(laMails[0].subject).toContain('novembre 2030');
    await a.handle({ organizationId: paris.id, month: MONTH });
    expect(await digestMails(paris.id)).toEqual(after);
    expect(await digestMails(off.id)).toEqual([]);

    // Sent by itself, the month cannot be sent again by hand.
    const byHand = firstError(await gql('mutation { sendAdvocacyDigest(input: { month: "2030-11" }) { recipients } }', {}, paris.id));
    expect(byHand.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_SENT' });
  });

  it('sends nothing for a month already sent by hand, nor after it was turned off', async () => {
    const byHand = await organization('Laiterie Manuelle', 'Europe/Paris', true);
    const turnedOff = await organization('Laiterie Éteinte', 'Europe/Paris', true);
    for (const org of [byHand, turnedOff]) await publish(org.id, 'Beurre cru', '2030-11-10T10:00:00Z');
    await ok('mutation { sendAdvocacyDigest(input: { month: "2030-11" }) { recipients } }', {}, byHand.id);
    const sentByHand = await digestMails(byHand.id);
    expect(sentByHand.length).toBeGreaterThan(0);
    await ok(SET_SCHEDULE, { input: { enabled: false } }, turnedOff.id);
    const [a] = jobs();
    expect(await a.handle({ organizationId: byHand.id, month: MONTH })).toEqual({ outcome: 'ALREADY_SENT', recipients: 0 });
    expect(await a.handle({ organizationId: turnedOff.id, month: MONTH })).toEqual({ outcome: 'NOT_ENABLED', recipients: 0 });
    expect(await digestMails(byHand.id)).toEqual(sentByHand);
    expect(await digestMails(turnedOff.id)).toEqual([]);
    await expect(a.handle({ organizationId: byHand.id, month: '2030-13' })).rejects.toThrow(/YYYY-MM/);
  });

  it('lets another tenant neither read nor change the setting', async () => {
    const mine = await organization('Fromagerie Gardée', 'Europe/Paris', true);
    const other = await createOrganization(api, owner, 'Fromagerie Étrangère');
    const stranger = await addOrganizationMember(api, owner, other, ['STRATEGY_LEAD']);
    const read = firstError(await gql(`{ advocacyDigestSchedule { ${SCHEDULE} } }`, {}, mine.id, stranger.token));
    expect(['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED']).toContain(read.extensions.code);
    const write = firstError(await gql(SET_SCHEDULE, { input: { enabled: false } }, mine.id, stranger.token));
    expect(['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED']).toContain(write.extensions.code);
    // The stranger's own organisation is its own: turning it on there leaves the other untouched.
    await ok(SET_SCHEDULE, { input: { enabled: true } }, other, stranger.token);
    const still = await ok<{ advocacyDigestSchedule: Schedule }>(`{ advocacyDigestSchedule { ${SCHEDULE} } }`, {}, mine.id);
    expect(still.advocacyDigestSchedule.enabled).toBe(true);
    await ok(SET_SCHEDULE, { input: { enabled: false } }, other, stranger.token);
    expect(
      (await ok<{ advocacyDigestSchedule: Schedule }>(`{ advocacyDigestSchedule { enabled } }`, {}, mine.id)).advocacyDigestSchedule
        .enabled,
    ).toBe(true);
    // Hostile values: refused with the field's path, nothing changed.
    for (const enabled of ['yes', null, 'false\u0000', '\ud800', 'x'.repeat(100_000)]) {
      const bad = firstError(await gql(SET_SCHEDULE, { input: { enabled } }, mine.id));
      expect(bad.extensions.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(bad)).toContain('enabled');
    }
    expect(firstError(await gql(SET_SCHEDULE, { input: {} }, mine.id)).extensions.code).toBe('BAD_USER_INPUT');
    expect(
      (await ok<{ advocacyDigestSchedule: Schedule }>(`{ advocacyDigestSchedule { enabled } }`, {}, mine.id)).advocacyDigestSchedule
        .enabled,
    ).toBe(true);
    // A viewer of the organisation reads the setting but cannot change it.
    const viewer = firstError(await gql(SET_SCHEDULE, { input: { enabled: false } }, mine.id, mine.member.token));
    expect(viewer.extensions.code).toBe('FORBIDDEN');
  });
});
