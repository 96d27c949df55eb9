import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { TestApi } from '@socle/testing';

/** Without a console build the API still starts, says so in its log, and answers the console's routes with how to build it. */
describe('web console not built', () => {
  const empty = mkdtempSync(join(tmpdir(), 'socle-console-'));
  const lines: string[] = [];
  let api: TestApi;

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    api = await TestApi.start({}, { consoleDirectory: empty, explorerDirectory: empty, logger: pino({ level: 'warn' }, sink) });
  });
  afterAll(async () => {
    await api.stop();
    rmSync(empty, { recursive: true, force: true });
  });

  it('starts, logs that the console is not built, and still serves the API', async () => {
    expect(lines.join('\n')).toContain('the web console is not built');
    expect((await request(api.server).get('/health/live')).body).toEqual({ status: 'ok' });
    const data = await api.gql('{ __typename }');
    expect(data.body.data).toEqual({ __typename: 'Query' });
  });

  it('answers the console routes with 503 and the build command, and its files with 404', async () => {
    const page = await request(api.server).get('/login');
    expect(page.status).toBe(503);
    expect(page.text).toContain('vite build');
    expect(page.headers['cache-control']).toBe('no-store');
    expect((await request(api.server).get('/assets/index-abc.js')).status).toBe(404);
  });

  it("answers a browser's GET of /graphql with how to build the explorer, and GraphQL clients as usual", async () => {
    const page = await request(api.server).get('/graphql').set('accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('vite.explorer.config.ts');
    expect(page.text).not.toMatch(/<script/);
    expect((await request(api.server).get('/explorer/assets/index.js')).status).toBe(404);
    const json = await request(api.server).get('/graphql').query({ query: '{ __typename }' }).set('accept', 'application/json');
    expect(json.body.data).toEqual({ __typename: 'Query' });
  });
});
