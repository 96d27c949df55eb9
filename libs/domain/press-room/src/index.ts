import { BlogDigest1765000004200 } from './lib/migrations/1765000004200-blog-digest';
import { PressRoom1765000004000 } from './lib/migrations/1765000004000-press-room';

export { PressRoomModule, PressRoomModuleOptions, CUSTOM_DOMAINS_REFRESH_MS } from './lib/press-room.module';
export { PressRoomService, PRESS_ROOM_REASONS, DOMAIN_VERIFIER } from './lib/press-room.service';
export { PressReleaseService, PRESS_RELEASE_REASONS, releaseSourceOf } from './lib/press-release.service';
export {
  NewsletterService,
  CONFIRMATION_TTL_MS,
  SUBSCRIBE_PER_IP_PER_HOUR,
  CONFIRMATIONS_PER_ADDRESS_PER_HOUR,
} from './lib/newsletter.service';
export {
  SendBlogDigestJob,
  BlogDigestSummary,
  BLOG_DIGEST_LATE_MS,
  BLOG_DIGEST_MAX_ARTICLES,
  SEND_BLOG_DIGEST_JOB,
} from './lib/jobs/send-blog-digest.job';
export { BlogDigestRepository, BlogDigestEntity, DigestArticle } from './lib/blog-digest.repository';
export { SendReleaseDigestJob, DigestSummary, DIGEST_BATCH, DIGEST_MAX_AGE_MS } from './lib/jobs/send-release-digest.job';
export { PRESS_ROOM_QUEUE, SEND_RELEASE_DIGEST_JOB, ReleaseDigestPayload } from './lib/jobs/digest-wakeups';
export { DomainVerifier, parseDnsServers, VERIFICATION_RECORD_PREFIX } from './lib/domain-verifier';
export { PressRoomRepository } from './lib/press-room.repository';
export { PressReleaseRepository } from './lib/press-release.repository';
export { NewsletterRepository } from './lib/newsletter.repository';
export { rewritePressRoomHost, customDomainOf } from './lib/public/custom-domains';
export { checkCustomDomain, normalizeEmail, requestHost, roomSlugProblem, slugify } from './lib/addresses';
export { sanitizeHtml, textToHtml, escapeHtml } from './lib/html';
export {
  PRESS_ROOM_EVIDENCE,
  PRESS_ROOM_LIVE_KEY,
  PRESS_ROOM_RECENT_RELEASES_KEY,
  PRESS_ROOM_SUBSCRIBERS_KEY,
  pressRoomEvidence,
  pressRoomEvidenceProvider,
} from './lib/press-room-evidence';

/** The press room's tables and look-ups; run after the content migrations (its media kit refers to the media library). */
export const PRESS_ROOM_MIGRATIONS = [PressRoom1765000004000, BlogDigest1765000004200];
