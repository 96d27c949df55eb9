import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown, Optional } from '@nestjs/common';
import { MAILER, Mailer } from './mailer';
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

/** Closes the SMTP connection pool when the process stops. */
@Injectable()
class MailerCloser implements OnApplicationShutdown {
  constructor(@Optional() @Inject(MAILER) private readonly mailer: Mailer | null) {}
  onApplicationShutdown(): void {
    if (this.mailer instanceof SmtpMailer) this.mailer.close();
  }
}

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
        MailerCloser,
      ],
      exports: [MAILER, MailOutbox, SendMailJob],
    };
  }
}
