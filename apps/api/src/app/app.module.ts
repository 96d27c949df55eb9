import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD, APP_PIPE, HttpAdapterHost, ModulesContainer } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { AccountsModule } from '@socle/accounts';
import { StrategyModule } from '@socle/strategy';
import { ContentModule } from '@socle/content';
import { CommunityModule, CONNECTOR_REGISTRY } from '@socle/community';
import type { ConnectorRegistry } from '@socle/connector-sdk';
import { networkTextLimitsFromManifests, PoliciesModule } from '@socle/policies';
import { EvaluationHttpModule, EvaluationModule, PortfolioModule } from '@socle/evaluation';
import { infrastructureModules } from '@socle/domain-catalog';
import { IntegrationsModule } from '@socle/integrations';
import { PressRoomModule } from '@socle/press-room';
import { TenantArchiveHttpModule } from '@socle/tenant-archive';
import { AccessGuard, AccessResolution } from '@socle/platform-auth';
import { SocleConfig } from '@socle/platform-config';
import {
  aliasLimitRule,
  DateTimeScalar,
  depthLimitRule,
  jsonLiteralRule,
  literalPathRule,
  queryLimitsPlugin,
  SocleValidationPipe,
} from '@socle/platform-graphql';
import { Metrics } from '@socle/platform-observability';
import { GraphQLContext, GraphQLContextFactory } from './graphql-context';
import { formatError, requestLifecyclePlugin } from './graphql-plugins';
import { accessPlugin } from './access-plugin';
import { idempotencyPlugin } from './idempotency-plugin';
import { ErrorReferenceResolver } from './error-reference.resolver';
import { HealthController } from './health.controller';
import { ConsoleController } from './console.controller';
import { describeRootTypes } from './root-types';
import { ExplorerController } from './explorer.controller';
import { explorerDirectoryOf, explorerLandingPage } from './explorer';

/** Provides the GraphQL context factory and the per-operation access resolution to the GraphQL module's async factory. */
@Module({
  imports: [AccountsModule],
  providers: [GraphQLContextFactory, AccessResolution],
  exports: [GraphQLContextFactory, AccessResolution],
})
class GraphQLContextModule {}

/** Composition root of the API: wiring only, no business rules. */
@Module({})
export class AppModule {
  static forRoot(config: SocleConfig, metrics: Metrics): DynamicModule {
    // One instance of each, shared: the policies module reads the connectors' text limits from the community
    // module's registry, the content module reaches network accounts through the community module's targets.
    const community = CommunityModule.forRoot({ http: true });
    const policies = PoliciesModule.forRoot({
      http: true,
      networkTextLimits: {
        imports: [community],
        inject: [CONNECTOR_REGISTRY],
        useFactory: (registry: ConnectorRegistry) => networkTextLimitsFromManifests(() => registry.manifests()),
      },
    });
    const content = ContentModule.forRoot({ http: true, imports: [policies, community] });
    return {
      module: AppModule,
      imports: [
        ...infrastructureModules(config, 'socle-api'),
        AccountsModule,
        StrategyModule,
        community,
        policies,
        content,
        PressRoomModule.forRoot({ http: true, imports: [content, community] }),
        EvaluationModule,
        EvaluationHttpModule,
        PortfolioModule.forRoot({ http: true }),
        IntegrationsModule.forRoot({ http: true }),
        TenantArchiveHttpModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [GraphQLContextModule],
          inject: [GraphQLContextFactory, AccessResolution, ModulesContainer, HttpAdapterHost],
          useFactory: (
            contexts: GraphQLContextFactory,
            access: AccessResolution,
            modules: ModulesContainer,
            adapter: HttpAdapterHost,
          ): ApolloDriverConfig => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            // A field typed `Date` is the strict DateTime scalar, not Nest's (which takes whatever `new Date()` reads).
            buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
            transformSchema: describeRootTypes,
            // The explorer (GraphiQL, bundled with the console's tooling) is the landing page instead: explorerLandingPage.
            playground: false,
            graphiql: false,
            introspection: true, // refused per caller by queryLimitsPlugin
            // Authentication is by bearer header, never cookies, so requests cannot be forged cross-site;
            // this keeps GET queries usable by any GraphQL-over-HTTP client.
            csrfPrevention: false,
            allowBatchedHttpRequests: false,
            includeStacktraceInErrorResponses: false,
            // Keep the status an error asks for (401, 429 with Retry-After) when it refuses the whole operation;
            // requestLifecyclePlugin answers 200 whenever some data was produced.
            preserveHttpStatusForExecutionErrors: false,
            context: (request: Parameters<GraphQLContextFactory['create']>[0], reply: Parameters<GraphQLContextFactory['create']>[1]) =>
              contexts.create(request, reply),
            validationRules: [
              depthLimitRule(config.GRAPHQL_MAX_DEPTH),
              aliasLimitRule(config.GRAPHQL_MAX_ALIASES),
              jsonLiteralRule(),
              literalPathRule(),
            ],
            plugins: [
              // No HTTP caching of GraphQL answers (they are per user and tenant): without this, Apollo
              // wraps every field resolver to compute cache hints nobody reads.
              ApolloServerPluginCacheControlDisabled(),
              queryLimitsPlugin<GraphQLContext>(
                { maxDepth: config.GRAPHQL_MAX_DEPTH, maxAliases: config.GRAPHQL_MAX_ALIASES, maxCost: config.GRAPHQL_MAX_COST },
                {
                  introspectionAllowed: (ctx) => config.publicIntrospection || ctx.state.principal.kind !== 'anonymous',
                  throttleStatus: ({ state }) =>
                    state?.rateLimit
                      ? {
                          maximumAvailable: state.rateLimit.limit,
                          currentlyAvailable: state.rateLimit.remaining,
                          resetInSeconds: state.rateLimit.resetSeconds,
                          windowSeconds: state.rateLimit.windowSeconds,
                        }
                      : null,
                },
              ),
              requestLifecyclePlugin({ metrics, publicIntrospection: config.publicIntrospection }),
              // Access is resolved once per operation, before any resolver (the guard then checks each field's permission).
              accessPlugin(modules, access),
              // After access: a mutation's idempotency key is claimed in the tenant it proved.
              idempotencyPlugin(),
              explorerLandingPage(() => explorerDirectoryOf(adapter.httpAdapter.getInstance())),
            ],
            formatError,
          }),
        }),
      ],
      controllers: [HealthController, ConsoleController, ExplorerController],
      providers: [
        { provide: Metrics, useValue: metrics },
        ErrorReferenceResolver,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_PIPE, useClass: SocleValidationPipe },
      ],
    };
  }
}
