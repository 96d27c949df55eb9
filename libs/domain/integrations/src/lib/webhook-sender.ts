import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { Webhook } from 'standardwebhooks';
import {
  ConnectorError,
  createHttpClient,
  HttpClient,
  isOutboundRefusedError,
  OutboundGuard,
  parseAddressRanges,
} from '@socle/connector-sdk';

/** Bytes of an endpoint's answer kept in the delivery log. */
export const RESPONSE_EXCERPT_MAX = 1024;
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** A new signing secret as Standard Webhooks writes it: `whsec_` and 32 random bytes in base64. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * The `webhook-signature` header: `v1,<signature>` under the current secret,
 * and during a rotation's overlap window also under the previous one, separated
 * by a space (the specification lets receivers accept any of them).
 */
export function signatureHeader(secrets: readonly string[], id: string, timestamp: Date, body: string): string {
  return secrets.map((secret) => new Webhook(secret).sign(id, timestamp, body)).join(' ');
}

export type WebhookErrorClass = 'TIMEOUT' | 'NETWORK' | 'REFUSED_DESTINATION' | 'REDIRECT' | 'HTTP_STATUS';

export interface WebhookAttemptResult {
  ok: boolean;
  httpStatus: number | null;
  latencyMs: number;
  responseExcerpt: string;
  errorClass: WebhookErrorClass | null;
  errorMessage: string | null;
}

/** Why a URL may not be an endpoint, in words for the caller; null when it may. */
export type DestinationProblem = string | null;

/**
 * Where webhooks may go. Every request passes the connectors' outbound guard
 * (private, loopback, link-local and metadata addresses refused after DNS
 * resolution, the connection pinned to the checked address) and follows no
 * redirect: a 3xx answer is a failed attempt. Plain http is allowed only
 * towards addresses that OUTBOUND_ALLOWED_RANGES lets through although they are
 * not public (a test receiver on loopback, an internal network); anything else
 * must be https.
 */
export class WebhookSender {
  private readonly guard: OutboundGuard;
  private readonly strict = new OutboundGuard();
  private readonly http: HttpClient;

  constructor(allowedRanges: string, timeoutMs = WEBHOOK_TIMEOUT_MS) {
    this.guard = new OutboundGuard({ allowedRanges: parseAddressRanges(allowedRanges) });
    this.http = createHttpClient({ timeoutMs, userAgent: 'Socle-Webhooks/1.0', outbound: this.guard, maxRedirects: 0 });
  }

  /**
   * Checks a URL before it is stored: its form, and its host's addresses when
   * it resolves (a name that does not resolve yet is accepted; every delivery
   * checks again).
   */
  async problemWith(text: string): Promise<DestinationProblem> {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return 'is not a URL';
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an https URL';
    if (url.username || url.password) return 'must not carry a user name or password';
    if (url.hash) return 'must not have a fragment';
    try {
      const { address } = await this.guard.resolve(url.hostname, 'webhook endpoint');
      if (url.protocol === 'http:' && this.strict.verdict(address).allowed) return 'must be an https URL';
    } catch (error) {
      if (isOutboundRefusedError(error)) return `is refused: its host is a ${error.category} address`;
      // Not resolvable now: allowed for https (checked at each delivery); http needs a known, allowed address.
      if (url.protocol === 'http:' && !isIP(url.hostname.replace(/^\[|\]$/g, ''))) return 'must be an https URL';
    }
    return null;
  }

  /** One POST of a signed body. Never throws: every outcome is an attempt result. */
  async send(url: string, headers: Record<string, string>, body: string): Promise<WebhookAttemptResult> {
    const started = performance.now();
    const latency = () => Math.round(performance.now() - started);
    const problem = await this.httpProblem(url);
    if (problem) return failure(latency(), null, 'REFUSED_DESTINATION', problem);
    try {
      const response = await this.http.request({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
      const excerpt = excerptOf(response.body);
      if (response.status >= 200 && response.status < 300) {
        return {
          ok: true,
          httpStatus: response.status,
          latencyMs: latency(),
          responseExcerpt: excerpt,
          errorClass: null,
          errorMessage: null,
        };
      }
      return { ...failure(latency(), response.status, 'HTTP_STATUS', `answered ${response.status}`), responseExcerpt: excerpt };
    } catch (error) {
      if (isOutboundRefusedError(error)) return failure(latency(), null, 'REFUSED_DESTINATION', `refused: a ${error.category} address`);
      if (error instanceof ConnectorError) {
        if (error.status && error.status >= 300 && error.status < 400)
          return failure(latency(), error.status, 'REDIRECT', `answered a redirect (${error.status}), which is not followed`);
        if (/timed out/.test(error.message)) return failure(latency(), null, 'TIMEOUT', 'timed out');
        return failure(latency(), null, 'NETWORK', error.message);
      }
      return failure(latency(), null, 'NETWORK', 'request failed');
    }
  }

  /** An http URL whose host is a public address (or does not resolve to an allowed one) is not sent to. */
  private async httpProblem(text: string): Promise<string | null> {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return 'not a URL';
    }
    if (url.protocol !== 'http:') return null;
    try {
      const { address } = await this.guard.resolve(url.hostname, 'webhook endpoint');
      return this.strict.verdict(address).allowed ? 'plain http to a public address' : null;
    } catch (error) {
      return isOutboundRefusedError(error) ? `refused: a ${error.category} address` : null;
    }
  }
}

function failure(latencyMs: number, httpStatus: number | null, errorClass: WebhookErrorClass, message: string): WebhookAttemptResult {
  return { ok: false, httpStatus, latencyMs, responseExcerpt: '', errorClass, errorMessage: message.slice(0, 300) };
}

const decoder = new TextDecoder('utf-8');

/** The first kilobyte of an answer as text, without control characters (it is shown in the delivery log). */
export function excerptOf(body: Uint8Array): string {
  const text = decoder.decode(body.subarray(0, RESPONSE_EXCERPT_MAX * 4));
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  let out = clean.slice(0, RESPONSE_EXCERPT_MAX);
  // Never end on half of a surrogate pair.
  const last = out.charCodeAt(out.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) out = out.slice(0, -1);
  return out;
}
