/**
 * Growth of CPU time with input size, for the "linear time on hostile input" tests of
 * parsers of remote input. No absolute limit (the machine may be loaded): a ratio between
 * two sizes measured in the same run.
 *
 * Noise (another suite on the same core, a garbage collection, the JIT) only ever makes a
 * sample slower, so the fastest of several samples is the truest, and a ratio measured too
 * high is measured again: a quadratic parser never measures below about 40 at 8× the size,
 * a linear one measures about 8 once the noise is gone.
 */

function cpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

function fastestPerRun(run: () => void, repeat: number, samples: number): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let sample = 0; sample < samples; sample++) {
    const started = cpuMicros();
    for (let i = 0; i < repeat; i++) run();
    fastest = Math.min(fastest, (cpuMicros() - started) / repeat);
  }
  return fastest;
}

/** Size factor between the two inputs: linear work gives about this ratio, quadratic its square. */
export const GROWTH_FACTOR = 8;
/** Threshold between linear (about 8) and quadratic (about 64) growth at `GROWTH_FACTOR`. */
export const LINEAR_GROWTH_LIMIT = 24;

/**
 * CPU time on the input of size 8n over the time on the input of size n: the fastest of 5
 * samples per size, each sample repeating its input so that it lasts about 10 ms (above the
 * clock's resolution). Measured up to five times while above `LINEAR_GROWTH_LIMIT`; the
 * lowest ratio is returned. Throwing on hostile input is an outcome like any other: only
 * its cost is measured.
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
  // Warm-up (the large input once too: its first run may still compile paths the small one never took), and how many
  // runs of the small input make a sample of about 10 ms.
  once(large)();
  let repeat = 1;
  while (repeat < 4096 && fastestPerRun(once(small), repeat, 1) * repeat < 10_000) repeat *= 2;
  const largeRepeat = Math.max(1, Math.floor(repeat / GROWTH_FACTOR));
  let lowest = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 5 && lowest >= LINEAR_GROWTH_LIMIT; attempt++) {
    const ratio = fastestPerRun(once(large), largeRepeat, 5) / Math.max(fastestPerRun(once(small), repeat, 5), 0.001);
    lowest = Math.min(lowest, ratio);
  }
  return lowest;
}
