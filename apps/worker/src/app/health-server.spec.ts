import { Counter, Gauge, Registry } from 'prom-client';
import { HealthServer, startHealthServer } from './health-server';

describe('worker health server', () => {
  let server: HealthServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const get = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${server?.port ?? 0}${path}`);
    return { status: response.status, body: (await response.json()) as { status: string; checks?: Record<string, string> } };
  };

  it('answers liveness without asking the dependencies, and readiness when every check answers', async () => {
    const asked: string[] = [];
    server = await startHealthServer({
      host: '127.0.0.1',
      port: 0,
      checks: { postgres: async () => asked.push('postgres'), redis: async () => asked.push('redis') },
    });
    expect(await get('/health/live')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(asked).toEqual([]);
    expect(await get('/health/ready')).toEqual({ status: 200, body: { status: 'ok', checks: { postgres: 'ok', redis: 'ok' } } });
    expect(asked.sort()).toEqual(['postgres', 'redis']);
  });

  it('is not ready, naming the failing dependency, when a check fails or does not answer within 2 s', async () => {
    server = await startHealthServer({
      host: '127.0.0.1',
      port: 0,
      checks: {
        postgres: () => Promise.reject(new Error('connection refused')),
        redis: () => new Promise(() => undefined),
      },
    });
    const started = Date.now();
    const ready = await get('/health/ready');
    expect(ready).toEqual({
      status: 503,
      body: { status: 'unavailable', checks: { postgres: 'connection refused', redis: 'timed out after 2 s' } },
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect((await get('/health/live')).status).toBe(200);
    expect((await get('/metrics')).status).toBe(404);
  });

  it('serves the given registry at /metrics in the Prometheus text format, to GET and HEAD only', async () => {
    const registry = new Registry();
    new Counter({ name: 'socle_jobs_total', help: 'jobs', labelNames: ['queue'], registers: [registry] }).inc({ queue: 'mail' }, 3);
    server = await startHealthServer({ host: '127.0.0.1', port: 0, checks: {}, metrics: registry });
    const url = `http://127.0.0.1:${server.port}/metrics`;
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(registry.contentType);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toContain('socle_jobs_total{queue="mail"} 3\n');
    const head = await fetch(url, { method: 'HEAD' });
    expect([head.status, await head.text()]).toEqual([200, '']);
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const refused = await fetch(url, { method });
      expect({ method, status: refused.status, body: await refused.json() }).toEqual({
        method,
        status: 405,
        body: { status: 'method not allowed' },
      });
    }
    expect((await get('/metrics/x')).status).toBe(404);
  });

  it('answers 500 when a metric cannot be collected', async () => {
    const registry = new Registry();
    new Gauge({
      name: 'socle_broken',
      help: 'fails',
      registers: [registry],
      collect: () => Promise.reject(new Error('redis down')),
    });
    server = await startHealthServer({ host: '127.0.0.1', port: 0, checks: {}, metrics: registry });
    expect(await get('/metrics')).toEqual({ status: 500, body: { status: 'metrics failed' } });
    expect((await get('/health/live')).status).toBe(200);
  });

  it('stops listening when closed', async () => {
    server = await startHealthServer({ host: '127.0.0.1', port: 0, checks: {} });
    const { port } = server;
    await server.close();
    server = undefined;
    await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
  });
});
