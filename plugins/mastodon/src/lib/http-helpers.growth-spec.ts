import { growthRatio, LINEAR_GROWTH_LIMIT } from '@socle/connector-sdk/testing';
import { parseLinkHeader } from './http-helpers';

describe('parseLinkHeader', () => {
  it.each<[string, (n: number) => string]>([
    ['unclosed brackets', (n) => '<'.repeat(n)],
    ['unclosed bracket then parameters', (n) => '<x' + '; a=b'.repeat(n / 5)],
    ['many empty parameters', (n) => '<https://m.example/>' + ';'.repeat(n)],
    ['many spaces before a missing relation', (n) => '<https://m.example/>; rel=' + ' '.repeat(n) + '"'],
    ['many links', (n) => '<https://m.example/a>; rel="next", '.repeat(n / 35)],
  ])('takes linear time on %s', (_name, make) => {
    const ratio = growthRatio(make, parseLinkHeader, 20_000);
    expect({ sample: make(40).slice(0, 40), linear: ratio < LINEAR_GROWTH_LIMIT }).toEqual({ sample: make(40).slice(0, 40), linear: true });
  });
});
