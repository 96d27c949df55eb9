import { DEFAULT_MATURITY_MODEL, DEFAULT_MODEL_ID } from '../model/default-model';
import type { MaturityModelContent } from '../model/model-content';
import type { AssessmentBasis, ComparisonRow, LiveBasis } from './portfolio.repository';
import type { ReportLocale } from '../report/assessment-report';

export type Lang = ReportLocale;
export type ScoreSource = 'ASSESSMENT' | 'LIVE';

export interface RadarAxis {
  dimensionKey: string;
  title: string;
  score: number | null;
}

export interface Radar {
  organizationId: string;
  source: ScoreSource;
  at: Date;
  modelId: string;
  modelVersion: number;
  overallScore: number | null;
  level: number | null;
  levelName: string | null;
  axes: RadarAxis[];
}

export interface ComparedValue {
  score: number | null;
  agencyAverage: number | null;
  delta: number | null;
}

export interface ComparedDimension extends ComparedValue {
  dimensionKey: string;
  title: string;
}

export interface Comparison {
  organizationId: string;
  modelId: string;
  modelVersion: number;
  at: Date;
  organizationCount: number;
  overall: ComparedValue;
  dimensions: ComparedDimension[];
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** The content a stored score was computed with: frozen with an assessment, or the built-in model's. */
function contentOf(basis: {
  modelAgencyId: string | null;
  modelId: string;
  content: MaturityModelContent | null;
}): MaturityModelContent | null {
  if (basis.content) return basis.content;
  return basis.modelAgencyId === null && basis.modelId === DEFAULT_MODEL_ID ? DEFAULT_MATURITY_MODEL : null;
}

/** Axes in the model's order, titled in `lang`; without the model's content, the stored keys in key order. */
function axesOf(content: MaturityModelContent | null, scores: Record<string, number | null>, lang: Lang): RadarAxis[] {
  if (!content)
    return Object.keys(scores)
      .sort()
      .map((key) => ({ dimensionKey: key, title: key, score: scores[key] ?? null }));
  return content.dimensions.map((d) => ({ dimensionKey: d.key, title: d.title[lang], score: scores[d.key] ?? null }));
}

function levelName(content: MaturityModelContent | null, level: number | null, lang: Lang): string | null {
  if (!content || level === null) return null;
  return content.levels.find((l) => l.number === level)?.name[lang] ?? null;
}

/**
 * The radar of the latest finalised assessment, or of the latest live score
 * when there is none (or when `source` asks for it). Null when neither exists.
 */
export function buildRadar(
  organizationId: string,
  basis: { assessment: AssessmentBasis | null; live: LiveBasis | null },
  lang: Lang,
  source?: ScoreSource,
): Radar | null {
  const useAssessment = source === 'ASSESSMENT' || (source === undefined && basis.assessment !== null);
  if (useAssessment) {
    const a = basis.assessment;
    if (!a) return null;
    const content = contentOf(a);
    return {
      organizationId,
      source: 'ASSESSMENT',
      at: a.assessedAt,
      modelId: a.modelId,
      modelVersion: a.modelVersion,
      overallScore: a.overallScore,
      level: a.level,
      levelName: levelName(content, a.level, lang),
      axes: axesOf(content, a.dimensionScores, lang),
    };
  }
  const l = basis.live;
  if (!l) return null;
  const content = contentOf(l);
  return {
    organizationId,
    source: 'LIVE',
    at: l.computedAt,
    modelId: l.modelId,
    modelVersion: l.modelVersion,
    overallScore: l.overallScore,
    level: l.level,
    levelName: levelName(content, l.level, lang),
    axes: axesOf(content, l.dimensionScores, lang),
  };
}

function compared(score: number | null, average: number | null): ComparedValue {
  return { score, agencyAverage: average, delta: score !== null && average !== null ? round1(score - average) : null };
}

/** Per dimension of the organisation's latest assessment: its score, the agency's average, the difference. */
export function buildComparison(organizationId: string, assessment: AssessmentBasis, peers: ComparisonRow, lang: Lang): Comparison {
  const content = contentOf(assessment);
  return {
    organizationId,
    modelId: assessment.modelId,
    modelVersion: assessment.modelVersion,
    at: assessment.assessedAt,
    organizationCount: peers.organizationCount,
    overall: compared(assessment.overallScore, peers.overallAverage),
    dimensions: axesOf(content, assessment.dimensionScores, lang).map((axis) => ({
      dimensionKey: axis.dimensionKey,
      title: axis.title,
      ...compared(axis.score, peers.dimensionAverages[axis.dimensionKey] ?? null),
    })),
  };
}
