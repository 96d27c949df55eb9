import { growthRatio, LINEAR_GROWTH_LIMIT } from '@socle/connector-sdk/testing';
import { BOUNDARY, body, read } from './multipart.fixtures';

describe('multipart/form-data reader', () => {
  it('reads in linear time, also when the body is full of near-boundaries', () => {
    const nearBoundaries = (n: number) => {
      const unit = Buffer.from(`\r\n--${BOUNDARY.slice(0, -1)}`);
      const file = Buffer.alloc(n);
      for (let at = 0; at < n; at += unit.length) unit.copy(file, at);
      return body([{ headers: 'Content-Disposition: form-data; name="file"', data: file }]);
    };
    const run = (data: Buffer) => read(data, 65_536);
    expect(run(nearBoundaries(1000))[0].data.length).toBe(1000);
    // 50 kB against 400 kB: thousands of near-boundaries either way (a quadratic reader shows about 64), and inputs small
    // enough that allocation and garbage collection of megabyte buffers do not blur the ratio on a busy machine (30.8 seen once
    // at 400 kB against 3.2 MB).
    expect(growthRatio(nearBoundaries, run, 50_000)).toBeLessThan(LINEAR_GROWTH_LIMIT);
  });
});
