export { MediaAssetService, MEDIA_IN_USE, normalizeTags } from './media-asset.service';
export type { MediaAssetEntity } from './media-asset.repository';
export { MEDIA_STORAGE, MediaStorage, StoredObject, LocalDiskMediaStorage } from './media-storage';
export { MediaAssetObject } from './media.dto';
export { SweepMediaFilesJob, SWEEP_GRACE_MS } from './sweep-media-files.job';
export { boundaryOf, multipartRefusal, MultipartReader, PartHeaders } from './multipart';
export { MediaPublicLinks, MEDIA_PUBLIC_LINK_TTL_MS, MediaPublicLinkClaims } from './media-public-links';
export { sendMediaFile } from './media-reply';
