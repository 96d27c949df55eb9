import { tagLinksInText, tagVariant, trackedVariant, utmSlug, utmTagsFor, withinTextLimits, withUtm, UTM_MAX_URL_LENGTH } from './utm';
import { TAGS } from './utm.fixtures';

const Q = 'utm_source=mastodon&utm_medium=social&utm_campaign=rentree-2026-pains-viennoiseries&utm_content=3f2a9c1e';

describe('UTM parameters on published links', () => {
  it('derives the tags: network, social, campaign slug (else theme), the variant id’s first block', () => {
    expect(TAGS).toEqual({ source: 'mastodon', medium: 'social', campaign: 'rentree-2026-pains-viennoiseries', content: '3f2a9c1e' });
    expect(utmTagsFor({ network: 'bluesky', campaign: null, theme: 'Écologie', variantId: null })).toEqual({
      source: 'bluesky',
      medium: 'social',
      campaign: 'ecologie',
      content: null,
    });
    expect(utmSlug('  ---  ')).toBeNull();
    expect(utmSlug('x'.repeat(300))).toHaveLength(80);
  });

  it('adds the parameters to a bare link, after an existing query, before the fragment', () => {
    expect(withUtm('https://example.org/pain', TAGS)).toBe(`https://example.org/pain?${Q}`);
    expect(withUtm('https://example.org/pain?ref=nl&x=1', TAGS)).toBe(`https://example.org/pain?ref=nl&x=1&${Q}`);
    expect(withUtm('https://example.org/pain?', TAGS)).toBe(`https://example.org/pain?${Q}`);
    expect(withUtm('https://example.org/pain?a=1&', TAGS)).toBe(`https://example.org/pain?a=1&${Q}`);
    expect(withUtm('https://example.org/p#section?x=1', TAGS)).toBe(`https://example.org/p?${Q}#section?x=1`);
    expect(withUtm('HTTP://EXAMPLE.ORG', TAGS)).toBe(`HTTP://EXAMPLE.ORG?${Q}`);
  });

  it('never overwrites a utm_* already there, whatever its case or encoding', () => {
    expect(withUtm('https://example.org/?utm_campaign=ete', TAGS)).toBe(
      'https://example.org/?utm_campaign=ete&utm_source=mastodon&utm_medium=social&utm_content=3f2a9c1e',
    );
    expect(withUtm('https://example.org/?UTM_SOURCE=news', TAGS)).not.toContain('utm_source=mastodon');
    expect(withUtm('https://example.org/?utm%5Fmedium=email', TAGS)).not.toContain('utm_medium=social');
    const all = `https://example.org/?${Q}`;
    expect(withUtm(all, TAGS)).toBe(all);
  });

  it('keeps what the author wrote byte for byte: Unicode, escapes, malformed escapes', () => {
    expect(withUtm('https://exemple.fr/café?q=crème%20brûlée', TAGS)).toBe(`https://exemple.fr/café?q=crème%20brûlée&${Q}`);
    expect(withUtm('https://bücher.example/?q=%E2%82%AC', TAGS)).toBe(`https://bücher.example/?q=%E2%82%AC&${Q}`);
    expect(withUtm('https://example.org/?%zz=1', TAGS)).toBe(`https://example.org/?%zz=1&${Q}`);
  });

  it('leaves anything but an absolute http(s) link alone, and links past the length limit', () => {
    for (const url of [
      'mailto:a@example.org',
      'javascript:alert(1)',
      'ftp://example.org/f',
      '/relative?a=1',
      'https://',
      'https:///x',
      '',
    ]) {
      expect(withUtm(url, TAGS)).toBe(url);
    }
    const long = `https://example.org/?${'a'.repeat(UTM_MAX_URL_LENGTH)}`;
    expect(withUtm(long, TAGS)).toBe(long);
  });

  it('tags the links inside a text, leaving sentence punctuation and parentheses of the prose outside', () => {
    const text =
      'Nouveau : https://example.org/pain. Voir (https://example.org/a?x=1) et https://fr.wikipedia.org/wiki/Pain_(aliment), mailto:x@y.z !';
    expect(tagLinksInText(text, TAGS)).toBe(
      `Nouveau : https://example.org/pain?${Q}. Voir (https://example.org/a?x=1&${Q}) et https://fr.wikipedia.org/wiki/Pain_(aliment)?${Q}, mailto:x@y.z !`,
    );
    expect(tagLinksInText('pas de lien ici', TAGS)).toBe('pas de lien ici');
  });

  it('tags a variant’s text and link field the same way, so the publisher does not append the link twice', () => {
    const variant = { text: 'Lisez https://example.org/pain', linkUrl: 'https://example.org/pain', mediaIds: ['m'] };
    const tagged = tagVariant(variant, TAGS);
    expect(tagged).toEqual({ text: `Lisez https://example.org/pain?${Q}`, linkUrl: `https://example.org/pain?${Q}`, mediaIds: ['m'] });
    expect(tagged.text.includes(tagged.linkUrl as string)).toBe(true);
  });

  it('does nothing when the organisation turned tracking off', () => {
    const variant = { text: 'https://example.org', linkUrl: null };
    const publication = { itemId: 'i', network: 'mastodon', variantId: null };
    expect(trackedVariant(variant, { enabled: false, items: new Map() }, publication)).toBe(variant);
    expect(trackedVariant(variant, { enabled: true, items: new Map([['i', { campaign: 'Été', theme: null }]]) }, publication).text).toBe(
      'https://example.org?utm_source=mastodon&utm_medium=social&utm_campaign=ete',
    );
  });

  it('falls back to the links as written when the network’s text limits cannot take the tagged ones', () => {
    const compose = (v: { text: string; linkUrl: string | null }) => (v.linkUrl ? `${v.text}\n\n${v.linkUrl}` : v.text);
    const publication = { itemId: 'i', network: 'bluesky', variantId: null };
    const tracking = { enabled: true, items: new Map([['i', { campaign: 'Rentrée', theme: null }]]) };
    const near = trackedVariant({ text: 'é'.repeat(250), linkUrl: 'https://example.org/p' }, tracking, publication);
    // 250 + 2 + 21 graphemes as written; the tagged link adds 60 more, past Bluesky's 300.
    expect(withinTextLimits(near, { maxLength: 300, counting: 'graphemes' }, compose)).toMatchObject({ linkUrl: 'https://example.org/p' });
    expect(withinTextLimits(near, { maxLength: 300, counting: 'graphemes', maxBytes: 3000 }, compose).linkUrl).toBe(
      'https://example.org/p',
    );
    // The same post where a link counts 23 whatever its length (Mastodon) goes out tagged.
    expect(withinTextLimits(near, { maxLength: 500, counting: 'code-points-urls-as-23' }, compose).linkUrl).toContain(
      'utm_campaign=rentree',
    );
    // Bytes count too.
    expect(withinTextLimits(near, { maxLength: 1000, counting: 'graphemes', maxBytes: 560 }, compose).linkUrl).toBe(
      'https://example.org/p',
    );
    // Nothing tagged: the variant as it is.
    const plain = { text: 'sans lien', linkUrl: null };
    expect(withinTextLimits(trackedVariant(plain, tracking, publication), { maxLength: 1, counting: 'graphemes' }, compose)).toBe(plain);
  });
});
