import type { ApolloServerPlugin } from '@apollo/server';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where `vite build --config apps/console/vite.explorer.config.ts` puts the API explorer. */
export const EXPLORER_DIST = resolve(__dirname, '../../../console/explorer/dist');

/**
 * The explorer's page runs its bundle from this origin and talks to /graphql here only. GraphiQL's editors
 * position their parts with style attributes and its stylesheet carries its fonts as data: URLs.
 */
export const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Socle API explorer</title></head><body>
<p>The API explorer is not built: run <code>npx vite build --config apps/console/vite.explorer.config.ts</code> (npm start does it).
GraphQL itself answers at this address (POST, or GET with an Accept header asking for JSON).</p></body></html>`;

const DIRECTORY = Symbol('explorer directory');
type WithExplorer = FastifyInstance & { [DIRECTORY]?: string };

/** Tells the explorer's controller and landing page where the built explorer is. */
export function registerExplorerFiles(fastify: FastifyInstance, directory = EXPLORER_DIST): void {
  (fastify as WithExplorer)[DIRECTORY] = directory;
}

/**
 * The landing page leaves Apollo with its content type only: a browser's GET of /graphql gets the explorer's
 * policy from the API's request hook (an answer in JSON to such a request carries it too, harmlessly).
 */
export function explorerHeaders(request: FastifyRequest, reply: FastifyReply): void {
  if (request.method !== 'GET' || request.routeOptions.url !== '/graphql' || !request.headers.accept?.includes('text/html')) return;
  void reply.header('content-security-policy', EXPLORER_CSP).header('x-content-type-options', 'nosniff');
}

export function explorerDirectoryOf(fastify: FastifyInstance): string | undefined {
  return (fastify as WithExplorer)[DIRECTORY];
}

/**
 * GraphiQL as the landing page of /graphql: Apollo answers a GET whose Accept header prefers text/html with this
 * page, and every other request as GraphQL. The page is the built file, read on each visit (a new build is
 * picked up at once); it holds nothing but the bundle's file names, and the schema it shows comes from
 * introspection under the API's usual rules (signed-in callers only, unless introspection is public).
 */
export function explorerLandingPage(directory: () => string | undefined): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return {
            html: async () => {
              const where = directory();
              if (!where) return NOT_BUILT;
              return readFile(join(where, 'index.html'), 'utf8').catch(() => NOT_BUILT);
            },
          };
        },
      };
    },
  };
}
