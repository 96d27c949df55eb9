import { createHttpResponse } from '@socle/connector-sdk';
import { growthRatio, LINEAR_GROWTH_LIMIT } from '@socle/connector-sdk/testing';
import { videoResumeOffsets } from './api';

// Bodies are read up to 16 KB (REASON_SCAN_BYTES): messages of 1,500 and 12,000 characters stay under it, so the whole
// message is scanned at both sizes.
const SIZE = 1500;

const answer = (message: string) =>
  createHttpResponse(400, {}, Buffer.from(JSON.stringify({ error: { message, error_subcode: 1363037, error_data: message } })));

describe('resume offsets of an invalid-offset answer', () => {
  it.each<[string, (n: number) => string]>([
    ['names without values', (n) => 'start_offset'.repeat(n / 12)],
    ['names and separators without digits', (n) => 'start_offset: "'.repeat(n / 15)],
    ['a start without an end', (n) => 'start_offset:1 '.repeat(n / 15)],
    ['long runs of digits', (n) => `start_offset:${'9'.repeat(n)}`],
    ['separators only', (n) => ':= '.repeat(n / 3)],
  ])('takes linear time on %s', (_name, make) => {
    const ratio = growthRatio((n) => answer(make(n)), videoResumeOffsets, SIZE);
    expect({ sample: make(40).slice(0, 40), linear: ratio < LINEAR_GROWTH_LIMIT }).toEqual({ sample: make(40).slice(0, 40), linear: true });
  });
});
