import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { EvidenceRegistry, EvidenceResult } from '@socle/platform-evidence';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';

const PRACTICE_KEYS = ['content.approvalWorkflow', 'content.mediaKit', 'content.suggestions'];
const DAY = 86_400_000;

/**
 * The content module's practice evidence (approval workflow, media kit,
 * suggestion box) over the last 90 days, computed by the registered provider in
 * the organisation's unit of work (row-level security on), over rows written as
 * the database owner so that every case of the rules is present at once: items
 * approved on every step or not, on an older revision, through a link the
 * author sent, out of the window, another organisation's rows; and one item
 * approved through the approvals API. The maturity model
 * reads the keys through the live score.
 */
describe('content practice evidence', () => {
  let api: TestApi;
  let admin: Client;
  let owner: AgencySession;
  let other: AgencySession;
  let org: string;
  let foreign: string;
  let lead: { userId: string; email: string };
  let second: { userId: string; email: string };

  const ago = (days: number) => new Date(Date.now() - days * DAY);
  const item = async (
    organizationId: string,
    title: string,
    fields: {
      status?: string;
      revision?: number;
      createdAt?: Date;
      source?: string;
      suggestedBy?: string;
      triage?: string;
      triagedAt?: Date;
      reason?: string;
    } = {},
  ) => {
    const createdAt = fields.createdAt ?? new Date();
    const { rows } = await admin.query<{ id: string }>(
      `INSERT INTO content_items (organization_id, title, status, revision, created_by, updated_by, created_at, updated_at, source, suggested_by, triage, triaged_at, triage_reason)
       VALUES ($1, $2, $3, $4, $5, $5, $6, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        organizationId,
        title,
        fields.status ?? 'DRAFT',
        fields.revision ?? 1,
        owner.userId,
        createdAt,
        fields.source ?? 'TASK_FORCE',
        fields.suggestedBy ?? null,
        fields.triage ?? null,
        fields.triagedAt ?? null,
        fields.reason ?? null,
      ],
    );
    return rows[0].id;
  };
  const approve = async (
    organizationId: string,
    itemId: string,
    step: number,
    by: string,
    fields: { revision?: number; at?: Date } = {},
  ) => {
    await admin.query(
      `INSERT INTO content_approval_decisions (organization_id, item_id, revision, step, decider_kind, decider_user_id, verdict, decided_at)
       VALUES ($1, $2, $3, $4, 'MEMBER', $5, 'APPROVED', $6)`,
      [organizationId, itemId, fields.revision ?? 1, step, by, fields.at ?? ago(2)],
    );
  };
  const approveByLink = async (
    organizationId: string,
    itemId: string,
    step: number,
    sentBy: string,
    email = 'relecteur.externe@example.org',
  ) => {
    const { rows } = await admin.query<{ id: string }>(
      `INSERT INTO content_approval_links (organization_id, item_id, revision, step, recipient_name, recipient_email, created_by, expires_at)
       VALUES ($1, $2, 1, $3, 'Destinataire', $4, $5, now() + interval '1 day') RETURNING id`,
      [organizationId, itemId, step, email, sentBy],
    );
    await admin.query(
      `INSERT INTO content_approval_decisions (organization_id, item_id, revision, step, decider_kind, link_id, recipient_name, recipient_email, verdict, decided_at)
       VALUES ($1, $2, 1, $3, 'LINK', $4, 'Destinataire', $5, 'APPROVED', $6)`,
      [organizationId, itemId, step, rows[0].id, email, ago(2)],
    );
  };
  let keys = 0;
  const published = async (organizationId: string, itemId: string, at: Date) => {
    keys += 1;
    await admin.query(
      `INSERT INTO publications (organization_id, item_id, network, due_at, next_attempt_at, status, idempotency_key, external_id, published_at)
       VALUES ($1, $2, 'mastodon', $3, $3, 'PUBLISHED', $4, $5, $3)`,
      [organizationId, itemId, at, `evidence-${keys}`, `x-${keys}`],
    );
  };
  const asset = async (organizationId: string, createdAt: Date) => {
    const { rows } = await admin.query<{ id: string }>(
      `INSERT INTO media_assets (organization_id, storage_key, content_type, byte_size, sha256, width, height, uploaded_by, created_at, updated_at)
       VALUES ($1, $2, 'image/png', 100, $3, 10, 10, $4, $5, $5) RETURNING id`,
      [organizationId, randomBytes(16).toString('hex'), randomBytes(32).toString('hex'), owner.userId, createdAt],
    );
    return rows[0].id;
  };
  const variant = async (organizationId: string, itemId: string, mediaIds: string[]) => {
    await admin.query(
      `INSERT INTO content_variants (organization_id, item_id, network, text, media_ids) VALUES ($1, $2, 'mastodon', 'Texte', $3::uuid[])`,
      [organizationId, itemId, mediaIds],
    );
  };
  const evidence = async (organizationId: string): Promise<Map<string, EvidenceResult>> =>
    api.app
      .get(UnitOfWorkFactory)
      .runInOrganization(organizationId, (uow) =>
        api.app.get(EvidenceRegistry).compute({ uow, organizationId, at: new Date() }, PRACTICE_KEYS),
      );

  beforeAll(async () => {
    api = await TestApi.start();
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    owner = await signUpAgency(api, 'Agence Preuves');
    other = await signUpAgency(api, 'Agence Voisine');
    org = await createOrganization(api, owner, 'Atelier Preuves');
    foreign = await createOrganization(api, other, 'Voisin');
    lead = await addOrganizationMember(api, owner, org, ['CONTENT_LEAD']);
    second = await addOrganizationMember(api, owner, org, ['CONTENT_LEAD']);
    // A chain of two steps; everything below is written by the agency owner (the author).
    await admin.query(`INSERT INTO content_approval_chains (organization_id, steps) VALUES ($1, $2::jsonb)`, [
      org,
      JSON.stringify([
        { role: 'CONTENT_LEAD', memberIds: [], mode: 'ANY' },
        { role: null, memberIds: [second.userId], mode: 'ANY' },
      ]),
    ]);

    // Approvals. Through the whole chain: A (published 10 days ago), D (final step through a link a content lead sent).
    const a = await item(org, 'A publié', { status: 'PUBLISHED' });
    await approve(org, a, 1, lead.userId, { at: ago(12) });
    await approve(org, a, 2, second.userId, { at: ago(11) });
    await published(org, a, ago(10));
    const d = await item(org, 'D par lien', { status: 'APPROVED' });
    await approve(org, d, 1, lead.userId);
    await approveByLink(org, d, 2, lead.userId);
    // Not through it: B approved on both steps of an older revision but only on step 1 of its current one;
    // C's final step approved through a link its author sent (to their own address); H published 5 days ago (since withdrawn) without any decision.
    const b = await item(org, 'B révisé', { status: 'APPROVED', revision: 2 });
    await approve(org, b, 1, lead.userId, { revision: 1 });
    await approve(org, b, 2, second.userId, { revision: 1 });
    await approve(org, b, 1, lead.userId, { revision: 2 });
    const c = await item(org, 'C par l’auteur', { status: 'SCHEDULED' });
    await approve(org, c, 1, lead.userId);
    await approveByLink(org, c, 2, owner.userId, owner.email);
    const h = await item(org, 'H retiré', { status: 'CANCELLED' });
    await published(org, h, ago(5));
    // Not counted: E approved and published 200 days ago, F still a draft, the foreign organisation's published item.
    const e = await item(org, 'E ancien', { status: 'PUBLISHED', createdAt: ago(210) });
    await approve(org, e, 1, lead.userId, { at: ago(201) });
    await approve(org, e, 2, second.userId, { at: ago(201) });
    await published(org, e, ago(200));
    const f = await item(org, 'F brouillon', { status: 'DRAFT' });
    await approve(org, f, 1, lead.userId);
    const theirs = await item(foreign, 'Publié ailleurs', { status: 'PUBLISHED' });
    await published(foreign, theirs, ago(3));

    // Media: two assets added in the window, one long before; used by A and D (new and old asset), E (out of the window) and H (cancelled).
    const fresh = await asset(org, ago(20));
    const fresh2 = await asset(org, ago(1));
    const old = await asset(org, ago(300));
    await variant(org, a, [fresh, old]);
    await variant(org, d, [fresh]);
    await variant(org, e, [fresh2]);
    await variant(org, h, [fresh2]);
    await asset(foreign, ago(1));

    // Suggestions: triaged in 5 days, in 20 days, not yet after 20 days, 3 days old, and one before the window; one elsewhere.
    const suggestion = { source: 'EMPLOYEE_SUGGESTION', suggestedBy: lead.userId, status: 'IDEA' };
    await item(org, 'S1', { ...suggestion, status: 'DRAFT', createdAt: ago(30), triage: 'ACCEPTED', triagedAt: ago(25) });
    await item(org, 'S2', {
      ...suggestion,
      status: 'CANCELLED',
      createdAt: ago(40),
      triage: 'DECLINED',
      triagedAt: ago(20),
      reason: 'Hors sujet',
    });
    await item(org, 'S3', { ...suggestion, createdAt: ago(20) });
    await item(org, 'S4', { ...suggestion, createdAt: ago(3) });
    await item(org, 'S5', { ...suggestion, status: 'DRAFT', createdAt: ago(100), triage: 'ACCEPTED', triagedAt: ago(99) });
    await item(foreign, 'Ailleurs', { ...suggestion, suggestedBy: other.userId, createdAt: ago(3) });
  });
  afterAll(async () => {
    await admin?.end();
    await api.stop();
  });

  it('measures the approval chain in practice: 2 of the 5 items approved or published in 90 days went through it', async () => {
    const approval = (await evidence(org)).get('content.approvalWorkflow');
    expect(approval?.score).toBeCloseTo(2 / 5);
    expect(approval?.explanation.en).toBe(
      '2 of 5 items approved or published in the last 90 days went through the whole approval chain (2 steps), the final step decided by someone other than their author.',
    );
  });

  it('measures the media library in use: 2 assets added, 2 distinct assets used by items of the window', async () => {
    const media = (await evidence(org)).get('content.mediaKit');
    // 0.5 × 2/3 + 0.5 × 2/5
    expect(media?.score).toBeCloseTo(0.5 * (2 / 3) + 0.5 * (2 / 5));
    expect(media?.explanation.en).toContain('2 assets added to the media library and 2 distinct assets used');
  });

  it('measures the suggestion box: 4 suggestions, 1 of the 3 due triaged within 14 days', async () => {
    const suggestions = (await evidence(org)).get('content.suggestions');
    expect(suggestions?.score).toBeCloseTo((4 / 6) * (1 / 3));
    expect(suggestions?.explanation.en).toBe(
      '4 employee suggestions in the last 90 days (full volume from 6); 1 of the 3 due were triaged within 14 days.',
    );
  });

  it('reads nothing of another organisation, and scores an organisation without practice 0 with the reason', async () => {
    const theirs = await evidence(foreign);
    // The foreign item was published without any approval; one asset, no item using it; one suggestion 3 days old.
    expect(theirs.get('content.approvalWorkflow')?.explanation.en).toContain('0 of 1 items');
    expect(theirs.get('content.mediaKit')?.score).toBeCloseTo(0.5 * (1 / 3));
    expect(theirs.get('content.suggestions')?.score).toBeCloseTo(1 / 6);
    const empty = await evidence(await createOrganization(api, owner, 'Rien encore'));
    expect(empty.get('content.approvalWorkflow')).toMatchObject({
      value: 0,
      score: 0,
      explanation: { en: expect.stringContaining('No item was approved or published') },
    });
    expect(empty.get('content.mediaKit')?.score).toBe(0);
    expect(empty.get('content.suggestions')?.explanation.fr).toContain('Aucune suggestion d’employé');
  });

  it('reads what the approvals service writes: an item approved through the API by the content lead counts, with the default one-step chain', async () => {
    const fresh = await createOrganization(api, owner, 'Atelier Circuit');
    const writer = await addOrganizationMember(api, owner, fresh, ['COMMUNITY_MANAGER']);
    const contentLead = await addOrganizationMember(api, owner, fresh, ['CONTENT_LEAD']);
    const {
      rows: [inReview],
    } = await admin.query<{ id: string }>(
      `INSERT INTO content_items (organization_id, title, status, created_by, updated_by) VALUES ($1, 'À relire', 'IN_REVIEW', $2, $2) RETURNING id`,
      [fresh, writer.userId],
    );
    await admin.query(`INSERT INTO content_variants (organization_id, item_id, network, text) VALUES ($1, $2, 'mastodon', 'Bonjour')`, [
      fresh,
      inReview.id,
    ]);
    expect((await evidence(fresh)).get('content.approvalWorkflow')?.score).toBe(0);
    const approved = await api.gql<{ approveContentItem: { status: string } }>(
      'mutation ($input: ApproveContentItemInput!) { approveContentItem(input: $input) { status } }',
      { input: { itemId: inReview.id } },
      { token: contentLead.token, organizationId: fresh },
    );
    expect(approved.body.data?.approveContentItem.status).toBe('APPROVED');
    const after = (await evidence(fresh)).get('content.approvalWorkflow');
    expect(after?.score).toBe(1);
    expect(after?.explanation.en).toContain(
      '1 of 1 items approved or published in the last 90 days went through the whole approval chain (1 step)',
    );
  });

  it('feeds the built-in maturity model: the live score reads the content keys, in the organisation’s language', async () => {
    const res = await api.gql<{ recomputeLiveScore: { modelId: string; evidence: { key: string; score: number; explanation: string }[] } }>(
      'mutation { recomputeLiveScore { modelId evidence { key score explanation } } }',
      {},
      { token: owner.token, organizationId: org },
    );
    expect(res.body.errors).toBeUndefined();
    const live = res.body.data?.recomputeLiveScore;
    expect(live?.modelId).toBe('default');
    const byKey = new Map(live?.evidence.map((e) => [e.key, e]));
    expect(byKey.get('content.approvalWorkflow')).toMatchObject({ score: 0.4, explanation: expect.stringContaining('2 des 5 contenus') });
    expect(byKey.get('content.suggestions')?.explanation).toContain('4 suggestions d’employés');
    for (const key of ['content.calendarPlanned', 'content.regularity', 'content.mediaKit']) expect(byKey.has(key)).toBe(true);
  });
});
