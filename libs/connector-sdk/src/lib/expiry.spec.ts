import { expiryAfter, expiryDate } from './expiry';

describe('credentials expiry', () => {
  const now = new Date('2026-12-05T10:00:00.000Z');

  it('is the lifetime after now when the network gives a positive number of seconds', () => {
    expect(expiryAfter(now, 3600)).toBe('2026-12-05T11:00:00.000Z');
    expect(expiryAfter(now, 0.5)).toBe('2026-12-05T10:00:00.500Z');
  });

  it('is none for a lifetime that is not a positive finite number or ends past the latest date (never a RangeError)', () => {
    for (const seconds of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER, 1e300, '3600', null, undefined]) {
      expect(expiryAfter(now, seconds)).toBeUndefined();
    }
  });

  it('reads an expiry back only when it is a valid time', () => {
    expect(expiryDate('2026-12-05T11:00:00.000Z')?.toISOString()).toBe('2026-12-05T11:00:00.000Z');
    for (const expiresAt of ['', 'tomorrow', 'NaN', 42, null, undefined]) expect(expiryDate(expiresAt)).toBeNull();
  });
});
