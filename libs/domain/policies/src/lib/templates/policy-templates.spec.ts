import { POLICY_KINDS } from '../documents/policy-model';
import { POLICY_TEMPLATES, policyTemplate, policyTemplates } from './policy-templates';

describe('policy templates', () => {
  it('exist for every kind in French and in English', () => {
    expect(POLICY_TEMPLATES).toHaveLength(POLICY_KINDS.length * 2);
    for (const kind of POLICY_KINDS) {
      expect(policyTemplate(kind, 'fr')).toMatchObject({ kind, language: 'fr' });
      expect(policyTemplate(kind, 'en')).toMatchObject({ kind, language: 'en' });
    }
  });

  it.each(POLICY_KINDS)('%s has the same section keys in both languages, each with a title and a body', (kind) => {
    const fr = policyTemplate(kind, 'fr');
    const en = policyTemplate(kind, 'en');
    expect(fr.sections.map((s) => s.key)).toEqual(en.sections.map((s) => s.key));
    expect(new Set(fr.sections.map((s) => s.key)).size).toBe(fr.sections.length);
    for (const s of [...fr.sections, ...en.sections]) {
      expect(s.title.trim()).not.toBe('');
      expect(s.body.trim().length).toBeGreaterThan(20);
    }
    expect(fr.title).not.toBe(en.title);
  });

  it('follows seed 002: the editorial policy answers who, what, where, how, results; the comment policy how, delay, by whom, answer, crisis', () => {
    expect(policyTemplate('EDITORIAL_POLICY', 'fr').sections.map((s) => s.key)).toEqual(['who', 'what', 'where', 'how', 'results']);
    expect(policyTemplate('COMMENT_HANDLING', 'en').sections.map((s) => s.key)).toEqual([
      'how',
      'delay',
      'by-whom',
      'answer-content',
      'crisis',
    ]);
    expect(policyTemplate('USAGE_GUIDE', 'fr').sections.map((s) => s.key)).toEqual(['context', 'networks', 'network-logic', 'handover']);
  });

  it('filters by kind and language', () => {
    expect(policyTemplates({ language: 'en' })).toHaveLength(POLICY_KINDS.length);
    expect(
      policyTemplates({ kind: 'PERSONAL_USE' })
        .map((t) => t.language)
        .sort(),
    ).toEqual(['en', 'fr']);
    expect(policyTemplates()).toHaveLength(POLICY_TEMPLATES.length);
  });
});
