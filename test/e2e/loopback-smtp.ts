import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { SMTPServer } from 'smtp-server';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { SendMailJob, SmtpMailer } from '@socle/platform-mail';
import { JobQueues } from '@socle/platform-queue';

export interface ReceivedMail {
  from: string | null;
  to: string[];
  /** The raw message (headers and body as sent). */
  raw: string;
  /** The text body, quoted-printable decoded. */
  text: string;
}

/** Decodes a quoted-printable body (soft line breaks and =XX bytes, as UTF-8). */
export function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const joined = body.replace(/=\r?\n/g, '');
  for (let i = 0; i < joined.length; i += 1) {
    const c = joined[i];
    if (c === '=' && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function textOf(raw: string): string {
  const split = raw.indexOf('\r\n\r\n');
  const headers = split >= 0 ? raw.slice(0, split) : '';
  const body = split >= 0 ? raw.slice(split + 4) : raw;
  if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) return decodeQuotedPrintable(body);
  if (/content-transfer-encoding:\s*base64/i.test(headers)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

/**
 * A real SMTP server on loopback (the smtp-server package) on an ephemeral
 * port, for tests: it keeps what it receives. `refuse` decides, per
 * recipient, to answer with an SMTP error code (4xx: try again, 5xx: never).
 */
export class LoopbackSmtp {
  readonly received: ReceivedMail[] = [];
  refuse: (recipient: string) => number | null = () => null;
  private server!: SMTPServer;
  port = 0;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const code = this.refuse(address.address);
        if (code) return callback(Object.assign(new Error(`refused ${code}`), { responseCode: code }));
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
            text: textOf(raw),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * The mails an API's organisations send, as a worker would send them: a loopback SMTP server, the real SMTP mailer and
 * the outbox's job built from the API's own instances. `deliver` sends an organisation's pending mails and answers
 * those the server received.
 */
export async function mailCapture(
  app: INestApplication,
  from = 'presse@example.test',
): Promise<{ smtp: LoopbackSmtp; deliver(organizationId: string): Promise<ReceivedMail[]>; close(): Promise<void> }> {
  const smtp = await new LoopbackSmtp().start();
  const mailer = new SmtpMailer(smtp.url, { timeoutMs: 5000 });
  const job = new SendMailJob(app.get(UnitOfWorkFactory, { strict: false }), app.get(JobQueues, { strict: false }), { from }, mailer);
  return {
    smtp,
    async deliver(organizationId) {
      const before = smtp.received.length;
      await job.handle({ organizationId });
      return smtp.received.slice(before);
    },
    async close() {
      mailer.close();
      await smtp.stop();
    },
  };
}
