import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { GraphQLError } from 'graphql';
import type { RequestState } from '@socle/platform-auth';
import {
  AppError,
  claimIdempotencyKey,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAY_HEADER,
  IdempotencyScope,
  readIdempotencyKey,
  requestFingerprint,
} from '@socle/platform-graphql';
import type { GraphQLContext } from './graphql-context';
import { formatError } from './graphql-plugins';
import { claims } from './idempotency-claims';

function scopeOf(state: RequestState): IdempotencyScope | undefined {
  const callerId =
    state.principal.kind === 'user' ? state.principal.userId : state.principal.kind === 'apiKey' ? state.principal.keyId : undefined;
  if (!callerId || !state.access) return undefined;
  return state.access.level === 'ORGANIZATION'
    ? { agencyId: state.access.context.agencyId, organizationId: state.access.context.organizationId, callerId }
    : { agencyId: state.access.context.agencyId, callerId };
}

function refusal(error: GraphQLError): GraphQLResponse {
  const status = (error.extensions as { http?: { status?: number } }).http?.status ?? 400;
  return {
    http: { status, headers: new HeaderMap() },
    body: { kind: 'single', singleResult: { errors: [formatError(error.toJSON(), error)] } },
  };
}

/**
 * Client idempotency keys on mutations: a mutation sent with an `Idempotency-Key` header runs once per key (per caller, in
 * one organisation or agency, for a day); the same request sent again with the same key gets the first answer, with
 * `Idempotent-Replayed: true`, and changes nothing. Runs after the access plugin (the tenant is proven by then).
 */
export function idempotencyPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation(ctx): Promise<GraphQLResponse | null> {
          const state = ctx.contextValue?.state;
          const raw = ctx.request.http?.headers.get(IDEMPOTENCY_KEY_HEADER);
          if (!state || raw === undefined) return null;
          try {
            const key = readIdempotencyKey(raw);
            if (key === undefined || ctx.operation?.operation !== 'mutation') return null;
            const scope = scopeOf(state);
            if (!scope) {
              throw new AppError(
                'BAD_USER_INPUT',
                'Idempotency keys apply to mutations in an organisation or an agency, by a signed-in person or an API key.',
                { field: 'Idempotency-Key', http: { status: 422 } },
              );
            }
            const fingerprint = requestFingerprint(ctx.request.query ?? '', ctx.request.operationName, ctx.request.variables);
            const claim = await claimIdempotencyKey(state.uow, scope, key, fingerprint);
            if (claim.kind === 'claimed') {
              claims.set(state, { scope, id: claim.id });
              return null;
            }
            const headers = new HeaderMap([[IDEMPOTENT_REPLAY_HEADER, 'true']]);
            return {
              http: { status: 200, headers },
              body: { kind: 'single', singleResult: { data: claim.answer as FormattedExecutionResult['data'] } },
            };
          } catch (caught) {
            if (caught instanceof GraphQLError) return refusal(caught);
            throw caught;
          }
        },
      };
    },
  };
}
