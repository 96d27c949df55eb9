import { randomBytes } from 'node:crypto';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { STRONG_PASSWORD, uniqueEmail } from '@socle/testing';
import { startConsoleHarness, type ConsoleHarness } from './browser-harness';

/**
 * Two agencies side by side in one Chromium, each owner signed in at the same time in a context of their own: every
 * main page of their client, with every GraphQL answer recorded, never shows nor receives a word of the other
 * agency's data (objective, content item, policy, listening query, member, API key, model, client and agency names
 * carry a marker per tenant). Each owner then opens the other agency's client addresses and gets a refusal, without
 * data and without a script error; the organisation switcher lists only their own organisations. A contributor of
 * one client sees that client alone, never the agency's other client.
 */
interface Tenant {
  mark: string;
  owner: { email: string; token: string; agencyId: string };
  org: string;
  /** The agency's second client (only the first agency has one). */
  otherClient?: { id: string; mark: string };
  policyId: string;
  itemId: string;
  assessmentId: string;
  modelId: string;
  /** A webhook endpoint of the client and one of the agency, their URL carrying the marker. */
  webhooks: { organization: string; agency: string };
  contributor: { email: string; userId: string };
}

/** What a browser context saw: the text of each page visited and every GraphQL answer's body. */
interface Seen {
  texts: { url: string; text: string }[];
  bodies: { url: string; body: string }[];
  unread: string[];
  pending: Promise<void>[];
  /** GraphQL requests sent and not answered yet. */
  inFlight: Set<Request>;
}

describe('console: two tenants side by side', () => {
  let h: ConsoleHarness;
  let alpha: Tenant;
  let beta: Tenant;
  const suffix = randomBytes(3).toString('hex');

  /** An invitation into the organisation (or the agency) accepted as a new account named `displayName`. */
  const invited = async (token: string, organizationId: string | undefined, displayName: string) => {
    const email = uniqueEmail('isolation');
    const invite = organizationId
      ? (
          await h.api.ok<{ inviteMember: { token: string } }>(
            'mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { token } }',
            { input: { email, roles: ['CONTRIBUTOR'] } },
            { token, organizationId },
          )
        ).inviteMember.token
      : (
          await h.api.ok<{ inviteAgencyMember: { token: string } }>(
            'mutation ($input: InviteAgencyMemberInput!) { inviteAgencyMember(input: $input) { token } }',
            { input: { email, role: 'MEMBER' } },
            { token },
          )
        ).inviteAgencyMember.token;
    const accepted = await h.api.ok<{ acceptInvitation: { userId: string } }>(
      'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userId } }',
      { input: { token: invite, displayName, password: STRONG_PASSWORD, locale: 'EN' } },
    );
    return { email, userId: accepted.acceptInvitation.userId };
  };

  /** An agency, its client and the client's data, every name carrying `mark`; all through the public API. */
  async function seedTenant(word: string, secondClient?: string): Promise<Tenant> {
    const mark = `${word}${suffix}`;
    const owner = await h.signUpAgency(`Agency ${mark}`);
    const createClient = async (name: string) =>
      (
        await h.api.ok<{ createOrganization: { id: string } }>(
          'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
          { input: { name, timezone: 'Europe/Paris', locale: 'EN' } },
          { token: owner.token },
        )
      ).createOrganization.id;
    const org = await createClient(`Client ${mark}`);
    const as = { token: owner.token, organizationId: org };
    const run = <T>(query: string, input: Record<string, unknown>) => h.api.ok<T>(query, { input }, as);

    await run('mutation ($input: CreateObjectiveInput!) { createObjective(input: $input) { id } }', {
      kind: 'BRAND',
      title: `Objective ${mark}`,
      metric: `followers of ${mark}`,
      baseline: 10,
      target: 50,
      deadline: `${new Date().getUTCFullYear() + 1}-06-30`,
    });
    const itemId = (
      await run<{ createContentItem: { id: string } }>(
        'mutation ($input: CreateContentItemInput!) { createContentItem(input: $input) { id } }',
        {
          title: `Item ${mark}`,
          brief: `Brief ${mark}`,
          plannedFor: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10) + 'T10:00:00Z',
        },
      )
    ).createContentItem.id;
    const versionId = (
      await run<{ createPolicy: { latestVersion: { id: string } } }>(
        'mutation ($input: CreatePolicyInput!) { createPolicy(input: $input) { id latestVersion { id } } }',
        { kind: 'CODE_OF_CONDUCT', language: 'EN', fromTemplate: true },
      )
    ).createPolicy.latestVersion.id;
    const policyId = (
      await run<{ updatePolicyDraft: { policyId: string } }>(
        'mutation ($input: UpdatePolicyDraftInput!) { updatePolicyDraft(input: $input) { policyId } }',
        { versionId, title: `Policy ${mark}` },
      )
    ).updatePolicyDraft.policyId;
    await run('mutation ($input: CreateListeningQueryInput!) { createListeningQuery(input: $input) { id } }', {
      kind: 'BRAND',
      name: `Listening ${mark}`,
      query: `"${mark}"`,
    });
    const assessmentId = (
      await h.api.ok<{ startAssessment: { id: string } }>('mutation { startAssessment(input: { modelId: "default" }) { id } }', {}, as)
    ).startAssessment.id;
    const contributor = await invited(owner.token, org, `Member ${mark}`);
    await invited(owner.token, undefined, `Colleague ${mark}`);
    await h.api.ok(
      'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
      { input: { name: `Key ${mark}`, scopes: ['READ'] } },
      { token: owner.token },
    );
    const modelId = (
      await h.api.ok<{ createMaturityModel: { id: string } }>(
        'mutation ($input: CreateMaturityModelInput!) { createMaturityModel(input: $input) { id } }',
        { input: { name: `Model ${mark}`, fromModelId: 'default' } },
        { token: owner.token },
      )
    ).createMaturityModel.id;
    // Endpoints on loopback (the tests' outbound rules let it through): only their URL is shown, never contacted here.
    const endpoint = async (name: 'createWebhookEndpoint' | 'createAgencyWebhookEndpoint', path: string, organizationId?: string) =>
      (
        await h.api.ok<Record<string, { endpoint: { id: string } }>>(
          `mutation ($input: CreateWebhookEndpointInput!) { ${name}(input: $input) { endpoint { id } } }`,
          { input: { url: `http://127.0.0.1:9/${path}-${mark}`, eventTypes: ['member.joined'] } },
          { token: owner.token, organizationId },
        )
      )[name].endpoint.id;
    const webhooks = {
      organization: await endpoint('createWebhookEndpoint', 'client-hook', org),
      agency: await endpoint('createAgencyWebhookEndpoint', 'agency-hook'),
    };
    let otherClient: Tenant['otherClient'];
    if (secondClient) {
      const otherMark = `${secondClient}${suffix}`;
      const id = await createClient(`Client ${otherMark}`);
      await h.api.ok(
        'mutation ($input: CreateObjectiveInput!) { createObjective(input: $input) { id } }',
        {
          input: {
            kind: 'BRAND',
            title: `Objective ${otherMark}`,
            metric: 'followers',
            baseline: 1,
            target: 2,
            deadline: `${new Date().getUTCFullYear() + 1}-06-30`,
          },
        },
        { token: owner.token, organizationId: id },
      );
      otherClient = { id, mark: otherMark };
    }
    return { mark, owner, org, otherClient, policyId, itemId, assessmentId, modelId, webhooks, contributor };
  }

  /** Records the body of every GraphQL answer the page receives. */
  function recording(page: Page): Seen {
    const seen: Seen = { texts: [], bodies: [], unread: [], pending: [], inFlight: new Set() };
    const isGraphql = (request: Request) => new URL(request.url()).pathname === '/graphql';
    /** Requests Chromium ended in failure, with a resolver for whoever waits on one. */
    const failed = new WeakMap<Request, () => void>();
    page.on('request', (request) => void (isGraphql(request) && seen.inFlight.add(request)));
    page.on('requestfinished', (request) => void seen.inFlight.delete(request));
    page.on('requestfailed', (request) => {
      seen.inFlight.delete(request);
      failed.get(request)?.();
    });
    page.on('response', (response) => {
      if (new URL(response.url()).pathname !== '/graphql') return;
      const url = page.url();
      const request = response.request();
      // Chromium may end a request in failure after its answer began (the page left mid-body): `finished()` then never
      // settles, so the failure is listened for too, and neither is waited for longer than a page takes to go.
      const gaveUp = new Promise<'failed'>((resolve) => {
        if (request.failure()) resolve('failed');
        else failed.set(request, () => resolve('failed'));
      });
      seen.pending.push(
        response.text().then(
          (body) => void seen.bodies.push({ url, body }),
          // A body the page itself gave up on (its fetch aborted as a component went away) never reached it.
          async (error: unknown) => {
            const end = await Promise.race([
              response.finished().then(() => 'finished' as const),
              gaveUp,
              new Promise<'silent'>((resolve) => setTimeout(() => resolve('silent'), 10_000)),
            ]);
            if (end !== 'failed' && !request.failure()) {
              seen.unread.push(`${url}: ${response.status()} ${request.postData()?.slice(0, 80)} ${String(error)} (${end})`);
            }
          },
        ),
      );
    });
    return seen;
  }

  /** The page asks the API nothing more and every answer it got is read (failing, with what is still awaited, if it never stops). */
  async function settled(page: Page, seen: Seen) {
    // A page's own navigations (history.pushState) leave the document's load state alone: requests are counted.
    const until = Date.now() + 30_000;
    for (let quiet = 0; quiet < 3;) {
      if (Date.now() > until) {
        const asked = [...seen.inFlight].map((r) => `${r.postData()?.slice(0, 80)} (from ${r.frame().url()})`);
        throw new Error(`${page.url()} still asks the API after 30 s: ${asked.join('; ')}`);
      }
      await page.waitForTimeout(100);
      quiet = seen.inFlight.size === 0 ? quiet + 1 : 0;
    }
    await Promise.all(seen.pending);
  }

  /** Opens `path`, waits until the page has stopped asking the API and keeps its text. */
  async function visit(page: Page, seen: Seen, path: string, expected?: string) {
    // Every answer of the previous page read before leaving it (a page gone, its bodies are gone too).
    await settled(page, seen);
    await page.goto(`${h.origin}${path}`, { waitUntil: 'networkidle' });
    if (expected) {
      await page
        .getByText(expected)
        .first()
        .waitFor()
        .catch(async (error: unknown) => {
          throw new Error(`${String(error)}\nscreenshot: ${await h.screenshot(page, `isolation-missing-${expected}`)}`);
        });
    }
    await settled(page, seen);
    seen.texts.push({ url: path, text: await page.locator('body').innerText() });
  }

  /** Where `words` appear in what the context saw (page texts and GraphQL answers). */
  async function leaks(seen: Seen, words: string[]) {
    await Promise.all(seen.pending);
    const found: string[] = [];
    for (const word of words) {
      for (const { url, text } of seen.texts) if (text.includes(word)) found.push(`${word} in the text of ${url}`);
      for (const { url, body } of seen.bodies) if (body.includes(word)) found.push(`${word} in an answer on ${url}`);
    }
    return found;
  }

  /** Every main page of the tenant's client and of its agency, with the marker expected where the data shows. */
  const ownPages = (t: Tenant): [string, string?][] => {
    const o = `/organizations/${t.org}`;
    return [
      ['/portfolio', `Client ${t.mark}`],
      [o, `Client ${t.mark}`],
      [`${o}/strategy`],
      [`${o}/strategy/objectives`, `Objective ${t.mark}`],
      [`${o}/strategy/audiences`],
      [`${o}/strategy/networks`],
      [`${o}/strategy/competitors`],
      [`${o}/strategy/voice`],
      [`${o}/strategy/task-force`],
      [`${o}/strategy/document`],
      [`${o}/policies`, `Policy ${t.mark}`],
      // An agency owner is no member of the client: the page still shows the policy (its acknowledgements asked apart).
      [`${o}/policies/${t.policyId}`, `Policy ${t.mark}`],
      [`${o}/evaluation`],
      [`${o}/evaluation/${t.assessmentId}`],
      [`${o}/content`, `Item ${t.mark}`],
      [`${o}/content/items`, `Item ${t.mark}`],
      [`${o}/content/items/${t.itemId}`],
      [`${o}/content/approvals`],
      [`${o}/content/crisis`],
      [`${o}/content/ideas`],
      [`${o}/content/media`],
      [`${o}/community`],
      [`${o}/community?tab=mentions`],
      [`${o}/community?tab=charts`],
      [`${o}/community?tab=influencers`],
      [`${o}/community?tab=queries`, `Listening ${t.mark}`],
      [`${o}/accounts`],
      [`${o}/members`, `Member ${t.mark}`],
      [`${o}/webhooks`, `client-hook-${t.mark}`],
      [`${o}/webhooks/${t.webhooks.organization}`, `client-hook-${t.mark}`],
      ['/agency/members', `Colleague ${t.mark}`],
      ['/agency/api-keys', `Key ${t.mark}`],
      ['/agency/models', `Model ${t.mark}`],
      [`/agency/models/${t.modelId}`, `Model ${t.mark}`],
      ['/agency/webhooks', `agency-hook-${t.mark}`],
      [`/agency/webhooks/${t.webhooks.agency}`, `agency-hook-${t.mark}`],
    ];
  };

  /** The addresses of `t`'s client, opened by someone who has no access to it. */
  const foreignPages = (org: string, t?: Tenant): string[] => {
    const o = `/organizations/${org}`;
    return [
      o,
      `${o}/strategy`,
      `${o}/strategy/objectives`,
      `${o}/policies`,
      ...(t ? [`${o}/policies/${t.policyId}`, `${o}/evaluation/${t.assessmentId}`, `${o}/content/items/${t.itemId}`] : []),
      `${o}/evaluation`,
      `${o}/content`,
      `${o}/content/items`,
      `${o}/community?tab=queries`,
      `${o}/accounts`,
      `${o}/members`,
      `${o}/webhooks`,
    ];
  };

  /** A refusal is shown (an alert), and no script threw while the page rendered it. */
  async function refused(page: Page, seen: Seen, path: string) {
    const problems = h.pageProblems.length;
    await visit(page, seen, path);
    await page
      .getByRole('alert')
      .first()
      .waitFor()
      .catch(async (error: unknown) => {
        throw new Error(`${String(error)}\nno refusal on ${path}, screenshot: ${await h.screenshot(page, `isolation-refusal-${path}`)}`);
      });
    await settled(page, seen);
    expect({ path, problems: h.pageProblems.slice(problems) }).toEqual({ path, problems: [] });
  }

  /** The organisation switcher's choices. */
  async function switcherChoices(page: Page, seen: Seen): Promise<string[]> {
    await settled(page, seen);
    await page.goto(`${h.origin}/portfolio`, { waitUntil: 'networkidle' });
    await page.getByRole('combobox', { name: 'Switch organisation' }).click();
    await page.getByRole('option').first().waitFor();
    const choices = await page.getByRole('option').allInnerTexts();
    await page.keyboard.press('Escape');
    await settled(page, seen);
    return choices.map((c) => c.trim());
  }

  beforeAll(async () => {
    h = await startConsoleHarness();
    alpha = await seedTenant('Quokka', 'Okapi');
    beta = await seedTenant('Narwhal');
  }, 240_000);

  afterAll(async () => {
    await h?.close();
  });

  it('shows each agency only its own data, page by page, while both owners are signed in at once', async () => {
    const contexts: BrowserContext[] = [await h.freshContext(), await h.freshContext()];
    const walk = async (context: BrowserContext, own: Tenant, other: Tenant) => {
      const page = await h.newPage(context);
      const seen = recording(page);
      await h.logIn(page, own.owner.email);
      await settled(page, seen);
      for (const [path, expected] of ownPages(own)) await visit(page, seen, path, expected);
      const onOwnPages = await leaks(seen, [other.mark, other.org, other.policyId, other.itemId, other.assessmentId, other.modelId]);
      for (const path of foreignPages(other.org, other)) await refused(page, seen, path);
      const choices = await switcherChoices(page, seen);
      // The foreign pages' refusals may repeat the id asked for; the other tenant's words must never come back.
      return { page, seen, onOwnPages, all: await leaks(seen, [other.mark]), choices };
    };
    // Both walks at the same time, in the same browser and against the same server.
    const [a, b] = await Promise.all([walk(contexts[0], alpha, beta), walk(contexts[1], beta, alpha)]);

    expect(a.onOwnPages).toEqual([]);
    expect(b.onOwnPages).toEqual([]);
    expect(a.all).toEqual([]);
    expect(b.all).toEqual([]);
    // The walk did read what it was shown (a check that looked at nothing would pass too).
    for (const [own, walked] of [
      [alpha, a],
      [beta, b],
    ] as const) {
      expect(walked.seen.unread).toEqual([]);
      expect(walked.seen.bodies.some(({ body }) => body.includes(`Objective ${own.mark}`))).toBe(true);
      expect(walked.seen.texts.some(({ text }) => text.includes(`Listening ${own.mark}`))).toBe(true);
    }
    // The agency first, then its clients by name (Okapi before Quokka).
    expect(a.choices).toEqual([`Agency: Agency ${alpha.mark}`, `Client ${alpha.otherClient?.mark}`, `Client ${alpha.mark}`]);
    expect(b.choices).toEqual([`Agency: Agency ${beta.mark}`, `Client ${beta.mark}`]);
    expect(h.pageProblems).toEqual([]);
    await Promise.all(contexts.map((c) => c.close()));
  }, 600_000);

  it("shows a client's contributor that client alone, not the agency's other clients", async () => {
    const context = await h.freshContext();
    const page = await h.newPage(context);
    const seen = recording(page);
    await h.logIn(page, alpha.contributor.email);
    await settled(page, seen);
    const o = `/organizations/${alpha.org}`;
    for (const [path, expected] of [
      [o, `Client ${alpha.mark}`],
      [`${o}/strategy/objectives`, `Objective ${alpha.mark}`],
      [`${o}/policies`],
      [`${o}/content/items`, `Item ${alpha.mark}`],
      [`${o}/community?tab=queries`],
      [`${o}/evaluation`],
      [`${o}/members`, `Member ${alpha.mark}`],
    ] as [string, string?][])
      await visit(page, seen, path, expected);
    const other = alpha.otherClient;
    if (!other) throw new Error('the first agency has a second client');
    expect(await leaks(seen, [other.mark, other.id, beta.mark, beta.org])).toEqual([]);
    for (const path of foreignPages(other.id)) await refused(page, seen, path);
    for (const path of foreignPages(beta.org, beta)) await refused(page, seen, path);

    await settled(page, seen);
    await page.goto(`${h.origin}${o}`, { waitUntil: 'networkidle' });
    await page.getByRole('combobox', { name: 'Switch organisation' }).click();
    await page.getByRole('option').first().waitFor();
    expect((await page.getByRole('option').allInnerTexts()).map((c) => c.trim())).toEqual([`Client ${alpha.mark}`]);

    expect(await leaks(seen, [other.mark, beta.mark])).toEqual([]);
    expect(seen.unread).toEqual([]);
    expect(seen.bodies.some(({ body }) => body.includes(`Objective ${alpha.mark}`))).toBe(true);
    expect(h.pageProblems).toEqual([]);
    await context.close();
  }, 300_000);
});
