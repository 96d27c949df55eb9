/**
 * Geometry of the radar (spider) chart of dimension scores, kept apart from the
 * PDF drawing so it can be tested on numbers. Coordinates follow the PDF page
 * as the renderer uses it: origin top-left, y growing downwards. The first axis
 * points straight up and the others follow clockwise.
 */
export interface Point {
  x: number;
  y: number;
}

export type LabelAlign = 'left' | 'center' | 'right';

export interface RadarAxis {
  /** Angle in radians, measured from the x axis towards +y (clockwise on the page). */
  angle: number;
  /** Outer end of the axis (the 100 mark). */
  end: Point;
  /** Where the axis label goes, a little beyond the end. */
  label: Point;
  /** How the label text lines up on `label`: left of the chart → right-aligned, and so on. */
  align: LabelAlign;
}

export interface RadarGeometry {
  center: Point;
  radius: number;
  axes: RadarAxis[];
  /** Concentric grid polygons, innermost first; ring k (1-based) stands for k × 100 / rings. */
  rings: Point[][];
}

export interface RadarOptions {
  center: Point;
  radius: number;
  axisCount: number;
  /** Number of grid rings (5 → 20, 40, 60, 80, 100). */
  rings?: number;
  /** Distance between the end of an axis and its label. */
  labelGap?: number;
}

const round = (v: number): number => Math.round(v * 1000) / 1000 + 0; // + 0 turns -0 into 0

/** The angle of axis `index` out of `count`: the first one points up. */
export function axisAngle(index: number, count: number): number {
  return -Math.PI / 2 + (2 * Math.PI * index) / count;
}

function pointAt(center: Point, radius: number, angle: number): Point {
  return { x: round(center.x + radius * Math.cos(angle)), y: round(center.y + radius * Math.sin(angle)) };
}

/** A score as a fraction of the radius: clamped to 0..100, anything not a finite number counts as 0. */
export function scoreFraction(score: number | null | undefined): number {
  if (typeof score !== 'number' || !Number.isFinite(score)) return 0;
  return Math.min(100, Math.max(0, score)) / 100;
}

export function radarGeometry(options: RadarOptions): RadarGeometry {
  const { center, radius, axisCount } = options;
  const ringCount = options.rings ?? 5;
  const gap = options.labelGap ?? 8;
  if (!Number.isInteger(axisCount) || axisCount < 0) throw new RangeError(`axisCount must be a whole number ≥ 0, got ${axisCount}`);
  if (!Number.isInteger(ringCount) || ringCount < 1) throw new RangeError(`rings must be a whole number ≥ 1, got ${ringCount}`);
  if (!(radius > 0)) throw new RangeError(`radius must be positive, got ${radius}`);

  const axes: RadarAxis[] = [];
  for (let i = 0; i < axisCount; i++) {
    const angle = axisAngle(i, axisCount);
    const cos = Math.cos(angle);
    // Labels near the vertical line are centred; the others grow away from the chart.
    const align: LabelAlign = cos > 0.1 ? 'left' : cos < -0.1 ? 'right' : 'center';
    axes.push({ angle, end: pointAt(center, radius, angle), label: pointAt(center, radius + gap, angle), align });
  }
  const rings: Point[][] = [];
  for (let k = 1; k <= ringCount; k++) {
    rings.push(axes.map((a) => pointAt(center, (radius * k) / ringCount, a.angle)));
  }
  return { center, radius, axes, rings };
}

/** The polygon of scores (0..100, one per axis, in axis order). */
export function radarPolygon(geometry: RadarGeometry, scores: ReadonlyArray<number | null | undefined>): Point[] {
  if (scores.length !== geometry.axes.length) {
    throw new RangeError(`expected ${geometry.axes.length} scores (one per axis), got ${scores.length}`);
  }
  return geometry.axes.map((a, i) => pointAt(geometry.center, geometry.radius * scoreFraction(scores[i]), a.angle));
}
