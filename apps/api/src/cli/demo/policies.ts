/**
 * Demo policies, through the public API: each demo organisation gets policies in
 * various states (draft, in review, approved, published and acknowledged), comment-
 * handling rules and content rules. Idempotent: each policy is advanced from the
 * state it is in towards its target; rules are replaced by the same set.
 */
type Must = <T>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) => Promise<T>;
type LogIn = (email: string) => Promise<string | null>;

type Target = 'DRAFT' | 'IN_REVIEW' | 'APPROVED' | 'PUBLISHED';
const ORDER: Target[] = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED'];

/** Target state of each kind, by demo client. */
const PLAN: Record<string, Partial<Record<string, Target>>> = {
  boulangerie: { EDITORIAL_POLICY: 'PUBLISHED', COMMENT_HANDLING: 'IN_REVIEW', USAGE_GUIDE: 'DRAFT' },
  mutuelle: { USAGE_GUIDE: 'APPROVED', PERSONAL_USE: 'PUBLISHED', CODE_OF_CONDUCT: 'DRAFT', EDITORIAL_POLICY: 'PUBLISHED' },
  velo: { USAGE_GUIDE: 'PUBLISHED', EDITORIAL_POLICY: 'PUBLISHED', COMMENT_HANDLING: 'PUBLISHED', PERSONAL_USE: 'APPROVED' },
};

/** Members who have read the published policies (the others stay pending). */
const READERS = ['community-manager', 'content-lead', 'analyst'];

const CONTENT_RULES = (locale: string) => [
  {
    id: 'sponsored',
    kind: 'REQUIRED_DISCLOSURE',
    severity: 'BLOCK',
    contentKinds: ['sponsored'],
    anyOf: locale === 'fr' ? ['#pub', 'partenariat rémunéré'] : ['#ad', 'paid partnership'],
  },
  { id: 'hashtags', kind: 'MAX_HASHTAGS', severity: 'WARN', max: 3 },
  { id: 'shorteners', kind: 'FORBIDDEN_LINK_DOMAINS', severity: 'WARN', domains: ['bit.ly', 'tinyurl.com'] },
];

const COMMENT_RULES = (locale: string) => [
  { channel: '*', severity: 'LOW', responseMinutes: 2880, responsibleRole: 'COMMUNITY_MANAGER' },
  {
    channel: '*',
    severity: 'NORMAL',
    responseMinutes: 480,
    responsibleRole: 'COMMUNITY_MANAGER',
    replyTemplates: [
      {
        language: locale,
        text:
          locale === 'fr'
            ? 'Merci pour votre message, nous revenons vers vous rapidement.'
            : 'Thank you for your message, we will get back to you shortly.',
      },
    ],
  },
  { channel: 'mastodon', severity: 'NORMAL', responseMinutes: 240, responsibleRole: 'COMMUNITY_MANAGER' },
  { channel: '*', severity: 'HIGH', responseMinutes: 120, responsibleRole: 'CONTENT_LEAD' },
  { channel: '*', severity: 'CRISIS', responseMinutes: 30, responsibleRole: 'STRATEGY_LEAD', escalate: true },
];

interface Doc {
  id: string;
  kind: string;
  latestVersion: { id: string; status: string } | null;
  publishedVersion: { id: string } | null;
}

export async function seedDemoPolicies(
  must: Must,
  logIn: LogIn,
  ownerAuth: Record<string, string>,
  clients: readonly { slug: string; name: string; locale: string }[],
): Promise<void> {
  const orgs = await must<{ organizations: { edges: { node: { id: string; name: string } }[] } }>(
    '{ organizations(first: 100) { edges { node { id name } } } }',
    {},
    ownerAuth,
  );
  for (const client of clients) {
    const orgId = orgs.organizations.edges.find((e) => e.node.name === client.name)?.node.id;
    if (!orgId) continue;
    const as = async (role: string) => {
      const token = await logIn(`${role}@${client.slug}.demo`);
      if (!token) throw new Error(`cannot log in as ${role}@${client.slug}.demo`);
      return { authorization: `Bearer ${token}`, 'x-socle-organization': orgId };
    };
    const lead = await as('strategy-lead');
    const approver = await as('executive-approver');
    const list = await must<{ policies: { edges: { node: Doc }[] } }>(
      '{ policies(first: 20) { edges { node { id kind latestVersion { id status } publishedVersion { id } } } } }',
      {},
      lead,
    );
    for (const [kind, target] of Object.entries(PLAN[client.slug] ?? {})) {
      let doc = list.policies.edges.find((e) => e.node.kind === kind)?.node;
      if (!doc) {
        doc = (
          await must<{ createPolicy: Doc }>(
            'mutation ($input: CreatePolicyInput!) { createPolicy(input: $input) { id kind latestVersion { id status } publishedVersion { id } } }',
            { input: { kind, language: client.locale, fromTemplate: true } },
            lead,
          )
        ).createPolicy;
      }
      const version = doc.latestVersion;
      if (!version || !target) continue;
      const steps: [string, string, Record<string, string>][] = [
        ['submitPolicyForReview', 'PolicyVersionInput', lead],
        ['approvePolicyVersion', 'ApprovePolicyVersionInput', approver],
        ['publishPolicyVersion', 'PolicyVersionInput', lead],
      ];
      for (let at = ORDER.indexOf(version.status as Target); at >= 0 && at < ORDER.indexOf(target); at += 1) {
        const [mutation, inputType, auth] = steps[at];
        await must(`mutation ($input: ${inputType}!) { ${mutation}(input: $input) { id } }`, { input: { versionId: version.id } }, auth);
      }
      if (target === 'PUBLISHED') {
        for (const reader of READERS) {
          await must(
            'mutation ($input: PolicyVersionInput!) { acknowledgePolicyVersion(input: $input) { userId } }',
            { input: { versionId: version.id } },
            await as(reader),
          );
        }
      }
    }
    await must(
      'mutation ($input: SetCommentHandlingRulesInput!) { setCommentHandlingRules(input: $input) { updatedAt } }',
      { input: { rules: COMMENT_RULES(client.locale) } },
      lead,
    );
    const rules = await must<{ contentRules: { version: number } }>('{ contentRules { version } }', {}, lead);
    if (rules.contentRules.version === 0) {
      await must(
        'mutation ($input: SetContentRulesInput!) { setContentRules(input: $input) { version } }',
        { input: { rules: CONTENT_RULES(client.locale) } },
        lead,
      );
    }
  }
}
