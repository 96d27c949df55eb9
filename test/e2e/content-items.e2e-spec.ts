import type { Client } from 'pg';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback Mastodon of the plugin's tests is the network these tests talk to
import { MastodonTestServer } from '../../plugins/mastodon/src/test/mastodon-test-server';
import { CONTENT_STATUSES, canMove, ContentItemService } from '@socle/content';
import { adminDatabase, firstError, leaksIn } from './e2e-support';

interface Finding {
  severity: string;
  rule: string;
  message: string;
  spans: { start: number; end: number }[];
}
interface Variant {
  id: string;
  itemId: string;
  networkAccountId: string | null;
  network: string;
  text: string;
  linkUrl: string | null;
  mediaIds: string[];
  findings: Finding[];
  blocked: boolean;
}
interface Item {
  id: string;
  title: string;
  brief: string;
  theme: string | null;
  campaign: string | null;
  objectiveId: string | null;
  segmentId: string | null;
  networkPlanId: string | null;
  source: string;
  status: string;
  suggestedBy: string | null;
  triage: string | null;
  triageReason: string | null;
  triagedBy: string | null;
  plannedFor: string | null;
  revision: number;
  variants: Variant[];
}
type Who = { token: string };

const VARIANT = 'id itemId networkAccountId network text linkUrl mediaIds findings { severity rule message spans { start end } } blocked';
const ITEM = `id title brief theme campaign objectiveId segmentId networkPlanId source status suggestedBy triage triageReason triagedBy plannedFor revision variants { ${VARIANT} }`;

const MUTATIONS: Record<string, string> = {
  createContentItem: 'CreateContentItemInput',
  updateContentItem: 'UpdateContentItemInput',
  submitContentItem: 'ContentItemInput',
  cancelContentItem: 'CancelContentItemInput',
  suggestContentIdea: 'SuggestContentIdeaInput',
  triageContentIdea: 'TriageContentIdeaInput',
};

/**
 * Content items over GraphQL: a journey from draft to review with variants
 * checked against a Mastodon account's limits and the organisation's rules,
 * every refusal with its reason and field, hostile input, a race of two moves,
 * and the suggestion box seen from the suggester's side.
 */
describe('content items over GraphQL', () => {
  let api: TestApi;
  let mastodon: MastodonTestServer;
  let admin: Client;
  let owner: AgencySession;
  let org: string;
  let otherOrg: string;
  let lead: { token: string; userId: string };
  let contributor: { token: string; userId: string };
  let viewer: { token: string; userId: string };
  let accountId: string;
  let rssAccountId: string;
  let otherAccountId: string;
  let objectiveId: string;
  let otherObjectiveId: string;
  let imageId: string;
  let otherImageId: string;

  const as = (who: Who, organizationId = org) => ({ token: who.token, organizationId });
  const mutate = (name: string, input: Record<string, unknown>, who: Who = lead) =>
    api.gql<Record<string, Item>>(`mutation ($input: ${MUTATIONS[name]}!) { ${name}(input: $input) { ${ITEM} } }`, { input }, as(who));
  const ok = async (name: string, input: Record<string, unknown>, who: Who = lead): Promise<Item> => {
    const res = await mutate(name, input, who);
    if (res.body.errors) throw new Error(`${name} failed: ${JSON.stringify(res.body.errors)}`);
    return (res.body.data as Record<string, Item>)[name];
  };
  const setVariant = (input: Record<string, unknown>, who: Who = lead) =>
    api.gql<{ setVariant: Variant }>(
      `mutation ($input: SetContentVariantInput!) { setVariant(input: $input) { ${VARIANT} } }`,
      { input },
      as(who),
    );
  const read = async (id: string, who: Who = lead) =>
    (await api.ok<{ contentItem: Item }>(`query ($id: ID!) { contentItem(id: $id) { ${ITEM} } }`, { id }, as(who))).contentItem;
  const rows = async (table: 'content_items' | 'content_variants') =>
    (await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE organization_id = $1`, [org])).rows[0].n;
  const audit = async (itemId: string) =>
    (
      await admin.query<{ action: string }>(
        'SELECT action FROM audit_events WHERE organization_id = $1 AND target_id = $2 ORDER BY occurred_at, id',
        [org, itemId],
      )
    ).rows.map((r) => r.action);
  const create = (title = 'Le pain de la semaine') => ok('createContentItem', { title });

  beforeAll(async () => {
    mastodon = await MastodonTestServer.start();
    api = await TestApi.start({ CONNECTOR_TIMEOUT_MS: '2000' });
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Contenus');
    org = await createOrganization(api, owner, 'Boulangerie Contenus');
    otherOrg = await createOrganization(api, owner, 'Autre client');
    lead = await addOrganizationMember(api, owner, org, ['CONTENT_LEAD']);
    contributor = await addOrganizationMember(api, owner, org, ['CONTRIBUTOR']);
    viewer = await addOrganizationMember(api, owner, org, ['VIEWER']);

    const connect = async (organizationId: string, username: string) => {
      const res = await api.ok<{ connectNetworkAccount: { id: string } }>(
        'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id } }',
        { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: mastodon.createAccessToken(username) } },
        as(owner, organizationId),
      );
      return res.connectNetworkAccount.id;
    };
    accountId = await connect(org, 'boulangerie');
    otherAccountId = await connect(otherOrg, 'autre');
    // A feed account: listening only, nothing can be published to it (planted: no feed server is needed to read its manifest).
    rssAccountId = (
      await admin.query<{ id: string }>(
        `INSERT INTO network_accounts (organization_id, network, handle, service_url, credentials_ciphertext, credentials_key_id, last_checked_at)
       VALUES ($1, 'rss', 'feed.example/rss', 'https://feed.example/rss', 'v1.t1.x.y.z', 't1', now()) RETURNING id`,
        [org],
      )
    ).rows[0].id;
    const objective = `INSERT INTO objectives (organization_id, kind, title, metric, baseline, target, deadline) VALUES ($1, 'BRAND', 'Notoriété', 'abonnés', 0, 100, '2027-06-30') RETURNING id`;
    objectiveId = (await admin.query<{ id: string }>(objective, [org])).rows[0].id;
    otherObjectiveId = (await admin.query<{ id: string }>(objective, [otherOrg])).rows[0].id;
    // Media library assets (their bytes are not read by a check: type and size are).
    const asset = `INSERT INTO media_assets (organization_id, storage_key, content_type, byte_size, sha256, width, height)
      VALUES ($1, md5(random()::text), $2, $3, repeat('a', 64), 10, 10) RETURNING id`;
    imageId = (await admin.query<{ id: string }>(asset, [org, 'image/png', 2048])).rows[0].id;
    otherImageId = (await admin.query<{ id: string }>(asset, [otherOrg, 'image/png', 2048])).rows[0].id;
  });
  afterAll(async () => {
    await admin?.end();
    await api?.stop();
    await mastodon?.close();
  });

  it('takes an item from draft to review: variants checked against the network and the rules, edits after review back to draft', async () => {
    const item = await ok('createContentItem', {
      title: '  Le pain de la semaine ',
      brief: 'La tradition au levain',
      theme: 'Saisons',
      campaign: 'Automne',
      objectiveId,
      plannedFor: '2026-10-01T08:00:00.000Z',
    });
    expect(item).toMatchObject({
      title: 'Le pain de la semaine',
      brief: 'La tradition au levain',
      theme: 'Saisons',
      campaign: 'Automne',
      objectiveId,
      source: 'TASK_FORCE',
      status: 'DRAFT',
      suggestedBy: null,
      triage: null,
      plannedFor: '2026-10-01T08:00:00.000Z',
      revision: 1,
      variants: [],
    });

    // Nothing to review yet.
    const empty = firstError(await mutate('submitContentItem', { id: item.id }));
    expect(empty.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_VARIANT', field: 'input.id' });

    // The organisation forbids a word (BLOCK) and limits hashtags (WARN).
    await api.ok(
      'mutation ($input: SetContentRulesInput!) { setContentRules(input: $input) { version } }',
      {
        input: {
          rules: [
            { id: 'no-free', kind: 'AVOID_WORDS', severity: 'BLOCK', words: ['gratuit'] },
            { id: 'hashtags', kind: 'MAX_HASHTAGS', severity: 'WARN', max: 1 },
          ],
        },
      },
      as(owner),
    );

    const text = 'Pain gratuit ce samedi #pain #levain';
    const blocked = (await setVariant({ itemId: item.id, networkAccountId: accountId, text, linkUrl: 'https://boulangerie.example/pain' }))
      .body.data?.setVariant as Variant;
    expect(blocked).toMatchObject({
      itemId: item.id,
      networkAccountId: accountId,
      network: 'mastodon',
      text,
      linkUrl: 'https://boulangerie.example/pain',
      mediaIds: [],
      blocked: true,
    });
    const free = blocked.findings.find((f) => f.rule === 'no-free') as Finding;
    expect(free).toMatchObject({ severity: 'BLOCK', spans: [{ start: 5, end: 12 }] });
    expect(text.slice(free.spans[0].start, free.spans[0].end)).toBe('gratuit');
    expect(blocked.findings.find((f) => f.rule === 'hashtags')).toMatchObject({ severity: 'WARN' });

    const refused = firstError(await mutate('submitContentItem', { id: item.id }));
    expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CONTENT_BLOCKED', field: 'input.id' });
    expect(refused.extensions.findings).toEqual([
      expect.objectContaining({
        severity: 'BLOCK',
        rule: 'no-free',
        variantId: blocked.id,
        network: 'mastodon',
        spans: [{ start: 5, end: 12 }],
      }),
    ]);
    expect((await read(item.id)).status).toBe('DRAFT');

    // Fixed: the same account's variant is replaced, the warning is kept.
    const fixed = (await setVariant({ itemId: item.id, networkAccountId: accountId, text: 'Pain au levain ce samedi #pain #levain' })).body
      .data?.setVariant as Variant;
    expect(fixed.id).toBe(blocked.id);
    expect(fixed).toMatchObject({
      blocked: false,
      linkUrl: null,
      findings: [expect.objectContaining({ severity: 'WARN', rule: 'hashtags' })],
    });
    const beforeSubmit = await read(item.id);
    expect(beforeSubmit.revision).toBe(3);
    expect(beforeSubmit.variants).toHaveLength(1);

    const submitted = await ok('submitContentItem', { id: item.id });
    expect(submitted).toMatchObject({ status: 'IN_REVIEW', revision: 3 });

    // Editing in review sends it back to draft, with a new revision.
    const edited = await ok('updateContentItem', {
      id: item.id,
      brief: 'Levain naturel',
      theme: null,
      plannedFor: '2026-10-02T10:00:00+02:00',
    });
    expect(edited).toMatchObject({
      status: 'DRAFT',
      revision: 4,
      brief: 'Levain naturel',
      theme: null,
      title: 'Le pain de la semaine',
      campaign: 'Automne',
      objectiveId,
      plannedFor: '2026-10-02T08:00:00.000Z',
    });
    await ok('submitContentItem', { id: item.id });

    // Approved (the approvals part's move), then a variant changes: back to draft.
    await admin.query("UPDATE content_items SET status = 'APPROVED' WHERE organization_id = $1 AND id = $2", [org, item.id]);
    expect(
      (await setVariant({ itemId: item.id, networkAccountId: accountId, text: 'Pain au levain, samedi' })).body.errors,
    ).toBeUndefined();
    expect(await read(item.id)).toMatchObject({ status: 'DRAFT', revision: 5 });

    expect(await audit(item.id)).toEqual([
      'content.created',
      'content.variant_set',
      'content.variant_set',
      'content.submitted',
      'content.returned_to_draft',
      'content.updated',
      'content.submitted',
      'content.returned_to_draft',
      'content.variant_set',
    ]);

    // Listed with its variants, filtered by status and source.
    const drafts = await api.ok<{ contentItems: { edges: { node: Item }[] } }>(
      `{ contentItems(first: 100, status: DRAFT, source: TASK_FORCE) { edges { node { ${ITEM} } } } }`,
      {},
      as(contributor),
    );
    expect(drafts.contentItems.edges.find((e) => e.node.id === item.id)?.node.variants.map((v) => v.text)).toEqual([
      'Pain au levain, samedi',
    ]);
    const ideas = await api.ok<{ contentItems: { edges: { node: Item }[] } }>(
      '{ contentItems(first: 100, status: IDEA) { edges { node { id } } } }',
      {},
      as(lead),
    );
    expect(ideas.contentItems.edges.map((e) => e.node.id)).not.toContain(item.id);

    // Removed variant: the payload carries the item after the removal.
    const removed = await api.ok<{ removeVariant: { id: string; item: Item } }>(
      `mutation ($input: RemoveContentVariantInput!) { removeVariant(input: $input) { id item { ${ITEM} } } }`,
      { input: { id: fixed.id } },
      as(lead),
    );
    expect(removed.removeVariant).toMatchObject({ id: fixed.id, item: { id: item.id, status: 'DRAFT', revision: 6, variants: [] } });

    // Cancelled: final.
    expect(await ok('cancelContentItem', { id: item.id, reason: 'Plus de levain' })).toMatchObject({ status: 'CANCELLED' });
    expect(firstError(await mutate('updateContentItem', { id: item.id, title: 'x' })).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CONTENT_NOT_EDITABLE',
      field: 'input.id',
      status: 'CANCELLED',
    });
    expect(firstError(await mutate('submitContentItem', { id: item.id })).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CONTENT_TRANSITION_NOT_ALLOWED',
      field: 'input.id',
      status: 'CANCELLED',
    });
    expect(firstError(await mutate('cancelContentItem', { id: item.id })).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CONTENT_TRANSITION_NOT_ALLOWED',
    });
    expect(firstError(await setVariant({ itemId: item.id, networkAccountId: accountId, text: 'x' })).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CONTENT_NOT_EDITABLE',
      field: 'input.itemId',
    });
  });

  it('reports the network’s own limits: a text too long for Mastodon, media on a feed that publishes nothing', async () => {
    const item = await create();
    const long = `${'a'.repeat(510)} fin`;
    const tooLong = (await setVariant({ itemId: item.id, networkAccountId: accountId, text: long })).body.data?.setVariant as Variant;
    expect(tooLong.blocked).toBe(true);
    const limit = tooLong.findings.find((f) => f.severity === 'BLOCK') as Finding;
    expect(limit.spans).toEqual([{ start: 500, end: long.length }]);
    // One finding for the length, not one from the rules and one from the connector.
    expect(tooLong.findings.filter((f) => f.severity === 'BLOCK')).toHaveLength(1);
    // Mastodon counts a link as 23 characters, however long it is.
    const link = `https://boulangerie.example/${'p'.repeat(400)}`;
    const withLink = (await setVariant({ itemId: item.id, networkAccountId: accountId, text: 'a'.repeat(470), linkUrl: link })).body.data
      ?.setVariant as Variant;
    expect(withLink.blocked).toBe(false);

    // An image alone is a Mastodon post.
    const image = (await setVariant({ itemId: item.id, networkAccountId: accountId, text: '', mediaIds: [imageId] })).body.data
      ?.setVariant as Variant;
    expect(image).toMatchObject({ id: withLink.id, mediaIds: [imageId], blocked: false, findings: [] });

    const feed = (await setVariant({ itemId: item.id, networkAccountId: rssAccountId, text: 'Bonjour' })).body.data?.setVariant as Variant;
    expect(feed).toMatchObject({
      network: 'rss',
      blocked: true,
      findings: [expect.objectContaining({ severity: 'BLOCK', rule: 'publish.unsupported' })],
    });
    expect(firstError(await mutate('submitContentItem', { id: item.id })).extensions).toMatchObject({ reason: 'CONTENT_BLOCKED' });

    // The account disconnected: the text is kept, it can no longer be submitted.
    await api.ok(
      'mutation ($input: RemoveContentVariantInput!) { removeVariant(input: $input) { id } }',
      { input: { id: feed.id } },
      as(lead),
    );
    await admin.query('UPDATE content_variants SET network_account_id = NULL WHERE organization_id = $1 AND id = $2', [org, withLink.id]);
    const gone = firstError(await mutate('submitContentItem', { id: item.id }));
    expect(gone.extensions).toMatchObject({
      reason: 'CONTENT_BLOCKED',
      findings: [expect.objectContaining({ rule: 'account.disconnected', networkAccountId: null })],
    });
  });

  it('refuses bad and hostile input naming the field, and stores nothing', async () => {
    const item = await create();
    const before = {
      items: await rows('content_items'),
      variants: await rows('content_variants'),
      revision: (await read(item.id)).revision,
    };
    const cases: [string, Record<string, unknown>, string, string][] = [
      ['createContentItem', { title: 'a\u0000b' }, 'BAD_USER_INPUT', 'input.title'],
      ['createContentItem', { title: '   ' }, 'BAD_USER_INPUT', 'input.title'],
      ['createContentItem', { title: 'x'.repeat(201) }, 'BAD_USER_INPUT', 'input.title'],
      ['createContentItem', { title: 'ok', brief: 'x'.repeat(200 * 1024) }, 'BAD_USER_INPUT', 'input.brief'],
      ['createContentItem', { title: 'ok', objectiveId: otherObjectiveId }, 'NOT_FOUND', 'input.objectiveId'],
      ['createContentItem', { title: 'ok', segmentId: otherObjectiveId }, 'NOT_FOUND', 'input.segmentId'],
      ['createContentItem', { title: 'ok', networkPlanId: objectiveId }, 'NOT_FOUND', 'input.networkPlanId'],
      ['createContentItem', { title: 'ok', objectiveId: 'not-a-uuid' }, 'BAD_USER_INPUT', 'input.objectiveId'],
      ['createContentItem', { title: 'ok', plannedFor: '1500-01-01T00:00:00.000Z' }, 'BAD_USER_INPUT', 'input.plannedFor'],
      ['createContentItem', { title: 'ok', theme: ' ' }, 'BAD_USER_INPUT', 'input.theme'],
      ['updateContentItem', { id: item.id, title: null }, 'BAD_USER_INPUT', 'input.title'],
      ['updateContentItem', { id: item.id }, 'BAD_USER_INPUT', 'input'],
      ['updateContentItem', { id: item.id, objectiveId: otherObjectiveId }, 'NOT_FOUND', 'input.objectiveId'],
      ['updateContentItem', { id: otherObjectiveId, title: 'x' }, 'NOT_FOUND', 'input.id'],
      ['submitContentItem', { id: otherObjectiveId }, 'NOT_FOUND', 'input.id'],
      ['cancelContentItem', { id: otherObjectiveId }, 'NOT_FOUND', 'input.id'],
      ['triageContentIdea', { id: item.id, decision: 'DECLINE' }, 'BAD_USER_INPUT', 'input.reason'],
    ];
    for (const [name, input, code, field] of cases) {
      const res = await mutate(name, input);
      const error = firstError(res);
      expect({ name, input: JSON.stringify(input).slice(0, 80), code: error.extensions.code, field: error.extensions.field }).toEqual({
        name,
        input: JSON.stringify(input).slice(0, 80),
        code,
        field,
      });
      expect(res.status).toBeLessThan(500);
      expect(leaksIn(res.body)).toEqual([]);
    }
    // A megabyte of text is refused before GraphQL reads it.
    for (const res of [
      await mutate('createContentItem', { title: 'ok', brief: 'x'.repeat(1024 * 1024) }),
      await setVariant({ itemId: item.id, networkAccountId: accountId, text: 'x'.repeat(1024 * 1024) }),
    ]) {
      expect(res.status).toBe(413);
      expect(firstError(res).extensions.code).toBe('PAYLOAD_TOO_LARGE');
    }
    for (const plannedFor of ['2026-02-30T00:00:00Z', '2026-10-01', '2026-10-01T25:00:00Z', '2026-10-01T08:00:00+15:00', 'tomorrow']) {
      const res = await mutate('createContentItem', { title: 'ok', plannedFor });
      expect({ plannedFor, ...firstError(res).extensions }).toMatchObject({
        plannedFor,
        code: 'BAD_USER_INPUT',
        field: 'input.plannedFor',
      });
      // Refused by the DateTime scalar, which says what it expects.
      expect(firstError(res).message).toContain('Expected type "DateTime". Expected an RFC 3339 date-time with its time zone offset');
    }
    // A real instant outside the calendar's years is refused by the content rules.
    const tooEarly = firstError(await mutate('createContentItem', { title: 'ok', plannedFor: '1999-12-31T23:00:00Z' }));
    expect(tooEarly.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      problems: [{ field: 'input.plannedFor', message: 'must be a date between the years 2000 and 2199' }],
    });

    const variantCases: [Record<string, unknown>, string, string][] = [
      [{ itemId: item.id, networkAccountId: otherAccountId, text: 'x' }, 'NOT_FOUND', 'input.networkAccountId'],
      [{ itemId: item.id, networkAccountId: objectiveId, text: 'x' }, 'NOT_FOUND', 'input.networkAccountId'],
      [{ itemId: otherObjectiveId, networkAccountId: accountId, text: 'x' }, 'NOT_FOUND', 'input.itemId'],
      [{ itemId: item.id, networkAccountId: accountId, text: 'x'.repeat(200 * 1024) }, 'BAD_USER_INPUT', 'input.text'],
      [{ itemId: item.id, networkAccountId: accountId, text: 'nul \u0000' }, 'BAD_USER_INPUT', 'input.text'],
      [{ itemId: item.id, networkAccountId: accountId, text: 'x', linkUrl: 'javascript:alert(1)' }, 'BAD_USER_INPUT', 'input.linkUrl'],
      [
        { itemId: item.id, networkAccountId: accountId, text: 'x', mediaIds: [objectiveId, objectiveId] },
        'BAD_USER_INPUT',
        'input.mediaIds',
      ],
      [{ itemId: item.id, networkAccountId: accountId, text: 'x', mediaIds: [imageId, otherImageId] }, 'NOT_FOUND', 'input.mediaIds[1]'],
      [{ itemId: item.id, networkAccountId: accountId, text: 'x', mediaIds: ['not-a-uuid'] }, 'BAD_USER_INPUT', 'input.mediaIds'],
      [
        { itemId: item.id, networkAccountId: accountId, text: 'x', mediaIds: Array.from({ length: 21 }, () => objectiveId) },
        'BAD_USER_INPUT',
        'input.mediaIds',
      ],
    ];
    for (const [input, code, field] of variantCases) {
      const res = await setVariant(input);
      expect({ field: firstError(res).extensions.field, code: firstError(res).extensions.code }).toEqual({ field, code });
      expect(res.status).toBeLessThan(500);
    }
    const otherVariant = (
      await admin.query<{ id: string }>(`INSERT INTO content_items (organization_id, title) VALUES ($1, 'Autre') RETURNING id`, [otherOrg])
    ).rows[0].id;
    const removeOther = await api.gql(
      'mutation ($input: RemoveContentVariantInput!) { removeVariant(input: $input) { id } }',
      { input: { id: otherVariant } },
      as(lead),
    );
    expect(firstError(removeOther).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });

    expect({
      items: await rows('content_items'),
      variants: await rows('content_variants'),
      revision: (await read(item.id)).revision,
    }).toEqual(before);
  });

  it('keeps writing to the roles that may: a contributor reads and suggests, never edits', async () => {
    const item = await create();
    expect((await read(item.id, contributor)).id).toBe(item.id);
    for (const [name, input] of [
      ['createContentItem', { title: 'x' }],
      ['updateContentItem', { id: item.id, title: 'x' }],
      ['cancelContentItem', { id: item.id }],
    ] as const) {
      expect(firstError(await mutate(name, input, contributor)).extensions.code).toBe('FORBIDDEN');
    }
    expect(firstError(await setVariant({ itemId: item.id, networkAccountId: accountId, text: 'x' }, contributor)).extensions.code).toBe(
      'FORBIDDEN',
    );
    expect(firstError(await mutate('triageContentIdea', { id: item.id, decision: 'ACCEPT' }, contributor)).extensions.code).toBe(
      'FORBIDDEN',
    );
  });

  it('holds in PostgreSQL the same workflow as CONTENT_TRANSITIONS: the trigger allows exactly those moves', async () => {
    const allowed: string[] = [];
    const expected: string[] = [];
    await admin.query('BEGIN');
    try {
      for (const from of CONTENT_STATUSES) {
        for (const to of CONTENT_STATUSES) {
          if (from === to) continue;
          if (canMove(from, to)) expected.push(`${from}->${to}`);
          await admin.query('SAVEPOINT move');
          const {
            rows: [row],
          } = await admin.query<{ id: string }>(
            'INSERT INTO content_items (organization_id, title, status) VALUES ($1, $2, $3) RETURNING id',
            [org, 'Trigger', from],
          );
          try {
            await admin.query('UPDATE content_items SET status = $3 WHERE organization_id = $1 AND id = $2', [org, row.id, to]);
            allowed.push(`${from}->${to}`);
          } catch (error) {
            expect((error as { code?: string }).code).toBe('23514');
          }
          await admin.query('ROLLBACK TO SAVEPOINT move');
        }
      }
    } finally {
      await admin.query('ROLLBACK');
    }
    expect(allowed).toEqual(expected);
    expect(allowed.length).toBeGreaterThan(15);
  });

  it('lets exactly one of two concurrent moves win, on two connections', async () => {
    const item = await create('Course');
    const units = api.app.get(UnitOfWorkFactory);
    const service = api.app.get(ContentItemService, { strict: false });
    const actor = { type: 'USER' as const, id: lead.userId };
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstMoved!: () => void;
    const moved = new Promise<void>((resolve) => (firstMoved = resolve));

    // The first move updates the row and keeps its transaction open.
    const first = units.runInOrganization(org, async (uow) => {
      const result = await service.move({ uow, organizationId: uow.organizationId, actor }, item.id, 'IN_REVIEW', {
        from: ['DRAFT'],
        action: 'submitted',
      });
      firstMoved();
      await held;
      return result;
    });
    await moved;
    // The second read DRAFT too (the first is not committed) and waits on the row.
    const second = units.runInOrganization(org, (uow) =>
      service.move({ uow, organizationId: uow.organizationId, actor }, item.id, 'CANCELLED', { from: ['DRAFT'], action: 'cancelled' }),
    );
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { rows: waiting } = await admin.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%UPDATE content_items%'",
      );
      if (waiting[0].n > 0) break;
      if (Date.now() > deadline) throw new Error('the second move never waited on the row');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    release();
    const [a, b] = await Promise.allSettled([first, second]);
    expect(a.status).toBe('fulfilled');
    expect(b.status).toBe('rejected');
    expect((b as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT', reason: 'CONTENT_TRANSITION_NOT_ALLOWED' });
    expect((await read(item.id)).status).toBe('IN_REVIEW');
    expect(await audit(item.id)).toEqual(['content.created', 'content.submitted']);
  });

  it('submits an item once when many ask at the same time', async () => {
    const item = await create('Affluence');
    await setVariant({ itemId: item.id, networkAccountId: accountId, text: 'Ouvert dimanche' });
    const results = await Promise.all(Array.from({ length: 8 }, () => mutate('submitContentItem', { id: item.id })));
    const won = results.filter((r) => !r.body.errors);
    expect(won).toHaveLength(1);
    for (const r of results.filter((x) => x.body.errors))
      expect(firstError(r).extensions).toMatchObject({ code: 'CONFLICT', reason: 'CONTENT_TRANSITION_NOT_ALLOWED', status: 'IN_REVIEW' });
    expect((await audit(item.id)).filter((a) => a === 'content.submitted')).toHaveLength(1);
  });

  it('runs the suggestion box: a contributor suggests, the content lead declines with a reason the contributor sees', async () => {
    const idea = await ok('suggestContentIdea', { title: 'Une recette de pain perdu', brief: 'Avec le pain de la veille' }, contributor);
    expect(idea).toMatchObject({ status: 'IDEA', source: 'EMPLOYEE_SUGGESTION', suggestedBy: contributor.userId, triage: null });
    const viewerIdea = await ok('suggestContentIdea', { title: 'Portrait du fournil' }, viewer);
    expect(viewerIdea).toMatchObject({ status: 'IDEA', suggestedBy: viewer.userId });

    // An idea is triaged, not submitted.
    expect(firstError(await mutate('submitContentItem', { id: idea.id })).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CONTENT_TRANSITION_NOT_ALLOWED',
    });
    expect(firstError(await mutate('triageContentIdea', { id: idea.id, decision: 'DECLINE', reason: '  ' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.reason',
    });
    const declined = await ok('triageContentIdea', { id: idea.id, decision: 'DECLINE', reason: 'Déjà publié le mois dernier' });
    expect(declined).toMatchObject({
      status: 'CANCELLED',
      triage: 'DECLINED',
      triageReason: 'Déjà publié le mois dernier',
      triagedBy: lead.userId,
    });
    expect(firstError(await mutate('triageContentIdea', { id: idea.id, decision: 'ACCEPT' })).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CONTENT_TRANSITION_NOT_ALLOWED',
      field: 'input.id',
    });

    const accepted = await ok('triageContentIdea', { id: viewerIdea.id, decision: 'ACCEPT' });
    expect(accepted).toMatchObject({ status: 'DRAFT', triage: 'ACCEPTED', triageReason: null, source: 'EMPLOYEE_SUGGESTION' });

    const mine = async (who: Who) =>
      (
        await api.ok<{ myContentSuggestions: { edges: { node: Item }[] } }>(
          '{ myContentSuggestions(first: 50) { edges { node { id status triage triageReason } } } }',
          {},
          as(who),
        )
      ).myContentSuggestions.edges.map((e) => e.node);
    expect(await mine(contributor)).toEqual([
      { id: idea.id, status: 'CANCELLED', triage: 'DECLINED', triageReason: 'Déjà publié le mois dernier' },
    ]);
    expect(await mine(viewer)).toEqual([{ id: viewerIdea.id, status: 'DRAFT', triage: 'ACCEPTED', triageReason: null }]);
    expect(await audit(idea.id)).toEqual(['content.idea_suggested', 'content.idea_declined']);
  });

  it('counts the whole list in totalCount, items and own suggestions: every page, the same filters, never another agency’s', async () => {
    type Counted = { totalCount: number; edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    const counted = await createOrganization(api, owner, 'Client compté contenus');
    const items = async (variables: Record<string, unknown>, who: Who = owner, organizationId = counted) =>
      (
        await api.ok<{ contentItems: Counted }>(
          `query ($first: Int, $after: String, $status: ContentStatus, $source: ContentSource) {
            contentItems(first: $first, after: $after, status: $status, source: $source) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }`,
          variables,
          as(who, organizationId),
        )
      ).contentItems;
    const suggestions = async (variables: Record<string, unknown>, who: Who = owner, organizationId = counted) =>
      (
        await api.ok<{ myContentSuggestions: Counted }>(
          'query ($first: Int, $after: String) { myContentSuggestions(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } } }',
          variables,
          as(who, organizationId),
        )
      ).myContentSuggestions;
    const write = async (name: 'createContentItem' | 'suggestContentIdea', title: string, who: Who, organizationId: string) => {
      const res = await api.gql(
        `mutation ($input: ${MUTATIONS[name]}!) { ${name}(input: $input) { id } }`,
        { input: { title } },
        as(who, organizationId),
      );
      if (res.body.errors) throw new Error(`${name} failed: ${JSON.stringify(res.body.errors)}`);
    };
    for (const title of ['Pain', 'Brioche', 'Croissant']) await write('createContentItem', title, owner, counted);
    for (const title of ['Idée fougasse', 'Idée galette']) await write('suggestContentIdea', title, owner, counted);

    const first = await items({ first: 2 });
    expect(first).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });
    expect((await items({ first: 2, after: first.pageInfo.endCursor })).totalCount).toBe(5);
    expect((await items({ first: 1, status: 'DRAFT' })).totalCount).toBe(3);
    expect((await items({ first: 1, status: 'IDEA' })).totalCount).toBe(2);
    expect((await items({ first: 1, source: 'EMPLOYEE_SUGGESTION' })).totalCount).toBe(2);
    expect((await items({ first: 1, status: 'DRAFT', source: 'EMPLOYEE_SUGGESTION' })).totalCount).toBe(0);
    const mine = await suggestions({ first: 1 });
    expect(mine).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    expect((await suggestions({ first: 1, after: mine.pageInfo.endCursor })).totalCount).toBe(2);

    // Another agency's items and ideas are not counted, nor are they among the owner's suggestions.
    const stranger = await signUpAgency(api, 'Agence Contenus étrangère');
    const strangerOrg = await createOrganization(api, stranger, 'Client étranger contenus');
    await write('createContentItem', 'Pain étranger', stranger, strangerOrg);
    await write('suggestContentIdea', 'Idée étrangère', stranger, strangerOrg);
    expect((await items({ first: 1 })).totalCount).toBe(5);
    expect((await items({ first: 1, status: 'IDEA' })).totalCount).toBe(2);
    expect((await suggestions({ first: 1 })).totalCount).toBe(2);
    expect((await items({ first: 1 }, stranger, strangerOrg)).totalCount).toBe(2);
    expect((await suggestions({ first: 1 }, stranger, strangerOrg)).totalCount).toBe(1);
  });
});
