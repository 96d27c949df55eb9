import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '@socle/platform-observability';
import { addOrganizationMember, createOrganization, signUpAgency, STRONG_PASSWORD, TestApi } from '@socle/testing';

describe('structured logs', () => {
  const lines: string[] = [];
  let api: TestApi;
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    api = await TestApi.start({ LOG_LEVEL: 'info' }, { logger: createLogger('info', sink) });
  });
  afterAll(async () => {
    await api.stop();
  });

  it('writes one JSON line per request with request, user and tenant ids, and never a secret', async () => {
    const owner = await signUpAgency(api);
    const org = await createOrganization(api, owner);
    const member = await addOrganizationMember(api, owner, org, ['ANALYST']);
    const key = await api.ok<{ createApiKey: { secret: string } }>(
      'mutation { createApiKey(input: { name: "ci", scopes: [READ] }) { secret } }',
      {},
      { token: owner.token },
    );
    const refreshed = await api.ok<{ refreshSession: { accessToken: string; refreshToken: string } }>(
      'mutation ($input: RefreshSessionInput!) { refreshSession(input: $input) { accessToken refreshToken } }',
      { input: { refreshToken: owner.refreshToken } },
    );
    await api.gql(
      '{ members(first: 5) { edges { node { userId } } } }',
      {},
      { token: member.token, organizationId: org, headers: { 'x-request-id': 'trace-me-42' } },
    );
    // A failing request, whose variables hold a password, must not leak it either.
    await api.gql('mutation ($input: LogInInput!) { logIn(input: $input) { accessToken } }', {
      input: { email: owner.email, password: 'Wrong-Password-123' },
    });

    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const traced = entries.find((e) => e.requestId === 'trace-me-42');
    expect(traced).toMatchObject({
      msg: 'request',
      route: '/graphql',
      status: 200,
      userId: member.userId,
      organizationId: org,
      level: 'info',
    });
    expect(entries.filter((e) => e.msg === 'request').length).toBeGreaterThanOrEqual(6);

    const everything = lines.join('\n');
    for (const secret of [
      STRONG_PASSWORD,
      'Wrong-Password-123',
      key.createApiKey.secret,
      owner.token,
      owner.refreshToken,
      refreshed.refreshSession.refreshToken,
      member.token,
    ]) {
      expect(everything.includes(secret)).toBe(false);
    }
  });
});

describe('configuration checked at start', () => {
  it('stops the API with a message naming the missing and the malformed variables', () => {
    const { DATABASE_URL: _omit, ...env } = process.env;
    const result = spawnSync(process.execPath, ['-r', '@swc-node/register', resolve(__dirname, '../../apps/api/src/main.ts')], {
      env: { ...env, PORT: 'eighty' },
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toMatch(/DATABASE_URL is required/);
    expect(result.stderr).toMatch(/PORT:/);
  });
});
