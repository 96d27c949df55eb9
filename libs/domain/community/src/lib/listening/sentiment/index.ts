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
