import type { IncomingMessage } from 'node:http';

/**
 * The tenant in the URL: `/graphql/organizations/<id>` and `/graphql/agencies/<id>` are the GraphQL endpoint with the
 * organisation (or agency) chosen by the path, as the `x-socle-organization` (or `x-socle-agency`) header chooses it.
 * A client that caches by endpoint (Apollo Client, urql) then keeps one cache per organisation instead of mixing two
 * organisations' root fields under one URL.
 */
const TENANT_PATH = /^\/graphql\/(organizations|agencies)\/([^/?#]*)\/?(?=$|[?#])/;

export interface TenantInPath {
  kind: 'organization' | 'agency';
  /** As written in the path (checked when the request's state is built, with the header it may contradict). */
  id: string;
}

const IN_PATH = Symbol('tenant in path');
type Marked = IncomingMessage & { [IN_PATH]?: TenantInPath };

/** Fastify's `rewriteUrl`: routes a tenant path to `/graphql`, remembering the tenant on the raw request. */
export function rewriteTenantPath(request: IncomingMessage): string {
  const url = request.url ?? '/';
  const match = TENANT_PATH.exec(url);
  if (!match) return url;
  (request as Marked)[IN_PATH] = { kind: match[1] === 'organizations' ? 'organization' : 'agency', id: match[2] };
  return `/graphql${url.slice(match[0].length)}`;
}

/** The tenant the path chose, if the request came by a tenant path. */
export function tenantInPath(raw: IncomingMessage | undefined): TenantInPath | undefined {
  return raw ? (raw as Marked)[IN_PATH] : undefined;
}
