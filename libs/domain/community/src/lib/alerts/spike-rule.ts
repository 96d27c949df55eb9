/**
 * The rule that raises a crisis alert: a spike of negative mentions over the
 * organisation's own baseline. Pure, so it is tested on its own and documented
 * in one place.
 *
 * - The window: the last `windowMinutes` (60 by default, 15 to 1,440).
 * - The baseline: the same window at the same time of day on each of the
 *   previous `baselineDays` days (14 by default, 7 to 28): brands have daily
 *   rhythms (a quiet night, a busy lunch hour), so the window is compared with
 *   its own hours, not with the day's average. Mean and standard deviation of
 *   those counts.
 * - A spike when both hold:
 *   1. at least `minCount` negative mentions in the window (10 by default), so
 *      three angry posts in a quiet week do not page anyone;
 *   2. the count reaches mean + z × spread, where z comes from the sensitivity
 *      (HIGH 2, MEDIUM 3, LOW 4) and the spread is the larger of the standard
 *      deviation, √mean (counts of rare events vary at least that much: a
 *      flat history must not make one more post a spike) and 1.
 * - The ratio reported is count / mean (count / 1 when the baseline is under
 *   one mention per window, so "12× the usual" is never a division by zero).
 */

export const ALERT_SENSITIVITIES = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type AlertSensitivity = (typeof ALERT_SENSITIVITIES)[number];

/** Standard deviations above the mean a window must reach, per sensitivity. */
export const SENSITIVITY_Z: Readonly<Record<AlertSensitivity, number>> = { HIGH: 2, MEDIUM: 3, LOW: 4 };

export interface SpikeSettings {
  sensitivity: AlertSensitivity;
  minCount: number;
  windowMinutes: number;
  baselineDays: number;
}

export const DEFAULT_SPIKE_SETTINGS: Readonly<SpikeSettings> = { sensitivity: 'MEDIUM', minCount: 10, windowMinutes: 60, baselineDays: 14 };

/** Bounds of the settings (the database holds the same ones). */
export const SPIKE_SETTING_BOUNDS = {
  minCount: [1, 100_000],
  windowMinutes: [15, 1440],
  baselineDays: [7, 28],
} as const;

export interface SpikeVerdict {
  spike: boolean;
  observed: number;
  mean: number;
  stddev: number;
  /** The count the window had to reach (the larger of minCount and mean + z × spread). */
  threshold: number;
  ratio: number;
}

/** Mean and (population) standard deviation of the baseline windows' counts; 0 and 0 for no history. */
export function baselineOf(counts: readonly number[]): { mean: number; stddev: number } {
  if (counts.length === 0) return { mean: 0, stddev: 0 };
  const mean = counts.reduce((sum, c) => sum + c, 0) / counts.length;
  const variance = counts.reduce((sum, c) => sum + (c - mean) ** 2, 0) / counts.length;
  return { mean, stddev: Math.sqrt(variance) };
}

/**
 * Whether `observed` negative mentions in the window are a spike against the
 * `baseline` counts (one per previous day, same window). A missing day counts
 * as zero: the caller passes one count per day of the baseline.
 */
export function judgeNegativeSpike(observed: number, baseline: readonly number[], settings: SpikeSettings): SpikeVerdict {
  const { mean, stddev } = baselineOf(baseline);
  const spread = Math.max(stddev, Math.sqrt(mean), 1);
  const threshold = Math.max(settings.minCount, mean + SENSITIVITY_Z[settings.sensitivity] * spread);
  const ratio = observed / Math.max(mean, 1);
  return { spike: observed >= threshold, observed, mean, stddev, threshold, ratio };
}

/**
 * The evaluation windows: the current one ending at `now` and, for each of the
 * previous `baselineDays` days, the one ending at the same time of day. The
 * current window starts no earlier than `notBefore` (the last resolution of
 * an alert of this kind: mentions an alert already covered do not raise another).
 */
export function spikeWindows(
  now: Date,
  settings: Pick<SpikeSettings, 'windowMinutes' | 'baselineDays'>,
  notBefore: Date | null = null,
): { current: { start: Date; end: Date }; baseline: { start: Date; end: Date }[] } {
  const length = settings.windowMinutes * 60_000;
  const start = Math.max(now.getTime() - length, notBefore?.getTime() ?? Number.NEGATIVE_INFINITY);
  const baseline = Array.from({ length: settings.baselineDays }, (_, i) => {
    const end = now.getTime() - (i + 1) * 86_400_000;
    return { start: new Date(end - length), end: new Date(end) };
  });
  return { current: { start: new Date(Math.min(start, now.getTime())), end: now }, baseline };
}
