import { displayFileName, normalizeTags } from './media-asset.service';

describe('media library names and tags', () => {
  it('keeps only a display name from the client’s file name: no directories, no control or direction characters, at most 255 characters', () => {
    expect(displayFileName('affiche été.png')).toBe('affiche été.png');
    expect(displayFileName('../../etc/passwd')).toBe('passwd');
    expect(displayFileName('C:\\Users\\x\\photo.jpg')).toBe('photo.jpg');
    expect(displayFileName('a\u0000b\u001fc\u202egnp.exe')).toBe('abcgnp.exe');
    expect(displayFileName('x'.repeat(1000))).toHaveLength(255);
    for (const empty of [null, undefined, '', '   ', 'dir/', '\u0000']) expect(displayFileName(empty)).toBeNull();
  });

  it('stores tags trimmed, with single spaces, in lower case, each once, in the order given', () => {
    expect(normalizeTags([' Été  2026 ', 'logo', 'LOGO', 'Logo ', 'b\tc'])).toEqual(['été 2026', 'logo', 'b c']);
    expect(normalizeTags([])).toEqual([]);
  });
});
