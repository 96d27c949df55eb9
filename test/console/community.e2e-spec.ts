import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { addOrganizationMember } from '@socle/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback Mastodon of the plugin's tests is the network these pages talk to
import { MastodonTestServer } from '../../plugins/mastodon/src/test/mastodon-test-server';
import { axeProblems, startConsoleHarness, type ConsoleHarness } from './browser-harness';

/**
 * A client's community pages and network accounts in a real browser: the inbox (severity, the due time the
 * comment-handling rules give, assigned to a member, answered from a reply template at the loopback Mastodon, another
 * closed), the mention stream (facet counts, filters, pages), sentiment and share-of-voice charts, influencers by
 * reach, listening queries (the API's syntax check live, the refusal marked at its position, a field error next to
 * its field), and network accounts (health, a check, reconnecting one that needs it through the network's OAuth).
 */
describe('console: a client community and network accounts', () => {
  let h: ConsoleHarness;
  let mastodon: MastodonTestServer;
  let owner: Awaited<ReturnType<ConsoleHarness['signUpAgency']>>;
  let member: { userId: string; token: string };
  let org = '';
  let otherOrg = '';
  let healthyAccount = '';
  let staleAccount = '';
  let brandQuery = '';
  let rivalQuery = '';
  const items: Record<'high' | 'normal' | 'elsewhere', string> = { high: '', normal: '', elsewhere: '' };
  let commentedStatus = '';

  const ok = <T>(query: string, variables: Record<string, unknown> = {}, organizationId = org) =>
    h.api.ok<T>(query, variables, { token: owner.token, organizationId });

  /** axe-core on the whole page, header included: no serious or critical violation. */
  const noSeriousViolation = async (page: Page) => {
    expect(await axeProblems(page)).toEqual([]);
  };

  /** Waits until the locator matches exactly n elements (fails after the page's default 10 s). */
  const countIs = async (locator: Locator, n: number) => {
    const deadline = Date.now() + 10_000;
    let count = await locator.count();
    while (count !== n) {
      if (Date.now() > deadline) {
        const alerts = await locator.page().locator('.mantine-Alert-root').allTextContents();
        throw new Error(`expected ${n} elements, found ${count}${alerts.length ? ` (the page says: ${alerts.join(' | ')})` : ''}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      count = await locator.count();
    }
  };

  const daysAgo = (days: number, hour = 10) => {
    const d = new Date(Date.now() - days * 86_400_000);
    d.setUTCHours(hour, 0, 0, 0);
    return d.toISOString();
  };

  /** An inbox item as it arrives (the arrival path is the inbox's own tests'), then classified through the API so its due time comes from the rules. */
  const plantItem = async (organizationId: string, severity: string, text: string, externalId: string, accountId: string | null) => {
    const id = (
      await h.admin.query<{ id: string }>(
        `INSERT INTO inbox_items (organization_id, source, network_account_id, external_id, kind, author_handle, author_name, text, received_at,
           due_at, responsible_role)
         VALUES ($1, 'mastodon', $2, $3, 'COMMENT', 'claire@piaille.example', 'Claire', $4, now() - interval '5 minutes', now(), 'COMMUNITY_MANAGER')
         RETURNING id`,
        [organizationId, accountId, externalId, text],
      )
    ).rows[0].id;
    await ok(
      'mutation ($input: SetInboxItemSeverityInput!) { setInboxItemSeverity(input: $input) { id } }',
      { input: { id, severity, version: 1 } },
      organizationId,
    );
    return id;
  };

  beforeAll(async () => {
    mastodon = await MastodonTestServer.start({ tokenLifetimeSeconds: 3600 });
    h = await startConsoleHarness({ OUTBOUND_ALLOWED_RANGES: '127.0.0.0/8,::1/128', CONNECTOR_TIMEOUT_MS: '2000' });
    owner = await h.signUpAgency('Agence Communauté');
    const create = async (name: string) =>
      (
        await h.api.ok<{ createOrganization: { id: string } }>(
          'mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
          { input: { name, timezone: 'Pacific/Auckland', locale: 'FR' } },
          { token: owner.token },
        )
      ).createOrganization.id;
    org = await create('Boulangerie Communauté');
    otherOrg = await create('Autre client communauté');
    member = await addOrganizationMember(h.api, { ...owner, refreshToken: '', userId: '' }, org, ['COMMUNITY_MANAGER']);

    // Two Mastodon accounts: one healthy, one whose token the network revoked (a check finds NEEDS_REAUTH).
    const connect = async (username: string) =>
      (
        await ok<{ connectNetworkAccount: { id: string } }>(
          'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id } }',
          { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: mastodon.createAccessToken(username) } },
        )
      ).connectNetworkAccount.id;
    healthyAccount = await connect('boulangerie');
    const staleToken = mastodon.createAccessToken('fournil');
    staleAccount = (
      await ok<{ connectNetworkAccount: { id: string } }>(
        'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id } }',
        { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: staleToken } },
      )
    ).connectNetworkAccount.id;
    mastodon.revokeToken(staleToken);
    const checked = await ok<{ checkNetworkAccount: { status: string } }>(
      'mutation ($input: CheckNetworkAccountInput!) { checkNetworkAccount(input: $input) { status } }',
      { input: { id: staleAccount } },
    );
    expect(checked.checkNetworkAccount.status).toBe('NEEDS_REAUTH');

    // Listening: the brand and a competitor (paused: the pages read what they found, planted below).
    const rival = await ok<{ createCompetitor: { id: string } }>(
      'mutation ($input: CreateCompetitorInput!) { createCompetitor(input: $input) { id } }',
      { input: { name: 'Maison Martin' } },
    );
    const query = async (input: Record<string, unknown>) =>
      (
        await ok<{ createListeningQuery: { id: string } }>(
          'mutation ($input: CreateListeningQueryInput!) { createListeningQuery(input: $input) { id } }',
          { input: { active: false, ...input } },
        )
      ).createListeningQuery.id;
    brandQuery = await query({ kind: 'BRAND', name: 'Boulangerie', query: 'boulangerie OR "pain au levain"' });
    rivalQuery = await query({ kind: 'COMPETITOR', name: 'Martin', query: '"maison martin"', competitorId: rival.createCompetitor.id });

    // 25 mentions over the last three weeks (a second page), as listening stores them.
    const mention = async (i: number, source: string, sentiment: [string, number], author: string, reach: number, queryId: string) => {
      const at = daysAgo(1 + (i % 20));
      const { rows } = await h.admin.query<{ id: string }>(
        `INSERT INTO mentions (organization_id, source, external_id, author_handle, author_reach, text, published_at, language, sentiment_label, sentiment_score)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'fr', $8, $9) RETURNING id`,
        [org, source, `m-${i}`, author, reach, `Mention ${i} de la boulangerie`, at, sentiment[0], sentiment[1]],
      );
      await h.admin.query('INSERT INTO mention_matches (organization_id, query_id, mention_id, published_at) VALUES ($1, $2, $3, $4)', [
        org,
        queryId,
        rows[0].id,
        at,
      ]);
    };
    for (let i = 0; i < 25; i++) {
      const negative = i % 5 === 0; // 5 negative
      await mention(
        i,
        i % 3 === 0 ? 'bluesky' : 'mastodon',
        negative ? ['NEGATIVE', -0.7] : ['POSITIVE', 0.6],
        i % 4 === 0 ? 'gourmet.bsky.social' : `voisin${i % 4}@piaille.example`,
        i % 4 === 0 ? 250_000 : 40,
        i < 20 ? brandQuery : rivalQuery,
      );
    }
    // Another client's mention: never shown here.
    await h.admin.query(
      `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, published_at) VALUES ($1, 'mastodon', 'ailleurs', 'x', 'Ailleurs secret', now())`,
      [otherOrg],
    );

    // The comment-handling rules: Mastodon NORMAL within 30 minutes, HIGH within 15 with a template.
    await ok('mutation ($input: SetCommentHandlingRulesInput!) { setCommentHandlingRules(input: $input) { rules { channel } } }', {
      input: {
        rules: [
          { channel: 'mastodon', severity: 'NORMAL', responseMinutes: 30, responsibleRole: 'COMMUNITY_MANAGER' },
          {
            channel: 'mastodon',
            severity: 'HIGH',
            responseMinutes: 15,
            responsibleRole: 'COMMUNITY_MANAGER',
            replyTemplates: [{ language: 'FR', text: 'Merci Claire, nous regardons tout de suite.' }],
          },
        ],
      },
    });
    // A comment at the instance on one of our posts: the HIGH item answers it.
    const post = mastodon.postAs('boulangerie', 'Fournée du jour');
    commentedStatus = mastodon.postAs('claire', 'Le pain était rassis ce matin !', { inReplyToId: post.id }).id;
    items.high = await plantItem(org, 'HIGH', 'Le pain était rassis ce matin !', commentedStatus, healthyAccount);
    items.normal = await plantItem(org, 'NORMAL', 'Vous ouvrez dimanche ?', `c-${randomUUID()}`, healthyAccount);
    items.elsewhere = await plantItem(otherOrg, 'NORMAL', 'Secret d’un autre client', `c-${randomUUID()}`, null);
  }, 180_000);

  afterAll(async () => {
    await h?.close();
    await mastodon?.close();
  });

  it('walks the inbox, mentions, charts, influencers and listening queries', async () => {
    const context = await h.freshContext();
    const page = await h.newPage(context);
    await h.logIn(page, owner.email, owner.password);

    // The inbox: both items with their severity and the due time the rules gave, in Auckland's time zone.
    await page.goto(`${h.origin}/organizations/${org}/community`);
    const rows = page.getByTestId('inbox-item');
    await countIs(rows, 2);
    const high = (
      await ok<{ inboxItem: { dueAt: string; receivedAt: string } }>('query ($id: ID!) { inboxItem(id: $id) { dueAt receivedAt } }', {
        id: items.high,
      })
    ).inboxItem;
    expect(new Date(high.dueAt).getTime() - new Date(high.receivedAt).getTime()).toBe(15 * 60_000);
    const dueText = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Pacific/Auckland' }).format(
      new Date(high.dueAt),
    );
    const highRow = rows.filter({ hasText: 'rassis' });
    await highRow.getByText('High').waitFor();
    await highRow.getByText(dueText).waitFor();
    expect(await page.getByText('Secret d’un autre client').count()).toBe(0);
    await noSeriousViolation(page);
    await h.screenshot(page, 'community-inbox');

    // Assign it to the community manager, answer from the template: the reply goes out at the instance.
    await highRow.getByRole('button', { name: 'Handle the message from claire@piaille.example' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Assign to' }).click();
    const memberName = (
      await ok<{ members: { edges: { node: { userId: string; user: { displayName: string } } }[] } }>(
        '{ members(first: 100) { edges { node { userId user { displayName } } } } }',
      )
    ).members.edges.find((e) => e.node.userId === member.userId)?.node.user.displayName as string;
    await page.getByRole('option', { name: memberName }).click();
    await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
    await dialog.getByText('Assigned', { exact: true }).waitFor();
    await dialog.getByRole('combobox', { name: 'Reply template' }).click();
    await page.getByRole('option').first().click();
    expect(await dialog.getByRole('textbox', { name: 'Reply' }).inputValue()).toBe('Merci Claire, nous regardons tout de suite.');
    await dialog.getByRole('button', { name: 'Send the reply' }).click();
    await dialog.getByText('Answered', { exact: true }).waitFor();
    const replies = mastodon.statusesOf('boulangerie').filter((s) => s.in_reply_to_id === commentedStatus);
    expect(replies.map((s) => String(s.content))).toEqual([expect.stringContaining('nous regardons')]);
    await page.keyboard.press('Escape');

    // Close the other one without answering.
    await rows
      .filter({ hasText: 'dimanche' })
      .getByRole('button', { name: /Handle the message/ })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Close without answering' }).click();
    await rows.filter({ hasText: 'dimanche' }).getByText('Closed', { exact: true }).waitFor();
    const after = await ok<{ a: { status: string; assigneeId: string }; b: { status: string } }>(
      'query ($a: ID!, $b: ID!) { a: inboxItem(id: $a) { status assigneeId } b: inboxItem(id: $b) { status } }',
      { a: items.high, b: items.normal },
    );
    expect(after).toEqual({ a: { status: 'ANSWERED', assigneeId: member.userId }, b: { status: 'DISMISSED' } });

    // Mentions: 20 on the first page, 5 on the next; facet counts next to each choice; filters narrow the list.
    await page.getByRole('tab', { name: 'Mentions' }).click();
    await countIs(page.getByTestId('mention'), 20);
    await page.getByTestId('facets').getByText('25 mentions').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await countIs(page.getByTestId('mention'), 5);
    await page.getByRole('combobox', { name: 'Sentiment' }).click();
    await page.getByRole('option', { name: 'Negative (5)' }).click();
    await countIs(page.getByTestId('mention'), 5);
    await page.getByTestId('facets').getByText('5 mentions').waitFor();
    await page.getByRole('combobox', { name: 'Network' }).click();
    // Each facet ignores its own condition: bluesky's count among the negative ones (i = 0, 15 → 2).
    await page.getByRole('option', { name: 'bluesky (2)' }).click();
    await countIs(page.getByTestId('mention'), 2);
    await page.getByRole('textbox', { name: 'Text', exact: true }).fill('"Mention 15"');
    await countIs(page.getByTestId('mention'), 1);
    expect(await page.getByText('Ailleurs secret').count()).toBe(0);
    await noSeriousViolation(page);
    await h.screenshot(page, 'community-mentions');

    // Charts: sentiment over time and share of voice (20 brand, 5 Maison Martin).
    await page.getByRole('tab', { name: 'Sentiment and share of voice' }).click();
    await page.getByTestId('sentiment-chart').locator('svg').first().waitFor();
    const share = page.getByTestId('share-of-voice');
    await share.getByRole('row').filter({ hasText: 'Maison Martin' }).filter({ hasText: '20%' }).waitFor();
    await share.getByRole('row').filter({ hasText: 'Boulangerie Communauté' }).filter({ hasText: '80%' }).waitFor();
    await noSeriousViolation(page);
    await h.screenshot(page, 'community-charts');

    // Influencers: the author with the largest reach first.
    await page.getByRole('tab', { name: 'Influencers' }).click();
    await countIs(page.getByTestId('influencer'), 8); // 4 handles, each on both networks
    expect(await page.getByTestId('influencer').first().textContent()).toMatch(/gourmet\.bsky\.social.*250,000/);
    await noSeriousViolation(page);
    await h.screenshot(page, 'community-influencers');

    // Listening queries: the API's check while typing, the refusal marked where it is; a taken name next to its field.
    await page.getByRole('tab', { name: 'Listening queries' }).click();
    await countIs(page.getByTestId('listening-query'), 2);
    await page.getByRole('button', { name: 'New query' }).click();
    const form = page.getByRole('dialog');
    await form.getByRole('textbox', { name: 'Name' }).fill('Boulangerie');
    const queryBox = form.getByRole('textbox', { name: 'Query' });
    await queryBox.fill('levain AND (vélo');
    await form.getByText(/Refused at character \d+/).waitFor();
    expect(await form.getByTestId('syntax-position').locator('mark').count()).toBe(1);
    await queryBox.fill('levain AND (vélo OR "pain d\'épices")');
    await form.getByText('The query is valid.').waitFor();
    await noSeriousViolation(page);
    await h.screenshot(page, 'community-queries');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('A listening query named "Boulangerie" exists already.').waitFor();
    await form.getByRole('textbox', { name: 'Name' }).fill('Levain');
    await form.getByRole('button', { name: 'Save' }).click();
    await countIs(page.getByTestId('listening-query'), 3);
    // Nothing was stored by the checks while typing.
    const stored = await ok<{ listeningQueries: { edges: { node: { name: string } }[] } }>(
      '{ listeningQueries(first: 100) { edges { node { name } } } }',
    );
    expect(stored.listeningQueries.edges.map((e) => e.node.name).sort()).toEqual(['Boulangerie', 'Levain', 'Martin']);

    await context.close();
  }, 60_000);

  it('shows the accounts’ health and reconnects one that needs it through the network’s OAuth', async () => {
    const context = await h.freshContext();
    const page = await h.newPage(context);
    await h.logIn(page, owner.email, owner.password);
    await page.goto(`${h.origin}/organizations/${org}/accounts`);
    const accounts = page.getByTestId('network-account');
    await countIs(accounts, 2);
    await accounts.filter({ hasText: 'boulangerie@' }).getByText('Healthy').waitFor();
    const stale = accounts.filter({ hasText: 'fournil@' });
    await stale.getByText('Needs reconnecting').waitFor();
    await noSeriousViolation(page);
    await h.screenshot(page, 'accounts');

    // Connecting another network: Bluesky asks for an app password.
    await page.getByRole('button', { name: 'Connect an account' }).click();
    const connect = page.getByRole('dialog');
    const networks = (
      await ok<{ networks: { id: string; displayName: string; authKind: string }[] }>('{ networks { id displayName authKind } }')
    ).networks;
    const bluesky = networks.find((n) => n.authKind === 'app-password');
    if (bluesky) {
      await connect.getByRole('combobox', { name: 'Network' }).click();
      await page.getByRole('option', { name: bluesky.displayName }).click();
      await connect.getByLabel('App password').waitFor();
      await connect.getByRole('textbox', { name: 'Handle or e-mail' }).waitFor();
    }
    await page.keyboard.press('Escape');

    // Reconnect: the API starts OAuth, the browser goes to the instance's consent, which sends it back to the API's callback.
    mastodon.signIn('fournil');
    await stale.getByRole('button', { name: /^Reconnect fournil@/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Continue on the network' }).click();
    await page.waitForURL((url) => url.pathname === '/oauth/callback');
    await page.goto(`${h.origin}/organizations/${org}/accounts`);
    await accounts.filter({ hasText: 'fournil@' }).getByText('Healthy').waitFor();
    expect(await accounts.count()).toBe(2);

    // A check now asks the instance again.
    await accounts
      .filter({ hasText: 'boulangerie@' })
      .getByRole('button', { name: /^Check now: boulangerie@/ })
      .click();
    await accounts.filter({ hasText: 'boulangerie@' }).getByText('Healthy').waitFor();
    await context.close();

    // The one other origin the page went to is the network's consent page.
    expect(h.elsewhere().filter((url) => new URL(url).origin !== mastodon.baseUrl)).toEqual([]);
    expect(h.pageProblems).toEqual([]);
  }, 60_000);
});
