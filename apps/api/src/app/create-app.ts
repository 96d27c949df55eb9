import { ModulesContainer, NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { rewritePressRoomHost } from '@socle/press-room';
import { rewriteTenantPath } from './tenant-path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { SocleConfig } from '@socle/platform-config';
import { createLogger, Metrics, PinoNestLogger } from '@socle/platform-observability';
import { AppModule } from './app.module';
import { HttpErrorsFilter } from './http-errors.filter';
import { registerConsoleFiles } from './console-files';
import { registerExplorerFiles, explorerHeaders } from './explorer';
import { GraphQLContextFactory, requestIdOf, STATE_KEY } from './graphql-context';
import { AccessResolution, AccessRule, collectOperationRules, TENANT_ACCESS_RESOLVER, TenantAccessResolver } from '@socle/platform-auth';
import type { RequestState } from '@socle/platform-auth';
import { attachSubscriptions } from './subscriptions';

type WithState = FastifyRequest & { requestId?: string; startedAt?: bigint; [STATE_KEY]?: RequestState };

export interface HttpRoute {
  method: string;
  url: string;
}

const routesOfApp = new WeakMap<NestFastifyApplication, HttpRoute[]>();

/** A control character in a request path, raw or percent-encoded (%00–%1F, %7F). */
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const CONTROL_IN_PATH = /[\u0000-\u001f\u007f]|%(?:[01][0-9a-f]|7f)/i;

/** Every route Fastify registered for this app (each method separately), for the test that checks each declares its access. */
export function httpRoutesOf(app: NestFastifyApplication): readonly HttpRoute[] {
  return routesOfApp.get(app) ?? [];
}

/**
 * Builds the API on Fastify (it kept 86 % of bare Apollo's throughput where
 * Express kept 54 %). Shared by `main.ts`, the end-to-end tests and the benchmark.
 */
export async function createApp(
  config: SocleConfig,
  options: { logger?: Logger; consoleDirectory?: string; explorerDirectory?: string } = {},
): Promise<NestFastifyApplication> {
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const metrics = new Metrics();
  // maxParamLength: report download links carry their signed claims in the path (about 250 characters).
  const adapter = new FastifyAdapter({
    bodyLimit: config.BODY_LIMIT_BYTES,
    logger: false,
    trustProxy: true,
    routerOptions: { maxParamLength: 512 },
    // A verified custom domain of a press room is routed to its pages by `Host`; every other request as before.
    rewriteUrl(request: IncomingMessage) {
      return rewritePressRoomHost(this, request) ?? rewriteTenantPath(request);
    },
  });
  const fastify = adapter.getInstance();
  const routes: HttpRoute[] = [];
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });

  fastify.addHook('onRequest', async (request: WithState, reply: FastifyReply) => {
    request.requestId = requestIdOf(request);
    request.startedAt = process.hrtime.bigint();
    void reply.header('x-request-id', request.requestId);
    explorerHeaders(request, reply);
    // A path parameter (a signed link's token, an id) never holds a control character: refused here, once for every
    // route, rather than reaching a decoder or PostgreSQL (which refuses NUL in text) as a 500.
    if (CONTROL_IN_PATH.test(request.url.split('?', 1)[0])) {
      return reply
        .status(400)
        .type('application/json; charset=utf-8')
        .send({
          errors: [
            {
              message: 'The request path holds a control character (such as NUL); nothing was done.',
              extensions: { code: 'BAD_USER_INPUT', field: 'path', requestId: request.requestId },
            },
          ],
        });
    }
  });
  fastify.addHook('onResponse', async (request: WithState, reply: FastifyReply) => {
    const state = request[STATE_KEY];
    // A unit of work still open here means the response left on an unusual path: never keep its changes.
    if (state?.uow.isOpen) await state.uow.rollback().catch(() => undefined);
    const seconds = Number(process.hrtime.bigint() - (request.startedAt ?? process.hrtime.bigint())) / 1e9;
    const route = request.routeOptions?.url ?? 'unknown';
    metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ route }, seconds);
    if (!logger.isLevelEnabled('info')) return;
    logger.info(
      {
        requestId: request.requestId,
        method: request.method,
        route,
        status: reply.statusCode,
        ms: Math.round(seconds * 1000),
        userId: state?.principal.kind === 'user' ? state.principal.userId : undefined,
        apiKeyId: state?.principal.kind === 'apiKey' ? state.principal.keyId : undefined,
        organizationId: state?.access?.level === 'ORGANIZATION' ? state.access.context.organizationId : state?.requestedOrganizationId,
        agencyId: state?.access?.context.agencyId,
      },
      'request',
    );
  });

  registerConsoleFiles(adapter, logger, options.consoleDirectory);
  registerExplorerFiles(fastify, options.explorerDirectory);

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, metrics), adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  routesOfApp.set(app, routes);
  app.useGlobalFilters(new HttpErrorsFilter());
  await app.init();
  // GraphQL over HTTP takes JSON only: drop the parsers Nest and Fastify add for forms and plain text, so those get 415.
  fastify.removeContentTypeParser(['application/x-www-form-urlencoded', 'text/plain']);
  // GraphQL subscriptions over WebSocket (graphql-ws) on the same path, with the same authentication and access.
  let rules: Map<string, AccessRule | undefined> | undefined;
  const subscriptions = attachSubscriptions(
    fastify.server,
    {
      schema: app.get(GraphQLSchemaHost).schema,
      contexts: app.get(GraphQLContextFactory, { strict: false }),
      access: app.get(AccessResolution, { strict: false }),
      tenants: app.get<symbol, TenantAccessResolver>(TENANT_ACCESS_RESOLVER, { strict: false }),
      rules: () => (rules ??= collectOperationRules(app.get(ModulesContainer))),
    },
    {
      path: '/graphql',
      maxPayloadBytes: config.SUBSCRIPTIONS_MAX_PAYLOAD_BYTES,
      maxSubscriptionsPerConnection: config.SUBSCRIPTIONS_MAX_PER_CONNECTION,
      maxConnections: config.SUBSCRIPTIONS_MAX_CONNECTIONS,
      maxDepth: config.GRAPHQL_MAX_DEPTH,
      maxAliases: config.GRAPHQL_MAX_ALIASES,
    },
  );
  // Once closing, every answer asks the client to close its connection: a kept-alive connection would otherwise hold
  // the server open after the requests in flight are answered.
  let closing = false;
  fastify.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  fastify.addHook('preClose', async () => {
    closing = true;
    await subscriptions.close();
  });
  await fastify.ready();
  return app;
}
