import { Client } from 'pg';
import {
  DEFAULT_MATURITY_MODEL,
  DEFAULT_MODEL_EVIDENCE_KEYS,
  DEFAULT_MODEL_VERSION,
  DeclarativeCriterion,
  EvidenceInput,
  MaturityModelContent,
  scoreModel,
} from '@socle/evaluation';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { firstError } from './e2e-support';

const ASSESSMENT_FIELDS = `id status locale model { id version name builtIn } startedAt finalizedAt answeredCount questionCount overallScore
  level { number name } dimensions { key title score criteria { key kind score answerValue detail } }
  answers { id criterionKey value label comment attachments answeredBy } evidence { key value score explanation }
  recommendations { dimensionKey dimensionTitle criterionKey criterionTitle text gain roadmapStep { number title } }
  previousAssessmentId previousOverallScore trend { dimensionKey title score previousScore delta }`;

interface Assessment {
  id: string;
  status: string;
  locale: string;
  model: { id: string; version: number; name: string; builtIn: boolean };
  finalizedAt: string | null;
  answeredCount: number;
  questionCount: number;
  overallScore: number | null;
  level: { number: number; name: string } | null;
  dimensions: {
    key: string;
    title: string;
    score: number | null;
    criteria: { key: string; kind: string; score: number | null; answerValue: number | null; detail: string | null }[];
  }[];
  answers: {
    id: string;
    criterionKey: string;
    value: number;
    label: string;
    comment: string | null;
    attachments: string[];
    answeredBy: string;
  }[];
  evidence: { key: string; value: string | null; score: number; explanation: string }[];
  recommendations: {
    dimensionKey: string;
    criterionKey: string;
    text: string;
    gain: number;
    roadmapStep: { number: number; title: string } | null;
  }[];
  previousAssessmentId: string | null;
  previousOverallScore: number | null;
  trend: { dimensionKey: string; title: string; score: number | null; previousScore: number | null; delta: number | null }[];
}

const QUESTIONS = DEFAULT_MATURITY_MODEL.dimensions
  .flatMap((d) => d.criteria)
  .filter((c): c is DeclarativeCriterion => c.kind === 'DECLARATIVE');

/**
 * Assessments over GraphQL: start on the built-in or an agency model, answer,
 * finalise (evidence frozen, scores, level, recommendations), immutability
 * (API and SQL), trend against the previous one, who may answer, and the
 * organisation purge still removing finalised assessments.
 */
describe('maturity assessments', () => {
  let api: TestApi;
  let admin: Client;
  let owner: AgencySession;
  let org: string;

  const as = (organizationId = org, token = owner.token) => ({ token, organizationId });
  const start = async (modelId = 'default', organizationId = org, version?: number) =>
    api.gql<{ startAssessment: Assessment }>(
      `mutation ($input: StartAssessmentInput!) { startAssessment(input: $input) { ${ASSESSMENT_FIELDS} } }`,
      { input: { modelId, ...(version ? { version } : {}) } },
      as(organizationId),
    );
  const answer = (input: Record<string, unknown>, options = as()) =>
    api.gql<{ answerAssessmentCriterion: Assessment }>(
      `mutation ($input: AnswerAssessmentCriterionInput!) { answerAssessmentCriterion(input: $input) { ${ASSESSMENT_FIELDS} } }`,
      { input },
      options,
    );
  const finalize = (assessmentId: string) =>
    api.gql<{ finalizeAssessment: Assessment }>(
      `mutation ($id: ID!) { finalizeAssessment(input: { assessmentId: $id }) { ${ASSESSMENT_FIELDS} } }`,
      { id: assessmentId },
      as(),
    );
  const read = async (id: string) =>
    (await api.ok<{ assessment: Assessment }>(`query ($id: ID!) { assessment(id: $id) { ${ASSESSMENT_FIELDS} } }`, { id }, as()))
      .assessment;
  /** Starts, answers every question with `value(i)`, and finalises. */
  const complete = async (value: (i: number) => number): Promise<Assessment> => {
    const started = (await start()).body.data?.startAssessment as Assessment;
    for (const [i, q] of QUESTIONS.entries()) {
      const res = await answer({ assessmentId: started.id, criterionKey: q.key, value: value(i) });
      if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    }
    const done = await finalize(started.id);
    if (!done.body.data) throw new Error(JSON.stringify(done.body.errors));
    return done.body.data.finalizeAssessment;
  };

  beforeAll(async () => {
    api = await TestApi.start();
    owner = await signUpAgency(api, 'Agence Évaluation');
    org = await createOrganization(api, owner, 'Client Évalué');
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await api.stop();
  });

  it('answers, finalises, and scores as the model says, with evidence frozen and recommendations', async () => {
    const res = await start();
    const started = res.body.data?.startAssessment as Assessment;
    expect(started).toMatchObject({
      status: 'DRAFT',
      locale: 'FR',
      model: { id: 'default', version: DEFAULT_MODEL_VERSION, builtIn: true, name: 'Modèle de maturité Socle' },
      answeredCount: 0,
      questionCount: QUESTIONS.length,
      overallScore: null,
      level: null,
    });

    const first = QUESTIONS[0];
    const answered = await answer({
      assessmentId: started.id,
      criterionKey: first.key,
      value: 3,
      comment: 'Validé en comité',
      attachments: ['https://intranet.example/strategie.pdf'],
    });
    const after = answered.body.data?.answerAssessmentCriterion as Assessment;
    expect(after.answers).toEqual([
      expect.objectContaining({
        criterionKey: first.key,
        value: 3,
        label: 'En grande partie',
        comment: 'Validé en comité',
        attachments: ['https://intranet.example/strategie.pdf'],
        answeredBy: owner.userId,
      }),
    ]);
    expect(after.answeredCount).toBe(1);
    // Changing an answer replaces it, under the same id; read alone, the assessment shows it with that id.
    const changed = (await answer({ assessmentId: started.id, criterionKey: first.key, value: 4 })).body.data
      ?.answerAssessmentCriterion as Assessment;
    expect(changed.answers.map((a) => [a.id, a.value])).toEqual([[after.answers[0].id, 4]]);
    for (const q of QUESTIONS.slice(1, 6)) await answer({ assessmentId: started.id, criterionKey: q.key, value: 2 });
    const answerIds = new Map((await read(started.id)).answers.map((a) => [a.criterionKey, a.id]));
    expect(answerIds.get(first.key)).toBe(after.answers[0].id);
    // Each answer its own id, and the same criterion in another assessment is another answer.
    expect(new Set(answerIds.values()).size).toBe(6);
    const otherClient = await createOrganization(api, owner, 'Client Évalué Bis');
    const another = (await start('default', otherClient)).body.data?.startAssessment as Assessment;
    const elsewhere = (await answer({ assessmentId: another.id, criterionKey: first.key, value: 4 }, as(otherClient))).body.data
      ?.answerAssessmentCriterion as Assessment;
    expect(elsewhere.answers[0].id).not.toBe(after.answers[0].id);

    const done = (await finalize(started.id)).body.data?.finalizeAssessment as Assessment;
    expect(done.status).toBe('FINALIZED');
    expect(done.finalizedAt).not.toBeNull();
    // Evidence for every key the model reads, each explained in the organisation's language.
    expect(done.evidence.map((e) => e.key)).toEqual([...DEFAULT_MODEL_EVIDENCE_KEYS].sort());
    for (const e of done.evidence) {
      expect(e.score).toBeGreaterThanOrEqual(0);
      expect(e.score).toBeLessThanOrEqual(1);
      expect(e.explanation.length).toBeGreaterThan(0);
    }
    // The scores are the model's scoring of these answers and this evidence (unanswered questions count 0).
    const evidence = new Map<string, EvidenceInput>(
      done.evidence.map((e) => [e.key, { score: e.score, explanation: { en: e.explanation, fr: e.explanation } }]),
    );
    const answers = [{ criterionKey: first.key, value: 4 }, ...QUESTIONS.slice(1, 6).map((q) => ({ criterionKey: q.key, value: 2 }))];
    const expected = scoreModel(DEFAULT_MATURITY_MODEL, answers, evidence, { unansweredAsZero: true });
    expect(done.overallScore).toBe(expected.overall);
    expect(done.level?.number).toBe(expected.level?.number);
    expect(done.dimensions.map((d) => [d.key, d.score])).toEqual(expected.dimensions.map((d) => [d.key, d.score]));
    expect(done.dimensions[0].title).toBe('Stratégie et objectifs');
    expect(done.recommendations.map((r) => r.criterionKey)).toEqual(expected.recommendations.map((r) => r.criterionKey));
    expect(done.recommendations.length).toBe(5);
    const withStep = done.recommendations.find((r) => r.roadmapStep);
    expect(withStep?.roadmapStep?.title.length).toBeGreaterThan(0);
    expect(done.trend).toEqual([]);

    // The report file is built from the same finalised data, in the organisation's language.
    const report = await api.ok<{ assessmentReport: { base64: string } }>(
      'query ($id: ID!) { assessmentReport(input: { assessmentId: $id, format: CSV }) { base64 } }',
      { id: done.id },
      as(),
    );
    const csv = Buffer.from(report.assessmentReport.base64, 'base64').toString('utf8');
    expect(csv).toContain('Stratégie et objectifs');
    expect(csv).toContain('Client Évalué');
  });

  it('still answers and finalises an assessment started on version 1 of the built-in model, with the content it froze', async () => {
    // Version 1 asked the content criteria (measured from the content module since version 2) as questions.
    const CONTENT_KEYS = [
      'content.calendar',
      'content.regularity',
      'content.approval-workflow',
      'owned-media.media-kit',
      'training.employee-involvement',
    ];
    const v1: MaturityModelContent = structuredClone(DEFAULT_MATURITY_MODEL);
    // Nor did it pair set-up criteria with practice evidence (version 3).
    for (const c of v1.dimensions.flatMap((d) => d.criteria))
      if (c.kind === 'EVIDENCE') {
        delete c.practiceEvidenceKey;
        delete c.setupCap;
      }
    for (const d of v1.dimensions) {
      d.criteria = d.criteria.map((c) => {
        if (!CONTENT_KEYS.includes(c.key) || c.kind !== 'EVIDENCE') return c;
        const { evidenceKey: _measured, kind: _kind, ...rest } = c;
        return {
          ...rest,
          kind: 'DECLARATIVE',
          question: { fr: `${c.title.fr} ?`, en: `${c.title.en}?` },
          scale: structuredClone(QUESTIONS[0].scale),
        };
      });
    }
    expect(DEFAULT_MODEL_VERSION).toBeGreaterThan(1);
    const started = (await start()).body.data?.startAssessment as Assessment;
    await admin.query('UPDATE maturity_assessments SET model_version = 1, model_content = $2::jsonb WHERE id = $1', [
      started.id,
      JSON.stringify(v1),
    ]);
    expect((await read(started.id)).model).toMatchObject({ id: 'default', version: 1, builtIn: true });

    const answered = await answer({ assessmentId: started.id, criterionKey: 'content.calendar', value: 4 });
    expect(answered.body.errors).toBeUndefined();
    const done = (await finalize(started.id)).body.data?.finalizeAssessment as Assessment;
    expect(done).toMatchObject({ status: 'FINALIZED', model: { id: 'default', version: 1 } });
    const content = done.dimensions.find((d) => d.key === 'content');
    expect(content?.criteria.find((c) => c.key === 'content.calendar')).toMatchObject({ kind: 'DECLARATIVE', answerValue: 4, score: 1 });
    expect(content?.criteria.find((c) => c.key === 'content.regularity')).toMatchObject({ kind: 'DECLARATIVE', answerValue: null });
    // Only the evidence the frozen content reads was computed, and the scores are that content's.
    const v1Keys = [
      ...new Set(v1.dimensions.flatMap((d) => d.criteria.flatMap((c) => (c.kind === 'EVIDENCE' ? [c.evidenceKey] : [])))),
    ].sort();
    expect(done.evidence.map((e) => e.key)).toEqual(v1Keys);
    expect(v1Keys).not.toContain('content.calendarPlanned');
    const evidence = new Map<string, EvidenceInput>(
      done.evidence.map((e) => [e.key, { score: e.score, explanation: { en: e.explanation, fr: e.explanation } }]),
    );
    const expected = scoreModel(v1, [{ criterionKey: 'content.calendar', value: 4 }], evidence, { unansweredAsZero: true });
    expect(done.overallScore).toBe(expected.overall);
    expect(done.dimensions.map((d) => [d.key, d.score])).toEqual(expected.dimensions.map((d) => [d.key, d.score]));
  });

  it('refuses answers that are not on the scale, evidence criteria, unknown criteria and non-http attachments, storing nothing', async () => {
    const started = (await start()).body.data?.startAssessment as Assessment;
    const q = QUESTIONS[0];
    expect(firstError(await answer({ assessmentId: started.id, criterionKey: q.key, value: 9 })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.value',
    });
    expect(
      firstError(await answer({ assessmentId: started.id, criterionKey: 'strategy.objectives-measurable', value: 1 })).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.criterionKey' });
    expect(firstError(await answer({ assessmentId: started.id, criterionKey: 'nope', value: 1 })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.criterionKey',
    });
    expect(
      firstError(await answer({ assessmentId: started.id, criterionKey: q.key, value: 1, attachments: ['ftp://files.example/x'] }))
        .extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.attachments' });
    expect((await read(started.id)).answers).toEqual([]);
  });

  it('keeps a finalised assessment immutable: answering or finalising again is refused and nothing changes, also in SQL', async () => {
    const done = await complete(() => 1);
    const q = QUESTIONS[0];
    const again = firstError(await answer({ assessmentId: done.id, criterionKey: q.key, value: 4 }));
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ASSESSMENT_FINALIZED', field: 'input.assessmentId' });
    expect(again.message).toContain('Nothing was changed');
    expect(firstError(await finalize(done.id)).extensions).toMatchObject({ code: 'CONFLICT', reason: 'ASSESSMENT_FINALIZED' });
    expect(await read(done.id)).toEqual(done);

    await expect(admin.query('UPDATE maturity_assessments SET overall_score = 100 WHERE id = $1', [done.id])).rejects.toThrow(
      /finalised and cannot change/,
    );
    await expect(admin.query('DELETE FROM maturity_assessments WHERE id = $1', [done.id])).rejects.toThrow(/finalised and cannot change/);
    await expect(admin.query('UPDATE maturity_answers SET value = 4 WHERE assessment_id = $1', [done.id])).rejects.toThrow(/cannot change/);
    await expect(
      admin.query(`INSERT INTO maturity_answers (organization_id, assessment_id, criterion_key, value) VALUES ($1, $2, 'x', 1)`, [
        org,
        done.id,
      ]),
    ).rejects.toThrow(/cannot change/);
  });

  it('shows the trend against the previous finalised assessment, newest first in the list', async () => {
    const before = await complete(() => 1);
    const later = await complete(() => 3);
    expect(later.previousAssessmentId).toBe(before.id);
    expect(later.previousOverallScore).toBe(before.overallScore);
    expect(later.trend).toHaveLength(DEFAULT_MATURITY_MODEL.dimensions.length);
    for (const t of later.trend) {
      const previous = before.dimensions.find((d) => d.key === t.dimensionKey)?.score ?? null;
      expect(t.previousScore).toBe(previous);
      expect(t.delta).toBeCloseTo((t.score as number) - (previous as number), 5);
    }
    expect(later.trend.find((t) => t.dimensionKey === 'strategy')?.delta).toBeGreaterThan(0);

    // The report shows the previous overall score beside the new one.
    const report = await api.ok<{ assessmentReport: { base64: string } }>(
      'query ($id: ID!) { assessmentReport(input: { assessmentId: $id, format: CSV, locale: EN }) { base64 } }',
      { id: later.id },
      as(),
    );
    const overallRow = Buffer.from(report.assessmentReport.base64, 'base64').toString('utf8').split('\r\n')[1].split(',');
    expect(Number(overallRow[6])).toBe(later.overallScore);
    expect(Number(overallRow[7])).toBe(before.overallScore);

    const list = await api.ok<{
      assessments: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    }>('{ assessments(first: 2) { edges { node { id status } } pageInfo { hasNextPage endCursor } } }', {}, as());
    expect(list.assessments.edges.map((e) => e.node.id)).toEqual([later.id, before.id]);
    expect(list.assessments.pageInfo.hasNextPage).toBe(true);
    const next = await api.ok<{ assessments: { edges: { node: { id: string } }[] } }>(
      'query ($after: String) { assessments(first: 2, after: $after) { edges { node { id } } } }',
      { after: list.assessments.pageInfo.endCursor },
      as(),
    );
    expect(next.assessments.edges.map((e) => e.node.id)).not.toContain(later.id);
  });

  it("uses a published version of the organisation's own agency's model, and never another agency's", async () => {
    const created = await api.ok<{ createMaturityModel: { id: string } }>(
      'mutation { createMaturityModel(input: { name: "Agence", fromModelId: "default" }) { id } }',
      {},
      { token: owner.token },
    );
    const modelId = created.createMaturityModel.id;
    // A draft only: not usable yet.
    expect(firstError(await start(modelId)).extensions.code).toBe('NOT_FOUND');
    await api.ok(
      'mutation ($id: ID!) { publishMaturityModelVersion(input: { modelId: $id }) { version } }',
      { id: modelId },
      { token: owner.token },
    );
    const own = (await start(modelId)).body.data?.startAssessment as Assessment;
    expect(own.model).toMatchObject({ id: modelId, version: 1, builtIn: false, name: 'Agence' });
    expect(firstError(await start(modelId, org, 7)).extensions.code).toBe('NOT_FOUND');

    const other = await signUpAgency(api, 'Autre Agence');
    const otherOrg = await createOrganization(api, other, 'Autre client');
    const res = await api.gql(
      'mutation ($id: ID!) { startAssessment(input: { modelId: $id }) { id } }',
      { id: modelId },
      { token: other.token, organizationId: otherOrg },
    );
    expect(firstError(res).extensions.code).toBe('NOT_FOUND');
    expect(res.body.data ?? null).toBeNull();
  });

  it('lets a VIEWER read but not answer', async () => {
    const started = (await start()).body.data?.startAssessment as Assessment;
    const viewer = await addOrganizationMember(api, owner, org, ['VIEWER']);
    const res = await answer({ assessmentId: started.id, criterionKey: QUESTIONS[0].key, value: 2 }, as(org, viewer.token));
    expect(firstError(res).extensions.code).toBe('FORBIDDEN');
    const seen = await api.ok<{ assessment: { id: string; answers: unknown[] } }>(
      'query ($id: ID!) { assessment(id: $id) { id answers { value } } }',
      { id: started.id },
      as(org, viewer.token),
    );
    expect(seen.assessment).toEqual({ id: started.id, answers: [] });
  });

  it('still lets the purge of a deleted organisation remove its finalised assessments', async () => {
    const purged = await createOrganization(api, owner, 'Client supprimé');
    const started = (await start('default', purged)).body.data?.startAssessment as Assessment;
    await answer({ assessmentId: started.id, criterionKey: QUESTIONS[0].key, value: 2 }, as(purged));
    await api.ok('mutation ($id: ID!) { finalizeAssessment(input: { assessmentId: $id }) { id } }', { id: started.id }, as(purged));
    const app = new Client({ connectionString: process.env.DATABASE_URL });
    await app.connect();
    const deleteAll = async () => {
      await app.query('BEGIN');
      await app.query("SELECT set_config('socle.organization_id', $1, true)", [purged]);
      try {
        await app.query('DELETE FROM maturity_answers WHERE organization_id = $1', [purged]);
        return await app.query('DELETE FROM maturity_assessments WHERE organization_id = $1', [purged]);
      } finally {
        await app.query('ROLLBACK');
      }
    };
    try {
      await expect(deleteAll()).rejects.toThrow(/cannot change/);
      await admin.query("UPDATE organizations SET status = 'DELETION_PENDING', deletion_requested_at = now() WHERE id = $1", [purged]);
      expect((await deleteAll()).rowCount).toBe(1);
    } finally {
      await app.end();
    }
  });
});
