import { isManualStep, PRACTICE_DONE_AT, ROADMAP_EVIDENCE_KEYS, ROADMAP_STEPS, statusFromScores, stepStatus } from './roadmap-steps';

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
    expect(ROADMAP_STEPS[0].evidenceKeys).toEqual(['strategy.competitorsDefined', 'community.listeningPractice']);
    expect(ROADMAP_STEPS[3].evidenceKeys).toEqual(['content.calendarPlanned', 'content.publishingPractice']);
    expect(ROADMAP_STEPS[4].evidenceKeys).toEqual(['policies.fourKindsApproved', 'policies.editedFromTemplate']);
    expect(ROADMAP_STEPS[5].evidenceKeys).toEqual(['policies.acknowledgedShare', 'strategy.taskForceRoles']);
    expect(ROADMAP_STEPS[6].evidenceKeys).toEqual(['content.regularity', 'content.publishingPractice']);
    expect(ROADMAP_STEPS[8].evidenceKeys).toEqual(['policies.commentRules', 'community.accountsConnected', 'community.responsePractice']);
    // Every threshold is for a key of its own step.
    for (const s of ROADMAP_STEPS) for (const key of Object.keys(s.doneAt ?? {})) expect(s.evidenceKeys).toContain(key);
    expect(ROADMAP_STEPS[2].evidenceKeys).toEqual(['strategy.networkPlansDefined', 'community.accountsConnected']);
    expect(ROADMAP_EVIDENCE_KEYS).toContain('evaluation.recentAssessment');
    expect(ROADMAP_STEPS[9].evidenceKeys).toEqual([
      'strategy.kpisPerObjective',
      'strategy.kpisMeasured',
      'evaluation.recentAssessment',
      'community.actingOnFeedback',
    ]);
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
    expect(stepStatus(step10, (k) => scores[k], new Map())).toBe('IN_PROGRESS');
    scores['strategy.kpisMeasured'] = 1;
    // Measured, not adjusted: nothing done on what the audiences said.
    expect(stepStatus(step10, (k) => scores[k], new Map())).toBe('IN_PROGRESS');
    scores['community.actingOnFeedback'] = 0.9;
    expect(stepStatus(step10, (k) => scores[k], new Map())).toBe('DONE');
    const step8 = ROADMAP_STEPS[7];
    expect(stepStatus(step8, () => 1, new Map())).toBe('NOT_STARTED');
    expect(stepStatus(step8, () => 0, new Map([[8, 'DONE' as const]]))).toBe('DONE');
    // A stored status never overrides a measured step.
    expect(stepStatus(ROADMAP_STEPS[0], () => 0, new Map([[1, 'DONE' as const]]))).toBe('NOT_STARTED');
  });

  it('is done when practice says so, not when one record exists', () => {
    const [watch, , , content, , , distribution, , interaction] = ROADMAP_STEPS;
    const status = (step: (typeof ROADMAP_STEPS)[number], scores: Record<string, number>) => stepStatus(step, (k) => scores[k], new Map());
    // One competitor listed: the set-up is complete, the step is not.
    expect(status(watch, { 'strategy.competitorsDefined': 1 })).toBe('IN_PROGRESS');
    expect(status(watch, { 'strategy.competitorsDefined': 1, 'community.listeningPractice': 0.5 })).toBe('IN_PROGRESS');
    expect(status(watch, { 'strategy.competitorsDefined': 1, 'community.listeningPractice': 0.75 })).toBe('DONE');
    // Rules and no connected account, or no answered comment: interaction is not done.
    expect(status(interaction, { 'policies.commentRules': 1 })).toBe('IN_PROGRESS');
    expect(status(interaction, { 'policies.commentRules': 1, 'community.accountsConnected': 1 })).toBe('IN_PROGRESS');
    expect(status(interaction, { 'policies.commentRules': 1, 'community.accountsConnected': 1, 'community.responsePractice': 0.8 })).toBe(
      'DONE',
    );
    // Steps 4 and 7 need publications out.
    expect(status(content, { 'content.calendarPlanned': 1 })).toBe('IN_PROGRESS');
    expect(status(content, { 'content.calendarPlanned': 1, 'content.publishingPractice': 0.8 })).toBe('DONE');
    expect(status(distribution, { 'content.regularity': 1, 'content.publishingPractice': 0.79 })).toBe('IN_PROGRESS');
    expect(PRACTICE_DONE_AT['community.listeningPractice']).toBe(0.75);
  });

  it('adjusts only when feedback is acted on and mostly followed up', () => {
    const evaluation = ROADMAP_STEPS[9];
    const measured = { 'strategy.kpisPerObjective': 1, 'strategy.kpisMeasured': 1, 'evaluation.recentAssessment': 1 };
    const status = (acting: number) => stepStatus(evaluation, (k) => ({ ...measured, 'community.actingOnFeedback': acting })[k], new Map());
    // Actions recorded, none followed up (½), or 3 of 5 (0.8): not yet; 4 of 5 (0.9): done.
    expect(status(0.5)).toBe('IN_PROGRESS');
    expect(status(0.8)).toBe('IN_PROGRESS');
    expect(status(0.9)).toBe('DONE');
    expect(stepStatus(evaluation, (k) => (k === 'community.actingOnFeedback' ? 1 : 0), new Map())).toBe('IN_PROGRESS');
  });

  it('holds each key to its own threshold', () => {
    expect(statusFromScores([0.8, 1], [0.8])).toBe('DONE');
    expect(statusFromScores([0.8, 0.99], [0.8])).toBe('IN_PROGRESS');
    expect(statusFromScores([0.7], [0.8])).toBe('IN_PROGRESS');
  });
});
