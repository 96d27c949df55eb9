import { growthRatio, LINEAR_GROWTH_LIMIT } from '@socle/connector-sdk/testing';
import { ImageHeaderError, readImageHeader } from '@socle/connector-sdk';
import { inspect, MB } from './media-inspector.fixtures';

describe('media inspection (type from the bytes, dimensions, completeness)', () => {
  it('reads hostile headers in linear time and ends with a typed error', () => {
    const repeated = (prefix: number[], unit: number[], n: number) => {
      const data = new Uint8Array(prefix.length + n);
      data.set(prefix);
      for (let index = 0; index < n; index++) data[prefix.length + index] = unit[index % unit.length];
      return data;
    };
    const outcome = (data: Uint8Array) => {
      try {
        readImageHeader(data);
        return 'read';
      } catch (error) {
        return error instanceof ImageHeaderError ? 'header error' : `unexpected ${String(error)}`;
      }
    };
    const hostile = [
      (n: number) => repeated([0xff, 0xd8, 0xff], [0xff], n), // fill bytes without end
      (n: number) => repeated([0xff, 0xd8, 0xff], [0xd0, 0xff], n), // restart markers, no length
      (n: number) => repeated([0xff, 0xd8], [0xff, 0xe0, 0, 2], n), // empty segments
    ];
    for (const make of hostile) {
      expect(outcome(make(125_000))).toBe('header error');
      expect(growthRatio(make, outcome, 125_000)).toBeLessThan(LINEAR_GROWTH_LIMIT);
    }
    // The whole inspection too, on a JPEG made of end-of-image markers and fill bytes.
    const endMarkers = (n: number) => repeated([0xff, 0xd8, 0xff], [0xd9, 0xff, 0xff, 0xd9], n);
    const inspectAll = (data: Uint8Array) => inspect(data, 65_536, 100 * MB);
    expect(inspectAll(endMarkers(500_000))).toBe('MEDIA_DAMAGED: file');
    expect(growthRatio(endMarkers, inspectAll, 500_000)).toBeLessThan(LINEAR_GROWTH_LIMIT);
  });
});
