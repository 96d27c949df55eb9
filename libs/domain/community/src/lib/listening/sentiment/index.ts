export {
  createSentimentAnalyser,
  LABEL_THRESHOLDS,
  MAX_ANALYSED_CHARS,
  type Sentiment,
  type SentimentAnalyser,
  type SentimentLabel,
  type SentimentLanguage,
} from './sentiment-analyser';
export { detectLanguage } from './language';
/** The hand-labelled sample and its scoring, for the accuracy benchmark. */
export { evaluateDetection, evaluateSentiment, formatConfusion, loadSample, type LabelledMention } from './sample/evaluate';
