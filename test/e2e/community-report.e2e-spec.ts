import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Client } from 'pg';
import request from 'supertest';
import { CommunityReportRepository, ReportLinks } from '@socle/evaluation';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { adminDatabase, firstError, leaksIn } from './e2e-support';

/** The text of every page, read back by pdf.js in a child Node process (an ES module), whitespace removed. */
function pdfText(pdf: Buffer): string {
  const script = `
    import { getDocument } from '${pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href}';
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), verbosity: 0 }).promise;
    let text = '';
    for (let i = 1; i <= pdf.numPages; i++) text += (await (await pdf.getPage(i)).getTextContent()).items.map((item) => item.str ?? '').join('');
    process.stdout.write(text);`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { input: pdf, timeout: 60_000 })
    .toString('utf8')
    .replace(/[\s\u00a0]+/g, '');
}

const REPORT = `query ($kind: CommunityReportKind!, $periodStart: Date!, $locale: Locale) {
  communityReport(kind: $kind, periodStart: $periodStart, locale: $locale) {
    kind locale organizationName timeZone
    period { label firstDay lastDay start end complete } previousPeriod { label firstDay }
    volume { interval points { date total positive neutral negative averageSentiment } totals { total positive neutral negative averageSentiment }
             previousTotals { total negative } }
    topAuthors { name mentions } topTopics { terms { name mentions } queries { name mentions previousMentions } }
    shareOfVoice { total sides { kind name mentions share } }
    inbox { received answered breaches medianFirstResponseMinutes slaMinutes }
    kpis { name measure status value target }
    alerts { observedCount } topPublications { title network publishedAt engagement } publications { network published planned } } }`;
const LINK = `query ($kind: CommunityReportKind!, $periodStart: Date!, $format: AssessmentReportFormat!, $locale: Locale) {
  communityReportLink(kind: $kind, periodStart: $periodStart, format: $format, locale: $locale) { url expiresAt filename } }`;

interface Report {
  kind: string;
  locale: string;
  period: { label: string; firstDay: string; lastDay: string; start: string; end: string; complete: boolean };
  previousPeriod: { label: string; firstDay: string };
  volume: {
    interval: string;
    points: { date: string; total: number; positive: number; neutral: number; negative: number; averageSentiment: number | null }[];
    totals: { total: number; positive: number; neutral: number; negative: number; averageSentiment: number | null };
    previousTotals: { total: number; negative: number };
  };
  topAuthors: { name: string; mentions: number }[];
  topTopics: { terms: { name: string; mentions: number }[]; queries: { name: string; mentions: number; previousMentions: number }[] };
  shareOfVoice: { total: number; sides: { kind: string; name: string; mentions: number; share: number }[] };
  inbox: { received: number; answered: number; breaches: number; medianFirstResponseMinutes: number | null; slaMinutes: number | null };
  kpis: { name: string; measure: string | null; status: string; value: number | null; target: number }[];
  alerts: { observedCount: number }[] | null;
  topPublications: { title: string; network: string; publishedAt: string; engagement: number | null }[] | null;
  publications: { network: string; published: number; planned: number | null }[] | null;
}

/**
 * The quarterly and monthly community reports through GraphQL and the signed
 * download: an organisation in Paris with mentions (one on each side of the
 * quarter's local midnight), inbox items, a KPI, a publishing plan and a post,
 * next to another organisation whose data must never show.
 */
describe('community reports', () => {
  let api: TestApi;
  let admin: Client;
  let owner: AgencySession;
  let org: string;
  let otherOrg: string;

  const as = (organizationId: string) => ({ token: owner.token, organizationId });
  const report = async (variables: Record<string, unknown>, organizationId = org) =>
    (await api.ok<{ communityReport: Report }>(REPORT, variables, as(organizationId))).communityReport;
  const download = (path: string) =>
    request(api.server)
      .get(path)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const link = async (variables: Record<string, unknown>) =>
    (await api.ok<{ communityReportLink: { url: string; expiresAt: string; filename: string } }>(LINK, variables, as(org)))
      .communityReportLink;
  const produced = async (kind: string) =>
    Number(
      (
        await admin.query(
          `SELECT count(*) FROM audit_events WHERE organization_id = $1 AND action = 'communityReport.produced' AND metadata ->> 'kind' = $2`,
          [org, kind],
        )
      ).rows[0].count,
    );

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Rapports');
    org = await createOrganization(api, owner, 'Boulangerie Rapport');
    otherOrg = await createOrganization(api, owner, 'Autre client rapport');
    await admin.query(`UPDATE organizations SET timezone = 'Europe/Paris', locale = 'fr' WHERE id = $1`, [org]);
    const [rival] = (await admin.query(`INSERT INTO competitors (organization_id, name) VALUES ($1, 'Fournil Rival') RETURNING id`, [org]))
      .rows;
    const query = async (organizationId: string, kind: string, name: string, competitorId: string | null = null) =>
      (
        await admin.query(
          `INSERT INTO listening_queries (organization_id, kind, competitor_id, name, query, active) VALUES ($1, $2, $3, $4, 'x', false) RETURNING id`,
          [organizationId, kind, competitorId, name],
        )
      ).rows[0].id as string;
    const brand = await query(org, 'BRAND', 'Marque');
    const competitor = await query(org, 'COMPETITOR', 'Rival', rival.id);
    const topic = await query(org, 'TOPIC', 'Viennoiseries');
    const otherBrand = await query(otherOrg, 'BRAND', 'Ailleurs');
    let n = 0;
    const mention = async (
      organizationId: string,
      at: string,
      author: string,
      text: string,
      sentiment: [string, number] | null,
      queries: string[],
    ) => {
      const [row] = (
        await admin.query(
          `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, published_at, language, sentiment_label, sentiment_score)
           VALUES ($1, 'mastodon', $2, $3, $4, $5, 'fr', $6, $7) RETURNING id`,
          [organizationId, `r${n++}`, author, text, at, sentiment?.[0] ?? null, sentiment?.[1] ?? null],
        )
      ).rows;
      for (const queryId of queries)
        await admin.query('INSERT INTO mention_matches (organization_id, query_id, mention_id, published_at) VALUES ($1, $2, $3, $4)', [
          organizationId,
          queryId,
          row.id,
          at,
        ]);
    };
    // 1 July 00:30 in Paris: the quarter's first mention. 30 June 23:30 in Paris: the previous quarter's.
    await mention(
      org,
      '2026-06-30T22:30:00Z',
      'alice',
      'Les croissants de la Boulangerie Rapport sont délicieux',
      ['POSITIVE', 0.8],
      [brand, topic],
    );
    await mention(org, '2026-06-30T21:30:00Z', 'bob', 'Croissant brûlé chez Boulangerie Rapport', ['NEGATIVE', -0.6], [brand]);
    await mention(org, '2026-07-15T10:00:00Z', 'alice', 'Un croissant et un pain au levain, merci', ['POSITIVE', 0.4], [brand, topic]);
    await mention(org, '2026-08-20T10:00:00Z', 'carol', 'Le levain du Fournil Rival est bon', ['NEUTRAL', 0], [competitor]);
    await mention(org, '2026-09-30T21:59:00Z', 'dave', 'Attente trop longue, croissant froid', ['NEGATIVE', -0.7], [brand]);
    // 1 October 00:10 in Paris: the next quarter.
    await mention(org, '2026-09-30T22:10:00Z', 'erin', 'Croissant du quatrième trimestre', ['POSITIVE', 0.5], [brand]);
    await mention(otherOrg, '2026-07-15T10:00:00Z', 'mallory', 'Secret concurrent croissant', ['NEGATIVE', -0.9], [otherBrand]);

    // Inbox: answered in 30 min (allowed 60), answered in 120 min (late), unanswered past due (late), dismissed (left out).
    const item = async (organizationId: string, received: string, dueMinutes: number, answeredMinutes: number | null, status: string) =>
      admin.query(
        `INSERT INTO inbox_items (organization_id, source, external_id, kind, author_handle, text, received_at, due_at, responsible_role, first_response_at, status)
         VALUES ($1, 'mastodon', $2, 'COMMENT', 'someone', 'Bonjour', $3::timestamptz, $3::timestamptz + make_interval(mins => $4), 'COMMUNITY_MANAGER',
                 $3::timestamptz + make_interval(mins => $5), $6)`,
        [organizationId, `i${n++}`, received, dueMinutes, answeredMinutes, status],
      );
    await item(org, '2026-07-02T08:00:00Z', 60, 30, 'ANSWERED');
    await item(org, '2026-07-03T08:00:00Z', 60, 120, 'ANSWERED');
    await item(org, '2026-08-03T08:00:00Z', 60, null, 'NEW');
    await item(org, '2026-08-04T08:00:00Z', 60, null, 'DISMISSED');
    await item(otherOrg, '2026-08-04T08:00:00Z', 60, null, 'NEW');

    // A KPI on brand mentions, measured per quarter.
    const [objective] = (
      await admin.query(
        `INSERT INTO objectives (organization_id, kind, title, metric, baseline, target, deadline) VALUES ($1, 'BRAND', 'Notoriété', 'mentions', 0, 10, '2027-06-30') RETURNING id`,
        [org],
      )
    ).rows;
    await admin.query(
      `INSERT INTO kpis (organization_id, objective_id, name, metric, target, frequency, measure) VALUES ($1, $2, 'Mentions de la marque', 'mentions', 10, 'QUARTERLY', 'MENTIONS')`,
      [org, objective.id],
    );

    // August: the plan says 2 posts a week on Mastodon; one went out (and one in July, another month).
    await admin.query(`INSERT INTO network_plans (organization_id, network, posts_per_week) VALUES ($1, 'mastodon', 2)`, [org]);
    const [content] = (
      await admin.query(`INSERT INTO content_items (organization_id, title, status) VALUES ($1, 'Le pain', 'DRAFT') RETURNING id`, [org])
    ).rows;
    const [account] = (
      await admin.query(
        `INSERT INTO network_accounts (organization_id, network, handle, service_url, credentials_ciphertext, credentials_key_id, last_checked_at)
         VALUES ($1, 'bluesky', 'boulangerie.bsky.example', 'https://bsky.example', 'v1.t1.x.y.z', 't1', now()) RETURNING id`,
        [org],
      )
    ).rows;
    const post = async (at: string) =>
      (
        await admin.query(
          `INSERT INTO publications (organization_id, item_id, network_account_id, network, due_at, next_attempt_at, status, idempotency_key, external_id,
             external_url, published_at)
           VALUES ($1, $2, $3, 'bluesky', $4, $4, 'PUBLISHED', $5, $6, 'https://bsky.example/p', $4) RETURNING id`,
          [org, content.id, account.id, at, `test-${randomUUID()}`, `x-${randomUUID()}`],
        )
      ).rows[0].id as string;
    const august = await post('2026-08-10T09:00:00Z');
    await post('2026-07-10T09:00:00Z');
    // Its engagement as last measured: 5 likes (an older sample said 1) and 2 reposts.
    for (const [metric, value, at] of [
      ['LIKES', 1, '2026-08-10T12:00:00Z'],
      ['LIKES', 5, '2026-08-12T12:00:00Z'],
      ['REPOSTS', 2, '2026-08-12T12:00:00Z'],
    ])
      await admin.query(
        `INSERT INTO metric_samples (organization_id, account_id, publication_id, metric, value, sampled_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [org, account.id, august, metric, value, at],
      );
  }, 90_000);

  afterAll(async () => {
    await api?.stop();
    await admin?.end();
  });

  it('gives the quarter of the organisation’s calendar, with its figures and the previous quarter’s', async () => {
    const r = await report({ kind: 'QUARTERLY', periodStart: '2026-08-14' });
    expect(r).toMatchObject({ kind: 'QUARTERLY', locale: 'FR' });
    expect(r.period).toMatchObject({
      label: 'T3 2026',
      firstDay: '2026-07-01',
      lastDay: '2026-09-30',
      start: '2026-06-30T22:00:00.000Z',
      end: '2026-09-30T22:00:00.000Z',
      complete: true,
    });
    expect(r.previousPeriod).toEqual({ label: 'T2 2026', firstDay: '2026-04-01' });
    expect(r.volume.interval).toBe('WEEK');
    expect(r.volume.totals).toMatchObject({ total: 4, positive: 2, neutral: 1, negative: 1 });
    expect(r.volume.totals.averageSentiment).toBeCloseTo((0.8 + 0.4 + 0 - 0.7) / 4, 5);
    expect(r.volume.previousTotals).toEqual({ total: 1, negative: 1 });
    // Weeks from the Monday holding 1 July to the one holding 30 September, all present.
    expect(r.volume.points[0].date).toBe('2026-06-29');
    expect(r.volume.points[r.volume.points.length - 1].date).toBe('2026-09-28');
    expect(r.volume.points.reduce((s, p) => s + p.total, 0)).toBe(4);
    expect(r.topAuthors).toEqual([
      { name: 'alice', mentions: 2 },
      { name: 'carol', mentions: 1 },
      { name: 'dave', mentions: 1 },
    ]);
    // Words folded, stop words and the organisation's own name left out.
    const terms = Object.fromEntries(r.topTopics.terms.map((t) => [t.name, t.mentions]));
    expect(terms).toMatchObject({ croissant: 2, levain: 2, croissants: 1, delicieux: 1 });
    for (const word of ['les', 'de', 'boulangerie', 'rapport', 'un', 'et', 'merci', 'secret', 'concurrent'])
      expect(terms[word]).toBeUndefined();
    expect(r.topTopics.queries).toEqual([{ name: 'Viennoiseries', mentions: 2, previousMentions: 0 }]);
    expect(r.shareOfVoice).toEqual({
      total: 4,
      sides: [
        { kind: 'BRAND', name: 'Boulangerie Rapport', mentions: 3, share: 75 },
        { kind: 'COMPETITOR', name: 'Fournil Rival', mentions: 1, share: 25 },
      ],
    });
    expect(r.inbox).toMatchObject({ received: 3, answered: 2, breaches: 2, slaMinutes: 60 });
    // Medians of 30, 120 and the unanswered one counted to the quarter's end (weeks): 120.
    expect(r.inbox.medianFirstResponseMinutes).toBe(120);
    expect(r.kpis).toEqual([{ name: 'Mentions de la marque', measure: 'MENTIONS', status: 'MEASURED', value: 2, target: 10 }]);
    expect(r.alerts === null || Array.isArray(r.alerts)).toBe(true);
    expect(r.publications).toBeNull();
    expect(r.topPublications).toBeNull();
  });

  it('gives the monthly executive report with publications against the plan, in English when asked', async () => {
    const r = await report({ kind: 'MONTHLY', periodStart: '2026-08-01', locale: 'EN' });
    expect(r.period).toMatchObject({ label: 'August 2026', firstDay: '2026-08-01', lastDay: '2026-08-31' });
    expect(r.volume.interval).toBe('DAY');
    expect(r.volume.points).toHaveLength(31);
    expect(r.volume.totals.total).toBe(1);
    // July: 1 July at 00:30 in Paris and 15 July.
    expect(r.volume.previousTotals.total).toBe(2);
    expect(r.topPublications).toEqual([{ title: 'Le pain', network: 'bluesky', publishedAt: '2026-08-10T09:00:00.000Z', engagement: 7 }]);
    // Mastodon planned (2 a week over 31 days: 9) with nothing out; Bluesky out once, not planned.
    expect(r.publications).toEqual([
      { network: 'bluesky', published: 1, planned: null },
      { network: 'mastodon', published: 0, planned: 9 },
    ]);
  });

  it('never shows another organisation’s data', async () => {
    const r = await report({ kind: 'QUARTERLY', periodStart: '2026-07-01' }, otherOrg);
    expect(r.volume.totals.total).toBe(1);
    expect(r.topAuthors).toEqual([{ name: 'mallory', mentions: 1 }]);
    expect(r.inbox.received).toBe(1);
    expect(r.kpis).toEqual([]);
  });

  it('downloads the PDF and the CSV through a signed link, and records each file produced', async () => {
    const before = { q: await produced('QUARTERLY'), m: await produced('MONTHLY') };
    const pdfLink = await link({ kind: 'QUARTERLY', periodStart: '2026-07-01', format: 'PDF' });
    expect(pdfLink.filename).toBe('rapport-trimestriel-boulangerie-rapport-2026-t3.pdf');
    const ttl = Date.parse(pdfLink.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(4 * 60_000);
    expect(ttl).toBeLessThanOrEqual(5 * 60_000);
    const pdf = await download(new URL(pdfLink.url).pathname);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(`filename="${pdfLink.filename}"`);
    const text = pdfText(pdf.body as Buffer);
    for (const phrase of ['Cequisedit de vous', 'T32026', 'BoulangerieRapport', 'Partdevoix', 'FournilRival', 'Viennoiseries']) {
      expect(text).toContain(phrase.replace(/\s/g, ''));
    }
    expect(text).not.toContain('mallory');

    const csvLink = await link({ kind: 'MONTHLY', periodStart: '2026-08-15', format: 'CSV', locale: 'EN' });
    expect(csvLink.filename).toBe('monthly-report-boulangerie-rapport-2026-08.csv');
    const csv = await request(api.server).get(new URL(csvLink.url).pathname);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.text.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe('Monthly executive report,Boulangerie Rapport · August 2026');
    expect(lines).toContain('Publications per network');
    expect(lines).toContain('mastodon,0,9');
    expect(lines).toContain('bluesky,1,Not planned');

    expect(await produced('QUARTERLY')).toBe(before.q + 1);
    expect(await produced('MONTHLY')).toBe(before.m + 1);
    // What an evidence of "monthly executive report produced" reads: the last one, in the organisation only.
    const last = (organizationId: string) =>
      api.app
        .get(UnitOfWorkFactory)
        .runInOrganization(organizationId, (uow) => api.app.get(CommunityReportRepository).lastProduced({ uow }, 'MONTHLY'));
    expect(Date.now() - ((await last(org)) as Date).getTime()).toBeLessThan(60_000);
    expect(await last(otherOrg)).toBeNull();
  });

  it('refuses a tampered, re-addressed or expired link', async () => {
    const issued = await link({ kind: 'MONTHLY', periodStart: '2026-08-01', format: 'CSV' });
    const token = new URL(issued.url).pathname.split('/').pop() as string;
    const [body, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown[];
    expect(claims[0]).toBe('COMMUNITY');
    // Another organisation, or another month, under the same signature.
    const forge = (at: number, value: unknown) =>
      Buffer.from(JSON.stringify(claims.map((c, i) => (i === at ? value : c)))).toString('base64url') + `.${signature}`;
    for (const forged of [
      forge(1, otherOrg),
      forge(3, '2026-07-01'),
      forge(2, 'QUARTERLY'),
      `${body}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`,
    ]) {
      const res = await request(api.server).get(`/reports/${forged}`);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('Boulangerie');
    }
    const links = api.app.get(ReportLinks);
    const expired = links.sign({
      organizationId: org,
      community: { kind: 'MONTHLY', periodStart: '2026-08-01' },
      format: 'CSV',
      userId: null,
      expiresAt: Date.now() - 1,
    });
    expect((await request(api.server).get(`/reports/${expired}`)).status).toBe(410);
    // A community claim cannot pass for an assessment one, nor the other way round.
    expect(
      links.verify(
        links.sign({
          organizationId: org,
          community: { kind: 'MONTHLY', periodStart: '2026-08-01' },
          format: 'PDF',
          userId: null,
          expiresAt: Date.now() + 60_000,
        }),
      ),
    ).toMatchObject({
      claims: { community: { kind: 'MONTHLY', periodStart: '2026-08-01' } },
    });
  });

  it.each([
    [{ kind: 'QUARTERLY', periodStart: '2026-02-30' }, 'periodStart'],
    [{ kind: 'QUARTERLY', periodStart: 'last quarter' }, 'periodStart'],
    [{ kind: 'MONTHLY', periodStart: '2999-01-01' }, 'periodStart'],
    [{ kind: 'MONTHLY', periodStart: '1999-12-01' }, 'periodStart'],
    [{ kind: 'MONTHLY', periodStart: '2026-08-01\u0000' }, 'periodStart'],
    [{ kind: 'MONTHLY', periodStart: '2026-08-01'.repeat(200) }, 'periodStart'],
  ])('refuses %j with BAD_USER_INPUT on %s, for data and links alike', async (variables, field) => {
    for (const [query, extra] of [
      [REPORT, {}],
      [LINK, { format: 'PDF' }],
    ] as const) {
      const res = await api.gql(query, { ...variables, ...extra }, as(org));
      expect(res.status).toBeLessThan(500);
      expect(leaksIn(res.body)).toEqual([]);
      expect(firstError(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('refuses an unknown kind or locale before running anything', async () => {
    for (const variables of [
      { kind: 'YEARLY', periodStart: '2026-01-01' },
      { kind: 'MONTHLY', periodStart: '2026-01-01', locale: 'de' },
      { kind: 'MONTHLY', periodStart: '2026-01-01', locale: 'en' },
    ]) {
      const res = await api.gql(REPORT, variables, as(org));
      expect(res.status).toBeLessThan(500);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(firstError(res).extensions.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    }
  });
});
