/**
 * Demo policies, through the public API: each demo organisation gets policies in
 * various states (draft, in review, approved, published and acknowledged), each
 * rewritten from its starter template in the client's words before it goes to review;
 * the mutual's pass its legal department's review. Comment-handling rules (with the
 * bakery's and the bicycle maker's counted in opening hours) and content rules differ
 * per client; the mutual and the bicycle maker import their staff list. Idempotent:
 * each policy is advanced from the state it is in towards its target; rules are
 * replaced by the same set; the staff import updates the people already listed.
 */
import { actingAs, apiLocale, clientIds, type DemoCall, type LogIn } from './calls';
import { DEMO_PEOPLE, loginOf } from './people';
import { POLICY_EDITS, STAFF_LISTS } from './policy-texts';

type Target = 'DRAFT' | 'IN_REVIEW' | 'APPROVED' | 'PUBLISHED';
const ORDER: Target[] = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED'];

/** Target state of each kind, by demo client. */
const PLAN: Record<string, Partial<Record<string, Target>>> = {
  boulangerie: { EDITORIAL_POLICY: 'PUBLISHED', COMMENT_HANDLING: 'IN_REVIEW', USAGE_GUIDE: 'DRAFT' },
  mutuelle: { USAGE_GUIDE: 'APPROVED', PERSONAL_USE: 'PUBLISHED', CODE_OF_CONDUCT: 'DRAFT', EDITORIAL_POLICY: 'PUBLISHED' },
  velo: { USAGE_GUIDE: 'PUBLISHED', EDITORIAL_POLICY: 'PUBLISHED', COMMENT_HANDLING: 'PUBLISHED', PERSONAL_USE: 'APPROVED' },
};

/** The policy each client's staff list is asked to acknowledge. */
const STAFF_ASKED: Record<string, string> = { mutuelle: 'PERSONAL_USE', velo: 'USAGE_GUIDE' };

/** Members who have read the published policies (the others stay pending); addresses by role, resolved to their holder. */
const READERS = ['community-manager', 'content-lead', 'analyst'];

const SPONSORED = (locale: string) => ({
  id: 'sponsored',
  kind: 'REQUIRED_DISCLOSURE',
  severity: 'BLOCK',
  contentKinds: ['sponsored'],
  anyOf: locale === 'fr' ? ['#pub', 'partenariat rémunéré'] : ['#ad', 'paid partnership'],
});

/** Content rules: what each client watches for in its own posts. */
const CONTENT_RULES: Record<string, Record<string, unknown>[]> = {
  boulangerie: [
    { id: 'hashtags', kind: 'MAX_HASHTAGS', severity: 'WARN', max: 3 },
    { id: 'mots', kind: 'AVOID_WORDS', severity: 'WARN', words: ['industriel', 'surgelé', 'low cost'] },
    { id: 'vous', kind: 'ADDRESS_FORM', severity: 'WARN', form: 'vous' },
  ],
  mutuelle: [
    SPONSORED('fr'),
    { id: 'sante', kind: 'AVOID_WORDS', severity: 'BLOCK', words: ['diagnostic', 'dossier médical', 'numéro de sécurité sociale'] },
    { id: 'ton', kind: 'AVOID_WORDS', severity: 'WARN', words: ['sinistre', 'franchise', 'refus de prise en charge'] },
    { id: 'vous', kind: 'ADDRESS_FORM', severity: 'BLOCK', form: 'vous' },
    { id: 'hashtags', kind: 'MAX_HASHTAGS', severity: 'WARN', max: 2 },
    { id: 'shorteners', kind: 'FORBIDDEN_LINK_DOMAINS', severity: 'WARN', domains: ['bit.ly', 'tinyurl.com'] },
  ],
  velo: [
    SPONSORED('en'),
    { id: 'words', kind: 'AVOID_WORDS', severity: 'WARN', words: ['cheap', 'unbreakable', 'best in the world'] },
    { id: 'hashtags', kind: 'MAX_HASHTAGS', severity: 'WARN', max: 4 },
    { id: 'shorteners', kind: 'FORBIDDEN_LINK_DOMAINS', severity: 'WARN', domains: ['bit.ly', 'tinyurl.com'] },
  ],
};

const reply = (language: string, text: string) => [{ language: apiLocale(language), text }];

/** Comment-handling rules: how fast, who answers, counted in opening hours or round the clock. */
const COMMENT_RULES: Record<string, Record<string, unknown>[]> = {
  // Two people and a shop: answered within the day the shop is open, Thomas first, Sophie when it matters.
  boulangerie: [
    { channel: '*', severity: 'LOW', responseMinutes: 1440, responsibleRole: 'COMMUNITY_MANAGER', businessHours: true },
    {
      channel: '*',
      severity: 'NORMAL',
      responseMinutes: 480,
      responsibleRole: 'COMMUNITY_MANAGER',
      businessHours: true,
      replyTemplates: reply('fr', 'Merci pour votre message ! Passez nous voir en boutique ou appelez-nous au 04 50 00 00 00.'),
    },
    { channel: '*', severity: 'HIGH', responseMinutes: 120, responsibleRole: 'STRATEGY_LEAD', businessHours: true },
    { channel: '*', severity: 'CRISIS', responseMinutes: 60, responsibleRole: 'STRATEGY_LEAD', escalate: true },
  ],
  // Members' questions in office hours; anything that looks like a crisis round the clock, to the crisis cell.
  mutuelle: [
    { channel: '*', severity: 'LOW', responseMinutes: 2880, responsibleRole: 'COMMUNITY_MANAGER', businessHours: true },
    {
      channel: '*',
      severity: 'NORMAL',
      responseMinutes: 240,
      responsibleRole: 'COMMUNITY_MANAGER',
      businessHours: true,
      replyTemplates: reply(
        'fr',
        'Bonjour, merci pour votre message. Pour votre dossier, écrivez-nous en message privé ou depuis votre espace adhérent : nous ne traitons aucune information de santé en public.',
      ),
    },
    { channel: '*', severity: 'HIGH', responseMinutes: 60, responsibleRole: 'CONTENT_LEAD', businessHours: true },
    { channel: '*', severity: 'CRISIS', responseMinutes: 30, responsibleRole: 'STRATEGY_LEAD', escalate: true },
  ],
  velo: [
    { channel: '*', severity: 'LOW', responseMinutes: 2880, responsibleRole: 'COMMUNITY_MANAGER', businessHours: true },
    {
      channel: '*',
      severity: 'NORMAL',
      responseMinutes: 480,
      responsibleRole: 'COMMUNITY_MANAGER',
      businessHours: true,
      replyTemplates: reply('en', 'Thanks for riding with us! Our workshop team in Vevey will get back to you today.'),
    },
    { channel: 'bluesky', severity: 'NORMAL', responseMinutes: 240, responsibleRole: 'COMMUNITY_MANAGER', businessHours: true },
    { channel: '*', severity: 'HIGH', responseMinutes: 120, responsibleRole: 'CONTENT_LEAD' },
    { channel: '*', severity: 'CRISIS', responseMinutes: 30, responsibleRole: 'EXECUTIVE_APPROVER', escalate: true },
  ],
};

interface Section {
  key: string;
  title: string;
  body: string;
}

interface Doc {
  id: string;
  kind: string;
  latestVersion: { id: string; status: string; title: string; sections: Section[]; review: { verdict: string | null } | null } | null;
  publishedVersion: { id: string } | null;
}

const DOC = 'id kind latestVersion { id status title sections { key title body } review { verdict } } publishedVersion { id }';

export async function seedDemoPolicies(
  must: DemoCall,
  logIn: LogIn,
  ownerAuth: Record<string, string>,
  clients: readonly { slug: string; name: string; locale: string }[],
): Promise<void> {
  const ids = await clientIds(must, ownerAuth);
  for (const client of clients) {
    const orgId = ids.get(client.name);
    if (!orgId) continue;
    const as = actingAs(logIn, client.slug, orgId);
    const lead = await as('strategy-lead');
    const approver = await as('executive-approver');

    // The mutual's policies go through its legal department before the general management approves them.
    const reviewer = (DEMO_PEOPLE[client.slug] ?? []).find((p) => p.login === 'juriste');
    let legal: Record<string, string> | null = null;
    if (reviewer) {
      legal = await as(loginOf(reviewer));
      const members = await must<{ members: { edges: { node: { userId: string; user: { email: string } } }[] } }>(
        '{ members(first: 100) { edges { node { userId user { email } } } } }',
        {},
        lead,
      );
      const reviewerId = members.members.edges.find((e) => e.node.user.email === `${loginOf(reviewer)}@${client.slug}.demo`)?.node.userId;
      const settings = await must<{ policyReviewSettings: { mode: string } }>('{ policyReviewSettings { mode } }', {}, lead);
      if (reviewerId && settings.policyReviewSettings.mode !== 'LEGAL') {
        await must(
          'mutation ($input: SetPolicyReviewInput!) { setPolicyReview(input: $input) { mode } }',
          { input: { mode: 'LEGAL', reviewerIds: [reviewerId] } },
          lead,
        );
      }
    }

    // The staff list who must know the policies (people without a Socle account), as HR exports it.
    const staff = STAFF_LISTS[client.slug];
    if (staff) {
      await must('mutation ($input: ImportStaffInput!) { importStaff(input: $input) { total } }', { input: { csv: staff } }, lead);
    }

    const list = await must<{ policies: { edges: { node: Doc }[] } }>(`{ policies(first: 20) { edges { node { ${DOC} } } } }`, {}, lead);
    for (const [kind, target] of Object.entries(PLAN[client.slug] ?? {})) {
      let doc = list.policies.edges.find((e) => e.node.kind === kind)?.node;
      if (!doc) {
        doc = (
          await must<{ createPolicy: Doc }>(
            `mutation ($input: CreatePolicyInput!) { createPolicy(input: $input) { ${DOC} } }`,
            { input: { kind, language: apiLocale(client.locale), fromTemplate: true } },
            lead,
          )
        ).createPolicy;
      }
      const version = doc.latestVersion;
      if (!version || !target) continue;
      // The client's own words in place of the template's, section by section, while the version is a draft.
      const edit = POLICY_EDITS[client.slug]?.[kind];
      if (edit && version.status === 'DRAFT') {
        const sections = version.sections.map((s) => ({ key: s.key, title: s.title, body: edit.sections[s.key] ?? s.body }));
        const title = edit.title ?? version.title;
        if (title !== version.title || sections.some((s, i) => s.body !== version.sections[i].body)) {
          await must(
            'mutation ($input: UpdatePolicyDraftInput!) { updatePolicyDraft(input: $input) { id } }',
            { input: { versionId: version.id, title, sections } },
            lead,
          );
        }
      }
      const steps: [string, string, Record<string, string>][] = [
        ['submitPolicyForReview', 'PolicyVersionInput', lead],
        ['approvePolicyVersion', 'ApprovePolicyVersionInput', approver],
        ['publishPolicyVersion', 'PolicyVersionInput', lead],
      ];
      let review = version.review;
      for (let at = ORDER.indexOf(version.status as Target); at >= 0 && at < ORDER.indexOf(target); at += 1) {
        const [mutation, inputType, auth] = steps[at];
        if (mutation === 'approvePolicyVersion' && legal && review?.verdict !== 'CLEARED') {
          await must(
            'mutation ($input: RecordPolicyReviewInput!) { recordPolicyReview(input: $input) { id } }',
            { input: { versionId: version.id, verdict: 'CLEARED', comment: 'Relu : conforme au RGPD et au secret médical.' } },
            legal,
          );
        }
        const moved = await must<Record<string, { review: { verdict: string | null } | null }>>(
          `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { id review { verdict } } }`,
          { input: { versionId: version.id } },
          auth,
        );
        review = moved[mutation].review;
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
      { input: { rules: COMMENT_RULES[client.slug] ?? [] } },
      lead,
    );
    const rules = await must<{ contentRules: { version: number } }>('{ contentRules { version } }', {}, lead);
    if (rules.contentRules.version === 0) {
      await must(
        'mutation ($input: SetContentRulesInput!) { setContentRules(input: $input) { version } }',
        { input: { rules: CONTENT_RULES[client.slug] ?? [] } },
        lead,
      );
    }
    // The staff are asked (once) to acknowledge the policy meant for them; without SMTP_URL the mails wait in the outbox.
    const asked = STAFF_ASKED[client.slug];
    const policy =
      asked &&
      (
        await must<{ policies: { edges: { node: Doc }[] } }>(`{ policies(first: 20) { edges { node { ${DOC} } } } }`, {}, lead)
      ).policies.edges.find((e) => e.node.kind === asked && e.node.publishedVersion)?.node;
    if (policy) {
      const summary = await must<{ policyAcknowledgements: { staff: { linkedCount: number } } }>(
        'query ($id: ID!) { policyAcknowledgements(policyId: $id) { staff { linkedCount } } }',
        { id: policy.id },
        lead,
      );
      if (summary.policyAcknowledgements.staff.linkedCount === 0) {
        await must(
          'mutation ($input: RequestPolicyAcknowledgementsInput!) { requestPolicyAcknowledgements(input: $input) { requested } }',
          { input: { policyId: policy.id, expiresInDays: 30 } },
          lead,
        );
      }
    }
  }
}
