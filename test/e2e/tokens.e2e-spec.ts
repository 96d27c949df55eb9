import { spawn } from 'node:child_process';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { resolve } from 'node:path';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { ConfigError } from '@socle/platform-config';
import { ReportLinks } from '@socle/evaluation';
import { AgencySession, signUpAgency, TestApi } from '@socle/testing';
import { firstError, isolatedPrefix } from './e2e-support';

/** The JWT_SECRET infra/dev.env used to ship: public, so a token signed with it proves nothing. */
const COMMITTED_DEV_SECRET = 'local-development-only-jwt-secret-change-me-0001';
const ME = '{ me { user { id } } }';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A JWT signed by hand: HMAC-SHA-256 over header and payload, whatever the header claims. */
const hmacJwt = (header: object, payload: object, secret: string | Buffer) => {
  const unsigned = `${b64(header)}.${b64(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
};

/** Runs an entry point with the test environment plus overrides; resolves with its exit code and stderr. */
function run(entry: string, env: Record<string, string>): Promise<{ status: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', resolve(__dirname, '../..', entry)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('error', fail);
    child.on('close', (status) => {
      clearTimeout(timer);
      done({ status, stderr });
    });
  });
}

describe('access tokens: what the API refuses', () => {
  let api: TestApi;
  let owner: AgencySession;
  let now: number;
  let claims: { sub: string; sid: string; iss: string; aud: string; iat: number; exp: number };

  const status = async (token: string) => {
    const res = await api.gql(ME, {}, { token });
    return {
      status: res.status,
      code: res.body.errors?.[0]?.extensions?.code,
      message: res.body.errors?.[0]?.message,
      data: res.body.data ?? null,
    };
  };
  const refused = { status: 401, code: 'UNAUTHENTICATED', message: 'The access token is not valid.', data: null };

  beforeAll(async () => {
    api = await TestApi.start({ QUEUE_PREFIX: isolatedPrefix('tokens') });
    owner = await signUpAgency(api);
    const issued = jwt.decode(owner.token) as { sid: string };
    now = Math.floor(Date.now() / 1000);
    claims = { sub: owner.userId, sid: issued.sid, iss: 'socle', aud: 'socle-api', iat: now, exp: now + 600 };
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('accepts a token made like the real ones (the forgeries below differ from it in one thing each)', async () => {
    expect(await status(jwt.sign(claims, api.config.JWT_SECRET, { algorithm: 'HS256' }))).toEqual({
      status: 200,
      code: undefined,
      message: undefined,
      data: { me: { user: { id: owner.userId } } },
    });
    expect(await status(hmacJwt({ alg: 'HS256', typ: 'JWT' }, claims, api.config.JWT_SECRET))).toMatchObject({ status: 200 });
  });

  it('refuses a token signed with the JWT_SECRET the repository used to ship', async () => {
    expect(await status(jwt.sign(claims, COMMITTED_DEV_SECRET, { algorithm: 'HS256' }))).toEqual(refused);
  });

  it('never starts with the committed secret: the test harness, the API, the worker and the schema printer refuse it by name', async () => {
    await expect(TestApi.start({ JWT_SECRET: COMMITTED_DEV_SECRET })).rejects.toThrow(ConfigError);
    await expect(TestApi.start({ JWT_SECRET: COMMITTED_DEV_SECRET })).rejects.toThrow(
      /JWT_SECRET: JWT_SECRET is a value published in the source repository/,
    );
    const env = {
      JWT_SECRET: COMMITTED_DEV_SECRET,
      API_KEY_PEPPER: 'local-development-only-api-key-pepper-change-me-01',
      ENCRYPTION_KEYS: 'dev1:88Zzh7XPXObpwWUhkxKUpGLlQWspk1y3Ri3rVjtQxHA=',
      ENCRYPTION_ACTIVE_KEY: 'dev1',
    };
    const [apiProcess, worker, schema] = await Promise.all([
      run('apps/api/src/main.ts', env),
      run('apps/worker/src/main.ts', env),
      run('apps/api/src/cli/print-schema.ts', env),
    ]);
    for (const [name, result] of [
      ['api', apiProcess],
      ['worker', worker],
    ] as const)
      expect({ name, status: result.status }).toEqual({ name, status: 78 });
    expect(schema.status).not.toBe(0);
    for (const result of [apiProcess, worker, schema]) {
      expect(result.stderr).toMatch(/JWT_SECRET: JWT_SECRET is a value published in the source repository/);
      expect(result.stderr).toMatch(/API_KEY_PEPPER: API_KEY_PEPPER is a value published in the source repository/);
      expect(result.stderr).toMatch(/ENCRYPTION_KEYS: key "dev1" is a value published in the source repository/);
      expect(result.stderr).not.toContain(COMMITTED_DEV_SECRET);
    }
  }, 200_000);

  it('refuses a token without exp, even signed with the real secret, every time it is presented', async () => {
    const { exp: _exp, ...noExp } = claims;
    const token = jwt.sign(noExp, api.config.JWT_SECRET, { algorithm: 'HS256' });
    expect(jwt.decode(token)).not.toHaveProperty('exp');
    expect(await status(token)).toEqual(refused);
    expect(await status(token)).toEqual(refused);
  });

  it('refuses a token without iat, with a lifetime longer than any configuration allows, or issued in the future', async () => {
    const { iat: _iat, ...noIat } = claims;
    const forged = {
      'no iat': jwt.sign(noIat, api.config.JWT_SECRET, { algorithm: 'HS256', noTimestamp: true }),
      'a year long': jwt.sign({ ...claims, exp: now + 365 * 86400 }, api.config.JWT_SECRET, { algorithm: 'HS256' }),
      'issued tomorrow': jwt.sign({ ...claims, iat: now + 86400, exp: now + 86400 + 600 }, api.config.JWT_SECRET, { algorithm: 'HS256' }),
      'exp as text': hmacJwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, exp: String(now + 600) }, api.config.JWT_SECRET),
    };
    for (const [label, token] of Object.entries(forged)) expect({ label, ...(await status(token)) }).toEqual({ label, ...refused });
  });

  it('refuses alg none, whatever its spelling and with or without a signature', async () => {
    const signature = createHmac('sha256', api.config.JWT_SECRET).update('x').digest('base64url');
    for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
      const unsigned = `${b64({ alg, typ: 'JWT' })}.${b64(claims)}`;
      for (const token of [`${unsigned}.`, `${unsigned}.${signature}`])
        expect({ alg, token, ...(await status(token)) }).toEqual({ alg, token, ...refused });
    }
  });

  it('refuses a wrong or missing issuer or audience', async () => {
    const { iss: _iss, ...noIssuer } = claims;
    const { aud: _aud, ...noAudience } = claims;
    const forged: Record<string, object> = {
      'another issuer': { ...claims, iss: 'someone-else' },
      'no issuer': noIssuer,
      'another audience': { ...claims, aud: 'socle-report-link' },
      'no audience': noAudience,
      'audience list without ours': { ...claims, aud: ['socle', 'api'] },
    };
    for (const [label, payload] of Object.entries(forged)) {
      expect({ label, ...(await status(jwt.sign(payload, api.config.JWT_SECRET, { algorithm: 'HS256' }))) }).toEqual({ label, ...refused });
    }
  });

  it('refuses every algorithm but HS256: RS256 with its own key, HS384/HS512, and RS256 headers over an HMAC of the secret', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const forged = {
      'RS256 signed by the caller': jwt.sign(claims, privateKey, { algorithm: 'RS256' }),
      "RS256 with the caller's key embedded": jwt.sign(claims, privateKey, {
        algorithm: 'RS256',
        header: { alg: 'RS256', jwk: publicKey.export({ format: 'jwk' }) } as jwt.JwtHeader,
      }),
      'ES256 signed by the caller': jwt.sign(claims, ec.privateKey, { algorithm: 'ES256' }),
      'HS256 keyed with a public key': hmacJwt({ alg: 'HS256', typ: 'JWT' }, claims, publicPem),
      'HS384 with the real secret': jwt.sign(claims, api.config.JWT_SECRET, { algorithm: 'HS384' }),
      'HS512 with the real secret': jwt.sign(claims, api.config.JWT_SECRET, { algorithm: 'HS512' }),
      'RS256 header over an HMAC of the secret': hmacJwt({ alg: 'RS256', typ: 'JWT' }, claims, api.config.JWT_SECRET),
      'no alg': hmacJwt({ typ: 'JWT' }, claims, api.config.JWT_SECRET),
    };
    for (const [label, token] of Object.entries(forged)) expect({ label, ...(await status(token)) }).toEqual({ label, ...refused });
  });

  it('refuses an expired token, saying it expired', async () => {
    const token = jwt.sign({ ...claims, iat: now - 1200, exp: now - 300 }, api.config.JWT_SECRET, { algorithm: 'HS256' });
    expect(await status(token)).toEqual({ ...refused, message: 'The access token has expired: refresh it.' });
  });

  it('keeps report links and access tokens apart: neither is accepted as the other', async () => {
    const links = api.app.get(ReportLinks);
    const link = links.sign({
      organizationId: owner.agencyId,
      assessmentId: owner.agencyId,
      format: 'CSV',
      userId: owner.userId,
      expiresAt: Date.now() + 60_000,
    });
    expect(await status(link)).toEqual(refused);
    const res = await request(api.server).get(`/reports/${owner.token}`);
    expect(res.status).toBe(404);
    expect(links.verify(owner.token)).toEqual({ refused: 'invalid' });
    // A report link's signature under the raw secret (as an access token is signed) is not a link either.
    const [body] = link.split('.');
    expect(links.verify(`${body}.${createHmac('sha256', api.config.JWT_SECRET).update(body).digest('base64url')}`)).toEqual({
      refused: 'invalid',
    });
    expect(firstError(await api.gql(ME, {}, { token: link })).extensions.code).toBe('UNAUTHENTICATED');
  });
});
