import type { EvidenceResult } from '@socle/platform-evidence';
import type { MaturityModelContent } from '../model/model-content';
import { scoreModel } from '../model/scoring';
import type { LiveScoreRow, ModelIdentity, StoredEvidence } from './live-score.repository';

/** The evidence keys a model's criteria read. */
export function evidenceKeysOf(content: MaturityModelContent): string[] {
  const keys = new Set<string>();
  for (const dimension of content.dimensions) for (const c of dimension.criteria) if (c.kind === 'EVIDENCE') keys.add(c.evidenceKey);
  return [...keys].sort();
}

/**
 * The live score: the model's evidence criteria only (declarative ones are
 * left out and the weights of what remains renormalised). Evidence no module
 * computes counts as 0, as in an assessment.
 */
export function liveScoreOf(
  organizationId: string,
  at: Date,
  model: ModelIdentity,
  content: MaturityModelContent,
  evidence: ReadonlyMap<string, EvidenceResult>,
): LiveScoreRow {
  const result = scoreModel(content, [], evidence, { evidenceOnly: true, maxRecommendations: 0 });
  const stored: StoredEvidence = {};
  for (const key of evidenceKeysOf(content)) {
    const e = evidence.get(key);
    if (e) stored[key] = { value: e.value, score: e.score, explanation: e.explanation };
  }
  return {
    organizationId,
    computedAt: at,
    model,
    overallScore: result.overall,
    level: result.level?.number ?? null,
    dimensionScores: Object.fromEntries(result.dimensions.map((d) => [d.key, d.score])),
    evidence: stored,
  };
}
