export * from './lib/report/assessment-report';
export * from './lib/model/model-content';
export { scoreModel, levelFor, AnswerInput, EvidenceInput, CriterionScore, DimensionScore, Recommendation, ScoreResult, ScoreOptions } from './lib/model/scoring';
