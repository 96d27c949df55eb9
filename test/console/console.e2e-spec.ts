import request from 'supertest';
import { STRONG_PASSWORD, TestApi, uniqueEmail } from '@socle/testing';
import { axeProblems, startConsoleHarness, type ConsoleHarness } from './browser-harness';

/**
 * The web console in a real browser (the system's Chromium, driven by playwright-core) against the API serving
 * the built console: sign up, log out, log in, the portfolio ranked, French, a client organisation, and an
 * invitation accepted from its link. Assertions are on what the page shows; every request the page makes must
 * go to the API's own origin (no CDN).
 */

const t = (en: string, fr: string) => ({ en, fr });
const MODEL = {
  name: t('Console model', 'Modèle console'),
  description: t('', ''),
  levels: [1, 2, 3, 4, 5].map((n) => ({ number: n, name: t(`Level ${n}`, `Niveau ${n}`), description: t('', ''), minScore: (n - 1) * 20 })),
  dimensions: [
    { key: 'strategy', title: t('Strategy', 'Stratégie'), description: t('', ''), weight: 1, criteria: [] },
    { key: 'review', title: t('Evaluation', 'Évaluation'), description: t('', ''), weight: 1, criteria: [] },
    { key: 'community', title: t('Community', 'Communauté'), description: t('', ''), weight: 1, criteria: [] },
  ],
};
const MODEL_ID = '5d0c6f1e-2b1a-4c8e-9d3f-7a6b5c4d3e21';

describe('web console in a browser', () => {
  let harness: ConsoleHarness;
  let api: TestApi;
  let origin: string;
  const newPage: ConsoleHarness['newPage'] = (context) => harness.newPage(context);
  const freshContext = () => harness.freshContext();
  const owner = { email: uniqueEmail('console'), password: STRONG_PASSWORD, token: '' };
  const org: Record<'alpha' | 'bravo', string> = { alpha: '', bravo: '' };

  beforeAll(async () => {
    harness = await startConsoleHarness();
    ({ api, origin } = harness);
  }, 180_000);
  afterAll(() => harness?.close());

  const finalised = async (
    organizationId: string,
    agencyId: string,
    at: string,
    score: number,
    level: number,
    dims: Record<string, number>,
  ) => {
    await harness.admin.query(
      `INSERT INTO maturity_assessments (organization_id, model_agency_id, model_id, model_version, model_content, status, started_at, finalized_at,
         overall_score, level, dimension_scores, evidence, recommendations)
       VALUES ($1, $2, $3, 1, $4, 'FINALIZED', $5, $5, $6, $7, $8, '{}', '[]')`,
      [organizationId, agencyId, MODEL_ID, JSON.stringify(MODEL), at, score, level, JSON.stringify(dims)],
    );
  };

  it('serves the page at client routes with a strict policy, hashed files immutable, and leaves the API routes alone', async () => {
    const page = await request(api.server).get('/invitations/accept?token=abc');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    const csp = page.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:/);
    const asset = /src="\/assets\/([^"]+\.js)"/.exec(page.text)?.[1];
    expect(asset).toBeDefined();
    const script = await request(api.server).get(`/assets/${asset}`);
    expect(script.status).toBe(200);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.headers['content-type']).toMatch(/javascript/);

    expect((await request(api.server).get('/health/live')).body).toEqual({ status: 'ok' });
    expect((await request(api.server).get('/metrics')).text).toContain('# HELP');
    const graphql = await request(api.server).get('/graphql?query=%7B__typename%7D').set('accept', 'application/graphql-response+json');
    expect(graphql.text).not.toContain('<div id="root">');
    for (const path of ['/nothing-here', '/assets/..%2Findex.html', '/assets/.hidden', '/assets/missing.js']) {
      const res = await request(api.server).get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.text).not.toContain('<div id="root">');
    }
  });

  it('signs up, creates a client, logs out, logs in, ranks the portfolio, speaks French and switches to a client organisation', async () => {
    const context = await freshContext();
    const page = await newPage(context);
    await page.goto(`${origin}/`);
    await page.getByRole('heading', { name: 'Log in to Socle' }).waitFor();
    expect(await axeProblems(page)).toEqual([]);
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByLabel('Agency name').fill('Agence Console');
    await page.getByLabel('Your name').fill('Camille Owner');
    await page.getByLabel('Email').fill(owner.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(owner.password);
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByRole('heading', { name: 'Client portfolio' }).waitFor();
    await page.getByText('No client yet.').waitFor();
    // A client created from the console.
    await page.getByRole('button', { name: 'New client' }).click();
    await page.getByRole('textbox', { name: 'Client name' }).fill('Charlie Café');
    await page.getByRole('button', { name: 'Create the client' }).click();
    await page.getByTestId('portfolio-row').filter({ hasText: 'Charlie Café' }).getByText('Not assessed').waitFor();

    // Clients and their assessments, made through the API and (assessments) as the database owner.
    const session = await api.ok<{ logIn: { accessToken: string } }>(
      `mutation ($input: LogInInput!) { logIn(input: $input) { accessToken } }`,
      { input: { email: owner.email, password: owner.password } },
    );
    owner.token = session.logIn.accessToken;
    const me = await api.ok<{ me: { agencies: { agency: { id: string } }[] } }>(
      `{ me { agencies { agency { id } } } }`,
      {},
      { token: owner.token },
    );
    const agencyId = me.me.agencies[0].agency.id;
    const create = async (name: string, timezone: string) =>
      (
        await api.ok<{ createOrganization: { id: string } }>(
          `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
          { input: { name, timezone } },
          { token: owner.token },
        )
      ).createOrganization.id;
    org.bravo = await create('Bravo Vélos', 'Europe/Paris');
    org.alpha = await create('Alpha Assurances', 'Pacific/Auckland');
    await finalised(org.alpha, agencyId, '2025-11-01T10:00:00Z', 40, 3, { strategy: 30, review: 50, community: 40 });
    // 20:00 UTC on 1 March is already 2 March in Auckland (UTC+13).
    await finalised(org.alpha, agencyId, '2026-03-01T20:00:00Z', 62.5, 4, { strategy: 25, review: 100, community: 62.5 });
    await finalised(org.bravo, agencyId, '2025-06-10T09:00:00Z', 30, 2, { strategy: 50, review: 10, community: 30 });

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Log in to Socle' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    // Signed out for real: the page at / goes back to the log-in form.
    await page.goto(`${origin}/portfolio`);
    await page.getByRole('heading', { name: 'Log in to Socle' }).waitFor();

    await page.getByLabel('Email').fill(owner.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(owner.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Client portfolio' }).waitFor();
    const rows = page.getByTestId('portfolio-row');
    await rows.nth(2).waitFor();
    const cells = async () => (await rows.all()).map(async (row) => (await row.locator('td').allTextContents()).map((c) => c.trim()));
    const table = await Promise.all(await cells());
    expect(table.map((r) => r.slice(0, 2))).toEqual([
      ['1', 'Alpha Assurances'],
      ['2', 'Bravo Vélos'],
      ['3', 'Charlie Café'],
    ]);
    // Score, level, trend, weakest dimension, and the date in the client's time zone (the browser runs in UTC).
    expect(table[0].slice(2)).toEqual(['62.5', 'Level 4', '▲ +22.5', 'Strategy (25)', 'Mar 2, 2026']);
    expect(table[1].slice(2)).toEqual(['30', 'Level 2', 'no trend yet', 'Evaluation (10)', 'Jun 10, 2025']);
    expect(table[2][2]).toBe('Not assessed');
    const comparison = page.getByTestId('comparison');
    await comparison.getByText('Alpha Assurances against the agency average').waitFor();
    await comparison.getByText('Agency average: 46.3').waitFor();
    expect(await comparison.locator('svg.recharts-surface').count()).toBeGreaterThan(0);
    await rows.nth(1).click();
    await comparison.getByText('Bravo Vélos against the agency average').waitFor();
    expect(await axeProblems(page)).toEqual([]);

    await page.getByText('FR', { exact: true }).click();
    await page.getByRole('heading', { name: 'Portefeuille clients' }).waitFor();
    await page.getByText('2 mars 2026').waitFor();
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();

    await page.getByRole('combobox', { name: "Changer d'organisation" }).click();
    await page.getByRole('option', { name: 'Bravo Vélos' }).click();
    await page.getByRole('heading', { name: 'Bravo Vélos' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/organizations/${org.bravo}`);
    await page.getByText('Fuseau horaire : Europe/Paris').waitFor();
    await page.getByText('Maturité par dimension').waitFor();
    expect(await axeProblems(page)).toEqual([]);
    // The language stays this person's choice after a reload (the session comes back from its refresh token).
    await page.reload();
    await page.getByRole('heading', { name: 'Bravo Vélos' }).waitFor();
    await page.getByText('Fuseau horaire : Europe/Paris').waitFor();
    await context.close();
  }, 90_000);

  it('accepts an invitation from the link of its email and opens the organisation', async () => {
    expect(owner.token).not.toBe('');
    const email = uniqueEmail('invited');
    const invite = await api.ok<{ inviteMember: { acceptUrl: string } }>(
      `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { acceptUrl } }`,
      { input: { email, roles: ['VIEWER'] } },
      { token: owner.token, organizationId: org.alpha },
    );
    expect(invite.inviteMember.acceptUrl.startsWith(`${origin}/invitations/accept?token=`)).toBe(true);
    const context = await freshContext();
    const page = await newPage(context);
    await page.goto(invite.inviteMember.acceptUrl);
    await page.getByRole('heading', { name: 'Accept an invitation' }).waitFor();
    await page.getByLabel('Your name').fill('Dominique Invited');
    await page.getByRole('textbox', { name: 'Password' }).fill(STRONG_PASSWORD);
    await page.getByRole('button', { name: 'Accept the invitation' }).click();
    await page.getByRole('heading', { name: 'Alpha Assurances' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/organizations/${org.alpha}`);
    await page.getByText('Time zone: Pacific/Auckland').waitFor();
    await context.close();

    // The same link cannot be used twice.
    const again = await newPage(await freshContext());
    await again.goto(invite.inviteMember.acceptUrl);
    await again.getByRole('textbox', { name: 'Password' }).fill(STRONG_PASSWORD);
    await again.getByRole('button', { name: 'Accept the invitation' }).click();
    await again.getByRole('alert').waitFor();
    expect(new URL(again.url()).pathname).toBe('/invitations/accept');
  }, 60_000);

  it('made every request of the page to the API origin (no CDN), with nothing refused by the policy and no script error', () => {
    expect(harness.pageProblems).toEqual([]);
    expect(harness.requested.length).toBeGreaterThan(10);
    const elsewhere = harness.requested.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
    expect(elsewhere).toEqual([]);
  });
});
