import { MailSendError } from './mailer';
import { mailRetryDelay } from './send-mail.job';
import { classifySmtpFailure, SmtpMailer } from './smtp-mailer';

describe('mail failure classification and back-off', () => {
  it('reads 5xx as permanent, 4xx and connection failures as transient, without the server’s text', () => {
    expect(classifySmtpFailure({ responseCode: 550, response: '550 secret detail' })).toMatchObject({
      kind: 'PERMANENT',
      summary: 'SMTP reply 550',
    });
    expect(classifySmtpFailure({ responseCode: 451 })).toMatchObject({ kind: 'TRANSIENT', summary: 'SMTP reply 451' });
    expect(classifySmtpFailure({ code: 'ECONNREFUSED' })).toMatchObject({ kind: 'TRANSIENT', summary: 'SMTP connection ECONNREFUSED' });
    expect(classifySmtpFailure({ code: 'bad code with spaces' }).summary).toBe('SMTP connection ERROR');
  });

  it('doubles the wait up to the cap and stops after the last attempt', () => {
    const policy = { maxAttempts: 4, firstDelayMs: 1000, maxDelayMs: 3000 };
    expect([1, 2, 3].map((n) => mailRetryDelay(policy, n, 'TRANSIENT'))).toEqual([1000, 2000, 3000]);
    expect(mailRetryDelay(policy, 4, 'TRANSIENT')).toBeNull();
    expect(mailRetryDelay(policy, 1, 'PERMANENT')).toBeNull();
    expect(new MailSendError('TRANSIENT', 'x').name).toBe('MailSendError');
  });

  it('refuses an SMTP_URL that is not smtp:// or smtps://', () => {
    expect(() => new SmtpMailer('http://127.0.0.1:25')).toThrow(/SMTP_URL/);
  });
});
