import { releaseSourceOf } from './press-release.service';

const variant = (over: Partial<{ text: string; options: Record<string, string>; mediaIds: string[]; longForm: boolean }> = {}) => ({
  text: '',
  options: {},
  mediaIds: [],
  longForm: false,
  ...over,
});

describe('releaseSourceOf', () => {
  const item = { title: 'Titre de l’item', brief: 'Premier.\n\nSecond <b>paragraphe</b>.' };

  it('takes the title and brief when the item has no long form', () => {
    expect(releaseSourceOf(item, [variant({ text: 'Un post court', mediaIds: ['m1'] })])).toEqual({
      title: 'Titre de l’item',
      summary: 'Premier. Second <b>paragraphe</b>.',
      body: { html: '<p>Premier.</p><p>Second &lt;b&gt;paragraphe&lt;/b&gt;.</p>', text: 'Premier.\n\nSecond <b>paragraphe</b>.' },
      mediaIds: ['m1'],
    });
    expect(releaseSourceOf({ title: 'Seul', brief: '  ' }, []).body.html).toBe('<p>Seul</p>');
  });

  it('prefers the variant marked as the long form, then one whose settings read like an article', () => {
    const article = variant({ options: { title: 'Article', html: '<p>Corps</p><script>x</script>', excerpt: 'Résumé' }, mediaIds: ['a'] });
    const marked = variant({ longForm: true, text: 'Texte\nlong', options: { title: 'Marqué' }, mediaIds: ['b'] });
    expect(releaseSourceOf(item, [article])).toMatchObject({
      title: 'Article',
      summary: 'Résumé',
      body: { html: '<p>Corps</p>' },
      mediaIds: ['a'],
    });
    expect(releaseSourceOf(item, [article, marked])).toMatchObject({
      title: 'Marqué',
      summary: 'Texte long',
      body: { html: '<p>Texte<br>long</p>' },
      mediaIds: ['b', 'a'],
    });
  });
});
