import type { UnitOfWork } from '@socle/platform-database';
import { ORGANIZATION_OUTBOX } from './mail-outbox';
import { MailSendError, UNSUBSCRIBE_URL } from './mailer';
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

  it('refuses an unsubscription address that could break out of its header, before anything is stored', async () => {
    const statements: string[] = [];
    const uow = { query: async (sql: string) => (statements.push(sql), [{ id: 'x' }]) } as unknown as UnitOfWork;
    const mail = (unsubscribeUrl: string) => ({ to: 'a@example.com', subject: 's', text: 't', purpose: 'test.list', unsubscribeUrl });
    for (const bad of [
      'https://example.com/u>\r\nBcc: victim@example.com',
      'https://example.com/a b',
      'javascript:alert(1)',
      'https://example.com/é',
      `https://example.com/${'a'.repeat(2001)}`,
      'https://example.com/<x>',
    ]) {
      expect(UNSUBSCRIBE_URL.test(bad)).toBe(false);
      await expect(ORGANIZATION_OUTBOX.insert(uow, 'tenant', [mail(bad)])).rejects.toThrow(/unsubscription address/);
    }
    expect(statements).toEqual([]);
    await ORGANIZATION_OUTBOX.insert(uow, 'tenant', [mail('https://socle.example/press/r/unsubscribe?token=a.b-c_d')]);
    expect(statements).toHaveLength(1);
  });
});
