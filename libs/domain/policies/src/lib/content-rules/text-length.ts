/**
 * Text length as each network counts it, and where the text goes over a limit.
 * Same counting as the connector SDK's `countLength`: graphemes (Bluesky),
 * code points with every http(s) URL as 23 and remote mentions as their local part
 * (Mastodon), or plain code points.
 */
import { graphemeSegments, isPlainUnit } from '@socle/connector-sdk';
import type { LengthCounting } from './types';

export const URL_LENGTH_AS_COUNTED = 23;

export interface Measure {
  length: number;
  /** UTF-16 index where the text first exceeds the limit, or -1 when it fits. */
  overflowAt: number;
}

// Runs of plain code units (see the SDK's `isPlainUnit`) are counted one cluster a unit; only the runs around other
// characters need the (slower) segmenter.
function measureGraphemes(text: string, max: number): Measure {
  const length = text.length;
  let count = 0;
  let overflowAt = -1;
  let i = 0;
  while (i < length) {
    if (isPlainUnit(text.charCodeAt(i)) && (i + 1 >= length || isPlainUnit(text.charCodeAt(i + 1)))) {
      count++;
      if (count === max + 1) overflowAt = i;
      i++;
      continue;
    }
    let k = i + 1;
    while (k < length) {
      if (!isPlainUnit(text.charCodeAt(k))) {
        k++;
        continue;
      }
      k++;
      if (k < length && !isPlainUnit(text.charCodeAt(k))) continue;
      break;
    }
    for (const segment of graphemeSegments(text.slice(i, k))) {
      count++;
      if (count === max + 1) overflowAt = i + segment.index;
    }
    i = k;
  }
  return { length: count, overflowAt };
}

function measureCodePoints(text: string, max: number, from = 0, to = text.length, startCount = 0): Measure & { count: number } {
  let count = startCount;
  let overflowAt = -1;
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff && i > from) {
      const previous = text.charCodeAt(i - 1);
      if (previous >= 0xd800 && previous <= 0xdbff) continue;
    }
    count++;
    if (count === max + 1) overflowAt = i;
  }
  return { length: count, count, overflowAt };
}

const URL_PATTERN = /https?:\/\/[^\s<>"]+/giu;
const URL_TRAILING_PUNCTUATION = /[.,;:!?'")\]}…]+$/u;
const REMOTE_MENTION = /(^|[^\p{L}\p{N}_/])(@[\p{L}\p{N}_]+(?:[.-][\p{L}\p{N}_]+)*)@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

interface Weighted {
  start: number;
  end: number;
  weight: number;
}

function measureMastodon(text: string, max: number): Measure {
  const special: Weighted[] = [];
  URL_PATTERN.lastIndex = 0;
  for (let match = URL_PATTERN.exec(text); match !== null; match = URL_PATTERN.exec(text)) {
    const trailing = URL_TRAILING_PUNCTUATION.exec(match[0])?.[0] ?? '';
    special.push({ start: match.index, end: match.index + match[0].length - trailing.length, weight: URL_LENGTH_AS_COUNTED });
  }
  if (text.indexOf('@') >= 0) {
    REMOTE_MENTION.lastIndex = 0;
    for (let match = REMOTE_MENTION.exec(text); match !== null; match = REMOTE_MENTION.exec(text)) {
      const domainStart = match.index + match[1].length + match[2].length;
      const domainEnd = match.index + match[0].length;
      if (!special.some((s) => s.start < domainEnd && domainStart < s.end)) special.push({ start: domainStart, end: domainEnd, weight: 0 });
    }
    special.sort((a, b) => a.start - b.start);
  }
  let count = 0;
  let overflowAt = -1;
  let at = 0;
  for (const range of special) {
    const before = measureCodePoints(text, max, at, range.start, count);
    count = before.count;
    if (overflowAt < 0) overflowAt = before.overflowAt;
    if (overflowAt < 0 && count + range.weight > max) overflowAt = range.start;
    count += range.weight;
    at = range.end;
  }
  const rest = measureCodePoints(text, max, at, text.length, count);
  if (overflowAt < 0) overflowAt = rest.overflowAt;
  return { length: rest.count, overflowAt };
}

/** The length of `text` as counted by `counting`, and where it goes over `max`. */
export function measureText(text: string, counting: LengthCounting, max = Number.MAX_SAFE_INTEGER): Measure {
  switch (counting) {
    case 'graphemes':
      return measureGraphemes(text, max);
    case 'code-points-urls-as-23':
      return measureMastodon(text, max);
    case 'code-points': {
      const { length, overflowAt } = measureCodePoints(text, max);
      return { length, overflowAt };
    }
  }
}

/** The length of `text` in UTF-8 bytes, and where it goes over `max` bytes. */
export function measureUtf8(text: string, max = Number.MAX_SAFE_INTEGER): Measure {
  let bytes = 0;
  let overflowAt = -1;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let size: number;
    if (unit < 0x80) size = 1;
    else if (unit < 0x800) size = 2;
    else if (
      unit >= 0xd800 &&
      unit <= 0xdbff &&
      i + 1 < text.length &&
      text.charCodeAt(i + 1) >= 0xdc00 &&
      text.charCodeAt(i + 1) <= 0xdfff
    ) {
      size = 4;
      if (bytes + size > max && overflowAt < 0) overflowAt = i;
      bytes += size;
      i++;
      continue;
    } else size = 3;
    if (bytes + size > max && overflowAt < 0) overflowAt = i;
    bytes += size;
  }
  return { length: bytes, overflowAt };
}
