/**
 * Bytes to text for a feed: the byte-order mark first, then the encoding the XML
 * prolog declares (ISO-8859-1, windows-1252, ...), then the HTTP charset, then UTF-8.
 */
import { ConnectorError } from '@socle/connector-sdk';

export interface DecodedFeed {
  text: string;
  /** The encoding actually used, as TextDecoder names it. */
  encoding: string;
}

function charsetOf(contentType: string | undefined): string | undefined {
  return contentType ? /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType)?.[1] : undefined;
}

/** The `encoding="..."` of an XML declaration, read from the first bytes as ASCII. */
export function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 512)).toString('latin1');
  const declaration = /^\s*<\?xml\s[^?]*\?>/.exec(head)?.[0];
  return declaration ? /encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(declaration)?.[1] : undefined;
}

// windows-1252's 0x80-0x9F (undefined ones map to the C1 control of the same value).
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * windows-1252, which WHATWG (and so TextDecoder) also uses for the ISO-8859-1,
 * latin1 and US-ASCII labels. Decoded here because some Node releases decode
 * 0x80-0x9F as C1 controls instead of € ’ “ ” … Œ.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

export function decodeFeed(bytes: Uint8Array, contentType?: string): DecodedFeed {
  let label: string;
  let offset = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    label = 'utf-8';
    offset = 3;
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    label = 'utf-16le';
    offset = 2;
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    label = 'utf-16be';
    offset = 2;
  } else {
    label = declaredEncoding(bytes) ?? charsetOf(contentType) ?? 'utf-8';
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label.toLowerCase());
  } catch {
    throw new ConnectorError('REJECTED', `feed declares an unsupported encoding "${label}"`, {
      networkReason: `unsupported encoding ${label}`,
    });
  }
  const content = offset ? bytes.subarray(offset) : bytes;
  if (decoder.encoding === 'windows-1252') return { text: decodeWindows1252(content), encoding: decoder.encoding };
  return { text: decoder.decode(content), encoding: decoder.encoding };
}
