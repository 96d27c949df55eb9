import type { IncomingMessage } from 'node:http';
import { requestHost } from '../addresses';

/** The path a custom-domain request is routed to: `/press/_…`, `_` standing for "the room of this host" (never a slug). */
export const HOST_ROOM = '_';

const HOST_OF_REQUEST = Symbol('press room host');
type Marked = IncomingMessage & { [HOST_OF_REQUEST]?: string };

/**
 * The verified custom domains one API process answers as press rooms, held in memory so that routing by `Host`
 * (which happens before any handler, synchronously) costs a set look-up. Filled at start and refreshed every
 * minute from PostgreSQL (`socle_press_room_hosts`); a verification in this process adds its host at once. An
 * entry that went stale only sends the host's requests to the press room's pages, which look the room up again
 * and answer 404 when it is no longer there.
 */
export class CustomDomainTable {
  private hosts = new Set<string>();

  replace(hosts: Iterable<string>): void {
    this.hosts = new Set(hosts);
  }

  add(host: string): void {
    this.hosts.add(host);
  }

  has(host: string): boolean {
    return this.hosts.has(host);
  }

  get size(): number {
    return this.hosts.size;
  }
}

/** One table per HTTP server instance (tests run several APIs in one process). */
const TABLES = new WeakMap<object, CustomDomainTable>();

export function registerCustomDomainTable(server: object, table: CustomDomainTable): void {
  TABLES.set(server, table);
}

/**
 * Fastify's `rewriteUrl` step for press rooms: a request whose `Host` (port dropped, lower case) is a verified custom
 * domain goes to the press room's routes (`/` → `/press/_`, `/releases/x` → `/press/_/releases/x`, every other path
 * likewise, so a client's domain never reaches the platform's own pages), with the host remembered on the request.
 * Null for every other request (the caller routes it as before). `server` is the Fastify instance (`this` of
 * `rewriteUrl`).
 */
export function rewritePressRoomHost(server: object, request: IncomingMessage): string | null {
  const table = TABLES.get(server);
  if (!table || table.size === 0) return null;
  const host = requestHost(request.headers.host);
  if (!host || !table.has(host)) return null;
  (request as Marked)[HOST_OF_REQUEST] = host;
  const url = request.url ?? '/';
  const path = url.startsWith('/') ? url : `/${url}`;
  // `/` and `/?…` are the room's home page (`/press/_`, no trailing slash); anything else keeps its path.
  return path === '/' || path.startsWith('/?') ? `/press/${HOST_ROOM}${path.slice(1)}` : `/press/${HOST_ROOM}${path}`;
}

/** The custom domain a request came by, when `rewritePressRoomHost` routed it. */
export function customDomainOf(request: IncomingMessage | undefined): string | null {
  return request ? ((request as Marked)[HOST_OF_REQUEST] ?? null) : null;
}
