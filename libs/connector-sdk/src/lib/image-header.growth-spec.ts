import { growthRatio, LINEAR_GROWTH_LIMIT } from '../testing/linear-time';
import { outcome } from './image-header.fixtures';

describe('image size from the header', () => {
  it('walks a hostile JPEG in linear time and ends with a typed error', () => {
    // SOI, then `unit` repeated over `n` bytes.
    const repeated = (unit: number[], n: number) => {
      const data = new Uint8Array(2 + n);
      data.set([0xff, 0xd8]);
      for (let index = 0; index < n; index++) data[2 + index] = unit[index % unit.length];
      return data;
    };
    const hostile = [
      (n: number) => repeated([0xff], n), // fill bytes without end
      (n: number) => repeated([0xff, 0xd0], n), // restart markers, no length
      (n: number) => repeated([0xff, 0xe0, 0, 2], n), // empty segments
    ];
    for (const make of hostile) {
      expect(outcome(make(125_000))).toBe('header error');
      expect(growthRatio(make, outcome, 125_000)).toBeLessThan(LINEAR_GROWTH_LIMIT);
    }
  });
});
