import type { Client } from 'pg';
import { influenceScore } from '@socle/community';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { adminDatabase, firstError, leaksIn } from './e2e-support';

interface Author {
  id: string;
  source: string;
  handle: string;
  name: string | null;
  score: number;
  mentions: number;
  averageSentiment: number | null;
  positive: number;
  negative: number;
  leaning: string;
  reach: number | null;
  lastSeen: string | null;
  tags: string[];
  suggestedTags: string[];
  note: string | null;
  taggedBy: string | null;
  taggedAt: string | null;
}
interface Page {
  mentionAuthors: { edges: { cursor: string; node: Author }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const AUTHOR =
  'id source handle name score mentions averageSentiment positive negative leaning reach lastSeen tags suggestedTags note taggedBy taggedAt';
const RANK = `query ($first: Int, $after: String, $from: DateTime, $to: DateTime, $source: String, $tag: MentionAuthorTag, $leaning: SentimentLeaning, $handlePrefix: String) {
  mentionAuthors(first: $first, after: $after, from: $from, to: $to, source: $source, tag: $tag, leaning: $leaning, handlePrefix: $handlePrefix) {
    edges { cursor node { ${AUTHOR} } } pageInfo { hasNextPage endCursor } } }`;
const ONE = `query ($source: String!, $handle: String!, $from: DateTime, $to: DateTime) { mentionAuthor(source: $source, handle: $handle, from: $from, to: $to) {
  from to author { ${AUTHOR} } recentMentions { externalId authorHandle publishedAt } } }`;
const TAG = `mutation ($input: MentionAuthorTagInput!) { tagMentionAuthor(input: $input) { ${AUTHOR} } }`;
const UNTAG = `mutation ($input: MentionAuthorTagInput!) { untagMentionAuthor(input: $input) { ${AUTHOR} } }`;
const NOTE = `mutation ($input: MentionAuthorNoteInput!) { setMentionAuthorNote(input: $input) { ${AUTHOR} } }`;
const WINDOW = { from: '2026-01-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };

/**
 * Authors ranked by influence through GraphQL, over mentions planted as the
 * database owner (so every figure below is known), next to another
 * organisation's mentions by the same handles.
 */
describe('mention authors', () => {
  let api: TestApi;
  let admin: Client;
  let owner: AgencySession;
  let org: string;
  let otherOrg: string;

  const gql = (query: string, variables: Record<string, unknown> = {}, organizationId = org, token = owner.token) =>
    api.gql(query, variables, { token, organizationId });
  const ok = <T>(query: string, variables: Record<string, unknown> = {}, organizationId = org) =>
    api.ok<T>(query, variables, { token: owner.token, organizationId });
  const rank = async (variables: Record<string, unknown>, organizationId = org) =>
    (await ok<Page>(RANK, { first: 100, ...WINDOW, ...variables }, organizationId)).mentionAuthors.edges.map((e) => e.node);
  const refusal = async (query: string, variables: Record<string, unknown>) => {
    const res = await gql(query, variables);
    expect(res.status).toBeLessThan(500);
    expect(leaksIn(res.body)).toEqual([]);
    return firstError(res).extensions;
  };
  const profiles = async (organizationId = org) =>
    (await admin.query('SELECT count(*)::int AS n FROM mention_author_profiles WHERE organization_id = $1', [organizationId])).rows[0]
      .n as number;

  let seq = 0;
  const mention = async (
    source: string,
    handle: string,
    at: string,
    sentiment: [string, number] | null,
    reach: number | null,
    organizationId = org,
    name: string | null = null,
  ) => {
    seq += 1;
    await admin.query(
      `INSERT INTO mentions (organization_id, source, external_id, author_handle, author_name, author_reach, text, published_at, sentiment_label, sentiment_score)
       VALUES ($1, $2, $3, $4, $5, $6, 'texte', $7, $8, $9)`,
      [organizationId, source, `e${seq}`, handle, name, reach, at, sentiment?.[0] ?? null, sentiment?.[1] ?? null],
    );
  };

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Auteurs');
    org = await createOrganization(api, owner, 'Boulangerie Auteurs');
    otherOrg = await createOrganization(api, owner, 'Autre client auteurs');
    // Alice on Mastodon: four positive mentions, 50,000 followers at most, 40,000 when read last, her handle written two ways.
    await mention('mastodon', 'alice', '2026-02-01T10:00:00Z', ['POSITIVE', 0.8], 30_000, org, 'Alice Old');
    await mention('mastodon', 'Alice', '2026-02-10T10:00:00Z', ['POSITIVE', 0.6], 50_000, org, 'Alice B.');
    await mention('mastodon', 'alice', '2026-03-01T10:00:00Z', ['POSITIVE', 0.7], null);
    await mention('mastodon', 'ALICE', '2026-03-05T10:00:00Z', ['POSITIVE', 0.5], 40_000);
    await mention('mastodon', 'alice', '2025-06-01T10:00:00Z', ['NEGATIVE', -1], 9_000_000); // before the window
    // Another alice, on Bluesky: another author.
    await mention('bluesky', 'alice', '2026-02-02T10:00:00Z', ['NEUTRAL', 0], null);
    // A recurring detractor.
    await mention('mastodon', 'grognon', '2026-02-03T10:00:00Z', ['NEGATIVE', -0.8], 300);
    await mention('mastodon', 'grognon', '2026-02-13T10:00:00Z', ['NEGATIVE', -0.7], 300);
    await mention('mastodon', 'grognon', '2026-02-23T10:00:00Z', ['NEGATIVE', -0.9], 310);
    await mention('mastodon', 'bob', '2026-02-04T10:00:00Z', null, 100);
    await mention('rss', 'carol', '2026-02-05T10:00:00Z', ['NEGATIVE', -0.3], null);
    // LIKE's wildcards in a handle are only characters.
    await mention('mastodon', 'a%b_c', '2026-02-06T10:00:00Z', null, null);
    await mention('mastodon', 'axbyc', '2026-02-06T11:00:00Z', null, null);
    await mention('mastodon', 'vieux', '2025-01-01T10:00:00Z', ['POSITIVE', 1], 5);
    // The other organisation: same handle, a far larger audience and a tag of its own.
    await mention('mastodon', 'alice', '2026-02-01T10:00:00Z', ['NEGATIVE', -0.9], 1_000_000, otherOrg);
    await mention('mastodon', 'lointain', '2026-02-01T10:00:00Z', null, null, otherOrg);
    await admin.query(
      `INSERT INTO mention_author_profiles (organization_id, source, handle_key, tags, note) VALUES ($1, 'mastodon', 'alice', '{DETRACTOR}', 'ailleurs')`,
      [otherOrg],
    );
  });
  afterAll(async () => {
    await api?.stop();
    await admin?.end();
  });

  it('ranks the authors of the window by the documented score, with their figures, in this organisation only', async () => {
    const authors = await rank({});
    expect(authors.map((a) => a.id)).toEqual([
      'mastodon:alice',
      'mastodon:grognon',
      'mastodon:bob',
      'rss:carol',
      'bluesky:alice',
      'mastodon:a%b_c',
      'mastodon:axbyc',
    ]);
    const alice = authors[0];
    expect(alice).toMatchObject({
      handle: 'ALICE',
      name: 'Alice B.',
      mentions: 4,
      averageSentiment: 0.65,
      positive: 4,
      negative: 0,
      leaning: 'POSITIVE',
      // The reach read last (the mention stored last that has one), not the peak.
      reach: 40_000,
      lastSeen: '2026-03-05T10:00:00.000Z',
      tags: [],
      note: null,
      suggestedTags: ['AMBASSADOR', 'INFLUENCER'],
    });
    expect(authors.find((a) => a.id === 'mastodon:grognon')).toMatchObject({
      mentions: 3,
      negative: 3,
      leaning: 'NEGATIVE',
      reach: 310,
      suggestedTags: ['DETRACTOR'],
    });
    expect(authors.find((a) => a.id === 'mastodon:bob')).toMatchObject({ averageSentiment: null, leaning: 'NEUTRAL', suggestedTags: [] });
    // The statement's score is the formula's.
    for (const a of authors) expect(a.score).toBe(influenceScore(a));
    expect(alice.score).toBe(56.36); // 50 × log10(40001)/7 + 30 × log10(5)/2 + 20 × 0.65
    // Ties (equal scores) are ordered by network then handle: a stable total order.
    expect(authors[5].score).toBe(authors[6].score);
    expect(await rank({}, otherOrg)).toMatchObject([
      { id: 'mastodon:alice', reach: 1_000_000, tags: ['DETRACTOR'], note: 'ailleurs' },
      { id: 'mastodon:lointain' },
    ]);
  });

  it('filters by network, leaning and handle prefix (wildcards taken literally)', async () => {
    expect((await rank({ source: 'mastodon', leaning: 'NEGATIVE' })).map((a) => a.id)).toEqual(['mastodon:grognon']);
    expect((await rank({ leaning: 'NEGATIVE' })).map((a) => a.id)).toEqual(['mastodon:grognon', 'rss:carol']);
    expect((await rank({ handlePrefix: '@AL' })).map((a) => a.id)).toEqual(['mastodon:alice', 'bluesky:alice']);
    expect((await rank({ handlePrefix: 'a%' })).map((a) => a.id)).toEqual(['mastodon:a%b_c']);
    expect((await rank({ handlePrefix: 'a_b' })).map((a) => a.id)).toEqual([]);
    expect((await rank({ source: 'nowhere' })).map((a) => a.id)).toEqual([]);
    // Before the window, Alice was a loud critic with a huge audience.
    expect(await rank({ from: '2025-01-01T00:00:00Z', to: '2025-12-31T00:00:00Z', handlePrefix: 'alice' })).toMatchObject([
      { id: 'mastodon:alice', mentions: 1, leaning: 'NEGATIVE', reach: 9_000_000 },
    ]);
  });

  it('pages with keyset cursors that carry the window, over the same order as one page', async () => {
    const whole = (await rank({})).map((a) => a.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const page: Page = await ok<Page>(RANK, after ? { first: 2, after } : { first: 2, ...WINDOW });
      seen.push(...page.mentionAuthors.edges.map((e) => e.node.id));
      if (!page.mentionAuthors.pageInfo.hasNextPage) break;
      after = page.mentionAuthors.pageInfo.endCursor;
    }
    expect(seen).toEqual(whole);
    const first = await ok<Page>(RANK, { first: 1, ...WINDOW });
    const cursor = first.mentionAuthors.pageInfo.endCursor;
    expect(await refusal(RANK, { first: 1, after: cursor, from: '2026-01-02T00:00:00Z' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'from',
    });
    expect(await refusal(RANK, { after: Buffer.from('["99","mastodon","x","nope","nope"]').toString('base64url') })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    expect(await refusal(RANK, { after: 'x'.repeat(3000) })).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('counts the whole ranking in totalCount: every page, the same filters, never another agency’s authors', async () => {
    const COUNT = `query ($first: Int, $after: String, $from: DateTime, $to: DateTime, $source: String, $tag: MentionAuthorTag, $leaning: SentimentLeaning, $handlePrefix: String) {
      mentionAuthors(first: $first, after: $after, from: $from, to: $to, source: $source, tag: $tag, leaning: $leaning, handlePrefix: $handlePrefix) {
        totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
    type Counted = { mentionAuthors: { totalCount: number; edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const count = async (variables: Record<string, unknown>) =>
      (await ok<Counted>(COUNT, { first: 100, ...WINDOW, ...variables })).mentionAuthors.totalCount;
    const first = (await ok<Counted>(COUNT, { first: 2, ...WINDOW })).mentionAuthors;
    expect(first).toMatchObject({ totalCount: 7, pageInfo: { hasNextPage: true } });
    expect(first.edges).toHaveLength(2);
    // The next page reads the cursor's window and counts the same ranking.
    const second = (await ok<Counted>(COUNT, { first: 2, after: first.pageInfo.endCursor })).mentionAuthors;
    expect(second.totalCount).toBe(7);
    // Filters on the mentions (network, handle) and on the grouped authors (leaning, tag) narrow the count alike.
    expect(await count({ source: 'mastodon' })).toBe(5);
    expect(await count({ leaning: 'NEGATIVE' })).toBe(2);
    expect(await count({ source: 'mastodon', leaning: 'NEGATIVE' })).toBe(1);
    expect(await count({ handlePrefix: '@AL' })).toBe(2);
    expect(await count({ tag: 'DETRACTOR' })).toBe(0);
    expect(await count({ from: '2025-01-01T00:00:00Z', to: '2025-12-31T00:00:00Z' })).toBe(2);

    // Another agency's mentions, in the same window and by the same handles, are not counted.
    const stranger = await signUpAgency(api, 'Agence Auteurs étrangère');
    const strangerOrg = await createOrganization(api, stranger, 'Client étranger auteurs');
    await mention('mastodon', 'alice', '2026-02-01T10:00:00Z', ['NEGATIVE', -0.9], 1_000, strangerOrg);
    await mention('mastodon', 'inconnu', '2026-02-02T10:00:00Z', null, null, strangerOrg);
    expect(await count({})).toBe(7);
    expect(await count({ leaning: 'NEGATIVE' })).toBe(2);
    const theirs = await api.ok<Counted>(COUNT, { first: 1, ...WINDOW }, { token: stranger.token, organizationId: strangerOrg });
    expect(theirs.mentionAuthors.totalCount).toBe(2);
  });

  it('defaults to the last 90 days', async () => {
    const now = Date.now();
    await mention('mastodon', 'recent', new Date(now - 86_400_000).toISOString(), ['POSITIVE', 1], 10);
    await mention('mastodon', 'recent', new Date(now - 100 * 86_400_000).toISOString(), ['POSITIVE', 1], 10);
    const page = await ok<Page>(RANK, { first: 100, handlePrefix: 'recent' });
    expect(page.mentionAuthors.edges.map((e) => [e.node.id, e.node.mentions])).toEqual([['mastodon:recent', 1]]);
  });

  it('tags, untags and annotates an author, case ignored, audited once per change, suggestions minus the tags it has', async () => {
    const tagged = await ok<{ tagMentionAuthor: Author }>(TAG, { input: { source: 'mastodon', handle: '@Grognon', tag: 'DETRACTOR' } });
    expect(tagged.tagMentionAuthor).toMatchObject({ id: 'mastodon:grognon', tags: ['DETRACTOR'], taggedBy: owner.userId });
    // Read over the default window the figures are zero (the mentions are older); the tag is there.
    expect(tagged.tagMentionAuthor.taggedAt).not.toBeNull();
    await ok(TAG, { input: { source: 'mastodon', handle: 'grognon', tag: 'DETRACTOR' } });
    await ok(TAG, { input: { source: 'mastodon', handle: 'alice', tag: 'INFLUENCER' } });
    const alice = (await rank({ tag: 'INFLUENCER' }))[0];
    expect(alice).toMatchObject({ id: 'mastodon:alice', tags: ['INFLUENCER'], suggestedTags: ['AMBASSADOR'] });
    expect((await rank({ tag: 'DETRACTOR' })).map((a) => a.id)).toEqual(['mastodon:grognon']);
    expect((await rank({ tag: 'DETRACTOR' }))[0].suggestedTags).toEqual([]);
    const untagged = await ok<{ untagMentionAuthor: Author }>(UNTAG, {
      input: { source: 'mastodon', handle: 'GROGNON', tag: 'DETRACTOR' },
    });
    expect(untagged.untagMentionAuthor.tags).toEqual([]);
    await ok(UNTAG, { input: { source: 'mastodon', handle: 'grognon', tag: 'DETRACTOR' } });
    const noted = await ok<{ setMentionAuthorNote: Author }>(NOTE, {
      input: { source: 'mastodon', handle: 'grognon', note: '  Client mécontent depuis la fermeture du dimanche  ' },
    });
    expect(noted.setMentionAuthorNote.note).toBe('Client mécontent depuis la fermeture du dimanche');
    const cleared = await ok<{ setMentionAuthorNote: Author }>(NOTE, { input: { source: 'mastodon', handle: 'grognon', note: null } });
    expect(cleared.setMentionAuthorNote.note).toBeNull();
    const audit = await admin.query<{ action: string; metadata: Record<string, unknown> }>(
      `SELECT action, metadata FROM audit_events WHERE organization_id = $1 AND target_id = 'mastodon:grognon' ORDER BY occurred_at, id`,
      [org],
    );
    expect(audit.rows.map((r) => [r.action, r.metadata])).toEqual([
      ['listening.author_tagged', { tag: 'DETRACTOR' }],
      ['listening.author_untagged', { tag: 'DETRACTOR' }],
      ['listening.author_note_set', { length: 48 }],
      ['listening.author_note_set', { length: 0 }],
    ]);
    // The other organisation's profile of the same handle is untouched.
    expect(await rank({ handlePrefix: 'alice' }, otherOrg)).toMatchObject([{ tags: ['DETRACTOR'], note: 'ailleurs' }]);
  });

  it('shows one author with its newest mentions, whenever they were, and keeps its tags outside the window', async () => {
    const one = await ok<{ mentionAuthor: { author: Author; recentMentions: { authorHandle: string; publishedAt: string }[] } }>(ONE, {
      source: 'mastodon',
      handle: 'alice',
      ...WINDOW,
    });
    expect(one.mentionAuthor.author).toMatchObject({ id: 'mastodon:alice', mentions: 4 });
    expect(one.mentionAuthor.recentMentions.map((m) => m.publishedAt)).toEqual([
      '2026-03-05T10:00:00.000Z',
      '2026-03-01T10:00:00.000Z',
      '2026-02-10T10:00:00.000Z',
      '2026-02-01T10:00:00.000Z',
      '2025-06-01T10:00:00.000Z',
    ]);
    await ok(TAG, { input: { source: 'mastodon', handle: 'vieux', tag: 'AMBASSADOR' } });
    const old = await ok<{ mentionAuthor: { author: Author } }>(ONE, { source: 'mastodon', handle: 'VIEUX' });
    expect(old.mentionAuthor.author).toMatchObject({ mentions: 0, score: 0, tags: ['AMBASSADOR'], suggestedTags: [], lastSeen: null });
  });

  it('keeps every tag when several are added at once', async () => {
    const results = await Promise.all(
      ['INFLUENCER', 'AMBASSADOR', 'DETRACTOR', 'INFLUENCER'].map((tag) => gql(TAG, { input: { source: 'mastodon', handle: 'bob', tag } })),
    );
    for (const res of results) expect(res.body.errors).toBeUndefined();
    const [row] = (
      await admin.query(
        `SELECT tags FROM mention_author_profiles WHERE organization_id = $1 AND source = 'mastodon' AND handle_key = 'bob'`,
        [org],
      )
    ).rows;
    expect(row.tags).toEqual(['AMBASSADOR', 'DETRACTOR', 'INFLUENCER']);
    const audited = await admin.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE organization_id = $1 AND target_id = 'mastodon:bob' AND action = 'listening.author_tagged'`,
      [org],
    );
    expect(audited.rows[0].n).toBe(3);
  });

  it('holds the tag set in the database: known tags only, sorted, no duplicates', async () => {
    for (const tags of ['{INFLUENCER,AMBASSADOR}', '{AMBASSADOR,AMBASSADOR}', '{FRIEND}']) {
      await expect(
        admin.query(`INSERT INTO mention_author_profiles (organization_id, source, handle_key, tags) VALUES ($1, 'mastodon', 'zz', $2)`, [
          org,
          tags,
        ]),
      ).rejects.toThrow(/check constraint/);
    }
    await expect(
      admin.query(`INSERT INTO mention_author_profiles (organization_id, source, handle_key) VALUES ($1, 'mastodon', 'Zz')`, [org]),
    ).rejects.toThrow(/check constraint/);
  });

  it('refuses hostile and unknown authors with a 4xx naming the field, storing nothing', async () => {
    const before = await profiles();
    const input = (over: Record<string, unknown>) => ({ input: { source: 'mastodon', handle: 'alice', tag: 'AMBASSADOR', ...over } });
    expect(await refusal(TAG, input({ handle: 'nobody-here' }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.handle' });
    expect(await refusal(TAG, input({ handle: 'lointain' }))).toMatchObject({ code: 'NOT_FOUND', field: 'input.handle' });
    expect(await refusal(NOTE, { input: { source: 'mastodon', handle: 'lointain', note: 'x' } })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(ONE, { source: 'mastodon', handle: 'lointain' })).toMatchObject({ code: 'NOT_FOUND', field: 'handle' });
    expect(await refusal(TAG, input({ handle: 'ali\u0000ce' }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refusal(TAG, input({ handle: 'a'.repeat(100_000) }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refusal(TAG, input({ handle: '   ' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.handle' });
    expect(await refusal(TAG, input({ source: "mastodon'; --" }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refusal(TAG, input({ tag: 'FRIEND' }))).toMatchObject({
      code: expect.stringMatching(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/),
    });
    expect(await refusal(NOTE, { input: { source: 'mastodon', handle: 'alice', note: 'n'.repeat(2001) } })).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(await refusal(RANK, { ...WINDOW, handlePrefix: '\u0000' })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refusal(RANK, { from: WINDOW.to, to: WINDOW.from })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(await refusal(RANK, { from: '2026-02-30T00:00:00Z' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    expect(await refusal(RANK, { first: 1000 })).toMatchObject({ code: expect.stringMatching(/BAD_USER_INPUT|QUERY_TOO_COMPLEX/) });
    expect(await refusal(RANK, { first: 0 })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await profiles()).toBe(before);
  });

  it('lets every member read and only the leads tag', async () => {
    const viewer = await addOrganizationMember(api, owner, org, ['VIEWER']);
    const read = await gql(RANK, { first: 5, ...WINDOW }, org, viewer.token);
    expect(read.body.errors).toBeUndefined();
    const res = await gql(TAG, { input: { source: 'mastodon', handle: 'carol', tag: 'DETRACTOR' } }, org, viewer.token);
    expect(firstError(res).extensions.code).toBe('FORBIDDEN');
    const member = await addOrganizationMember(api, owner, org, ['COMMUNITY_MANAGER']);
    const done = await gql(TAG, { input: { source: 'rss', handle: 'carol', tag: 'DETRACTOR' } }, org, member.token);
    expect(done.body.errors).toBeUndefined();
  });
});
