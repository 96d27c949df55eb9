import { sign } from 'jsonwebtoken';
import type { SocleConfig } from '@socle/platform-config';
import type { ApiKeyService } from './api-key.service';
import { Authenticator } from './authenticator';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const config = { JWT_SECRET: SECRET } as SocleConfig;
const keys = {} as ApiKeyService;
const request = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
const token = (seconds: number, secret = SECRET) =>
  sign({ sid: 'session-1' }, secret, { subject: 'user-1', expiresIn: seconds, issuer: 'socle', audience: 'socle-api', algorithm: 'HS256' });

describe('Authenticator', () => {
  afterEach(() => jest.restoreAllMocks());

  it('verifies an access token once, then remembers it until it expires', async () => {
    const authenticator = new Authenticator(config, keys);
    const passport = (authenticator as unknown as { passport: { authenticate: (...args: unknown[]) => unknown } }).passport;
    const verify = jest.spyOn(passport, 'authenticate');
    const access = token(60);
    await expect(authenticator.authenticate(request(access))).resolves.toEqual({ kind: 'user', userId: 'user-1', sessionId: 'session-1' });
    await expect(authenticator.authenticate(request(access))).resolves.toEqual({ kind: 'user', userId: 'user-1', sessionId: 'session-1' });
    expect(verify).toHaveBeenCalledTimes(1);

    const now = Date.now();
    jest.spyOn(Date, 'now').mockReturnValue(now + 61_000);
    await expect(authenticator.authenticate(request(access))).rejects.toMatchObject({
      message: expect.stringMatching(/expired|not valid/),
    });
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('never remembers a token whose signature is wrong', async () => {
    const authenticator = new Authenticator(config, keys);
    const forged = token(60, 'another-secret-another-secret-another-secret');
    await expect(authenticator.authenticate(request(forged))).rejects.toMatchObject({ message: 'The access token is not valid.' });
    await expect(authenticator.authenticate(request(forged))).rejects.toMatchObject({ message: 'The access token is not valid.' });
  });
});
