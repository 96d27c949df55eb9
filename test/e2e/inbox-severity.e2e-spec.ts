import { randomBytes, randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { loadConfig } from '@socle/platform-config';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { createWorker, RunningWorker } from '@socle/worker';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the inbox's fetch job, run here by hand (the worker's queue list is the lead's)
import { FetchInboxJob } from '../../libs/domain/community/src/lib/inbox';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback Mastodon of the plugin's tests is the network these tests talk to
import { MastodonTestServer } from '../../plugins/mastodon/src/test/mastodon-test-server';
import { adminDatabase, firstError, leaksIn } from './e2e-support';

interface Item {
  id: string;
  externalId: string;
  text: string;
  receivedAt: string;
  dueAt: string;
  severity: string;
  severityReason: string | null;
  severitySetBy: string | null;
  severitySetAt: string | null;
  responsibleRole: string;
  status: string;
  version: number;
}

const ITEM = 'id externalId text receivedAt dueAt severity severityReason severitySetBy severitySetAt responsibleRole status version';
const LIST = `query ($severity: CommentSeverity, $status: InboxStatus) { inboxItems(first: 100, severity: $severity, status: $status) { edges { node { ${ITEM} } } } }`;
const SET = `mutation ($input: SetInboxItemSeverityInput!) { setInboxItemSeverity(input: $input) { ${ITEM} } }`;
const RULES = 'mutation ($input: SetCommentHandlingRulesInput!) { setCommentHandlingRules(input: $input) { rules { channel } } }';

const MINUTES: Record<string, number> = { LOW: 2000, NORMAL: 600, HIGH: 45, CRISIS: 15 };
const ROLE: Record<string, string> = {
  LOW: 'COMMUNITY_MANAGER',
  NORMAL: 'COMMUNITY_MANAGER',
  HIGH: 'CONTENT_LEAD',
  CRISIS: 'STRATEGY_LEAD',
};
const dueMinutes = (item: Item) => (new Date(item.dueAt).getTime() - new Date(item.receivedAt).getTime()) / 60_000;

/**
 * Inbox severity end to end: comments fetched from the loopback Mastodon are
 * classified on arrival (a complaint HIGH, thanks LOW, negative during a crisis
 * CRISIS, a detractor HIGH) and due by that severity's rule; a member
 * reclassifies with the item's version, the due time following; the inbox
 * filters by severity; nothing of another tenant is reachable.
 */
describe('inbox severity', () => {
  let api: TestApi;
  let worker: RunningWorker;
  let fetchJob: FetchInboxJob;
  let mastodon: MastodonTestServer;
  let admin: Client;
  let owner: AgencySession;
  let org: string;
  let otherOrg: string;
  let account: string;
  let post: { id: string };
  let viewer: { token: string };
  let analyst: { token: string };

  const as = (organizationId = org) => ({ token: owner.token, organizationId });
  const gql = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, organizationId = org) =>
    api.gql<T>(query, variables, as(organizationId));
  const ok = <T>(query: string, variables: Record<string, unknown> = {}, organizationId = org): Promise<T> =>
    api.ok<T>(query, variables, as(organizationId));
  const items = async (variables: Record<string, unknown> = {}) =>
    (await ok<{ inboxItems: { edges: { node: Item }[] } }>(LIST, variables)).inboxItems.edges.map((e) => e.node);
  const byExternalId = async (externalId: string) => {
    const found = (await items()).find((i) => i.externalId === externalId);
    if (!found) throw new Error(`no inbox item for ${externalId}`);
    return found;
  };
  const comment = (author: string, text: string, language: 'fr' | 'en' = 'fr') =>
    mastodon.postAs(author, text, { inReplyToId: post.id, language });
  /** An item written as owner (the arrival path is the first test's). */
  const plant = async (organizationId: string, text = 'Planté', status = 'NEW') =>
    (
      await admin.query<{ id: string }>(
        `INSERT INTO inbox_items (organization_id, source, external_id, kind, author_handle, text, received_at, due_at, responsible_role, status,
           first_response_at)
         VALUES ($1, 'mastodon', $2, 'MENTION', 'someone@x.example', $3, now() - interval '10 minutes', now() + interval '1 day',
           'COMMUNITY_MANAGER', $4, CASE WHEN $4 = 'ANSWERED' THEN now() END) RETURNING id`,
        [organizationId, `planted-${randomUUID()}`, text, status],
      )
    ).rows[0].id;

  beforeAll(async () => {
    mastodon = await MastodonTestServer.start();
    api = await TestApi.start({ CONNECTOR_TIMEOUT_MS: '1000' });
    worker = await createWorker(loadConfig({ ...process.env, QUEUE_PREFIX: api.config.QUEUE_PREFIX, CONNECTOR_TIMEOUT_MS: '1000' }), {
      reconcileEveryMs: 600_000,
    });
    fetchJob = worker.context.get(FetchInboxJob, { strict: false });
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Sévérité');
    org = await createOrganization(api, owner, 'Boulangerie Sévérité');
    otherOrg = await createOrganization(api, owner, 'Autre client Sévérité');
    viewer = await addOrganizationMember(api, owner, org, ['VIEWER']);
    analyst = await addOrganizationMember(api, owner, org, ['ANALYST']);
    await ok(RULES, {
      input: {
        rules: Object.keys(MINUTES).map((severity) => ({
          channel: 'mastodon',
          severity,
          responseMinutes: MINUTES[severity],
          responsibleRole: ROLE[severity],
        })),
      },
    });
    account = (
      await ok<{ connectNetworkAccount: { id: string } }>(
        'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id } }',
        { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: mastodon.createAccessToken('boulangerie') } },
      )
    ).connectNetworkAccount.id;
    post = mastodon.postAs('boulangerie', `Fournée ${randomBytes(3).toString('hex')}`);
    const contentItem = (
      await admin.query<{ id: string }>(
        "INSERT INTO content_items (organization_id, title, status) VALUES ($1, 'Le pain', 'DRAFT') RETURNING id",
        [org],
      )
    ).rows[0].id;
    await admin.query(
      `INSERT INTO publications (organization_id, item_id, network_account_id, network, due_at, next_attempt_at, status, idempotency_key, external_id, published_at)
       VALUES ($1, $2, $3, 'mastodon', now(), now(), 'PUBLISHED', $4, $5, now())`,
      [org, contentItem, account, `test-${randomUUID()}`, post.id],
    );
  });
  afterAll(async () => {
    await worker?.close();
    await api?.stop();
    await admin?.end();
    await mastodon?.close();
  });

  it('classifies comments on arrival and gives each the due time and role of its severity’s rule', async () => {
    // A detractor, as people tagged them (the author profiles key handles in lower case).
    await admin.query(
      "INSERT INTO mention_author_profiles (organization_id, source, handle_key, tags) VALUES ($1, 'mastodon', $2, '{DETRACTOR}')",
      [org, `grincheux@${mastodon.host}`.toLowerCase()],
    );
    const negative = comment('decue', 'Franchement très déçue, le pain était rassis et le service horrible.');
    const refund = comment('client1', 'Je veux être remboursé pour la commande de samedi.');
    const thanks = comment('fan', 'Merci beaucoup, les croissants sont délicieux, bravo à toute l’équipe !');
    const question = comment('curieux', 'Vous ouvrez dimanche ?');
    const detractor = comment('Grincheux', 'Encore une fournée.');
    const angryEmoji = comment('emoji', '😡😡😡', 'en');
    const english = comment('visitor', 'Terrible service, the bread was stale and the staff rude.', 'en');

    expect((await fetchJob.handle({ organizationId: org })).inserted).toBe(7);
    const expectations: [{ id: string }, string, string | null][] = [
      [negative, 'HIGH', 'NEGATIVE'],
      [refund, 'HIGH', 'ESCALATION_WORD:rembourse'],
      [thanks, 'LOW', 'POSITIVE'],
      [question, 'NORMAL', null],
      [detractor, 'HIGH', 'AUTHOR_TAG:DETRACTOR'],
      [angryEmoji, 'HIGH', 'NEGATIVE'],
      [english, 'HIGH', 'NEGATIVE'],
    ];
    for (const [status, severity, reason] of expectations) {
      const item = await byExternalId(status.id);
      expect({ text: item.text, severity: item.severity, reason: item.severityReason }).toEqual({ text: item.text, severity, reason });
      expect(dueMinutes(item)).toBe(MINUTES[severity]);
      expect(item.responsibleRole).toBe(ROLE[severity]);
      expect(item.severitySetBy).toBeNull();
    }

    // Publishing paused for a crisis (no alert): a negative comment is CRISIS, so said.
    await admin.query(
      "INSERT INTO publishing_pauses (organization_id, active, reason, paused_at) VALUES ($1, true, 'Inondations dans la région', now())",
      [org],
    );
    const paused = comment('inquiet', 'Honteux, vraiment horrible, quel mépris.');
    expect((await fetchJob.handle({ organizationId: org })).inserted).toBe(1);
    expect(await byExternalId(paused.id)).toMatchObject({
      severity: 'CRISIS',
      severityReason: 'CRISIS_PAUSE',
      responsibleRole: 'STRATEGY_LEAD',
    });

    // While a crisis alert is unresolved, a negative comment is CRISIS; a question stays NORMAL.
    await admin.query(
      `INSERT INTO alerts (organization_id, kind, status, window_start, window_end, observed_count, baseline_mean, baseline_stddev, baseline_days,
         threshold, ratio, sensitivity)
       VALUES ($1, 'NEGATIVE_SPIKE', 'OPEN', now() - interval '1 hour', now(), 40, 2, 1, 28, 6, 20, 'MEDIUM')`,
      [org],
    );
    const crisis = comment('colere', 'Honteux, vraiment horrible, je suis très en colère.');
    const calm = comment('calme', 'Vous livrez à domicile ?');
    expect((await fetchJob.handle({ organizationId: org })).inserted).toBe(2);
    const crisisItem = await byExternalId(crisis.id);
    expect([crisisItem.severity, crisisItem.severityReason, dueMinutes(crisisItem), crisisItem.responsibleRole]).toEqual([
      'CRISIS',
      'CRISIS_ALERT',
      15,
      'STRATEGY_LEAD',
    ]);
    expect((await byExternalId(calm.id)).severity).toBe('NORMAL');
    // The other organisation's inbox got nothing, and its crisis state is its own.
    expect((await admin.query('SELECT count(*)::int AS n FROM inbox_items WHERE organization_id = $1', [otherOrg])).rows[0].n).toBe(0);

    // The inbox filtered by severity, newest first as before.
    const high = await items({ severity: 'HIGH' });
    expect(high.map((i) => i.externalId).sort()).toEqual([negative.id, refund.id, detractor.id, angryEmoji.id, english.id].sort());
    expect((await items({ severity: 'CRISIS', status: 'NEW' })).map((i) => i.externalId).sort()).toEqual([crisis.id, paused.id].sort());
    const bad = await gql(LIST, { severity: 'URGENT' });
    expect(firstError(bad).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'severity' });
  });

  it('lets a member reclassify with the item’s version: the due time follows, audited; a stale version is CONFLICT', async () => {
    const id = await plant(org, 'Une question de livraison');
    const [before] = (await items()).filter((i) => i.id === id);
    expect(before).toMatchObject({ severity: 'NORMAL', severityReason: null, version: 1 });

    const set = (await ok<{ setInboxItemSeverity: Item }>(SET, { input: { id, severity: 'HIGH', version: 1 } })).setInboxItemSeverity;
    expect(set).toMatchObject({
      severity: 'HIGH',
      severityReason: 'MANUAL',
      severitySetBy: owner.userId,
      responsibleRole: 'CONTENT_LEAD',
      version: 2,
    });
    expect(set.receivedAt).toBe(before.receivedAt);
    expect(dueMinutes(set)).toBe(45);
    expect(set.severitySetAt).not.toBeNull();
    const audit = (
      await admin.query<{ action: string; metadata: Record<string, unknown> }>(
        "SELECT action, metadata FROM audit_events WHERE target_id = $1 AND action = 'inbox.severity_set'",
        [id],
      )
    ).rows;
    expect(audit).toEqual([
      {
        action: 'inbox.severity_set',
        metadata: expect.objectContaining({ from: 'NORMAL', to: 'HIGH', previousReason: null, dueAt: set.dueAt }),
      },
    ]);

    // The version read before the change is stale now.
    const stale = firstError(await gql(SET, { input: { id, severity: 'LOW', version: 1 } }));
    expect(stale.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INBOX_ITEM_CHANGED', field: 'input.version', version: 2 });
    expect((await items({ severity: 'HIGH' })).find((i) => i.id === id)?.version).toBe(2);

    // Two people at once with the same version: one wins, the other gets the conflict.
    const raced = await Promise.all(
      ['LOW', 'CRISIS'].map((severity) => gql<{ setInboxItemSeverity: Item }>(SET, { input: { id, severity, version: 2 } })),
    );
    const won = raced.filter((r) => !r.body.errors);
    const lost = raced.filter((r) => r.body.errors);
    expect(won).toHaveLength(1);
    expect(lost.map((r) => firstError(r).extensions)).toEqual([
      expect.objectContaining({ code: 'CONFLICT', reason: 'INBOX_ITEM_CHANGED' }),
    ]);
    const after = (await items()).find((i) => i.id === id) as Item;
    expect(after.version).toBe(3);
    expect(after.severity).toBe(won[0].body.data?.setInboxItemSeverity.severity);
    expect(dueMinutes(after)).toBe(MINUTES[after.severity]);
  });

  it('refuses ANSWERED and DISMISSED items, another tenant’s item, bad input and members who do not handle the inbox', async () => {
    for (const status of ['ANSWERED', 'DISMISSED']) {
      const id = await plant(org, `fermé ${status}`, status);
      const refused = firstError(await gql(SET, { input: { id, severity: 'HIGH', version: 1 } }));
      expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INBOX_ITEM_CLOSED', field: 'input.id', status });
      const row = (await admin.query('SELECT severity, version FROM inbox_items WHERE id = $1', [id])).rows[0];
      expect(row).toEqual({ severity: 'NORMAL', version: 1 });
    }

    // Another organisation's item, from this one: NOT_FOUND, unchanged.
    const foreign = await plant(otherOrg, 'Autre client');
    const notFound = firstError(await gql(SET, { input: { id: foreign, severity: 'CRISIS', version: 1 } }));
    expect(notFound.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
    expect((await admin.query('SELECT severity, version FROM inbox_items WHERE id = $1', [foreign])).rows[0]).toEqual({
      severity: 'NORMAL',
      version: 1,
    });

    const id = await plant(org, 'Cible');
    const hostile: [Record<string, unknown>, string][] = [
      [{ id, severity: 'URGENT', version: 1 }, 'input.severity'],
      [{ id, severity: 'HIGH\u0000', version: 1 }, 'input.severity'],
      [{ id, severity: 'HIGH', version: 0 }, 'input.version'],
      [{ id, severity: 'HIGH', version: -5 }, 'input.version'],
      [{ id: 'not-an-id\u0000\ud800', severity: 'HIGH', version: 1 }, 'input.id'],
    ];
    for (const [input, field] of hostile) {
      const res = await gql(SET, { input });
      const error = firstError(res);
      expect({ field, code: error.extensions.code, problems: error.extensions.problems }).toEqual({
        field,
        code: 'BAD_USER_INPUT',
        problems: expect.arrayContaining([expect.objectContaining({ field })]),
      });
      expect(leaksIn(res.body)).toEqual([]);
    }
    const huge = await gql(SET, { input: { id, severity: 'HIGH', version: 2 ** 40 } });
    expect(firstError(huge).extensions.code).toBe('BAD_USER_INPUT');

    // Readers of the inbox who do not handle it.
    for (const member of [viewer, analyst]) {
      const res = await api.gql(SET, { input: { id, severity: 'HIGH', version: 1 } }, { token: member.token, organizationId: org });
      expect(firstError(res).extensions.code).toBe('FORBIDDEN');
    }
    expect((await admin.query('SELECT severity, version FROM inbox_items WHERE id = $1', [id])).rows[0]).toEqual({
      severity: 'NORMAL',
      version: 1,
    });
  });
});
