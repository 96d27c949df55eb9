import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { SocleConfig } from '@socle/platform-config';
import { isUuid, UnitOfWorkFactory } from '@socle/platform-database';
import { Principal, RATE_LIMITER, RateLimiter, RequestState } from '@socle/platform-auth';
import { AppError, asGraphQLError, rateLimited } from '@socle/platform-graphql';
import { Authenticator } from '@socle/accounts';

export interface GraphQLContext {
  state: RequestState;
  req: FastifyRequest;
}

export const STATE_KEY = 'socleState';

export function requestIdOf(request: FastifyRequest): string {
  const header = request.headers['x-request-id'];
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._-]{1,64}$/.test(value) ? value : randomUUID();
}

function uuidHeader(request: FastifyRequest, name: string): string | undefined {
  const raw = request.headers[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value === '') return undefined;
  if (!isUuid(value))
    throw new AppError('BAD_USER_INPUT', `The ${name} header must be an id (UUID).`, { field: name, http: { status: 400 } });
  return value.toLowerCase();
}

/**
 * Builds each GraphQL request's state once: authenticates (passport: JWT or
 * API key), applies the caller's rate limit, reads the tenant headers and
 * prepares the request's unit of work, which opens only when data is touched.
 */
@Injectable()
export class GraphQLContextFactory {
  constructor(
    private readonly config: SocleConfig,
    private readonly authenticator: Authenticator,
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
    private readonly units: UnitOfWorkFactory,
  ) {}

  async create(request: FastifyRequest, _reply: FastifyReply): Promise<GraphQLContext> {
    const requestId = (request as unknown as { requestId?: string }).requestId ?? requestIdOf(request);
    try {
      const principal = await this.authenticator.authenticate(request);
      await this.throttle(principal, request.ip);
      const state: RequestState = {
        requestId,
        ip: request.ip,
        principal,
        requestedOrganizationId: uuidHeader(request, 'x-socle-organization'),
        requestedAgencyId: uuidHeader(request, 'x-socle-agency'),
        uow: this.units.create(principal.kind === 'user' ? { userId: principal.userId } : {}),
        loaders: new Map(),
      };
      (request as unknown as Record<string, unknown>)[STATE_KEY] = state;
      return { state, req: request };
    } catch (caught) {
      // Apollo answers a failed context as it is: a domain error (e.g. from authentication) is mapped here.
      const error = asGraphQLError(caught);
      // No context means no request plugin sees this error: it carries the request id itself.
      if (error instanceof AppError) (error.extensions as Record<string, unknown>).requestId = requestId;
      throw error;
    }
  }

  private async throttle(principal: Principal, ip: string): Promise<void> {
    const [bucket, limit] =
      principal.kind === 'user'
        ? [`user:${principal.userId}`, this.config.RATE_LIMIT_USER_PER_MINUTE]
        : principal.kind === 'apiKey'
          ? [`key:${principal.keyId}`, this.config.RATE_LIMIT_API_KEY_PER_MINUTE]
          : [`ip:${ip}`, this.config.RATE_LIMIT_ANONYMOUS_PER_MINUTE];
    const result = await this.limiter.hit(bucket, limit);
    if (!result.allowed) throw rateLimited(result.retryAfterSeconds);
  }
}
