import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { infrastructureModules } from '@socle/domain-catalog';
import { loadConfig } from '@socle/platform-config';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { JobQueues } from '@socle/platform-queue';
import { createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { MailModule, MailOutbox, SendMailJob, SmtpMailer, ORGANIZATION_OUTBOX } from '@socle/platform-mail';
import { isolatedPrefix } from './e2e-support';
import { LoopbackSmtp } from './loopback-smtp';

describe('mail outbox and its job (real PostgreSQL, SMTP on loopback)', () => {
  let api: TestApi;
  let admin: Client;
  let smtp: LoopbackSmtp;
  let units: UnitOfWorkFactory;
  let queues: JobQueues;
  let outbox: MailOutbox;
  let mailer: SmtpMailer;
  let orgA: string;
  let orgB: string;

  const rows = async (org: string) =>
    (
      await admin.query<{
        id: string;
        recipient: string;
        status: string;
        attempts: number;
        last_error: string | null;
        next_attempt_at: Date;
      }>(
        'SELECT id, recipient, status, attempts, last_error, next_attempt_at FROM mail_outbox WHERE organization_id = $1 ORDER BY created_at, recipient',
        [org],
      )
    ).rows;
  const job = (withMailer = true, firstDelayMs = 50) => {
    const j = new SendMailJob(units, queues, { from: 'Socle <no-reply@example.test>' }, withMailer ? mailer : null);
    j.policy = { maxAttempts: 3, firstDelayMs, maxDelayMs: 1000 };
    return j;
  };
  const send = (org: string, to: string, reference: string | null = null) =>
    units.runInOrganization(org, (uow) =>
      outbox.enqueue(uow, [{ to, subject: 'Bonjour', text: 'Un texte accentué : élève.', purpose: 'tests.mail', reference }]),
    );

  beforeAll(async () => {
    api = await TestApi.start();
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    smtp = await new LoopbackSmtp().start();
    units = api.app.get(UnitOfWorkFactory, { strict: false });
    queues = api.app.get(JobQueues, { strict: false });
    outbox = new MailOutbox(queues);
    mailer = new SmtpMailer(smtp.url, { timeoutMs: 5000 });
    const a = await signUpAgency(api, 'Agence Mail A');
    const b = await signUpAgency(api, 'Agence Mail B');
    orgA = await createOrganization(api, a, 'Client Mail A');
    orgB = await createOrganization(api, b, 'Client Mail B');
  });
  afterAll(async () => {
    mailer?.close();
    await smtp?.stop();
    await admin?.end();
    await api?.stop();
  });

  it('writes mails in the caller’s transaction: a rolled-back change leaves none', async () => {
    await expect(
      units.runInOrganization(orgA, async (uow) => {
        await outbox.enqueue(uow, [{ to: 'rolled@example.test', subject: 'x', text: 'x', purpose: 'tests.mail' }]);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await rows(orgA)).filter((r) => r.recipient === 'rolled@example.test')).toEqual([]);
  });

  it('keeps mails PENDING without an SMTP server, then sends them once one is there', async () => {
    await send(orgA, 'waiting@example.test');
    expect(await job(false).handle({ organizationId: orgA })).toEqual({ sent: 0, retried: 0, failed: 0, waiting: true });
    expect((await rows(orgA)).find((r) => r.recipient === 'waiting@example.test')).toMatchObject({ status: 'PENDING', attempts: 0 });

    const summary = await job().handle({ organizationId: orgA });
    expect(summary.sent).toBe(1);
    expect((await rows(orgA)).find((r) => r.recipient === 'waiting@example.test')).toMatchObject({ status: 'SENT', attempts: 1 });
    // A sent mail's body (its links are their own permission) is not kept.
    const body = await admin.query<{ text_body: string }>(
      `SELECT text_body FROM mail_outbox WHERE organization_id = $1 AND recipient = $2`,
      [orgA, 'waiting@example.test'],
    );
    expect(body.rows).toEqual([{ text_body: '' }]);
    const mail = smtp.received.find((m) => m.to.includes('waiting@example.test'));
    expect(mail?.from).toBe('no-reply@example.test');
    expect(mail?.text).toContain('Un texte accentué : élève.');
  });

  it('retries a 4xx refusal with back-off, gives up on a 5xx one at once', async () => {
    let busy = 1;
    smtp.refuse = (to) => (to === 'busy@example.test' && busy-- > 0 ? 451 : to === 'unknown@example.test' ? 550 : null);
    await send(orgA, 'busy@example.test');
    await send(orgA, 'unknown@example.test');
    const first = await job(true, 600).handle({ organizationId: orgA });
    expect(first).toMatchObject({ sent: 0, retried: 1, failed: 1 });
    const after = await rows(orgA);
    expect(after.find((r) => r.recipient === 'busy@example.test')).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      last_error: 'SMTP reply 451',
    });
    expect(after.find((r) => r.recipient === 'unknown@example.test')).toMatchObject({
      status: 'FAILED',
      attempts: 1,
      last_error: 'SMTP reply 550',
    });

    // Not due yet: nothing is claimed before the back-off.
    expect((await job().handle({ organizationId: orgA })).sent).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect((await job().handle({ organizationId: orgA })).sent).toBe(1);
    expect((await rows(orgA)).find((r) => r.recipient === 'busy@example.test')).toMatchObject({ status: 'SENT', attempts: 2 });
    smtp.refuse = () => null;
  });

  it('gives a mail up after the last attempt', async () => {
    smtp.refuse = (to) => (to === 'down@example.test' ? 421 : null);
    await send(orgA, 'down@example.test');
    for (let i = 0; i < 3; i += 1) {
      await job().handle({ organizationId: orgA });
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    expect((await rows(orgA)).find((r) => r.recipient === 'down@example.test')).toMatchObject({ status: 'FAILED', attempts: 3 });
    smtp.refuse = () => null;
  });

  it('cancels pending mails of a reference, and a job of one organisation sends none of another’s', async () => {
    const reference = '00000000-0000-4000-8000-000000000001';
    await send(orgB, 'other-tenant@example.test');
    await send(orgA, 'cancelled@example.test', reference);
    expect(await units.runInOrganization(orgA, (uow) => outbox.cancelFor(uow, [reference]))).toBe(1);
    // B's unit of work does not see A's rows (row-level security), nor can it cancel them.
    expect(await units.runInOrganization(orgB, (uow) => outbox.cancelFor(uow, [reference]))).toBe(0);

    const before = smtp.received.length;
    await job().handle({ organizationId: orgA });
    expect(smtp.received.slice(before).map((m) => m.to[0])).not.toContain('other-tenant@example.test');
    expect(smtp.received.slice(before).map((m) => m.to[0])).not.toContain('cancelled@example.test');
    expect((await rows(orgB)).find((r) => r.recipient === 'other-tenant@example.test')?.status).toBe('PENDING');

    // The reconciler finds B's due mail across tenants (ids only).
    const due = await units.run({}, (uow) => ORGANIZATION_OUTBOX.dueTenants(uow, 1000));
    expect(due).toContain(orgB);
    expect(due).not.toContain(orgA);
    await job().handle({ organizationId: orgB });
    expect((await rows(orgB)).find((r) => r.recipient === 'other-tenant@example.test')?.status).toBe('SENT');
  });

  it('cannot read or write another organisation’s outbox through row-level security', async () => {
    const [a] = await rows(orgA);
    expect(await units.runInOrganization(orgB, (uow) => outbox.find(uow, a.id))).toBeNull();
    await expect(
      units.runInOrganization(orgB, (uow) =>
        uow.query('INSERT INTO mail_outbox (organization_id, recipient, subject, text_body, purpose) VALUES ($1, $2, $3, $4, $5)', [
          orgA,
          'x@example.test',
          's',
          't',
          'tests.mail',
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('is wired by MailModule the way the worker runs it: SMTP_URL given, the job sends; absent, mails wait', async () => {
    const config = loadConfig({ ...process.env, QUEUE_PREFIX: isolatedPrefix('mail') });
    const contextWith = async (smtpUrl?: string) => {
      @Module({
        imports: [...infrastructureModules(config, 'socle-mail-test'), MailModule.forRoot({ smtpUrl, from: 'Socle <socle@example.test>' })],
      })
      class MailTestModule {}
      return NestFactory.createApplicationContext(MailTestModule, { logger: false });
    };
    const without = await contextWith();
    try {
      await send(orgA, 'wired@example.test');
      expect(await without.get(SendMailJob).handle({ organizationId: orgA })).toMatchObject({ sent: 0, waiting: true });
      expect(await without.get(SendMailJob).reconcile()).toBe(0);
    } finally {
      await without.close();
    }
    const withSmtp = await contextWith(smtp.url);
    try {
      expect(await withSmtp.get(SendMailJob).reconcile()).toBeGreaterThanOrEqual(1);
      expect(await withSmtp.get(SendMailJob).handle({ organizationId: orgA })).toMatchObject({ sent: 1, waiting: false });
      expect(smtp.received.find((m) => m.to.includes('wired@example.test'))?.from).toBe('socle@example.test');
    } finally {
      await withSmtp.close();
    }
  });
});
