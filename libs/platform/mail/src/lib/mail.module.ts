import { DynamicModule, Module } from '@nestjs/common';
import { MAILER } from './mailer';
import { MailOutbox } from './mail-outbox';
import { MAIL_OPTIONS, SendMailJob } from './send-mail.job';
import { SmtpMailer } from './smtp-mailer';

export interface MailModuleOptions {
  /** smtp:// or smtps:// URL; absent, mails wait in the outbox (never lost) until one is configured. */
  smtpUrl?: string;
  /** Sender of every mail. */
  from?: string;
}

export const DEFAULT_MAIL_FROM = 'Socle <no-reply@socle.invalid>';

/** Outgoing mail: the outbox (any process writes to it) and, for the worker, the job that sends it over SMTP. */
@Module({})
export class MailModule {
  static forRoot(options: MailModuleOptions = {}): DynamicModule {
    return {
      module: MailModule,
      global: true,
      providers: [
        { provide: MAIL_OPTIONS, useValue: { from: options.from ?? DEFAULT_MAIL_FROM } },
        { provide: MAILER, useFactory: () => (options.smtpUrl ? new SmtpMailer(options.smtpUrl) : null) },
        MailOutbox,
        SendMailJob,
      ],
      exports: [MAILER, MailOutbox, SendMailJob],
    };
  }
}
