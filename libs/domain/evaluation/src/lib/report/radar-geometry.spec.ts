import { axisAngle, radarGeometry, radarPolygon, scoreFraction } from './radar-geometry';

const center = { x: 100, y: 100 };

describe('radarGeometry', () => {
  it('puts four axes up, right, down and left, clockwise on the page', () => {
    const g = radarGeometry({ center, radius: 50, axisCount: 4 });
    expect(g.axes.map((a) => a.end)).toEqual([
      { x: 100, y: 50 },
      { x: 150, y: 100 },
      { x: 100, y: 150 },
      { x: 50, y: 100 },
    ]);
    expect(g.axes.map((a) => a.align)).toEqual(['center', 'left', 'center', 'right']);
  });

  it('spreads three axes 120° apart, the first one pointing up', () => {
    const g = radarGeometry({ center, radius: 50, axisCount: 3 });
    const h = 50 * Math.cos(Math.PI / 6);
    expect(g.axes[0].end).toEqual({ x: 100, y: 50 });
    expect(g.axes[1].end.x).toBeCloseTo(100 + h, 2);
    expect(g.axes[1].end.y).toBeCloseTo(125, 2);
    expect(g.axes[2].end.x).toBeCloseTo(100 - h, 2);
    expect(g.axes[2].end.y).toBeCloseTo(125, 2);
  });

  it.each([3, 5, 6, 7, 10])('places every axis end of a %i-axis chart on the circle, evenly spaced', (n) => {
    const g = radarGeometry({ center, radius: 80, axisCount: n });
    expect(g.axes).toHaveLength(n);
    for (const [i, a] of g.axes.entries()) {
      expect(Math.hypot(a.end.x - 100, a.end.y - 100)).toBeCloseTo(80, 2);
      expect(Math.hypot(a.label.x - 100, a.label.y - 100)).toBeCloseTo(88, 2);
      expect(a.angle).toBeCloseTo(axisAngle(i, n), 10);
      if (i > 0) expect(a.angle - g.axes[i - 1].angle).toBeCloseTo((2 * Math.PI) / n, 10);
    }
  });

  it('draws five rings by default, at 20, 40, 60, 80 and 100', () => {
    const g = radarGeometry({ center, radius: 50, axisCount: 4 });
    expect(g.rings).toHaveLength(5);
    expect(g.rings.map((ring) => ring[0])).toEqual([
      { x: 100, y: 90 },
      { x: 100, y: 80 },
      { x: 100, y: 70 },
      { x: 100, y: 60 },
      { x: 100, y: 50 },
    ]);
    expect(g.rings[4]).toEqual(g.axes.map((a) => a.end));
  });

  it('labels left of the chart are right-aligned and labels right of it left-aligned', () => {
    const g = radarGeometry({ center, radius: 50, axisCount: 6 });
    for (const a of g.axes) {
      if (a.label.x > 105) expect(a.align).toBe('left');
      else if (a.label.x < 95) expect(a.align).toBe('right');
      else expect(a.align).toBe('center');
    }
  });

  it('has no axes and empty rings for no dimension', () => {
    const g = radarGeometry({ center, radius: 50, axisCount: 0 });
    expect(g.axes).toEqual([]);
    expect(g.rings.every((r) => r.length === 0)).toBe(true);
  });

  it('refuses impossible sizes', () => {
    expect(() => radarGeometry({ center, radius: 50, axisCount: -1 })).toThrow(/axisCount/);
    expect(() => radarGeometry({ center, radius: 50, axisCount: 2.5 })).toThrow(/axisCount/);
    expect(() => radarGeometry({ center, radius: 0, axisCount: 4 })).toThrow(/radius/);
    expect(() => radarGeometry({ center, radius: 50, axisCount: 4, rings: 0 })).toThrow(/rings/);
  });
});

describe('radarPolygon', () => {
  const g = radarGeometry({ center, radius: 50, axisCount: 4 });

  it('puts each score on its axis at score % of the radius', () => {
    expect(radarPolygon(g, [100, 50, 0, 25])).toEqual([
      { x: 100, y: 50 },
      { x: 125, y: 100 },
      { x: 100, y: 100 },
      { x: 87.5, y: 100 },
    ]);
  });

  it('clamps scores to 0..100 and counts missing ones as 0', () => {
    expect(radarPolygon(g, [150, -10, Number.NaN, null])).toEqual([
      { x: 100, y: 50 },
      { x: 100, y: 100 },
      { x: 100, y: 100 },
      { x: 100, y: 100 },
    ]);
  });

  it('needs one score per axis', () => {
    expect(() => radarPolygon(g, [10, 20, 30])).toThrow(/expected 4 scores/);
  });
});

describe('scoreFraction', () => {
  it.each([
    [0, 0],
    [62.5, 0.625],
    [100, 1],
    [101, 1],
    [-1, 0],
    [undefined, 0],
    [Number.POSITIVE_INFINITY, 0],
  ])('%p → %p', (score, fraction) => {
    expect(scoreFraction(score)).toBe(fraction);
  });
});
