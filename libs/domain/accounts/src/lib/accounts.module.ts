import { InvitationMailer } from './invitation-mailer';
import { MailOutbox } from '@socle/platform-mail';
import { WebhookEvents } from '@socle/platform-webhooks';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { SocleConfig } from '@socle/platform-config';
import { RATE_LIMITER, RateLimiter, TENANT_ACCESS_RESOLVER } from '@socle/platform-auth';
import { QUEUE_OPTIONS, QueueOptions, REDIS, RedisClient } from '@socle/platform-queue';
import { ApiKeyResolver, AuditResolver } from './api-key.resolver';
import { ApiKeyService } from './api-key.service';
import { AuthResolver } from './auth.resolver';
import { PasswordResetResolver } from './password-reset.resolver';
import { PasswordResetService } from './password-reset.service';
import { AuthService } from './auth.service';
import { Authenticator } from './authenticator';
import { AgencyMemberResolver, OrganizationMemberResolver } from './member.resolver';
import { MembershipService } from './membership.service';
import { MyRolesLoader } from './my-roles.loader';
import { AgencyResolver, OrganizationResolver } from './organization.resolver';
import { OrganizationService } from './organization.service';
import { ProfileService } from './profile.service';
import { PurgeOrganizationJob } from './purge-organization.job';
import { PurgeOrganizationScheduler } from './purge-organization.scheduler';
import {
  AgencyRepository,
  ApiKeyRepository,
  AuditRepository,
  InvitationRepository,
  MembershipRepository,
  OrganizationRepository,
  SessionRepository,
  UserRepository,
} from './repositories';
import { TenantAccessService } from './tenant-access.service';
import { ACCESS_TOKEN_AUDIENCE, JWT_ALGORITHM, JWT_ISSUER } from './tokens';
import { UserLoader } from './user.loader';
import { ViewerResolver } from './viewer.resolver';

/** Agencies, client organisations, people, memberships, sessions, API keys and the audit log. */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [SocleConfig],
      useFactory: (config: SocleConfig) => ({
        secret: config.JWT_SECRET,
        signOptions: { algorithm: JWT_ALGORITHM, issuer: JWT_ISSUER, audience: ACCESS_TOKEN_AUDIENCE },
        verifyOptions: { algorithms: [JWT_ALGORITHM], issuer: JWT_ISSUER, audience: ACCESS_TOKEN_AUDIENCE },
      }),
    }),
  ],
  providers: [
    WebhookEvents,
    UserRepository,
    AgencyRepository,
    OrganizationRepository,
    MembershipRepository,
    InvitationRepository,
    ApiKeyRepository,
    SessionRepository,
    AuditRepository,
    AuthService,
    PasswordResetService,
    InvitationMailer,
    MailOutbox,
    ApiKeyService,
    OrganizationService,
    ProfileService,
    MembershipService,
    Authenticator,
    UserLoader,
    MyRolesLoader,
    TenantAccessService,
    PurgeOrganizationScheduler,
    PurgeOrganizationJob,
    AuthResolver,
    PasswordResetResolver,
    OrganizationResolver,
    AgencyResolver,
    OrganizationMemberResolver,
    AgencyMemberResolver,
    ApiKeyResolver,
    AuditResolver,
    ViewerResolver,
    { provide: TENANT_ACCESS_RESOLVER, useExisting: TenantAccessService },
    {
      provide: RATE_LIMITER,
      inject: [REDIS, QUEUE_OPTIONS],
      useFactory: (redis: RedisClient, options: QueueOptions) => new RateLimiter(redis, options.prefix),
    },
  ],
  exports: [TENANT_ACCESS_RESOLVER, RATE_LIMITER, Authenticator, PurgeOrganizationJob, AuthService],
})
export class AccountsModule {}
