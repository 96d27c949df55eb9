import type { AttackModule } from './attack-module';

const VERSION_FIELDS = 'id status title updatedAt';

export const policiesAttacks: AttackModule = {
  name: 'policies',
  async setup({ asOwner, orgB, memberB }) {
    // A published policy with a draft revision in B, acknowledged by B's member, and B's rules, written as owner.
    const [doc] = await asOwner<{ id: string }>(
      `INSERT INTO policy_documents (organization_id, kind, language) VALUES ($1, 'PERSONAL_USE', 'fr') RETURNING id`,
      [orgB],
    );
    const [published] = await asOwner<{ id: string }>(
      `INSERT INTO policy_versions (organization_id, policy_id, number, status, title, sections, published_at)
       VALUES ($1, $2, 1, 'PUBLISHED', 'Usage personnel B', '[{"key":"scope","title":"Qui","body":"Tous"}]', now()) RETURNING id`,
      [orgB, doc.id],
    );
    const [draft] = await asOwner<{ id: string }>(
      `INSERT INTO policy_versions (organization_id, policy_id, number, status, title) VALUES ($1, $2, 2, 'DRAFT', 'Brouillon B') RETURNING id`,
      [orgB, doc.id],
    );
    await asOwner(`INSERT INTO policy_acknowledgements (organization_id, version_id, user_id, policy_id) VALUES ($1, $2, $3, $4)`, [
      orgB,
      published.id,
      memberB.userId,
      doc.id,
    ]);
    await asOwner(
      `INSERT INTO comment_handling_rules (organization_id, channel, severity, response_minutes, responsible_role, position) VALUES ($1, '*', 'NORMAL', 60, 'COMMUNITY_MANAGER', 0)`,
      [orgB],
    );
    await asOwner(
      `INSERT INTO content_rule_sets (organization_id, rules) VALUES ($1, '[{"id":"b","kind":"MAX_HASHTAGS","severity":"WARN","max":1}]')`,
      [orgB],
    );
    return { policyB: doc.id, publishedVersionB: published.id, draftVersionB: draft.id };
  },
  attacks: {
    policies: () => [{ query: '{ policies(first: 10) { edges { node { id } } } }', options: 'orgB' }],
    policy: ({ policyB }) => [
      { query: `{ policy(id: "${policyB}") { id latestVersion { title } } }`, options: 'orgB' },
      { query: `{ policy(id: "${policyB}") { id latestVersion { title } } }`, options: 'orgA' },
    ],
    policyVersion: ({ publishedVersionB }) => [
      { query: `{ policyVersion(id: "${publishedVersionB}") { id sections { body } } }`, options: 'orgB' },
      { query: `{ policyVersion(id: "${publishedVersionB}") { id sections { body } } }`, options: 'orgA' },
    ],
    policyVersions: ({ policyB }) => [
      { query: `{ policyVersions(policyId: "${policyB}", first: 5) { edges { node { id } } } }`, options: 'orgB' },
      { query: `{ policyVersions(policyId: "${policyB}", first: 5) { edges { node { id } } } }`, options: 'orgA' },
    ],
    policyHistory: ({ policyB }) => [
      { query: `{ policyHistory(policyId: "${policyB}", first: 5) { edges { node { id } } } }`, options: 'orgB' },
      { query: `{ policyHistory(policyId: "${policyB}", first: 5) { edges { node { id } } } }`, options: 'orgA' },
    ],
    policyTemplates: () => [{ query: '{ policyTemplates { kind } }', options: 'orgB' }],
    policyAcknowledgements: ({ policyB }) => [
      {
        query: `{ policyAcknowledgements(policyId: "${policyB}") { memberCount acknowledged(first: 5) { edges { node { userId } } } } }`,
        options: 'orgB',
      },
      {
        query: `{ policyAcknowledgements(policyId: "${policyB}") { memberCount acknowledged(first: 5) { edges { node { userId } } } } }`,
        options: 'orgA',
      },
    ],
    commentHandlingRules: () => [{ query: '{ commentHandlingRules { rules { channel } } }', options: 'orgB' }],
    commentResponseDue: () => [
      { query: '{ commentResponseDue(input: { network: "mastodon", severity: NORMAL }) { dueAt } }', options: 'orgB' },
    ],
    contentRules: () => [{ query: '{ contentRules { rules version } }', options: 'orgB' }],
    checkContent: () => [{ query: '{ checkContent(input: { text: "#a #b" }) { blocked } }', options: 'orgB' }],
    createPolicy: () => [{ query: 'mutation { createPolicy(input: { kind: USAGE_GUIDE, language: FR }) { id } }', options: 'orgB' }],
    updatePolicyDraft: ({ draftVersionB }) => [
      { query: `mutation { updatePolicyDraft(input: { versionId: "${draftVersionB}", title: "pwned" }) { id } }`, options: 'orgB' },
      { query: `mutation { updatePolicyDraft(input: { versionId: "${draftVersionB}", title: "pwned" }) { id } }`, options: 'orgA' },
    ],
    submitPolicyForReview: ({ draftVersionB }) => [
      { query: `mutation { submitPolicyForReview(input: { versionId: "${draftVersionB}" }) { id } }`, options: 'orgB' },
      { query: `mutation { submitPolicyForReview(input: { versionId: "${draftVersionB}" }) { id } }`, options: 'orgA' },
    ],
    approvePolicyVersion: ({ draftVersionB }) => [
      { query: `mutation { approvePolicyVersion(input: { versionId: "${draftVersionB}" }) { id } }`, options: 'orgB' },
      { query: `mutation { approvePolicyVersion(input: { versionId: "${draftVersionB}" }) { id } }`, options: 'orgA' },
    ],
    returnPolicyToDraft: ({ draftVersionB }) => [
      { query: `mutation { returnPolicyToDraft(input: { versionId: "${draftVersionB}", comment: "x" }) { id } }`, options: 'orgB' },
      { query: `mutation { returnPolicyToDraft(input: { versionId: "${draftVersionB}", comment: "x" }) { id } }`, options: 'orgA' },
    ],
    publishPolicyVersion: ({ draftVersionB }) => [
      { query: `mutation { publishPolicyVersion(input: { versionId: "${draftVersionB}" }) { id } }`, options: 'orgB' },
      { query: `mutation { publishPolicyVersion(input: { versionId: "${draftVersionB}" }) { id } }`, options: 'orgA' },
    ],
    startPolicyRevision: ({ policyB }) => [
      { query: `mutation { startPolicyRevision(input: { policyId: "${policyB}" }) { id } }`, options: 'orgB' },
      { query: `mutation { startPolicyRevision(input: { policyId: "${policyB}" }) { id } }`, options: 'orgA' },
    ],
    policiesToAcknowledge: () => [{ query: '{ policiesToAcknowledge { id title } }', options: 'orgB' }],
    acknowledgePolicyVersion: ({ publishedVersionB }) => [
      { query: `mutation { acknowledgePolicyVersion(input: { versionId: "${publishedVersionB}" }) { userId } }`, options: 'orgB' },
      { query: `mutation { acknowledgePolicyVersion(input: { versionId: "${publishedVersionB}" }) { userId } }`, options: 'orgA' },
    ],
    setCommentHandlingRules: () => [
      { query: 'mutation { setCommentHandlingRules(input: { rules: [] }) { rules { channel } } }', options: 'orgB' },
    ],
    setContentRules: () => [{ query: 'mutation { setContentRules(input: { rules: [] }) { version } }', options: 'orgB' }],
  },
  snapshot: async ({ api, b, orgB, asOwner }) => ({
    acknowledgements: await asOwner(
      'SELECT version_id, user_id, acknowledged_at FROM policy_acknowledgements WHERE organization_id = $1 ORDER BY user_id',
      [orgB],
    ),
    events: await asOwner('SELECT count(*)::int AS n FROM policy_events WHERE organization_id = $1', [orgB]),
    api: await api.ok(
      `{ policies(first: 20) { edges { node { id status latestVersion { ${VERSION_FIELDS} } publishedVersion { ${VERSION_FIELDS} } } } }
         commentHandlingRules { rules { channel severity responseMinutes } updatedAt }
         contentRules { rules version updatedAt } }`,
      {},
      { token: b.token, organizationId: orgB },
    ),
  }),
};
