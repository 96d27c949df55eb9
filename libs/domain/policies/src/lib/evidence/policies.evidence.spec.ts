import { EvidenceRegistry } from '@socle/platform-evidence';
import { policiesEvidence, policiesEvidenceProvider, POLICIES_EVIDENCE } from './policies.evidence';

const empty = { kinds: {}, members: 0, published: 0, acknowledged: 0, comment_rules: 0, comment_channels: 0, content_rules: null };

describe('policies evidence', () => {
  it('registers every policies evidence key the roadmap and the maturity models read', () => {
    const registry = new EvidenceRegistry();
    registry.register(policiesEvidenceProvider);
    expect(POLICIES_EVIDENCE.map((d) => d.key).sort()).toEqual([
      'policies.acknowledged',
      'policies.codeOfConduct',
      'policies.commentHandling',
      'policies.commentRules',
      'policies.contentRules',
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
});
