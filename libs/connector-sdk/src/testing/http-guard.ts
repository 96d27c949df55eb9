/**
 * Catches requests a connector sends around `ctx.http`: while one operation runs, the
 * global `fetch`, `http(s).request` / `get`, undici's entry points (`request`, `fetch`,
 * `stream`, `pipeline`, `connect`, `upgrade`, the same methods of any of its pools or
 * agents, and an agent's `dispatch`, so a request on an already open connection of
 * undici's global agent is seen too) and raw sockets (`net.connect`,
 * `net.createConnection`, `tls.connect`) are wrapped, and a call made from inside
 * that operation (its asynchronous context, tracked with AsyncLocalStorage) is recorded.
 * Test servers living in the same process answer from their own context, so their
 * own calls (a proxy forwarding to a dev network) are not counted.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import undici from 'undici';

export interface BypassedRequest {
  via: string;
  target: string;
}

const insideOperation = new AsyncLocalStorage<BypassedRequest[]>();

/**
 * Runs `fn` outside any watched operation: the context's own client (`ctx.http`) opens
 * its connections with the same `node:net` / `node:tls` functions the watch wraps, and
 * those requests are legitimate. (It sends through `dispatch` on undici pools of its own,
 * which the watch does not wrap: only an agent's `dispatch` is, which the client never uses.)
 */
export function unwatched<T>(fn: () => T): T {
  return insideOperation.exit(fn);
}

function targetOf(input: unknown): string {
  try {
    if (typeof input === 'string') return input;
    if (input instanceof URL) return input.toString();
    if (input && typeof input === 'object') {
      const record = input as {
        url?: unknown;
        href?: unknown;
        protocol?: unknown;
        hostname?: unknown;
        host?: unknown;
        port?: unknown;
        path?: unknown;
        origin?: unknown;
      };
      if (typeof record.url === 'string') return record.url;
      if (typeof record.origin === 'string' || record.origin instanceof URL) return `${String(record.origin)}${String(record.path ?? '')}`;
      if (typeof record.href === 'string') return record.href;
      const host = record.hostname ?? record.host ?? 'localhost';
      return `${String(record.protocol ?? 'http:')}//${String(host)}${record.port ? `:${String(record.port)}` : ''}${String(record.path ?? '/')}`;
    }
  } catch {
    // fall through
  }
  return String(input);
}

type Patchable = { owner: Record<string, unknown>; name: string; via: string };

const undiciModule = undici as unknown as Record<string, unknown>;
/** Every pool, client and agent of undici inherits these methods (each ends in a `dispatch`). */
const undiciDispatcher = undici.Dispatcher.prototype as unknown as Record<string, unknown>;
const UNDICI_API = ['request', 'stream', 'pipeline', 'connect', 'upgrade'];

const PATCHED: Patchable[] = [
  { owner: globalThis as unknown as Record<string, unknown>, name: 'fetch', via: 'the global fetch' },
  { owner: http as unknown as Record<string, unknown>, name: 'request', via: 'node:http request' },
  { owner: http as unknown as Record<string, unknown>, name: 'get', via: 'node:http get' },
  { owner: https as unknown as Record<string, unknown>, name: 'request', via: 'node:https request' },
  { owner: https as unknown as Record<string, unknown>, name: 'get', via: 'node:https get' },
  { owner: net as unknown as Record<string, unknown>, name: 'connect', via: 'a node:net socket' },
  { owner: net as unknown as Record<string, unknown>, name: 'createConnection', via: 'a node:net socket' },
  { owner: tls as unknown as Record<string, unknown>, name: 'connect', via: 'a node:tls socket' },
  { owner: undiciModule, name: 'fetch', via: 'undici fetch' },
  ...UNDICI_API.map((name) => ({ owner: undiciModule, name, via: `undici ${name}` })),
  ...UNDICI_API.map((name) => ({ owner: undiciDispatcher, name, via: `an undici dispatcher's ${name}` })),
  // An agent (undici's global one included) may send on a connection it already holds: no socket is opened to see.
  { owner: undici.Agent.prototype as unknown as Record<string, unknown>, name: 'dispatch', via: 'an undici agent' },
];

/**
 * Runs `operation` and returns what it resolved or threw, with the requests it sent
 * around the context's client. The wrappers are in place only while it runs.
 */
export async function watchForBypass<T>(
  operation: () => Promise<T>,
): Promise<{ outcome: { value: T } | { error: unknown }; bypassed: BypassedRequest[] }> {
  const bypassed: BypassedRequest[] = [];
  const originals = PATCHED.map((entry) => entry.owner[entry.name]);
  // A method an owner only inherits gets an own wrapper while the watch runs, removed afterwards.
  const inherited = PATCHED.map((entry) => !Object.prototype.hasOwnProperty.call(entry.owner, entry.name));
  PATCHED.forEach((entry, index) => {
    const original = originals[index];
    if (typeof original !== 'function') return;
    entry.owner[entry.name] = function (this: unknown, ...args: unknown[]) {
      insideOperation.getStore()?.push({ via: entry.via, target: targetOf(args[0]) });
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  });
  try {
    const outcome = await insideOperation.run(bypassed, async () => {
      try {
        return { value: await operation() };
      } catch (error) {
        return { error };
      }
    });
    return { outcome, bypassed };
  } finally {
    PATCHED.forEach((entry, index) => {
      if (typeof originals[index] !== 'function') return;
      if (inherited[index]) delete entry.owner[entry.name];
      else entry.owner[entry.name] = originals[index];
    });
  }
}
