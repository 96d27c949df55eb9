import { EvidenceRegistry } from '@socle/platform-evidence';
import { policyTemplate } from '../templates/policy-templates';
import {
  ADAPTED_DISTANCE,
  editedFromTemplateEvidence,
  policiesEvidence,
  policiesEvidenceProvider,
  POLICIES_EVIDENCE,
} from './policies.evidence';
import { policyWords, wordDistance, words } from './template-distance';

const empty = {
  kinds: {},
  members: 0,
  published: 0,
  acknowledged: 0,
  members_acknowledged_all: 0,
  comment_rules: 0,
  comment_channels: 0,
  content_rules: null,
};

describe('policies evidence', () => {
  it('registers every policies evidence key the roadmap and the maturity models read', () => {
    const registry = new EvidenceRegistry();
    registry.register(policiesEvidenceProvider);
    expect(POLICIES_EVIDENCE.map((d) => d.key).sort()).toEqual([
      'policies.acknowledged',
      'policies.acknowledgedShare',
      'policies.codeOfConduct',
      'policies.commentHandling',
      'policies.commentRules',
      'policies.contentRules',
      'policies.editedFromTemplate',
      'policies.editorialPolicy',
      'policies.fourKindsApproved',
      'policies.personalUse',
      'policies.usageGuide',
    ]);
    for (const d of POLICIES_EVIDENCE) expect(d.title.fr && d.title.en && d.description.fr && d.description.en).toBeTruthy();
  });

  it('scores each kind 1 published, 0.75 approved, 0.25 in review or draft, 0 none', () => {
    const out = policiesEvidence({ ...empty, kinds: { USAGE_GUIDE: 4, EDITORIAL_POLICY: 3, COMMENT_HANDLING: 1, PERSONAL_USE: 2 } });
    expect(out['policies.usageGuide']).toMatchObject({ value: 'PUBLISHED', score: 1 });
    expect(out['policies.editorialPolicy']).toMatchObject({ value: 'APPROVED', score: 0.75 });
    expect(out['policies.commentHandling']).toMatchObject({ value: 'DRAFT', score: 0.25 });
    expect(out['policies.personalUse']).toMatchObject({ value: 'IN_REVIEW', score: 0.25 });
    expect(out['policies.codeOfConduct']).toMatchObject({ value: 'NONE', score: 0 });
    expect(out['policies.usageGuide'].explanation.fr).toBe('Le guide d’utilisation est publié.');
  });

  it('explains the four kinds of step 5, naming those not yet approved', () => {
    const out = policiesEvidence({
      ...empty,
      kinds: { USAGE_GUIDE: 4, EDITORIAL_POLICY: 3, COMMENT_HANDLING: 1, PERSONAL_USE: 4, CODE_OF_CONDUCT: 0 },
    });
    expect(out['policies.fourKindsApproved']).toMatchObject({ value: 3, score: 0.75 });
    expect(out['policies.fourKindsApproved'].explanation.en).toBe(
      '3 of 4 policy kinds approved; the comment-handling policy is still a draft.',
    );
    expect(out['policies.fourKindsApproved'].explanation.fr).toBe(
      '3 politiques sur 4 approuvées ; la politique de gestion des commentaires est encore un brouillon.',
    );
  });

  it('measures acknowledgements against members × published policies', () => {
    expect(policiesEvidence({ ...empty, members: 4, published: 2, acknowledged: 6 })['policies.acknowledged']).toMatchObject({
      value: 0.75,
      score: 0.75,
    });
    expect(policiesEvidence({ ...empty, members: 4 })['policies.acknowledged']).toMatchObject({ score: 0 });
  });

  it('counts comment and content rules', () => {
    const out = policiesEvidence({ ...empty, comment_rules: 3, comment_channels: 2, content_rules: 5 });
    expect(out['policies.commentRules']).toMatchObject({ value: 3, score: 1 });
    expect(out['policies.contentRules']).toMatchObject({ value: 5, score: 1 });
    expect(policiesEvidence(empty)['policies.contentRules']).toMatchObject({ value: 0, score: 0 });
  });

  it('counts the people who acknowledged every published policy (the staff list when kept), not acknowledgements in bulk', () => {
    // 6 of 8 acknowledgements given, but only 2 of the 4 members read both policies.
    const out = policiesEvidence({ ...empty, members: 4, published: 2, acknowledged: 6, members_acknowledged_all: 2 });
    expect(out['policies.acknowledged'].score).toBe(0.75);
    expect(out['policies.acknowledgedShare']).toMatchObject({ value: 0.5, score: 0.5 });
    expect(out['policies.acknowledgedShare'].explanation.en).toBe('2 of 4 members acknowledged every published policy (50%).');
    expect(out['policies.acknowledgedShare'].explanation.fr).toContain('2 membres sur 4 ont confirmé');
    const staff = policiesEvidence(
      { ...empty, members: 4, published: 2, members_acknowledged_all: 4 },
      { staff: 10, staff_acknowledged_all: 3 },
    );
    expect(staff['policies.acknowledgedShare']).toMatchObject({ value: 0.3, score: 0.3 });
    expect(staff['policies.acknowledgedShare'].explanation.en).toBe('3 of 10 staff acknowledged every published policy (30%).');
    const noList = policiesEvidence(
      { ...empty, members: 4, published: 2, members_acknowledged_all: 4 },
      { staff: 0, staff_acknowledged_all: 0 },
    );
    expect(noList['policies.acknowledgedShare'].score).toBe(1);
    expect(policiesEvidence({ ...empty, members: 3, members_acknowledged_all: 3 })['policies.acknowledgedShare']).toMatchObject({
      score: 0,
      explanation: { en: 'No policy is published yet: nobody can have read them.' },
    });
  });
});

describe('policies edited from their template', () => {
  const template = policyTemplate('EDITORIAL_POLICY', 'fr');
  const published = (title: string, sections: unknown) => ({ kind: 'EDITORIAL_POLICY' as const, language: 'fr' as const, title, sections });

  it('scores a policy published as the unedited template 0, and says so', () => {
    const r = editedFromTemplateEvidence([
      published(
        template.title,
        template.sections.map((x) => ({ ...x })),
      ),
    ]);
    expect(r).toMatchObject({ value: 0, score: 0 });
    expect(r.explanation.en).toBe(
      '0 of 1 published policies are rewritten for the organisation; still close to the template: the editorial policy (0% of words changed).',
    );
    expect(r.explanation.fr).toContain('encore proches du modèle : la politique éditoriale (0% de mots changés)');
  });

  it('does not count reordering, case or punctuation as editing', () => {
    const shuffled = [...template.sections].reverse().map((x) => ({ ...x, body: x.body.toUpperCase().replace(/[,.]/g, ' ; ') }));
    expect(editedFromTemplateEvidence([published(template.title, shuffled)]).score).toBe(0);
  });

  it('scores in proportion to the share of words changed, in full from the threshold', () => {
    const base = policyWords(template.title, template.sections);
    // Replace about a tenth of the body words of every section with the organisation's own.
    const edited = template.sections.map((x) => {
      const w = x.body.split(' ');
      return { ...x, body: w.map((word, i) => (i % 10 === 0 ? `horizon${i}` : word)).join(' ') };
    });
    const distance = wordDistance(policyWords(template.title, edited), base);
    expect(distance).toBeGreaterThan(0.05);
    expect(distance).toBeLessThan(ADAPTED_DISTANCE);
    const partial = editedFromTemplateEvidence([published(template.title, edited)]);
    expect(partial.score).toBeCloseTo(distance / ADAPTED_DISTANCE, 3);
    const own = [{ key: 'who', title: 'Qui publie', body: 'Notre équipe de trois personnes à Lyon publie chaque mardi et jeudi.' }];
    const rewritten = editedFromTemplateEvidence([published('Notre ligne éditoriale', own), published(template.title, template.sections)]);
    expect(rewritten.score).toBe(0.5);
  });

  it('explains when nothing is published, and survives hostile section shapes', () => {
    expect(editedFromTemplateEvidence([])).toMatchObject({ value: null, score: 0 });
    const hostile = [null, 7, { title: 42, body: { a: 1 } }, { title: 'A\u0000\ud800 b', body: 'x'.repeat(200_000) }];
    const r = editedFromTemplateEvidence([published('\ud800', hostile)]);
    expect(r.score).toBe(1);
    expect(words('Élan, ÉLAN élan — ﬁn 2026')).toEqual(['élan', 'élan', 'élan', 'fin', '2026']);
    expect(wordDistance([], [])).toBe(0);
    expect(wordDistance(['a', 'a', 'b'], ['a', 'b', 'b'])).toBeCloseTo(1 - 2 / 4);
  });
});
