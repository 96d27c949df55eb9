import { DEFAULT_MATURITY_MODEL } from '@socle/evaluation';
import type { AttackModule } from './attack-module';

const CONTENT = JSON.stringify(DEFAULT_MATURITY_MODEL);

/** Maturity models (agency B's) and assessments (organisation B's). */
export const evaluationAttacks: AttackModule = {
  name: 'evaluation',
  async setup({ asOwner, b, orgB }) {
    // B's agency: a model with a published version, another with a draft only.
    const [published] = await asOwner<{ id: string }>(
      `INSERT INTO maturity_models (agency_id, name) VALUES ($1, 'Modèle B') RETURNING id`,
      [b.agencyId],
    );
    await asOwner(
      `INSERT INTO maturity_model_versions (agency_id, model_id, version, status, content, published_at) VALUES ($1, $2, 1, 'PUBLISHED', $3::jsonb, now())`,
      [b.agencyId, published.id, CONTENT],
    );
    const [draft] = await asOwner<{ id: string }>(`INSERT INTO maturity_models (agency_id, name) VALUES ($1, 'Brouillon B') RETURNING id`, [
      b.agencyId,
    ]);
    await asOwner(
      `INSERT INTO maturity_model_versions (agency_id, model_id, version, status, content) VALUES ($1, $2, 1, 'DRAFT', $3::jsonb)`,
      [b.agencyId, draft.id, CONTENT],
    );
    // B's organisation: a draft assessment with one answer.
    const [assessment] = await asOwner<{ id: string }>(
      `INSERT INTO maturity_assessments (organization_id, model_id, model_version, model_content, started_by) VALUES ($1, 'default', 1, $2::jsonb, $3) RETURNING id`,
      [orgB, CONTENT, b.userId],
    );
    await asOwner(
      `INSERT INTO maturity_answers (organization_id, assessment_id, criterion_key, value) VALUES ($1, $2, 'strategy.written-and-integrated', 2)`,
      [orgB, assessment.id],
    );
    return { modelB: published.id, draftModelB: draft.id, assessmentB: assessment.id };
  },
  attacks: {
    maturityModels: () => [{ query: '{ maturityModels(first: 5) { edges { node { id } } } }', options: 'agencyB' }],
    maturityModel: ({ modelB }) => [
      { query: `{ maturityModel(id: "${modelB}") { id versions { content } } }`, options: 'agencyB' },
      { query: `{ maturityModel(id: "${modelB}") { id versions { content } } }`, options: 'agency' },
    ],
    exportMaturityModel: ({ modelB }) => [
      { query: `{ exportMaturityModel(modelId: "${modelB}") }`, options: 'agencyB' },
      { query: `{ exportMaturityModel(modelId: "${modelB}", version: 1) }`, options: 'agency' },
    ],
    createMaturityModel: ({ modelB }) => [
      { query: 'mutation { createMaturityModel(input: { name: "pwned" }) { id } }', options: 'agencyB' },
      {
        query: `mutation { createMaturityModel(input: { name: "copy", fromModelId: "${modelB}" }) { id versions { content } } }`,
        options: 'agency',
      },
    ],
    updateMaturityModelDraft: ({ draftModelB }) => [
      {
        query: `mutation { updateMaturityModelDraft(input: { modelId: "${draftModelB}", content: { name: "x" } }) { version } }`,
        options: 'agencyB',
      },
      {
        query: `mutation { updateMaturityModelDraft(input: { modelId: "${draftModelB}", content: { name: "x" } }) { version } }`,
        options: 'agency',
      },
    ],
    publishMaturityModelVersion: ({ draftModelB }) => [
      { query: `mutation { publishMaturityModelVersion(input: { modelId: "${draftModelB}" }) { version } }`, options: 'agencyB' },
      { query: `mutation { publishMaturityModelVersion(input: { modelId: "${draftModelB}" }) { version } }`, options: 'agency' },
    ],
    importMaturityModel: () => [
      { query: 'mutation { importMaturityModel(input: { name: "pwned", json: "{}" }) { id } }', options: 'agencyB' },
    ],
    assessments: () => [{ query: '{ assessments(first: 5) { edges { node { id } } } }', options: 'orgB' }],
    assessment: ({ assessmentB }) => [
      { query: `{ assessment(id: "${assessmentB}") { id answers { value } } }`, options: 'orgB' },
      { query: `{ assessment(id: "${assessmentB}") { id answers { value } } }`, options: 'orgA' },
    ],
    startAssessment: ({ modelB }) => [
      { query: 'mutation { startAssessment(input: { modelId: "default" }) { id } }', options: 'orgB' },
      { query: `mutation { startAssessment(input: { modelId: "${modelB}" }) { id dimensions { title } } }`, options: 'orgA' },
    ],
    answerAssessmentCriterion: ({ assessmentB }) => [
      {
        query: `mutation { answerAssessmentCriterion(input: { assessmentId: "${assessmentB}", criterionKey: "strategy.written-and-integrated", value: 4 }) { id } }`,
        options: 'orgB',
      },
      {
        query: `mutation { answerAssessmentCriterion(input: { assessmentId: "${assessmentB}", criterionKey: "strategy.written-and-integrated", value: 4 }) { id } }`,
        options: 'orgA',
      },
    ],
    finalizeAssessment: ({ assessmentB }) => [
      { query: `mutation { finalizeAssessment(input: { assessmentId: "${assessmentB}" }) { id } }`, options: 'orgB' },
      { query: `mutation { finalizeAssessment(input: { assessmentId: "${assessmentB}" }) { id } }`, options: 'orgA' },
      // Dating B's assessment from A (an earlier day: a leak would finalise and date it).
      {
        query: `mutation { finalizeAssessment(input: { assessmentId: "${assessmentB}", assessedOn: "2026-01-05" }) { id assessedOn } }`,
        options: 'orgA',
      },
    ],
    // A leak would show as a file or as BAD_USER_INPUT (B's assessment is a draft): both fail the runner.
    assessmentReportLink: ({ assessmentB }) => [
      { query: `{ assessmentReportLink(input: { assessmentId: "${assessmentB}", format: PDF }) { url } }`, options: 'orgB' },
      { query: `{ assessmentReportLink(input: { assessmentId: "${assessmentB}", format: CSV }) { url } }`, options: 'orgA' },
    ],
    assessmentReport: ({ assessmentB }) => [
      { query: `{ assessmentReport(input: { assessmentId: "${assessmentB}", format: PDF }) { filename base64 } }`, options: 'orgB' },
      { query: `{ assessmentReport(input: { assessmentId: "${assessmentB}", format: CSV }) { filename base64 } }`, options: 'orgA' },
    ],
  },
  snapshot: ({ api, b, orgB }) =>
    Promise.all([
      api.ok(
        '{ maturityModels(first: 50) { edges { node { id name updatedAt versions { version status updatedAt content } } } } }',
        {},
        { token: b.token },
      ),
      api.ok(
        '{ assessments(first: 50) { edges { node { id status overallScore assessedAt answers { criterionKey value answeredAt } } } } }',
        {},
        { token: b.token, organizationId: orgB },
      ),
    ]),
  // The published JSON Schema of the export format: public, no tenant.
  selfOnly: ['maturityModelJsonSchema'],
};
