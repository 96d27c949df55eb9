import { Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { Passport } from 'passport';
import { ExtractJwt, Strategy as JwtStrategy } from 'passport-jwt';
import { Strategy } from 'passport-strategy';
import { SocleConfig } from '@socle/platform-config';
import { API_KEY_PREFIX, Principal } from '@socle/platform-auth';
import { unauthenticated } from '@socle/platform-errors';
import { ApiKeyService } from './api-key.service';
import { ACCESS_TOKEN_AUDIENCE, JWT_ALGORITHM, JWT_ISSUER, MAX_ACCESS_TOKEN_LIFETIME_SECONDS } from './tokens';

interface HeaderCarrier {
  headers: Record<string, string | string[] | undefined>;
}

class ApiKeyStrategy extends Strategy {
  name = 'api-key';

  constructor(private readonly keys: ApiKeyService) {
    super();
  }

  override authenticate(req: HeaderCarrier): void {
    const token = bearer(req);
    if (!token?.startsWith(API_KEY_PREFIX)) return this.fail('no API key', 401);
    this.keys.authenticate(token).then(
      (result) => ('principal' in result ? this.success(result.principal) : this.fail(result.refused, 401)),
      (error: unknown) => this.error(error instanceof Error ? error : new Error(String(error))),
    );
  }
}

function bearer(req: HeaderCarrier): string | null {
  const header = req.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? /^Bearer\s+(\S+)$/i.exec(value) : null;
  return match ? match[1] : null;
}

/**
 * Passport with two strategies: JWT access tokens (people) and API keys
 * (integrators), both as `Authorization: Bearer …`. Runs once per HTTP request.
 */
/** How many verified access tokens are remembered (each until it expires). */
const VERIFIED_TOKENS = 10_000;

@Injectable()
export class Authenticator {
  private readonly passport = new Passport();
  /**
   * Access tokens already verified, until their expiry: an access token is
   * stateless (valid until `exp`, whatever happens to the session; logging out
   * revokes the refresh family), so checking its signature again on every
   * request of a session would only spend CPU. Bounded: the oldest go first.
   */
  private readonly verified = new Map<string, { principal: Principal; expiresAt: number }>();

  constructor(config: SocleConfig, keys: ApiKeyService) {
    const fromHeader = ExtractJwt.fromAuthHeaderAsBearerToken();
    const secretKey = createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8'));
    this.passport.use(
      'jwt',
      new JwtStrategy(
        {
          jwtFromRequest: (req) => {
            const token = fromHeader(req);
            return token && !token.startsWith(API_KEY_PREFIX) ? token : null;
          },
          // A key object built once: given the string, jsonwebtoken tries to parse it as a
          // public key on every request before falling back, which cost half the CPU of a request.
          // (jsonwebtoken accepts a KeyObject; passport-jwt's types only name string and Buffer.)
          secretOrKeyProvider: (_request: unknown, _token: unknown, done: (err: Error | null, key?: string | Buffer) => void) =>
            done(null, secretKey as unknown as Buffer),
          algorithms: [JWT_ALGORITHM],
          issuer: JWT_ISSUER,
          audience: ACCESS_TOKEN_AUDIENCE,
          passReqToCallback: true,
        },
        (req: HeaderCarrier, payload: AccessTokenClaims, done: (err: Error | null, user?: Principal | false, info?: string) => void) => {
          const refused = claimsProblem(payload);
          if (refused) return done(null, false, refused);
          const principal: Principal = { kind: 'user', userId: payload.sub as string, sessionId: payload.sid as string };
          const token = bearer(req);
          if (token) this.remember(token, principal, (payload.exp as number) * 1000);
          done(null, principal);
        },
      ),
    );
    this.passport.use('api-key', new ApiKeyStrategy(keys));
  }

  /** Anonymous without credentials; UNAUTHENTICATED with the reason when they are bad. */
  authenticate(req: HeaderCarrier): Promise<Principal> {
    if (!req.headers.authorization) return Promise.resolve({ kind: 'anonymous' });
    const token = bearer(req);
    if (!token) return Promise.reject(unauthenticated('The Authorization header must be `Bearer <access token or API key>`.'));
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAt > Date.now()) return Promise.resolve(known.principal);
      this.verified.delete(token);
    }
    return new Promise((resolve, reject) => {
      const handler = this.passport.authenticate(
        ['jwt', 'api-key'],
        { session: false },
        (err: unknown, user: Principal | false, info: unknown) => {
          if (err) return reject(err);
          if (user) return resolve(user);
          reject(unauthenticated(describeFailure(info, bearer(req)?.startsWith(API_KEY_PREFIX) ?? false)));
        },
      );
      handler(req, {}, (err: unknown) => reject(err ?? unauthenticated()));
    });
  }

  private remember(token: string, principal: Principal, expiresAt: number): void {
    if (this.verified.size >= VERIFIED_TOKENS) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { principal, expiresAt });
  }
}

/** How far in the future an issue date may be (clocks of several API replicas differ a little). */
const CLOCK_SKEW_SECONDS = 60;

interface AccessTokenClaims {
  sub?: unknown;
  sid?: unknown;
  exp?: unknown;
  iat?: unknown;
}

/**
 * What jsonwebtoken leaves unchecked: a token without `exp` would never expire and
 * one without `iat` has no age, so both are required; a lifetime longer than any
 * configuration allows, or an issue date in the future, was not made by this server.
 */
function claimsProblem(payload: AccessTokenClaims): string | null {
  const { sub, sid, exp, iat } = payload;
  if (typeof exp !== 'number' || typeof iat !== 'number' || !Number.isFinite(exp) || !Number.isFinite(iat))
    return 'token has no exp or iat';
  if (exp - iat > MAX_ACCESS_TOKEN_LIFETIME_SECONDS || exp <= iat || iat > Date.now() / 1000 + CLOCK_SKEW_SECONDS)
    return 'token lifetime out of bounds';
  if (typeof sub !== 'string' || !sub || typeof sid !== 'string' || !sid) return 'token has no subject';
  return null;
}

/** The reason to give the caller: the API key strategy's own words for keys, a plain one for JWTs. */
function describeFailure(info: unknown, presentedApiKey: boolean): string {
  const messages = (Array.isArray(info) ? info : [info])
    .map((i) => (typeof i === 'string' ? i : i instanceof Error ? i.message : ''))
    .filter((m) => m && m !== 'no API key' && m !== 'No auth token');
  if (presentedApiKey) return messages.find((m) => m.startsWith('This API key')) ?? 'This API key is not valid.';
  const message = messages[0] ?? 'invalid credentials';
  if (/jwt expired/i.test(message)) return 'The access token has expired: refresh it.';
  return 'The access token is not valid.';
}
