import type { Client } from 'pg';
import { AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { adminDatabase, leaksIn } from './e2e-support';

const RANGE = 'from: "2026-01-01T00:00:00Z", to: "2026-04-01T00:00:00Z"';
const FILTER_NULLS = 'from: null, to: null, queryId: null, source: null, sentiment: null, language: null, authorHandle: null, text: null';

/**
 * GraphQL clients commonly send null for an optional argument they leave out: every optional argument of the community
 * read operations takes null as absent (same answer as leaving it out), never BAD_USER_INPUT.
 */
describe('community read operations: null optional arguments', () => {
  let api: TestApi;
  let admin: Client;
  let owner: AgencySession;
  let org: string;

  const answer = async (document: string) => {
    const res = await api.gql(document, {}, { token: owner.token, organizationId: org });
    expect(res.status).toBeLessThan(500);
    expect(leaksIn(res.body)).toEqual([]);
    expect({ document, errors: res.body.errors ?? [] }).toEqual({ document, errors: [] });
    return res.body.data as Record<string, unknown>;
  };

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Arguments Nuls');
    org = await createOrganization(api, owner, 'Boulangerie Arguments Nuls');
    // Within the default windows (the last 30 and 90 days).
    for (const [i, handle, at] of [
      [1, 'alice@fournil.example', 2],
      [2, 'bob@fournil.example', 1],
    ] as const) {
      await admin.query(
        `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, published_at) VALUES ($1, 'mastodon', $2, $3, 'Le fournil du quartier', now() - make_interval(days => $4))`,
        [org, `null-args-${i}`, handle, at],
      );
    }
  });
  afterAll(async () => {
    await api?.stop();
    await admin?.end();
  });

  it('mentions and mentionFacets take null filters and cursor as absent', async () => {
    const page = 'edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage }';
    expect(await answer(`{ mentions(first: 1, after: null, ${FILTER_NULLS}) { ${page} } }`)).toEqual(
      await answer(`{ mentions(first: 1) { ${page} } }`),
    );
    const all = (await answer(`{ mentions(first: null, after: null, from: null) { edges { node { id } } } }`)) as {
      mentions: { edges: unknown[] };
    };
    expect(all.mentions.edges).toHaveLength(2);
    const facets = 'total sources { value count } authors { value count }';
    expect(await answer(`{ mentionFacets(${FILTER_NULLS}) { ${facets} } }`)).toEqual(await answer(`{ mentionFacets { ${facets} } }`));
  });

  it('mentionVolume and shareOfVoice take null optional arguments as absent', async () => {
    expect(await answer(`{ mentionVolume(interval: DAY, ${FILTER_NULLS}, timeZone: null) { __typename } }`)).toEqual({
      mentionVolume: { __typename: 'MentionVolume' },
    });
    expect(await answer(`{ shareOfVoice(${RANGE}, interval: null, timeZone: null) { __typename } }`)).toEqual({
      shareOfVoice: { __typename: 'ShareOfVoice' },
    });
  });

  it('mentionAuthors takes a null cursor and window as absent, mentionAuthor a null window', async () => {
    const page = 'edges { node { id mentions } } pageInfo { hasNextPage hasPreviousPage }';
    const withNulls = await answer(
      `{ mentionAuthors(first: null, after: null, from: null, to: null, source: null, tag: null, leaning: null, handlePrefix: null) { ${page} } }`,
    );
    expect(withNulls).toEqual(await answer(`{ mentionAuthors { ${page} } }`));
    expect((withNulls as { mentionAuthors: { edges: unknown[] } }).mentionAuthors.edges).toHaveLength(2);
    const one = 'author { id mentions } recentMentions { externalId }';
    const args = 'source: "mastodon", handle: "alice@fournil.example"';
    const detail = (await answer(`{ mentionAuthor(${args}, from: null, to: null) { ${one} } }`)) as {
      mentionAuthor: { author: { mentions: number } };
    };
    expect(detail.mentionAuthor.author.mentions).toBe(1);
  });

  it('the other community lists take null optional arguments as absent', async () => {
    for (const document of [
      '{ listeningQueries(first: null, after: null, active: null) { edges { node { id } } } }',
      '{ alerts(first: null, after: null, status: null, kind: null) { edges { node { id } } } }',
      '{ inboxItems(first: null, after: null, status: null, severity: null, assigneeId: null, overdue: null) { edges { node { id } } } }',
      '{ replyTemplates(network: null, severity: null) { __typename } }',
      '{ networkAccounts(first: null, after: null) { edges { node { id } } } }',
      `{ metricSeries(metric: FOLLOWERS, interval: DAY, ${RANGE}, accountId: null) { __typename } }`,
      '{ crisisNotifications(alertId: null, first: null) { __typename } }',
    ]) {
      await answer(document);
    }
  });

  it('null given through variables is absent too', async () => {
    const res = await api.gql(
      'query ($from: DateTime, $after: String) { mentions(from: $from, after: $after) { edges { node { id } } } mentionAuthors(after: $after, from: $from) { edges { node { id } } } }',
      { from: null, after: null },
      { token: owner.token, organizationId: org },
    );
    expect(res.body.errors ?? []).toEqual([]);
  });
});
