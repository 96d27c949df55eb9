import type { AttackModule } from './attack-module';

/**
 * The staff list, acknowledgement campaigns and the review step: B's staff,
 * links, acknowledgements and review setting, aimed at from A (inside B's
 * tenant, and with B's ids from A's own).
 */
export const policyAcknowledgementsAttacks: AttackModule = {
  name: 'policy-acknowledgements',
  async setup({ asOwner, orgB, approverB }) {
    const [staff] = await asOwner<{ id: string }>(
      `INSERT INTO policy_staff (organization_id, name, email, department) VALUES ($1, 'Agent B', 'agent.b@example.test', 'Accueil') RETURNING id`,
      [orgB],
    );
    const [doc] = await asOwner<{ id: string }>(
      `INSERT INTO policy_documents (organization_id, kind, language) VALUES ($1, 'CODE_OF_CONDUCT', 'fr') RETURNING id`,
      [orgB],
    );
    const [published] = await asOwner<{ id: string }>(
      `INSERT INTO policy_versions (organization_id, policy_id, number, status, title, sections, published_at)
       VALUES ($1, $2, 1, 'PUBLISHED', 'Charte B', '[{"key":"scope","title":"Qui","body":"Tous"}]', now()) RETURNING id`,
      [orgB, doc.id],
    );
    const [inReview] = await asOwner<{ id: string }>(
      `INSERT INTO policy_versions (organization_id, policy_id, number, status, title, review_kind) VALUES ($1, $2, 2, 'IN_REVIEW', 'Charte B v2', 'LEGAL') RETURNING id`,
      [orgB, doc.id],
    );
    const [link] = await asOwner<{ id: string }>(
      `INSERT INTO policy_acknowledgement_links (organization_id, staff_id, policy_id, version_id, version, expires_at)
       VALUES ($1, $2, $3, $4, 1, now() + interval '1 day') RETURNING id`,
      [orgB, staff.id, doc.id, published.id],
    );
    await asOwner(
      `INSERT INTO policy_acknowledgements (organization_id, version_id, staff_id, policy_id, link_id) VALUES ($1, $2, $3, $4, $5)`,
      [orgB, published.id, staff.id, doc.id, link.id],
    );
    await asOwner(`INSERT INTO policy_review_settings (organization_id, mode, reviewer_ids) VALUES ($1, 'LEGAL', ARRAY[$2::uuid])`, [
      orgB,
      approverB.userId,
    ]);
    return { staffB: staff.id, conductB: doc.id, conductInReviewB: inReview.id };
  },
  attacks: {
    staff: () => [{ query: '{ staff(first: 10) { edges { node { id email } } } }', options: 'orgB' }],
    importStaff: () => [
      { query: 'mutation { importStaff(input: { csv: "name,email,department\\nX,x@example.test,Y" }) { created } }', options: 'orgB' },
    ],
    removeStaffMember: ({ staffB }) => [
      { query: `mutation { removeStaffMember(input: { staffId: "${staffB}" }) { linksRevoked } }`, options: 'orgB' },
      { query: `mutation { removeStaffMember(input: { staffId: "${staffB}" }) { linksRevoked } }`, options: 'orgA' },
    ],
    requestPolicyAcknowledgements: ({ conductB, staffB }) => [
      { query: `mutation { requestPolicyAcknowledgements(input: { policyId: "${conductB}" }) { requested } }`, options: 'orgB' },
      {
        query: `mutation { requestPolicyAcknowledgements(input: { policyId: "${conductB}", staffIds: ["${staffB}"] }) { requested } }`,
        options: 'orgA',
      },
    ],
    policyReviewSettings: () => [{ query: '{ policyReviewSettings { mode reviewerIds } }', options: 'orgB' }],
    setPolicyReview: ({ memberB }) => [
      { query: `mutation { setPolicyReview(input: { mode: NONE, reviewerIds: [] }) { mode } }`, options: 'orgB' },
      { query: `mutation { setPolicyReview(input: { mode: LEGAL, reviewerIds: ["${memberB}"] }) { mode } }`, options: 'orgB' },
    ],
    recordPolicyReview: ({ conductInReviewB }) => [
      { query: `mutation { recordPolicyReview(input: { versionId: "${conductInReviewB}", verdict: CLEARED }) { id } }`, options: 'orgB' },
      { query: `mutation { recordPolicyReview(input: { versionId: "${conductInReviewB}", verdict: CLEARED }) { id } }`, options: 'orgA' },
    ],
  },
  snapshot: async ({ asOwner, orgB }) => ({
    staff: await asOwner('SELECT id, email, removed_at FROM policy_staff WHERE organization_id = $1 ORDER BY id', [orgB]),
    links: await asOwner('SELECT id, used_at, revoked_at FROM policy_acknowledgement_links WHERE organization_id = $1 ORDER BY id', [orgB]),
    acknowledgements: await asOwner(
      'SELECT version_id, staff_id, version, acknowledged_at FROM policy_acknowledgements WHERE organization_id = $1 AND staff_id IS NOT NULL ORDER BY staff_id',
      [orgB],
    ),
    review: await asOwner('SELECT mode, reviewer_ids FROM policy_review_settings WHERE organization_id = $1', [orgB]),
    versions: await asOwner(
      'SELECT id, status, review_verdict FROM policy_versions WHERE organization_id = $1 AND review_kind IS NOT NULL ORDER BY id',
      [orgB],
    ),
    mails: await asOwner('SELECT count(*)::int AS n FROM mail_outbox WHERE organization_id = $1', [orgB]),
  }),
};
