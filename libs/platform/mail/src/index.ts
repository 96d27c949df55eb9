import { MailOutbox1765000001000 } from './lib/migrations/1765000001000-mail-outbox';

export { Mailer, MailMessage, MailSendError, MAILER } from './lib/mailer';
export { SmtpMailer, isSmtpUrl, classifySmtpFailure } from './lib/smtp-mailer';
export { MailOutbox, OutgoingMail, OutboxRow, MAIL_QUEUE, SEND_MAIL_JOB } from './lib/mail-outbox';
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

/** The outbox table; run after the accounts migrations (it refers to organizations). */
export const MAIL_MIGRATIONS = [MailOutbox1765000001000];
