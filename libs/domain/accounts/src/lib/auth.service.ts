import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { SocleConfig } from '@socle/platform-config';
import { UnitOfWork, UnitOfWorkFactory, uniqueConstraintOf } from '@socle/platform-database';
import {
  dummyPasswordCheck,
  hashPassword,
  passwordWeakness,
  RATE_LIMITER,
  RateLimiter,
  sha256,
  UserContext,
  verifyPassword,
} from '@socle/platform-auth';
import { badInput, conflict, rateLimited, unauthenticated } from '@socle/platform-errors';
import { AgencyRepository, AuditRepository, SessionRepository, UserRepository } from './repositories';
import { issueToken, parseToken, REFRESH_TOKEN_KIND } from './tokens';

export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  userId: string;
}

export interface SignUpCommand {
  agencyName: string;
  displayName: string;
  email: string;
  password: string;
  locale: 'fr' | 'en';
}

interface Caller {
  ip: string;
  requestId: string;
}

/** Uniqueness of emails is decided by the database (case-insensitive unique index). */
function isUniqueViolation(error: unknown, constraint: string): boolean {
  return uniqueConstraintOf(error) === constraint;
}

/**
 * Sign-up, log-in, rotating refresh tokens and log-out. Each flow runs in its
 * own transaction so what must be kept (a revoked token family, a failed
 * log-in in the audit log) is committed even when the caller gets an error.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly units: UnitOfWorkFactory,
    private readonly config: SocleConfig,
    private readonly jwt: JwtService,
    private readonly users: UserRepository,
    private readonly agencies: AgencyRepository,
    private readonly sessions: SessionRepository,
    private readonly audit: AuditRepository,
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
  ) {}

  async signUp(command: SignUpCommand, caller: Caller): Promise<Session> {
    const weakness = passwordWeakness(command.password, { email: command.email, name: command.displayName });
    if (weakness) throw badInput('input.password', `Password ${weakness}.`);
    await this.throttle(`signup:${caller.ip}`, this.config.RATE_LIMIT_LOGIN_PER_MINUTE);
    const userId = randomUUID();
    const agencyId = randomUUID();
    const passwordHash = await hashPassword(command.password, this.config.SCRYPT_LOG_N);
    try {
      return await this.units.run({ userId, agencyId }, async (uow) => {
        await this.users.insert(uow, {
          id: userId,
          email: command.email.trim(),
          displayName: command.displayName.trim(),
          passwordHash,
          locale: command.locale,
        });
        await this.agencies.insert(uow, { id: agencyId, name: command.agencyName.trim() });
        await this.agencies.addMember(uow, agencyId, userId, 'OWNER');
        await this.audit.recordInAgency(
          uow,
          agencyId,
          { type: 'USER', id: userId },
          { action: 'agency.created', targetType: 'Agency', targetId: agencyId },
          caller.requestId,
        );
        return this.startSession(uow, userId);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key'))
        throw conflict('An account with this email already exists. Log in instead.', 'input.email');
      throw error;
    }
  }

  /** Creates a user for an accepted invitation, inside the caller's unit of work (scope: that user). */
  async createUser(
    uow: UnitOfWork,
    input: { id: string; email: string; displayName: string; password: string; locale: 'fr' | 'en' },
  ): Promise<void> {
    const weakness = passwordWeakness(input.password, { email: input.email, name: input.displayName });
    if (weakness) throw badInput('input.password', `Password ${weakness}.`);
    try {
      await this.users.insert(uow, {
        id: input.id,
        email: input.email,
        displayName: input.displayName,
        locale: input.locale,
        passwordHash: await hashPassword(input.password, this.config.SCRYPT_LOG_N),
      });
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key'))
        throw conflict('An account with this email already exists: send its password to accept.', 'input.email');
      throw error;
    }
  }

  /** Checks an email and password; returns the user id or null. Takes the same time whether the email exists or not. */
  async verifyCredentials(uow: UnitOfWork, email: string, password: string): Promise<string | null> {
    const user = await this.users.findByEmailForAuth(uow, email);
    if (!user) return dummyPasswordCheck(password, this.config.SCRYPT_LOG_N).then(() => null);
    return (await verifyPassword(password, user.password_hash)) ? user.id : null;
  }

  async logIn(email: string, password: string, caller: Caller): Promise<Session> {
    const normalized = email.trim().toLowerCase();
    await this.throttle(`login:${sha256(normalized).toString('hex')}`, this.config.RATE_LIMIT_LOGIN_PER_MINUTE);
    await this.throttle(`login-ip:${caller.ip}`, this.config.RATE_LIMIT_LOGIN_PER_MINUTE * 5);
    const userId = await this.units.run({}, (uow) => this.verifyCredentials(uow, normalized, password));
    if (!userId) {
      await this.recordFailedLogin(normalized, caller);
      throw unauthenticated('Email or password is incorrect.');
    }
    return this.units.run({ userId }, (uow) => this.startSession(uow, userId));
  }

  /**
   * Rotates a refresh token. Presenting one that was already used means it was
   * stolen or replayed: the whole family is revoked (committed) before refusing.
   */
  async refresh(refreshToken: string): Promise<Session> {
    const parsed = parseToken(REFRESH_TOKEN_KIND, refreshToken);
    if (!parsed) throw unauthenticated('This refresh token is malformed.');
    const userId = parsed.tenantId;
    const outcome = await this.units.run({ userId }, async (uow) => {
      const token = await this.sessions.findForUpdate(uow, userId, parsed.secretHash);
      if (!token || token.revokedAt) return { error: 'This refresh token is not valid. Log in again.' } as const;
      if (token.usedAt) {
        await this.sessions.revokeFamily(uow, userId, token.familyId);
        for (const agencyId of await this.users.agencyIdsForAuth(uow, userId)) {
          await uow.rescope({ userId, agencyId });
          await this.audit.recordInAgency(
            uow,
            agencyId,
            { type: 'USER', id: userId },
            { action: 'session.refresh_reuse_detected', metadata: { familyId: token.familyId } },
          );
        }
        return { error: 'This refresh token was already used: every session of its family is now revoked. Log in again.' } as const;
      }
      if (token.expiresAt.getTime() <= Date.now()) return { error: 'This refresh token has expired. Log in again.' } as const;
      await this.sessions.markUsed(uow, userId, token.id);
      return { session: await this.startSession(uow, userId, token.familyId) } as const;
    });
    if ('error' in outcome) throw unauthenticated(outcome.error);
    return outcome.session;
  }

  /** Revokes the session family of the access token in use (and of a refresh token, if one is given). */
  async logOut(ctx: UserContext, sessionId: string): Promise<boolean> {
    const revoked = await this.sessions.revokeFamily(ctx.uow, ctx.userId, sessionId);
    return revoked >= 0;
  }

  /** A new session for a user whose identity another flow proved (e.g. accepting an invitation). */
  openSession(userId: string): Promise<Session> {
    return this.units.run({ userId }, (uow) => this.startSession(uow, userId));
  }

  private async startSession(uow: UnitOfWork, userId: string, familyId: string = randomUUID()): Promise<Session> {
    const refresh = issueToken(REFRESH_TOKEN_KIND, userId);
    await this.sessions.insert(uow, {
      userId,
      id: refresh.id,
      familyId,
      tokenHash: refresh.hash,
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86400_000),
    });
    const accessToken = await this.jwt.signAsync({ sid: familyId }, { subject: userId, expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS });
    return { accessToken, refreshToken: refresh.token, expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS, userId };
  }

  private async recordFailedLogin(email: string, caller: Caller): Promise<void> {
    const emailHash = sha256(email).toString('hex');
    await this.units.run({}, async (uow) => {
      const user = await this.users.findByEmailForAuth(uow, email);
      const agencies = user ? await this.users.agencyIdsForAuth(uow, user.id) : [];
      if (agencies.length === 0) {
        await this.audit.recordSecurityEvent(uow, 'login.failed', emailHash, caller.ip, caller.requestId);
        return;
      }
      for (const agencyId of agencies) {
        await uow.rescope({ agencyId });
        await this.audit.recordInAgency(
          uow,
          agencyId,
          { type: 'USER', id: user?.id ?? null },
          { action: 'login.failed', metadata: { ip: caller.ip } },
          caller.requestId,
        );
      }
    });
  }

  private async throttle(bucket: string, limit: number): Promise<void> {
    const result = await this.limiter.hit(bucket, limit);
    if (!result.allowed) throw rateLimited(result.retryAfterSeconds);
  }
}
