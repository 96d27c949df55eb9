import { randomBytes } from 'node:crypto';
import { DomainError } from '@socle/platform-errors';
import { boundaryOf, parseParameters, PART_HEADERS_MAX_BYTES } from './multipart';
import { BOUNDARY, body, read } from './multipart.fixtures';

const refusal = (run: () => unknown): string => {
  try {
    run();
    return 'accepted';
  } catch (error) {
    return error instanceof DomainError ? `${error.code} ${error.reason}: ${error.message}` : `unexpected ${String(error)}`;
  }
};

describe('multipart/form-data reader', () => {
  it('reads the parts, whatever the chunking, with bytes that look like boundaries inside the file', () => {
    const file = Buffer.concat([
      randomBytes(5000),
      Buffer.from(`\r\n--${BOUNDARY.slice(0, -1)}x\r\n--`),
      randomBytes(3000),
      Buffer.from('\r\n-'),
    ]);
    const data = body(
      [
        { headers: 'Content-Disposition: form-data; name="note"', data: 'hello; "world"' },
        { headers: 'Content-Disposition: form-data; name="file"; filename="photo; \\"1\\".png"\r\nContent-Type: image/png', data: file },
      ],
      BOUNDARY,
      'preamble to ignore\r\n',
    );
    for (const chunk of [1, 2, 3, 17, 100, 4096, data.length]) {
      const parts = read(data, chunk);
      expect(parts.map((p) => [p.name, p.filename, p.contentType])).toEqual([
        ['note', null, null],
        ['file', 'photo; "1".png', 'image/png'],
      ]);
      expect(parts[0].data.toString()).toBe('hello; "world"');
      expect(parts[1].data.equals(file)).toBe(true);
    }
  });

  it('takes the boundary from the Content-Type and refuses anything else', () => {
    expect(boundaryOf(`multipart/form-data; boundary=${BOUNDARY}`)).toBe(BOUNDARY);
    expect(boundaryOf('Multipart/Form-Data; charset=utf-8; boundary="a b:c"')).toBe('a b:c');
    for (const header of [
      undefined,
      'application/json',
      'multipart/form-data',
      'multipart/form-data; boundary=',
      `multipart/form-data; boundary=${'x'.repeat(71)}`,
      'multipart/mixed; boundary=abc',
      'multipart/form-data; boundary="a\u0000b"',
    ]) {
      expect(refusal(() => boundaryOf(header))).toMatch(/^BAD_USER_INPUT MEDIA_BAD_MULTIPART/);
    }
    expect(parseParameters('form-data; name="a;b"; filename=x.png')).toEqual([
      { key: 'form-data', value: null },
      { key: 'name', value: 'a;b' },
      { key: 'filename', value: 'x.png' },
    ]);
  });

  it('refuses truncated bodies, oversized part headers, malformed boundary lines and a body without boundary', () => {
    const data = body([{ headers: 'Content-Disposition: form-data; name="file"', data: randomBytes(100) }]);
    expect(refusal(() => read(data.subarray(0, data.length - 10), 16))).toMatch(/truncated upload/);
    expect(refusal(() => read(data.subarray(0, 60), 16))).toMatch(/truncated upload/);
    const headers = `Content-Disposition: form-data; name="file"\r\nX-Pad: ${'a'.repeat(PART_HEADERS_MAX_BYTES)}`;
    expect(refusal(() => read(body([{ headers, data: 'x' }]), 1000))).toMatch(/headers exceed/);
    expect(refusal(() => read(Buffer.from(`--${BOUNDARY}xx\r\n`), 100))).toMatch(/malformed boundary line/);
    expect(refusal(() => read(randomBytes(40_000), 1000))).toMatch(/no boundary where the body starts/);
    expect(refusal(() => read(body([{ headers: 'no colon here', data: 'x' }]), 100))).toMatch(/a part header has no name/);
  });
});
