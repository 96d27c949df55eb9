import { createHmac } from 'node:crypto';
import type { Client } from 'pg';
import sharp from 'sharp';
import request from 'supertest';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { adminDatabase, firstError, leaksIn } from './e2e-support';
import { listenToWebhooks, WebhookReceiver } from './webhook-receiver';

type Member = { token: string; userId: string };

const PROGRESS = `itemId status revision currentStep complete steps { number role memberIds mode final complete eligibleUserIds remainingUserIds
  decisions { id step revision verdict deciderUserId viaLink recipientName recipientEmail comment acknowledgedFindings { variantId network rule message } decidedAt } }`;

interface Decision {
  id: string;
  step: number;
  revision: number;
  verdict: string;
  deciderUserId: string | null;
  viaLink: boolean;
  recipientName: string | null;
  recipientEmail: string | null;
  comment: string | null;
  acknowledgedFindings: { variantId: string; network: string; rule: string; message: string }[];
}
interface Progress {
  itemId: string;
  status: string;
  revision: number;
  currentStep: number | null;
  complete: boolean;
  steps: {
    number: number;
    role: string | null;
    memberIds: string[];
    mode: string;
    final: boolean;
    complete: boolean;
    eligibleUserIds: string[];
    remainingUserIds: string[];
    decisions: Decision[];
  }[];
}

const APPROVE = `mutation ($input: ApproveContentItemInput!) { approveContentItem(input: $input) { ${PROGRESS} } }`;
const REJECT = `mutation ($input: RejectContentItemInput!) { rejectContentItem(input: $input) { ${PROGRESS} } }`;
const SET_CHAIN =
  'mutation ($input: SetApprovalChainInput!) { setApprovalChain(input: $input) { isDefault steps { number role memberIds mode final } } }';
const CHAIN = '{ approvalChain { isDefault updatedBy steps { number role memberIds mode final } } }';
const PROGRESS_QUERY = `query ($id: ID!) { contentItemApprovals(itemId: $id) { ${PROGRESS} } }`;
const CREATE_LINK =
  'mutation ($input: CreateApprovalLinkInput!) { createApprovalLink(input: $input) { id url step revision recipientName recipientEmail expiresAt emailed } }';

/** Signs an approval link token the way the server does (HMAC-SHA-256 under a key derived from JWT_SECRET for approval links). */
function signLink(secret: string, organizationId: string, linkId: string, expiresAt: number): string {
  const key = createHmac('sha256', secret).update('socle.content-approval-link.v1').digest();
  const body = Buffer.from(JSON.stringify([organizationId, linkId, expiresAt])).toString('base64url');
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

describe('content approvals', () => {
  let api: TestApi;
  let receiver: WebhookReceiver;
  let admin: Client;
  let owner: AgencySession;
  let org: string;
  let writer: Member;
  let lead: Member;
  let lead2: Member;
  let exec: Member;
  let exec2: Member;
  let coordinator: Member;
  let viewer: Member;
  let otherOwner: AgencySession;
  let otherOrg: string;
  let otherLead: Member;
  let otherWriter: Member;

  const as = (who: { token: string }, organizationId = org) => ({ token: who.token, organizationId });

  /** An item written by `author`, already IN_REVIEW (or `status`), with a variant carrying a WARN and a BLOCK finding. */
  async function newItem(
    author: Member,
    options: { status?: string; organizationId?: string } = {},
  ): Promise<{ id: string; variantId: string }> {
    const organizationId = options.organizationId ?? org;
    const {
      rows: [item],
    } = await admin.query<{ id: string }>(
      `INSERT INTO content_items (organization_id, title, brief, status, created_by, updated_by) VALUES ($1, 'Les croissants du dimanche', 'Une photo du four', $2, $3, $3) RETURNING id`,
      [organizationId, options.status ?? 'IN_REVIEW', author.userId],
    );
    const findings = [
      { severity: 'WARN', rule: 'MAX_HASHTAGS', message: 'Three hashtags or fewer read better.', spans: [] },
      { severity: 'BLOCK', rule: 'LENGTH', message: 'too long', spans: [] },
    ];
    const {
      rows: [variant],
    } = await admin.query<{ id: string }>(
      `INSERT INTO content_variants (organization_id, item_id, network, text, findings) VALUES ($1, $2, 'mastodon', 'Croissants chauds #pain #four #dimanche #matin', $3) RETURNING id`,
      [organizationId, item.id, JSON.stringify(findings)],
    );
    return { id: item.id, variantId: variant.id };
  }

  const status = async (itemId: string) =>
    (await admin.query<{ status: string }>('SELECT status FROM content_items WHERE id = $1', [itemId])).rows[0].status;
  const decisionCount = async (itemId: string) =>
    Number((await admin.query('SELECT count(*) FROM content_approval_decisions WHERE item_id = $1', [itemId])).rows[0].count);
  const auditActions = async (itemId: string) =>
    (
      await admin.query<{ action: string }>('SELECT action FROM audit_events WHERE target_id = $1 ORDER BY occurred_at, id', [itemId])
    ).rows.map((r) => r.action);
  const progress = async (itemId: string, who: Member = viewer) =>
    (await api.ok<{ contentItemApprovals: Progress }>(PROGRESS_QUERY, { id: itemId }, as(who))).contentItemApprovals;
  const approve = (who: Member, itemId: string, comment?: string) =>
    api.gql<{ approveContentItem: Progress }>(APPROVE, { input: { itemId, comment } }, as(who));
  const setChain = (who: { token: string }, steps: unknown[]) => api.gql(SET_CHAIN, { input: { steps } }, as(who));
  /** The webhook events told about an item, oldest first. */
  const webhookTypes = async (itemId: string) =>
    (
      await admin.query<{ type: string }>(`SELECT type FROM webhook_events WHERE data->>'contentItemId' = $1 ORDER BY created_at, id`, [
        itemId,
      ])
    ).rows.map((r) => r.type);
  const resetChain = () => admin.query('DELETE FROM content_approval_chains WHERE organization_id = $1', [org]);

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Approbations');
    org = await createOrganization(api, owner, 'Boulangerie Approuvée');
    writer = await addOrganizationMember(api, owner, org, ['COMMUNITY_MANAGER']);
    lead = await addOrganizationMember(api, owner, org, ['CONTENT_LEAD']);
    lead2 = await addOrganizationMember(api, owner, org, ['CONTENT_LEAD']);
    exec = await addOrganizationMember(api, owner, org, ['EXECUTIVE_APPROVER']);
    exec2 = await addOrganizationMember(api, owner, org, ['EXECUTIVE_APPROVER']);
    coordinator = await addOrganizationMember(api, owner, org, ['COORDINATOR']);
    viewer = await addOrganizationMember(api, owner, org, ['VIEWER']);
    otherOwner = await signUpAgency(api, 'Autre Agence');
    otherOrg = await createOrganization(api, otherOwner, 'Autre Client');
    otherLead = await addOrganizationMember(api, otherOwner, otherOrg, ['CONTENT_LEAD']);
    otherWriter = await addOrganizationMember(api, otherOwner, otherOrg, ['COMMUNITY_MANAGER']);
    // What an item told the webhooks is read from the outbox, written only while an endpoint listens.
    receiver = await new WebhookReceiver().start();
    await listenToWebhooks(api, owner, org, receiver, ['content_item.submitted', 'content_item.approved', 'content_item.rejected']);
  });
  afterAll(async () => {
    await receiver?.stop();
    await admin?.end();
    await api?.stop();
  });

  describe('the chain', () => {
    afterEach(resetChain);

    it('is the content lead (ANY) until one is set', async () => {
      const chain = (await api.ok<{ approvalChain: unknown }>(CHAIN, {}, as(viewer))).approvalChain;
      expect(chain).toEqual({
        isDefault: true,
        updatedBy: null,
        steps: [{ number: 1, role: 'CONTENT_LEAD', memberIds: [], mode: 'ANY', final: true }],
      });
    });

    it('takes 1 to 3 steps of a role or named members of the organisation, and refuses anything else storing nothing', async () => {
      const set = await setChain(lead, [
        { role: 'CONTENT_LEAD', mode: 'ANY' },
        { memberIds: [exec.userId, exec2.userId], mode: 'ALL' },
      ]);
      expect(set.body.errors).toBeUndefined();
      expect(set.body.data?.setApprovalChain).toEqual({
        isDefault: false,
        steps: [
          { number: 1, role: 'CONTENT_LEAD', memberIds: [], mode: 'ANY', final: false },
          { number: 2, role: null, memberIds: [exec.userId, exec2.userId], mode: 'ALL', final: true },
        ],
      });
      const stored = (await api.ok<{ approvalChain: { updatedBy: string; steps: unknown[] } }>(CHAIN, {}, as(viewer))).approvalChain;
      expect(stored.updatedBy).toBe(lead.userId);
      expect(stored.steps).toHaveLength(2);

      const refusals: [unknown[], string, string][] = [
        [[], 'BAD_USER_INPUT', 'input.steps'],
        [[1, 2, 3, 4].map(() => ({ role: 'CONTENT_LEAD', mode: 'ANY' })), 'BAD_USER_INPUT', 'input.steps'],
        [[{ role: 'CONTENT_LEAD', mode: 'ANY' }, { mode: 'ALL' }], 'BAD_USER_INPUT', 'input.steps[1]'],
        [[{ memberIds: [], mode: 'ALL' }], 'BAD_USER_INPUT', 'input.steps[0]'],
        [[{ role: 'CONTENT_LEAD', memberIds: [exec.userId], mode: 'ANY' }], 'BAD_USER_INPUT', 'input.steps[0]'],
        // (The validation pipe writes list positions with dots.)
        [[{ memberIds: [exec.userId, exec.userId], mode: 'ALL' }], 'BAD_USER_INPUT', 'input.steps.0.memberIds'],
        [[{ memberIds: ['not-an-id'], mode: 'ALL' }], 'BAD_USER_INPUT', 'input.steps.0.memberIds'],
        [[{ memberIds: [exec.userId, otherLead.userId], mode: 'ALL' }], 'NOT_FOUND', 'input.steps[0].memberIds[1]'],
        [[{ memberIds: ['00000000-0000-4000-8000-000000000000'], mode: 'ANY' }], 'NOT_FOUND', 'input.steps[0].memberIds[0]'],
        [[{ role: 'CONTENT_LEAD', mode: 'SOME' }], 'BAD_USER_INPUT', 'input.steps[0].mode'],
      ];
      for (const [steps, code, field] of refusals) {
        const res = await setChain(lead, steps);
        expect({ steps, code: firstError(res).extensions.code, field: firstError(res).extensions.field }).toEqual({ steps, code, field });
        expect(res.status).toBeLessThan(500);
      }
      // Only whoever manages the chain sets it.
      expect(firstError(await setChain(writer, [{ role: 'VIEWER', mode: 'ANY' }])).extensions.code).toBe('FORBIDDEN');
      expect(firstError(await setChain(exec, [{ role: 'VIEWER', mode: 'ANY' }])).extensions.code).toBe('FORBIDDEN');
      expect((await api.ok<{ approvalChain: unknown }>(CHAIN, {}, as(viewer))).approvalChain).toMatchObject({
        isDefault: false,
        steps: stored.steps,
      });
    });
  });

  describe('decisions', () => {
    afterEach(resetChain);

    it('with the default chain, one content lead approves; the WARN findings seen are kept with the decision; everything is audited', async () => {
      const item = await newItem(writer);
      const before = await progress(item.id);
      expect(before).toMatchObject({ status: 'IN_REVIEW', revision: 1, currentStep: 1, complete: false });
      expect(before.steps[0]).toMatchObject({
        role: 'CONTENT_LEAD',
        mode: 'ANY',
        eligibleUserIds: [lead.userId, lead2.userId].sort(),
        decisions: [],
      });

      const res = await approve(lead, item.id, 'Parfait, on publie.');
      expect(res.body.errors).toBeUndefined();
      const after = res.body.data?.approveContentItem as Progress;
      expect(after).toMatchObject({ status: 'APPROVED', complete: true, currentStep: null });
      expect(after.steps[0].decisions).toEqual([
        expect.objectContaining({
          step: 1,
          revision: 1,
          verdict: 'APPROVED',
          deciderUserId: lead.userId,
          viaLink: false,
          comment: 'Parfait, on publie.',
          acknowledgedFindings: [
            { variantId: item.variantId, network: 'mastodon', rule: 'MAX_HASHTAGS', message: 'Three hashtags or fewer read better.' },
          ],
        }),
      ]);
      expect(await status(item.id)).toBe('APPROVED');
      expect(await auditActions(item.id)).toEqual(['content.approval_given', 'content.approved']);
      // Approved: nothing more to decide.
      expect(firstError(await approve(lead2, item.id)).extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'NOT_IN_REVIEW',
        field: 'input.itemId',
      });
    });

    it('allows only the eligible people of the current step, never the author or the last editor, once each; ALL needs every member', async () => {
      expect(
        (
          await setChain(lead, [
            { role: 'CONTENT_LEAD', mode: 'ANY' },
            { memberIds: [exec.userId, exec2.userId], mode: 'ALL' },
          ])
        ).body.errors,
      ).toBeUndefined();
      const item = await newItem(lead2);
      const refused = async (who: Member, expected: Record<string, unknown>) => {
        const before = await progress(item.id);
        const res = await approve(who, item.id);
        expect(firstError(res).extensions).toMatchObject(expected);
        expect(await progress(item.id)).toEqual(before);
      };

      // The author is a content lead but wrote it; the executive's turn has not come; a coordinator holds content.approve but no step.
      await refused(lead2, { code: 'FORBIDDEN', reason: 'OWN_CONTENT' });
      await refused(exec, { code: 'FORBIDDEN', reason: 'NOT_ELIGIBLE', step: 1 });
      await refused(coordinator, { code: 'FORBIDDEN', reason: 'NOT_ELIGIBLE' });
      await refused(viewer, { code: 'FORBIDDEN' });

      const step1 = (await approve(lead, item.id)).body.data?.approveContentItem as Progress;
      expect(step1).toMatchObject({ status: 'IN_REVIEW', currentStep: 2 });
      expect(step1.steps[1]).toMatchObject({ complete: false, remainingUserIds: [exec.userId, exec2.userId].sort() });
      await refused(lead, { code: 'FORBIDDEN', reason: 'NOT_ELIGIBLE', step: 2 });

      const half = (await approve(exec, item.id)).body.data?.approveContentItem as Progress;
      expect(half).toMatchObject({ status: 'IN_REVIEW', currentStep: 2 });
      expect(half.steps[1].remainingUserIds).toEqual([exec2.userId]);
      await refused(exec, { code: 'CONFLICT', reason: 'ALREADY_DECIDED' });

      const done = (await approve(exec2, item.id)).body.data?.approveContentItem as Progress;
      expect(done).toMatchObject({ status: 'APPROVED', complete: true });
      expect(done.steps[1].decisions.map((d) => d.deciderUserId)).toEqual([exec.userId, exec2.userId]);
      expect(await decisionCount(item.id)).toBe(3);

      // The last editor counts as an author too.
      const edited = await newItem(writer);
      await admin.query('UPDATE content_items SET updated_by = $2 WHERE id = $1', [edited.id, lead.userId]);
      await setChain(lead, [{ role: 'CONTENT_LEAD', mode: 'ANY' }]);
      expect(firstError(await approve(lead, edited.id)).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_CONTENT' });
    });

    it('rejects with a reason back to DRAFT; an edit starts a new revision on which earlier decisions no longer count', async () => {
      await setChain(lead, [
        { role: 'CONTENT_LEAD', mode: 'ANY' },
        { role: 'EXECUTIVE_APPROVER', mode: 'ANY' },
      ]);
      const item = await newItem(writer);
      await approve(lead, item.id);
      for (const reason of ['', '   ']) {
        const noReason = await api.gql(REJECT, { input: { itemId: item.id, reason } }, as(exec));
        expect(firstError(noReason).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
      }
      const rejected = await api.gql<{ rejectContentItem: Progress }>(
        REJECT,
        { input: { itemId: item.id, reason: 'Trop de hashtags.' } },
        as(exec),
      );
      expect(rejected.body.errors).toBeUndefined();
      expect(rejected.body.data?.rejectContentItem).toMatchObject({ status: 'DRAFT', currentStep: 2 });
      expect(rejected.body.data?.rejectContentItem.steps[1].decisions).toEqual([
        expect.objectContaining({ verdict: 'REJECTED', comment: 'Trop de hashtags.', deciderUserId: exec.userId }),
      ]);
      expect(await status(item.id)).toBe('DRAFT');
      const {
        rows: [moved],
      } = await admin.query<{ metadata: Record<string, unknown> }>(
        "SELECT metadata FROM audit_events WHERE target_id = $1 AND action = 'content.rejected'",
        [item.id],
      );
      expect(moved.metadata).toMatchObject({ from: 'IN_REVIEW', to: 'DRAFT', reason: 'Trop de hashtags.', step: 2 });
      expect(firstError(await approve(exec2, item.id)).extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_IN_REVIEW' });

      // The writer edits (a new revision) and submits again: the approval starts over.
      await admin.query('UPDATE content_items SET revision = revision + 1, updated_by = $2 WHERE id = $1', [item.id, writer.userId]);
      await admin.query("UPDATE content_items SET status = 'IN_REVIEW' WHERE id = $1", [item.id]);
      const fresh = await progress(item.id);
      expect(fresh).toMatchObject({ revision: 2, currentStep: 1, complete: false });
      expect(fresh.steps.flatMap((s) => s.decisions)).toEqual([]);
      // The same lead decides again, on the new revision.
      expect((await approve(lead, item.id)).body.data?.approveContentItem).toMatchObject({ currentStep: 2, revision: 2 });
      expect(await decisionCount(item.id)).toBe(3);
    });

    it('through the items API: written, submitted, half approved, edited (a new revision, back to DRAFT), submitted again, approved from the first step', async () => {
      await setChain(lead, [
        { role: 'CONTENT_LEAD', mode: 'ANY' },
        { role: 'EXECUTIVE_APPROVER', mode: 'ANY' },
      ]);
      const created = await api.ok<{ createContentItem: { id: string; status: string; revision: number } }>(
        'mutation { createContentItem(input: { title: "Le pain de la semaine" }) { id status revision } }',
        {},
        as(writer),
      );
      const itemId = created.createContentItem.id;
      // A connected account, planted (no network is called: submission checks the text against its connector's manifest).
      const {
        rows: [account],
      } = await admin.query<{ id: string }>(
        `INSERT INTO network_accounts (organization_id, network, handle, service_url, credentials_ciphertext, credentials_key_id, last_checked_at)
         VALUES ($1, 'mastodon', 'boulangerie@mastodon.example', 'https://mastodon.example', 'v1.t1.x.y.z', 't1', now()) RETURNING id`,
        [org],
      );
      await admin.query(
        `INSERT INTO content_variants (organization_id, item_id, network_account_id, network, text) VALUES ($1, $2, $3, 'mastodon', 'Pain au levain, tous les jours.')`,
        [org, itemId, account.id],
      );
      const submit = () =>
        api.ok<{ submitContentItem: { status: string; revision: number } }>(
          'mutation ($id: ID!) { submitContentItem(input: { id: $id }) { status revision } }',
          { id: itemId },
          as(writer),
        );
      const first = (await submit()).submitContentItem;
      expect(first.status).toBe('IN_REVIEW');
      expect((await approve(lead, itemId)).body.data?.approveContentItem).toMatchObject({ currentStep: 2, revision: first.revision });

      const edited = await api.ok<{ updateContentItem: { status: string; revision: number } }>(
        'mutation ($id: ID!) { updateContentItem(input: { id: $id, title: "Le pain de la semaine (corrigé)" }) { status revision } }',
        { id: itemId },
        as(writer),
      );
      expect(edited.updateContentItem).toEqual({ status: 'DRAFT', revision: first.revision + 1 });
      expect(firstError(await approve(exec, itemId)).extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_IN_REVIEW' });
      expect((await submit()).submitContentItem).toEqual({ status: 'IN_REVIEW', revision: first.revision + 1 });
      const again = await progress(itemId);
      expect(again).toMatchObject({ currentStep: 1, revision: first.revision + 1 });
      expect(again.steps.flatMap((s) => s.decisions)).toEqual([]);
      // The executive's turn has not come again: the lead's approval of the previous revision no longer counts.
      expect(firstError(await approve(exec, itemId)).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ELIGIBLE', step: 1 });
      await approve(lead, itemId);
      expect((await approve(exec, itemId)).body.data?.approveContentItem).toMatchObject({ status: 'APPROVED', complete: true });
      const item = await api.ok<{ contentItem: { status: string } }>(
        'query ($id: ID!) { contentItem(id: $id) { status } }',
        { id: itemId },
        as(viewer),
      );
      expect(item.contentItem.status).toBe('APPROVED');
    });

    it("refuses API keys, unknown and other tenants' items, and hostile input, storing nothing", async () => {
      const item = await newItem(writer);
      const key = await api.ok<{ createApiKey: { secret: string } }>(
        `mutation { createApiKey(input: { name: "robot", scopes: [READ, WRITE], organizationId: "${org}" }) { secret } }`,
        {},
        { token: owner.token },
      );
      const byKey = { token: key.createApiKey.secret, organizationId: org };
      expect(firstError(await api.gql(APPROVE, { input: { itemId: item.id } }, byKey)).extensions.code).toBe('FORBIDDEN');
      const keyLink = await api.gql(
        CREATE_LINK,
        { input: { itemId: item.id, recipientName: 'Robot', recipientEmail: 'robot@example.test', expiresInHours: 1 } },
        byKey,
      );
      expect(firstError(keyLink).extensions.code).toBe('FORBIDDEN');
      const foreign = await newItem(otherWriter, { organizationId: otherOrg });
      expect(firstError(await approve(lead, foreign.id)).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.itemId' });
      expect(firstError(await api.gql(PROGRESS_QUERY, { id: foreign.id }, as(lead))).extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'itemId',
      });
      for (const input of [
        { itemId: 'x\u0000' },
        { itemId: item.id, comment: 'a\u0000b' },
        { itemId: item.id, comment: 'x'.repeat(2001) },
        { itemId: item.id, comment: '\uD800' },
      ]) {
        const res = await api.gql(APPROVE, { input }, as(lead));
        expect(res.status).toBeLessThan(500);
        expect(firstError(res).extensions.code).toBe('BAD_USER_INPUT');
        expect(String(firstError(res).extensions.field)).toMatch(/^input\./);
      }
      expect(await decisionCount(item.id)).toBe(0);
      expect(await decisionCount(foreign.id)).toBe(0);
      expect(await status(foreign.id)).toBe('IN_REVIEW');
      expect(Number((await admin.query('SELECT count(*) FROM content_approval_links WHERE item_id = $1', [item.id])).rows[0].count)).toBe(
        0,
      );
    });
  });

  describe('racing decisions', () => {
    afterEach(resetChain);

    it('two approvals of the final step at once: exactly one moves the item, the other is CONFLICT and leaves no decision', async () => {
      for (let round = 0; round < 4; round += 1) {
        const item = await newItem(writer);
        const results = await Promise.all([approve(lead, item.id), approve(lead2, item.id)]);
        const winners = results.filter((r) => !r.body.errors);
        const losers = results.filter((r) => r.body.errors);
        expect({ round, winners: winners.length, losers: losers.map((r) => firstError(r).extensions.code) }).toEqual({
          round,
          winners: 1,
          losers: ['CONFLICT'],
        });
        expect(winners[0].body.data?.approveContentItem.status).toBe('APPROVED');
        expect(await status(item.id)).toBe('APPROVED');
        expect(await decisionCount(item.id)).toBe(1);
        expect((await auditActions(item.id)).filter((a) => a === 'content.approved')).toHaveLength(1);
        // The loser's transaction was rolled back with its event: the item was told approved once.
        expect((await webhookTypes(item.id)).filter((t) => t === 'content_item.approved')).toHaveLength(1);
      }
    });

    it('two members of an ALL step at once: both count and the item is approved (decisions on one item are serialised)', async () => {
      await setChain(lead, [{ memberIds: [exec.userId, exec2.userId], mode: 'ALL' }]);
      for (let round = 0; round < 3; round += 1) {
        const item = await newItem(writer);
        const results = await Promise.all([approve(exec, item.id), approve(exec2, item.id)]);
        expect(results.map((r) => r.body.errors ?? null)).toEqual([null, null]);
        expect(await status(item.id)).toBe('APPROVED');
        expect(await decisionCount(item.id)).toBe(2);
      }
    });

    it('the same person twice at once: one decision, the other CONFLICT', async () => {
      await setChain(lead, [
        { memberIds: [lead.userId, lead2.userId], mode: 'ALL' },
        { role: 'EXECUTIVE_APPROVER', mode: 'ANY' },
      ]);
      const item = await newItem(writer);
      const results = await Promise.all([approve(lead, item.id), approve(lead, item.id)]);
      expect(results.filter((r) => !r.body.errors)).toHaveLength(1);
      expect(firstError(results.find((r) => r.body.errors) as (typeof results)[number]).extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'ALREADY_DECIDED',
      });
      expect(await decisionCount(item.id)).toBe(1);
    });

    it('holds "one decision per person per step per revision" in the database itself', async () => {
      const item = await newItem(writer);
      const insert = () =>
        admin.query(
          "INSERT INTO content_approval_decisions (organization_id, item_id, revision, step, decider_kind, decider_user_id, verdict) VALUES ($1, $2, 1, 1, 'MEMBER', $3, 'APPROVED')",
          [org, item.id, lead.userId],
        );
      await insert();
      await expect(insert()).rejects.toThrow(/content_approval_decisions_member_key/);
    });
  });

  describe('approval links', () => {
    afterEach(resetChain);

    // The link opens the console's page; the page reads and answers through the API's route of the same token.
    const path = (url: string) => `/approvals/${new URL(url).pathname.split('/').pop() as string}`;
    const createLink = (itemId: string, extra: Record<string, unknown> = {}, who: Member = lead) =>
      api.gql<{ createApprovalLink: { id: string; url: string; step: number; expiresAt: string } }>(
        CREATE_LINK,
        { input: { itemId, recipientName: 'Claire Dupont', recipientEmail: 'claire@client.example', expiresInHours: 48, ...extra } },
        as(who),
      );
    const link = async (itemId: string) => {
      const res = await createLink(itemId);
      if (!res.body.data) throw new Error(JSON.stringify(res.body));
      return res.body.data.createApprovalLink;
    };
    const post = (url: string, body: unknown) =>
      request(api.server)
        .post(path(url))
        .set('content-type', 'application/json')
        .send(body as object);
    const linkRow = async (id: string) =>
      (await admin.query('SELECT used_at FROM content_approval_links WHERE id = $1', [id])).rows[0] as { used_at: Date | null };

    it('mails the link to its recipient in the organisation’s language, in the same transaction; not when asked not to, nor for a refused link', async () => {
      const mails = async (itemId: string) =>
        (
          await admin.query<{ recipient: string; subject: string; text_body: string; purpose: string; reference: string }>(
            `SELECT m.recipient, m.subject, m.text_body, m.purpose, m.reference FROM mail_outbox m
               JOIN content_approval_links l ON l.organization_id = m.organization_id AND l.id = m.reference
              WHERE l.item_id = $1 ORDER BY m.created_at`,
            [itemId],
          )
        ).rows;
      const item = await newItem(writer);
      const sent = await link(item.id);
      const [mail] = await mails(item.id);
      expect(mail).toMatchObject({ recipient: 'claire@client.example', purpose: 'content.approval_link', reference: sent.id });
      // The organisation speaks French (the default): the subject names it, the body carries the link the API returned.
      expect(mail.subject).toBe('À valider pour Boulangerie Approuvée : Les croissants du dimanche');
      expect(mail.text_body).toContain('Bonjour Claire Dupont,');
      expect(mail.text_body).toContain(sent.url);
      expect((await createLink(item.id, { sendEmail: false })).body.data).toMatchObject({ createApprovalLink: { emailed: false } });
      expect(await mails(item.id)).toHaveLength(1);
      // Refused (the author sends no link for their own content): no link, no mail.
      const own = await newItem(lead);
      expect(firstError(await createLink(own.id, {}, lead)).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_CONTENT' });
      expect(await mails(own.id)).toEqual([]);
    });

    it('previews the content read-only, then takes one decision recorded with the recipient as decider, for the step it was made for', async () => {
      await setChain(lead, [
        { role: 'CONTENT_LEAD', mode: 'ANY' },
        { role: 'EXECUTIVE_APPROVER', mode: 'ANY' },
      ]);
      const item = await newItem(writer);
      // The variant shows a picture from the media library: the approver without an account sees it.
      const picture = await sharp({ create: { width: 48, height: 32, channels: 3, background: { r: 240, g: 200, b: 120 } } })
        .png()
        .toBuffer();
      const uploaded = await request(api.server)
        .post('/media')
        .set('authorization', `Bearer ${owner.token}`)
        .set('x-socle-organization', org)
        .attach('file', picture, { filename: 'croissants.png', contentType: 'image/png' });
      expect(uploaded.status).toBe(201);
      await admin.query('UPDATE content_variants SET media_ids = $2::uuid[] WHERE id = $1', [item.variantId, [uploaded.body.id]]);
      await approve(lead, item.id);
      const made = await link(item.id);
      expect(made).toMatchObject({ step: 2 });
      expect(made.url.startsWith(`${api.config.PUBLIC_URL.replace(/\/+$/, '')}/links/approvals/`)).toBe(true);
      expect(new Date(made.expiresAt).getTime() - Date.now()).toBeGreaterThan(47 * 3_600_000);

      const preview = await request(api.server).get(path(made.url));
      expect(preview.status).toBe(200);
      expect(preview.headers['cache-control']).toBe('private, no-store');
      expect(preview.body).toMatchObject({
        recipientName: 'Claire Dupont',
        step: 2,
        stepCount: 2,
        item: { id: item.id, title: 'Les croissants du dimanche', status: 'IN_REVIEW', revision: 1 },
        variants: [
          {
            id: item.variantId,
            network: 'mastodon',
            text: 'Croissants chauds #pain #four #dimanche #matin',
            mediaIds: [uploaded.body.id],
            media: [{ id: uploaded.body.id, contentType: 'image/png', url: expect.stringContaining('/media/public/') }],
            warnings: [{ rule: 'MAX_HASHTAGS' }],
          },
        ],
      });
      // The picture's address needs no credentials.
      const shown = await request(api.server)
        .get(new URL(preview.body.variants[0].media[0].url as string).pathname)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(shown.status).toBe(200);
      expect(Buffer.compare(shown.body as Buffer, picture)).toBe(0);
      // Looking changes nothing.
      expect(await decisionCount(item.id)).toBe(1);
      expect((await linkRow(made.id)).used_at).toBeNull();

      const decided = await post(made.url, { verdict: 'APPROVED', comment: 'Validé côté client.' });
      expect(decided.status).toBe(200);
      expect(decided.body).toMatchObject({ verdict: 'APPROVED', item: { id: item.id, status: 'APPROVED' }, complete: true });
      const after = await progress(item.id);
      expect(after.steps[1].decisions).toEqual([
        expect.objectContaining({
          step: 2,
          verdict: 'APPROVED',
          viaLink: true,
          deciderUserId: null,
          recipientName: 'Claire Dupont',
          recipientEmail: 'claire@client.example',
          comment: 'Validé côté client.',
        }),
      ]);
      expect(await auditActions(item.id)).toEqual(
        expect.arrayContaining(['content.approval_link_created', 'content.approval_given', 'content.approved']),
      );

      // Single use: a second POST and the preview are refused, nothing changes.
      const again = await post(made.url, { verdict: 'REJECTED', comment: 'En fait non.' });
      expect(again.status).toBe(410);
      expect(again.body.errors[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LINK_USED' });
      expect((await request(api.server).get(path(made.url))).status).toBe(410);
      expect(await status(item.id)).toBe('APPROVED');
      expect(await decisionCount(item.id)).toBe(2);
    });

    it('rejects through a link with the reason, back to DRAFT; a bad body is refused with its field and leaves the link usable', async () => {
      const item = await newItem(writer);
      const made = await link(item.id);
      for (const [body, field] of [
        [{ verdict: 'MAYBE' }, 'body.verdict'],
        [{ verdict: 'REJECTED' }, 'body.comment'],
        [{ verdict: 'REJECTED', comment: ' \n ' }, 'body.comment'],
        [{ verdict: 'APPROVED', comment: 'a\u0000b' }, 'body.comment'],
        [{ verdict: 'APPROVED', comment: 'x'.repeat(2001) }, 'body.comment'],
        [{ verdict: 'APPROVED', extra: 1 }, 'body.extra'],
        [{ verdict: 'APPROVED', 'a\u0000': 1 }, 'body'],
        [[1, 2], 'body'],
        [{ verdict: 'APPROVED', comment: 42 }, 'body.comment'],
      ] as [unknown, string][]) {
        const res = await post(made.url, body);
        expect({ body, status: res.status, field: res.body.errors?.[0]?.extensions?.field }).toEqual({ body, status: 400, field });
        expect(leaksIn(res.body)).toEqual([]);
      }
      expect((await linkRow(made.id)).used_at).toBeNull();
      expect(await decisionCount(item.id)).toBe(0);

      const res = await post(made.url, { verdict: 'REJECTED', comment: 'Le logo manque.' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ verdict: 'REJECTED', item: { status: 'DRAFT' } });
      expect(await status(item.id)).toBe('DRAFT');
      const {
        rows: [decision],
      } = await admin.query('SELECT verdict, comment, recipient_name, decider_kind FROM content_approval_decisions WHERE item_id = $1', [
        item.id,
      ]);
      expect(decision).toEqual({ verdict: 'REJECTED', comment: 'Le logo manque.', recipient_name: 'Claire Dupont', decider_kind: 'LINK' });
    });

    it('a tampered, expired, reused, outdated or other-tenant link changes nothing', async () => {
      const item = await newItem(writer);
      const made = await link(item.id);
      const token = path(made.url).split('/').pop() as string;
      const [body, signature] = token.split('.');
      const secret = api.config.JWT_SECRET;
      const snapshot = async () => ({
        status: await status(item.id),
        decisions: await decisionCount(item.id),
        used: (await linkRow(made.id)).used_at,
      });
      const before = await snapshot();
      const attempt = async (t: string, expected: number) => {
        for (const res of [
          await request(api.server).get(`/approvals/${t}`),
          await post(`http://x/approvals/${t}`, { verdict: 'APPROVED' }),
        ]) {
          expect({ t, status: res.status }).toEqual({ t, status: expected });
          expect(leaksIn(res.body)).toEqual([]);
        }
        expect(await snapshot()).toEqual(before);
      };

      // Tampered: a flipped signature character, a body naming another link, a token signed with another key, garbage.
      await attempt(`${body}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`, 404);
      const forged = Buffer.from(JSON.stringify([org, '00000000-0000-4000-8000-000000000000', Date.now() + 3_600_000])).toString(
        'base64url',
      );
      await attempt(`${forged}.${signature}`, 404);
      await attempt(signLink('another-secret-that-is-long-enough-0123456789', org, made.id, Date.now() + 3_600_000), 404);
      await attempt('not-a-link', 404);
      // Expired: by its signed time, and by its row.
      await attempt(signLink(secret, org, made.id, Date.now() - 1000), 410);
      await admin.query(
        "UPDATE content_approval_links SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' WHERE id = $1",
        [made.id],
      );
      await attempt(token, 410);
      await admin.query("UPDATE content_approval_links SET expires_at = now() + interval '1 hour' WHERE id = $1", [made.id]);
      // Another tenant: the link row exists in this organisation only; signed for the other one, it finds nothing.
      await attempt(signLink(secret, otherOrg, made.id, Date.now() + 3_600_000), 404);
      // And a genuine link of the other organisation works only there.
      const foreignItem = await newItem(otherWriter, { organizationId: otherOrg });
      const foreign = await api.ok<{ createApprovalLink: { id: string; url: string } }>(
        CREATE_LINK,
        { input: { itemId: foreignItem.id, recipientName: 'B', recipientEmail: 'b@b.example', expiresInHours: 1 } },
        as(otherLead, otherOrg),
      );
      await attempt(signLink(secret, org, foreign.createApprovalLink.id, Date.now() + 3_600_000), 404);

      // Outdated: the item was edited since the link was made.
      await admin.query("UPDATE content_items SET status = 'DRAFT' WHERE id = $1", [item.id]);
      await admin.query('UPDATE content_items SET revision = 2 WHERE id = $1', [item.id]);
      await admin.query("UPDATE content_items SET status = 'IN_REVIEW' WHERE id = $1", [item.id]);
      const outdated = await post(made.url, { verdict: 'APPROVED' });
      expect(outdated.status).toBe(409);
      expect(outdated.body.errors[0].extensions).toMatchObject({ reason: 'LINK_OUTDATED' });
      expect(await decisionCount(item.id)).toBe(0);
      expect((await linkRow(made.id)).used_at).toBeNull();

      // Reused: two decisions at once through one link, one wins.
      const fresh = await link(item.id);
      const [a, b] = await Promise.all([post(fresh.url, { verdict: 'APPROVED' }), post(fresh.url, { verdict: 'APPROVED' })]);
      expect([a.status, b.status].sort()).toEqual([200, 410]);
      expect(await decisionCount(item.id)).toBe(1);
      expect(await decisionCount(foreignItem.id)).toBe(0);
    });

    it('is issued only for an item in review, by whoever manages approvals, with bounded input', async () => {
      const item = await newItem(writer);
      for (const [extra, field] of [
        [{ expiresInHours: 0 }, 'input.expiresInHours'],
        [{ expiresInHours: 337 }, 'input.expiresInHours'],
        [{ recipientEmail: 'nope' }, 'input.recipientEmail'],
        [{ recipientName: '' }, 'input.recipientName'],
        [{ recipientName: 'a\u0000' }, 'input.recipientName'],
        [{ itemId: 'x' }, 'input.itemId'],
      ] as [Record<string, unknown>, string][]) {
        const res = await createLink(item.id, extra);
        expect({ extra, code: firstError(res).extensions.code, field: firstError(res).extensions.field }).toEqual({
          extra,
          code: 'BAD_USER_INPUT',
          field,
        });
      }
      expect(firstError(await createLink(item.id, {}, writer)).extensions.code).toBe('FORBIDDEN');
      // A manager of approvals who wrote the item would approve it through the link: refused.
      const own = await newItem(lead2);
      expect(firstError(await createLink(own.id, {}, lead2)).extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OWN_CONTENT' });
      const draft = await newItem(writer, { status: 'DRAFT' });
      expect(firstError(await createLink(draft.id)).extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_IN_REVIEW' });
      const foreign = await newItem(otherWriter, { organizationId: otherOrg });
      expect(firstError(await createLink(foreign.id)).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.itemId' });
      expect(
        Number(
          (
            await admin.query('SELECT count(*) FROM content_approval_links WHERE item_id = ANY($1)', [
              [item.id, draft.id, foreign.id, own.id],
            ])
          ).rows[0].count,
        ),
      ).toBe(0);
    });
  });
});
