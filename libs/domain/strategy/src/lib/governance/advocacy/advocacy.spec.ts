import { advocacyDigest, escapeHtml, launchMessage, safeHttpUrl, signatureHtml } from './advocacy';

describe('employee advocacy kit', () => {
  it('escapes every value of the signature and links only http(s) URLs', () => {
    const html = signatureHtml(
      { name: 'Zoé <script>alert(1)</script>', jobTitle: 'R&D "lead"', phone: '+33 1 23 45 67 89' },
      "L'Atelier & Co",
      [
        { label: 'Mastodon', url: 'https://mastodon.example/@atelier?a=1&b="2"' },
        { label: 'Piège', url: 'javascript:alert(1)' },
        { label: 'Bluesky @atelier', url: null },
      ],
    );
    expect(html).toContain('<strong>Zoé &lt;script&gt;alert(1)&lt;/script&gt;</strong>');
    expect(html).toContain('R&amp;D &quot;lead&quot;');
    expect(html).toContain('L&#39;Atelier &amp; Co');
    expect(html).toContain('<a href="https://mastodon.example/@atelier?a=1&amp;b=%222%22">Mastodon</a>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('Piège · Bluesky @atelier');
    expect(html).not.toMatch(/<script/);
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
    expect(safeHttpUrl('data:text/html,x')).toBeNull();
    expect(safeHttpUrl('/relative')).toBeNull();
  });

  it('writes the monthly mail with each post ready to copy, in the organisation’s language', () => {
    const digest = advocacyDigest('fr', 'Fromagerie', '2026-10', [
      {
        network: 'mastodon',
        title: 'Comté 24 mois',
        text: 'Notre comté 24 mois est arrivé !\nhttps://fromagerie.example/comte',
        url: 'https://m.example/1',
        publishedAt: new Date('2026-10-03T10:00:00Z'),
        engagement: 42,
      },
      {
        network: 'bluesky',
        title: 'Atelier',
        text: 'Atelier dégustation samedi',
        url: null,
        publishedAt: new Date('2026-10-10T10:00:00Z'),
        engagement: null,
      },
    ]);
    expect(digest.subject).toBe('Fromagerie — nos meilleures publications de octobre 2026');
    expect(digest.text).toContain('1. Comté 24 mois (mastodon, 42 interactions)');
    expect(digest.text).toContain('   Notre comté 24 mois est arrivé !\n   https://fromagerie.example/comte');
    expect(digest.text).toContain('   Lien : https://m.example/1');
    expect(digest.text).toContain('2. Atelier (bluesky)');
    const empty = advocacyDigest('en', 'Fromagerie', '2026-02', []);
    expect(empty.subject).toBe('Fromagerie — our best posts of February 2026');
    expect(empty.text).toContain('No post in February 2026.');
  });

  it('signs the launch message with the executive’s name and function', () => {
    const fr = launchMessage('fr', 'Fromagerie', { name: 'Diane Martin', jobTitle: 'Directrice générale' });
    expect(fr.subject).toBe('Fromagerie sur les médias sociaux : nous comptons sur vous');
    expect(fr.text.endsWith('Diane Martin\nDirectrice générale')).toBe(true);
    const en = launchMessage('en', 'Fromagerie', { name: 'Diane Martin' });
    expect(en.text).toContain('every month you will receive our best posts');
    expect(en.text.endsWith('\nDiane Martin')).toBe(true);
  });
});
