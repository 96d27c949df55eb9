import { createHttpResponse } from '@socle/connector-sdk';
import { growthRatio, LINEAR_GROWTH_LIMIT } from '@socle/connector-sdk/testing';
import { graphApi, graphErrorOf, regainAccessSeconds } from './graph-api';

// Bodies and headers are read up to 16 KB (REASON_SCAN_BYTES): inputs of 1,500 and 12,000 characters stay under it, so
// the whole input is read at both sizes.
const SIZE = 1500;

const graph = graphApi({ network: 'Plain', rateLimitCodes: [4], transientCodes: [1] });
const body = (text: string) => createHttpResponse(400, {}, Buffer.from(text));

describe('reading Meta’s error answers', () => {
  it.each<[string, (n: number) => string]>([
    [
      'long messages with spaces to trim',
      (n) => JSON.stringify({ error: { message: ` ${'a '.repeat(n / 4)}`, error_user_msg: ' '.repeat(n / 2) } }),
    ],
    ['many keys beside the error', (n) => `{${Array.from({ length: n / 8 }, (_, i) => `"k${i}":1`).join(',')},"error":{"code":100}}`],
    ['deep nesting in the error', (n) => `{"error":{"code":100,"x":${'['.repeat(n / 2)}${']'.repeat(n / 2)}}}`],
    ['an unclosed body', (n) => `{"error":{"message":"${'x'.repeat(n)}`],
  ])('takes linear time on %s', (_name, make) => {
    const ratio = growthRatio(
      (n) => body(make(n)),
      (response) => graph.error(response, 'Plain publish', new Date()),
      SIZE,
    );
    expect({ sample: make(40).slice(0, 40), linear: ratio < LINEAR_GROWTH_LIMIT }).toEqual({ sample: make(40).slice(0, 40), linear: true });
    expect(growthRatio((n) => body(make(n)), graphErrorOf, SIZE)).toBeLessThan(LINEAR_GROWTH_LIMIT);
  });

  it.each<[string, (n: number) => string]>([
    [
      'many business use cases',
      (n) =>
        JSON.stringify(Object.fromEntries(Array.from({ length: n / 60 }, (_, i) => [`${i}`, [{ estimated_time_to_regain_access: i }]]))),
    ],
    [
      'many entries in one',
      (n) => JSON.stringify({ a: Array.from({ length: n / 40 }, (_, i) => ({ estimated_time_to_regain_access: i })) }),
    ],
    ['deep nesting', (n) => `{"a":${'['.repeat(n / 2)}${']'.repeat(n / 2)}}`],
  ])('reads the regain header in linear time on %s', (_name, make) => {
    const ratio = growthRatio((n) => ({ 'x-business-use-case-usage': make(n) }), regainAccessSeconds, SIZE);
    expect({ sample: make(40).slice(0, 40), linear: ratio < LINEAR_GROWTH_LIMIT }).toEqual({ sample: make(40).slice(0, 40), linear: true });
  });
});
