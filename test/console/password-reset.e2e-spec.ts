import { UnitOfWorkFactory } from '@socle/platform-database';
import { JobQueues } from '@socle/platform-queue';
import { SendMailJob, SmtpMailer } from '@socle/platform-mail';
import { LoopbackSmtp } from '../e2e/loopback-smtp';
import { axeProblems, startConsoleHarness, type ConsoleHarness } from './browser-harness';

/**
 * A forgotten password in a real browser: "Forgot your password?" on the log-in page, the mail received by an SMTP
 * server on loopback, its link opened as it is written, a weak password refused at its field, the new one saved,
 * and the person logged in with it.
 */
describe('console: a forgotten password', () => {
  let h: ConsoleHarness;
  let smtp: LoopbackSmtp;
  let mailer: SmtpMailer;

  beforeAll(async () => {
    h = await startConsoleHarness({ RATE_LIMIT_LOGIN_PER_MINUTE: '1000' });
    smtp = await new LoopbackSmtp().start();
    mailer = new SmtpMailer(smtp.url, { timeoutMs: 5000 });
  }, 120_000);
  afterAll(async () => {
    mailer?.close();
    await smtp?.stop();
    await h?.close();
  });

  it('mails a link whose page sets a new password', async () => {
    const owner = await h.signUpAgency('Agence Étourdie');
    const page = await h.newPage(await h.freshContext());
    await page.goto(`${h.origin}/login`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await page.getByLabel('Email').fill(owner.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('status').getByText(`If ${owner.email} has a Socle account`).waitFor();

    // The worker's mail job, run here: the mail as received, and its link as written.
    const [{ id: userId }] = (await h.admin.query<{ id: string }>('SELECT id FROM users WHERE lower(email) = lower($1)', [owner.email]))
      .rows;
    const job = new SendMailJob(
      h.api.app.get(UnitOfWorkFactory, { strict: false }),
      h.api.app.get(JobQueues, { strict: false }),
      { from: 'no-reply@example.test' },
      mailer,
    );
    await job.handle({ userId });
    const mail = smtp.received.find((m) => m.to.includes(owner.email));
    const url = /(https?:\/\/\S+\/password\/reset\?token=\S+)/.exec(mail?.text ?? '')?.[1];
    expect(url?.startsWith(`${h.origin}/password/reset?token=spr_`)).toBe(true);

    await page.goto(url as string);
    await page.getByRole('heading', { name: 'Your new password' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    const field = page.getByRole('textbox', { name: 'New password' });
    await field.fill('short');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page
      .getByRole('alert')
      .getByText(/Password/)
      .waitFor();
    await field.fill('Lighthouse-Keeper-Tide-42');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.waitForURL(`${h.origin}/login?reset=1`);
    await page.getByRole('status').getByText('Your password is changed').waitFor();
    await h.screenshot(page, 'password-changed');

    await h.logIn(page, owner.email, 'Lighthouse-Keeper-Tide-42');
    expect(new URL(page.url()).pathname).not.toBe('/login');
    // The same link a second time: the page says it no longer works.
    await page.goto(url as string);
    await page.getByRole('textbox', { name: 'New password' }).fill('Another-Long-Password-77');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page
      .getByRole('alert')
      .getByText(/does not work/)
      .waitFor();
    expect(h.pageProblems).toEqual([]);
    expect(h.elsewhere()).toEqual([]);
  }, 90_000);
});
