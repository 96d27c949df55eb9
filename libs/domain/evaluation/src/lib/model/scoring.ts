import type { Criterion, Localised, MaturityLevel, MaturityModelContent } from './model-content';

/** A declarative answer: the chosen scale value. */
export interface AnswerInput {
  criterionKey: string;
  value: number;
}

/** Evidence as frozen with an assessment (or computed for the live score). */
export interface EvidenceInput {
  score: number;
  explanation: Localised;
}

export interface CriterionScore {
  key: string;
  kind: Criterion['kind'];
  weight: number;
  /** 0..1, or null when the criterion could not be scored (unanswered, or declarative in an evidence-only score). */
  score: number | null;
}

export interface DimensionScore {
  key: string;
  weight: number;
  /** 0..100, or null when no criterion of the dimension could be scored. */
  score: number | null;
  criteria: CriterionScore[];
}

export interface Recommendation {
  dimensionKey: string;
  criterionKey: string;
  text: Localised;
  roadmapStep?: number;
  /** How much the overall score would gain with this criterion at full score (0..100). */
  gain: number;
}

export interface ScoreResult {
  /** 0..100, or null when nothing could be scored. */
  overall: number | null;
  level: MaturityLevel | null;
  dimensions: DimensionScore[];
  recommendations: Recommendation[];
}

export interface ScoreOptions {
  /** Live score: declarative criteria are left out and the weights of what remains renormalised. */
  evidenceOnly?: boolean;
  /** Unanswered declarative criteria count as 0 (a finalised assessment) rather than being left out. */
  unansweredAsZero?: boolean;
  /** How many recommendations to return (weakest criteria first). Default 5. */
  maxRecommendations?: number;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
const unit = (n: number): number => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);

/** The most set-up alone scores on a criterion paired with practice evidence, unless the criterion says otherwise. */
export const DEFAULT_SETUP_CAP = 0.4;

/**
 * A criterion's score from its set-up evidence and its practice evidence
 * ("set-up alone caps a criterion's score"), with cap = `setupCap`:
 *
 *   practice absent:   min(setup, cap)
 *   practice present:  min(setup, cap) + (1 − cap) × setup × practice
 *
 * So set-up alone (or practice at 0) scores at most the cap; full set-up and
 * full practice score 1; practice only counts in proportion to the set-up it
 * carries out (publishing without a network plan is not the method). Both
 * branches agree when practice is 0, so a practice key a module does not
 * compute yet and one that measures nothing give the same score.
 */
export function combineSetupAndPractice(setup: number, practice: number | undefined, cap: number = DEFAULT_SETUP_CAP): number {
  const s = unit(setup);
  const c = unit(cap);
  const capped = Math.min(s, c);
  if (practice === undefined) return capped;
  return unit(capped + (1 - c) * s * unit(practice));
}

function criterionScore(
  c: Criterion,
  answers: ReadonlyMap<string, number>,
  evidence: ReadonlyMap<string, EvidenceInput>,
  options: ScoreOptions,
): number | null {
  if (c.kind === 'EVIDENCE') {
    const e = evidence.get(c.evidenceKey);
    const setup = e ? unit(e.score) : 0;
    if (!c.practiceEvidenceKey) return setup;
    return combineSetupAndPractice(setup, evidence.get(c.practiceEvidenceKey)?.score, c.setupCap ?? DEFAULT_SETUP_CAP);
  }
  if (options.evidenceOnly) return null;
  const value = answers.get(c.key);
  const option = value === undefined ? undefined : c.scale.find((o) => o.value === value);
  if (option) return option.score;
  return options.unansweredAsZero ? 0 : null;
}

/** The level an overall score reaches: the highest whose threshold it meets. */
export function levelFor(levels: readonly MaturityLevel[], overall: number): MaturityLevel | null {
  let reached: MaturityLevel | null = null;
  for (const level of [...levels].sort((a, b) => a.minScore - b.minScore)) if (overall >= level.minScore) reached = level;
  return reached;
}

/**
 * Weighted scores per dimension and overall, the level, and the next actions:
 * the criteria whose improvement would raise the overall score most.
 */
export function scoreModel(
  model: MaturityModelContent,
  answers: readonly AnswerInput[],
  evidence: ReadonlyMap<string, EvidenceInput>,
  options: ScoreOptions = {},
): ScoreResult {
  const answerMap = new Map(answers.map((a) => [a.criterionKey, a.value]));
  const dimensions: DimensionScore[] = model.dimensions.map((d) => {
    const criteria = d.criteria.map((c) => ({
      key: c.key,
      kind: c.kind,
      weight: c.weight,
      score: criterionScore(c, answerMap, evidence, options),
    }));
    const scored = criteria.filter((c) => c.score !== null);
    const weight = scored.reduce((sum, c) => sum + c.weight, 0);
    const score = weight > 0 ? round1((100 * scored.reduce((sum, c) => sum + c.weight * (c.score as number), 0)) / weight) : null;
    return { key: d.key, weight: d.weight, score, criteria };
  });
  const scoredDimensions = dimensions.filter((d) => d.score !== null);
  const totalWeight = scoredDimensions.reduce((sum, d) => sum + d.weight, 0);
  const overall =
    totalWeight > 0 ? round1(scoredDimensions.reduce((sum, d) => sum + d.weight * (d.score as number), 0) / totalWeight) : null;

  const recommendations: Recommendation[] = [];
  for (const [i, d] of model.dimensions.entries()) {
    const ds = dimensions[i];
    if (ds.score === null) continue;
    const criterionWeight = ds.criteria.filter((c) => c.score !== null).reduce((sum, c) => sum + c.weight, 0);
    for (const [j, c] of d.criteria.entries()) {
      const s = ds.criteria[j].score;
      if (s === null || s >= 1) continue;
      const gain = (100 * (1 - s) * c.weight * d.weight) / (criterionWeight * totalWeight);
      recommendations.push({
        dimensionKey: d.key,
        criterionKey: c.key,
        text: c.recommendation,
        roadmapStep: c.roadmapStep,
        gain: round1(gain),
      });
    }
  }
  recommendations.sort((a, b) => b.gain - a.gain || a.criterionKey.localeCompare(b.criterionKey));
  return {
    overall,
    level: overall === null ? null : levelFor(model.levels, overall),
    dimensions,
    recommendations: recommendations.slice(0, options.maxRecommendations ?? 5),
  };
}
