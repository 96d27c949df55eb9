import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import request from 'supertest';
import { ReportLinks } from '@socle/evaluation';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { firstError, leaksIn } from './e2e-support';

/** The text of every page, read back by pdf.js (an ES module: it runs in a child Node process). */
function pdfText(pdf: Buffer): string[] {
  const script = `
    import { getDocument } from '${pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href}';
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), verbosity: 0 }).promise;
    const pages = [];
    for (let i = 1; i <= pdf.numPages; i++) {
      const content = await (await pdf.getPage(i)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '') + (item.hasEOL ? '\\n' : '')).join(''));
    }
    process.stdout.write(JSON.stringify(pages));`;
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { input: pdf, timeout: 60_000 }).toString('utf8'),
  ) as string[];
}

/** Compares texts whatever the line wrapping: without any whitespace. */
const squeeze = (text: string) => text.replace(/[\s\u00a0]+/g, '');

interface ReportFile {
  filename: string;
  contentType: string;
  byteLength: number;
  base64: string;
}
interface AssessmentView {
  id: string;
  overallScore: number;
  level: { number: number; name: string };
  dimensions: {
    key: string;
    title: string;
    criteria: { key: string; kind: string; detail: string | null; scale: { value: number }[] }[];
  }[];
  recommendations: { text: string }[];
}

const REPORT = `query ($input: AssessmentReportInput!) { assessmentReport(input: $input) { filename contentType byteLength base64 } }`;
const ASSESSMENT_FIELDS = `id overallScore level { number name } dimensions { key title criteria { key kind detail scale { value } } } recommendations { text }`;

describe('assessment report download over GraphQL', () => {
  let api: TestApi;
  let owner: AgencySession;
  let orgId: string;
  let assessment: AssessmentView;
  const comment = 'Validé en comité ; la « charte » doit encore être "diffusée".\nDeuxième ligne.';

  beforeAll(async () => {
    api = await TestApi.start();
    owner = await signUpAgency(api, 'Agence Côté Réseaux');
    orgId = await createOrganization(api, owner, 'Boulangerie Lefèvre & Fils');
    const as = { token: owner.token, organizationId: orgId };
    const started = await api.ok<{ startAssessment: AssessmentView }>(
      `mutation ($input: StartAssessmentInput!) { startAssessment(input: $input) { ${ASSESSMENT_FIELDS} } }`,
      { input: { modelId: 'default' } },
      as,
    );
    const criterion = started.startAssessment.dimensions.flatMap((d) => d.criteria).find((c) => c.kind === 'DECLARATIVE');
    if (!criterion) throw new Error('the default model has no declarative criterion');
    await api.ok(
      `mutation ($input: AnswerAssessmentCriterionInput!) { answerAssessmentCriterion(input: $input) { id } }`,
      { input: { assessmentId: started.startAssessment.id, criterionKey: criterion.key, value: criterion.scale[2].value, comment } },
      as,
    );
    const finalized = await api.ok<{ finalizeAssessment: AssessmentView }>(
      `mutation ($input: FinalizeAssessmentInput!) { finalizeAssessment(input: $input) { ${ASSESSMENT_FIELDS} } }`,
      { input: { assessmentId: started.startAssessment.id } },
      as,
    );
    assessment = finalized.finalizeAssessment;
  });

  afterAll(async () => {
    await api.stop();
  });

  it('returns the PDF in the organisation’s language with the scores, dimensions, evidence and recommendations', async () => {
    const data = await api.ok<{ assessmentReport: ReportFile }>(
      REPORT,
      { input: { assessmentId: assessment.id, format: 'PDF' } },
      { token: owner.token, organizationId: orgId },
    );
    const file = data.assessmentReport;
    const pdf = Buffer.from(file.base64, 'base64');
    expect(file.contentType).toBe('application/pdf');
    expect(file.byteLength).toBe(pdf.length);
    expect(file.filename).toMatch(/^rapport-maturite-boulangerie-lefevre-fils-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const pages = pdfText(pdf);
    const text = squeeze(pages.join('\n'));
    expect(text).toContain(squeeze('Boulangerie Lefèvre & Fils'));
    expect(text).toContain(squeeze('Préparé par Agence Côté Réseaux'));
    expect(text).toContain('SCOREGLOBAL');
    expect(text).toContain(squeeze(`${assessment.overallScore.toFixed(1).replace('.', ',')} / 100`));
    expect(text).toContain(squeeze(`${assessment.level.number} — ${assessment.level.name}`));
    for (const heading of ['Scores par dimension', 'Détail des critères', 'Recommandations']) expect(text).toContain(squeeze(heading));
    for (const d of assessment.dimensions) expect(text).toContain(squeeze(d.title));
    const evidence = assessment.dimensions.flatMap((d) => d.criteria).find((c) => c.kind === 'EVIDENCE' && c.detail);
    expect(evidence).toBeDefined();
    expect(text).toContain(squeeze(evidence?.detail ?? ''));
    expect(text).toContain(squeeze(assessment.recommendations[0].text));
    expect(text).toContain(squeeze('la « charte » doit encore être "diffusée".'));
    pages.forEach((page, i) => expect(squeeze(page)).toContain(`Page${i + 1}/${pages.length}`));
  });

  it('returns the CSV, semicolon-separated with a decimal comma in French, or in English when asked', async () => {
    const as = { token: owner.token, organizationId: orgId };
    const fr = (await api.ok<{ assessmentReport: ReportFile }>(REPORT, { input: { assessmentId: assessment.id, format: 'CSV' } }, as))
      .assessmentReport;
    const csv = Buffer.from(fr.base64, 'base64');
    expect(fr.contentType).toBe('text/csv; charset=utf-8');
    expect(fr.filename).toMatch(/\.csv$/);
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const body = csv.toString('utf8').slice(1);
    expect(body.split('\r\n')[0]).toBe(
      'Type de ligne;Dimension;Clé du critère;Critère;Nature;Poids;Score (0-100);Score précédent (0-100);Détail;Commentaire',
    );
    expect(body).toContain(`Global;;;;;;${assessment.overallScore.toFixed(1).replace('.', ',')};`);
    expect(body).toContain('"Validé en comité ; la « charte » doit encore être ""diffusée"".\nDeuxième ligne."');

    const en = (
      await api.ok<{ assessmentReport: ReportFile }>(REPORT, { input: { assessmentId: assessment.id, format: 'PDF', locale: 'EN' } }, as)
    ).assessmentReport;
    expect(en.filename).toMatch(/^maturity-report-boulangerie-lefevre-fils-/);
    const text = squeeze(pdfText(Buffer.from(en.base64, 'base64')).join('\n'));
    expect(text).toContain('OVERALLSCORE');
    expect(text).toContain(squeeze('Scores by dimension'));
    expect(text).not.toContain('Scoreglobal');
  });

  it('refuses an unknown assessment, a draft, a bad input and a role without assessments.read, without leaking anything', async () => {
    const as = { token: owner.token, organizationId: orgId };
    const unknown = await api.gql(REPORT, { input: { assessmentId: '00000000-0000-4000-8000-000000000000', format: 'PDF' } }, as);
    expect(firstError(unknown).extensions.code).toBe('NOT_FOUND');

    const draft = await api.ok<{ startAssessment: { id: string } }>(
      `mutation ($input: StartAssessmentInput!) { startAssessment(input: $input) { id } }`,
      { input: { modelId: 'default' } },
      as,
    );
    const refused = await api.gql(REPORT, { input: { assessmentId: draft.startAssessment.id, format: 'CSV' } }, as);
    expect(firstError(refused).extensions.code).toBe('BAD_USER_INPUT');
    expect(firstError(refused).extensions.field).toBe('assessmentId');

    const badId = await api.gql(REPORT, { input: { assessmentId: 'not-an-id', format: 'PDF' } }, as);
    expect(firstError(badId).extensions.code).toBe('BAD_USER_INPUT');
    expect(firstError(badId).message).toContain('input.assessmentId');
    const badFormat = await api.gql(REPORT, { input: { assessmentId: assessment.id, format: 'DOCX' } }, as);
    expect(badFormat.body.errors?.length).toBeGreaterThan(0);
    expect(badFormat.body.data ?? null).toBeNull();

    const contributor = await addOrganizationMember(api, owner, orgId, ['CONTRIBUTOR']);
    const forbidden = await api.gql(
      REPORT,
      { input: { assessmentId: assessment.id, format: 'PDF' } },
      { token: contributor.token, organizationId: orgId },
    );
    expect(firstError(forbidden).extensions.code).toBe('FORBIDDEN');
    const viewer = await addOrganizationMember(api, owner, orgId, ['VIEWER']);
    const allowed = await api.ok<{ assessmentReport: ReportFile }>(
      REPORT,
      { input: { assessmentId: assessment.id, format: 'CSV' } },
      { token: viewer.token, organizationId: orgId },
    );
    expect(allowed.assessmentReport.byteLength).toBeGreaterThan(0);

    for (const res of [unknown, refused, badId, badFormat, forbidden]) expect(leaksIn(res.body)).toEqual([]);
  });

  it('gives another organisation of the same agency nothing', async () => {
    const otherOrg = await createOrganization(api, owner, 'Autre client');
    const res = await api.gql(
      REPORT,
      { input: { assessmentId: assessment.id, format: 'PDF' } },
      { token: owner.token, organizationId: otherOrg },
    );
    expect(firstError(res).extensions.code).toBe('NOT_FOUND');
    expect(res.body.data ?? null).toBeNull();
  });

  describe('download links', () => {
    const LINK = 'query ($input: AssessmentReportInput!) { assessmentReportLink(input: $input) { url expiresAt filename } }';
    const pathOf = (url: string) => new URL(url).pathname;

    it('gives a five-minute link whose GET is the file, as an attachment, never cached', async () => {
      const link = (
        await api.ok<{ assessmentReportLink: { url: string; expiresAt: string; filename: string } }>(
          LINK,
          { input: { assessmentId: assessment.id, format: 'PDF' } },
          { token: owner.token, organizationId: orgId },
        )
      ).assessmentReportLink;
      expect(link.url.startsWith(`${api.config.PUBLIC_URL.replace(/\/+$/, '')}/reports/`)).toBe(true);
      const ttl = Date.parse(link.expiresAt) - Date.now();
      expect(ttl).toBeGreaterThan(4 * 60_000);
      expect(ttl).toBeLessThanOrEqual(5 * 60_000);
      const res = await request(api.server)
        .get(pathOf(link.url))
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain(`filename="${link.filename}"`);
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(squeeze(pdfText(res.body as Buffer).join(' '))).toContain(squeeze('Boulangerie Lefèvre & Fils'));
    });

    it('refuses a tampered, foreign or expired link, and a link to a draft is never issued', async () => {
      const link = (
        await api.ok<{ assessmentReportLink: { url: string } }>(
          LINK,
          { input: { assessmentId: assessment.id, format: 'CSV' } },
          { token: owner.token, organizationId: orgId },
        )
      ).assessmentReportLink;
      const token = pathOf(link.url).split('/').pop() as string;
      const [body, signature] = token.split('.');
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown[];
      const other = await createOrganization(api, owner, 'Autre Client');
      const forged = Buffer.from(JSON.stringify([other, ...claims.slice(1)])).toString('base64url');
      expect((await request(api.server).get(`/reports/${forged}.${signature}`)).status).toBe(404);
      expect(
        (await request(api.server).get(`/reports/${body}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`)).status,
      ).toBe(404);
      expect((await request(api.server).get('/reports/nonsense')).status).toBe(404);
      const links = api.app.get(ReportLinks);
      const expired = links.sign({
        organizationId: orgId,
        assessmentId: assessment.id,
        format: 'CSV',
        userId: null,
        expiresAt: Date.now() - 1,
      });
      const gone = await request(api.server).get(`/reports/${expired}`);
      expect(gone.status).toBe(410);
      expect(gone.text).toContain('expired');
      // Signed for another organisation, the link finds nothing there: row-level security holds underneath.
      const elsewhere = links.sign({
        organizationId: other,
        assessmentId: assessment.id,
        format: 'CSV',
        userId: null,
        expiresAt: Date.now() + 60_000,
      });
      expect((await request(api.server).get(`/reports/${elsewhere}`)).status).toBe(404);

      const as = { token: owner.token, organizationId: orgId };
      const draft = await api.ok<{ startAssessment: { id: string } }>(
        'mutation { startAssessment(input: { modelId: "default" }) { id } }',
        {},
        as,
      );
      const refused = await api.gql(LINK, { input: { assessmentId: draft.startAssessment.id, format: 'PDF' } }, as);
      expect(firstError(refused).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    });
  });
});
