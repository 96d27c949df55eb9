import type { Provider } from '@nestjs/common';
import { SocleConfig } from '@socle/platform-config';
import type { ContentPart } from '../content-part';
import { Media1764800000200 } from '../migrations/1764800000200-media';
import { MediaAssetRepository } from './media-asset.repository';
import { MediaAssetService } from './media-asset.service';
import { MediaHttpAccess } from './media-http-access';
import { LocalDiskMediaStorage, MEDIA_STORAGE } from './media-storage';
import { MediaController } from './media.controller';
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
  migrations: [Media1764800000200],
  providers: [storage, MediaAssetRepository, MediaAssetService],
  resolvers: [MediaResolver, MediaHttpAccess],
  controllers: [MediaController],
  workers: [SweepMediaFilesJob],
  exports: [MediaAssetService],
};
