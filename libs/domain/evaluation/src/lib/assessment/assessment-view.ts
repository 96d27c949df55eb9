import { derivedId } from '@socle/platform-graphql';
import type { Localised, MaturityLevel } from '../model/model-content';
import { DEFAULT_MODEL_ID } from '../model/default-model';
import { EvidenceInput, scoreModel } from '../model/scoring';
import type { MaturityAnswerEntity } from './entities';
import type { AssessmentRecord } from './assessment.repository';
import {
  AssessmentCriterionObject,
  AssessmentLevelObject,
  AssessmentObject,
  AssessmentStatusEnum,
  CriterionKindEnum,
  DimensionTrendObject,
  RoadmapStepRefObject,
} from './assessment.dto';
import { roadmapStepTitle } from './roadmap-steps';
import { localDay } from './assessed-on';

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Per dimension of `current`, the change since `previous` (null where either has no score). */
export function dimensionTrend(
  dimensions: { key: string; title: string }[],
  current: Record<string, number | null>,
  previous: Record<string, number | null> | null,
): DimensionTrendObject[] {
  if (!previous) return [];
  return dimensions.map((d) => {
    const score = current[d.key] ?? null;
    const previousScore = previous[d.key] ?? null;
    return {
      dimensionKey: d.key,
      title: d.title,
      score,
      previousScore,
      delta: score !== null && previousScore !== null ? round1(score - previousScore) : null,
    };
  });
}

/**
 * An assessment as the API shows it, in the organisation's language. A
 * finalised assessment is scored again from its frozen content, answers and
 * evidence (the same numbers it stored) to show each criterion's score.
 */
export function toAssessmentObject(record: AssessmentRecord, answers: MaturityAnswerEntity[]): AssessmentObject {
  const locale = record.locale;
  const t = (text: Localised): string => text[locale];
  const content = record.modelContent;
  const finalized = record.status === 'FINALIZED';
  const answerByKey = new Map(answers.map((a) => [a.criterionKey, a]));
  const evidence = new Map<string, EvidenceInput>(
    Object.entries(record.evidence ?? {}).map(([k, e]) => [k, { score: e.score, explanation: e.explanation }]),
  );
  const scored = finalized
    ? scoreModel(
        content,
        answers.map((a) => ({ criterionKey: a.criterionKey, value: a.value })),
        evidence,
        { unansweredAsZero: true },
      )
    : null;
  const step = (n: number | undefined): RoadmapStepRefObject | null => (n ? { number: n, title: roadmapStepTitle(n, locale) } : null);
  const level = (l: MaturityLevel): AssessmentLevelObject => ({
    number: l.number,
    name: t(l.name),
    description: t(l.description),
    minScore: l.minScore,
  });

  let questionCount = 0;
  const dimensions = content.dimensions.map((d, i) => ({
    key: d.key,
    title: t(d.title),
    description: t(d.description),
    weight: d.weight,
    score: finalized ? (record.dimensionScores?.[d.key] ?? null) : null,
    criteria: d.criteria.map((c, j): AssessmentCriterionObject => {
      const base = {
        key: c.key,
        kind: c.kind as CriterionKindEnum,
        title: t(c.title),
        weight: c.weight,
        source: c.source,
        roadmapStep: step(c.roadmapStep),
      };
      if (c.kind === 'EVIDENCE') {
        const e = record.evidence?.[c.evidenceKey];
        return {
          ...base,
          question: null,
          scale: [],
          evidenceKey: c.evidenceKey,
          answerValue: null,
          score: scored?.dimensions[i].criteria[j].score ?? null,
          detail: e ? t(e.explanation) : null,
        };
      }
      questionCount += 1;
      const answer = answerByKey.get(c.key);
      const option = answer ? c.scale.find((o) => o.value === answer.value) : undefined;
      return {
        ...base,
        question: t(c.question),
        evidenceKey: null,
        answerValue: answer?.value ?? null,
        scale: c.scale.map((o) => ({ value: o.value, score: o.score, label: t(o.label), meaning: t(o.meaning) })),
        score: finalized ? (scored?.dimensions[i].criteria[j].score ?? null) : (option?.score ?? null),
        detail: option ? `${t(option.label)}: ${t(option.meaning)}` : null,
      };
    }),
  }));

  const criteria = new Map(content.dimensions.flatMap((d) => d.criteria.map((c) => [c.key, { dimension: d, criterion: c }] as const)));
  const levelReached = record.level === null ? null : (content.levels.find((l) => l.number === record.level) ?? null);
  return {
    id: record.id,
    status: record.status as AssessmentStatusEnum,
    locale,
    model: {
      id: record.modelId,
      version: record.modelVersion,
      name: t(content.name),
      builtIn: record.modelId === DEFAULT_MODEL_ID && record.modelAgencyId === null,
    },
    startedAt: record.startedAt,
    startedBy: record.startedBy,
    finalizedAt: record.finalizedAt,
    finalizedBy: record.finalizedBy,
    assessedAt: record.assessedAt,
    assessedOn: record.assessedAt ? localDay(record.assessedAt, record.timeZone) : null,
    answeredCount: answers.filter((a) => criteria.get(a.criterionKey)?.criterion.kind === 'DECLARATIVE').length,
    questionCount,
    overallScore: record.overallScore,
    level: levelReached ? level(levelReached) : null,
    levels: content.levels.map(level),
    dimensions,
    answers: answers.map((a) => {
      const c = criteria.get(a.criterionKey)?.criterion;
      const option = c?.kind === 'DECLARATIVE' ? c.scale.find((o) => o.value === a.value) : undefined;
      return {
        id: derivedId('AssessmentAnswer', record.id, a.criterionKey),
        criterionKey: a.criterionKey,
        value: a.value,
        label: option ? t(option.label) : String(a.value),
        comment: a.comment,
        attachments: a.attachments,
        answeredBy: a.answeredBy,
        answeredAt: a.answeredAt,
      };
    }),
    evidence: Object.entries(record.evidence ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, e]) => ({
        key,
        value: e.value === null || e.value === undefined ? null : String(e.value),
        score: e.score,
        explanation: t(e.explanation),
      })),
    recommendations: (record.recommendations ?? []).map((r) => {
      const found = criteria.get(r.criterionKey);
      return {
        dimensionKey: r.dimensionKey,
        dimensionTitle: found ? t(found.dimension.title) : r.dimensionKey,
        criterionKey: r.criterionKey,
        criterionTitle: found ? t(found.criterion.title) : r.criterionKey,
        text: t(r.text),
        gain: r.gain,
        roadmapStep: step(r.roadmapStep),
      };
    }),
    previousAssessmentId: record.previousId,
    previousOverallScore: record.previousOverallScore,
    trend: finalized
      ? dimensionTrend(
          dimensions.map((d) => ({ key: d.key, title: d.title })),
          record.dimensionScores ?? {},
          record.previousDimensionScores,
        )
      : [],
  };
}
