import type { EvidenceResult } from '@socle/platform-evidence';
import type { MaturityModelContent } from '../model/model-content';
import { levelFor, scoreModel } from '../model/scoring';
import type { CriterionSource, LiveCoverage, LiveCriterion, LiveScoreRow, ModelIdentity, StoredEvidence } from './live-score.repository';

/** Beyond this age (days since the answer was given), a declarative answer says nothing any more: the criterion is UNKNOWN. */
export const ANSWER_MAX_AGE_DAYS = 365;

const DAY_MS = 24 * 3600 * 1000;
const round3 = (n: number): number => Math.round(n * 1000) / 1000;

/** The evidence keys a model's criteria read: set-up keys and, where a criterion has one, its practice key. */
export function evidenceKeysOf(content: MaturityModelContent): string[] {
  const keys = new Set<string>();
  for (const dimension of content.dimensions)
    for (const c of dimension.criteria) {
      if (c.kind !== 'EVIDENCE') continue;
      keys.add(c.evidenceKey);
      const practice = (c as { practiceEvidenceKey?: unknown }).practiceEvidenceKey;
      if (typeof practice === 'string' && practice.length > 0) keys.add(practice);
    }
  return [...keys].sort();
}

/** A declarative answer of the latest finalised assessment, with when it was given. */
export interface CarriedAnswer {
  criterionKey: string;
  value: number;
  answeredAt: Date;
}

/**
 * Each criterion's share of the model's whole weight (the shares sum to 1): its
 * weight within its dimension times the dimension's weight among dimensions.
 */
export function criterionShares(content: MaturityModelContent): Map<string, number> {
  const shares = new Map<string, number>();
  const total = content.dimensions.reduce((sum, d) => sum + (d.criteria.length > 0 ? d.weight : 0), 0);
  if (total <= 0) return shares;
  for (const d of content.dimensions) {
    const inDimension = d.criteria.reduce((sum, c) => sum + c.weight, 0);
    if (inDimension <= 0) continue;
    for (const c of d.criteria) shares.set(c.key, (d.weight / total) * (c.weight / inDimension));
  }
  return shares;
}

/**
 * The live score — never more than its evidence supports.
 *
 * - EVIDENCE criteria are measured from platform data (a key no module computes
 *   counts as 0, as in an assessment).
 * - DECLARATIVE criteria carry the answer of the organisation's latest
 *   finalised assessment (source ASSESSMENT, with the answer's age), unless the
 *   answer is older than `ANSWER_MAX_AGE_DAYS` or missing: then they are
 *   UNKNOWN and score 0. Their weight stays in the total: an unknown criterion
 *   lowers the score rather than being renormalised away.
 * - Coverage: the shares of the model's weight measured by evidence, carried
 *   from the assessment, and unknown (they sum to 1).
 * - Level cap: the level is the lower of the level the overall score reaches
 *   and the level the measured part alone supports (the evidence criteria
 *   scored on their own, weights renormalised among them). Declarative answers
 *   can lower the level but never lift it above what is measured; with no
 *   evidence criterion at all, the measured part supports only the lowest level.
 */
export function liveScoreOf(
  organizationId: string,
  at: Date,
  model: ModelIdentity,
  content: MaturityModelContent,
  evidence: ReadonlyMap<string, EvidenceResult>,
  answers: readonly CarriedAnswer[] = [],
): LiveScoreRow {
  const fresh = new Map<string, CarriedAnswer>();
  for (const a of answers) {
    const age = ageInDays(a.answeredAt, at);
    if (age <= ANSWER_MAX_AGE_DAYS) fresh.set(a.criterionKey, a);
  }
  const overall = scoreModel(
    content,
    [...fresh.values()].map((a) => ({ criterionKey: a.criterionKey, value: a.value })),
    evidence,
    { unansweredAsZero: true, maxRecommendations: 0 },
  );
  const measured = scoreModel(content, [], evidence, { evidenceOnly: true, maxRecommendations: 0 });
  const reached = overall.overall === null ? null : levelFor(content.levels, overall.overall);
  const supported = levelFor(content.levels, measured.overall ?? 0);
  const level = reached && supported ? Math.min(reached.number, supported.number) : null;

  const shares = criterionShares(content);
  const criteria: Record<string, LiveCriterion> = {};
  const sums: Record<CriterionSource, number> = { EVIDENCE: 0, ASSESSMENT: 0, UNKNOWN: 0 };
  for (const [i, d] of content.dimensions.entries()) {
    for (const [j, c] of d.criteria.entries()) {
      const score = overall.dimensions[i].criteria[j].score ?? 0;
      let source: CriterionSource = 'EVIDENCE';
      let answer: CarriedAnswer | undefined;
      if (c.kind === 'DECLARATIVE') {
        answer = fresh.get(c.key);
        // An answer whose value is not on the criterion's scale any more says nothing.
        source = answer && c.scale.some((o) => o.value === answer?.value) ? 'ASSESSMENT' : 'UNKNOWN';
      }
      sums[source] += shares.get(c.key) ?? 0;
      criteria[c.key] = {
        dimensionKey: d.key,
        source,
        score: source === 'UNKNOWN' ? null : score,
        answeredAt: source === 'ASSESSMENT' && answer ? answer.answeredAt.toISOString() : null,
        ageDays: source === 'ASSESSMENT' && answer ? ageInDays(answer.answeredAt, at) : null,
      };
    }
  }
  const stored: StoredEvidence = {};
  for (const key of evidenceKeysOf(content)) {
    const e = evidence.get(key);
    if (e) stored[key] = { value: e.value, score: e.score, explanation: e.explanation };
  }
  return {
    organizationId,
    computedAt: at,
    model,
    overallScore: overall.overall,
    level,
    dimensionScores: Object.fromEntries(overall.dimensions.map((d) => [d.key, d.score])),
    evidence: stored,
    coverage: coverageOf(sums),
    measuredScore: measured.overall,
    measuredLevel: measured.overall === null ? null : (supported?.number ?? null),
    reachedLevel: reached?.number ?? null,
    criteria,
  };
}

/** Rounded to 0.001, the unknown share taking the rounding so the three sum to exactly 1. */
function coverageOf(sums: Record<CriterionSource, number>): LiveCoverage {
  const evidence = round3(sums.EVIDENCE);
  const assessment = round3(sums.ASSESSMENT);
  const unknown = round3(Math.max(0, 1 - evidence - assessment));
  return { evidence, assessment, unknown };
}

/** Whole days from `from` to `at` (0 for a time after `at`). */
export function ageInDays(from: Date, at: Date): number {
  return Math.max(0, Math.floor((at.getTime() - from.getTime()) / DAY_MS));
}
