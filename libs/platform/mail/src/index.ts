import { MailOutbox1765000001000 } from './lib/migrations/1765000001000-mail-outbox';
import { UserMailOutbox1765000002600 } from './lib/migrations/1765000002600-user-mail-outbox';
import { MailUnsubscribe1765000004100 } from './lib/migrations/1765000004100-mail-unsubscribe';

export { Mailer, MailMessage, MailSendError, MAILER } from './lib/mailer';
export { mailLine, mailMoment } from './lib/mail-text';
export { SmtpMailer, isSmtpUrl, classifySmtpFailure } from './lib/smtp-mailer';
export {
  MailOutbox,
  OutgoingMail,
  OutboxRow,
  OutboxTable,
  ORGANIZATION_OUTBOX,
  USER_OUTBOX,
  MAIL_QUEUE,
  SEND_MAIL_JOB,
} from './lib/mail-outbox';
export {
  SendMailJob,
  SendMailSummary,
  MailRetryPolicy,
  DEFAULT_MAIL_RETRY,
  mailRetryDelay,
  MAIL_OPTIONS,
  MailOptions,
} from './lib/send-mail.job';
export { MailModule, MailModuleOptions, DEFAULT_MAIL_FROM } from './lib/mail.module';

/** The outbox tables; run after the accounts migrations (they refer to organizations and users). */
export const MAIL_MIGRATIONS = [MailOutbox1765000001000, UserMailOutbox1765000002600, MailUnsubscribe1765000004100];
