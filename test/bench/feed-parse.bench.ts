/**
 * Feed parsing throughput and memory: a ~5 MB RSS 2.0 feed built from the RSS
 * plugin's French fixture, parsed through the plugin (decode + parse + map to
 * mentions) against a baseline measured in the same run (the raw XML parse with
 * saxes, no mapping).
 *
 *   node -r @swc-node/register test/bench/feed-parse.bench.ts
 *   node --expose-gc -r @swc-node/register test/bench/feed-parse.bench.ts   (steadier memory figures)
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SaxesParser } from 'saxes';
import { parseFeed, toMention } from '@socle/plugin-rss';

const TARGET_BYTES = 5 * 1024 * 1024;
const RUNS = 5;

function buildFeed(): { bytes: Buffer; items: number } {
  const fixture = readFileSync(path.resolve(__dirname, '../../plugins/rss/src/test/fixtures/rss2-fr.xml'), 'utf8');
  const items = fixture.match(/<item>[\s\S]*?<\/item>/g) ?? [];
  const head = fixture.slice(0, fixture.indexOf('<item>'));
  const tail = fixture.slice(fixture.lastIndexOf('</item>') + '</item>'.length);
  const parts: string[] = [head];
  let size = head.length + tail.length;
  let count = 0;
  while (size < TARGET_BYTES) {
    const item = items[count % items.length]
      .replace(/<guid([^>]*)>[^<]*<\/guid>/, `<guid$1>bench-${count}</guid>`)
      .replace(/<link>([^<]*)<\/link>/, `<link>$1?n=${count}</link>`);
    parts.push(item);
    size += Buffer.byteLength(item);
    count++;
  }
  parts.push(tail);
  return { bytes: Buffer.from(parts.join('')), items: count };
}

const gc = (globalThis as { gc?: () => void }).gc;

interface Measure {
  ms: number;
  heapAfterMb: number;
  peakRssMb: number;
}

function measure(run: () => number): Measure & { produced: number } {
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = process.hrtime.bigint();
  const produced = run();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    produced,
    ms,
    heapAfterMb: (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function rawParse(bytes: Buffer): number {
  const parser = new SaxesParser({ xmlns: true });
  let items = 0;
  parser.on('closetag', (node) => {
    if (node.local === 'item') items++;
  });
  parser.on('text', () => undefined);
  parser.write(bytes.toString('utf8')).close();
  return items;
}

function pluginParse(bytes: Buffer): number {
  const feed = parseFeed(bytes, 'application/rss+xml');
  const fetchedAt = new Date();
  let mapped = 0;
  for (const item of feed.items) {
    if (toMention(item, feed, 'https://bench.example/feed.xml', fetchedAt).externalId) mapped++;
  }
  return mapped;
}

function main(): void {
  const { bytes, items } = buildFeed();
  const mb = bytes.byteLength / 1024 / 1024;
  console.log(`feed: ${mb.toFixed(2)} MB, ${items} items (node ${process.version}, gc ${gc ? 'exposed' : 'not exposed'})`);
  // Warm-up, then alternate the two so both see the same machine state.
  rawParse(bytes);
  pluginParse(bytes);
  const baseline: Measure[] = [];
  const plugin: Measure[] = [];
  for (let run = 0; run < RUNS; run++) {
    const b = measure(() => rawParse(bytes));
    const p = measure(() => pluginParse(bytes));
    if (b.produced !== items || p.produced !== items)
      throw new Error(`expected ${items} items, got ${b.produced} (baseline) and ${p.produced} (plugin)`);
    baseline.push(b);
    plugin.push(p);
  }
  const report = (label: string, runs: Measure[]) => {
    const ms = median(runs.map((r) => r.ms));
    console.log(
      `${label.padEnd(34)} ${(items / (ms / 1000)).toFixed(0).padStart(8)} items/s  ${(mb / (ms / 1000)).toFixed(1).padStart(6)} MB/s  ` +
        `median ${ms.toFixed(0)} ms  heap growth ${median(runs.map((r) => r.heapAfterMb)).toFixed(1)} MB  peak RSS ${Math.max(...runs.map((r) => r.peakRssMb)).toFixed(0)} MB`,
    );
    return ms;
  };
  const baseMs = report('baseline: raw saxes parse', baseline);
  const pluginMs = report('plugin: decode + parse + map', plugin);
  console.log(`ratio plugin / baseline: ${(pluginMs / baseMs).toFixed(2)}x the time`);
}

main();
