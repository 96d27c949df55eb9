import type { Client } from 'pg';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { adminDatabase, countedOverPages, firstError, leaksIn } from './e2e-support';

/**
 * The governance record, the approved written strategy and the action log on
 * feedback over GraphQL: permissions, validation with the field path, audit,
 * and the quarterly report's section.
 */
describe('governance over GraphQL', () => {
  let api: TestApi;
  let admin: Client;
  let owner: AgencySession;
  let org: string;
  let lead: { token: string; userId: string };
  let approver: { token: string; userId: string };
  let cm: { token: string; userId: string };
  let viewer: { token: string; userId: string };

  const as = (who: { token: string }) => ({ token: who.token, organizationId: org });

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Gouvernance');
    org = await createOrganization(api, owner, 'Fromagerie Gouvernance');
    lead = await addOrganizationMember(api, owner, org, ['STRATEGY_LEAD']);
    approver = await addOrganizationMember(api, owner, org, ['EXECUTIVE_APPROVER']);
    cm = await addOrganizationMember(api, owner, org, ['COMMUNITY_MANAGER']);
    viewer = await addOrganizationMember(api, owner, org, ['VIEWER']);
  });
  afterAll(async () => {
    await admin?.end();
    await api.stop();
  });

  it('keeps the committee, its meetings and decisions, audited, and says when no top manager sits on it', async () => {
    const added = await api.ok<{ addGovernanceMember: { id: string; name: string; topManagement: boolean } }>(
      'mutation { addGovernanceMember(input: { externalName: "Consultant RH", function: "Ressources humaines" }) { id name topManagement } }',
      {},
      as(lead),
    );
    expect(added.addGovernanceMember).toMatchObject({ name: 'Consultant RH', topManagement: false });
    const committee = await api.ok<{ governanceCommittee: { status: string } }>('{ governanceCommittee { status } }', {}, as(viewer));
    expect(committee.governanceCommittee.status).toBe('NO_TOP_MANAGEMENT');
    const director = await api.ok<{ addGovernanceMember: { id: string } }>(
      `mutation { addGovernanceMember(input: { userId: "${approver.userId}", function: "Directrice générale", topManagement: true }) { id } }`,
      {},
      as(lead),
    );
    expect(
      (await api.ok<{ governanceCommittee: { status: string } }>('{ governanceCommittee { status } }', {}, as(viewer))).governanceCommittee
        .status,
    ).toBe('COMPLETE');

    const heldAt = new Date(Date.now() - 3_600_000).toISOString();
    const meeting = await api.ok<{ recordGovernanceMeeting: { id: string; attendeeIds: string[] } }>(
      `mutation ($input: RecordGovernanceMeetingInput!) { recordGovernanceMeeting(input: $input) { id attendeeIds } }`,
      { input: { kind: 'COMMITTEE', heldAt, attendeeIds: [director.addGovernanceMember.id], minutes: 'Lancement' } },
      as(lead),
    );
    expect(meeting.recordGovernanceMeeting.attendeeIds).toEqual([director.addGovernanceMember.id]);
    const decision = await api.ok<{ recordGovernanceDecision: { id: string; status: string } }>(
      `mutation ($input: RecordGovernanceDecisionInput!) { recordGovernanceDecision(input: $input) { id status } }`,
      {
        input: { text: 'Écrire la charte', meetingId: meeting.recordGovernanceMeeting.id, ownerMemberId: director.addGovernanceMember.id },
      },
      as(lead),
    );
    expect(decision.recordGovernanceDecision.status).toBe('OPEN');
    const audit = await admin.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE organization_id = $1 AND action LIKE 'strategy.%Governance%' ORDER BY occurred_at`,
      [org],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'strategy.addGovernanceMember',
      'strategy.addGovernanceMember',
      'strategy.recordGovernanceMeeting',
      'strategy.recordGovernanceDecision',
    ]);

    // A viewer reads, does not write; bad input names the field and stores nothing.
    const refused = await api.gql('mutation { addGovernanceMember(input: { externalName: "X", function: "Y" }) { id } }', {}, as(viewer));
    expect(firstError(refused).extensions.code).toBe('FORBIDDEN');
    const bad = await api.gql(
      `mutation ($input: RecordGovernanceMeetingInput!) { recordGovernanceMeeting(input: $input) { id } }`,
      { input: { kind: 'COMMITTEE', heldAt, attendeeIds: ['not-a-uuid'], minutes: 'a\u0000b' } },
      as(lead),
    );
    expect(firstError(bad).extensions.code).toBe('BAD_USER_INPUT');
    expect(leaksIn(bad.body)).toEqual([]);
    const meetings = await admin.query('SELECT 1 FROM governance_meetings WHERE organization_id = $1', [org]);
    expect(meetings.rowCount).toBe(1);
  });

  it('has the written strategy approved by the executive approver only, with approver and date listed', async () => {
    const created = await api.ok<{ createStrategyDocumentVersion: { id: string; number: number; status: string; markdown: string } }>(
      'mutation { createStrategyDocumentVersion(input: { note: "Version initiale" }) { id number status markdown } }',
      {},
      as(lead),
    );
    expect(created.createStrategyDocumentVersion).toMatchObject({ number: 1, status: 'DRAFT' });
    expect(created.createStrategyDocumentVersion.markdown).toContain('Fromagerie Gouvernance');
    const versionId = created.createStrategyDocumentVersion.id;
    await api.ok(`mutation { submitStrategyDocumentVersion(input: { versionId: "${versionId}" }) { id } }`, {}, as(lead));
    const byLead = await api.gql(`mutation { approveStrategyDocumentVersion(input: { versionId: "${versionId}" }) { id } }`, {}, as(lead));
    expect(firstError(byLead).extensions.code).toBe('FORBIDDEN');
    const approved = await api.ok<{ approveStrategyDocumentVersion: { status: string; approvedBy: string; approvedAt: string } }>(
      `mutation { approveStrategyDocumentVersion(input: { versionId: "${versionId}", comment: "Bon pour moi" }) { status approvedBy approvedAt } }`,
      {},
      as(approver),
    );
    expect(approved.approveStrategyDocumentVersion).toMatchObject({ status: 'APPROVED', approvedBy: approver.userId });
    const current = await api.ok<{
      approvedStrategy: { changedSinceApproval: boolean; version: { number: number; approverName: string } };
    }>('{ approvedStrategy { changedSinceApproval version { number approverName approvedAt } } }', {}, as(viewer));
    expect(current.approvedStrategy).toMatchObject({ changedSinceApproval: false, version: { number: 1, approverName: 'Member' } });
    const again = await api.gql(`mutation { submitStrategyDocumentVersion(input: { versionId: "${versionId}" }) { id } }`, {}, as(lead));
    expect(firstError(again).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_TRANSITION', field: 'input.versionId' });
  });

  it('records actions on feedback, refuses another tenant’s mention with its field path, and reports them in the quarter', async () => {
    const other = await createOrganization(api, owner, 'Autre client');
    const [mine] = (
      await admin.query<{ id: string }>(
        `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, published_at)
         VALUES ($1, 'mastodon', 'gov-1', 'fan@example.social', 'Trop salé', now()) RETURNING id`,
        [org],
      )
    ).rows;
    const [theirs] = (
      await admin.query<{ id: string }>(
        `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, published_at)
         VALUES ($1, 'mastodon', 'gov-2', 'fan@example.social', 'Autre', now()) RETURNING id`,
        [other],
      )
    ).rows;
    const refused = await api.gql(
      `mutation ($input: RecordFeedbackActionInput!) { recordFeedbackAction(input: $input) { id } }`,
      { input: { mentionIds: [mine.id, theirs.id], decision: 'Moins de sel' } },
      as(cm),
    );
    expect(firstError(refused).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.mentionIds[1]' });
    expect((await admin.query('SELECT 1 FROM feedback_actions WHERE organization_id = $1', [org])).rowCount).toBe(0);

    const recorded = await api.ok<{ recordFeedbackAction: { id: string; status: string; mentionIds: string[] } }>(
      `mutation ($input: RecordFeedbackActionInput!) { recordFeedbackAction(input: $input) { id status mentionIds } }`,
      { input: { mentionIds: [mine.id], decision: 'Moins de sel', ownerId: cm.userId } },
      as(cm),
    );
    expect(recorded.recordFeedbackAction).toMatchObject({ status: 'OPEN', mentionIds: [mine.id] });
    await api.ok(
      `mutation { updateFeedbackAction(input: { id: "${recorded.recordFeedbackAction.id}", status: DONE, followUp: "Recette revue" }) { id } }`,
      {},
      as(cm),
    );
    const list = await api.ok<{ feedbackActions: { edges: { node: { decision: string; status: string; followUp: string } }[] } }>(
      `{ feedbackActions(first: 5, mentionId: "${mine.id}") { edges { node { decision status followUp } } } }`,
      {},
      as(viewer),
    );
    expect(list.feedbackActions.edges.map((e) => e.node)).toEqual([
      { decision: 'Moins de sel', status: 'DONE', followUp: 'Recette revue' },
    ]);

    const quarterStart = (() => {
      const now = new Date();
      return `${now.getUTCFullYear()}-${String(Math.floor(now.getUTCMonth() / 3) * 3 + 1).padStart(2, '0')}-01`;
    })();
    const report = await api.ok<{
      communityReport: { feedbackActions: { recorded: number; followedUp: number; done: number; items: { decision: string }[] } };
    }>(
      `{ communityReport(kind: QUARTERLY, periodStart: "${quarterStart}") { feedbackActions { recorded followedUp done items { decision } } } }`,
      {},
      as(approver),
    );
    expect(report.communityReport.feedbackActions).toEqual({ recorded: 1, followedUp: 1, done: 1, items: [{ decision: 'Moins de sel' }] });
  });

  it('counts meetings, decisions, versions and actions over all pages, with the list’s filters, and no other agency’s', async () => {
    type Page = { totalCount: number; edges: { cursor: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    const read = async (list: string, args: string, who: { token: string } = viewer, organizationId = org) => {
      const query = `{ ${list}(${args}) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }`;
      return (await api.ok<Record<string, Page>>(query, {}, { token: who.token, organizationId }))[list];
    };
    /** The list read whole, then page by page two at a time (see countedOverPages). */
    const countOf = (list: string, filter = '') => countedOverPages(list, (args) => read(list, `${args}${filter}`), 2);
    const meetingInput = (kind: string, minutes: string) => ({
      input: { kind, heldAt: new Date(Date.now() - 7_200_000).toISOString(), minutes },
    });
    const RECORD_MEETING = 'mutation ($input: RecordGovernanceMeetingInput!) { recordGovernanceMeeting(input: $input) { id } }';
    const RECORD_DECISION = 'mutation ($input: RecordGovernanceDecisionInput!) { recordGovernanceDecision(input: $input) { id } }';
    const RECORD_ACTION = 'mutation ($input: RecordFeedbackActionInput!) { recordFeedbackAction(input: $input) { id } }';
    const mention = async (organizationId: string, externalId: string) =>
      (
        await admin.query<{ id: string }>(
          `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, published_at)
           VALUES ($1, 'mastodon', $2, 'fan@example.social', 'Compté', now()) RETURNING id`,
          [organizationId, externalId],
        )
      ).rows[0].id;

    const meetingsBefore = await countOf('governanceMeetings');
    const otherBefore = await countOf('governanceMeetings', ', kind: OTHER');
    const kept = (await api.ok<{ recordGovernanceMeeting: { id: string } }>(RECORD_MEETING, meetingInput('OTHER', 'Point'), as(lead)))
      .recordGovernanceMeeting.id;
    await api.ok(RECORD_MEETING, meetingInput('OTHER', 'Point suivant'), as(lead));
    await api.ok(RECORD_MEETING, meetingInput('EXECUTIVE_REVIEW', 'Revue'), as(lead));
    expect(await countOf('governanceMeetings')).toBe(meetingsBefore + 3);
    expect(await countOf('governanceMeetings', ', kind: OTHER')).toBe(otherBefore + 2);

    const decisionsBefore = await countOf('governanceDecisions');
    const openBefore = await countOf('governanceDecisions', ', status: OPEN');
    for (const text of ['Compter les décisions', 'Les compter encore']) {
      await api.ok(RECORD_DECISION, { input: { text, meetingId: kept } }, as(lead));
    }
    const closed = (await api.ok<{ recordGovernanceDecision: { id: string } }>(RECORD_DECISION, { input: { text: 'Close' } }, as(lead)))
      .recordGovernanceDecision.id;
    await api.ok(`mutation { updateGovernanceDecision(input: { id: "${closed}", status: DONE }) { id } }`, {}, as(lead));
    expect(await countOf('governanceDecisions')).toBe(decisionsBefore + 3);
    expect(await countOf('governanceDecisions', ', status: OPEN')).toBe(openBefore + 2);
    expect(await countOf('governanceDecisions', `, meetingId: "${kept}"`)).toBe(2);
    expect(await countOf('governanceDecisions', `, meetingId: "${kept}", status: DONE`)).toBe(0);

    const approvedVersions = await countOf('strategyDocumentVersions', ', status: APPROVED');
    const versions = await countOf('strategyDocumentVersions');
    expect(approvedVersions).toBeGreaterThanOrEqual(1);

    const actionsBefore = await countOf('feedbackActions');
    const doneBefore = await countOf('feedbackActions', ', status: DONE');
    const answered = await mention(org, 'gov-count-1');
    for (const decision of ['Répondre', 'Répondre encore', 'Répondre toujours']) {
      await api.ok(RECORD_ACTION, { input: { mentionIds: [answered], decision } }, as(cm));
    }
    expect(await countOf('feedbackActions')).toBe(actionsBefore + 3);
    expect(await countOf('feedbackActions', ', status: DONE')).toBe(doneBefore);
    expect(await countOf('feedbackActions', `, mentionId: "${answered}"`)).toBe(3);
    expect(await countOf('feedbackActions', `, mentionId: "${answered}", status: OPEN`)).toBe(3);

    // Another agency's client fills the same lists: its rows are not counted here, and ours are not counted there.
    const otherOwner = await signUpAgency(api, 'Agence Comptée Ailleurs');
    const elsewhere = await createOrganization(api, otherOwner, 'Client Compté Ailleurs');
    const theirLead = await addOrganizationMember(api, otherOwner, elsewhere, ['STRATEGY_LEAD']);
    const theirCm = await addOrganizationMember(api, otherOwner, elsewhere, ['COMMUNITY_MANAGER']);
    const there = { token: theirLead.token, organizationId: elsewhere };
    const theirMeeting = (
      await api.ok<{ recordGovernanceMeeting: { id: string } }>(RECORD_MEETING, meetingInput('OTHER', 'Ailleurs'), there)
    ).recordGovernanceMeeting.id;
    await api.ok(RECORD_DECISION, { input: { text: 'Ailleurs', meetingId: theirMeeting } }, there);
    await api.ok('mutation { createStrategyDocumentVersion(input: { note: "Ailleurs" }) { id } }', {}, there);
    const theirMention = await mention(elsewhere, 'gov-count-2');
    await api.ok(
      RECORD_ACTION,
      { input: { mentionIds: [theirMention], decision: 'Ailleurs' } },
      { token: theirCm.token, organizationId: elsewhere },
    );

    expect(await countOf('governanceMeetings')).toBe(meetingsBefore + 3);
    expect(await countOf('governanceMeetings', ', kind: OTHER')).toBe(otherBefore + 2);
    expect(await countOf('governanceDecisions')).toBe(decisionsBefore + 3);
    expect(await countOf('strategyDocumentVersions')).toBe(versions);
    expect(await countOf('feedbackActions')).toBe(actionsBefore + 3);
    // Their meeting's id names nothing here: the filter finds none.
    expect(await countOf('governanceDecisions', `, meetingId: "${theirMeeting}"`)).toBe(0);
    for (const list of ['governanceMeetings', 'governanceDecisions', 'strategyDocumentVersions']) {
      expect({ list, totalCount: (await read(list, 'first: 1', theirLead, elsewhere)).totalCount }).toEqual({ list, totalCount: 1 });
    }
  });

  it('gives the staff the monthly mail of the best posts, an escaped signature with the social links, and the launch message', async () => {
    const [item] = (
      await admin.query<{ id: string }>(`INSERT INTO content_items (organization_id, title) VALUES ($1, 'Comté 24 mois') RETURNING id`, [
        org,
      ])
    ).rows;
    const [variant] = (
      await admin.query<{ id: string }>(
        `INSERT INTO content_variants (organization_id, item_id, network, text) VALUES ($1, $2, 'mastodon', 'Notre comté 24 mois est arrivé !') RETURNING id`,
        [org, item.id],
      )
    ).rows;
    await admin.query(
      `INSERT INTO publications (organization_id, item_id, variant_id, network, due_at, next_attempt_at, status, idempotency_key, external_id, external_url, published_at)
       VALUES ($1, $2, $3, 'mastodon', '2026-10-03T08:00:00Z', '2026-10-03T08:00:00Z', 'PUBLISHED', 'gov-digest-1', '1', 'https://m.example/1', '2026-10-03T08:00:00Z')`,
      [org, item.id, variant.id],
    );
    const digest = await api.ok<{
      advocacyDigest: { subject: string; text: string; posts: { title: string; text: string; url: string }[] };
    }>('{ advocacyDigest(month: "2026-10") { subject text posts { title text url } } }', {}, as(viewer));
    expect(digest.advocacyDigest.subject).toBe('Fromagerie Gouvernance — nos meilleures publications de octobre 2026');
    expect(digest.advocacyDigest.posts).toEqual([
      { title: 'Comté 24 mois', text: 'Notre comté 24 mois est arrivé !', url: 'https://m.example/1' },
    ]);
    expect(digest.advocacyDigest.text).toContain('   Notre comté 24 mois est arrivé !');
    // Sent once a month to every member, through the mail outbox.
    const sent = await api.ok<{ sendAdvocacyDigest: { recipients: number } }>(
      'mutation { sendAdvocacyDigest(input: { month: "2026-10" }) { month recipients } }',
      {},
      as(lead),
    );
    expect(sent.sendAdvocacyDigest.recipients).toBe(4);
    const mails = await admin.query<{ recipient: string; subject: string }>(
      `SELECT recipient, subject FROM mail_outbox WHERE organization_id = $1 AND purpose = 'strategy.advocacy-digest'`,
      [org],
    );
    expect(mails.rows).toHaveLength(4);
    expect(new Set(mails.rows.map((m) => m.subject))).toEqual(new Set([digest.advocacyDigest.subject]));
    const twice = await api.gql('mutation { sendAdvocacyDigest(input: { month: "2026-10" }) { recipients } }', {}, as(lead));
    expect(firstError(twice).extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_SENT', field: 'input.month' });
    const nothing = await api.gql('mutation { sendAdvocacyDigest(input: { month: "2026-09" }) { recipients } }', {}, as(lead));
    expect(firstError(nothing).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.month' });
    const byViewer = await api.gql('mutation { sendAdvocacyDigest(input: { month: "2026-09" }) { recipients } }', {}, as(viewer));
    expect(firstError(byViewer).extensions.code).toBe('FORBIDDEN');
    expect((await admin.query(`SELECT 1 FROM mail_outbox WHERE organization_id = $1`, [org])).rowCount).toBe(4);

    const badMonth = await api.gql('{ advocacyDigest(month: "2026-13") { subject } }', {}, as(viewer));
    expect(firstError(badMonth).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });

    const signature = await api.ok<{ emailSignature: { html: string } }>(
      '{ emailSignature(jobTitle: "Vente <b>& conseil</b>", links: [{ label: "Mastodon", url: "https://m.example/@fromagerie" }]) { html } }',
      {},
      as(cm),
    );
    expect(signature.emailSignature.html).toContain(
      '<strong>Member</strong><br>Vente &lt;b&gt;&amp; conseil&lt;/b&gt;<br>Fromagerie Gouvernance',
    );
    expect(signature.emailSignature.html).toContain('<a href="https://m.example/@fromagerie">Mastodon</a>');
    const unsafe = await api.gql('{ emailSignature(links: [{ label: "x", url: "javascript:alert(1)" }]) { html } }', {}, as(cm));
    expect(firstError(unsafe).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'links[0].url' });

    const launch = await api.ok<{ advocacyLaunchMessage: { subject: string; text: string } }>(
      `{ advocacyLaunchMessage(signerId: "${approver.userId}", signerTitle: "Directrice générale") { subject text } }`,
      {},
      as(lead),
    );
    expect(launch.advocacyLaunchMessage.subject).toBe('Fromagerie Gouvernance sur les médias sociaux : nous comptons sur vous');
    expect(launch.advocacyLaunchMessage.text.endsWith('Member\nDirectrice générale')).toBe(true);
  });
});
