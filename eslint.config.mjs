// Lint holds the architecture: module-boundary tags say who may depend on whom,
// and a few house rules keep tenant data access inside the tenancy layer.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const domainScopes = {
  // Between domains one direction only: strategy <- policies <- content <- community;
  // evaluation reads the others through their public APIs. Every domain may use accounts.
  'scope:accounts': [],
  'scope:strategy': ['scope:accounts'],
  'scope:policies': ['scope:accounts', 'scope:strategy'],
  'scope:content': ['scope:accounts', 'scope:strategy', 'scope:policies'],
  'scope:community': ['scope:accounts', 'scope:strategy', 'scope:policies', 'scope:content'],
  'scope:evaluation': ['scope:accounts', 'scope:strategy', 'scope:policies', 'scope:content', 'scope:community'],
  // Outgoing webhooks: the other domains emit through the platform's outbox (@socle/platform-webhooks) and never
  // import this one; it uses accounts for the audit log only.
  'scope:integrations': ['scope:accounts'],
  // The hosted press room (seed 000, owned media): publishes content items and shows the media library's files.
  'scope:press-room': ['scope:accounts', 'scope:content'],
  // The catalog lists every domain's entities and migrations for the apps.
  'scope:catalog': [
    'scope:accounts',
    'scope:strategy',
    'scope:policies',
    'scope:content',
    'scope:community',
    'scope:evaluation',
    'scope:integrations',
    'scope:press-room',
  ],
  // Moves one organisation between instances: reads every tenant table from the catalog, and uses the community
  // vault (credentials) and the content media storage (files).
  'scope:tenant-archive': ['scope:accounts', 'scope:content', 'scope:community', 'scope:catalog'],
};

// Shared by the two blocks below: a later block's options replace an earlier one's for the same rule.
const dataAccessPaths = [
  { name: 'pg', message: 'Query through the unit of work (@socle/platform-database).' },
  {
    name: 'typeorm',
    importNames: ['DataSource'],
    message: 'Run work through UnitOfWorkFactory (@socle/platform-database), never the DataSource.',
  },
  { name: '@socle/platform-database', importNames: ['DATA_SOURCE'], message: 'Inject UnitOfWorkFactory, not the DataSource.' },
  { name: '@socle/api', message: 'Only tests start the API.' },
  { name: '@socle/worker', message: 'Only tests start the worker.' },
];
// The API's DateTime scalar reads instants strictly; Nest's would make a second scalar of the same name that takes anything.
const lenientScalarPaths = [
  {
    name: '@nestjs/graphql',
    importNames: ['GraphQLISODateTime', 'GraphQLTimestamp'],
    message: 'Use DateTimeScalar (or DateScalar, YearMonthScalar, LocalTimeScalar) from @socle/platform-graphql.',
  },
];
// Domains raise their own errors (@socle/platform-errors); only the API edge turns them into GraphQL errors.
const transportErrorPaths = [
  { name: 'graphql', importNames: ['GraphQLError'], message: 'Throw a DomainError (@socle/platform-errors); the API maps it.' },
  {
    name: '@socle/platform-graphql',
    importNames: [
      'AppError',
      'badInput',
      'conflict',
      'forbidden',
      'notFound',
      'unauthenticated',
      'rateLimited',
      'toGraphQLError',
      'asGraphQLError',
      'ERROR_CODES',
      'ErrorCode',
    ],
    message: 'Domain errors come from @socle/platform-errors; @socle/platform-graphql is for pagination and scalars.',
  },
];

/** Only the database library makes an OrganizationUnitOfWork (from a proven tenant): no cast to one elsewhere. */
const provenTenantSyntax = [
  {
    selector: 'TSAsExpression > TSTypeReference.typeAnnotation > Identifier[name=/^(OrganizationUnitOfWork|ProvenOrganizationId)$/]',
    message:
      'Only the code that proved access makes an OrganizationUnitOfWork (enterOrganization, inOrganizationUnitOfWork): never cast to one.',
  },
];

const ORGANIZATION_ID = '/^(organizationId|organisationId|orgId|tenantId)$/i';
/** Repositories take the tenant from their `OrganizationUnitOfWork`, never as an argument. */
const repositoryTenantSyntax = [
  `:function > Identifier.params[name=${ORGANIZATION_ID}]`,
  `:function > AssignmentPattern.params > Identifier.left[name=${ORGANIZATION_ID}]`,
  `:function > ObjectPattern.params > Property > Identifier.value[name=${ORGANIZATION_ID}]`,
].map((selector) => ({
  selector,
  message: 'A repository reads the organisation from its unit of work (OrganizationUnitOfWork.organizationId), never from a parameter.',
}));

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/tmp/**', '.nx/**', '**/files/**', 'coverage/**', 'apps/console/src/gql/**'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          // Test code starts the real apps; the rule below keeps everything else from importing them.
          allow: ['@socle/api', '@socle/worker'],
          banTransitiveDependencies: false,
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:platform', 'type:sdk', 'type:plugin'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:platform', 'type:sdk'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:platform'] },
            { sourceTag: 'type:sdk', onlyDependOnLibsWithTags: [] },
            // A plugin kit is what a family of plugins shares (Meta's Graph API): plugins may use it; it uses the SDK only.
            { sourceTag: 'type:plugin', onlyDependOnLibsWithTags: ['type:sdk', 'type:plugin-kit'] },
            { sourceTag: 'type:plugin-kit', onlyDependOnLibsWithTags: ['type:sdk'] },
            {
              sourceTag: 'type:testing',
              onlyDependOnLibsWithTags: ['type:platform', 'type:domain', 'type:sdk', 'type:plugin', 'type:app'],
            },
            { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['*'] },
            ...Object.entries(domainScopes).map(([sourceTag, allowed]) => ({
              sourceTag,
              onlyDependOnLibsWithTags: [...allowed, 'scope:platform', 'scope:sdk'],
            })),
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|describe|test)$/]",
          message: 'No focused tests.',
        },
      ],
    },
  },
  {
    // The SDK is published to plugin authors: no framework, ORM, queue or driver inside it.
    files: ['libs/connector-sdk/**/*.ts', 'plugins/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@nestjs/*', 'typeorm', 'bullmq', 'pg', 'ioredis'], message: 'Connectors stay framework-free.' }] },
      ],
    },
  },
  {
    // Tenant data is reached only through the tenancy layer's unit of work:
    // a repository that grabs the DataSource or a pool bypasses row-level security.
    files: ['libs/domain/**/*.ts', 'apps/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.growth-spec.ts', '**/migrations/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [...dataAccessPaths, ...lenientScalarPaths], patterns: [] }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|describe|test)$/]",
          message: 'No focused tests.',
        },
        { selector: "NewExpression[callee.name='DataSource']", message: 'Only the platform database library creates DataSources.' },
        {
          selector: "MemberExpression[property.name='getRepository'][object.name=/[dD]ataSource/]",
          message: 'Repositories query through the unit of work, never the DataSource.',
        },
        ...provenTenantSyntax,
      ],
    },
  },
  {
    // A repository reads the tenant from its unit of work (`OrganizationUnitOfWork`), so it cannot be pointed at
    // another organisation: no organisation id parameter beside it. (Repeats the block above: a later block's
    // no-restricted-syntax replaces an earlier one's for the same files.)
    files: ['libs/domain/*/src/lib/**/*repository*.ts', 'libs/domain/*/src/lib/**/repositories.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.growth-spec.ts', '**/migrations/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|describe|test)$/]",
          message: 'No focused tests.',
        },
        { selector: "NewExpression[callee.name='DataSource']", message: 'Only the platform database library creates DataSources.' },
        {
          selector: "MemberExpression[property.name='getRepository'][object.name=/[dD]ataSource/]",
          message: 'Repositories query through the unit of work, never the DataSource.',
        },
        ...provenTenantSyntax,
        ...repositoryTenantSyntax,
      ],
    },
  },
  {
    // The web console is built on the public GraphQL API only: none of the server's code reaches its bundle.
    files: ['apps/console/**/*.ts', 'apps/console/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@socle/*'], message: 'The console uses the public GraphQL API only (typed operations in src/gql).' }] },
      ],
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.growth-spec.ts', '**/migrations/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [...dataAccessPaths, ...transportErrorPaths, ...lenientScalarPaths], patterns: [] }],
    },
  },
];
