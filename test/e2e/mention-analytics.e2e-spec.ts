import type { Client } from 'pg';
import { AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { adminDatabase, firstError, leaksIn } from './e2e-support';

interface Facet {
  value: string | null;
  label: string | null;
  count: number;
}
interface Facets {
  total: number;
  sources: Facet[];
  sentiments: Facet[];
  languages: Facet[];
  queries: Facet[];
  authors: Facet[];
}
interface Side {
  kind: string;
  competitorId: string | null;
  name: string;
  mentions: number;
  share: number;
}

const FILTER_VARS =
  '$from: DateTime, $to: DateTime, $queryId: ID, $source: String, $sentiment: SentimentLabel, $language: String, $authorHandle: String, $text: String';
const FILTER_ARGS =
  'from: $from, to: $to, queryId: $queryId, source: $source, sentiment: $sentiment, language: $language, authorHandle: $authorHandle, text: $text';
const MENTIONS = `query ($first: Int, $after: String, ${FILTER_VARS}) { mentions(first: $first, after: $after, ${FILTER_ARGS}) {
  edges { node { id externalId } } pageInfo { hasNextPage endCursor } } }`;
const FACET = 'value label count';
const FACETS = `query (${FILTER_VARS}) { mentionFacets(${FILTER_ARGS}) { total sources { ${FACET} } sentiments { ${FACET} } languages { ${FACET} }
  queries { ${FACET} } authors { ${FACET} } } }`;
const VOLUME = `query ($interval: VolumeInterval!, $timeZone: String, ${FILTER_VARS}) { mentionVolume(interval: $interval, timeZone: $timeZone, ${FILTER_ARGS}) {
  interval timeZone buckets { start date total positive neutral negative averageSentiment } } }`;
const SIDE = 'kind competitorId name mentions share';
const SOV = `query ($from: DateTime!, $to: DateTime!, $interval: VolumeInterval, $timeZone: String) {
  shareOfVoice(from: $from, to: $to, interval: $interval, timeZone: $timeZone) { from to total interval timeZone sides { ${SIDE} }
    buckets { start date total sides { ${SIDE} } } } }`;

/**
 * Mention search, facets, volume over time and share of voice through GraphQL,
 * over mentions planted as the database owner (times, networks, sentiments and
 * matches chosen so every count below is known), next to another organisation's.
 */
describe('mention search and analytics', () => {
  let api: TestApi;
  let admin: Client;
  let owner: AgencySession;
  let org: string;
  let otherOrg: string;
  const ids: Record<string, string> = {};

  const gql = (query: string, variables: Record<string, unknown> = {}, organizationId = org) =>
    api.gql(query, variables, { token: owner.token, organizationId });
  const ok = <T>(query: string, variables: Record<string, unknown> = {}, organizationId = org) =>
    api.ok<T>(query, variables, { token: owner.token, organizationId });
  const search = async (variables: Record<string, unknown>, organizationId = org): Promise<string[]> =>
    (
      await ok<{ mentions: { edges: { node: { externalId: string } }[] } }>(MENTIONS, { first: 100, ...variables }, organizationId)
    ).mentions.edges.map((e) => e.node.externalId);
  const facets = async (variables: Record<string, unknown>) => (await ok<{ mentionFacets: Facets }>(FACETS, variables)).mentionFacets;
  const counts = (list: Facet[]) => Object.fromEntries(list.map((f) => [f.label ?? f.value ?? 'null', f.count]));
  const refusal = async (query: string, variables: Record<string, unknown>) => {
    const res = await gql(query, variables);
    expect(res.status).toBeLessThan(500);
    expect(leaksIn(res.body)).toEqual([]);
    return firstError(res).extensions;
  };

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Analyse');
    org = await createOrganization(api, owner, 'Boulangerie Analyse');
    otherOrg = await createOrganization(api, owner, 'Autre client analyse');
    await admin.query(`UPDATE organizations SET timezone = 'Europe/Paris' WHERE id = $1`, [org]);
    const competitor = async (name: string) =>
      (await admin.query(`INSERT INTO competitors (organization_id, name) VALUES ($1, $2) RETURNING id`, [org, name])).rows[0].id as string;
    ids.rival = await competitor('Fournil Rival');
    ids.pains = await competitor('Pains et Cie');
    ids.silent = await competitor('Muet');
    const query = async (name: string, kind: string, competitorId: string | null, organizationId = org) =>
      (
        await admin.query(
          `INSERT INTO listening_queries (organization_id, kind, competitor_id, name, query, active) VALUES ($1, $2, $3, $4, 'x', false) RETURNING id`,
          [organizationId, kind, competitorId, name],
        )
      ).rows[0].id as string;
    ids.brand1 = await query('Marque 1', 'BRAND', null);
    ids.brand2 = await query('Marque 2', 'BRAND', null);
    ids.comp1 = await query('Rival', 'COMPETITOR', ids.rival);
    ids.comp1bis = await query('Rival bis', 'COMPETITOR', ids.rival);
    ids.comp2 = await query('Pains', 'COMPETITOR', ids.pains);
    ids.comp3 = await query('Muet', 'COMPETITOR', ids.silent);
    ids.topic = await query('Sujet', 'TOPIC', null);
    ids.otherQuery = await query('Ailleurs', 'BRAND', null, otherOrg);
    const mention = async (
      externalId: string,
      at: string,
      source: string,
      sentiment: [string, number] | null,
      language: string | null,
      author: string,
      text: string,
      queries: string[],
      organizationId = org,
    ) => {
      const [row] = (
        await admin.query(
          `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, published_at, language, sentiment_label, sentiment_score)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          [organizationId, source, externalId, author, text, at, language, sentiment?.[0] ?? null, sentiment?.[1] ?? null],
        )
      ).rows;
      for (const queryId of queries)
        await admin.query('INSERT INTO mention_matches (organization_id, query_id, mention_id, published_at) VALUES ($1, $2, $3, $4)', [
          organizationId,
          queryId,
          row.id,
          at,
        ]);
      ids[externalId] = row.id;
    };
    await mention(
      'm1',
      '2026-03-02T10:00:00Z',
      'mastodon',
      ['POSITIVE', 0.8],
      'fr',
      'alice',
      'Le VÉLO-cargo de la boulangerie est génial',
      [ids.brand1, ids.brand2],
    );
    await mention('m2', '2026-03-02T23:30:00Z', 'bluesky', ['NEGATIVE', -0.6], 'en', 'bob', "Bread was late. L'égalité des chances ?", [
      ids.brand1,
      ids.comp1,
      ids.comp1bis,
    ]);
    await mention('m3', '2026-03-04T12:00:00Z', 'mastodon', ['NEUTRAL', 0], 'fr', 'alice', 'Pain au chocolat chez le rival', [ids.comp1]);
    await mention('m4', '2026-03-09T08:00:00Z', 'rss', null, null, 'carol', 'La boulangerie socle.fr ouvre', [ids.comp2]);
    await mention('m5', '2026-03-09T09:00:00Z', 'mastodon', ['POSITIVE', 0.5], 'fr', 'Alice', 'Croissants délicieux', [ids.topic]);
    await mention(
      'o1',
      '2026-03-02T10:00:00Z',
      'mastodon',
      ['POSITIVE', 0.9],
      'fr',
      'alice',
      'Un vélo ailleurs',
      [ids.otherQuery],
      otherOrg,
    );
  });
  afterAll(async () => {
    await api?.stop();
    await admin?.end();
  });

  it('searches words with case and accents ignored, joined words in order, phrases and prefixes, in this organisation only', async () => {
    expect(await search({ text: 'velo' })).toEqual(['m1']);
    expect(await search({ text: 'VÉLO   Cargo' })).toEqual(['m1']);
    expect(await search({ text: 'vélo-cargo' })).toEqual(['m1']);
    expect(await search({ text: 'cargo-vélo' })).toEqual([]);
    expect(await search({ text: 'boulang*' })).toEqual(['m4', 'm1']);
    expect(await search({ text: 'boulang' })).toEqual([]);
    expect(await search({ text: '"pain au chocolat"' })).toEqual(['m3']);
    expect(await search({ text: '"chocolat au pain"' })).toEqual([]);
    expect(await search({ text: 'chocolat pain' })).toEqual(['m3']);
    expect(await search({ text: 'egalite' })).toEqual(['m2']);
    expect(await search({ text: 'socle.fr' })).toEqual(['m4']);
    expect(await search({ text: 'velo' }, otherOrg)).toEqual(['o1']);
  });

  it('combines the text with the other filters and pages with keyset cursors', async () => {
    expect(await search({ text: 'boulang*', source: 'rss' })).toEqual(['m4']);
    expect(await search({ queryId: ids.brand1, text: 'bread' })).toEqual(['m2']);
    expect(await search({ authorHandle: '@ALICE' })).toEqual(['m5', 'm3', 'm1']);
    expect(await search({ from: '2026-03-02T23:00:00Z', to: '2026-03-09T08:00:00Z' })).toEqual(['m3', 'm2']);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { mentions: { edges: { node: { externalId: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } =
        await ok(MENTIONS, { first: 2, after, sentiment: 'POSITIVE', source: 'mastodon' });
      seen.push(...page.mentions.edges.map((e) => e.node.externalId));
      if (!page.mentions.pageInfo.hasNextPage) break;
      after = page.mentions.pageInfo.endCursor;
    }
    expect(seen).toEqual(['m5', 'm1']);
    const all: string[] = [];
    after = null;
    do {
      const page: { mentions: { edges: { node: { externalId: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } =
        await ok(MENTIONS, { first: 1, after });
      all.push(...page.mentions.edges.map((e) => e.node.externalId));
      after = page.mentions.pageInfo.hasNextPage ? page.mentions.pageInfo.endCursor : null;
    } while (after);
    expect(all).toEqual(['m5', 'm4', 'm3', 'm2', 'm1']);
  });

  it('counts facets for the filter, each facet without its own condition', async () => {
    const all = await facets({});
    expect(all.total).toBe(5);
    expect(counts(all.sources)).toEqual({ mastodon: 3, bluesky: 1, rss: 1 });
    expect(counts(all.sentiments)).toEqual({ POSITIVE: 2, NEGATIVE: 1, NEUTRAL: 1, null: 1 });
    expect(counts(all.languages)).toEqual({ fr: 3, en: 1, null: 1 });
    expect(counts(all.authors)).toEqual({ alice: 3, bob: 1, carol: 1 });
    expect(all.authors[0]).toEqual({ value: 'alice', label: null, count: 3 });
    expect(counts(all.queries)).toEqual({ 'Marque 1': 2, 'Marque 2': 1, Rival: 2, 'Rival bis': 1, Pains: 1, Sujet: 1 });
    expect(all.queries.find((q) => q.label === 'Rival')?.value).toBe(ids.comp1);

    const mastodon = await facets({ source: 'mastodon' });
    expect(mastodon.total).toBe(3);
    // Its own facet ignores source=mastodon (the other networks stay choosable); the others apply it.
    expect(counts(mastodon.sources)).toEqual({ mastodon: 3, bluesky: 1, rss: 1 });
    expect(counts(mastodon.sentiments)).toEqual({ POSITIVE: 2, NEUTRAL: 1 });
    expect(counts(mastodon.queries)).toEqual({ 'Marque 1': 1, 'Marque 2': 1, Rival: 1, Sujet: 1 });

    // Restricted facets are each counted without their own condition but with the others'; the free ones with all.
    const alice = await facets({ authorHandle: '@Alice' });
    expect(alice.total).toBe(3);
    expect(counts(alice.authors)).toEqual(counts(all.authors));
    expect(Object.values(counts(alice.sources)).reduce((a, b) => a + b, 0)).toBe(3);
    const aliceOnMastodon = await facets({ authorHandle: 'alice', source: 'mastodon' });
    expect(counts(aliceOnMastodon.authors)).toEqual(counts(mastodon.authors));
    expect(counts(aliceOnMastodon.sources)).toEqual(counts(alice.sources));
    expect(Object.values(counts(aliceOnMastodon.languages)).reduce((a, b) => a + b, 0)).toBe(aliceOnMastodon.total);

    const brand = await facets({ queryId: ids.brand1, text: 'boulangerie' });
    expect(brand.total).toBe(1);
    expect(counts(brand.queries)).toEqual({ 'Marque 1': 1, 'Marque 2': 1, Pains: 1 });
    expect(counts(brand.sources)).toEqual({ mastodon: 1 });
  });

  it('gives volume and sentiment per local day or week, empty buckets filled', async () => {
    const days = (
      await ok<{ mentionVolume: { timeZone: string; buckets: Record<string, unknown>[] } }>(VOLUME, {
        interval: 'DAY',
        from: '2026-03-01T00:00:00+01:00',
        to: '2026-03-11T00:00:00+01:00',
      })
    ).mentionVolume;
    expect(days.timeZone).toBe('Europe/Paris');
    expect(days.buckets.map((b) => b.date)).toEqual([
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
    ]);
    expect(days.buckets[1]).toEqual({
      start: '2026-03-01T23:00:00.000Z',
      date: '2026-03-02',
      total: 1,
      positive: 1,
      neutral: 0,
      negative: 0,
      averageSentiment: expect.closeTo(0.8, 5),
    });
    // 23:30 UTC on the 2nd is past midnight in Paris.
    expect(days.buckets[2]).toMatchObject({ date: '2026-03-03', total: 1, negative: 1 });
    expect(days.buckets[0]).toMatchObject({ total: 0, positive: 0, averageSentiment: null });
    // One mention not scored: counted in the total, not in the average.
    expect(days.buckets[8]).toMatchObject({ date: '2026-03-09', total: 2, positive: 1, averageSentiment: expect.closeTo(0.5, 5) });

    const utc = (
      await ok<{ mentionVolume: { buckets: { date: string; total: number }[] } }>(VOLUME, {
        interval: 'DAY',
        timeZone: 'UTC',
        from: '2026-03-02T00:00:00Z',
        to: '2026-03-04T00:00:00Z',
      })
    ).mentionVolume;
    expect(utc.buckets.map((b) => [b.date, b.total])).toEqual([
      ['2026-03-02', 2],
      ['2026-03-03', 0],
    ]);

    const weeks = (
      await ok<{ mentionVolume: { buckets: { date: string; total: number; start: string }[] } }>(VOLUME, {
        interval: 'WEEK',
        from: '2026-03-01T00:00:00+01:00',
        to: '2026-03-16T00:00:00+01:00',
        source: 'mastodon',
      })
    ).mentionVolume;
    expect(weeks.buckets.map((b) => [b.date, b.total])).toEqual([
      ['2026-02-23', 0],
      ['2026-03-02', 2],
      ['2026-03-09', 1],
    ]);
    // Across the change to summer time (29 March in Paris) local midnight moves from 23:00 to 22:00 UTC.
    const dst = (
      await ok<{ mentionVolume: { buckets: { date: string; start: string }[] } }>(VOLUME, {
        interval: 'DAY',
        from: '2026-03-28T12:00:00Z',
        to: '2026-03-30T12:00:00Z',
      })
    ).mentionVolume;
    expect(dst.buckets.map((b) => [b.date, b.start])).toEqual([
      ['2026-03-28', '2026-03-27T23:00:00.000Z'],
      ['2026-03-29', '2026-03-28T23:00:00.000Z'],
      ['2026-03-30', '2026-03-29T22:00:00.000Z'],
    ]);
  });

  it('shares the voice between the brand and each competitor, a mention once per side', async () => {
    const sov = (
      await ok<{ shareOfVoice: { total: number; sides: Side[]; buckets: { date: string; total: number; sides: Side[] }[] } }>(SOV, {
        from: '2026-03-01T00:00:00+01:00',
        to: '2026-04-01T00:00:00+02:00',
      })
    ).shareOfVoice;
    // m1 (two brand queries) counts once for the brand; m2 counts for the brand and once for Rival (two of its queries).
    expect(sov.total).toBe(5);
    expect(sov.sides).toEqual([
      { kind: 'BRAND', competitorId: null, name: 'Boulangerie Analyse', mentions: 2, share: 40 },
      { kind: 'COMPETITOR', competitorId: ids.rival, name: 'Fournil Rival', mentions: 2, share: 40 },
      { kind: 'COMPETITOR', competitorId: ids.silent, name: 'Muet', mentions: 0, share: 0 },
      { kind: 'COMPETITOR', competitorId: ids.pains, name: 'Pains et Cie', mentions: 1, share: 20 },
    ]);
    expect(sov.buckets).toEqual([]);

    const weekly = (
      await ok<{ shareOfVoice: { interval: string; timeZone: string; buckets: { date: string; total: number; sides: Side[] }[] } }>(SOV, {
        from: '2026-03-02T00:00:00+01:00',
        to: '2026-03-16T00:00:00+01:00',
        interval: 'WEEK',
      })
    ).shareOfVoice;
    expect(weekly).toMatchObject({ interval: 'WEEK', timeZone: 'Europe/Paris' });
    expect(weekly.buckets.map((b) => [b.date, b.total, b.sides.map((s) => s.mentions)])).toEqual([
      ['2026-03-02', 4, [2, 2, 0, 0]],
      ['2026-03-09', 1, [0, 0, 0, 1]],
    ]);
    expect(weekly.buckets[1].sides[3]).toMatchObject({ name: 'Pains et Cie', share: 100 });
  });

  it('runs the text search as the owner for the tenant of the transaction only, and for no tenant finds nothing', async () => {
    const asApp = async (tenant: string | null): Promise<string[]> => {
      await admin.query('BEGIN');
      try {
        await admin.query('SET LOCAL ROLE socle_app');
        if (tenant) await admin.query(`SELECT set_config('socle.organization_id', $1, true)`, [tenant]);
        const { rows } = await admin.query<{ id: string }>(
          `SELECT id FROM socle_mention_search(to_tsquery('simple', 'velo'), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 100)`,
        );
        return rows.map((r) => r.id);
      } finally {
        await admin.query('ROLLBACK');
      }
    };
    expect(await asApp(null)).toEqual([]);
    expect(await asApp(org)).toEqual([ids.m1]);
    expect(await asApp(otherOrg)).toEqual([ids.o1]);
    // The application role may run it, nobody else but its owner.
    const { rows } = await admin.query<{ grantee: string }>(
      `SELECT grantee FROM information_schema.routine_privileges WHERE routine_name = 'socle_mention_search' AND privilege_type = 'EXECUTE' ORDER BY grantee`,
    );
    expect(rows.map((r) => r.grantee)).toEqual(['socle_app', 'socle_owner']);
  });

  it('refuses bad input with the field named and never a 500', async () => {
    const range = { from: '2026-03-01T00:00:00Z', to: '2026-03-10T00:00:00Z' };
    expect(await refusal(VOLUME, { interval: 'MONTH' })).toMatchObject({
      code: expect.stringMatching(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/),
    });
    expect(await refusal(VOLUME, { interval: 'DAY', from: range.to, to: range.from })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'to',
    });
    expect(await refusal(SOV, { from: range.to, to: range.from })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect(await refusal(SOV, { ...range, interval: 'DAY', timeZone: 'Mars/Olympus_Mons' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'timeZone',
    });
    expect(await refusal(VOLUME, { interval: 'DAY', timeZone: "Europe/Paris'; --" })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'timeZone',
    });
    expect(await refusal(VOLUME, { interval: 'DAY', from: '2020-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'from',
    });
    expect(await refusal(SOV, { from: 'yesterday', to: range.to })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    for (const query of [MENTIONS, FACETS]) {
      expect(await refusal(query, { text: 'vélo '.repeat(5000) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
      expect(await refusal(query, { text: 'vélo\u0000' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
      expect(await refusal(query, { authorHandle: 'al\u0000ice' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'authorHandle' });
      expect(await refusal(query, { text: '!!! 🙂 ***' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
      expect(await refusal(query, { text: 'mot '.repeat(33) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
      expect(await refusal(query, { queryId: ids.otherQuery })).toMatchObject({ code: 'NOT_FOUND', field: 'queryId' });
    }
    // tsquery syntax typed by the caller is only words.
    expect(await search({ text: "velo' | 'pain & !croissant:*" })).toEqual([]);
    expect(await search({ text: "velo' <-> cargo" })).toEqual(['m1']);
  });
});
