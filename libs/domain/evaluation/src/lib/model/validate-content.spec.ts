import { DEFAULT_MATURITY_MODEL, DEFAULT_MODEL_EVIDENCE_KEYS, skeletonModel } from './default-model';
import type { DeclarativeCriterion, MaturityModelContent } from './model-content';
import { checkModelContent, exportModel, MATURITY_MODEL_SCHEMA, parseModelExport } from './model-json';
import { validateModelContent } from './validate-content';

/** The keys the strategy, policies, community, content, press room and evaluation modules register. */
const REGISTERED = [
  'strategy.objectivesMeasurable',
  'strategy.kpisPerObjective',
  'strategy.segmentsDefined',
  'strategy.networkPlansDefined',
  'strategy.competitorsDefined',
  'strategy.taskForceRoles',
  'strategy.rituals',
  'strategy.brandVoice',
  'strategy.roadmapSteps',
  'community.accountsConnected',
  'policies.usageGuide',
  'policies.editorialPolicy',
  'policies.commentHandling',
  'policies.personalUse',
  'policies.codeOfConduct',
  'policies.fourKindsApproved',
  'policies.acknowledged',
  'policies.commentRules',
  'policies.contentRules',
  'evaluation.recentAssessment',
  'content.calendarPlanned',
  'content.regularity',
  'content.approvalWorkflow',
  'content.mediaKit',
  'content.suggestions',
  'community.listeningPractice',
  'community.responsePractice',
  'content.publishingPractice',
  'policies.editedFromTemplate',
  'policies.acknowledgedShare',
  'strategy.kpisMeasured',
  'strategy.meetingsHeld',
  'strategy.committeeWithTopManagement',
  'strategy.strategyApproved',
  'community.actingOnFeedback',
  'pressRoom.live',
  'pressRoom.recentReleases',
  'pressRoom.newsletterSubscribers',
];
const known = (k: string) => REGISTERED.includes(k);
const copy = (): MaturityModelContent => structuredClone(DEFAULT_MATURITY_MODEL);
const paths = (content: unknown) => validateModelContent(content, known).map((p) => p.path);

describe('the built-in maturity model', () => {
  it('is valid with every registered evidence key known, and reads every one of them', () => {
    expect(validateModelContent(DEFAULT_MATURITY_MODEL, known)).toEqual([]);
    expect(checkModelContent(DEFAULT_MATURITY_MODEL, known)).toEqual([]);
    expect([...DEFAULT_MODEL_EVIDENCE_KEYS].sort()).toEqual([...REGISTERED].sort());
  });

  it('has the nine dimensions of the method, 2 to 6 criteria each, five levels at 0/20/40/60/80, and every criterion cites its seed', () => {
    const m = DEFAULT_MATURITY_MODEL;
    expect(m.dimensions.map((d) => d.key)).toEqual([
      'strategy',
      'governance',
      'people',
      'content',
      'community',
      'listening',
      'measurement',
      'owned-media',
      'training',
    ]);
    for (const d of m.dimensions) expect(d.criteria.length).toBeGreaterThanOrEqual(2);
    for (const d of m.dimensions) expect(d.criteria.length).toBeLessThanOrEqual(6);
    expect(m.levels.map((l) => [l.number, l.minScore, l.name.en])).toEqual([
      [1, 0, 'Initial'],
      [2, 20, 'Exploring'],
      [3, 40, 'Defined'],
      [4, 60, 'Managed'],
      [5, 80, 'Optimised'],
    ]);
    const criteria = m.dimensions.flatMap((d) => d.criteria);
    for (const c of criteria) expect(c.source).toMatch(/seed 00[0-4]/);
    const declarative = criteria.filter((c): c is DeclarativeCriterion => c.kind === 'DECLARATIVE');
    for (const c of declarative) {
      expect(c.scale).toHaveLength(5);
      expect(new Set(c.scale.map((o) => o.meaning.fr)).size).toBe(5);
    }
  });

  it('rejects an evidence key nobody registers', () => {
    // Once per criterion reading it: a practice key may be paired with several set-up criteria.
    const reads = DEFAULT_MATURITY_MODEL.dimensions
      .flatMap((d) => d.criteria)
      .reduce((n, c) => n + (c.kind === 'EVIDENCE' ? 1 + (c.practiceEvidenceKey ? 1 : 0) : 0), 0);
    expect(validateModelContent(DEFAULT_MATURITY_MODEL, () => false).length).toBe(reads);
  });

  it('pairs the set-up criteria with their practice evidence, set-up alone capped at 0.4', () => {
    const paired = Object.fromEntries(
      DEFAULT_MATURITY_MODEL.dimensions
        .flatMap((d) => d.criteria)
        .flatMap((c) => (c.kind === 'EVIDENCE' && c.practiceEvidenceKey ? [[c.evidenceKey, [c.practiceEvidenceKey, c.setupCap]]] : [])),
    );
    expect(paired).toEqual({
      'strategy.kpisPerObjective': ['strategy.kpisMeasured', 0.4],
      'strategy.networkPlansDefined': ['content.publishingPractice', 0.4],
      'policies.fourKindsApproved': ['policies.editedFromTemplate', 0.4],
      'strategy.rituals': ['strategy.meetingsHeld', 0.4],
      'content.calendarPlanned': ['content.publishingPractice', 0.4],
      'policies.commentHandling': ['community.responsePractice', 0.4],
      'policies.commentRules': ['community.responsePractice', 0.4],
      'strategy.competitorsDefined': ['community.listeningPractice', 0.4],
      'community.accountsConnected': ['content.publishingPractice', 0.4],
      'policies.acknowledged': ['policies.acknowledgedShare', 0.4],
      'strategy.committeeWithTopManagement': ['strategy.meetingsHeld', 0.4],
      'pressRoom.live': ['pressRoom.recentReleases', 0.4],
    });
  });

  it('measures governance (version 4): the committee paired with the meetings held, the approved strategy and acting on feedback', () => {
    const criteria = new Map(DEFAULT_MATURITY_MODEL.dimensions.flatMap((d) => d.criteria.map((c) => [c.key, { dimension: d.key, c }])));
    const evidenceOf = (key: string) => {
      const found = criteria.get(key);
      return found && found.c.kind === 'EVIDENCE' ? { dimension: found.dimension, evidenceKey: found.c.evidenceKey } : undefined;
    };
    expect(evidenceOf('governance.committee-top-management')).toEqual({
      dimension: 'governance',
      evidenceKey: 'strategy.committeeWithTopManagement',
    });
    expect(evidenceOf('strategy.written-approved')).toEqual({ dimension: 'strategy', evidenceKey: 'strategy.strategyApproved' });
    expect(evidenceOf('community.acting-on-feedback')).toEqual({ dimension: 'community', evidenceKey: 'community.actingOnFeedback' });
    // The questions that asked about them are gone (the committee, acting on feedback) or narrowed to what data cannot show
    // (how the written strategy fits the overall communication).
    expect(criteria.has('people.executive-sponsor')).toBe(false);
    expect(criteria.has('listening.acting-on-feedback')).toBe(false);
    const integrated = criteria.get('strategy.written-and-integrated')?.c;
    expect(integrated?.kind).toBe('DECLARATIVE');
    expect(integrated?.title.en).toBe('Strategy part of the overall communication');
  });

  it('checks the practice key and the cap, with their paths; the JSON Schema agrees', () => {
    const at = (m: MaturityModelContent, key: string) => {
      for (const [d, dim] of m.dimensions.entries())
        for (const [c, crit] of dim.criteria.entries())
          if (crit.key === key) return { d, c, crit: crit as unknown as Record<string, unknown> };
      throw new Error(key);
    };
    const m = copy();
    const listening = at(m, 'listening.competitors');
    listening.crit.practiceEvidenceKey = 'community.nobodyComputesThis';
    listening.crit.setupCap = 1.5;
    const kpis = at(m, 'strategy.kpis-per-objective');
    kpis.crit.practiceEvidenceKey = 'strategy.kpisPerObjective';
    const objectives = at(m, 'strategy.objectives-measurable');
    objectives.crit.setupCap = 0.3;
    const question = at(m, 'strategy.written-and-integrated');
    question.crit.practiceEvidenceKey = 'strategy.kpisMeasured';
    const base = (x: { d: number; c: number }) => `dimensions[${x.d}].criteria[${x.c}]`;
    expect(validateModelContent(m, known)).toEqual([
      { path: `${base(objectives)}.setupCap`, message: expect.stringContaining('needs a practiceEvidenceKey') },
      { path: `${base(kpis)}.practiceEvidenceKey`, message: expect.stringContaining('must differ from evidenceKey') },
      { path: `${base(question)}.practiceEvidenceKey`, message: 'is only for criteria of kind EVIDENCE' },
      { path: `${base(listening)}.practiceEvidenceKey`, message: expect.stringContaining('is not an evidence key this platform computes') },
      { path: `${base(listening)}.setupCap`, message: 'must be a number from 0 to 1' },
    ]);
    const schemaPaths = checkModelContent(m, known).map((p) => p.path);
    expect(schemaPaths).toEqual(
      expect.arrayContaining([`${base(listening)}.setupCap`, `${base(question)}.practiceEvidenceKey`, base(objectives)]),
    );
  });

  it('the skeleton is valid', () => {
    expect(validateModelContent(skeletonModel('Mine'), known)).toEqual([]);
  });
});

describe('validateModelContent', () => {
  it('refuses weights that are not positive, with their paths', () => {
    const m = copy();
    m.dimensions[2].criteria[0].weight = 0;
    m.dimensions[1].weight = -3;
    expect(paths(m)).toEqual(['dimensions[1].weight', 'dimensions[2].criteria[0].weight']);
  });

  it('wants thresholds strictly increasing from 0', () => {
    const m = copy();
    m.levels[0].minScore = 5;
    m.levels[3].minScore = 40;
    expect(paths(m)).toEqual(['levels[0].minScore', 'levels[3].minScore']);
  });

  it('wants 2 to 10 levels numbered 1..n in order', () => {
    const m = copy();
    m.levels[1].number = 3;
    expect(paths(m)).toEqual(['levels[1].number']);
    expect(paths({ ...copy(), levels: [copy().levels[0]] })).toEqual(['levels']);
    const three = copy();
    three.levels = three.levels.slice(0, 3);
    expect(paths(three)).toEqual([]);
  });

  it('wants unique dimension and criterion keys, naming the first use', () => {
    const m = copy();
    m.dimensions[1].key = 'strategy';
    m.dimensions[3].criteria[1].key = m.dimensions[0].criteria[0].key;
    const problems = validateModelContent(m, known);
    expect(problems.map((p) => p.path)).toEqual(['dimensions[1].key', 'dimensions[3].criteria[1].key']);
    expect(problems[1].message).toContain('dimensions[0].criteria[0].key');
  });

  it('wants scale options with unique values and scores within 0..1', () => {
    const m = copy();
    const c = m.dimensions[0].criteria[4] as DeclarativeCriterion;
    c.scale[1].value = 0;
    c.scale[2].score = 1.5;
    expect(paths(m)).toEqual(['dimensions[0].criteria[4].scale[1].value', 'dimensions[0].criteria[4].scale[2].score']);
  });

  it('wants both languages written', () => {
    const m = copy();
    m.dimensions[0].title.fr = '  ';
    (m.levels[2].name as { en?: string }).en = undefined;
    expect(paths(m)).toEqual(['levels[2].name.en', 'dimensions[0].title.fr']);
  });

  it('bounds sizes', () => {
    const m = copy();
    m.dimensions = Array.from({ length: 21 }, () => m.dimensions[0]);
    expect(paths(m)).toEqual(['dimensions']);
    const long = copy();
    long.description.en = 'x'.repeat(2001);
    expect(paths(long)).toEqual(['description.en']);
  });

  it('wants a roadmap step from 1 to 10, a source, and a known kind', () => {
    const m = copy();
    m.dimensions[0].criteria[0].roadmapStep = 11;
    m.dimensions[0].criteria[1].source = '';
    (m.dimensions[0].criteria[2] as { kind: string }).kind = 'GUESS';
    expect(paths(m)).toEqual([
      'dimensions[0].criteria[0].roadmapStep',
      'dimensions[0].criteria[1].source',
      'dimensions[0].criteria[2].kind',
    ]);
  });

  it('reports a wrong shape instead of throwing', () => {
    expect(paths(null)).toEqual(['']);
    expect(paths({ name: 'x', levels: 'no', dimensions: [1] })).toEqual(['name', 'description', 'levels', 'dimensions[0]']);
  });
});

describe('the JSON export format', () => {
  it('round-trips: export then import gives the same model', () => {
    const json = exportModel(DEFAULT_MATURITY_MODEL);
    expect(JSON.parse(json)).toMatchObject({ $schema: MATURITY_MODEL_SCHEMA.$id, format: 'socle.maturity-model', formatVersion: 1 });
    expect(parseModelExport(json, known)).toEqual({ model: DEFAULT_MATURITY_MODEL });
  });

  it('rejects wrong shapes with the schema, naming each path', () => {
    const doc = JSON.parse(exportModel(DEFAULT_MATURITY_MODEL));
    doc.model.dimensions[2].criteria[0].weight = 'heavy';
    delete doc.model.levels[1].name;
    doc.model.dimensions[0].criteria[0].colour = 'red';
    doc.formatVersion = 2;
    const result = parseModelExport(JSON.stringify(doc), known);
    expect('problems' in result && result.problems.map((p) => p.path).sort()).toEqual([
      'formatVersion',
      'model.dimensions[0].criteria[0].colour',
      'model.dimensions[2].criteria[0].weight',
      'model.levels[1].name',
    ]);
  });

  it('rejects a declarative criterion without its scale, and an evidence criterion carrying a scale', () => {
    const doc = JSON.parse(exportModel(DEFAULT_MATURITY_MODEL));
    delete doc.model.dimensions[0].criteria[4].scale;
    doc.model.dimensions[0].criteria[0].scale = [];
    const result = parseModelExport(JSON.stringify(doc), known);
    const problems = 'problems' in result ? result.problems : [];
    expect([...new Set(problems.map((p) => p.path))].sort()).toEqual([
      'model.dimensions[0].criteria[0].scale',
      'model.dimensions[0].criteria[4].scale',
    ]);
    expect(problems).toContainEqual({
      path: 'model.dimensions[0].criteria[0].scale',
      message: 'is not allowed for this kind of criterion',
    });
    expect(problems).toContainEqual({ path: 'model.dimensions[0].criteria[4].scale', message: 'is required' });
  });

  it('then applies the rules a schema cannot say, under model.', () => {
    const doc = JSON.parse(exportModel(DEFAULT_MATURITY_MODEL));
    doc.model.levels[2].minScore = 10;
    const result = parseModelExport(JSON.stringify(doc), known);
    expect(result).toEqual({ problems: [{ path: 'model.levels[2].minScore', message: expect.stringContaining('greater than') }] });
  });

  it('says when the text is not JSON', () => {
    expect(parseModelExport('{ nope', known)).toEqual({ problems: [{ path: '', message: expect.stringContaining('not valid JSON') }] });
  });
});
