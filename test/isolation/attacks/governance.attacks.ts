import type { Attack, AttackModule } from './attack-module';

/** The same operation aimed at B's row from inside B (refused by the guard) and from A (B's id is not found in A). */
const both = (query: string): Attack[] => [
  { query, options: 'orgB' },
  { query, options: 'orgA' },
];

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString();

/** The governance record, the approved strategy and the action log on feedback. */
export const governanceAttacks: AttackModule = {
  name: 'governance',
  async setup({ asOwner, orgB, memberB, approverB }) {
    const one = async (sql: string, params: unknown[]) => (await asOwner<{ id: string }>(sql, params))[0].id;
    await asOwner('INSERT INTO advocacy_digest_settings (organization_id, enabled) VALUES ($1, false)', [orgB]);
    const govMemberB = await one(
      `INSERT INTO governance_members (organization_id, user_id, function, top_management) VALUES ($1, $2, 'Directrice B', true) RETURNING id`,
      [orgB, approverB.userId],
    );
    const govMeetingB = await one(
      `INSERT INTO governance_meetings (organization_id, kind, held_at, minutes) VALUES ($1, 'COMMITTEE', now() - interval '1 day', 'Compte rendu B') RETURNING id`,
      [orgB],
    );
    await asOwner('INSERT INTO governance_meeting_attendees (organization_id, meeting_id, member_id) VALUES ($1, $2, $3)', [
      orgB,
      govMeetingB,
      govMemberB,
    ]);
    const govDecisionB = await one(
      `INSERT INTO governance_decisions (organization_id, meeting_id, text, owner_member_id) VALUES ($1, $2, 'Décision B', $3) RETURNING id`,
      [orgB, govMeetingB, govMemberB],
    );
    const strategyVersionB = await one(
      `INSERT INTO strategy_document_versions (organization_id, number, status, markdown, fingerprint, submitted_at)
       VALUES ($1, 1, 'IN_REVIEW', '# Stratégie B', repeat('a', 64), now()) RETURNING id`,
      [orgB],
    );
    const actionMentionB = await one(
      `INSERT INTO mentions (organization_id, source, external_id, author_handle, text, published_at)
       VALUES ($1, 'mastodon', 'governance-b-1', 'fan@example.social', 'Avis B', now()) RETURNING id`,
      [orgB],
    );
    const actionInboxItemB = await one(
      `INSERT INTO inbox_items (organization_id, source, external_id, kind, author_handle, text, received_at, due_at, responsible_role)
       VALUES ($1, 'mastodon', 'governance-b-1', 'COMMENT', 'client@example.social', 'Question B', now(), now() + interval '1 hour', 'COMMUNITY_MANAGER') RETURNING id`,
      [orgB],
    );
    const feedbackActionB = await one(
      `INSERT INTO feedback_actions (organization_id, decision, owner_id) VALUES ($1, 'Action B', $2) RETURNING id`,
      [orgB, memberB.userId],
    );
    await asOwner('INSERT INTO feedback_action_mentions (organization_id, action_id, mention_id) VALUES ($1, $2, $3)', [
      orgB,
      feedbackActionB,
      actionMentionB,
    ]);
    return { govMemberB, govMeetingB, govDecisionB, strategyVersionB, actionMentionB, actionInboxItemB, feedbackActionB };
  },
  attacks: {
    governanceCommittee: () => [{ query: '{ governanceCommittee { status members { id name } } }', options: 'orgB' }],
    addGovernanceMember: ({ approverB }) =>
      both(`mutation { addGovernanceMember(input: { userId: "${approverB}", function: "Intrus" }) { id } }`),
    updateGovernanceMember: ({ govMemberB }) =>
      both(`mutation { updateGovernanceMember(input: { id: "${govMemberB}", function: "pwned" }) { id } }`),
    removeGovernanceMember: ({ govMemberB }) => both(`mutation { removeGovernanceMember(input: { id: "${govMemberB}" }) { id } }`),
    governanceMeetings: () => [{ query: '{ governanceMeetings(first: 5) { edges { node { id minutes } } } }', options: 'orgB' }],
    governanceMeeting: ({ govMeetingB }) => both(`{ governanceMeeting(id: "${govMeetingB}") { id minutes attendeeIds } }`),
    recordGovernanceMeeting: ({ govMemberB }) =>
      both(
        `mutation { recordGovernanceMeeting(input: { kind: COMMITTEE, heldAt: "${yesterday()}", attendeeIds: ["${govMemberB}"] }) { id } }`,
      ),
    updateGovernanceMeeting: ({ govMeetingB }) =>
      both(`mutation { updateGovernanceMeeting(input: { id: "${govMeetingB}", minutes: "pwned" }) { id } }`),
    deleteGovernanceMeeting: ({ govMeetingB }) => both(`mutation { deleteGovernanceMeeting(input: { id: "${govMeetingB}" }) { id } }`),
    governanceDecisions: ({ govMeetingB }) => [
      { query: '{ governanceDecisions(first: 5) { edges { node { id text } } } }', options: 'orgB' },
      { query: `{ governanceDecisions(first: 5, meetingId: "${govMeetingB}") { edges { node { id text } } } }`, options: 'orgB' },
    ],
    recordGovernanceDecision: ({ govMeetingB }) =>
      both(`mutation { recordGovernanceDecision(input: { text: "Intrus", meetingId: "${govMeetingB}" }) { id } }`),
    updateGovernanceDecision: ({ govDecisionB }) =>
      both(`mutation { updateGovernanceDecision(input: { id: "${govDecisionB}", status: DROPPED }) { id } }`),
    deleteGovernanceDecision: ({ govDecisionB }) => both(`mutation { deleteGovernanceDecision(input: { id: "${govDecisionB}" }) { id } }`),
    strategyDocumentVersions: () => [
      { query: '{ strategyDocumentVersions(first: 5) { edges { node { id markdown } } } }', options: 'orgB' },
    ],
    strategyDocumentVersion: ({ strategyVersionB }) => both(`{ strategyDocumentVersion(id: "${strategyVersionB}") { id markdown } }`),
    approvedStrategy: () => [{ query: '{ approvedStrategy { changedSinceApproval version { id } } }', options: 'orgB' }],
    createStrategyDocumentVersion: () => [{ query: 'mutation { createStrategyDocumentVersion(input: {}) { id } }', options: 'orgB' }],
    deleteStrategyDocumentVersion: ({ strategyVersionB }) =>
      both(`mutation { deleteStrategyDocumentVersion(input: { versionId: "${strategyVersionB}" }) { id } }`),
    submitStrategyDocumentVersion: ({ strategyVersionB }) =>
      both(`mutation { submitStrategyDocumentVersion(input: { versionId: "${strategyVersionB}" }) { id } }`),
    approveStrategyDocumentVersion: ({ strategyVersionB }) =>
      both(`mutation { approveStrategyDocumentVersion(input: { versionId: "${strategyVersionB}" }) { id } }`),
    returnStrategyDocumentVersion: ({ strategyVersionB }) =>
      both(`mutation { returnStrategyDocumentVersion(input: { versionId: "${strategyVersionB}", comment: "pwned" }) { id } }`),
    feedbackActions: ({ actionMentionB }) => [
      { query: '{ feedbackActions(first: 5) { edges { node { id decision } } } }', options: 'orgB' },
      { query: `{ feedbackActions(first: 5, mentionId: "${actionMentionB}") { edges { node { id decision } } } }`, options: 'orgB' },
    ],
    feedbackAction: ({ feedbackActionB }) => both(`{ feedbackAction(id: "${feedbackActionB}") { id decision mentionIds } }`),
    recordFeedbackAction: ({ actionMentionB, actionInboxItemB }) => [
      ...both(`mutation { recordFeedbackAction(input: { mentionIds: ["${actionMentionB}"], decision: "Intrus" }) { id } }`),
      ...both(`mutation { recordFeedbackAction(input: { inboxItemIds: ["${actionInboxItemB}"], decision: "Intrus" }) { id } }`),
    ],
    advocacyDigest: () => [{ query: '{ advocacyDigest(month: "2026-10") { subject posts { text } } }', options: 'orgB' }],
    sendAdvocacyDigest: () => [{ query: 'mutation { sendAdvocacyDigest(input: { month: "2026-10" }) { recipients } }', options: 'orgB' }],
    advocacyDigestSchedule: () => [{ query: '{ advocacyDigestSchedule { enabled lastMonth } }', options: 'orgB' }],
    setAdvocacyDigestSchedule: () => [
      { query: 'mutation { setAdvocacyDigestSchedule(input: { enabled: true }) { enabled } }', options: 'orgB' },
    ],
    emailSignature: () => [{ query: '{ emailSignature(name: "Intrus") { html } }', options: 'orgB' }],
    advocacyLaunchMessage: ({ approverB }) => both(`{ advocacyLaunchMessage(signerId: "${approverB}") { subject text } }`),
    updateFeedbackAction: ({ feedbackActionB }) =>
      both(`mutation { updateFeedbackAction(input: { id: "${feedbackActionB}", status: DROPPED, followUp: "pwned" }) { id } }`),
  },
  snapshot: async ({ asOwner, orgB }) => ({
    advocacySchedule: await asOwner('SELECT enabled, last_month, updated_at FROM advocacy_digest_settings WHERE organization_id = $1', [
      orgB,
    ]),
    members: await asOwner(
      'SELECT id, function, top_management, updated_at FROM governance_members WHERE organization_id = $1 ORDER BY id',
      [orgB],
    ),
    meetings: await asOwner('SELECT id, minutes, updated_at FROM governance_meetings WHERE organization_id = $1 ORDER BY id', [orgB]),
    attendees: await asOwner('SELECT meeting_id, member_id FROM governance_meeting_attendees WHERE organization_id = $1 ORDER BY 1, 2', [
      orgB,
    ]),
    decisions: await asOwner('SELECT id, text, status, updated_at FROM governance_decisions WHERE organization_id = $1 ORDER BY id', [
      orgB,
    ]),
    versions: await asOwner(
      'SELECT id, number, status, updated_at FROM strategy_document_versions WHERE organization_id = $1 ORDER BY number',
      [orgB],
    ),
    actions: await asOwner(
      'SELECT id, decision, status, follow_up, updated_at FROM feedback_actions WHERE organization_id = $1 ORDER BY id',
      [orgB],
    ),
    links: await asOwner(
      `SELECT action_id, mention_id::text AS linked FROM feedback_action_mentions WHERE organization_id = $1
       UNION ALL SELECT action_id, inbox_item_id::text FROM feedback_action_inbox_items WHERE organization_id = $1 ORDER BY 1, 2`,
      [orgB],
    ),
  }),
};
