import { Module } from '@nestjs/common';
import { AccountsModule, AuditRepository } from '@socle/accounts';
import { CredentialVault } from '@socle/community';
import { LocalDiskMediaStorage, MEDIA_STORAGE } from '@socle/content';
import { SocleConfig } from '@socle/platform-config';
import { SecretBox } from '@socle/platform-crypto';
import { ArchiveHttpAccess } from './archive-http-access';
import { OrganizationArchiveController } from './organization-archive.controller';

/**
 * The archive routes for agencies (`POST /organizations/:id/archive`, `POST /agency/organization-archives`). The vault
 * and the media storage are built from the configuration as the content and community modules build theirs (the same
 * keys, the same directory); a deployment that replaces the media storage replaces it here too.
 */
@Module({
  imports: [AccountsModule],
  controllers: [OrganizationArchiveController],
  providers: [
    ArchiveHttpAccess,
    AuditRepository,
    {
      provide: CredentialVault,
      inject: [SocleConfig],
      useFactory: (config: SocleConfig) => new CredentialVault(SecretBox.fromConfig(config.ENCRYPTION_KEYS, config.ENCRYPTION_ACTIVE_KEY)),
    },
    {
      provide: MEDIA_STORAGE,
      inject: [SocleConfig],
      useFactory: (config: SocleConfig) => new LocalDiskMediaStorage(config.MEDIA_STORAGE_DIR),
    },
  ],
})
export class TenantArchiveHttpModule {}
