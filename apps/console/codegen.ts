import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations from the committed schema of the public API: every `graphql(…)` document in the console is
 * validated against apps/api/schema.graphql and gets its result and variable types in src/gql. The test command
 * regenerates them before the type check, so a schema change that breaks an operation fails there.
 */
const config: CodegenConfig = {
  schema: 'apps/api/schema.graphql',
  documents: ['apps/console/src/**/*.tsx', 'apps/console/src/**/*.ts', '!apps/console/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'apps/console/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: {
          Date: 'string',
          DateTime: 'string',
          JSONObject: 'Record<string, unknown>',
          LocalTime: 'string',
          YearMonth: 'string',
        },
      },
    },
  },
  hooks: { afterAllFileWrite: ['prettier --write --log-level warn'] },
};

export default config;
