import { Client } from 'pg';
import request from 'supertest';
import { executiveReportReference, SendExecutiveReportJob } from '@socle/evaluation';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { MAIL_QUEUE, SendMailJob, SmtpMailer } from '@socle/platform-mail';
import { JobQueues } from '@socle/platform-queue';
import {
  addOrganizationMember,
  AgencySession,
  createOrganization,
  dropTestDatabase,
  ownTestDatabase,
  signUpAgency,
  TestApi,
} from '@socle/testing';
import { firstError } from './e2e-support';
import { LoopbackSmtp, ReceivedMail } from './loopback-smtp';

const SCHEDULE = 'enabled lastMonth timeZone nextMonth nextDueAt recipients';
const SET_SCHEDULE = `mutation ($input: SetExecutiveReportScheduleInput!) { setExecutiveReportSchedule(input: $input) { ${SCHEDULE} } }`;

/*
 * October 2026, handled at 09:00 in Paris on Monday 2 November 2026 (its first business day). A month already over:
 * the report is built and its PDF downloaded at the real time, which only refuses months not begun yet.
 */
const MONTH = '2026-10';
const DUE = new Date('2026-11-02T08:00:00.000Z');
const HOUR_MS = 3_600_000;

interface Schedule {
  enabled: boolean;
  lastMonth: string | null;
  timeZone: string;
  nextMonth: string;
  nextDueAt: string;
  recipients: number;
}

interface Person {
  token: string;
  userId: string;
  email: string;
}

/**
 * The monthly executive report mailed by itself, against the real API, PostgreSQL, Redis and an SMTP server on
 * loopback: turned on for an organisation in Paris, the job handles October 2026 as the worker would on the first
 * business day of November; each executive approver and strategy lead gets one mail in their own language and a
 * contributor none; the link read from the mail downloads the PDF; the month goes once however often and however
 * concurrently the job runs; turned off, nothing goes; another agency can neither read nor change the setting, and
 * its people get nothing.
 */
describe('monthly executive report mailed by itself', () => {
  let api: TestApi;
  let admin: Client;
  let smtp: LoopbackSmtp;
  let mailer: SmtpMailer;
  let sendMail: SendMailJob;
  let queues: JobQueues;
  let job: SendExecutiveReportJob;
  let owner: AgencySession;
  let org: string;
  let executiveFr: Person;
  let executiveEn: Person;
  let lead: Person;
  let contributor: Person;

  const ok = <T>(query: string, variables: Record<string, unknown>, organizationId: string, token = owner.token) =>
    api.ok<T>(query, variables, { token, organizationId });
  const gql = (query: string, variables: Record<string, unknown>, organizationId: string, token = owner.token) =>
    api.gql(query, variables, { token, organizationId });
  const outbox = async (organizationId: string) =>
    (
      await admin.query<{ recipient: string; subject: string; reference: string }>(
        "SELECT recipient, subject, reference FROM mail_outbox WHERE organization_id = $1 AND purpose = 'evaluation.executive-report' ORDER BY recipient",
        [organizationId],
      )
    ).rows;
  /** Sends what the organisation's outbox holds to the loopback SMTP server, and answers what arrived. */
  const deliver = async (organizationId: string): Promise<ReceivedMail[]> => {
    const before = smtp.received.length;
    await sendMail.handle({ organizationId });
    return smtp.received.slice(before);
  };
  const to = (mails: ReceivedMail[], email: string) => mails.filter((m) => m.to.includes(email));
  const linkIn = (mail: ReceivedMail) => /(https?:\/\/\S+\/reports\/\S+)/.exec(mail.text)?.[1] ?? null;
  const queuedJob = (organizationId: string, at: Date) =>
    queues.queue(MAIL_QUEUE).getJob(`executive-report-${organizationId}-${MONTH}-${Math.floor(at.getTime() / HOUR_MS)}`);
  const member = async (organizationId: string, roles: string[], name: string, locale: 'fr' | 'en', agencyOwner = owner) => {
    const person = await addOrganizationMember(api, agencyOwner, organizationId, roles);
    await admin.query('UPDATE users SET display_name = $2, locale = $3 WHERE id = $1', [person.userId, name, locale]);
    return person;
  };
  const organization = async (name: string, agencyOwner = owner) => {
    const id = await createOrganization(api, agencyOwner, name);
    await admin.query(`UPDATE organizations SET timezone = 'Europe/Paris', locale = 'fr' WHERE id = $1`, [id]);
    return id;
  };

  let database: ReturnType<typeof ownTestDatabase> | undefined;

  beforeAll(async () => {
    // A database of the suite's own: the workers other suites start on the run's shared database reconcile every
    // organisation in it at the real time, and would mail these organisations' real previous month in the middle of a test.
    database = ownTestDatabase();
    api = await TestApi.start(database.env);
    admin = new Client({ connectionString: database.adminUrl });
    await admin.connect();
    smtp = await new LoopbackSmtp().start();
    mailer = new SmtpMailer(smtp.url, { timeoutMs: 5000 });
    queues = api.app.get(JobQueues, { strict: false });
    sendMail = new SendMailJob(api.app.get(UnitOfWorkFactory, { strict: false }), queues, { from: 'no-reply@example.test' }, mailer);
    job = api.app.get(SendExecutiveReportJob, { strict: false });
    owner = await signUpAgency(api, 'Agence Direction');
    org = await organization('Mutuelle Rapport');
    executiveFr = await member(org, ['EXECUTIVE_APPROVER'], 'Philippe Morel', 'fr');
    executiveEn = await member(org, ['EXECUTIVE_APPROVER', 'VIEWER'], 'Anna Schmid', 'en');
    lead = await member(org, ['STRATEGY_LEAD', 'COORDINATOR'], 'Claire Vasseur', 'fr');
    contributor = await member(org, ['CONTRIBUTOR'], 'Émilie Blanc', 'fr');

    // October: three mentions against two in September, an inbox item answered in 30 minutes, a post with 12 interactions.
    let n = 0;
    for (const at of [
      '2026-09-10T10:00:00Z',
      '2026-09-20T10:00:00Z',
      '2026-10-05T10:00:00Z',
      '2026-10-12T10:00:00Z',
      '2026-10-20T10:00:00Z',
    ])
      await admin.query(
        `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, published_at, sentiment_label, sentiment_score)
         VALUES ($1, 'mastodon', $2, 'adherent', 'La mutuelle répond vite', $3, 'POSITIVE', 0.6)`,
        [org, `exec-${n++}`, at],
      );
    await admin.query(
      `INSERT INTO inbox_items (organization_id, source, external_id, kind, author_handle, text, received_at, due_at, responsible_role,
                                first_response_at, status)
       VALUES ($1, 'mastodon', 'exec-inbox', 'COMMENT', 'adherent', 'Bonjour', '2026-10-06T08:00:00Z', '2026-10-06T09:00:00Z',
               'COMMUNITY_MANAGER', '2026-10-06T08:30:00Z', 'ANSWERED')`,
      [org],
    );
    const [item] = (
      await admin.query<{ id: string }>(
        "INSERT INTO content_items (organization_id, title) VALUES ($1, 'Journée prévention santé') RETURNING id",
        [org],
      )
    ).rows;
    const [account] = (
      await admin.query<{ id: string }>(
        `INSERT INTO network_accounts (organization_id, network, handle, service_url, credentials_ciphertext, credentials_key_id, last_checked_at)
         VALUES ($1, 'mastodon', 'mutuelle@m.example', 'https://m.example', 'v1.t1.x.y.z', 't1', now()) RETURNING id`,
        [org],
      )
    ).rows;
    const [post] = (
      await admin.query<{ id: string }>(
        `INSERT INTO publications (organization_id, item_id, network_account_id, network, due_at, next_attempt_at, status, idempotency_key,
                                   external_id, external_url, published_at)
         VALUES ($1, $2, $3, 'mastodon', '2026-10-15T08:00:00Z', '2026-10-15T08:00:00Z', 'PUBLISHED', $4, '1', 'https://m.example/1',
                 '2026-10-15T08:00:00Z') RETURNING id`,
        [org, item.id, account.id, `exec-${item.id}`],
      )
    ).rows;
    await admin.query(
      `INSERT INTO metric_samples (organization_id, account_id, publication_id, metric, value, sampled_at)
       VALUES ($1, $2, $3, 'LIKES', 12, '2026-10-16T08:00:00Z')`,
      [org, account.id, post.id],
    );
    // A database of its own to migrate, the API, five people: beside a full run on two cores this takes longer than 30 s.
  }, 120_000);
  afterAll(async () => {
    mailer?.close();
    await smtp?.stop();
    await admin?.end();
    await api?.stop();
    if (database) await dropTestDatabase(database.name);
  });

  it('is off by default, says who it would go to, and is turned on by those who change the organisation’s settings', async () => {
    const initial = (await ok<{ executiveReportSchedule: Schedule }>(`{ executiveReportSchedule { ${SCHEDULE} } }`, {}, org))
      .executiveReportSchedule;
    expect(initial).toMatchObject({ enabled: false, lastMonth: null, timeZone: 'Europe/Paris', recipients: 3 });
    expect(initial.nextMonth).toMatch(/^\d{4}-\d{2}$/);
    // The executive reads it, but does not change the organisation's settings.
    const read = await ok<{ executiveReportSchedule: Schedule }>('{ executiveReportSchedule { enabled } }', {}, org, executiveFr.token);
    expect(read.executiveReportSchedule.enabled).toBe(false);
    expect(firstError(await gql(SET_SCHEDULE, { input: { enabled: true } }, org, executiveFr.token)).extensions.code).toBe('FORBIDDEN');
    expect(firstError(await gql('{ executiveReportSchedule { enabled } }', {}, org, contributor.token)).extensions.code).toBe('FORBIDDEN');
    expect(firstError(await gql(SET_SCHEDULE, { input: { enabled: 'yes' } }, org, lead.token)).extensions.code).toBe('BAD_USER_INPUT');

    // Not due before 09:00 in Paris on the month's first business day, even turned on.
    const on = (await ok<{ setExecutiveReportSchedule: Schedule }>(SET_SCHEDULE, { input: { enabled: true } }, org, lead.token))
      .setExecutiveReportSchedule;
    expect(on).toMatchObject({ enabled: true, recipients: 3 });
    const audit = await admin.query(
      "SELECT actor_id, metadata FROM audit_events WHERE organization_id = $1 AND action = 'executiveReport.schedule_changed'",
      [org],
    );
    expect(audit.rows).toEqual([{ actor_id: lead.userId, metadata: { enabled: true } }]);
    const early = new Date(DUE.getTime() - 60_000);
    await job.reconcile(early);
    expect(await queuedJob(org, early)).toBeFalsy();
  });

  it('mails the month once to each executive and strategy lead in their language, and the mailed link downloads the PDF', async () => {
    // At 09:00 in Paris the reconciler queues the month; the queued job then runs twice at once, and once more.
    await job.reconcile(DUE);
    const queued = await queuedJob(org, DUE);
    expect(queued?.data).toEqual({ organizationId: org, month: MONTH });
    const payload = { organizationId: org, month: MONTH }; // the queued job's, as checked above
    const runs = await Promise.all([job.handle(payload), job.handle(payload)]);
    expect(runs.map((r) => r.outcome).sort()).toEqual(['ALREADY_SENT', 'SENT']);
    expect(runs.find((r) => r.outcome === 'SENT')?.recipients).toBe(3);
    expect(await job.handle({ organizationId: org, month: MONTH })).toEqual({ outcome: 'ALREADY_SENT', recipients: 0 });
    // Handled: a later tick queues nothing more.
    const later = new Date(DUE.getTime() + 2 * HOUR_MS);
    await job.reconcile(later);
    expect(await queuedJob(org, later)).toBeFalsy();

    const rows = await outbox(org);
    expect(rows.map((r) => r.recipient).sort()).toEqual([executiveFr.email, executiveEn.email, lead.email].sort());
    expect(new Set(rows.map((r) => r.reference))).toEqual(new Set([executiveReportReference(org, MONTH)]));
    const subjects = Object.fromEntries(rows.map((r) => [r.recipient, r.subject]));
    expect(subjects[executiveFr.email]).toBe('Rapport mensuel de direction — octobre 2026 — Mutuelle Rapport');
    expect(subjects[lead.email]).toBe('Rapport mensuel de direction — octobre 2026 — Mutuelle Rapport');
    expect(subjects[executiveEn.email]).toBe('Monthly executive report — October 2026 — Mutuelle Rapport');
    const schedule = (await ok<{ executiveReportSchedule: Schedule }>(`{ executiveReportSchedule { ${SCHEDULE} } }`, {}, org))
      .executiveReportSchedule;
    expect(schedule.lastMonth).toBe(MONTH);

    const mails = await deliver(org);
    expect(to(mails, contributor.email)).toEqual([]);
    for (const person of [executiveFr, executiveEn, lead]) expect(to(mails, person.email)).toHaveLength(1);
    const [fr] = to(mails, executiveFr.email);
    const [en] = to(mails, executiveEn.email);
    const [leadMail] = to(mails, lead.email);
    expect(fr.text).toContain('Bonjour Philippe Morel,');
    expect(fr.text).toContain('pour octobre 2026');
    expect(fr.text).toContain('- Mentions\u00a0: 3 (+50\u00a0% par rapport à septembre 2026, 2)');
    expect(fr.text).toContain('- Messagerie\u00a0: 1 message reçu, 1 répondu, première réponse en 30 min (médiane)');
    expect(fr.text).toContain('« Journée prévention santé » (mastodon, 12 interactions, publiée le 15 octobre 2026)');
    expect(fr.text).toContain('fonctionne 14 jours');
    expect(en.text).toContain('Hello Anna Schmid,');
    expect(en.text).toContain('Here is the monthly executive report of Mutuelle Rapport for October 2026.');
    expect(en.text).toContain('- Mentions: 3 (+50% against September 2026, 2)');
    expect(en.text).toContain('- Inbox: 1 message received, 1 answered, median first response 30 min');
    expect(en.text).toContain('works for 14 days');
    expect(leadMail.text).toContain('Bonjour Claire Vasseur,');
    // Each link is its recipient's own.
    const links = [fr, en, leadMail].map(linkIn);
    expect(links.every((l) => l !== null)).toBe(true);
    expect(new Set(links).size).toBe(3);

    // Followed as the recipient's mail client would: the PDF, its download recorded as the recipient's.
    const res = await request(api.server)
      .get(new URL(links[1] as string).pathname)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/pdf/);
    expect((res.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const produced = await admin.query(
      `SELECT actor_id, metadata ->> 'kind' AS kind, metadata ->> 'periodStart' AS "periodStart", metadata ->> 'locale' AS locale
         FROM audit_events WHERE organization_id = $1 AND action = 'communityReport.produced'`,
      [org],
    );
    expect(produced.rows).toEqual([{ actor_id: executiveEn.userId, kind: 'MONTHLY', periodStart: '2026-10-01', locale: 'en' }]);

    // Sent: nothing more leaves, and the job finds nothing more to queue.
    expect(to(await deliver(org), executiveFr.email)).toEqual([]);
    expect(await outbox(org)).toHaveLength(3);
  });

  it('mails nothing once turned off, nor to an organisation that never turned it on', async () => {
    const off = await organization('Mutuelle Éteinte');
    const never = await organization('Mutuelle Muette');
    const offExecutive = await member(off, ['EXECUTIVE_APPROVER'], 'Directrice Éteinte', 'fr');
    const neverExecutive = await member(never, ['EXECUTIVE_APPROVER'], 'Directeur Muet', 'en');
    await ok(SET_SCHEDULE, { input: { enabled: true } }, off);
    const turnedOff = (await ok<{ setExecutiveReportSchedule: Schedule }>(SET_SCHEDULE, { input: { enabled: false } }, off))
      .setExecutiveReportSchedule;
    expect(turnedOff.enabled).toBe(false);
    await job.reconcile(DUE);
    expect(await queuedJob(off, DUE)).toBeFalsy();
    expect(await queuedJob(never, DUE)).toBeFalsy();
    expect(await job.handle({ organizationId: off, month: MONTH })).toEqual({ outcome: 'NOT_ENABLED', recipients: 0 });
    expect(await job.handle({ organizationId: never, month: MONTH })).toEqual({ outcome: 'NOT_ENABLED', recipients: 0 });
    expect(await outbox(off)).toEqual([]);
    expect(await outbox(never)).toEqual([]);
    expect(to(await deliver(off), offExecutive.email)).toEqual([]);
    expect(to(await deliver(never), neverExecutive.email)).toEqual([]);
    await expect(job.handle({ organizationId: off, month: '2026-13' })).rejects.toThrow(/YYYY-MM/);
  });

  it('lets another agency neither read nor change the setting, and mails none of its people', async () => {
    const stranger = await signUpAgency(api, 'Agence Étrangère');
    const theirs = await organization('Mutuelle Voisine', stranger);
    const theirExecutive = await member(theirs, ['EXECUTIVE_APPROVER'], 'Directeur Voisin', 'fr', stranger);
    const theirLead = await member(theirs, ['STRATEGY_LEAD'], 'Responsable Voisine', 'fr', stranger);
    for (const token of [stranger.token, theirLead.token]) {
      const read = firstError(await gql(`{ executiveReportSchedule { ${SCHEDULE} } }`, {}, org, token));
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(read.extensions.code);
      const write = firstError(await gql(SET_SCHEDULE, { input: { enabled: false } }, org, token));
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(write.extensions.code);
    }
    const mine = (await ok<{ executiveReportSchedule: Schedule }>(`{ executiveReportSchedule { ${SCHEDULE} } }`, {}, org))
      .executiveReportSchedule;
    expect(mine).toMatchObject({ enabled: true, lastMonth: MONTH, recipients: 3 });

    // Their own setting is theirs alone; it is off, so the month sends them nothing; ours never reaches them.
    const their = (
      await ok<{ executiveReportSchedule: Schedule }>(`{ executiveReportSchedule { ${SCHEDULE} } }`, {}, theirs, stranger.token)
    ).executiveReportSchedule;
    expect(their).toMatchObject({ enabled: false, lastMonth: null, recipients: 2 });
    expect(await job.handle({ organizationId: theirs, month: MONTH })).toEqual({ outcome: 'NOT_ENABLED', recipients: 0 });
    const everything = [...smtp.received, ...(await deliver(theirs)), ...(await deliver(org))];
    expect(to(everything, theirExecutive.email)).toEqual([]);
    expect(to(everything, theirLead.email)).toEqual([]);
    expect(await outbox(theirs)).toEqual([]);
  });
});
