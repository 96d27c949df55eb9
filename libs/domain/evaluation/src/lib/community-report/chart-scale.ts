/**
 * The arithmetic of the report's charts, pure so it is tested without reading
 * a PDF back: a "nice" top for the value axis (1, 2, 2.5 or 5 times a power of
 * ten, never below the largest value) and its gridlines.
 */
export function niceMaximum(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** Gridline values from 0 to the nice maximum, `count` intervals (whole numbers when the maximum allows it). */
export function gridValues(maximum: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, i) => (maximum * i) / count);
}

/** The height in points of `value` on an axis from 0 to `maximum` drawn `height` points tall (clamped to the axis). */
export function barHeight(value: number, maximum: number, height: number): number {
  if (!(maximum > 0) || !(value > 0)) return 0;
  return Math.min(height, (value / maximum) * height);
}
