import { Logger } from '@nestjs/common';
import type { IncomingMessage, Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Duplex } from 'node:stream';
import {
  createSourceEventStream,
  DocumentNode,
  execute,
  ExecutionArgs,
  ExecutionResult,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  GraphQLSchema,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { CloseCode, Context, handleProtocols, makeServer } from 'graphql-ws';
import { WebSocket, WebSocketServer } from 'ws';
import { AccessResolution, AccessRule, Principal, RequestState, TenantAccessResolver } from '@socle/platform-auth';
import {
  AppError,
  aliasLimitRule,
  asGraphQLError,
  checkRequestShape,
  depthLimitRule,
  forbidden,
  jsonLiteralRule,
} from '@socle/platform-graphql';
import { rootFieldNames } from './access-plugin';
import type { GraphQLContextFactory, HeaderCarrier } from './graphql-context';
import { formatError } from './graphql-plugins';

export interface SubscriptionLimits {
  path: string;
  maxPayloadBytes: number;
  maxSubscriptionsPerConnection: number;
  maxConnections: number;
  maxDepth: number;
  maxAliases: number;
  /** A ping this often; a connection that does not answer by the next one is dropped. */
  keepAliveMs?: number;
  /** How long a connection may wait before its connection_init. */
  connectionInitWaitMs?: number;
}

export interface SubscriptionParts {
  schema: GraphQLSchema;
  contexts: GraphQLContextFactory;
  access: AccessResolution;
  tenants: TenantAccessResolver;
  /** The access rule of each root field, keyed `Subscription.<field>`. */
  rules: () => Map<string, AccessRule | undefined>;
}

/** What the server keeps about one connection. */
interface Connection {
  socket: WebSocket;
  request: IncomingMessage;
  ip: string;
  id: string;
  /** The connection_init payload read as the HTTP headers it stands for (set once accepted). */
  carrier?: HeaderCarrier;
}

/** The GraphQL context of a subscription: the same request state as over HTTP (the guards and decorators read it). */
interface SubscriptionContext {
  state: RequestState;
}

/** Names a connection_init payload may carry: those of the HTTP headers the API reads. */
const CONNECTION_PARAMS = ['authorization', 'x-socle-organization', 'x-socle-agency'] as const;
const MAX_PARAM_LENGTH = 4096;

/** A close reason fits in 123 bytes (the WebSocket protocol's limit). */
export function closeReason(text: string): string {
  let out = text;
  while (Buffer.byteLength(out) > 123) out = `${out.slice(0, out.length - 2)}…`;
  return out;
}

/** The connection_init payload as headers, or the problem with it. */
export function connectionCarrier(params: Readonly<Record<string, unknown>> | undefined): HeaderCarrier | string {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    const name = key.toLowerCase() as (typeof CONNECTION_PARAMS)[number];
    if (!CONNECTION_PARAMS.includes(name)) continue;
    if (typeof value !== 'string') return `connection_init: ${name} must be a string.`;
    if (value.length > MAX_PARAM_LENGTH || value.includes('\0')) return `connection_init: ${name} is not valid.`;
    headers[name] = value;
  }
  return { headers };
}

function clientIp(request: IncomingMessage): string {
  // As the HTTP API reads it (Fastify trusts the proxy): the first forwarded address, else the peer.
  const forwarded = request.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || request.socket.remoteAddress || 'unknown';
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function asAppError(caught: unknown, logger: Logger, what: string): GraphQLError {
  const error = asGraphQLError(caught);
  if (error instanceof GraphQLError) return error;
  logger.error(`${what}: ${caught instanceof Error ? (caught.stack ?? caught.message) : String(caught)}`);
  return new AppError('INTERNAL', 'Internal server error.');
}

const isAsyncIterable = (value: unknown): value is AsyncIterableIterator<unknown> =>
  typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';

/** When this process received a source event (LiveEvents stamps it); events without a stamp are checked each. */
const receivedAtOf = (event: unknown): number =>
  typeof (event as { receivedAt?: unknown } | null)?.receivedAt === 'number' ? (event as { receivedAt: number }).receivedAt : Infinity;

/**
 * The results of one subscription: each source event is let through (executed
 * into a result) only under a proof of the caller's access (`check`) that began
 * after the event arrived, so nothing that arrived after a revocation is ever
 * sent; one proof covers every event that was already waiting when it began (a
 * burst costs one check, not one per event). A refusal is sent as the last
 * result, then the subscription completes. `return()` stops the source at once,
 * even while it waits for an event (a generator could not be stopped until its next event).
 */
function gated(
  source: AsyncIterableIterator<unknown>,
  run: (event: unknown) => Promise<ExecutionResult>,
  check: () => Promise<GraphQLError | null>,
): AsyncIterableIterator<ExecutionResult> {
  let finished = false;
  let provenFrom = -Infinity;
  const stop = async (): Promise<IteratorResult<ExecutionResult>> => {
    finished = true;
    await source.return?.();
    return { value: undefined, done: true };
  };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next(): Promise<IteratorResult<ExecutionResult>> {
      if (finished) return { value: undefined, done: true };
      let step: IteratorResult<unknown>;
      try {
        step = await source.next();
      } catch (caught) {
        await stop();
        const message = caught instanceof Error ? caught.message : String(caught);
        return {
          value: { errors: [new AppError('RATE_LIMITED', `This subscription fell behind (${message}): subscribe again.`)] },
          done: false,
        };
      }
      if (step.done || finished) {
        finished = true;
        return { value: undefined, done: true };
      }
      if (receivedAtOf(step.value) > provenFrom) {
        const began = Date.now();
        const refusal = await check();
        if (refusal) {
          await stop();
          return { value: { errors: [refusal] }, done: false };
        }
        provenFrom = began;
      }
      return { value: await run(step.value), done: false };
    },
    return: stop,
    async throw(error: unknown): Promise<IteratorResult<ExecutionResult>> {
      await stop();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}

/**
 * GraphQL subscriptions over WebSocket (the graphql-ws protocol,
 * `graphql-transport-ws`) at the GraphQL path of the HTTP server.
 *
 * - Connection: the connection_init payload carries what HTTP headers carry
 *   (`authorization: Bearer <access token or API key>`, `x-socle-organization`),
 *   checked by the same authenticator and rate limit; anything else closes the
 *   connection with 4403 and the reason. A subscribe before the acknowledgement gets 4401.
 * - Subscribe: only subscription operations, under the same validation rules
 *   and limits as HTTP; the organisation is entered and the permission of the
 *   field checked as for a query (an `error` message otherwise); at most
 *   `maxSubscriptionsPerConnection` at once.
 * - Every event: the credentials and the access are proven again before it is
 *   sent (an expired token, a revoked key or membership, an organisation being
 *   deleted end the subscription with that error); no transaction stays open between events.
 * - Messages over `maxPayloadBytes` close the connection (1009); a broken frame
 *   closes that connection, never the server.
 */
export function attachSubscriptions(
  httpServer: Server,
  parts: SubscriptionParts,
  limits: SubscriptionLimits,
): { close(): Promise<void>; connections(): number } {
  const logger = new Logger('Subscriptions');
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxPayloadBytes,
    perMessageDeflate: false,
    handleProtocols: (protocols) => handleProtocols(protocols) || false,
  });
  const validationRules = [...specifiedRules, depthLimitRule(limits.maxDepth), aliasLimitRule(limits.maxAliases), jsonLiteralRule()];

  const operationRules = (document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>) => {
    const operation = getOperationAST(document, operationName);
    if (!operation)
      return { error: new AppError('BAD_USER_INPUT', 'Name the operation to run (operationName).', { field: 'operationName' }) };
    if (operation.operation !== 'subscription')
      return {
        error: new AppError(
          'BAD_USER_INPUT',
          'Only subscriptions are served over WebSocket: send queries and mutations over HTTP (POST /graphql).',
          { field: 'query' },
        ),
      };
    const rules = parts.rules();
    return { operation, rules: rootFieldNames(document, operation, variables).map((field) => rules.get(`Subscription.${field}`)) };
  };

  /** Proves the caller's access for the rules again, in a read-only transaction closed at once; the refusal, or null. */
  const prove = async (state: RequestState, rules: (AccessRule | undefined)[], record: boolean): Promise<GraphQLError | null> => {
    state.uow.markReadOnly();
    try {
      await parts.access.resolve(state, rules);
      const access = state.access;
      for (const rule of rules) {
        if (rule?.kind !== 'permission' || access?.permissions.has(rule.permission)) continue;
        if (record && access)
          await parts.tenants
            .recordRefusal({
              principal: state.principal,
              permission: rule.permission,
              requestId: state.requestId,
              ...(access.level === 'ORGANIZATION'
                ? { organizationId: access.context.organizationId }
                : { agencyId: access.context.agencyId }),
            })
            .catch((error: unknown) => logger.error(`could not record a refusal: ${String(error)}`));
        return forbidden(`Your access does not include ${rule.permission}.`);
      }
      return null;
    } catch (caught) {
      return asAppError(caught, logger, `request ${state.requestId}: resolving access failed`);
    }
  };

  /** The connection of each subscription's context (set when its subscribe message is accepted). */
  const connections = new WeakMap<SubscriptionContext, Connection>();

  const server = makeServer<Record<string, unknown> | undefined, Connection>({
    schema: parts.schema,
    connectionInitWaitTimeout: limits.connectionInitWaitMs ?? 3000,
    onConnect: async (ctx: Context<Record<string, unknown> | undefined, Connection>) => {
      const connection = ctx.extra;
      const refuse = (reason: string) => {
        connection.socket.close(CloseCode.Forbidden, closeReason(reason));
        return false;
      };
      const carrier = connectionCarrier(ctx.connectionParams);
      if (typeof carrier === 'string') return refuse(carrier);
      let principal: Principal;
      try {
        const state = await parts.contexts.state(carrier, connection.ip, connection.id);
        principal = state.principal;
      } catch (caught) {
        return refuse(asAppError(caught, logger, `connection ${connection.id}`).message);
      }
      if (principal.kind === 'anonymous')
        return refuse('Sign in: send authorization (Bearer <access token or API key>) in connection_init.');
      connection.carrier = carrier;
      return true;
    },
    onSubscribe: async (ctx, id, payload) => {
      const connection = ctx.extra;
      if (!connection.carrier) return [new AppError('UNAUTHENTICATED', 'This connection is not signed in.')];
      if (Object.keys(ctx.subscriptions).length > limits.maxSubscriptionsPerConnection)
        return [
          new AppError(
            'RATE_LIMITED',
            `This connection already holds ${limits.maxSubscriptionsPerConnection} subscriptions, the most it may: complete one first.`,
          ),
        ];
      const variables = payload.variables ?? {};
      let document: DocumentNode;
      try {
        checkRequestShape({ query: payload.query, variables, extensions: payload.extensions ?? null });
        document = parse(payload.query);
      } catch (caught) {
        if (caught instanceof GraphQLError && !(caught instanceof AppError))
          return [new GraphQLError(caught.message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        return [asAppError(caught, logger, 'parsing a subscription')];
      }
      const invalid = validate(parts.schema, document, validationRules);
      if (invalid.length > 0)
        return invalid.map((e) =>
          e.extensions?.code ? e : new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
        );
      const { error, rules, operation } = operationRules(document, payload.operationName, variables);
      if (error) return [error];
      // Variables coerced here, so that a bad one is answered as over HTTP (BAD_USER_INPUT and its path).
      const coerced = getVariableValues(parts.schema, operation.variableDefinitions ?? [], variables, { maxErrors: 10 });
      if (coerced.errors)
        return coerced.errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'BAD_USER_INPUT' } }));
      let state: RequestState;
      try {
        state = await parts.contexts.state(connection.carrier, connection.ip, `${connection.id}:${id}`);
      } catch (caught) {
        return [asAppError(caught, logger, `subscription ${id}`)];
      }
      const refusal = await prove(state, rules, true);
      if (refusal) {
        await state.uow.rollback().catch(() => undefined);
        return [refusal];
      }
      const context: SubscriptionContext = { state };
      connections.set(context, connection);
      const args: ExecutionArgs = {
        schema: parts.schema,
        document,
        operationName: payload.operationName,
        variableValues: variables,
        contextValue: context,
      };
      return args;
    },
    subscribe: async (args) => {
      const context = args.contextValue as SubscriptionContext;
      const connectionId = context.state.requestId;
      let source: AsyncIterable<unknown> | ExecutionResult;
      try {
        // The source stream (the field's subscribe, through the guards and pipes); each event is executed below, as graphql's subscribe does.
        source = await createSourceEventStream(args);
      } catch (caught) {
        source = { errors: [asAppError(caught, logger, `subscription ${connectionId}`)] };
      } finally {
        // The access was proven and the subscription set up: no transaction stays open while it waits for events.
        await context.state.uow.rollback().catch(() => undefined);
      }
      if (!isAsyncIterable(source)) return source as ExecutionResult;
      const rules = operationRules(args.document, args.operationName, (args.variableValues ?? {}) as Record<string, unknown>).rules ?? [];
      const connection = connections.get(context);
      return gated(
        source,
        async (event) => execute({ ...args, rootValue: event }),
        async () => {
          if (!connection?.carrier) return new AppError('UNAUTHENTICATED', 'This connection is closed.');
          let state: RequestState;
          try {
            state = await parts.contexts.restate(connection.carrier, connection.ip, `${connectionId}:event`);
          } catch (caught) {
            return asAppError(caught, logger, `subscription ${connectionId}`);
          }
          try {
            return await prove(state, rules, false);
          } finally {
            await state.uow.rollback().catch(() => undefined);
          }
        },
      );
    },
    onNext: (_ctx, _id, _payload, _args, result) =>
      result.errors ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e)) } : undefined,
    onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
  });

  httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const path = (request.url ?? '').split('?', 1)[0];
    if (path !== limits.path) return refuseUpgrade(socket, 404, 'Not Found');
    if (wss.clients.size >= limits.maxConnections) return refuseUpgrade(socket, 503, 'Service Unavailable');
    // Only the graphql-transport-ws protocol is spoken (not the older subscriptions-transport-ws one).
    if (!handleProtocols(String(request.headers['sec-websocket-protocol'] ?? ''))) return refuseUpgrade(socket, 400, 'Bad Request');
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    const connection: Connection = { socket, request, ip: clientIp(request), id: randomUUID() };
    // A broken frame or an oversized message: ws closes this connection (1002, 1009) and reports it here.
    socket.on('error', (error) => logger.debug?.(`connection ${connection.id}: ${error.message}`));
    let pongWait: NodeJS.Timeout | null = null;
    const keepAliveMs = limits.keepAliveMs ?? 12_000;
    const ping = setInterval(() => {
      if (socket.readyState !== WebSocket.OPEN) return;
      pongWait = setTimeout(() => socket.terminate(), keepAliveMs);
      socket.once('pong', () => {
        if (pongWait) clearTimeout(pongWait);
        pongWait = null;
      });
      socket.ping();
    }, keepAliveMs);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve) => {
            if (socket.readyState !== WebSocket.OPEN) return resolve();
            socket.send(data, () => resolve());
          }),
        close: (code, reason) => socket.close(code, closeReason(reason ?? '')),
        onMessage: (handle) =>
          socket.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
            const text = isBinary
              ? ''
              : Array.isArray(data)
                ? Buffer.concat(data).toString('utf8')
                : Buffer.from(data as ArrayBuffer).toString('utf8');
            handle(text).catch((error: unknown) => {
              logger.error(`connection ${connection.id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }),
      },
      connection,
    );
    socket.once('close', (code: number, reason: Buffer) => {
      clearInterval(ping);
      if (pongWait) clearTimeout(pongWait);
      connection.carrier = undefined;
      closed(code, reason.toString()).catch((error: unknown) => logger.warn(`closing connection ${connection.id}: ${String(error)}`));
    });
  });

  return {
    connections: () => wss.clients.size,
    close: async () => {
      for (const client of wss.clients) client.close(1001, 'Going away');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
