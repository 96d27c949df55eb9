/**
 * Load generator for the API benchmarks, run as a child process (forked with an
 * IPC channel) so that autocannon's own work never shares the event loop of the
 * server it measures. Each message runs one autocannon session and answers with
 * its figures and the CPU time this process spent generating the load.
 */
import autocannon from 'autocannon';

export interface LoadRequest {
  id: number;
  url: string;
  headers: Record<string, string>;
  body: string;
  /**
   * Exact body every answer must have once its trailing `extensions` (the cost and budget, which change with
   * every request) are set aside (`withoutExtensions`); any other is counted in `mismatches`.
   */
  expectBody?: string;
  connections: number;
  seconds: number;
}

export interface LoadResult {
  id: number;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  mismatches: number;
  /** CPU seconds (user + system) of the load generator during the session. */
  cpuSeconds: number;
}

/** A GraphQL answer's JSON text without its trailing `extensions` member, the rest byte for byte (Apollo's final newline kept). */
export function withoutExtensions(body: string): string {
  const at = body.lastIndexOf(',"extensions":');
  return at < 0 ? body : `${body.slice(0, at)}}${body.endsWith('\n') ? '\n' : ''}`;
}

async function run(request: LoadRequest): Promise<LoadResult> {
  const cpuBefore = process.cpuUsage();
  const result = await autocannon({
    url: request.url,
    method: 'POST',
    headers: request.headers,
    body: request.body,
    ...(request.expectBody !== undefined
      ? { verifyBody: (body: string | Buffer | undefined) => withoutExtensions(String(body ?? '')) === request.expectBody }
      : {}),
    connections: request.connections,
    pipelining: 1,
    duration: request.seconds,
  });
  const cpu = process.cpuUsage(cpuBefore);
  return {
    id: request.id,
    requests: result.requests.total,
    seconds: result.duration,
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    mismatches: result.mismatches,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}

if (process.send) {
  process.on('message', (message: LoadRequest) => {
    run(message).then(
      (result) => process.send?.({ ok: true, result }),
      (error: unknown) => process.send?.({ ok: false, id: message.id, error: error instanceof Error ? error.message : String(error) }),
    );
  });
  // The parent owns this process: when it goes away, so does the load.
  process.on('disconnect', () => process.exit(0));
  process.send({ ready: true });
}
