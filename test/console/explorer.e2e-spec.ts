import type { Page } from 'playwright-core';
import request from 'supertest';
import { startConsoleHarness, type ConsoleHarness } from './browser-harness';

/**
 * The API explorer in a real browser: a browser's GET of /graphql gets GraphiQL (the bundle built by
 * apps/console/vite.explorer.config.ts) under a policy naming no other origin. With a token in its headers
 * editor it runs the example operations against this origin's /graphql; the page requests nothing elsewhere and
 * nothing it does breaks the Content-Security-Policy.
 */
describe('API explorer in a browser', () => {
  let harness: ConsoleHarness;
  beforeAll(async () => {
    harness = await startConsoleHarness();
  }, 240_000);
  afterAll(() => harness?.close());

  /** Every CodeMirror editor's text, in page order (query, variables, headers, response). */
  const editors = (page: Page) =>
    page.evaluate(`[...document.querySelectorAll('.CodeMirror')].map((element) => element.CodeMirror?.getValue() ?? '')`) as Promise<
      string[]
    >;

  /** Replaces the text of the editor currently holding `marker`; whether one did. */
  const setEditor = (page: Page, marker: string, text: string) =>
    page.evaluate(
      `(() => {
        const editor = [...document.querySelectorAll('.CodeMirror')].map((e) => e.CodeMirror).find((e) => e?.getValue().includes(${JSON.stringify(marker)}));
        editor?.setValue(${JSON.stringify(text)});
        return Boolean(editor);
      })()`,
    ) as Promise<boolean>;

  const response = async (page: Page, contains: string): Promise<string> => {
    for (const until = Date.now() + 10_000; Date.now() < until;) {
      const found = (await editors(page)).find((text) => text.includes(contains));
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no editor shows ${contains}: ${JSON.stringify(await editors(page))}`);
  };

  it('serves GraphiQL to browsers at /graphql under a strict policy, and GraphQL to everyone else', async () => {
    const page = await request(harness.api.server).get('/graphql').set('accept', 'text/html,application/xhtml+xml,*/*;q=0.8');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(page.headers['content-security-policy']).not.toMatch(/https?:/);
    // No inline script: the policy would refuse it.
    expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const script = /src="(\/explorer\/assets\/[^"]+\.js)"/.exec(page.text)?.[1] as string;
    const bundle = await request(harness.api.server).get(script);
    expect(bundle.status).toBe(200);
    expect(bundle.headers['cache-control']).toContain('immutable');
    // A GraphQL client asking for JSON still gets GraphQL at the same address.
    const json = await request(harness.api.server).get('/graphql').query({ query: '{ __typename }' }).set('accept', 'application/json');
    expect(json.body.data).toEqual({ __typename: 'Query' });
    expect((await request(harness.api.server).get('/explorer/assets/..%2Findex.html')).status).toBe(404);
  });

  it('opens with the example operations, runs one with a token and an organisation, and asks nothing of another origin', async () => {
    const owner = await harness.signUpAgency('Agence Explorateur');
    const organizationId = await harness.createClient(owner, 'Client Explorateur');
    const context = await harness.freshContext();
    const page = await harness.newPage(context);
    await page.goto(`${harness.origin}/graphql`);
    for (const name of ['Viewer', 'Organizations', 'ContentItems', 'InboxItems']) {
      await page.getByRole('tab', { name }).waitFor();
    }
    // Each tab has its headers (empty ones are not sent): a token and the organisation, as an integrator types them.
    const headers = JSON.stringify({ Authorization: `Bearer ${owner.token}`, 'X-Socle-Organization': organizationId });
    const run = async () => {
      // The editors mount after the tabs: wait for the headers editor (its starting text names the headers).
      let set = false;
      for (const until = Date.now() + 10_000; !set && Date.now() < until;) {
        set = await setEditor(page, '"Authorization"', headers);
        if (!set) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(set).toBe(true);
      // GraphiQL keeps an edited editor's text in its tab after a short pause.
      await page.waitForTimeout(700);
      await page.getByRole('button', { name: /Execute query/ }).click();
    };
    await run();
    const answer = JSON.parse(await response(page, '"viewer"')) as {
      data: { viewer: { kind: string; user: { email: string }; organization: { organizationId: string; agencyRole: string } } };
      extensions: { cost: { requestedQueryCost: number } };
    };
    expect(answer.data.viewer).toMatchObject({
      kind: 'USER',
      user: { email: owner.email },
      organization: { organizationId, agencyRole: 'OWNER' },
    });
    expect(answer.extensions.cost.requestedQueryCost).toEqual(expect.any(Number));
    // An organisation-level example in its own tab, with the same headers.
    await page.getByRole('tab', { name: 'InboxItems' }).click();
    await run();
    expect(JSON.parse(await response(page, '"inboxItems"'))).toMatchObject({ data: { inboxItems: { edges: [] } } });
    await harness.screenshot(page, 'explorer-inbox-items');
    expect(harness.elsewhere()).toEqual([]);
    expect(harness.pageProblems).toEqual([]);
    await context.close();
  }, 90_000);
});
