import type { Provider } from '@nestjs/common';
import { SocleConfig } from '@socle/platform-config';
import type { ContentPart } from '../content-part';
import { Media1764800000200 } from '../migrations/1764800000200-media';
import { MediaVideo1765000003300 } from '../migrations/1765000003300-media-video';
import { MediaAssetRepository } from './media-asset.repository';
import { MediaAssetService } from './media-asset.service';
import { MediaHttpAccess } from './media-http-access';
import { LocalDiskMediaStorage, MEDIA_STORAGE } from './media-storage';
import { MediaController } from './media.controller';
import { MediaPublicController } from './media-public.controller';
import { MediaPublicLinks } from './media-public-links';
import { MediaResolver } from './media.resolver';
import { SweepMediaFilesJob } from './sweep-media-files.job';

/** The local disk under `MEDIA_STORAGE_DIR`; another `MediaStorage` (an object store) replaces this provider. */
const storage: Provider = {
  provide: MEDIA_STORAGE,
  inject: [SocleConfig],
  useFactory: (config: SocleConfig) => new LocalDiskMediaStorage(config.MEDIA_STORAGE_DIR),
};

export const MEDIA_PART: ContentPart = {
  entities: [],
  migrations: [Media1764800000200, MediaVideo1765000003300],
  providers: [storage, MediaAssetRepository, MediaAssetService, MediaPublicLinks],
  resolvers: [MediaResolver, MediaHttpAccess],
  controllers: [MediaController, MediaPublicController],
  workers: [SweepMediaFilesJob],
  exports: [MediaAssetService, MediaPublicLinks],
};
