/**
 * Growth of CPU time with input size, for the "linear time on hostile input" tests of
 * parsers of remote input. No absolute limit (the machine may be loaded): a ratio between
 * two sizes measured in the same run.
 *
 * Noise (another suite on the same core, a garbage collection, the JIT, another process
 * sharing the caches) only ever makes a sample slower, so the fastest sample of each size
 * is the truest. The samples of the two sizes are taken in turns, so that a loaded moment
 * slows both rather than one: a quadratic parser never measures below about 40 at 8× the
 * size, a linear one measures about 8 once the noise is gone.
 */

function cpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

function perRun(run: () => void, repeat: number): number {
  const started = cpuMicros();
  for (let i = 0; i < repeat; i++) run();
  return (cpuMicros() - started) / repeat;
}

/** Size factor between the two inputs: linear work gives about this ratio, quadratic its square. */
export const GROWTH_FACTOR = 8;
/** Threshold between linear (about 8) and quadratic (about 64) growth at `GROWTH_FACTOR`. */
export const LINEAR_GROWTH_LIMIT = 24;

/** Rounds always taken, and at most, before the ratio is read. */
const MIN_ROUNDS = 5;
const MAX_ROUNDS = 40;

/**
 * CPU time on the input of size 8n over the time on the input of size n. Each sample repeats
 * its input so that it lasts about 10 ms (above the clock's resolution); a round takes one
 * sample of each size, and the ratio is the fastest large sample over the fastest small one.
 * After five rounds, rounds go on (up to forty) only while that ratio is above
 * `LINEAR_GROWTH_LIMIT`, so that a linear parser measured in a loaded moment gets the quiet
 * moment it needs while a quadratic one stays above. Throwing on hostile input is an outcome
 * like any other: only its cost is measured.
 */
export function growthRatio<T>(make: (n: number) => T, run: (input: T) => unknown, n: number): number {
  const small = make(n);
  const large = make(GROWTH_FACTOR * n);
  const once = (input: T) => () => {
    try {
      run(input);
    } catch {
      // measured, not judged
    }
  };
  const runSmall = once(small);
  const runLarge = once(large);
  // Warm-up (the large input once too: its first run may still compile paths the small one never took), and how many
  // runs of the small input make a sample of about 10 ms.
  runLarge();
  let repeat = 1;
  while (repeat < 4096 && perRun(runSmall, repeat) * repeat < 10_000) repeat *= 2;
  const largeRepeat = Math.max(1, Math.floor(repeat / GROWTH_FACTOR));
  let fastestSmall = Number.POSITIVE_INFINITY;
  let fastestLarge = Number.POSITIVE_INFINITY;
  let ratio = Number.POSITIVE_INFINITY;
  for (let round = 0; round < MAX_ROUNDS && (round < MIN_ROUNDS || ratio >= LINEAR_GROWTH_LIMIT); round++) {
    fastestLarge = Math.min(fastestLarge, perRun(runLarge, largeRepeat));
    fastestSmall = Math.min(fastestSmall, perRun(runSmall, repeat));
    ratio = fastestLarge / Math.max(fastestSmall, 0.001);
  }
  return ratio;
}
