/**
 * Content rules throughput: `check` on 10,000 realistic drafts (French and English,
 * 50 to 3,000 characters, with hashtags, links, accents and emojis; seeded, so runs
 * are comparable) against an organisation with 500 words and phrases to avoid and
 * 20 rules. Single-threaded loop on one core: compile time, then drafts/s and
 * p50/p99 per draft (median of 3 runs after a warm-up), and a naive baseline in the
 * same run (one RegExp per word over the normalised text, on 1,000 drafts).
 *
 *   node -r @swc-node/register test/bench/check-content.bench.ts
 */
import {
  check,
  compileContentPolicy,
  normaliseForMatching,
  type ContentOrganisation,
  type ContentRule,
  type NetworkTextLimits,
} from '@socle/policies';

const DRAFTS = 10_000;
const BASELINE_DRAFTS = 1_000;
const RUNS = 3;
const TARGET_DRAFTS_PER_SECOND = 20_000;

// Mulberry32: small, fast, seeded.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20240611);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

const FR = {
  openers: [
    'Découvrez',
    'Aujourd’hui,',
    'Cette semaine,',
    'Grande nouvelle :',
    'Chez nous,',
    'Vous l’attendiez :',
    'En exclusivité,',
    'Dès maintenant,',
  ],
  subjects: [
    'notre équipe',
    'la nouvelle collection',
    'l’atelier de Lyon',
    'nos clients fidèles',
    'le café du matin',
    'la boutique en ligne',
    'notre partenaire local',
    'l’événement de l’été',
  ],
  verbs: ['présente', 'célèbre', 'prépare', 'réinvente', 'vous propose', 'dévoile', 'accompagne', 'soutient'],
  objects: [
    'des créations éco-responsables',
    'une offre à ne pas manquer',
    'des ateliers gratuits',
    'un savoir-faire français',
    'des produits de saison',
    'une expérience unique',
    'des rencontres inoubliables',
    'les artisans de la région',
  ],
  tails: [
    'pour toute la famille.',
    'jusqu’à dimanche !',
    'avec le sourire 😊',
    'à deux pas de chez vous.',
    'dans nos magasins.',
    'en édition limitée.',
    'et c’est gratuit !',
    'pour célébrer l’été ☀️',
  ],
  extras: [
    'C’est le meilleur prix imbattable du quartier.',
    'Attention à l’arnaque des faux sites !',
    'Tu as vu notre vitrine ?',
    'Partenariat rémunéré avec la marque.',
    'N’hésitez pas à nous écrire.',
    'Réservez votre créneau dès maintenant.',
  ],
  hashtags: ['#été', '#fabriquéEnFrance', '#pub', '#artisanat', '#lyon', '#nouveauté', '#café', '#sponsorisé', '#écologie'],
};
const EN = {
  openers: ['Discover', 'Today,', 'This week,', 'Big news:', 'At our place,', 'You asked for it:', 'Exclusively,', 'Starting now,'],
  subjects: [
    'our team',
    'the new collection',
    'the Brooklyn workshop',
    'our loyal customers',
    'the morning coffee',
    'the online store',
    'our local partner',
    'the summer event',
  ],
  verbs: ['presents', 'celebrates', 'is preparing', 'reinvents', 'offers you', 'unveils', 'supports', 'brings'],
  objects: [
    'eco-friendly designs',
    'a deal you cannot miss',
    'free workshops',
    'hand-made goods',
    'seasonal products',
    'a unique experience',
    'unforgettable meetups',
    'the makers of the region',
  ],
  tails: [
    'for the whole family.',
    'until Sunday!',
    'with a smile 😊',
    'right around the corner.',
    'in our stores.',
    'in a limited edition.',
    'and it’s free!',
    'to celebrate summer 🎉',
  ],
  extras: [
    'It is not a scam, it’s a guaranteed deal.',
    'Best price guaranteed, no kidding.',
    'Paid partnership with the brand.',
    'Don’t miss it, it’s today’s scampi special.',
    'Write to us anytime.',
    'Book your slot now.',
  ],
  hashtags: ['#summer', '#madeInUSA', '#ad', '#crafts', '#nyc', '#new', '#coffee', '#sponsored', '#green'],
};
const LINKS = [
  'https://www.socle-demo.example/offre',
  'https://ads.spam.example/promo?id=42',
  'example.com/path',
  'https://shop.example.org/p/123',
  'http://bit.ly/3xYz',
  'www.exemple.fr',
  'https://cheap-pills.example/buy',
];
const EMOJIS = ['🎉', '👩‍👩‍👧', '🇫🇷', '❤️', '👍🏽', '☕', '✨'];

function sentence(lang: typeof FR): string {
  if (random() < 0.15) return pick(lang.extras);
  return `${pick(lang.openers)} ${pick(lang.subjects)} ${pick(lang.verbs)} ${pick(lang.objects)} ${pick(lang.tails)}`;
}

function draft(): string {
  const lang = random() < 0.6 ? FR : EN;
  const target = 50 + Math.floor(random() ** 1.5 * 2950);
  const parts: string[] = [];
  let length = 0;
  while (length < target) {
    const r = random();
    const part = r < 0.82 ? sentence(lang) : r < 0.9 ? pick(lang.hashtags) : r < 0.95 ? pick(LINKS) : pick(EMOJIS);
    parts.push(part);
    length += part.length + 1;
  }
  let text = parts.join(random() < 0.1 ? '\n' : ' ');
  if (text.length > 3000) text = text.slice(0, 3000);
  return text;
}

function organisation(): ContentOrganisation {
  const syllables = [
    'ar',
    'na',
    'que',
    'bo',
    'ni',
    'ment',
    'tra',
    'vel',
    'ous',
    'pri',
    'mo',
    'gé',
    'dé',
    'lux',
    'ta',
    'ri',
    'fou',
    'zen',
    'cra',
    'pul',
  ];
  const words = new Set<string>([
    'arnaque',
    'scam',
    'guaranteed',
    'imbattable',
    'gratuit',
    'free',
    'meilleur',
    'miracle',
    'unique',
    'exclusivité',
  ]);
  while (words.size < 470) {
    let word = '';
    const n = 2 + Math.floor(random() * 3);
    for (let k = 0; k < n; k++) word += pick(syllables);
    words.add(word);
  }
  const phrases = [
    'prix imbattable',
    'best price',
    'no kidding',
    'ne pas manquer',
    'cannot miss',
    'offre limitée',
    'satisfait ou remboursé',
    'act now',
  ];
  while (phrases.length < 30) phrases.push(`${pick([...words])} ${pick([...words])}`);
  const list = [...words];
  const rules: ContentRule[] = [
    { id: 'voice-block', kind: 'AVOID_WORDS', severity: 'BLOCK', words: list.slice(0, 100) },
    { id: 'voice-warn', kind: 'AVOID_WORDS', severity: 'WARN', words: list.slice(100, 300) },
    { id: 'voice-legal', kind: 'AVOID_WORDS', severity: 'WARN', words: list.slice(300) },
    { id: 'voice-phrases', kind: 'AVOID_WORDS', severity: 'WARN', words: phrases },
    { id: 'address', kind: 'ADDRESS_FORM', severity: 'WARN', form: 'vous' },
    {
      id: 'disclosure-sponsored',
      kind: 'REQUIRED_DISCLOSURE',
      severity: 'BLOCK',
      contentKinds: ['sponsored'],
      anyOf: ['#pub', '#sponsorisé', '#ad', 'partenariat rémunéré', 'paid partnership'],
    },
    {
      id: 'disclosure-gifted',
      kind: 'REQUIRED_DISCLOSURE',
      severity: 'WARN',
      contentKinds: ['gifted'],
      anyOf: ['#cadeau', '#gifted', 'produit offert'],
    },
    {
      id: 'disclosure-affiliate',
      kind: 'REQUIRED_DISCLOSURE',
      severity: 'BLOCK',
      contentKinds: ['affiliate'],
      anyOf: ['#affiliation', '#affiliate', 'lien affilié'],
    },
    {
      id: 'domains-spam',
      kind: 'FORBIDDEN_LINK_DOMAINS',
      severity: 'BLOCK',
      domains: ['spam.example', 'cheap-pills.example', 'malware.test', 'phish.example.net'],
    },
    {
      id: 'domains-shorteners',
      kind: 'FORBIDDEN_LINK_DOMAINS',
      severity: 'WARN',
      domains: ['bit.ly', 'tinyurl.com', 'goo.gl', 't.co', 'ow.ly'],
    },
    {
      id: 'domains-competitors',
      kind: 'FORBIDDEN_LINK_DOMAINS',
      severity: 'WARN',
      domains: ['concurrent.fr', 'rival.example.com', 'other-agency.example'],
    },
    { id: 'hashtags-max', kind: 'MAX_HASHTAGS', severity: 'WARN', max: 5 },
    { id: 'hashtags-hard', kind: 'MAX_HASHTAGS', severity: 'BLOCK', max: 30 },
    { id: 'limits', kind: 'NETWORK_LIMITS', severity: 'BLOCK' },
    { id: 'limits-mastodon-warn', kind: 'NETWORK_LIMITS', severity: 'WARN', networks: ['mastodon'] },
    {
      id: 'voice-superlatives',
      kind: 'AVOID_WORDS',
      severity: 'WARN',
      words: ['incroyable', 'révolutionnaire', 'incredible', 'revolutionary'],
    },
    { id: 'voice-anglicisms', kind: 'AVOID_WORDS', severity: 'WARN', words: ['deal', 'booster', 'feedback', 'challenge'] },
    {
      id: 'voice-legal-terms',
      kind: 'AVOID_WORDS',
      severity: 'BLOCK',
      words: ['garanti à vie', 'sans risque', 'risk-free', 'lifetime guarantee'],
    },
    {
      id: 'disclosure-contest',
      kind: 'REQUIRED_DISCLOSURE',
      severity: 'WARN',
      contentKinds: ['contest'],
      anyOf: ['règlement', 'rules apply', '#concours'],
    },
    { id: 'domains-adult', kind: 'FORBIDDEN_LINK_DOMAINS', severity: 'BLOCK', domains: ['adult.example', 'casino.example'] },
  ];
  return { locale: 'fr', rules };
}

const NETWORKS: (NetworkTextLimits | undefined)[] = [
  undefined,
  { network: 'bluesky', displayName: 'Bluesky', maxLength: 300, counting: 'graphemes', maxBytes: 3000 },
  { network: 'mastodon', displayName: 'Mastodon', maxLength: 500, counting: 'code-points-urls-as-23' },
  { network: 'x', displayName: 'X', maxLength: 280, counting: 'code-points' },
];
const CONTENT_KINDS = [undefined, 'sponsored', 'organic', 'gifted', 'contest'];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function main(): void {
  const org = organisation();
  const avoidCount = org.rules.reduce((n, rule) => n + (rule.kind === 'AVOID_WORDS' ? rule.words.length : 0), 0);
  const drafts = Array.from({ length: DRAFTS }, draft);
  const options = drafts.map((_, i) => ({ network: NETWORKS[i % NETWORKS.length], contentKind: CONTENT_KINDS[i % CONTENT_KINDS.length] }));
  const chars = drafts.reduce((n, d) => n + d.length, 0);
  console.log(
    `${DRAFTS} drafts, ${(chars / DRAFTS).toFixed(0)} chars on average (${Math.min(...drafts.map((d) => d.length))}-${Math.max(...drafts.map((d) => d.length))}); ` +
      `${org.rules.length} rules, ${avoidCount} words/phrases to avoid (node ${process.version})`,
  );

  // Compile cost, on its own.
  const compileTimes: number[] = [];
  let policy = compileContentPolicy(org);
  for (let k = 0; k < 7; k++) {
    const started = process.hrtime.bigint();
    policy = compileContentPolicy({ ...org, rules: [...org.rules] });
    compileTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  console.log(`compile: median ${median(compileTimes).toFixed(2)} ms (7 runs)`);

  // Warm-up, then RUNS timed runs over every draft.
  let violations = 0;
  for (let i = 0; i < 2000; i++) violations += check(policy, drafts[i], options[i]).length;
  const rates: number[] = [];
  const p50s: number[] = [];
  const p99s: number[] = [];
  const latencies = new Float64Array(DRAFTS);
  for (let run = 0; run < RUNS; run++) {
    violations = 0;
    const started = process.hrtime.bigint();
    for (let i = 0; i < DRAFTS; i++) {
      const t0 = process.hrtime.bigint();
      violations += check(policy, drafts[i], options[i]).length;
      latencies[i] = Number(process.hrtime.bigint() - t0) / 1e3;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    latencies.sort();
    rates.push(DRAFTS / seconds);
    p50s.push(percentile(latencies, 50));
    p99s.push(percentile(latencies, 99));
  }
  const rate = median(rates);
  console.log(
    `check: ${rate.toFixed(0)} drafts/s (${(((chars / 1e6) * rate) / DRAFTS).toFixed(1)} M chars/s), p50 ${median(p50s).toFixed(1)} µs, p99 ${median(p99s).toFixed(1)} µs ` +
      `(median of ${RUNS} runs: ${rates.map((r) => r.toFixed(0)).join(', ')} drafts/s); ${violations} violations per run`,
  );

  // Naive baseline: one RegExp per word or phrase over the normalised text.
  const words = org.rules.flatMap((rule) => (rule.kind === 'AVOID_WORDS' ? rule.words : []));
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const regexes = words.map((word) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(normaliseForMatching(word))}(?![\\p{L}\\p{N}])`, 'gu'));
  const wordsOnly = compileContentPolicy({ locale: 'fr', rules: org.rules.filter((rule) => rule.kind === 'AVOID_WORDS') });
  const subset = drafts.slice(0, BASELINE_DRAFTS);
  const naive = (): number => {
    let hits = 0;
    for (const text of subset) {
      const normalised = normaliseForMatching(text);
      for (const regex of regexes) {
        regex.lastIndex = 0;
        while (regex.exec(normalised) !== null) hits++;
      }
    }
    return hits;
  };
  const engineWords = (): number => subset.reduce((n, text) => n + check(wordsOnly, text).length, 0);
  const time = (run: () => number): { ms: number; result: number } => {
    const started = process.hrtime.bigint();
    const result = run();
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
  };
  naive();
  engineWords();
  const naiveRuns = [time(naive), time(naive), time(naive)];
  const engineRuns = [time(engineWords), time(engineWords), time(engineWords)];
  const naiveMs = median(naiveRuns.map((r) => r.ms));
  const engineMs = median(engineRuns.map((r) => r.ms));
  console.log(
    `baseline on ${BASELINE_DRAFTS} drafts, words only: naive ${words.length} RegExps ${(BASELINE_DRAFTS / (naiveMs / 1000)).toFixed(0)} drafts/s (${naiveRuns[0].result} hits), ` +
      `engine ${(BASELINE_DRAFTS / (engineMs / 1000)).toFixed(0)} drafts/s (${engineRuns[0].result} hits, overlaps merged); engine is ${(naiveMs / engineMs).toFixed(1)}x faster`,
  );
  console.log(
    `target >= ${TARGET_DRAFTS_PER_SECOND} drafts/s on one core: ${rate >= TARGET_DRAFTS_PER_SECOND ? 'PASS' : 'MISS'} (${rate.toFixed(0)})`,
  );
}

main();
