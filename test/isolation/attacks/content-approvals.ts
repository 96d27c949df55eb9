import type { AttackModule } from './attack-module';

const PROGRESS = 'itemId status currentStep steps { number decisions { id verdict comment } }';

export const contentApprovalsAttacks: AttackModule = {
  name: 'content-approvals',
  async setup({ asOwner, orgB, memberB, approverB }) {
    // In B: a two-step chain, an item IN_REVIEW written by B's member with one decision already taken, and an open approval link.
    await asOwner(`INSERT INTO content_approval_chains (organization_id, steps) VALUES ($1, $2::jsonb)`, [
      orgB,
      JSON.stringify([
        { role: 'COMMUNITY_MANAGER', memberIds: [], mode: 'ANY' },
        { role: null, memberIds: [approverB.userId], mode: 'ALL' },
      ]),
    ]);
    const [item] = await asOwner<{ id: string }>(
      `INSERT INTO content_items (organization_id, title, status, created_by, updated_by) VALUES ($1, 'Item B en revue', 'IN_REVIEW', $2, $2) RETURNING id`,
      [orgB, memberB.userId],
    );
    await asOwner(
      `INSERT INTO content_approval_decisions (organization_id, item_id, revision, step, decider_kind, decider_user_id, verdict, comment)
       VALUES ($1, $2, 1, 1, 'MEMBER', $3, 'APPROVED', 'ok B')`,
      [orgB, item.id, approverB.userId],
    );
    await asOwner(
      `INSERT INTO content_approval_links (organization_id, item_id, revision, step, recipient_name, recipient_email, expires_at)
       VALUES ($1, $2, 1, 2, 'Client B', 'client@b.example', now() + interval '1 day')`,
      [orgB, item.id],
    );
    return { approvalItemB: item.id };
  },
  attacks: {
    approvalChain: () => [{ query: '{ approvalChain { isDefault steps { role memberIds } } }', options: 'orgB' }],
    setApprovalChain: ({ memberB }) => [
      { query: 'mutation { setApprovalChain(input: { steps: [{ role: VIEWER, mode: ANY }] }) { isDefault } }', options: 'orgB' },
      // B's member named in A's chain: unknown in A.
      {
        query: `mutation { setApprovalChain(input: { steps: [{ memberIds: ["${memberB}"], mode: ANY }] }) { isDefault } }`,
        options: 'orgA',
      },
    ],
    contentItemApprovals: ({ approvalItemB }) => [
      { query: `{ contentItemApprovals(itemId: "${approvalItemB}") { ${PROGRESS} } }`, options: 'orgB' },
      { query: `{ contentItemApprovals(itemId: "${approvalItemB}") { ${PROGRESS} } }`, options: 'orgA' },
    ],
    approveContentItem: ({ approvalItemB }) => [
      {
        query: `mutation { approveContentItem(input: { itemId: "${approvalItemB}", comment: "pwned" }) { ${PROGRESS} } }`,
        options: 'orgB',
      },
      {
        query: `mutation { approveContentItem(input: { itemId: "${approvalItemB}", comment: "pwned" }) { ${PROGRESS} } }`,
        options: 'orgA',
      },
    ],
    rejectContentItem: ({ approvalItemB }) => [
      { query: `mutation { rejectContentItem(input: { itemId: "${approvalItemB}", reason: "pwned" }) { ${PROGRESS} } }`, options: 'orgB' },
      { query: `mutation { rejectContentItem(input: { itemId: "${approvalItemB}", reason: "pwned" }) { ${PROGRESS} } }`, options: 'orgA' },
    ],
    createApprovalLink: ({ approvalItemB }) => [
      {
        query: `mutation { createApprovalLink(input: { itemId: "${approvalItemB}", recipientName: "A", recipientEmail: "a@a.example", expiresInHours: 1 }) { url } }`,
        options: 'orgB',
      },
      {
        query: `mutation { createApprovalLink(input: { itemId: "${approvalItemB}", recipientName: "A", recipientEmail: "a@a.example", expiresInHours: 1 }) { url } }`,
        options: 'orgA',
      },
    ],
  },
  snapshot: async ({ orgB, asOwner }) => ({
    chain: await asOwner('SELECT steps, updated_by, updated_at FROM content_approval_chains WHERE organization_id = $1', [orgB]),
    items: await asOwner('SELECT id, status, revision, updated_by, updated_at FROM content_items WHERE organization_id = $1 ORDER BY id', [
      orgB,
    ]),
    decisions: await asOwner(
      'SELECT id, item_id, revision, step, decider_user_id, verdict, comment, decided_at FROM content_approval_decisions WHERE organization_id = $1 ORDER BY id',
      [orgB],
    ),
    links: await asOwner('SELECT id, item_id, used_at, expires_at FROM content_approval_links WHERE organization_id = $1 ORDER BY id', [
      orgB,
    ]),
  }),
};
