import type { MaturityModelContent } from './model-content';
import { levelFor, scoreModel } from './scoring';

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
});
