/**
 * Growth of CPU time with input size, for the "linear and bounded" tests of the feed
 * parsers: no absolute limit (the machine may be loaded), a ratio instead.
 */

function cpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

function medianPerRun(run: () => void, repeat: number): number {
  const times: number[] = [];
  for (let sample = 0; sample < 3; sample++) {
    const started = cpuMicros();
    for (let i = 0; i < repeat; i++) run();
    times.push((cpuMicros() - started) / repeat);
  }
  return times.sort((a, b) => a - b)[1];
}

/**
 * CPU time on the input of size 8n over the time on the input of size n (median of 3
 * samples per size; each sample repeats its input so that it lasts a few milliseconds,
 * above the clock's resolution). Linear work gives about 8, quadratic about 64.
 */
export function growthRatio<T>(make: (n: number) => T, run: (input: T) => unknown, n: number): number {
  const small = make(n);
  const large = make(8 * n);
  const once = (input: T) => () => {
    try {
      run(input);
    } catch {
      // Rejecting hostile input is an outcome like any other: only its cost is measured.
    }
  };
  // Warm-up, and how many runs of the small input make a sample of about 10 ms.
  let repeat = 1;
  while (repeat < 4096 && medianPerRun(once(small), repeat) * repeat < 10_000) repeat *= 2;
  const largeRepeat = Math.max(1, Math.floor(repeat / 8));
  return medianPerRun(once(large), largeRepeat) / Math.max(medianPerRun(once(small), repeat), 0.001);
}
