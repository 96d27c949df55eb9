import { randomBytes, randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { loadConfig } from '@socle/platform-config';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { createWorker, RunningWorker } from '@socle/worker';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the inbox's jobs, run here by hand (the worker's queue list is the lead's)
import {
  EscalateInboxJob,
  FetchInboxJob,
  inboxEvidenceProvider,
  InboxRepository,
  SendInboxReplyJob,
} from '../../libs/domain/community/src/lib/inbox';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the loopback Mastodon of the plugin's tests is the network these tests talk to
import { MastodonTestServer } from '../../plugins/mastodon/src/test/mastodon-test-server';
import { adminDatabase, firstError, leaksIn } from './e2e-support';

interface Item {
  id: string;
  source: string;
  networkAccountId: string | null;
  externalId: string;
  kind: string;
  parentExternalId: string | null;
  publicationId: string | null;
  authorHandle: string;
  text: string;
  url: string | null;
  receivedAt: string;
  status: string;
  assigneeId: string | null;
  dueAt: string;
  overdue: boolean;
  responsibleRole: string;
  firstResponseAt: string | null;
  answeredBy: string | null;
  escalatedTo: string | null;
  version: number;
  notes: { id: string; text: string; authorId: string | null }[];
  replies: { id: string; text: string; status: string; attempts: number; externalId: string | null; error: string | null }[];
}

const ITEM = `id source networkAccountId externalId kind parentExternalId publicationId authorHandle text url receivedAt status assigneeId dueAt overdue
  responsibleRole firstResponseAt answeredBy escalatedTo version notes { id text authorId } replies { id text status attempts externalId error }`;
const LIST = `query ($status: InboxStatus, $assigneeId: ID, $overdue: Boolean, $first: Int, $after: String) {
  inboxItems(first: $first, after: $after, status: $status, assigneeId: $assigneeId, overdue: $overdue) { edges { node { ${ITEM} } } pageInfo { hasNextPage endCursor } } }`;
const GET = `query ($id: ID!) { inboxItem(id: $id) { ${ITEM} } }`;
const REPLY = `mutation ($input: ReplyToInboxItemInput!) { replyToInboxItem(input: $input) { ${ITEM} } }`;
const ASSIGN = `mutation ($input: AssignInboxItemInput!) { assignInboxItem(input: $input) { ${ITEM} } }`;
const NOTE = 'mutation ($input: AddInboxNoteInput!) { addInboxNote(input: $input) { id text authorId } }';
const DISMISS = `mutation ($input: DismissInboxItemInput!) { dismissInboxItem(input: $input) { ${ITEM} } }`;
const ESCALATE = `mutation ($input: EscalateInboxItemInput!) { escalateInboxItem(input: $input) { ${ITEM} } }`;
const RULES = 'mutation ($input: SetCommentHandlingRulesInput!) { setCommentHandlingRules(input: $input) { rules { channel } } }';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The social inbox end to end: comments on our published posts at the loopback
 * Mastodon become items (once, however many fetches run), answered once (a
 * retried send, racing people), escalated when past due, never reachable from
 * another tenant.
 */
describe('inbox', () => {
  let api: TestApi;
  let worker: RunningWorker;
  let fetchJob: FetchInboxJob;
  let escalateJob: EscalateInboxJob;
  let sendJob: SendInboxReplyJob;
  let mastodon: MastodonTestServer;
  let admin: Client;
  let owner: AgencySession;
  let org: string;
  let otherOrg: string;
  let member: { userId: string; token: string };
  let otherMember: { userId: string; token: string };

  const as = (organizationId = org) => ({ token: owner.token, organizationId });
  const gql = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, organizationId = org) =>
    api.gql<T>(query, variables, as(organizationId));
  const ok = async <T>(query: string, variables: Record<string, unknown> = {}, organizationId = org): Promise<T> =>
    api.ok<T>(query, variables, as(organizationId));
  const fetchInbox = (organizationId = org) => fetchJob.handle({ organizationId });
  const item = async (id: string, organizationId = org) => (await ok<{ inboxItem: Item }>(GET, { id }, organizationId)).inboxItem;
  const itemsOf = async (publicationId: string) =>
    (
      await admin.query<{ id: string; external_id: string }>(
        'SELECT id, external_id FROM inbox_items WHERE publication_id = $1 ORDER BY received_at, id',
        [publicationId],
      )
    ).rows;
  const repliesTo = (statusId: string) => Object.values(mastodonStatuses()).filter((s) => s.in_reply_to_id === statusId);
  /** The POSTs the instance received to answer this status (each send that reached the network). */
  const postsTo = (statusId: string) =>
    mastodon.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/statuses' && r.params?.in_reply_to_id === statusId);
  const mastodonStatuses = () =>
    ['boulangerie', 'boulangerie-b', 'autre-b'].flatMap((u) => mastodon.statusesOf(u)) as {
      id: string;
      in_reply_to_id: string | null;
      content: string;
    }[];

  const connect = async (username: string, organizationId = org) =>
    (
      await api.ok<{ connectNetworkAccount: { id: string } }>(
        'mutation ($input: ConnectNetworkAccountInput!) { connectNetworkAccount(input: $input) { id } }',
        { input: { network: 'mastodon', serviceUrl: mastodon.baseUrl, accessToken: mastodon.createAccessToken(username) } },
        as(organizationId),
      )
    ).connectNetworkAccount.id;

  /** A post of ours at the instance and its PUBLISHED publication (written as owner: publishing is another part's journey). */
  const published = async (accountId: string, username: string, organizationId = org) => {
    const post = mastodon.postAs(username, `Fournée ${randomBytes(3).toString('hex')}`);
    const itemId = (
      await admin.query<{ id: string }>(
        "INSERT INTO content_items (organization_id, title, status) VALUES ($1, 'Le pain', 'DRAFT') RETURNING id",
        [organizationId],
      )
    ).rows[0].id;
    const publicationId = (
      await admin.query<{ id: string }>(
        `INSERT INTO publications (organization_id, item_id, network_account_id, network, due_at, next_attempt_at, status, idempotency_key, external_id, external_url, published_at)
       VALUES ($1, $2, $3, 'mastodon', now(), now(), 'PUBLISHED', $4, $5, $6, now()) RETURNING id`,
        [organizationId, itemId, accountId, `test-${randomUUID()}`, post.id, post.url],
      )
    ).rows[0].id;
    return { post, publicationId };
  };

  beforeAll(async () => {
    mastodon = await MastodonTestServer.start();
    api = await TestApi.start({ CONNECTOR_TIMEOUT_MS: '1000' });
    worker = await createWorker(loadConfig({ ...process.env, QUEUE_PREFIX: api.config.QUEUE_PREFIX, CONNECTOR_TIMEOUT_MS: '1000' }), {
      reconcileEveryMs: 600_000,
    });
    fetchJob = worker.context.get(FetchInboxJob, { strict: false });
    escalateJob = worker.context.get(EscalateInboxJob, { strict: false });
    sendJob = worker.context.get(SendInboxReplyJob, { strict: false });
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Inbox');
    org = await createOrganization(api, owner, 'Boulangerie Inbox');
    otherOrg = await createOrganization(api, owner, 'Autre client Inbox');
    member = await addOrganizationMember(api, owner, org, ['COMMUNITY_MANAGER']);
    otherMember = await addOrganizationMember(api, owner, otherOrg, ['COMMUNITY_MANAGER']);
    // The organisation's rule for Mastodon: 30 minutes, the content lead answers, with a template.
    await ok(RULES, {
      input: {
        rules: [
          {
            channel: 'mastodon',
            severity: 'NORMAL',
            responseMinutes: 30,
            responsibleRole: 'CONTENT_LEAD',
            replyTemplates: [{ language: 'FR', text: 'Merci, nous regardons !' }],
          },
        ],
      },
    });
  });
  afterAll(async () => {
    await worker?.close();
    await api?.stop();
    await admin?.end();
    await mastodon?.close();
  });

  it('fetches the comments on our published posts once, however many fetches run at once, with due times from the rules', async () => {
    const account = await connect('boulangerie');
    const { post, publicationId } = await published(account, 'boulangerie');
    const first = mastodon.postAs('cliente', 'Vous ouvrez dimanche ?', { inReplyToId: post.id });
    const second = mastodon.postAs('client2', 'Et le pain sans gluten ?', { inReplyToId: post.id });
    // Our own answer in the thread is not an item.
    mastodon.postAs('boulangerie', 'Oui, de 8 h à 13 h', { inReplyToId: first.id });

    const runs = await Promise.all([fetchInbox(), fetchInbox(), fetchInbox()]);
    expect(runs.reduce((sum, r) => sum + r.inserted, 0)).toBe(2);
    expect((await fetchInbox()).inserted).toBe(0);
    const rows = await itemsOf(publicationId);
    expect(rows.map((r) => r.external_id).sort()).toEqual([first.id, second.id].sort());

    const got = await item(rows.find((r) => r.external_id === first.id)?.id as string);
    expect(got).toMatchObject({
      source: 'mastodon',
      kind: 'COMMENT',
      status: 'NEW',
      networkAccountId: account,
      publicationId,
      parentExternalId: post.id,
      text: 'Vous ouvrez dimanche ?',
      authorHandle: `cliente@${mastodon.host}`,
      responsibleRole: 'CONTENT_LEAD',
      overdue: false,
      notes: [],
      replies: [],
      version: 1,
    });
    expect(new Date(got.dueAt).getTime() - new Date(got.receivedAt).getTime()).toBe(30 * 60_000);

    // A later comment comes in on the next fetch, the others are not doubled.
    const third = mastodon.postAs('client3', '@boulangerie Merci !', { inReplyToId: post.id });
    // A mention of the account elsewhere is an item too (a comment that mentions us stays a comment).
    const mention = mastodon.postAs('fan', '@boulangerie la meilleure baguette du quartier');
    expect((await fetchInbox()).inserted).toBe(2);
    expect((await itemsOf(publicationId)).map((r) => r.external_id)).toContain(third.id);
    const kinds = (
      await admin.query<{ external_id: string; kind: string; publication_id: string | null }>(
        'SELECT external_id, kind, publication_id FROM inbox_items WHERE external_id = ANY($1::text[]) AND organization_id = $2 ORDER BY kind',
        [[third.id, mention.id], org],
      )
    ).rows;
    expect(kinds).toEqual([
      { external_id: third.id, kind: 'COMMENT', publication_id: publicationId },
      { external_id: mention.id, kind: 'MENTION', publication_id: null },
    ]);
    expect((await fetchInbox()).inserted).toBe(0);
    // Another organisation's fetch sees nothing of this one.
    expect((await fetchInbox(otherOrg)).inserted).toBe(0);
    expect(Number((await admin.query('SELECT count(*) FROM inbox_items WHERE organization_id = $1', [otherOrg])).rows[0].count)).toBe(0);

    // On demand: the worker fetches what came in since.
    const fourth = mastodon.postAs('client4', 'Et le samedi ?', { inReplyToId: post.id });
    expect(await ok<{ refreshInbox: boolean }>('mutation { refreshInbox }')).toEqual({ refreshInbox: true });
    for (const end = Date.now() + 10_000; !(await itemsOf(publicationId)).some((r) => r.external_id === fourth.id); await sleep(100)) {
      if (Date.now() > end) throw new Error('the worker did not fetch the inbox');
    }

    const list = await ok<{ inboxItems: { edges: { node: Item }[] } }>(LIST, { status: 'NEW', first: 2 });
    expect(list.inboxItems.edges).toHaveLength(2);
    const templates = await ok<{ replyTemplates: { text: string; channel: string }[] }>(
      '{ replyTemplates(network: "mastodon") { channel text } }',
    );
    expect(templates.replyTemplates).toEqual([{ channel: 'mastodon', text: 'Merci, nous regardons !' }]);
  });

  it('answers once: a reply goes out under the row’s key, the item is ANSWERED and the reply never comes back as an item', async () => {
    const account = await connect('boulangerie');
    const { post, publicationId } = await published(account, 'boulangerie');
    const comment = mastodon.postAs('curieux', 'Des croissants demain ?', { inReplyToId: post.id });
    await fetchInbox();
    const [row] = await itemsOf(publicationId);

    const answered = (await ok<{ replyToInboxItem: Item }>(REPLY, { input: { itemId: row.id, text: '@curieux oui, dès 7 h' } }))
      .replyToInboxItem;
    expect(answered).toMatchObject({
      status: 'ANSWERED',
      answeredBy: owner.userId,
      replies: [{ status: 'SENT', attempts: 1, text: '@curieux oui, dès 7 h' }],
    });
    expect(answered.firstResponseAt).not.toBeNull();
    const sent = repliesTo(comment.id);
    expect(sent).toHaveLength(1);
    expect(answered.replies[0].externalId).toBe(sent[0].id);
    const request = mastodon.requests.filter(
      (r) => r.method === 'POST' && r.path === '/api/v1/statuses' && r.params.in_reply_to_id === comment.id,
    );
    expect(request.map((r) => r.headers['idempotency-key'])).toEqual([`socle-inbox-reply-${answered.replies[0].id}`]);

    await fetchInbox();
    expect(await itemsOf(publicationId)).toHaveLength(1);
    // Answered is final: a second answer is CONFLICT with its reason, nothing is posted.
    expect(firstError(await gql(REPLY, { input: { itemId: row.id, text: 'encore' } })).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INBOX_ALREADY_ANSWERED',
    });
    expect(repliesTo(comment.id)).toHaveLength(1);
    const actions = (
      await admin.query<{ action: string }>('SELECT action FROM audit_events WHERE target_id = $1 ORDER BY occurred_at, id', [row.id])
    ).rows.map((r) => r.action);
    expect(actions).toEqual(['inbox.reply_started', 'inbox.answered']);
  });

  it('two people answering the same item at once: one reply goes out, the others get CONFLICT INBOX_ALREADY_ANSWERED', async () => {
    const account = await connect('boulangerie');
    const { post, publicationId } = await published(account, 'boulangerie');
    const comment = mastodon.postAs('presse', 'Un avis sur la grève ?', { inReplyToId: post.id });
    await fetchInbox();
    const [row] = await itemsOf(publicationId);
    const answers = await Promise.all([
      api.gql(REPLY, { input: { itemId: row.id, text: 'Réponse A' } }, as()),
      api.gql(REPLY, { input: { itemId: row.id, text: 'Réponse B' } }, { token: member.token, organizationId: org }),
      api.gql(REPLY, { input: { itemId: row.id, text: 'Réponse C' } }, as()),
    ]);
    const won = answers.filter((a) => !a.body.errors);
    const lost = answers.filter((a) => a.body.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(2);
    for (const answer of lost)
      expect(firstError(answer).extensions).toMatchObject({ code: 'CONFLICT', reason: 'INBOX_ALREADY_ANSWERED', field: 'input.itemId' });
    expect(repliesTo(comment.id)).toHaveLength(1);
    const replies = (await admin.query<{ status: string }>('SELECT status FROM inbox_replies WHERE item_id = $1', [row.id])).rows;
    expect(replies).toEqual([{ status: 'SENT' }]);
    expect((await item(row.id)).status).toBe('ANSWERED');
  });

  it('a reply whose call timed out is sent again by the job with the same key: one post, however often the job runs', async () => {
    const account = await connect('boulangerie');
    const { post, publicationId } = await published(account, 'boulangerie');
    const comment = mastodon.postAs('patient', 'Vous livrez ?', { inReplyToId: post.id });
    await fetchInbox();
    const [row] = await itemsOf(publicationId);
    // The instance takes the post but answers after the client gave up.
    mastodon.inject({ type: 'slow', delayMs: 1500 }, 1, /^POST \/api\/v1\/statuses$/);
    const pending = (await ok<{ replyToInboxItem: Item }>(REPLY, { input: { itemId: row.id, text: 'Oui, le samedi' } })).replyToInboxItem;
    expect(pending.status).toBe('NEW');
    expect(pending.replies).toMatchObject([{ status: 'PENDING', attempts: 1 }]);
    expect(pending.replies[0].error).toMatch(/^TRANSIENT/);
    await sleep(800);
    expect(repliesTo(comment.id)).toHaveLength(1);
    // Another person cannot answer meanwhile: the pending reply holds the item.
    expect(
      firstError(await api.gql(REPLY, { input: { itemId: row.id, text: 'Autre' } }, { token: member.token, organizationId: org }))
        .extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'INBOX_ALREADY_ANSWERED' });

    const payload = { organizationId: org, replyId: pending.replies[0].id };
    // Two jobs at once: the one that leases the reply sends it; the other leaves it (still held, or SENT by then).
    const results = await Promise.all([sendJob.handle(payload), sendJob.handle(payload)]);
    expect(results.map((r) => r.status)).toContain('SENT');
    for (const result of results) expect([{ status: 'SENT' }, { status: 'PENDING', busy: true }]).toContainEqual(result);
    expect(await sendJob.handle(payload)).toEqual({ status: 'SENT' });
    expect(repliesTo(comment.id)).toHaveLength(1);
    // The API's call that timed out, then one job's: never two senders at once.
    expect(postsTo(comment.id)).toHaveLength(2);
    const done = await item(row.id);
    expect(done).toMatchObject({ status: 'ANSWERED', replies: [{ status: 'SENT', externalId: repliesTo(comment.id)[0].id, error: null }] });
    const answered = (
      await admin.query('SELECT count(*) FROM audit_events WHERE target_id = $1 AND action = $2', [row.id, 'inbox.answered'])
    ).rows[0];
    expect(Number(answered.count)).toBe(1);
  });

  it('one sender at a time: a job sending the reply the API is still sending leaves it, and the network gets one POST', async () => {
    const account = await connect('boulangerie');
    const { post, publicationId } = await published(account, 'boulangerie');
    const comment = mastodon.postAs('pressee', 'Vous faites des galettes ?', { inReplyToId: post.id });
    await fetchInbox();
    const [row] = await itemsOf(publicationId);
    // The instance holds the reply's POST until the job below has run (within the client's timeout): the API's send is at
    // the network meanwhile.
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    mastodon.inject({ type: 'held', until: held }, 1, /^POST \/api\/v1\/statuses$/);
    const answering = ok<{ replyToInboxItem: Item }>(REPLY, { input: { itemId: row.id, text: 'Oui, en janvier' } });
    const leased = async () =>
      (await admin.query<{ id: string }>('SELECT id FROM inbox_replies WHERE item_id = $1 AND lease_until > now()', [row.id])).rows[0];
    let lease = await leased();
    for (const end = Date.now() + 5_000; !lease; lease = await leased()) {
      if (Date.now() > end) throw new Error('the API did not lease the reply');
      await sleep(10);
    }
    // The worker's job, in its own unit of work, while the API holds the lease: the network is not called.
    const standing = await sendJob.handle({ organizationId: org, replyId: lease.id });
    release();
    expect(standing).toEqual({ status: 'PENDING', busy: true });
    const answered = (await answering).replyToInboxItem;
    expect(answered).toMatchObject({ status: 'ANSWERED', replies: [{ id: lease.id, status: 'SENT', attempts: 1, error: null }] });
    expect(postsTo(comment.id)).toHaveLength(1);
    expect(repliesTo(comment.id)).toHaveLength(1);
    expect(answered.replies[0].externalId).toBe(repliesTo(comment.id)[0].id);
    // Recorded: the lease ended with it.
    expect((await admin.query('SELECT lease_until FROM inbox_replies WHERE id = $1', [lease.id])).rows).toEqual([{ lease_until: null }]);
  });

  it('a lease still running keeps every other sender and the reconciler off the reply; once it expired, the next send takes it', async () => {
    const leasing = await createOrganization(api, owner, 'Bail Inbox');
    const account = await connect('boulangerie-c', leasing);
    const { post, publicationId } = await published(account, 'boulangerie-c', leasing);
    const comment = mastodon.postAs('attente', 'Encore ouvert ?', { inReplyToId: post.id });
    await fetchInbox(leasing);
    const [row] = await itemsOf(publicationId);
    // PENDING for five minutes (due for the reconciler), and a sender holds it: its lease runs for another minute.
    const reply = (
      await admin.query<{ id: string }>(
        `INSERT INTO inbox_replies (organization_id, item_id, network_account_id, text, idempotency_key, attempts, lease_until, leased_by, created_at)
       VALUES ($1, $2, $3, 'Oui, jusqu’à 19 h', 'socle-inbox-reply-' || gen_random_uuid(), 1, now() + interval '1 minute', 'sender-a',
               now() - interval '5 minutes')
       RETURNING id`,
        [leasing, row.id, account],
      )
    ).rows[0].id;
    const units = worker.context.get(UnitOfWorkFactory, { strict: false });
    const inbox = worker.context.get(InboxRepository, { strict: false });
    const asWorker = <T>(work: (ctx: Parameters<InboxRepository['pendingReplies']>[0]) => Promise<T>) =>
      units.runInOrganization(leasing, (uow) => work({ uow, organizationId: uow.organizationId, actor: { type: 'SYSTEM', id: null } }));
    const due = () => asWorker((ctx) => inbox.pendingReplies(ctx, new Date(Date.now() - 60_000), 500));
    const leaseOf = async () =>
      (await admin.query('SELECT status, error, lease_until IS NOT NULL AS leased, leased_by FROM inbox_replies WHERE id = $1', [reply]))
        .rows[0];
    const attention = async () =>
      (
        await admin.query<{ pending: boolean }>(
          "SELECT pending FROM socle_inbox_attention(now(), now() - interval '1 minute', 100000) WHERE organization_id = $1",
          [leasing],
        )
      ).rows;
    expect(await due()).toEqual([]);
    expect(await attention()).toEqual([]);
    const payload = { organizationId: leasing, replyId: reply };
    expect(await sendJob.handle(payload)).toEqual({ status: 'PENDING', busy: true });
    expect(postsTo(comment.id)).toHaveLength(0);
    expect((await admin.query('SELECT attempts FROM inbox_replies WHERE id = $1', [reply])).rows).toEqual([{ attempts: 1 }]);
    // A sender that does not hold the lease (one whose own lease ended while it was calling) neither ends nor fails it.
    await asWorker((ctx) => inbox.noteError(ctx, reply, 'TRANSIENT: a stale sender', 'sender-b'));
    expect(await asWorker((ctx) => inbox.markFailed(ctx, reply, 'REJECTED: a stale sender', 'sender-b'))).toBe(false);
    expect(await leaseOf()).toEqual({ status: 'PENDING', error: null, leased: true, leased_by: 'sender-a' });
    // Nor does a sender refused before any call (the account disconnected meanwhile): it stands aside, the holder's lease runs.
    expect(await asWorker((ctx) => inbox.markFailed(ctx, reply, 'the account was disconnected', null))).toBe(false);
    const sealed = (
      await admin.query<{ c: string; k: string }>(
        'SELECT credentials_ciphertext AS c, credentials_key_id AS k FROM network_accounts WHERE id = $1',
        [account],
      )
    ).rows[0];
    await admin.query('UPDATE network_accounts SET credentials_ciphertext = NULL, credentials_key_id = NULL WHERE id = $1', [account]);
    try {
      expect(await sendJob.handle(payload)).toEqual({ status: 'PENDING', busy: true });
    } finally {
      await admin.query('UPDATE network_accounts SET credentials_ciphertext = $2, credentials_key_id = $3 WHERE id = $1', [
        account,
        sealed.c,
        sealed.k,
      ]);
    }
    expect(await leaseOf()).toEqual({ status: 'PENDING', error: null, leased: true, leased_by: 'sender-a' });

    // Its sender stopped: the lease expired, the reconciler sees the reply again and the next send takes it over.
    await admin.query("UPDATE inbox_replies SET lease_until = now() - interval '1 second' WHERE id = $1", [reply]);
    expect(await due()).toEqual([reply]);
    expect(await attention()).toEqual([{ pending: true }]);
    expect(await sendJob.handle(payload)).toEqual({ status: 'SENT' });
    const key = (await admin.query<{ k: string }>('SELECT idempotency_key AS k FROM inbox_replies WHERE id = $1', [reply])).rows[0].k;
    expect(postsTo(comment.id).map((r) => r.headers['idempotency-key'])).toEqual([key]);
    expect(mastodon.statusesOf('boulangerie-c').filter((s) => s.in_reply_to_id === comment.id)).toHaveLength(1);
    expect((await admin.query('SELECT status, attempts, lease_until, leased_by FROM inbox_replies WHERE id = $1', [reply])).rows).toEqual([
      { status: 'SENT', attempts: 2, lease_until: null, leased_by: null },
    ]);
    expect(await due()).toEqual([]);
    // The table holds it too: no lease on a reply that is no longer PENDING, and none without its holder.
    await expect(admin.query("UPDATE inbox_replies SET lease_until = now(), leased_by = 'x' WHERE id = $1", [reply])).rejects.toThrow(
      /inbox_replies_lease_pending/,
    );
    await expect(admin.query("UPDATE inbox_replies SET leased_by = 'x' WHERE id = $1", [reply])).rejects.toThrow(
      /inbox_replies_lease_holder/,
    );
  });

  it('a reply whose network answers an id no one can keep stays PENDING as UNKNOWN; an unsafe reply URL is dropped', async () => {
    const account = await connect('boulangerie');
    const { post, publicationId } = await published(account, 'boulangerie');
    mastodon.postAs('bizarre', 'Ouvert lundi ?', { inReplyToId: post.id });
    await fetchInbox();
    const [row] = await itemsOf(publicationId);
    const hostile = (id: string, url: string) => ({ id, url, uri: url, created_at: new Date().toISOString(), content: '<p>Oui</p>' });
    mastodon.inject({ type: 'status', status: 200, body: hostile('12\u00003', 'https://m.example/@b/1') }, 1, /^POST \/api\/v1\/statuses$/);
    const pending = (await ok<{ replyToInboxItem: Item }>(REPLY, { input: { itemId: row.id, text: 'Oui' } })).replyToInboxItem;
    expect(pending.status).toBe('NEW');
    expect(pending.replies).toMatchObject([{ status: 'PENDING', attempts: 1, externalId: null }]);
    expect(pending.replies[0].error).toMatch(/^UNKNOWN: .*answered something the connector cannot use/);
    mastodon.inject(
      { type: 'status', status: 200, body: hostile('778', 'javascript:alert(document.cookie)') },
      1,
      /^POST \/api\/v1\/statuses$/,
    );
    expect(await sendJob.handle({ organizationId: org, replyId: pending.replies[0].id })).toEqual({ status: 'SENT' });
    expect(await item(row.id)).toMatchObject({ status: 'ANSWERED', replies: [{ status: 'SENT', externalId: '778', error: null }] });
    const stored = await admin.query('SELECT external_id, external_url FROM inbox_replies WHERE item_id = $1', [row.id]);
    expect(stored.rows).toEqual([{ external_id: '778', external_url: null }]);
  });

  it('takes a comment holding NUL or half a surrogate pair as text a store takes, and the comments after it too', async () => {
    const account = await connect('boulangerie');
    const { post, publicationId } = await published(account, 'boulangerie');
    mastodon.postAs('nul\u0000', 'Texte a\u0000b \ud800 fin', { inReplyToId: post.id });
    mastodon.postAs('sage', 'Merci pour la fournée', { inReplyToId: post.id });
    await fetchInbox();
    const rows = await admin.query<{ author_handle: string; text: string }>(
      'SELECT author_handle, text FROM inbox_items WHERE publication_id = $1 ORDER BY received_at, id',
      [publicationId],
    );
    expect(rows.rows.map((r) => r.text).sort()).toEqual(['Merci pour la fournée', 'Texte a\ufffdb \ufffd fin']);
    expect(rows.rows.map((r) => r.author_handle).join(' ')).not.toContain('\u0000');
    // Fetched again: the same comments, nothing new, nothing failing.
    expect(await fetchInbox()).toMatchObject({ inserted: 0, failed: 0 });
  });

  it('a reply the network refuses is FAILED, named on input.text, and the item can be answered again', async () => {
    const account = await connect('boulangerie');
    const { post, publicationId } = await published(account, 'boulangerie');
    const comment = mastodon.postAs('refus', 'Question ?', { inReplyToId: post.id });
    await fetchInbox();
    const [row] = await itemsOf(publicationId);
    mastodon.inject(
      { type: 'status', status: 422, body: { error: 'Validation failed: Text character limit' } },
      1,
      /^POST \/api\/v1\/statuses$/,
    );
    const refused = await gql(REPLY, { input: { itemId: row.id, text: 'Réponse' } });
    expect(firstError(refused).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.text' });
    expect(leaksIn(refused.body)).toEqual([]);
    expect((await admin.query('SELECT status FROM inbox_replies WHERE item_id = $1', [row.id])).rows).toEqual([{ status: 'FAILED' }]);
    expect((await ok<{ replyToInboxItem: Item }>(REPLY, { input: { itemId: row.id, text: 'Réponse' } })).replyToInboxItem.status).toBe(
      'ANSWERED',
    );
    expect(repliesTo(comment.id)).toHaveLength(1);
  });

  it('assigns to members, keeps notes, dismisses and escalates by hand through the workflow, audited', async () => {
    const account = await connect('boulangerie');
    const { post, publicationId } = await published(account, 'boulangerie');
    mastodon.postAs('a1', 'Bonjour', { inReplyToId: post.id });
    mastodon.postAs('a2', 'Spam spam', { inReplyToId: post.id });
    await fetchInbox();
    const [one, two] = await itemsOf(publicationId);

    const assigned = (await ok<{ assignInboxItem: Item }>(ASSIGN, { input: { id: one.id, assigneeId: member.userId } })).assignInboxItem;
    expect(assigned).toMatchObject({ status: 'ASSIGNED', assigneeId: member.userId, version: 2 });
    const mine = await ok<{ inboxItems: { edges: { node: Item }[] } }>(LIST, { assigneeId: member.userId });
    expect(mine.inboxItems.edges.map((e) => e.node.id)).toEqual([one.id]);
    const note = (
      await api.ok<{ addInboxNote: { text: string; authorId: string } }>(
        NOTE,
        { input: { itemId: one.id, text: 'Client fidèle' } },
        { token: member.token, organizationId: org },
      )
    ).addInboxNote;
    expect(note).toEqual({ text: 'Client fidèle', authorId: member.userId, id: expect.any(String) });
    expect((await item(one.id)).notes.map((n) => n.text)).toEqual(['Client fidèle']);

    const escalated = (
      await ok<{ escalateInboxItem: Item }>(ESCALATE, { input: { id: one.id, role: 'STRATEGY_LEAD', reason: 'sensible' } })
    ).escalateInboxItem;
    expect(escalated).toMatchObject({ status: 'ESCALATED', escalatedTo: 'STRATEGY_LEAD' });
    expect((await ok<{ dismissInboxItem: Item }>(DISMISS, { input: { id: two.id, reason: 'spam' } })).dismissInboxItem.status).toBe(
      'DISMISSED',
    );
    // A dismissed item is not escalated; the refusal says why.
    expect(firstError(await gql(ESCALATE, { input: { id: two.id } })).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INBOX_TRANSITION_NOT_ALLOWED',
      field: 'input.id',
    });
    // The trigger holds the workflow even against a direct write.
    await expect(admin.query("UPDATE inbox_items SET status = 'NEW' WHERE id = $1", [one.id])).rejects.toThrow(
      /cannot go from ESCALATED to NEW/,
    );
    const actions = (
      await admin.query<{ action: string }>('SELECT action FROM audit_events WHERE target_id = $1 ORDER BY occurred_at, id', [one.id])
    ).rows.map((r) => r.action);
    expect(actions).toEqual(['inbox.assigned', 'inbox.note_added', 'inbox.escalated']);
  });

  it('escalates items past due to the rule’s responsible role, once, however many sweeps run at once', async () => {
    const account = await connect('boulangerie');
    const { post, publicationId } = await published(account, 'boulangerie');
    mastodon.postAs('tard1', 'Vous êtes là ?', { inReplyToId: post.id });
    mastodon.postAs('tard2', 'Allô ?', { inReplyToId: post.id });
    await fetchInbox();
    const [late, onTime] = await itemsOf(publicationId);
    await admin.query("UPDATE inbox_items SET due_at = now() - interval '1 minute' WHERE id = $1", [late.id]);
    expect(
      (await ok<{ inboxItems: { edges: { node: Item }[] } }>(LIST, { overdue: true })).inboxItems.edges.map((e) => e.node.id),
    ).toContain(late.id);

    const sweeps = await Promise.all([
      escalateJob.handle({ organizationId: org }),
      escalateJob.handle({ organizationId: org }),
      escalateJob.handle({ organizationId: org }),
    ]);
    expect(sweeps.reduce((sum, s) => sum + s.escalated, 0)).toBe(1);
    expect((await escalateJob.handle({ organizationId: org })).escalated).toBe(0);
    expect(await item(late.id)).toMatchObject({ status: 'ESCALATED', escalatedTo: 'CONTENT_LEAD' });
    expect((await item(onTime.id)).status).toBe('NEW');
    const audits = (
      await admin.query<{ metadata: Record<string, unknown> }>(
        "SELECT metadata FROM audit_events WHERE target_id = $1 AND action = 'inbox.escalated'",
        [late.id],
      )
    ).rows;
    expect(audits).toHaveLength(1);
    expect(audits[0].metadata).toMatchObject({ role: 'CONTENT_LEAD', by: 'sla' });
    // The reconciler finds the organisation with an overdue item and the worker escalates it.
    await admin.query("UPDATE inbox_items SET due_at = now() - interval '1 minute' WHERE id = $1", [onTime.id]);
    // Suites share the database: another suite's worker may re-queue it first, so the outcome is asserted, not the count.
    await escalateJob.reconcile();
    for (const end = Date.now() + 10_000; (await item(onTime.id)).status !== 'ESCALATED'; await sleep(100)) {
      if (Date.now() > end) throw new Error('the worker did not escalate');
    }
  });

  it('re-queues what PostgreSQL says is due: fetches, overdue sweeps and replies whose sender stopped', async () => {
    const account = await connect('boulangerie');
    const { post, publicationId } = await published(account, 'boulangerie');
    const comment = mastodon.postAs('oublie', 'Et alors ?', { inReplyToId: post.id });
    await fetchInbox();
    const [row] = await itemsOf(publicationId);
    const reply = (
      await admin.query<{ id: string }>(
        `INSERT INTO inbox_replies (organization_id, item_id, network_account_id, text, idempotency_key, created_at)
       VALUES ($1, $2, $3, 'Réponse oubliée', 'socle-inbox-reply-' || gen_random_uuid(), now() - interval '5 minutes') RETURNING id`,
        [org, row.id, account],
      )
    ).rows[0].id;
    const until = async (what: string, done: () => Promise<boolean>) => {
      for (const end = Date.now() + 10_000; !(await done()); await sleep(100))
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    };
    const fetchedAt = async () =>
      (await admin.query<{ at: Date }>('SELECT fetched_at AS at FROM inbox_cursors WHERE publication_id = $1', [publicationId])).rows[0].at;
    // Fetched a moment ago: not due (INBOX_EVERY_MINUTES), whatever the queue holds.
    const recent = await fetchedAt();
    await fetchJob.reconcile();
    await sleep(500);
    expect(await fetchedAt()).toEqual(recent);
    // Not fetched for an hour: the reconciler queues it and the worker fetches.
    await admin.query("UPDATE inbox_cursors SET fetched_at = now() - interval '1 hour' WHERE organization_id = $1", [org]);
    // Suites share the database: another suite's worker may re-queue it first, so the outcome is asserted, not the count.
    await fetchJob.reconcile();
    await until('the worker fetched', async () => (await fetchedAt()).getTime() > Date.now() - 60_000);
    // The reply whose sender stopped is sent by the worker (with the row's key), and the item is answered.
    // Suites share the database: another suite's worker may re-queue it first, so the outcome is asserted, not the count.
    await escalateJob.reconcile();
    await until(
      'the reply sent',
      async () => (await admin.query('SELECT status FROM inbox_replies WHERE id = $1', [reply])).rows[0].status === 'SENT',
    );
    expect((await item(row.id)).status).toBe('ANSWERED');
    const key = (await admin.query<{ k: string }>('SELECT idempotency_key AS k FROM inbox_replies WHERE id = $1', [reply])).rows[0].k;
    const posted = mastodon.requests.filter(
      (r) => r.method === 'POST' && r.path === '/api/v1/statuses' && r.params?.in_reply_to_id === comment.id,
    );
    // Suites share the database but not their queues: another suite's worker starting now may send it too. Every call
    // carries the row's key, and the network keeps one reply: counted on its side.
    expect(posted.length).toBeGreaterThanOrEqual(1);
    expect(posted.map((r) => r.headers['idempotency-key'])).toEqual(posted.map(() => key));
    expect(repliesTo(comment.id)).toHaveLength(1);
  });

  it('measures community.responseTime: the median first answer against the rules’ delay', async () => {
    const measured = await createOrganization(api, owner, 'Mesure Inbox');
    const compute = () =>
      worker.context
        .get(UnitOfWorkFactory, { strict: false })
        .runInOrganization(measured, (uow) =>
          inboxEvidenceProvider.compute({ uow, organizationId: measured, at: new Date(), earlier: new Map() }),
        );
    expect((await compute())['community.responseTime']).toMatchObject({ value: null, score: 0 });
    const insert = (receivedMinutesAgo: number, allowedMinutes: number, answeredAfterMinutes: number | null) =>
      admin.query(
        `INSERT INTO inbox_items (organization_id, source, external_id, kind, author_handle, text, received_at, due_at, responsible_role, status, first_response_at)
       VALUES ($1, 'mastodon', gen_random_uuid()::text, 'COMMENT', 'x@y', 't', now() - make_interval(mins => $2), now() - make_interval(mins => $2) + make_interval(mins => $3),
               'COMMUNITY_MANAGER', $4, CASE WHEN $5::int IS NULL THEN NULL ELSE now() - make_interval(mins => $2) + make_interval(mins => $5::int) END)`,
        [measured, receivedMinutesAgo, allowedMinutes, answeredAfterMinutes === null ? 'NEW' : 'ANSWERED', answeredAfterMinutes],
      );
    await insert(300, 60, 10);
    await insert(300, 60, 20);
    await insert(300, 60, 30);
    expect((await compute())['community.responseTime']).toMatchObject({ value: 20, score: 1 });
    // Two overdue and unanswered (counted up to now: 300 minutes) pull the median beyond the delay.
    await insert(300, 60, null);
    await insert(300, 60, null);
    const late = (await compute())['community.responseTime'];
    expect(late.value).toBe(30);
    expect(late.score).toBe(1);
    await insert(300, 60, null);
    const later = (await compute())['community.responseTime'];
    expect(later.value).toBeGreaterThan(60);
    expect(later.score).toBeLessThan(1);
    expect(later.explanation.en).toContain('beyond');
  });

  it('refuses hostile input naming the field, stores nothing, and never reaches another tenant’s items', async () => {
    const account = await connect('boulangerie');
    const { post, publicationId } = await published(account, 'boulangerie');
    mastodon.postAs('hostile', 'Bonjour', { inReplyToId: post.id });
    await fetchInbox();
    const [row] = await itemsOf(publicationId);
    const otherAccount = await connect('boulangerie-b', otherOrg);
    const other = await published(otherAccount, 'boulangerie-b', otherOrg);
    mastodon.postAs('autre', 'Chez B', { inReplyToId: other.post.id });
    await fetchInbox(otherOrg);
    const [otherRow] = await itemsOf(other.publicationId);
    expect(otherRow).toBeDefined();
    const statusesBefore = mastodon.statusCount();
    const refused = async (query: string, input: Record<string, unknown>) => {
      const res = await gql(query, { input });
      expect(leaksIn(res.body)).toEqual([]);
      return firstError(res).extensions;
    };

    expect(await refused(REPLY, { itemId: row.id, text: 'a\u0000b' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.text' });
    expect(await refused(REPLY, { itemId: row.id, text: 'x'.repeat(20_000) })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.text',
    });
    // Longer than Mastodon takes (500): the connector's own limit, before anything is claimed.
    expect(await refused(REPLY, { itemId: row.id, text: 'y'.repeat(600) })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.text' });
    expect(await refused(REPLY, { itemId: `${row.id}\u0000`, text: 'ok' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.itemId',
    });
    expect(await refused(NOTE, { itemId: row.id, text: '\u0000' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.text' });
    expect(await refused(NOTE, { itemId: row.id, text: 'z'.repeat(10_001) })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.text',
    });
    expect(await refused(ASSIGN, { id: row.id, assigneeId: otherMember.userId })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.assigneeId',
    });
    expect(await refused(ASSIGN, { id: row.id, assigneeId: 'not-a-uuid' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.assigneeId',
    });
    // Another tenant's item, from this organisation: not found, untouched.
    expect(await refused(REPLY, { itemId: otherRow.id, text: 'ok' })).toMatchObject({ code: 'NOT_FOUND', field: 'input.itemId' });
    expect(await refused(NOTE, { itemId: otherRow.id, text: 'ok' })).toMatchObject({ code: 'NOT_FOUND', field: 'input.itemId' });
    expect(await refused(DISMISS, { id: otherRow.id })).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
    expect(firstError(await gql(GET, { id: otherRow.id })).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(firstError(await gql(LIST, { status: 'BOGUS' })).extensions.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);

    expect(mastodon.statusCount()).toBe(statusesBefore);
    expect(
      Number(
        (await admin.query('SELECT count(*) FROM inbox_notes WHERE item_id = ANY($1::uuid[])', [[row.id, otherRow.id]])).rows[0].count,
      ),
    ).toBe(0);
    expect(
      Number(
        (await admin.query('SELECT count(*) FROM inbox_replies WHERE item_id = ANY($1::uuid[])', [[row.id, otherRow.id]])).rows[0].count,
      ),
    ).toBe(0);
    expect(
      (await admin.query('SELECT status, version FROM inbox_items WHERE id = ANY($1::uuid[]) ORDER BY id', [[row.id, otherRow.id]])).rows,
    ).toEqual([
      { status: 'NEW', version: 1 },
      { status: 'NEW', version: 1 },
    ]);
    // A viewer reads but does not act.
    const viewer = await addOrganizationMember(api, owner, org, ['VIEWER']);
    expect((await api.ok<{ inboxItem: Item }>(GET, { id: row.id }, { token: viewer.token, organizationId: org })).inboxItem.id).toBe(
      row.id,
    );
    expect(
      firstError(await api.gql(DISMISS, { input: { id: row.id } }, { token: viewer.token, organizationId: org })).extensions.code,
    ).toBe('FORBIDDEN');
  });
});
