import { isManualStep, ROADMAP_EVIDENCE_KEYS, ROADMAP_STEPS, statusFromScores, stepStatus } from './roadmap-steps';

describe('integration roadmap', () => {
  it('has the ten steps of seed 002 in order, with the agreed evidence', () => {
    expect(ROADMAP_STEPS.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(ROADMAP_STEPS.map((s) => s.title.fr)).toEqual([
      'Veille et observation',
      'Identification des clientèles et des objectifs',
      'Choix des outils et création des profils',
      'Création des contenus pour chaque réseau',
      'Création des politiques',
      'Formation et mobilisation',
      'Distribution et promotion des contenus',
      "Création d'une communauté",
      'Interaction et partage',
      'Évaluation et ajustement',
    ]);
    expect(ROADMAP_STEPS.filter(isManualStep).map((s) => s.number)).toEqual([8]);
    expect(ROADMAP_STEPS[3].evidenceKeys).toEqual(['content.calendarPlanned']);
    expect(ROADMAP_STEPS[6].evidenceKeys).toEqual(['content.regularity']);
    expect(ROADMAP_STEPS[2].evidenceKeys).toEqual(['strategy.networkPlansDefined', 'community.accountsConnected']);
    expect(ROADMAP_EVIDENCE_KEYS).toContain('evaluation.recentAssessment');
    for (const s of ROADMAP_STEPS) expect(s.description.en.length && s.description.fr.length && s.title.en.length).toBeTruthy();
  });

  it('is DONE when every score is 1, IN_PROGRESS when some is above 0, NOT_STARTED otherwise', () => {
    expect(statusFromScores([1, 1])).toBe('DONE');
    expect(statusFromScores([1, 0])).toBe('IN_PROGRESS');
    expect(statusFromScores([0.2])).toBe('IN_PROGRESS');
    expect(statusFromScores([0, 0])).toBe('NOT_STARTED');
    expect(statusFromScores([])).toBe('NOT_STARTED');
  });

  it('counts a key nobody measures as 0, and reads manual steps from what was stored', () => {
    const step10 = ROADMAP_STEPS[9];
    const scores: Record<string, number> = { 'strategy.kpisPerObjective': 1 };
    expect(stepStatus(step10, (k) => scores[k], new Map())).toBe('IN_PROGRESS');
    scores['evaluation.recentAssessment'] = 1;
    expect(stepStatus(step10, (k) => scores[k], new Map())).toBe('DONE');
    const step8 = ROADMAP_STEPS[7];
    expect(stepStatus(step8, () => 1, new Map())).toBe('NOT_STARTED');
    expect(stepStatus(step8, () => 0, new Map([[8, 'DONE' as const]]))).toBe('DONE');
    // A stored status never overrides a measured step.
    expect(stepStatus(ROADMAP_STEPS[0], () => 0, new Map([[1, 'DONE' as const]]))).toBe('NOT_STARTED');
  });
});
