import type { FastifyReply } from 'fastify';
import { DomainError, HTTP_STATUS_OF } from './domain-error';

/** A JSON answer nothing keeps: no cache, no referrer, no type sniffing (what the signed-link routes send). */
export function sendPrivateJson(reply: FastifyReply, status: number, payload: unknown): void {
  void reply
    .status(status)
    .type('application/json; charset=utf-8')
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .send(payload);
}

/**
 * A signed-link route's refusal in the API's REST shape
 * (`{ errors: [{ message, extensions: { code, reason?, field?, requestId } }] }`): a domain error whose reason says
 * the link is gone (`goneReasons`) is a 410, another domain error its code's status; anything else is logged (what
 * failed and the error's name only) and answered 500 with `failure` as the message.
 */
export function refuseLinkRequest(
  reply: FastifyReply,
  requestId: string | null,
  error: unknown,
  options: { goneReasons: readonly string[]; failure: string; what: string; log: (message: string) => void },
): void {
  if (error instanceof DomainError) {
    const gone = error.reason !== undefined && options.goneReasons.includes(error.reason);
    return sendPrivateJson(reply, gone ? 410 : HTTP_STATUS_OF[error.code], {
      errors: [{ message: error.message, extensions: { ...error.facts(), requestId } }],
    });
  }
  options.log(`request ${requestId ?? '-'}: ${options.what} failed: ${error instanceof Error ? error.name : 'error'}`);
  sendPrivateJson(reply, 500, { errors: [{ message: options.failure, extensions: { code: 'INTERNAL', requestId } }] });
}
