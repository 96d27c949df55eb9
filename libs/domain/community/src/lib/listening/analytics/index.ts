export { MentionSearchRepository, TOP_AUTHORS } from './mention-search.repository';
export type { MentionSearchFilter, MentionFacetName, FacetCountRow, VolumeInterval, VolumeBucketRow } from './mention-search.repository';
export { MentionAnalyticsService, MAX_BUCKETS } from './mention-analytics.service';
export type { MentionFilterInput, MentionFacets, ShareOfVoice } from './mention-analytics.service';
export { MentionAnalyticsResolver } from './mention-analytics.resolver';
export { ShareOfVoiceSideKindEnum } from './dto/mention-analytics.objects';
export { toSearchQuery, SEARCH_TEXT_LIMITS } from './search-text';
