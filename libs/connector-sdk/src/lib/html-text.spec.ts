import { htmlToText } from './html-text';

describe('htmlToText', () => {
  it('turns block elements and <br> into line breaks and keeps inline markup inside words', () => {
    expect(htmlToText('<p>A</p><p>B</p>')).toBe('A\nB');
    expect(htmlToText('<div><h2>Titre</h2><ul><li>un</li><li>deux</li></ul></div>fin')).toBe('Titre\nun\ndeux\nfin');
    expect(htmlToText('ligne<br>suivante<br/>dernière')).toBe('ligne\nsuivante\ndernière');
    expect(htmlToText('Mont<b>pellier</b>, <i>le</i> 3')).toBe('Montpellier, le 3');
    expect(htmlToText('<table><tr><td>a</td><td>b</td></tr></table>')).toBe('a b');
  });

  it('decodes every HTML named entity, with or without markup around it', () => {
    expect(htmlToText('&hellip; &notin; &Zscr; &bigstar; &eacute;t&eacute; &amp; &#8212; &#x1F600;')).toBe('… ∉ 𝒵 ★ été & — 😀');
    expect(htmlToText('<p>Caf&eacute; &laquo;&nbsp;cr&egrave;me&nbsp;&raquo;</p>')).toBe('Café « crème »');
  });

  it('keeps unknown entities and a lone ampersand as written', () => {
    expect(htmlToText('&nosuchentity; AT&T R&D')).toBe('&nosuchentity; AT&T R&D');
  });

  it('does not read escaped markup as markup', () => {
    expect(htmlToText('a &lt;b&gt; c &lt;!-- d')).toBe('a <b> c <!-- d');
    expect(htmlToText('1 < 2 and 3 <4')).toBe('1 < 2 and 3 <4');
  });

  it('drops comments, scripts, styles and processing instructions', () => {
    expect(htmlToText('Fait.<!-- note --> Suite<script>alert("<p>x</p>")</script><style>p{}</style><?php echo 1 ?>!')).toBe('Fait. Suite!');
    expect(htmlToText('avant<SCRIPT type="x">if (a </b) {}</Script >après')).toBe('avantaprès');
  });

  it('reads quotes in attributes as HTML does: only after =', () => {
    expect(htmlToText(`<a title=don't href="/x?a='1'">lien</a> puis <img alt='>' src=x>texte`)).toBe('lien puis texte');
  });

  it('keeps CDATA content as text', () => {
    expect(htmlToText('<![CDATA[a &amp; <b>]]>z')).toBe('a &amp; <b>z');
  });

  it('lets unclosed markup swallow the rest, as a browser does', () => {
    expect(htmlToText('visible <!-- jamais fermé')).toBe('visible');
    expect(htmlToText('visible <a href="jamais fermé>caché')).toBe('visible');
    expect(htmlToText('visible <script>caché')).toBe('visible');
  });

  it('collapses white space, non-breaking spaces included', () => {
    expect(htmlToText('  a \u00a0 b\n\t c  ')).toBe('a b c');
  });

  it('shortens to maxLength with an ellipsis, never splitting a surrogate pair', () => {
    expect(htmlToText('un deux trois quatre', 10)).toBe('un deux t…');
    expect(htmlToText('😀😀😀', 3)).toBe('😀…');
    expect(htmlToText(`<p>${'mot '.repeat(1000)}</p>`, 50)).toHaveLength(50);
  });

  it('looks at a bounded prefix of the input', () => {
    const text = htmlToText(`<p>début</p>${'<!---->'.repeat(200_000)}<p>fin</p>`, 100);
    expect(text).toBe('début…');
  });
});
