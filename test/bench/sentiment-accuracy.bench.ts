/**
 * Sentiment and language-detection accuracy on the hand-labelled sample
 * (libs/domain/community/src/lib/listening/sentiment/sample/sample.json), per language and per set (tuning, holdout), with a
 * confusion matrix, against nlp.js's own SentimentAnalyzer (its vote: positive above 0,
 * negative below) as the baseline; then scoring throughput on the sample and on a 100 KB text.
 *
 *   node -r @swc-node/register test/bench/sentiment-accuracy.bench.ts
 *   VERBOSE=1 node -r @swc-node/register test/bench/sentiment-accuracy.bench.ts   (lists the misses)
 */
import { Container } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en';
import { LangFr } from '@nlpjs/lang-fr';
import { SentimentAnalyzer } from '@nlpjs/sentiment';
import {
  createSentimentAnalyser,
  detectLanguage,
  evaluateDetection,
  evaluateSentiment,
  formatConfusion,
  loadSample,
  type LabelledMention,
  type SentimentLabel,
  type SentimentLanguage,
} from '@socle/community';

const percent = (value: number) => `${(100 * value).toFixed(1)} %`;

async function main(): Promise<void> {
  const sample = loadSample();
  const analyser = await createSentimentAnalyser();

  const container = new Container();
  container.use(LangFr);
  container.use(LangEn);
  const baseline = new SentimentAnalyzer({ container });
  const baselineLabels = new Map<string, SentimentLabel>();
  for (const mention of sample) {
    const { sentiment } = await baseline.process({ locale: mention.language, text: mention.text });
    baselineLabels.set(mention.id, sentiment.score > 0 ? 'POSITIVE' : sentiment.score < 0 ? 'NEGATIVE' : 'NEUTRAL');
  }

  const groups: { name: string; mentions: LabelledMention[] }[] = [];
  for (const language of ['fr', 'en'] as SentimentLanguage[]) {
    const ofLanguage = sample.filter((mention) => mention.language === language);
    groups.push({ name: `${language} (all)`, mentions: ofLanguage });
    for (const set of ['tuning', 'holdout'] as const) {
      const ofSet = ofLanguage.filter((mention) => mention.set === set);
      if (ofSet.length > 0) groups.push({ name: `${language} ${set}`, mentions: ofSet });
    }
  }
  for (const tag of ['negation', 'emoji', 'irony']) {
    groups.push({ name: `tag ${tag}`, mentions: sample.filter((mention) => mention.tags.includes(tag)) });
  }

  console.log('Sentiment: this analyser vs nlp.js SentimentAnalyzer (sign of its score)\n');
  for (const group of groups) {
    const ours = evaluateSentiment(group.mentions, (mention) => analyser.score(mention.text, mention.language).label);
    const theirs = evaluateSentiment(group.mentions, (mention) => baselineLabels.get(mention.id) ?? 'NEUTRAL');
    console.log(
      `${group.name.padEnd(14)} n=${String(group.mentions.length).padStart(3)}  ours ${percent(ours.accuracy).padStart(7)}  nlp.js ${percent(theirs.accuracy).padStart(7)}`,
    );
  }
  for (const language of ['fr', 'en'] as SentimentLanguage[]) {
    const result = evaluateSentiment(
      sample.filter((mention) => mention.language === language),
      (mention) => analyser.score(mention.text, mention.language).label,
    );
    console.log(`\nConfusion matrix, ${language} (rows: label, columns: predicted)\n${formatConfusion(result.confusion)}`);
    if (process.env['VERBOSE'])
      for (const miss of result.misses) console.log(`  ${miss.id} ${miss.expected} → ${miss.predicted}: ${miss.text}`);
  }

  console.log('\nLanguage detection (null = unsure)');
  for (const language of ['fr', 'en'] as SentimentLanguage[]) {
    const detection = evaluateDetection(
      sample.filter((mention) => mention.language === language),
      detectLanguage,
    );
    console.log(
      `${language}: ${detection.correct}/${detection.total} right (${percent(detection.accuracy)}), ${detection.wrong} wrong, ${detection.unsure} unsure; precision of answers ${percent(detection.precision)}`,
    );
    if (process.env['VERBOSE']) {
      for (const mention of sample.filter((m) => m.language === language)) {
        const detected = detectLanguage(mention.text);
        if (detected !== language) console.log(`  ${mention.id} → ${detected}: ${mention.text}`);
      }
    }
  }

  const started = process.hrtime.bigint();
  const rounds = 200;
  for (let round = 0; round < rounds; round++) for (const mention of sample) analyser.score(mention.text, mention.language);
  const perMention = Number(process.hrtime.bigint() - started) / 1000 / (rounds * sample.length);
  const hostile = '😡 pas bon '.repeat(10_000).slice(0, 100_000);
  const hostileStarted = process.hrtime.bigint();
  for (let round = 0; round < 100; round++) analyser.score(hostile, 'fr');
  const perHostile = Number(process.hrtime.bigint() - hostileStarted) / 1000 / 100;
  console.log(
    `\nThroughput: ${perMention.toFixed(1)} µs per sample mention; ${perHostile.toFixed(1)} µs for a 100 KB text (read up to its cap)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
