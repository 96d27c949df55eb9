import type { INestApplication } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';

export const SCHEMA_HEADER = '# Generated from the code by `npm run schema`. Do not edit by hand: a test compares it with the code.\n\n';

export function printSortedSchema(app: INestApplication): string {
  return SCHEMA_HEADER + printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema)) + '\n';
}
