import { baselineOf, DEFAULT_SPIKE_SETTINGS, judgeNegativeSpike, SpikeSettings, spikeWindows } from './spike-rule';

const settings = (patch: Partial<SpikeSettings> = {}): SpikeSettings => ({ ...DEFAULT_SPIKE_SETTINGS, ...patch });
const days = (n: number, count: number) => Array.from({ length: n }, () => count);

describe('the negative spike rule', () => {
  it('computes the mean and the population standard deviation of the baseline; nothing is 0 and 0', () => {
    expect(baselineOf([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, stddev: 2 });
    expect(baselineOf([])).toEqual({ mean: 0, stddev: 0 });
  });

  it('does not page anyone for three angry posts in a quiet week (the minimum count)', () => {
    const verdict = judgeNegativeSpike(3, days(14, 0), settings());
    expect(verdict).toMatchObject({ spike: false, observed: 3, mean: 0, threshold: 10, ratio: 3 });
  });

  it('raises at the minimum count over a silent history, and not one below', () => {
    expect(judgeNegativeSpike(10, days(14, 0), settings()).spike).toBe(true);
    expect(judgeNegativeSpike(9, days(14, 0), settings()).spike).toBe(false);
  });

  it('compares a busy brand with its own baseline: 40 where 30 ± 5 is usual is no spike, 47 is', () => {
    // Alternating 25 and 35: mean 30, standard deviation 5; MEDIUM asks for mean + 3 × 5.5 (√30 ≈ 5.48 > 5).
    const baseline = Array.from({ length: 14 }, (_, i) => (i % 2 ? 25 : 35));
    expect(judgeNegativeSpike(40, baseline, settings()).spike).toBe(false);
    const spike = judgeNegativeSpike(47, baseline, settings());
    expect(spike.spike).toBe(true);
    expect(spike.threshold).toBeCloseTo(30 + 3 * Math.sqrt(30), 6);
    expect(spike.ratio).toBeCloseTo(47 / 30, 6);
  });

  it('takes the sensitivity as the number of deviations: HIGH 2, MEDIUM 3, LOW 4', () => {
    const baseline = days(14, 16); // flat: the spread is √16 = 4
    expect(judgeNegativeSpike(24, baseline, settings({ sensitivity: 'HIGH' })).spike).toBe(true);
    expect(judgeNegativeSpike(24, baseline, settings({ sensitivity: 'MEDIUM' })).spike).toBe(false);
    expect(judgeNegativeSpike(28, baseline, settings({ sensitivity: 'MEDIUM' })).spike).toBe(true);
    expect(judgeNegativeSpike(31, baseline, settings({ sensitivity: 'LOW' })).spike).toBe(false);
    expect(judgeNegativeSpike(32, baseline, settings({ sensitivity: 'LOW' })).spike).toBe(true);
  });

  it('never lets a flat history make one more post a spike (the spread is at least √mean and 1)', () => {
    const verdict = judgeNegativeSpike(13, days(14, 12), settings({ minCount: 1 }));
    expect(verdict.stddev).toBe(0);
    expect(verdict.spike).toBe(false);
    expect(verdict.threshold).toBeCloseTo(12 + 3 * Math.sqrt(12), 6);
    expect(judgeNegativeSpike(4, days(14, 0), settings({ minCount: 1 })).spike).toBe(true);
    expect(judgeNegativeSpike(2, days(14, 0), settings({ minCount: 1 })).spike).toBe(false);
  });

  it('lowers the bar with a lower minimum count only as far as the baseline allows', () => {
    expect(judgeNegativeSpike(5, days(14, 1), settings({ minCount: 3 })).spike).toBe(true);
    expect(judgeNegativeSpike(5, days(14, 2), settings({ minCount: 3 })).spike).toBe(false);
  });

  it('builds the window ending now and the same window on each previous day', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    const { current, baseline } = spikeWindows(now, { windowMinutes: 60, baselineDays: 14 });
    expect(current).toEqual({ start: new Date('2026-03-10T11:00:00Z'), end: now });
    expect(baseline).toHaveLength(14);
    expect(baseline[0]).toEqual({ start: new Date('2026-03-09T11:00:00Z'), end: new Date('2026-03-09T12:00:00Z') });
    expect(baseline[13]).toEqual({ start: new Date('2026-02-24T11:00:00Z'), end: new Date('2026-02-24T12:00:00Z') });
  });

  it('starts the window no earlier than the last resolution (what an alert covered does not raise another)', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    const resolved = new Date('2026-03-10T11:40:00Z');
    expect(spikeWindows(now, { windowMinutes: 60, baselineDays: 7 }, resolved).current.start).toEqual(resolved);
    expect(spikeWindows(now, { windowMinutes: 60, baselineDays: 7 }, new Date('2026-03-01T00:00:00Z')).current.start).toEqual(
      new Date('2026-03-10T11:00:00Z'),
    );
  });
});
