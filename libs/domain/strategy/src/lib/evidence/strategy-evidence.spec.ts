import type { EvidenceResult } from '@socle/platform-evidence';
import { EvidenceRegistry } from '@socle/platform-evidence';
import { ROADMAP_EVIDENCE_KEYS } from '../roadmap/roadmap-steps';
import {
  strategyEvidence,
  strategyEvidenceProvider,
  StrategyFactsRow,
  STRATEGY_EVIDENCE_DEFINITIONS,
  STRATEGY_EVIDENCE_KEYS,
} from './strategy-evidence';

const empty: StrategyFactsRow = {
  objectives: 0,
  objective_kinds: [],
  expired_objectives: [],
  expired_objectives_count: 0,
  objectives_without_kpi: [],
  objectives_without_kpi_count: 0,
  segments: 0,
  incomplete_segments: [],
  incomplete_segments_count: 0,
  plans: 0,
  incomplete_plans: [],
  incomplete_plans_count: 0,
  uncovered_segments: [],
  competitors: 0,
  competitors_without_handles: [],
  competitors_without_handles_count: 0,
  roles: [],
  ritual_kinds: [],
  brand_voice: null,
  manual_steps: {},
  kpis: 0,
  kpis_measured: 0,
  kpis_unmeasured: [],
};

describe('strategy evidence', () => {
  it('scores an empty strategy 0 everywhere, with explanations in both languages', () => {
    const out = strategyEvidence(empty, new Map());
    expect(Object.keys(out).sort()).toEqual([...STRATEGY_EVIDENCE_KEYS].sort());
    for (const r of Object.values(out)) {
      expect(r.score).toBe(0);
      expect(r.explanation.fr).not.toBe('');
      expect(r.explanation.en).not.toBe('');
    }
    expect(out['strategy.objectivesMeasurable'].explanation.en).toBe('No objective is defined.');
  });

  it('explains which objectives fail and why', () => {
    const out = strategyEvidence(
      { ...empty, objectives: 3, objective_kinds: ['BUSINESS', 'BRAND'], expired_objectives: ['Notoriété'], expired_objectives_count: 1 },
      new Map(),
    );
    expect(out['strategy.objectivesMeasurable'].score).toBeCloseTo(2 / 3);
    expect(out['strategy.objectivesMeasurable'].explanation.en).toBe(
      '2 of 3 objectives are measurable and current; deadline passed: "Notoriété".',
    );
    expect(out['strategy.objectivesMeasurable'].explanation.fr).toBe(
      '2 objectifs sur 3 sont mesurables et en cours ; échéance dépassée : « Notoriété ».',
    );
    const oneKind = strategyEvidence({ ...empty, objectives: 2, objective_kinds: ['BUSINESS'] }, new Map());
    expect(oneKind['strategy.objectivesMeasurable'].score).toBe(0.5);
    expect(oneKind['strategy.objectivesMeasurable'].explanation.en).toContain('no brand objective');
  });

  it('scores the task force by the five functions of the seed and names the open ones', () => {
    const out = strategyEvidence({ ...empty, roles: ['STRATEGY_LEAD', 'ANALYST'] }, new Map());
    expect(out['strategy.taskForceRoles'].score).toBeCloseTo(0.4);
    expect(out['strategy.taskForceRoles'].explanation.en).toBe(
      '2 of 5 task-force functions assigned; still open: Content lead, Community manager, Social media coordinator.',
    );
  });

  it('counts roadmap steps from its own keys, the earlier results of other modules, and the manual steps', () => {
    const full: StrategyFactsRow = {
      ...empty,
      objectives: 1,
      objective_kinds: ['BUSINESS', 'BRAND'],
      segments: 1,
      plans: 1,
      competitors: 1,
      roles: ['STRATEGY_LEAD', 'CONTENT_LEAD', 'COMMUNITY_MANAGER', 'ANALYST', 'COORDINATOR'],
      manual_steps: { 8: 'IN_PROGRESS' },
    };
    const earlier = new Map<string, EvidenceResult>([
      ['community.accountsConnected', { value: 1, score: 1, explanation: { fr: '', en: '' } }],
      ['content.calendarPlanned', { value: 1, score: 1, explanation: { fr: '', en: '' } }],
    ]);
    // Set-up alone: competitors listed and a calendar planned do not finish steps 1 and 4; only 2 and 3 are done.
    const setUp = strategyEvidence(full, earlier);
    expect(setUp['strategy.roadmapSteps'].value).toBe(2);
    expect(setUp['strategy.roadmapSteps'].explanation.en).toBe('2 of 10 steps done; next: step 1, "Watch and observe".');
    // Listening on 6 weeks of 8 and publishing at 80% of the plan are practice enough.
    earlier.set('community.listeningPractice', { value: 6, score: 0.75, explanation: { fr: '', en: '' } });
    earlier.set('content.publishingPractice', { value: 5, score: 0.8, explanation: { fr: '', en: '' } });
    const out = strategyEvidence(full, earlier);
    // Steps 1, 2, 3 (both keys at 1) and 4 (the calendar and publications out, from the content module) are done;
    // 6 and 10 lack the policies / evaluation keys, 8 is only in progress.
    expect(out['strategy.roadmapSteps'].value).toBe(4);
    expect(out['strategy.roadmapSteps'].score).toBeCloseTo(0.4);
    expect(out['strategy.roadmapSteps'].explanation.en).toBe('4 of 10 steps done; next: step 5, "Create the policies".');
  });

  it('computes every key in one statement and depends on the roadmap keys of other modules, present or not', async () => {
    const registry = new EvidenceRegistry();
    const provider = strategyEvidenceProvider();
    registry.register(provider);
    expect(provider.dependsOn).toEqual(
      expect.arrayContaining(['community.accountsConnected', 'policies.fourKindsApproved', 'evaluation.recentAssessment']),
    );
    registry.register({
      module: 'community',
      definitions: [{ key: 'community.accountsConnected', title: { fr: '', en: '' }, description: { fr: '', en: '' }, source: '' }],
      compute: async () => ({ 'community.accountsConnected': { value: 0, score: 0, explanation: { fr: '', en: '' } } }),
    });
    const statements: string[] = [];
    const uow = {
      prepared: async (_name: string, sql: string) => {
        statements.push(sql);
        return [empty];
      },
    };
    const results = await registry.compute({ uow: uow as never, organizationId: '00000000-0000-0000-0000-000000000001', at: new Date() }, [
      'strategy.roadmapSteps',
    ]);
    expect(statements).toHaveLength(1);
    expect(results.get('strategy.roadmapSteps')?.score).toBe(0);
  });

  it('measures the share of KPIs with a recent measured value, naming those without', () => {
    const out = strategyEvidence({ ...empty, kpis: 4, kpis_measured: 3, kpis_unmeasured: ['Notoriété'] }, new Map());
    expect(out['strategy.kpisMeasured']).toMatchObject({ value: 3, score: 0.75 });
    expect(out['strategy.kpisMeasured'].explanation.en).toBe(
      '3 of 4 KPIs have a measured value over the last 90 days; without a recent measure: "Notoriété".',
    );
    expect(out['strategy.kpisMeasured'].explanation.fr).toContain('3 KPI sur 4 ont une valeur mesurée');
    expect(strategyEvidence(empty, new Map())['strategy.kpisMeasured']).toMatchObject({
      score: 0,
      explanation: { en: 'No KPI is defined: nothing is measured.' },
    });
  });
});

describe('the strategy provider’s dependencies', () => {
  it('are every roadmap key it does not compute, strategy.* keys of other providers included', () => {
    const own = new Set(STRATEGY_EVIDENCE_DEFINITIONS.map((d) => d.key));
    const dependsOn = strategyEvidenceProvider().dependsOn ?? [];
    expect([...dependsOn].sort()).toEqual(ROADMAP_EVIDENCE_KEYS.filter((k) => !own.has(k)).sort());
    expect(dependsOn.some((k) => own.has(k))).toBe(false);
    // Governance computes these strategy.* keys: were a roadmap step to read one, it must be a dependency.
    expect(own.has('strategy.meetingsHeld')).toBe(false);
  });
});
