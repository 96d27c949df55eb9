import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

/** A dependency the readiness probe asks: resolves when it answers. */
export type HealthCheck = () => Promise<unknown>;

export interface HealthServer {
  readonly port: number;
  close(): Promise<void>;
}

const CHECK_TIMEOUT_MS = 2000;

async function run(name: string, check: HealthCheck): Promise<[string, string]> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${CHECK_TIMEOUT_MS / 1000} s`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return [name, 'ok'];
  } catch (error) {
    return [name, error instanceof Error ? error.message : 'failed'];
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The worker's probes and Prometheus scrape, for an orchestrator (the worker serves no other HTTP): `GET /health/live`
 * answers 200 while the event loop turns (a blocked loop answers nothing, and the probe times out); `GET /health/ready`
 * answers 200 when every check (PostgreSQL, Redis) answers within 2 s, 503 naming the failing ones otherwise;
 * `GET /metrics`, when a registry is given, its metrics in the Prometheus text format. Other methods are 405, other
 * paths 404.
 */
export async function startHealthServer(options: {
  host: string;
  port: number;
  checks: Record<string, HealthCheck>;
  metrics?: Registry;
}): Promise<HealthServer> {
  const { metrics } = options;
  const server: Server = createServer((request, response) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      response.end(JSON.stringify(body));
    };
    const path = (request.url ?? '').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') return reply(405, { status: 'method not allowed' });
    if (path === '/health/live') return reply(200, { status: 'ok' });
    if (path === '/metrics' && metrics) {
      void metrics.metrics().then(
        (text) => {
          response.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' });
          response.end(text);
        },
        () => reply(500, { status: 'metrics failed' }),
      );
      return;
    }
    if (path !== '/health/ready') return reply(404, { status: 'not found' });
    void Promise.all(Object.entries(options.checks).map(([name, check]) => run(name, check))).then((results) => {
      const ok = results.every(([, outcome]) => outcome === 'ok');
      reply(ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable', checks: Object.fromEntries(results) });
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(options.port, options.host, () => listening());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((closed) => {
        server.close(() => closed());
        server.closeAllConnections();
      }),
  };
}
