import type { MaturityModelContent } from './model-content';
import { combineSetupAndPractice, DEFAULT_SETUP_CAP, levelFor, scoreModel } from './scoring';

const t = (s: string) => ({ en: s, fr: s });
const scale = [0, 1, 2].map((value) => ({ value, score: value / 2, label: t(`v${value}`), meaning: t(`m${value}`) }));
const model: MaturityModelContent = {
  name: t('m'),
  description: t('d'),
  levels: [1, 2, 3, 4, 5].map((n) => ({ number: n, name: t(`L${n}`), description: t(''), minScore: (n - 1) * 20 })),
  dimensions: [
    {
      key: 'a',
      title: t('A'),
      description: t(''),
      weight: 3,
      criteria: [
        {
          key: 'a.q',
          kind: 'DECLARATIVE',
          title: t('q'),
          weight: 1,
          source: 's',
          recommendation: t('do q'),
          question: t('?'),
          scale,
          roadmapStep: 2,
        },
        { key: 'a.e', kind: 'EVIDENCE', title: t('e'), weight: 3, source: 's', recommendation: t('do e'), evidenceKey: 'x.e' },
      ],
    },
    {
      key: 'b',
      title: t('B'),
      description: t(''),
      weight: 1,
      criteria: [
        { key: 'b.q', kind: 'DECLARATIVE', title: t('q'), weight: 1, source: 's', recommendation: t('do b'), question: t('?'), scale },
      ],
    },
  ],
};

describe('scoreModel', () => {
  const evidence = new Map([['x.e', { score: 0.5, explanation: t('half') }]]);

  it('weights criteria within a dimension and dimensions overall', () => {
    const r = scoreModel(
      model,
      [
        { criterionKey: 'a.q', value: 2 },
        { criterionKey: 'b.q', value: 0 },
      ],
      evidence,
    );
    expect(r.dimensions.map((d) => d.score)).toEqual([62.5, 0]);
    expect(r.overall).toBe(46.9);
    expect(r.level?.number).toBe(3);
  });

  it('recommends the criteria whose improvement gains most, with their roadmap step', () => {
    const r = scoreModel(
      model,
      [
        { criterionKey: 'a.q', value: 1 },
        { criterionKey: 'b.q', value: 0 },
      ],
      evidence,
    );
    // a.e: (1-0.5)*3*3/(4*4) = 28.1; b.q: 1*1*1/(1*4) = 25; a.q: 0.5*1*3/(4*4) = 9.4
    expect(r.recommendations.map((x) => [x.criterionKey, x.gain])).toEqual([
      ['a.e', 28.1],
      ['b.q', 25],
      ['a.q', 9.4],
    ]);
    expect(r.recommendations[2].roadmapStep).toBe(2);
  });

  it('leaves unanswered criteria out, or counts them as zero when finalising', () => {
    expect(scoreModel(model, [], evidence).dimensions.map((d) => d.score)).toEqual([50, null]);
    expect(scoreModel(model, [], evidence, { unansweredAsZero: true }).dimensions.map((d) => d.score)).toEqual([37.5, 0]);
  });

  it('scores from evidence alone for the live score', () => {
    const r = scoreModel(model, [{ criterionKey: 'a.q', value: 2 }], evidence, { evidenceOnly: true });
    expect(r.dimensions.map((d) => d.score)).toEqual([50, null]);
    expect(r.overall).toBe(50);
  });

  it('treats missing evidence as zero and ignores answers outside the scale', () => {
    const r = scoreModel(model, [{ criterionKey: 'a.q', value: 7 }], new Map());
    expect(r.dimensions[0].score).toBe(0);
  });

  it('finds the highest level whose threshold is met', () => {
    expect(levelFor(model.levels, 0)?.number).toBe(1);
    expect(levelFor(model.levels, 79.9)?.number).toBe(4);
    expect(levelFor(model.levels, 100)?.number).toBe(5);
  });

  describe('set-up paired with practice', () => {
    const paired: MaturityModelContent = {
      ...model,
      dimensions: [
        {
          key: 'p',
          title: t('P'),
          description: t(''),
          weight: 1,
          criteria: [
            {
              key: 'p.e',
              kind: 'EVIDENCE',
              title: t('e'),
              weight: 1,
              source: 's',
              recommendation: t('do e'),
              evidenceKey: 'x.setup',
              practiceEvidenceKey: 'x.practice',
              setupCap: 0.4,
            },
          ],
        },
      ],
    };
    const score = (setup: number | null, practice: number | null) => {
      const evidence = new Map<string, { score: number; explanation: { en: string; fr: string } }>();
      if (setup !== null) evidence.set('x.setup', { score: setup, explanation: t('s') });
      if (practice !== null) evidence.set('x.practice', { score: practice, explanation: t('p') });
      return scoreModel(paired, [], evidence).dimensions[0].criteria[0].score;
    };

    it('caps set-up alone: a complete set-up without practice scores 0.4, not 1', () => {
      expect(score(1, null)).toBe(0.4);
      expect(score(0.3, null)).toBe(0.3);
      expect(score(1, 0)).toBe(0.4);
      expect(score(0.3, 0)).toBe(0.3);
    });

    it('reaches 1 only with full set-up and full practice; practice counts in proportion to set-up', () => {
      expect(score(1, 1)).toBe(1);
      expect(score(1, 0.5)).toBeCloseTo(0.7, 10);
      expect(score(0.5, 1)).toBeCloseTo(0.7, 10);
      expect(score(0, 1)).toBe(0);
      expect(score(null, 1)).toBe(0);
    });

    it('is monotonic in both and bounded, whatever the inputs', () => {
      const grid = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1];
      for (const s of grid)
        for (const p of grid) {
          const v = combineSetupAndPractice(s, p);
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
          expect(combineSetupAndPractice(s, Math.min(1, p + 0.1))).toBeGreaterThanOrEqual(v);
          expect(combineSetupAndPractice(Math.min(1, s + 0.1), p)).toBeGreaterThanOrEqual(v);
        }
      expect(combineSetupAndPractice(Number.NaN, 1)).toBe(0);
      expect(combineSetupAndPractice(2, 2)).toBe(1);
      expect(combineSetupAndPractice(1, undefined, 0.7)).toBe(0.7);
      expect(DEFAULT_SETUP_CAP).toBe(0.4);
    });

    it('uses the default cap when the criterion does not set one, and leaves unpaired criteria uncapped', () => {
      const noCap = structuredClone(paired);
      delete (noCap.dimensions[0].criteria[0] as { setupCap?: number }).setupCap;
      const e = new Map([['x.setup', { score: 1, explanation: t('s') }]]);
      expect(scoreModel(noCap, [], e).dimensions[0].criteria[0].score).toBe(DEFAULT_SETUP_CAP);
      expect(scoreModel(model, [], new Map([['x.e', { score: 1, explanation: t('s') }]])).dimensions[0].criteria[1].score).toBe(1);
    });
  });
});
