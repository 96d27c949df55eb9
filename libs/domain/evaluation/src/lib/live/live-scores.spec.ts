import type { UnitOfWork } from '@socle/platform-database';
import type { EvidenceResult } from '@socle/platform-evidence';
import type { Criterion, MaturityModelContent } from '../model/model-content';
import { ANSWER_MAX_AGE_DAYS, evidenceKeysOf, liveScoreOf } from './live-score';
import { lastSlot, parseDailyTime, slotId } from './nightly-schedule';
import {
  RECENT_ASSESSMENT_KEY,
  RecentAssessmentEvidence,
  recentAssessmentEvidence,
  recentAssessmentScore,
} from './recent-assessment.evidence';

const t = (s: string) => ({ en: s, fr: `${s} (fr)` });
const scale = [0, 1].map((value) => ({ value, score: value, label: t(`v${value}`), meaning: t(`m${value}`) }));
const model: MaturityModelContent = {
  name: t('m'),
  description: t('d'),
  levels: [1, 2, 3, 4, 5].map((n) => ({ number: n, name: t(`L${n}`), description: t(''), minScore: (n - 1) * 20 })),
  dimensions: [
    {
      key: 'strategy',
      title: t('Strategy'),
      description: t(''),
      weight: 2,
      criteria: [
        { key: 's.q', kind: 'DECLARATIVE', title: t('q'), weight: 5, source: 's', recommendation: t('r'), question: t('?'), scale },
        {
          key: 's.e',
          kind: 'EVIDENCE',
          title: t('e'),
          weight: 1,
          source: 's',
          recommendation: t('r'),
          evidenceKey: 'strategy.objectivesMeasurable',
        },
        {
          key: 's.f',
          kind: 'EVIDENCE',
          title: t('f'),
          weight: 3,
          source: 's',
          recommendation: t('r'),
          evidenceKey: 'evaluation.recentAssessment',
        },
      ],
    },
    {
      key: 'policies',
      title: t('Policies'),
      description: t(''),
      weight: 1,
      criteria: [
        { key: 'p.q', kind: 'DECLARATIVE', title: t('q'), weight: 1, source: 's', recommendation: t('r'), question: t('?'), scale },
      ],
    },
  ],
};
const ev = (score: number, value: EvidenceResult['value'] = score): EvidenceResult => ({ value, score, explanation: t(`score ${score}`) });
const ORG = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';

describe('the nightly schedule', () => {
  it('reads HH:MM in UTC and refuses anything else, naming the variable', () => {
    expect(parseDailyTime('02:00')).toEqual({ hour: 2, minute: 0 });
    expect(parseDailyTime(' 23:59 ')).toEqual({ hour: 23, minute: 59 });
    for (const bad of ['2:00', '24:00', '02:60', '0200', 'two', ''])
      expect(() => parseDailyTime(bad)).toThrow(/LIVE_SCORES_AT must be a time of day in UTC/);
  });

  it('places a run in the latest slot not after now, so a missed night is caught up', () => {
    const at = parseDailyTime('02:00');
    expect(lastSlot(new Date('2026-03-10T02:00:00.000Z'), at).toISOString()).toBe('2026-03-10T02:00:00.000Z');
    expect(lastSlot(new Date('2026-03-10T14:30:00.000Z'), at).toISOString()).toBe('2026-03-10T02:00:00.000Z');
    expect(lastSlot(new Date('2026-03-10T01:59:59.999Z'), at).toISOString()).toBe('2026-03-09T02:00:00.000Z');
    expect(lastSlot(new Date('2026-03-01T00:10:00.000Z'), at).toISOString()).toBe('2026-02-28T02:00:00.000Z');
    expect(slotId(new Date('2026-03-10T02:00:00.000Z'))).toBe('20260310T0200');
  });
});

describe('evaluation.recentAssessment', () => {
  it('is 1 under 90 days, decays linearly to 0 at 365 days, and 0 without any assessment', () => {
    expect(recentAssessmentScore(null)).toBe(0);
    expect(recentAssessmentScore(0)).toBe(1);
    expect(recentAssessmentScore(89)).toBe(1);
    expect(recentAssessmentScore(90)).toBe(1);
    expect(recentAssessmentScore(227.5)).toBe(0.5);
    expect(recentAssessmentScore(364)).toBeCloseTo(0.004, 3);
    expect(recentAssessmentScore(365)).toBe(0);
    expect(recentAssessmentScore(2000)).toBe(0);
  });

  it('explains itself in both languages, with the number of days', () => {
    const at = new Date('2026-06-30T12:00:00Z');
    const old = recentAssessmentEvidence(new Date('2026-01-01T12:00:00Z'), at);
    expect(old.value).toBe(180);
    expect(old.score).toBeCloseTo((365 - 180) / 275, 3);
    expect(old.explanation.en).toMatch(/180 days ago\. Assess again/);
    expect(old.explanation.fr).toMatch(/il y a 180 jours\. Évaluez de nouveau/);
    const none = recentAssessmentEvidence(null, at);
    expect(none).toMatchObject({ value: null, score: 0 });
    expect(none.explanation.fr).toMatch(/Aucune évaluation/);
    expect(recentAssessmentEvidence(new Date('2026-06-30T08:00:00Z'), at).explanation.en).toBe('Last maturity assessment made today.');
  });
});

describe('the live score', () => {
  it('lists the evidence keys a model reads', () => {
    expect(evidenceKeysOf(model)).toEqual(['evaluation.recentAssessment', 'strategy.objectivesMeasurable']);
  });

  const MODEL_ID = { agencyId: null, modelId: 'default', version: 1 };
  const at = new Date('2026-06-30T02:00:00Z');
  const daysAgo = (days: number) => new Date(at.getTime() - days * 86_400_000);
  const measured = new Map([
    ['strategy.objectivesMeasurable', ev(1)],
    ['evaluation.recentAssessment', ev(0.2)],
    ['unrelated.key', ev(1)],
  ]);

  it('counts declarative criteria without an assessment as UNKNOWN at 0, keeping their weight, and shows the coverage', () => {
    const score = liveScoreOf(ORG, at, MODEL_ID, model, measured);
    // strategy: (5×0 + 1×1 + 3×0.2) / 9 = 17.8; policies: its only criterion is unknown, 0.
    expect(score.dimensionScores).toEqual({ strategy: 17.8, policies: 0 });
    // (2 × 17.8 + 1 × 0) / 3: the unknown weight is not renormalised away.
    expect(score.overallScore).toBe(11.9);
    expect(score.level).toBe(1);
    // Measured part alone: (1×1 + 3×0.2) / 4 = 40, level 3; the overall's own level (1) is lower, so no cap applies.
    expect(score).toMatchObject({ measuredScore: 40, measuredLevel: 3, reachedLevel: 1 });
    // Shares of the whole weight: s.e 2/3×1/9, s.f 2/3×3/9 measured; s.q 2/3×5/9 and p.q 1/3 unknown.
    expect(score.coverage).toEqual({ evidence: 0.296, assessment: 0, unknown: 0.704 });
    expect(score.criteria['s.q']).toEqual({ dimensionKey: 'strategy', source: 'UNKNOWN', score: null, answeredAt: null, ageDays: null });
    expect(score.criteria['s.f']).toEqual({ dimensionKey: 'strategy', source: 'EVIDENCE', score: 0.2, answeredAt: null, ageDays: null });
    expect(Object.keys(score.evidence).sort()).toEqual(['evaluation.recentAssessment', 'strategy.objectivesMeasurable']);
    expect(score.evidence['evaluation.recentAssessment']).toEqual({ value: 0.2, score: 0.2, explanation: t('score 0.2') });
    expect(score).toMatchObject({ organizationId: ORG, computedAt: at, model: MODEL_ID });
  });

  it('carries the last assessment’s answers with their age, and caps the level at what the measured part supports', () => {
    const answers = [
      { criterionKey: 's.q', value: 1, answeredAt: daysAgo(10) },
      { criterionKey: 'p.q', value: 1, answeredAt: daysAgo(364) },
    ];
    const score = liveScoreOf(ORG, at, MODEL_ID, model, measured, answers);
    // strategy: (5×1 + 1×1 + 3×0.2) / 9 = 73.3; policies 100; overall (2×73.3 + 100) / 3 = 82.2, which reaches level 5 ...
    expect(score.overallScore).toBe(82.2);
    expect(score.reachedLevel).toBe(5);
    // ... but the measured part (40) supports level 3 only: the declarations cannot lift the level above it.
    expect(score.measuredLevel).toBe(3);
    expect(score.level).toBe(3);
    expect(score.coverage).toEqual({ evidence: 0.296, assessment: 0.704, unknown: 0 });
    expect(score.criteria['s.q']).toEqual({
      dimensionKey: 'strategy',
      source: 'ASSESSMENT',
      score: 1,
      answeredAt: daysAgo(10).toISOString(),
      ageDays: 10,
    });
    expect(score.criteria['p.q']).toMatchObject({ source: 'ASSESSMENT', ageDays: 364 });
  });

  it('treats answers older than the limit, or off the scale, as unknown', () => {
    expect(ANSWER_MAX_AGE_DAYS).toBe(365);
    const answers = [
      { criterionKey: 's.q', value: 7, answeredAt: daysAgo(1) },
      { criterionKey: 'p.q', value: 1, answeredAt: daysAgo(366) },
      { criterionKey: 'no.such', value: 1, answeredAt: daysAgo(1) },
    ];
    const score = liveScoreOf(ORG, at, MODEL_ID, model, measured, answers);
    expect(score.criteria['s.q'].source).toBe('UNKNOWN');
    expect(score.criteria['p.q'].source).toBe('UNKNOWN');
    expect(score.coverage).toEqual({ evidence: 0.296, assessment: 0, unknown: 0.704 });
    expect(score.overallScore).toBe(11.9);
    expect(Object.keys(score.criteria).sort()).toEqual(['p.q', 's.e', 's.f', 's.q']);
  });

  it('counts evidence nobody computed as 0 (and does not store it)', () => {
    const score = liveScoreOf(ORG, at, MODEL_ID, model, new Map([['strategy.objectivesMeasurable', ev(1)]]));
    expect(score.dimensionScores.strategy).toBe(11.1);
    expect(score.measuredScore).toBe(25);
    expect(Object.keys(score.evidence)).toEqual(['strategy.objectivesMeasurable']);
  });

  it('supports only the lowest level when the model measures nothing', () => {
    const declarative: MaturityModelContent = { ...model, dimensions: [model.dimensions[1]] };
    const score = liveScoreOf(ORG, at, MODEL_ID, declarative, new Map(), [{ criterionKey: 'p.q', value: 1, answeredAt: daysAgo(3) }]);
    expect(score).toMatchObject({ overallScore: 100, reachedLevel: 5, measuredScore: null, measuredLevel: null, level: 1 });
    expect(score.coverage).toEqual({ evidence: 0, assessment: 1, unknown: 0 });
  });

  it('reads a criterion’s practice key as well as its set-up key', () => {
    const withPractice = {
      ...model,
      dimensions: [
        {
          ...model.dimensions[0],
          criteria: [{ ...model.dimensions[0].criteria[1], practiceEvidenceKey: 'content.regularity' } as Criterion],
        },
      ],
    };
    expect(evidenceKeysOf(withPractice)).toEqual(['content.regularity', 'strategy.objectivesMeasurable']);
  });
});

describe('evaluation.recentAssessment as a provider', () => {
  const at = new Date('2026-06-30T12:00:00Z');
  const statements: string[] = [];
  const uow = {
    prepared: async (_name: string, sql: string) => {
      statements.push(sql);
      return [{ last: new Date('2026-06-20T12:00:00Z') }];
    },
  } as unknown as UnitOfWork;

  it('reads the latest finalised assessment, or reuses what the unit of work already read for the same organisation', async () => {
    const provider = new RecentAssessmentEvidence();
    const ctx = { uow, organizationId: ORG, at, earlier: new Map() };
    expect((await provider.compute(ctx))[RECENT_ASSESSMENT_KEY]).toMatchObject({ value: 10, score: 1 });
    expect(statements).toHaveLength(1);
    provider.prime(uow, ORG, new Date('2025-12-30T12:00:00Z'));
    expect((await provider.compute(ctx))[RECENT_ASSESSMENT_KEY]).toMatchObject({ value: 182 });
    expect(statements).toHaveLength(1);
    // Primed for another organisation: read again.
    provider.prime(uow, '00000000-0000-4000-8000-000000000001', null);
    expect((await provider.compute(ctx))[RECENT_ASSESSMENT_KEY]).toMatchObject({ value: 10 });
    expect(statements).toHaveLength(2);
  });
});
