/** One outgoing e-mail, plain text: links in it are the only active content. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /**
   * A one-click unsubscription address (https, printable ASCII, no spaces or angle brackets), sent as the
   * `List-Unsubscribe` and `List-Unsubscribe-Post: List-Unsubscribe=One-Click` headers (RFC 8058): mail clients show
   * an "unsubscribe" button that POSTs to it. Only for mails a person subscribed to.
   */
  unsubscribeUrl?: string | null;
}

/** What an unsubscription address may be (the outbox's check says the same). */
export const UNSUBSCRIBE_URL = /^https?:\/\/[!-;=?-~]{1,2000}$/;

/**
 * Why a send failed: TRANSIENT is tried again later (connection refused, 4xx
 * reply, timeout); PERMANENT is not (the server refused the recipient or the
 * message with a 5xx reply).
 */
export class MailSendError extends Error {
  constructor(
    readonly kind: 'TRANSIENT' | 'PERMANENT',
    /** Short, safe to store: never the server's whole reply. */
    readonly summary: string,
  ) {
    super(summary);
    this.name = 'MailSendError';
  }
}

/** What sends mail. The SMTP implementation is the platform's; tests may give their own. */
export interface Mailer {
  send(message: MailMessage & { from: string }): Promise<{ messageId: string | null }>;
}

/** Injection token of the Mailer; null when no SMTP_URL is configured (mails then wait in the outbox). */
export const MAILER = Symbol('MAILER');
