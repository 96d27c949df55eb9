import { Client } from 'pg';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { JobQueues } from '@socle/platform-queue';
import { SendMailJob, SmtpMailer } from '@socle/platform-mail';
import { AgencySession, signUpAgency, STRONG_PASSWORD, TestApi } from '@socle/testing';
import { LoopbackSmtp, ReceivedMail } from './loopback-smtp';

const NEW_PASSWORD = 'Lighthouse-Keeper-Tide-42';

/**
 * Forgotten passwords against the real API, PostgreSQL, Redis and an SMTP server on loopback: the link is read from
 * the mail as received and followed; it works once, for an hour, and only the newest one works.
 */
describe('password reset by e-mail', () => {
  let api: TestApi;
  let admin: Client;
  let smtp: LoopbackSmtp;
  let mailer: SmtpMailer;
  let sendMail: SendMailJob;
  let units: UnitOfWorkFactory;

  const request = (email: string) =>
    api.gql<{ requestPasswordReset: boolean }>('mutation ($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }', {
      input: { email },
    });
  const reset = (token: string, password: string) =>
    api.gql<{ resetPassword: boolean }>('mutation ($input: ResetPasswordInput!) { resetPassword(input: $input) }', {
      input: { token, password },
    });
  const logIn = (email: string, password: string) =>
    api.gql<{ logIn: { accessToken: string } }>('mutation ($input: LogInInput!) { logIn(input: $input) { accessToken } }', {
      input: { email, password },
    });
  /** Sends the person's outbox; the new mails to them. */
  const deliver = async (person: AgencySession): Promise<ReceivedMail[]> => {
    const before = smtp.received.length;
    await sendMail.handle({ userId: person.userId });
    return smtp.received.slice(before).filter((m) => m.to.includes(person.email));
  };
  const linkOf = (mail: ReceivedMail) => {
    const match = /(https?:\/\/\S+\/password\/reset\?token=([A-Za-z0-9_-]+))/.exec(mail.text);
    if (!match) throw new Error(`no reset link in: ${mail.text}`);
    return { url: match[1], token: match[2] };
  };
  const resets = async (userId: string) =>
    (
      await admin.query<{ used: boolean; withdrawn: boolean }>(
        'SELECT used_at IS NOT NULL AS used, withdrawn_at IS NOT NULL AS withdrawn FROM password_resets WHERE user_id = $1 ORDER BY created_at',
        [userId],
      )
    ).rows;

  beforeAll(async () => {
    api = await TestApi.start({ RATE_LIMIT_LOGIN_PER_MINUTE: '1000' });
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    smtp = await new LoopbackSmtp().start();
    mailer = new SmtpMailer(smtp.url, { timeoutMs: 5000 });
    units = api.app.get(UnitOfWorkFactory, { strict: false });
    sendMail = new SendMailJob(units, api.app.get(JobQueues, { strict: false }), { from: 'no-reply@example.test' }, mailer);
  });
  afterAll(async () => {
    mailer?.close();
    await smtp?.stop();
    await admin?.end();
    await api?.stop();
  });

  it('mails a link in the person’s language; the link sets a new password once and closes every session', async () => {
    const owner = await signUpAgency(api, 'Agence Oublieuse');
    expect((await request(owner.email.toUpperCase())).body.data?.requestPasswordReset).toBe(true);
    const [mail] = await deliver(owner);
    expect(mail.text).toContain('Bonjour Owner');
    expect(mail.raw).toMatch(/Subject: .*mot de passe/i);
    const { url, token } = linkOf(mail);
    expect(url.startsWith(`${api.config.PUBLIC_URL}/password/reset?token=`)).toBe(true);
    // The body of a sent mail is not kept: the link lives only in the mailbox.
    const { rows } = await admin.query<{ text_body: string; status: string }>(
      'SELECT text_body, status FROM user_mail_outbox WHERE user_id = $1',
      [owner.userId],
    );
    expect(rows).toEqual([{ text_body: '', status: 'SENT' }]);

    // A weak password is refused at its field; nothing changes and the link still works.
    const weak = await reset(token, 'short');
    expect(weak.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
    expect((await logIn(owner.email, STRONG_PASSWORD)).body.data?.logIn.accessToken).toEqual(expect.any(String));

    expect((await reset(token, NEW_PASSWORD)).body.data?.resetPassword).toBe(true);
    expect((await logIn(owner.email, STRONG_PASSWORD)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await logIn(owner.email, NEW_PASSWORD)).body.data?.logIn.accessToken).toEqual(expect.any(String));
    // The sessions opened before the reset are closed: their refresh token no longer works.
    const refreshed = await api.gql('mutation ($input: RefreshSessionInput!) { refreshSession(input: $input) { accessToken } }', {
      input: { refreshToken: owner.refreshToken },
    });
    expect(refreshed.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    // Once only.
    const again = await reset(token, 'Another-Long-Password-77');
    expect(again.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.token',
      reason: 'PASSWORD_RESET_LINK_INVALID',
    });
    expect((await logIn(owner.email, NEW_PASSWORD)).body.data?.logIn.accessToken).toEqual(expect.any(String));
  });

  it('answers the same for an address without an account, and mails nothing', async () => {
    const before = smtp.received.length;
    const answer = await request('nobody.here@example.test');
    expect(answer.body.data).toEqual({ requestPasswordReset: true });
    expect(answer.body.errors).toBeUndefined();
    const {
      rows: [{ n: outboxAfter }],
    } = await admin.query<{ n: number }>("SELECT count(*)::int AS n FROM user_mail_outbox WHERE recipient = 'nobody.here@example.test'");
    expect(outboxAfter).toBe(0);
    expect(smtp.received.slice(before).some((m) => m.to.includes('nobody.here@example.test'))).toBe(false);
  });

  it('keeps only the newest link alive: an older one, mailed or not, no longer works', async () => {
    const owner = await signUpAgency(api);
    await request(owner.email);
    const [first] = await deliver(owner);
    await request(owner.email);
    await request(owner.email);
    const mails = await deliver(owner);
    // The second request's mail was withdrawn by the third before it left: one mail, the newest link.
    expect(mails).toHaveLength(1);
    const { rows: outbox } = await admin.query<{ status: string }>(
      'SELECT status FROM user_mail_outbox WHERE user_id = $1 ORDER BY created_at',
      [owner.userId],
    );
    expect(outbox.map((r) => r.status)).toEqual(['SENT', 'CANCELLED', 'SENT']);
    const refused = await reset(linkOf(first).token, NEW_PASSWORD);
    expect(refused.body.errors?.[0]?.extensions?.reason).toBe('PASSWORD_RESET_LINK_INVALID');
    expect((await reset(linkOf(mails[0]).token, NEW_PASSWORD)).body.data?.resetPassword).toBe(true);
    expect(await resets(owner.userId)).toEqual([
      { used: false, withdrawn: true },
      { used: false, withdrawn: true },
      { used: true, withdrawn: false },
    ]);
    // Three links an hour at most: a fourth request answers the same and mails nothing.
    expect((await request(owner.email)).body.data?.requestPasswordReset).toBe(true);
    expect(await deliver(owner)).toEqual([]);
    expect(await resets(owner.userId)).toHaveLength(3);
  });

  it('refuses an expired link, a link naming someone else, and malformed tokens, changing nothing', async () => {
    const owner = await signUpAgency(api);
    const other = await signUpAgency(api);
    await request(owner.email);
    const { token } = linkOf((await deliver(owner))[0]);
    const secret = token.slice(token.lastIndexOf('_') + 1);
    for (const forged of [`spr_${other.userId}_${secret}`, `${token}x`, 'spr_\u0000', '\ud800', 'x'.repeat(150)]) {
      const res = await reset(forged, NEW_PASSWORD);
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.token' });
    }
    const huge = await reset('x'.repeat(200_000), NEW_PASSWORD);
    expect(huge.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await admin.query(
      "UPDATE password_resets SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' WHERE user_id = $1",
      [owner.userId],
    );
    expect((await reset(token, NEW_PASSWORD)).body.errors?.[0]?.extensions?.reason).toBe('PASSWORD_RESET_LINK_INVALID');
    expect((await logIn(owner.email, STRONG_PASSWORD)).body.data?.logIn.accessToken).toEqual(expect.any(String));
    expect((await logIn(other.email, STRONG_PASSWORD)).body.data?.logIn.accessToken).toEqual(expect.any(String));
  });

  it('lets one of four simultaneous uses of a link through', async () => {
    const owner = await signUpAgency(api);
    await request(owner.email);
    const { token } = linkOf((await deliver(owner))[0]);
    const answers = await Promise.all([1, 2, 3, 4].map((i) => reset(token, `${NEW_PASSWORD}-${i}`)));
    const won = answers.filter((a) => a.body.data?.resetPassword === true);
    expect(won).toHaveLength(1);
    expect(answers.filter((a) => a.body.errors?.[0]?.extensions?.reason === 'PASSWORD_RESET_LINK_INVALID')).toHaveLength(3);
    const winner = answers.indexOf(won[0]) + 1;
    expect((await logIn(owner.email, `${NEW_PASSWORD}-${winner}`)).body.data?.logIn.accessToken).toEqual(expect.any(String));
  });

  it('keeps one person’s links and mails from everyone else, in the database too', async () => {
    const owner = await signUpAgency(api);
    const other = await signUpAgency(api);
    await request(owner.email);
    const peek = (table: string) =>
      units.run({ userId: other.userId }, (uow) => uow.query(`SELECT * FROM ${table} WHERE user_id = $1`, [owner.userId]));
    expect(await peek('password_resets')).toEqual([]);
    expect(await peek('user_mail_outbox')).toEqual([]);
    const changed = await units.run({ userId: other.userId }, (uow) =>
      uow.execute("UPDATE password_resets SET expires_at = now() + interval '1 year' WHERE user_id = $1", [owner.userId]),
    );
    expect(changed).toBe(0);
    // The other person's job sends nothing of the owner's.
    const before = smtp.received.length;
    await sendMail.handle({ userId: other.userId });
    expect(smtp.received.slice(before).some((m) => m.to.includes(owner.email))).toBe(false);
    expect(await deliver(owner)).toHaveLength(1);
  });
});
