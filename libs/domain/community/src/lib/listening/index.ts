export { LISTENING_PART } from './listening.part';
export {
  RunListeningQueryJob,
  RunListeningQueryPayload,
  ListeningScheduler,
  ListeningRunResult,
  LISTENING_QUEUE,
  RUN_LISTENING_QUERY_JOB,
  LISTENING_PAGE_SIZE,
  LISTENING_MAX_PAGES,
  ListeningMatcher,
  mentionText,
  toMentionRow,
} from './listening.job';
export { ListeningRepository, MentionFilter } from './listening.repository';
export { ListeningService } from './listening.service';
export { MentionEnricher, normaliseLanguage, type Enrichment } from './mention-enricher';
export * from './listening.entities';
export * from './query';
export * from './analytics';
export {
  createSentimentAnalyser,
  detectLanguage,
  MAX_ANALYSED_CHARS,
  type Sentiment,
  type SentimentAnalyser,
  type SentimentLanguage,
  evaluateDetection,
  evaluateSentiment,
  formatConfusion,
  loadSample,
  type LabelledMention,
} from './sentiment';
