import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { SocleConfig } from '@socle/platform-config';
import { isUuid, UnitOfWorkFactory } from '@socle/platform-database';
import { Principal, RATE_LIMITER, RateLimiter, RateLimitResult, RateLimitState, RequestState } from '@socle/platform-auth';
import { AppError, asGraphQLError, rateLimited } from '@socle/platform-graphql';
import { Authenticator } from '@socle/accounts';
import { refuseMisshapenRequest } from './graphql-plugins';
import { TenantInPath, tenantInPath } from './tenant-path';

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

/** What a GraphQL caller presents: HTTP headers, or a WebSocket connection's connection_init payload read as headers. */
export interface HeaderCarrier {
  headers: Record<string, string | string[] | undefined>;
  /** The HTTP request itself, when there is one: it may have come by a tenant path (`/graphql/organizations/<id>`). */
  raw?: IncomingMessage;
}

function uuidHeader(request: HeaderCarrier, name: string): string | undefined {
  const raw = request.headers[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value === '') return undefined;
  if (!isUuid(value))
    throw new AppError('BAD_USER_INPUT', `The ${name} header must be an id (UUID).`, { field: name, http: { status: 400 } });
  return value.toLowerCase();
}

/** The organisation (or agency) chosen by the header or by the path; both may be given only if they agree. */
function chosenTenant(request: HeaderCarrier, kind: TenantInPath['kind'], header: string): string | undefined {
  const fromHeader = uuidHeader(request, header);
  const inPath = tenantInPath(request.raw);
  if (inPath?.kind !== kind) return fromHeader;
  const plural = kind === 'organization' ? 'organizations' : 'agencies';
  if (!isUuid(inPath.id)) {
    throw new AppError('BAD_USER_INPUT', `The ${kind} in the path (/graphql/${plural}/<id>) must be an id (UUID).`, {
      field: 'path',
      http: { status: 400 },
    });
  }
  const fromPath = inPath.id.toLowerCase();
  if (fromHeader !== undefined && fromHeader !== fromPath) {
    throw new AppError('BAD_USER_INPUT', `The ${header} header names another ${kind} than the path: give one, or the same in both.`, {
      field: header,
      http: { status: 400 },
    });
  }
  return fromPath;
}

/**
 * The caller's budget in the IETF rate-limit header fields (draft-ietf-httpapi-ratelimit-headers):
 * `RateLimit-Limit` requests per window, `RateLimit-Remaining` of them left, `RateLimit-Reset` seconds until
 * the window ends, and the policy itself (`<limit>;w=<window seconds>`).
 */
function sendRateLimitHeaders(reply: FastifyReply | null, state: RateLimitState): void {
  if (!reply) return;
  void reply
    .header('ratelimit-limit', String(state.limit))
    .header('ratelimit-remaining', String(state.remaining))
    .header('ratelimit-reset', String(state.resetSeconds))
    .header('ratelimit-policy', `${state.limit};w=${state.windowSeconds}`);
}

function rateLimitState(bucket: RateLimitState['bucket'], result: RateLimitResult): RateLimitState {
  return {
    bucket,
    limit: result.limit,
    remaining: result.remaining,
    resetSeconds: result.retryAfterSeconds,
    windowSeconds: result.windowSeconds,
  };
}

/**
 * Builds each GraphQL request's state once: refuses a misshapen request or a
 * batch, authenticates (passport: JWT or API key), applies the caller's rate
 * limit, reads the tenant headers and prepares the request's unit of work,
 * which opens only when data is touched. Every answer carries the caller's
 * rate-limit budget in its headers.
 */
@Injectable()
export class GraphQLContextFactory {
  constructor(
    private readonly config: SocleConfig,
    private readonly authenticator: Authenticator,
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
    private readonly units: UnitOfWorkFactory,
  ) {}

  async create(request: FastifyRequest, reply: FastifyReply): Promise<GraphQLContext> {
    const requestId = (request as unknown as { requestId?: string }).requestId ?? requestIdOf(request);
    let rateLimit: RateLimitState | undefined;
    try {
      refuseMisshapenRequest(request);
      const principal = await this.authenticator.authenticate(request);
      rateLimit = await this.throttle(principal, request.ip, reply);
      // Apollo would refuse a batch itself, after this, with no request id: refused here like any other request error.
      if (Array.isArray(request.body)) {
        throw new AppError('BAD_REQUEST', 'Operation batching disabled: send one operation per request (a JSON object, not an array).', {
          http: { status: 400 },
        });
      }
      const state: RequestState = { ...this.stateOf(principal, request, request.ip, requestId), rateLimit };
      (request as unknown as Record<string, unknown>)[STATE_KEY] = state;
      return { state, req: request };
    } catch (caught) {
      // Refused before the caller was known (bad credentials, a misshapen request): the budget of the caller's
      // address is reported as it stands, nothing counted.
      if (!rateLimit && !reply.hasHeader('ratelimit-limit')) await this.reportAddressBudget(request.ip, reply);
      // Apollo answers a failed context as it is: a domain error (e.g. from authentication) is mapped here.
      const error = asGraphQLError(caught);
      // No context means no request plugin sees this error: it carries the request id itself.
      if (error instanceof AppError) (error.extensions as Record<string, unknown>).requestId = requestId;
      throw error;
    }
  }

  /**
   * One operation's state from what a live subscription's caller presents: authenticated (an error with the reason
   * when the credentials are bad), rate-limited, the tenant headers read, its unit of work prepared.
   */
  async state(carrier: HeaderCarrier, ip: string, requestId: string): Promise<RequestState> {
    const principal = await this.authenticator.authenticate(carrier);
    const rateLimit = await this.throttle(principal, ip, null);
    return { ...this.stateOf(principal, carrier, ip, requestId), rateLimit };
  }

  /**
   * A state for the same caller again, without the rate limit: the live
   * subscriptions check each event with it (the credentials again: an expired
   * token or a revoked key stops delivery; then the membership, by the access resolution).
   */
  async restate(carrier: HeaderCarrier, ip: string, requestId: string): Promise<RequestState> {
    return this.stateOf(await this.authenticator.authenticate(carrier), carrier, ip, requestId);
  }

  private stateOf(principal: Principal, carrier: HeaderCarrier, ip: string, requestId: string): RequestState {
    return {
      requestId,
      ip,
      principal,
      requestedOrganizationId: chosenTenant(carrier, 'organization', 'x-socle-organization'),
      requestedAgencyId: chosenTenant(carrier, 'agency', 'x-socle-agency'),
      uow: this.units.create(principal.kind === 'user' ? { userId: principal.userId } : {}),
      loaders: new Map(),
    };
  }

  private async throttle(principal: Principal, ip: string, reply: FastifyReply | null): Promise<RateLimitState> {
    const [kind, bucket, limit] =
      principal.kind === 'user'
        ? (['USER', `user:${principal.userId}`, this.config.RATE_LIMIT_USER_PER_MINUTE] as const)
        : principal.kind === 'apiKey'
          ? (['API_KEY', `key:${principal.keyId}`, this.config.RATE_LIMIT_API_KEY_PER_MINUTE] as const)
          : (['ANONYMOUS', `ip:${ip}`, this.config.RATE_LIMIT_ANONYMOUS_PER_MINUTE] as const);
    const result = await this.limiter.hit(bucket, limit);
    const state = rateLimitState(kind, result);
    sendRateLimitHeaders(reply, state);
    if (!result.allowed) throw rateLimited(result.retryAfterSeconds);
    return state;
  }

  private async reportAddressBudget(ip: string, reply: FastifyReply): Promise<void> {
    try {
      const result = await this.limiter.peek(`ip:${ip}`, this.config.RATE_LIMIT_ANONYMOUS_PER_MINUTE);
      sendRateLimitHeaders(reply, rateLimitState('ANONYMOUS', result));
    } catch {
      // The refusal itself matters more than its headers (Redis unreachable is reported by the readiness check).
    }
  }
}
