import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SocleConfig } from '@socle/platform-config';
import { UnitOfWork, UnitOfWorkFactory } from '@socle/platform-database';
import { hashPassword, passwordWeakness, RATE_LIMITER, RateLimiter, sha256 } from '@socle/platform-auth';
import { badInput, DomainError, rateLimited } from '@socle/platform-errors';
import { MailOutbox } from '@socle/platform-mail';
import { AuditRepository, UserRepository } from './repositories';
import { issueToken, parseToken } from './tokens';
import { passwordResetMail } from './password-reset-mail';

/** Kind of the password-reset tokens (`spr_<user id>_<secret>`). */
export const PASSWORD_RESET_KIND = 'spr';
/** How long a reset link works. */
export const PASSWORD_RESET_VALID_MINUTES = 60;
/** Reset links mailed to one person per hour at most: more requests are answered the same, and mail nothing. */
export const PASSWORD_RESETS_PER_HOUR = 3;
/** `extensions.reason` when a reset link does not work (unknown, used, withdrawn by a newer one, or expired). */
export const PASSWORD_RESET_LINK_INVALID = 'PASSWORD_RESET_LINK_INVALID';

interface Caller {
  ip: string;
  requestId: string;
}

interface ResetRow {
  id: string;
  expires_at: Date;
  used_at: Date | null;
  withdrawn_at: Date | null;
}

/**
 * Forgotten passwords. `request` mails a single-use link to the account's
 * address (in the person's language, through their own outbox, in the
 * transaction that stores the link) and answers the same whether the address
 * has an account or not, so it tells nobody who has one. `reset` sets the new
 * password with the link, once: the link is locked, checked and spent in one
 * transaction, and every session of the person is revoked with it.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly units: UnitOfWorkFactory,
    private readonly config: SocleConfig,
    private readonly users: UserRepository,
    private readonly audit: AuditRepository,
    private readonly outbox: MailOutbox,
    @Inject(RATE_LIMITER) private readonly limiter: RateLimiter,
  ) {}

  async request(email: string, caller: Caller): Promise<void> {
    const normalized = email.trim().toLowerCase();
    await this.throttle(`password-reset-ip:${caller.ip}`, this.config.RATE_LIMIT_LOGIN_PER_MINUTE);
    const account = await this.units.run({}, (uow) => this.users.findByEmailForAuth(uow, normalized));
    if (!account) {
      await this.units.run({}, (uow) =>
        this.audit.recordSecurityEvent(
          uow,
          'password_reset.unknown_email',
          sha256(normalized).toString('hex'),
          caller.ip,
          caller.requestId,
        ),
      );
      return;
    }
    const userId = account.id;
    await this.units.run({ userId }, async (uow) => {
      // One request at a time per person: the rest below reads and replaces their live link.
      const [user] = await uow.query<{ email: string; display_name: string; locale: 'fr' | 'en' }>(
        'SELECT email, display_name, locale FROM users WHERE id = $1 FOR UPDATE',
        [userId],
      );
      if (!user) return;
      const [{ recent }] = await uow.query<{ recent: number }>(
        "SELECT count(*)::int AS recent FROM password_resets WHERE user_id = $1 AND created_at > now() - interval '1 hour'",
        [userId],
      );
      if (recent >= PASSWORD_RESETS_PER_HOUR) {
        await this.audit.recordSecurityEvent(
          uow,
          'password_reset.throttled',
          sha256(normalized).toString('hex'),
          caller.ip,
          caller.requestId,
        );
        return;
      }
      const withdrawn = await uow.query<{ id: string }>(
        `WITH withdrawn AS (
           UPDATE password_resets SET withdrawn_at = now() WHERE user_id = $1 AND used_at IS NULL AND withdrawn_at IS NULL RETURNING id)
         SELECT id FROM withdrawn`,
        [userId],
      );
      await this.outbox.cancelForUser(
        uow,
        userId,
        withdrawn.map((w) => w.id),
      );
      const link = issueToken(PASSWORD_RESET_KIND, userId);
      const id = randomUUID();
      await uow.query(
        `INSERT INTO password_resets (user_id, id, token_hash, expires_at)
         VALUES ($1, $2, $3, now() + make_interval(mins => $4))`,
        [userId, id, link.hash, PASSWORD_RESET_VALID_MINUTES],
      );
      const url = new URL('/password/reset', this.config.PUBLIC_URL);
      url.searchParams.set('token', link.token);
      await this.outbox.enqueueForUser(uow, userId, [
        passwordResetMail({
          email: user.email,
          name: user.display_name,
          locale: user.locale,
          url: url.toString(),
          validMinutes: PASSWORD_RESET_VALID_MINUTES,
          resetId: id,
        }),
      ]);
      await this.audit.recordSecurityEvent(
        uow,
        'password_reset.requested',
        sha256(normalized).toString('hex'),
        caller.ip,
        caller.requestId,
      );
    });
  }

  async reset(token: string, password: string, caller: Caller): Promise<void> {
    await this.throttle(`password-reset-ip:${caller.ip}`, this.config.RATE_LIMIT_LOGIN_PER_MINUTE);
    const parsed = parseToken(PASSWORD_RESET_KIND, token);
    if (!parsed) throw invalidLink();
    const userId = parsed.tenantId;
    // Hashing takes a while and needs no lock: the new password is checked and hashed first, with the person's
    // address and name read without one (the link is checked below, under its lock).
    const person = await this.units.run({ userId }, (uow) => this.person(uow, userId));
    if (!person) throw invalidLink();
    const weakness = passwordWeakness(password, { email: person.email, name: person.display_name });
    if (weakness) throw badInput('input.password', `Password ${weakness}.`);
    const passwordHash = await hashPassword(password, this.config.SCRYPT_LOG_N);
    const done = await this.units.run({ userId }, async (uow) => {
      const [reset] = await uow.query<ResetRow>(
        'SELECT id, expires_at, used_at, withdrawn_at FROM password_resets WHERE user_id = $1 AND token_hash = $2 FOR UPDATE',
        [userId, parsed.secretHash],
      );
      if (!reset || reset.used_at || reset.withdrawn_at || reset.expires_at.getTime() <= Date.now()) return false;
      await uow.query('UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND id = $2', [userId, reset.id]);
      await uow.query('UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1', [userId, passwordHash]);
      await uow.query('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
      await this.audit.recordSecurityEvent(
        uow,
        'password_reset.completed',
        sha256(person.email.toLowerCase()).toString('hex'),
        caller.ip,
        caller.requestId,
      );
      return true;
    });
    if (!done) throw invalidLink();
  }

  private async person(uow: UnitOfWork, userId: string): Promise<{ email: string; display_name: string } | null> {
    const [row] = await uow.query<{ email: string; display_name: string }>('SELECT email, display_name FROM users WHERE id = $1', [userId]);
    return row ?? null;
  }

  private async throttle(bucket: string, limit: number): Promise<void> {
    const result = await this.limiter.hit(bucket, limit);
    if (!result.allowed) throw rateLimited(result.retryAfterSeconds);
  }
}

function invalidLink(): DomainError {
  return new DomainError(
    'BAD_USER_INPUT',
    'This password-reset link does not work: it is unknown, was used already, was replaced by a newer one, or expired. Ask for a new one.',
    { field: 'input.token', reason: PASSWORD_RESET_LINK_INVALID },
  );
}
