/**
 * Listening: one mention against the 1,000 compiled queries of one organisation.
 * Prints microseconds per mention, prepared once and matched by every query
 * (target < 1 ms), and the same without the shared preparation (each query
 * tokenises the mention again) for comparison.
 *
 *   node -r @swc-node/register test/bench/listening-match.bench.ts
 */
import { compileListeningQuery, prepareMention, type MatchableMention } from '@socle/community';

const QUERIES = 1_000;
const ROUNDS = 2_000;

const words = [
  'vélo',
  'mobilité',
  'piste',
  'cyclable',
  'égalité',
  'transport',
  'bus',
  'tram',
  'Paris',
  'Lyon',
  'Marseille',
  'climat',
  'énergie',
  'école',
  'santé',
  'bike',
  'lane',
  'city',
  'council',
  'budget',
  'logement',
  'loyer',
  'emploi',
  'culture',
];

/** A small deterministic generator: the same queries on every run. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function buildQueries(): string[] {
  const random = generator(7);
  const word = () => words[Math.floor(random() * words.length)];
  const shapes = [
    () => `${word()} ${word()}`,
    () => `"${word()} ${word()}" lang:fr`,
    () => `(${word()} OR ${word()} OR #${word()}) -${word()}`,
    () => `${word().slice(0, 4)}* ${word()} source:bluesky|mastodon`,
    () => `${word()} from:@user${Math.floor(random() * 100)}@mastodon.social`,
    () => `(${word()} ${word()}) OR ("${word()} ${word()}" NOT ${word()})`,
    () => `#${word()} ${word()} lang:en`,
  ];
  return Array.from({ length: QUERIES }, (_, i) => `${shapes[i % shapes.length]()} w${i}`);
}

const mentions: MatchableMention[] = [
  {
    text: "🚲 Nouvelle piste cyclable à Lyon : la mobilité douce progresse ! L'égalité d'accès au vélo, c'est aussi une question de budget #Vélo #Lyon https://example.org/velo",
    language: 'fr',
    authorHandle: '@user12@mastodon.social',
    source: 'mastodon',
  },
  {
    text: 'City council votes the bike lane budget — finally! #bikes #transport',
    language: 'en',
    authorHandle: 'someone.bsky.social',
    source: 'bluesky',
  },
];

const compileStarted = process.hrtime.bigint();
const queries = buildQueries().map(compileListeningQuery);
const compileMicros = Number(process.hrtime.bigint() - compileStarted) / 1e3;

function perMention(run: (mention: MatchableMention) => number): { micros: number; matched: number } {
  let matched = 0;
  for (let i = 0; i < 200; i++) matched = run(mentions[i % mentions.length]); // warm-up
  const started = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i++) matched = run(mentions[i % mentions.length]);
  return { micros: Number(process.hrtime.bigint() - started) / 1e3 / ROUNDS, matched };
}

const prepared = perMention((mention) => {
  const text = prepareMention(mention);
  let count = 0;
  for (const query of queries) if (query.matchesPrepared(text)) count++;
  return count;
});
const unprepared = perMention((mention) => {
  let count = 0;
  for (const query of queries) if (query.matches(mention)) count++;
  return count;
});

console.log(`listening match: ${QUERIES} compiled queries (compiled in ${(compileMicros / 1000).toFixed(1)} ms), ${ROUNDS} mentions`);
console.log(
  `  prepared once, matched by every query: ${prepared.micros.toFixed(1)} µs per mention (target < 1000 µs) — ${prepared.matched} queries matched the last mention`,
);
console.log(`  tokenised again by every query:        ${unprepared.micros.toFixed(1)} µs per mention`);
