import { createTransport, Transporter } from 'nodemailer';
import { Mailer, MailMessage, MailSendError, UNSUBSCRIBE_URL } from './mailer';

/** Accepted SMTP_URL forms: smtp://[user:pass@]host[:port] or smtps://… (TLS from the start). */
export function isSmtpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

interface SmtpFailure {
  responseCode?: number;
  code?: string;
}

/** The nodemailer failure as TRANSIENT (try again) or PERMANENT (5xx: the server refused for good), without the server's text. */
export function classifySmtpFailure(error: unknown): MailSendError {
  const failure = (error ?? {}) as SmtpFailure;
  const reply = typeof failure.responseCode === 'number' ? failure.responseCode : null;
  if (reply !== null && reply >= 500 && reply < 600) return new MailSendError('PERMANENT', `SMTP reply ${reply}`);
  if (reply !== null) return new MailSendError('TRANSIENT', `SMTP reply ${reply}`);
  const code = typeof failure.code === 'string' && /^[A-Z_]{1,30}$/.test(failure.code) ? failure.code : 'ERROR';
  return new MailSendError('TRANSIENT', `SMTP connection ${code}`);
}

/** Sends through one SMTP server (nodemailer, pooled connections). */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(url: string, options: { timeoutMs?: number } = {}) {
    if (!isSmtpUrl(url)) throw new Error('SMTP_URL must be an smtp:// or smtps:// URL');
    const timeout = options.timeoutMs ?? 20_000;
    this.transport = createTransport({
      url,
      pool: true,
      maxConnections: 2,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
  }

  async send(message: MailMessage & { from: string }): Promise<{ messageId: string | null }> {
    try {
      const info = await this.transport.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        // RFC 8058: the address between angle brackets, and the POST body a mail client sends to it.
        ...(message.unsubscribeUrl && UNSUBSCRIBE_URL.test(message.unsubscribeUrl)
          ? { headers: { 'List-Unsubscribe': `<${message.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } }
          : {}),
      });
      return { messageId: typeof info.messageId === 'string' ? info.messageId.slice(0, 300) : null };
    } catch (error) {
      throw classifySmtpFailure(error);
    }
  }

  close(): void {
    this.transport.close();
  }
}
