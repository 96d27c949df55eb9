import { decodeListeningCursor } from './listening.job';
import { normaliseLanguage } from './mention-enricher';

describe('listening cursor', () => {
  it('reads what the job writes', () => {
    const cursor = { t: '2026-12-01T10:00:00.000Z', ids: ['3', '2', '1'] };
    expect(decodeListeningCursor(JSON.stringify(cursor))).toEqual(cursor);
  });

  it('starts afresh from nothing, garbage, a bad date or foreign shapes, and keeps at most 200 ids', () => {
    expect(decodeListeningCursor(null)).toEqual({ t: null, ids: [] });
    expect(decodeListeningCursor('{not json')).toEqual({ t: null, ids: [] });
    expect(decodeListeningCursor(JSON.stringify({ t: '2026-02-30T99:00:00Z', ids: [1, 'a', null] }))).toEqual({ t: null, ids: ['a'] });
    expect(decodeListeningCursor(JSON.stringify({ t: 5, ids: 'x' }))).toEqual({ t: null, ids: [] });
    expect(decodeListeningCursor(JSON.stringify({ t: null, ids: Array.from({ length: 500 }, (_, i) => String(i)) })).ids).toHaveLength(200);
  });
});

describe('normaliseLanguage', () => {
  it('keeps BCP 47 tags, lower case, and refuses anything else', () => {
    expect(normaliseLanguage('fr')).toBe('fr');
    expect(normaliseLanguage('pt_BR')).toBe('pt-br');
    expect(normaliseLanguage(' EN-gb ')).toBe('en-gb');
    expect(normaliseLanguage('')).toBeNull();
    expect(normaliseLanguage(null)).toBeNull();
    expect(normaliseLanguage('français')).toBeNull();
    expect(normaliseLanguage('x'.repeat(50))).toBeNull();
  });
});
