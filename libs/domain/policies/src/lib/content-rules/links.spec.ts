import { findHashtags, findLinks } from './links';

const links = (text: string) => findLinks(text).map((l) => [text.slice(l.start, l.end), l.host]);
const hashtags = (text: string) => findHashtags(text).map((h) => text.slice(h.start, h.end));

describe('findLinks', () => {
  it('finds http(s) URLs without trailing punctuation, host lowercased without user or port', () => {
    expect(links('Voir https://Ads.Spam.example/promo?id=42. Et (http://user:pw@bit.ly:8080/x), «https://x.fr»')).toEqual([
      ['https://Ads.Spam.example/promo?id=42', 'ads.spam.example'],
      ['http://user:pw@bit.ly:8080/x', 'bit.ly'],
      ['https://x.fr', 'x.fr'],
    ]);
  });

  it('finds bare domains, with or without a path', () => {
    expect(links('Rendez-vous sur example.com/path, www.exemple.fr. ou bit.ly/3xYz !')).toEqual([
      ['example.com/path', 'example.com'],
      ['www.exemple.fr', 'www.exemple.fr'],
      ['bit.ly/3xYz', 'bit.ly'],
    ]);
  });

  it('ignores e-mail addresses, numbers, versions and malformed hosts', () => {
    expect(links('contact@spam.example 3.14 v1.2.3 a.b -foo.com foo-.com a..com x.y2 _a.com')).toEqual([]);
    expect(links('(foo.com) « spam.example »')).toEqual([
      ['foo.com', 'foo.com'],
      ['spam.example', 'spam.example'],
    ]);
  });

  it('converts internationalised host names to their ASCII form', () => {
    expect(links('https://bücher.example/x')).toEqual([['https://bücher.example/x', 'xn--bcher-kva.example']]);
  });
});

describe('findHashtags', () => {
  it('counts "#" followed by letters, digits or "_" (Unicode), not all digits', () => {
    expect(hashtags('#été #Fabriqué_en_France #2024promo #1 #, C# x#y')).toEqual(['#été', '#Fabriqué_en_France', '#2024promo']);
  });

  it('ignores anchors and HTML entities, includes decomposed accents', () => {
    expect(hashtags('https://a.fr/#section &#233; #e\u0301te\u0301 🎉#fête')).toEqual(['#e\u0301te\u0301', '#fête']);
  });
});
