import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isConcurrentWriteConflict } from '@socle/platform-database';
import { describeError, DomainError, HTTP_STATUS_OF } from '@socle/platform-errors';
import { asGraphQLError } from '@socle/platform-graphql';

/** A write that lost to another made at the same moment, past its module's own check: the same answer in GraphQL and REST. */
export function concurrentWriteError(): DomainError {
  return new DomainError(
    'CONFLICT',
    'This change conflicts with another made at the same moment; nothing of it was stored. Read the current state and retry.',
    { reason: 'CONCURRENT_WRITE' },
  );
}

const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'the body is not valid JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'the body is empty',
  FST_ERR_CTP_BODY_TOO_LARGE: 'the body is larger than the limit',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported Content-Type: send application/json',
};

/** Nest turns Fastify's body errors into plain HttpExceptions (the FST_ code is lost): these statuses say enough. */
const STATUS_MESSAGES: Record<number, string> = {
  413: 'the body is larger than the limit',
  415: 'unsupported Content-Type: send application/json',
};

const STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

/**
 * Errors outside GraphQL execution (a body that is not JSON or too large, an
 * unknown route, a domain error out of a REST route) answered in GraphQL's error
 * shape with a stable code and the request id; never a stack. In GraphQL
 * execution, domain errors become GraphQL errors and everything goes on to Apollo.
 */
@Catch()
export class HttpErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<string>() === 'graphql') return asGraphQLError(exception);
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest & { requestId?: string }>();
    if (exception instanceof DomainError) return this.domainError(exception, reply, request.requestId);
    if (isConcurrentWriteConflict(exception)) {
      // Answered as a conflict, logged as what it is: a race no check of the module names.
      this.logger.error(`request ${request.requestId ?? '-'}: ${exception instanceof Error ? exception.stack : String(exception)}`);
      return this.domainError(concurrentWriteError(), reply, request.requestId);
    }
    const fastifyError = exception as { statusCode?: number; code?: string; message?: string };
    const status = exception instanceof HttpException ? exception.getStatus() : (fastifyError.statusCode ?? 500);
    let message: string;
    if (status >= 500) {
      this.logger.error(`request ${request.requestId ?? '-'}: ${exception instanceof Error ? exception.stack : String(exception)}`);
      message = 'Internal server error.';
    } else if (fastifyError.code && FASTIFY_CODES[fastifyError.code]) {
      message = `Bad request: ${FASTIFY_CODES[fastifyError.code]}.`;
    } else if (STATUS_MESSAGES[status]) {
      message = `Bad request: ${STATUS_MESSAGES[status]}.`;
    } else {
      message = exception instanceof HttpException ? exception.message : (fastifyError.message ?? 'Bad request.');
    }
    const body =
      status >= 500 && !(exception instanceof HttpException)
        ? { errors: [{ message, extensions: { code: 'INTERNAL', requestId: request.requestId ?? null } }] }
        : { errors: [{ message, extensions: { code: STATUS_CODES[status] ?? 'BAD_REQUEST', requestId: request.requestId ?? null } }] };
    void reply.status(status).type('application/json; charset=utf-8').send(body);
  }

  /** A domain refusal keeps its code and facts; its status says the same to HTTP clients. */
  private domainError(error: DomainError, reply: FastifyReply, requestId: string | undefined): void {
    const status = HTTP_STATUS_OF[error.code];
    if (status >= 500) this.logger.error(`request ${requestId ?? '-'}: ${describeError(error)}`);
    if (error.retryAfterSeconds !== undefined) void reply.header('retry-after', String(error.retryAfterSeconds));
    const body = { errors: [{ message: error.message, extensions: { ...error.facts(), requestId: requestId ?? null } }] };
    void reply.status(status).type('application/json; charset=utf-8').send(body);
  }
}
