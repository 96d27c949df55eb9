import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';

/**
 * Reads a PDF back the way a viewer does, for the renderers' tests: pdf.js
 * (its legacy build, for Node) extracts the text of each page. pdf.js is an ES
 * module, which Jest's CommonJS runtime cannot load, so it runs in a child
 * Node process that receives the PDF on stdin and prints JSON.
 */
const PDFJS = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
const EXTRACT = `
import { getDocument } from '${PDFJS}';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const data = new Uint8Array(Buffer.concat(chunks));
const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
const pages = [];
for (let i = 1; i <= pdf.numPages; i++) {
  const page = await pdf.getPage(i);
  const content = await page.getTextContent();
  let text = '';
  for (const item of content.items) text += ('str' in item ? item.str : '') + (item.hasEOL ? '\\n' : '');
  pages.push(text);
}
const meta = await pdf.getMetadata();
process.stdout.write(JSON.stringify({ pages, info: meta.info }));
`;

export interface PdfText {
  pages: string[];
  info: Record<string, unknown>;
}

export function extractPdfText(pdf: Buffer): PdfText {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', EXTRACT], {
    input: pdf,
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  return JSON.parse(out.toString('utf8')) as PdfText;
}

/** Whitespace runs (line ends inside wrapped text, no-break spaces) as one space, to search phrases. */
export function flat(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ');
}

/** The decompressed content streams of a PDF (pages' drawing operators), concatenated. */
export function contentStreams(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  const re = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(raw))) {
    const start = match.index + match[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const bytes = pdf.subarray(start, end);
    try {
      out.push(inflateSync(bytes).toString('latin1'));
    } catch {
      out.push(bytes.toString('latin1'));
    }
    re.lastIndex = end;
  }
  return out.join('\n');
}
