import { createServer, request as httpRequest, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import undici from 'undici';
import { createHttpClient } from '../lib/http';
import { unwatched, watchForBypass } from './http-guard';

describe('watchForBypass', () => {
  let server: Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const client = createHttpClient({ outbound: { allowedRanges: ['127.0.0.0/8'] } });

  it('does not count the context client’s own requests, sent outside the watch as ctx.http does', async () => {
    const { outcome, bypassed } = await watchForBypass(async () => {
      const first = await unwatched(() => client.request({ method: 'GET', url: `${baseUrl}/a` }));
      const second = await unwatched(() => client.request({ method: 'POST', url: `${baseUrl}/b`, body: 'x' }));
      return [first.text(), second.text()];
    });
    expect(outcome).toEqual({ value: ['ok', 'ok'] });
    expect(bypassed).toEqual([]);
  });

  it('counts undici’s request, even on a connection its global agent already holds', async () => {
    await (await undici.request(`${baseUrl}/warm`)).body.text();
    const { bypassed } = await watchForBypass(async () => (await undici.request(`${baseUrl}/around`)).body.text());
    expect(bypassed.map((entry) => entry.via)).toContain('undici request');
    expect(bypassed.map((entry) => entry.target)).toContain(`${baseUrl}/around`);
  });

  it('counts a request through a pool or agent of the plugin’s own, and a dispatch on undici’s global agent', async () => {
    const pool = new undici.Pool(baseUrl);
    try {
      const { bypassed } = await watchForBypass(async () => {
        await (await pool.request({ path: '/pool', method: 'GET' })).body.text();
        await new Promise<void>((resolve, reject) =>
          undici
            .getGlobalDispatcher()
            .dispatch(
              { origin: baseUrl, path: '/dispatch', method: 'GET' },
              { onConnect: () => undefined, onHeaders: () => true, onData: () => true, onComplete: () => resolve(), onError: reject },
            ),
        );
      });
      const vias = bypassed.map((entry) => entry.via);
      expect(vias).toContain("an undici dispatcher's request");
      expect(vias).toContain('an undici agent');
    } finally {
      await pool.close();
    }
  });

  it('counts node:http requests and undici’s fetch', async () => {
    const { bypassed } = await watchForBypass(async () => {
      await new Promise<void>((resolve, reject) => {
        const outgoing = httpRequest(`${baseUrl}/node`, (res) => res.resume().on('end', resolve));
        outgoing.on('error', reject).end();
      });
      await (await undici.fetch(`${baseUrl}/fetch`)).text();
    });
    const vias = bypassed.map((entry) => entry.via);
    expect(vias).toContain('node:http request');
    expect(vias).toContain('undici fetch');
  });

  it('puts every wrapped function back when the operation ends', async () => {
    const before = {
      request: undici.request,
      fetch: undici.fetch,
      dispatcherRequest: undici.Dispatcher.prototype.request,
      agentOwnDispatch: Object.prototype.hasOwnProperty.call(undici.Agent.prototype, 'dispatch'),
    };
    await watchForBypass(async () => undefined);
    expect({
      request: undici.request,
      fetch: undici.fetch,
      dispatcherRequest: undici.Dispatcher.prototype.request,
      agentOwnDispatch: Object.prototype.hasOwnProperty.call(undici.Agent.prototype, 'dispatch'),
    }).toEqual(before);
  });
});
