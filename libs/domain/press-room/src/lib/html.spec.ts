import { escapeHtml, excerpt, sanitizeHtml, textToHtml, xmlChars } from './html';

describe('sanitizeHtml', () => {
  it('keeps text elements and safe links, drops everything else', () => {
    expect(
      sanitizeHtml(
        '<h1 class="x">Titre</h1><p style="color:red" onclick="x()">A <em>b</em> <a href="https://ex.org/?q=1&amp;r=2" target="_blank">c</a></p><img src=x onerror=alert(1)><ul><li>un<li>deux</ul>',
      ).html,
    ).toBe(
      '<h2>Titre</h2><p>A <em>b</em> <a href="https://ex.org/?q=1&amp;r=2" rel="nofollow noopener noreferrer">c</a></p><ul><li>un<li>deux</li></li></ul>',
    );
  });

  it('drops scripts, styles, frames and forms with their content, comments and doctypes', () => {
    const out = sanitizeHtml(
      '<!doctype html><script>alert(1)</script><style>p{}</style><iframe src="x">in</iframe><svg><a href="https://x">s</a></svg><textarea>t</textarea><!-- c --><p>ok</p>',
    );
    expect(out.html).toBe('<p>ok</p>');
    expect(out.text).toBe('ok');
  });

  it('refuses dangerous link targets, whatever their spelling', () => {
    for (const href of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'javascript&colon;alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'https://user:pw@ex.org/',
      '//evil.example/x',
    ])
      expect({ href, html: sanitizeHtml(`<a href="${href}">x</a>`).html }).toEqual({ href, html: '<a>x</a>' });
    expect(sanitizeHtml('<a href="mailto:presse@example.org">m</a>').html).toBe(
      '<a href="mailto:presse@example.org" rel="nofollow noopener noreferrer">m</a>',
    );
  });

  it('escapes text, decodes entities once, and closes what it opened', () => {
    expect(sanitizeHtml('<p>1 &lt; 2 &amp;&amp; <b>"x" > \'y\'').html).toBe(
      '<p>1 &lt; 2 &amp;&amp; <b>&quot;x&quot; &gt; &#39;y&#39;</b></p>',
    );
    expect(sanitizeHtml('a < b c').html).toBe('a &lt; b c');
    expect(sanitizeHtml('a < b <unterminated tag').html).toBe('a &lt; b ');
    expect(sanitizeHtml('<p title="a>b">x</p>').html).toBe('<p>x</p>');
    expect(sanitizeHtml('</p></div>x<p>y').html).toBe('x<p>y</p>');
    expect(sanitizeHtml('<p>x\u0000y\ud800</p>').html).toBe('<p>xy</p>');
  });

  it('bounds nesting and reads unterminated input to its end', () => {
    const deep = '<blockquote>'.repeat(100) + 'x';
    const out = sanitizeHtml(deep).html;
    expect(out.match(/<blockquote>/g)).toHaveLength(32);
    expect(sanitizeHtml('<p title="never closed').html).toBe('');
    expect(sanitizeHtml(`<a href="${'x'.repeat(5000)}">l</a>`).html).toBe('<a>l</a>');
    const big = sanitizeHtml('<p>'.repeat(50_000) + '<'.repeat(50_000));
    expect(big.html.length).toBeGreaterThan(0);
  });
});

describe('textToHtml and friends', () => {
  it('makes paragraphs of blank-line separated text, line breaks kept, everything escaped', () => {
    expect(textToHtml('Un <b>\nDeux\r\n\r\nTrois')).toEqual({
      html: '<p>Un &lt;b&gt;<br>Deux</p><p>Trois</p>',
      text: 'Un <b>\nDeux\n\nTrois',
    });
  });

  it('escapes for HTML and XML', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(xmlChars('a\u0001b\u000bc\ufffed\ud83d\ude00e\udc00')).toBe('abcd\ud83d\ude00e');
  });

  it('cuts an excerpt at a word', () => {
    expect(excerpt('Une phrase assez longue pour être coupée', 20)).toBe('Une phrase assez…');
    expect(excerpt('  court  ', 20)).toBe('court');
  });
});
