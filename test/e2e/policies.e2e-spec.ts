import type { Client } from 'pg';
import { inUnitOfWork, DATA_SOURCE } from '@socle/platform-database';
import { EvidenceRegistry } from '@socle/platform-evidence';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import type { DataSource } from 'typeorm';
import { adminDatabase, COUNTED_PAGE, CountedPage, countedOverPages, firstError } from './e2e-support';

interface Version {
  id: string;
  number: number;
  status: string;
  title: string;
  sections: { key: string; title: string; body: string }[];
  updatedAt: string;
}

const VERSION = 'id number status title sections { key title body } updatedAt approvedBy approvedAt publishedAt supersededAt returnComment';

describe('policies over GraphQL', () => {
  let api: TestApi;
  let admin: Client;
  let owner: AgencySession;
  let org: string;
  let lead: { token: string; userId: string };
  let approver: { token: string; userId: string };
  let cm: { token: string; userId: string };
  let contentLead: { token: string; userId: string };

  const as = (who: { token: string }) => ({ token: who.token, organizationId: org });
  const readVersion = async (id: string) =>
    (await api.ok<{ policyVersion: Version }>(`query ($id: ID!) { policyVersion(id: $id) { ${VERSION} } }`, { id }, as(lead)))
      .policyVersion;
  const INPUT_TYPES: Record<string, string> = {
    updatePolicyDraft: 'UpdatePolicyDraftInput',
    submitPolicyForReview: 'PolicyVersionInput',
    approvePolicyVersion: 'ApprovePolicyVersionInput',
    returnPolicyToDraft: 'ReturnPolicyToDraftInput',
    publishPolicyVersion: 'PolicyVersionInput',
  };
  const move = (mutation: string, who: { token: string }, input: Record<string, unknown>) =>
    api.gql<Record<string, Version>>(
      `mutation ($input: ${INPUT_TYPES[mutation]}!) { ${mutation}(input: $input) { ${VERSION} } }`,
      { input },
      as(who),
    );

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Politiques');
    org = await createOrganization(api, owner, 'Boulangerie Politique');
    lead = await addOrganizationMember(api, owner, org, ['STRATEGY_LEAD']);
    approver = await addOrganizationMember(api, owner, org, ['EXECUTIVE_APPROVER']);
    cm = await addOrganizationMember(api, owner, org, ['COMMUNITY_MANAGER']);
    contentLead = await addOrganizationMember(api, owner, org, ['CONTENT_LEAD']);
  });
  afterAll(async () => {
    await admin?.end();
    await api.stop();
  });

  it('takes a policy from template to publication, then counts acknowledgements', async () => {
    const templates = await api.ok<{ policyTemplates: { kind: string; language: string; sections: { key: string }[] }[] }>(
      '{ policyTemplates(kind: EDITORIAL_POLICY, language: FR) { kind language sections { key } } }',
      {},
      as(cm),
    );
    expect(templates.policyTemplates).toEqual([
      { kind: 'EDITORIAL_POLICY', language: 'FR', sections: ['who', 'what', 'where', 'how', 'results'].map((key) => ({ key })) },
    ]);

    const created = await api.ok<{ createPolicy: { id: string; status: string; latestVersion: Version } }>(
      `mutation { createPolicy(input: { kind: EDITORIAL_POLICY, language: FR, fromTemplate: true }) { id status latestVersion { ${VERSION} } } }`,
      {},
      as(lead),
    );
    const policyId = created.createPolicy.id;
    const v1 = created.createPolicy.latestVersion;
    expect(created.createPolicy.status).toBe('DRAFT');
    expect(v1).toMatchObject({ number: 1, status: 'DRAFT', title: 'Politique éditoriale' });
    expect(v1.sections.map((s) => s.key)).toEqual(['who', 'what', 'where', 'how', 'results']);

    const again = await api.gql('mutation { createPolicy(input: { kind: EDITORIAL_POLICY, language: EN }) { id } }', {}, as(lead));
    expect(firstError(again).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.kind' });

    const sections = [
      { key: 'who', title: 'Qui ?', body: 'La community manager, approuvée par la direction.' },
      { key: 'what', title: 'Quoi ?', body: 'Le pain, le quartier, les saisons.' },
    ];
    const edited = await move('updatePolicyDraft', cm, { versionId: v1.id, title: 'Notre ligne éditoriale', sections });
    expect(edited.body.errors).toBeUndefined();
    expect(edited.body.data?.updatePolicyDraft).toMatchObject({ title: 'Notre ligne éditoriale', sections, status: 'DRAFT' });

    expect((await move('submitPolicyForReview', cm, { versionId: v1.id })).body.data?.submitPolicyForReview.status).toBe('IN_REVIEW');

    // A strategy lead may edit and publish, not approve: refused by the permission, nothing changes.
    const before = await readVersion(v1.id);
    const notExecutive = await move('approvePolicyVersion', lead, { versionId: v1.id });
    expect(firstError(notExecutive).extensions.code).toBe('FORBIDDEN');
    expect(await readVersion(v1.id)).toEqual(before);

    const approved = await move('approvePolicyVersion', approver, { versionId: v1.id, comment: 'Bon pour moi.' });
    expect(approved.body.data?.approvePolicyVersion).toMatchObject({ status: 'APPROVED', approvedBy: approver.userId });

    // An approved version is frozen: through the API (reason NOT_EDITABLE) and in SQL (the trigger).
    const frozen = await readVersion(v1.id);
    const edit = await move('updatePolicyDraft', cm, { versionId: v1.id, title: 'Changement en douce' });
    expect(firstError(edit).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NOT_EDITABLE',
      field: 'input.versionId',
      status: 'APPROVED',
    });
    expect(firstError(edit).message).toMatch(/Nothing was changed/);
    expect(await readVersion(v1.id)).toEqual(frozen);
    await expect(admin.query("UPDATE policy_versions SET title = 'par la base' WHERE id = $1", [v1.id])).rejects.toThrow(
      /can no longer be edited/,
    );
    await expect(admin.query("UPDATE policy_versions SET status = 'DRAFT' WHERE id = $1", [v1.id])).rejects.toThrow(
      /cannot go from APPROVED to DRAFT/,
    );
    expect(await readVersion(v1.id)).toEqual(frozen);

    const published = await move('publishPolicyVersion', lead, { versionId: v1.id });
    expect(published.body.data?.publishPolicyVersion).toMatchObject({ status: 'PUBLISHED' });

    const ACKS = `query ($id: ID!) { policyAcknowledgements(policyId: $id) { memberCount acknowledgedCount pendingCount share version { id number }
      acknowledged(first: 50) { edges { node { userId displayName acknowledgedAt } } } pending(first: 50) { edges { node { userId acknowledgedAt } } } } }`;
    type Acks = {
      policyAcknowledgements: {
        memberCount: number;
        acknowledgedCount: number;
        pendingCount: number;
        share: number;
        version: { id: string } | null;
        acknowledged: { edges: { node: { userId: string; acknowledgedAt: string } }[] };
        pending: { edges: { node: { userId: string } }[] };
      };
    };
    const none = await api.ok<Acks>(ACKS, { id: policyId }, as(cm));
    expect(none.policyAcknowledgements).toMatchObject({
      memberCount: 4,
      acknowledgedCount: 0,
      pendingCount: 4,
      share: 0,
      version: { id: v1.id },
    });

    const TO_ACK = '{ policiesToAcknowledge { id number status } }';
    expect((await api.ok<{ policiesToAcknowledge: { id: string }[] }>(TO_ACK, {}, as(cm))).policiesToAcknowledge.map((v) => v.id)).toEqual([
      v1.id,
    ]);
    const ACK = 'mutation ($input: PolicyVersionInput!) { acknowledgePolicyVersion(input: $input) { versionId userId acknowledgedAt } }';
    const first = await api.ok<{ acknowledgePolicyVersion: { userId: string; acknowledgedAt: string } }>(
      ACK,
      { input: { versionId: v1.id } },
      as(cm),
    );
    expect(first.acknowledgePolicyVersion.userId).toBe(cm.userId);
    const twice = await api.ok<{ acknowledgePolicyVersion: { acknowledgedAt: string } }>(ACK, { input: { versionId: v1.id } }, as(cm));
    expect(twice.acknowledgePolicyVersion.acknowledgedAt).toBe(first.acknowledgePolicyVersion.acknowledgedAt);
    // Once acknowledged, nothing is left to read for that member; others still have it.
    expect((await api.ok<{ policiesToAcknowledge: unknown[] }>(TO_ACK, {}, as(cm))).policiesToAcknowledge).toEqual([]);
    expect(
      (await api.ok<{ policiesToAcknowledge: { id: string }[] }>(TO_ACK, {}, as(approver))).policiesToAcknowledge.map((v) => v.id),
    ).toEqual([v1.id]);
    await api.ok(ACK, { input: { versionId: v1.id } }, as(approver));
    // Agency staff who are not members of the client have nothing to acknowledge.
    expect(firstError(await api.gql(ACK, { input: { versionId: v1.id } }, as(owner))).extensions.code).toBe('FORBIDDEN');

    const late = await addOrganizationMember(api, owner, org, ['VIEWER']);
    const some = (await api.ok<Acks>(ACKS, { id: policyId }, as(cm))).policyAcknowledgements;
    expect(some).toMatchObject({ memberCount: 5, acknowledgedCount: 2, pendingCount: 3, share: 0.4 });
    expect(some.acknowledged.edges.map((e) => e.node.userId)).toEqual([cm.userId, approver.userId]);
    expect(some.pending.edges.map((e) => e.node.userId).sort()).toEqual([lead.userId, contentLead.userId, late.userId].sort());

    const history = await api.ok<{
      policyHistory: {
        edges: { node: { action: string; fromStatus: string | null; toStatus: string; actorId: string; comment: string | null } }[];
      };
    }>(
      'query ($id: ID!) { policyHistory(policyId: $id, first: 20) { edges { node { action fromStatus toStatus actorId comment } } } }',
      { id: policyId },
      as(cm),
    );
    expect(history.policyHistory.edges.map((e) => e.node)).toEqual([
      { action: 'CREATED', fromStatus: null, toStatus: 'DRAFT', actorId: lead.userId, comment: 'from template' },
      { action: 'SUBMITTED', fromStatus: 'DRAFT', toStatus: 'IN_REVIEW', actorId: cm.userId, comment: null },
      { action: 'APPROVED', fromStatus: 'IN_REVIEW', toStatus: 'APPROVED', actorId: approver.userId, comment: 'Bon pour moi.' },
      { action: 'PUBLISHED', fromStatus: 'APPROVED', toStatus: 'PUBLISHED', actorId: lead.userId, comment: null },
    ]);
    const audit = await api.ok<{ auditLog: { edges: { node: { action: string; targetId: string } }[] } }>(
      '{ auditLog(first: 50) { edges { node { action targetId } } } }',
      {},
      as(owner),
    );
    const policyActions = audit.auditLog.edges.filter((e) => e.node.targetId === policyId).map((e) => e.node.action);
    expect(policyActions).toEqual(
      expect.arrayContaining([
        'policy.created',
        'policy.draft_updated',
        'policy.submitted',
        'policy.approved',
        'policy.published',
        'policy.acknowledged',
      ]),
    );

    // A revision copies the text; the next publication supersedes version 1 and asks everyone again.
    const revision = await api.ok<{ startPolicyRevision: Version }>(
      `mutation ($input: StartPolicyRevisionInput!) { startPolicyRevision(input: $input) { ${VERSION} } }`,
      { input: { policyId } },
      as(lead),
    );
    expect(revision.startPolicyRevision).toMatchObject({ number: 2, status: 'DRAFT', title: 'Notre ligne éditoriale', sections });
    const second = await api.gql(
      'mutation ($input: StartPolicyRevisionInput!) { startPolicyRevision(input: $input) { id } }',
      { input: { policyId } },
      as(lead),
    );
    expect(firstError(second).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OPEN_VERSION_EXISTS' });
    const v2 = revision.startPolicyRevision.id;
    await move('submitPolicyForReview', lead, { versionId: v2 });
    await move('approvePolicyVersion', approver, { versionId: v2 });
    expect((await move('publishPolicyVersion', approver, { versionId: v2 })).body.data?.publishPolicyVersion.status).toBe('PUBLISHED');
    expect(await readVersion(v1.id)).toMatchObject({ status: 'SUPERSEDED', supersededAt: expect.any(String) });
    expect((await api.ok<Acks>(ACKS, { id: policyId }, as(cm))).policyAcknowledgements).toMatchObject({
      acknowledgedCount: 0,
      memberCount: 5,
      version: { id: v2 },
    });
    const stale = await api.gql(ACK, { input: { versionId: v1.id } }, as(cm));
    expect(firstError(stale).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_PUBLISHED' });

    const evidence = await inUnitOfWork(api.app.get<DataSource>(DATA_SOURCE), { organizationId: org }, (uow) =>
      api.app
        .get(EvidenceRegistry)
        .compute({ uow, organizationId: org, at: new Date() }, [
          'policies.editorialPolicy',
          'policies.fourKindsApproved',
          'policies.acknowledged',
        ]),
    );
    expect(evidence.get('policies.editorialPolicy')).toMatchObject({ value: 'PUBLISHED', score: 1 });
    expect(evidence.get('policies.fourKindsApproved')).toMatchObject({ value: 1, score: 0.25 });
    expect(evidence.get('policies.fourKindsApproved')?.explanation.en).toMatch(
      /^1 of 4 policy kinds approved; the usage guide has not been started/,
    );
    expect(evidence.get('policies.acknowledged')).toMatchObject({ value: 0, score: 0 });
  });

  it('refuses transitions out of order and changes nothing', async () => {
    const created = await api.ok<{ createPolicy: { id: string; latestVersion: Version } }>(
      `mutation { createPolicy(input: { kind: COMMENT_HANDLING, language: FR }) { id latestVersion { ${VERSION} } } }`,
      {},
      as(cm),
    );
    const draft = created.createPolicy.latestVersion;
    expect(draft.sections).toEqual([]);
    for (const [mutation, who] of [
      ['approvePolicyVersion', approver],
      ['publishPolicyVersion', lead],
      ['returnPolicyToDraft', approver],
    ] as const) {
      const before = await readVersion(draft.id);
      const res = await move(
        mutation,
        who,
        mutation === 'returnPolicyToDraft' ? { versionId: draft.id, comment: 'non' } : { versionId: draft.id },
      );
      expect({ mutation, ...firstError(res).extensions }).toMatchObject({
        mutation,
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_TRANSITION',
        field: 'input.versionId',
        status: 'DRAFT',
      });
      expect(await readVersion(draft.id)).toEqual(before);
    }
    const submitted = await move('submitPolicyForReview', cm, { versionId: draft.id });
    expect(submitted.body.errors).toBeUndefined();
    const returned = await move('returnPolicyToDraft', approver, { versionId: draft.id, comment: 'Ajoutez le délai de réponse.' });
    expect(returned.body.errors).toBeUndefined();
    expect(returned.body.data?.returnPolicyToDraft).toMatchObject({ status: 'DRAFT', returnComment: 'Ajoutez le délai de réponse.' });
    const dup = await move('updatePolicyDraft', cm, {
      versionId: draft.id,
      sections: [
        { key: 'delay', title: 'Délai', body: '1 h' },
        { key: 'delay', title: 'Encore', body: '2 h' },
      ],
    });
    expect(firstError(dup).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sections[1].key' });
    const unknown = await move('submitPolicyForReview', cm, { versionId: '00000000-0000-4000-8000-000000000000' });
    expect(firstError(unknown).extensions.code).toBe('NOT_FOUND');
  });

  it('checks content against the rules, the brand voice and a network’s limits', async () => {
    // The brand voice belongs to the strategy module; planted as the owner to keep this test about policies.
    await admin.query(
      `INSERT INTO brand_voices (organization_id, tone, words_to_use, words_to_avoid, address_form) VALUES ($1, 'chaleureux', '{}', '{promo,"pas cher"}', 'VOUS')
       ON CONFLICT (organization_id) DO UPDATE SET words_to_avoid = EXCLUDED.words_to_avoid, address_form = EXCLUDED.address_form, updated_at = now()`,
      [org],
    );
    const SET = 'mutation ($input: SetContentRulesInput!) { setContentRules(input: $input) { version rules brandVoiceRules } }';
    const rules = [
      {
        id: 'sponsor',
        kind: 'REQUIRED_DISCLOSURE',
        severity: 'BLOCK',
        contentKinds: ['sponsored'],
        anyOf: ['#pub', 'partenariat rémunéré'],
      },
      { id: 'tags', kind: 'MAX_HASHTAGS', severity: 'WARN', max: 1 },
    ];
    const set = await api.ok<{ setContentRules: { version: number; rules: unknown[]; brandVoiceRules: { id: string }[] } }>(
      SET,
      { input: { rules } },
      as(contentLead),
    );
    expect(set.setContentRules.version).toBe(1);
    expect(set.setContentRules.rules).toEqual(rules);
    expect(set.setContentRules.brandVoiceRules.map((r) => r.id)).toEqual(['brand-voice', 'brand-voice-address-form']);

    const CHECK =
      'query ($input: CheckContentInput!) { checkContent(input: $input) { blocked violations { ruleId kind severity start end message } } }';
    type Check = {
      checkContent: { blocked: boolean; violations: { ruleId: string; severity: string; start: number; end: number; message: string }[] };
    };
    const text = `Une promo pour toi #pain #bio ${'x'.repeat(500)}`;
    const result = (await api.ok<Check>(CHECK, { input: { text, network: 'mastodon', contentKind: 'sponsored' } }, as(cm))).checkContent;
    expect(result.blocked).toBe(true);
    expect(result.violations.map((v) => [v.ruleId, v.severity])).toEqual([
      ['brand-voice', 'WARN'],
      ['brand-voice-address-form', 'WARN'],
      ['tags', 'WARN'],
      ['network-limits', 'BLOCK'],
      ['sponsor', 'BLOCK'],
    ]);
    expect(text.slice(result.violations[0].start, result.violations[0].end)).toBe('promo');
    expect(result.violations[0].message).toMatch(/promo/);
    expect(result.violations.find((v) => v.ruleId === 'network-limits')?.message).toMatch(/Mastodon/);
    // French organisation: French messages.
    expect(result.violations.find((v) => v.ruleId === 'brand-voice-address-form')?.message).toMatch(/tutoie le lecteur/);

    const clean = (await api.ok<Check>(CHECK, { input: { text: 'Du bon pain #pub', contentKind: 'sponsored' } }, as(cm))).checkContent;
    expect(clean).toEqual({ blocked: false, violations: [] });

    // A new brand voice and new rules apply at once (the compiled cache follows their versions).
    await admin.query(
      `UPDATE brand_voices SET words_to_avoid = '{pain}', address_form = NULL, updated_at = now() WHERE organization_id = $1`,
      [org],
    );
    const afterVoice = (await api.ok<Check>(CHECK, { input: { text: 'Du bon pain #pub' } }, as(cm))).checkContent;
    expect(afterVoice.violations.map((v) => v.ruleId)).toEqual(['brand-voice']);
    await api.ok(SET, { input: { rules: [{ id: 'tags', kind: 'MAX_HASHTAGS', severity: 'BLOCK', max: 0 }] } }, as(contentLead));
    const afterRules = (await api.ok<Check>(CHECK, { input: { text: 'Du bon pain #pub' } }, as(cm))).checkContent;
    expect(afterRules).toMatchObject({ blocked: true });
    expect(afterRules.violations.map((v) => v.ruleId)).toEqual(['brand-voice', 'tags']);

    for (const network of ['rss', 'nowhere']) {
      const res = await api.gql(CHECK, { input: { text: 'x', network } }, as(cm));
      expect(firstError(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.network' });
    }
  });

  it('refuses bad content rules with the path of every problem, storing nothing', async () => {
    const READ = '{ contentRules { version rules } }';
    const before = await api.ok<{ contentRules: { version: number } }>(READ, {}, as(cm));
    const res = await api.gql(
      'mutation ($input: SetContentRulesInput!) { setContentRules(input: $input) { version } }',
      {
        input: {
          rules: [
            { id: 'ok', kind: 'AVOID_WORDS', severity: 'WARN', words: ['bien'] },
            { id: 'words', kind: 'AVOID_WORDS', severity: 'WARN', words: ['a', 'b', 'c', 'd', ''] },
            { id: 'brand-voice', kind: 'MAX_HASHTAGS', severity: 'WARN', max: 2 },
            { id: 'links', kind: 'FORBIDDEN_LINK_DOMAINS', severity: 'SOMETIMES', domains: ['https://spam.example/x'] },
          ],
        },
      },
      as(contentLead),
    );
    const error = firstError(res);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    const fields = (error.extensions.problems as { field: string }[]).map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining(['input.rules[1].words[4]', 'input.rules[2].id', 'input.rules[3].severity', 'input.rules[3].domains[0]']),
    );
    expect(fields).not.toContain('input.rules[0].words[0]');
    expect(await api.ok(READ, {}, as(cm))).toEqual(before);

    const forbidden = await api.gql('mutation { setContentRules(input: { rules: [] }) { version } }', {}, as(cm));
    expect(firstError(forbidden).extensions.code).toBe('FORBIDDEN');
  });

  it('keeps comment-handling rules and computes due times from them', async () => {
    const SET =
      'mutation ($input: SetCommentHandlingRulesInput!) { setCommentHandlingRules(input: $input) { rules { channel severity responseMinutes responsibleRole escalate replyTemplates { language text } } } }';
    const rules = [
      {
        channel: '*',
        severity: 'NORMAL',
        responseMinutes: 240,
        responsibleRole: 'COMMUNITY_MANAGER',
        replyTemplates: [{ language: 'FR', text: 'Merci pour votre message !' }],
      },
      { channel: 'mastodon', severity: 'NORMAL', responseMinutes: 60, responsibleRole: 'CONTENT_LEAD' },
      { channel: '*', severity: 'CRISIS', responseMinutes: 15, responsibleRole: 'STRATEGY_LEAD', escalate: true },
    ];
    const set = await api.ok<{ setCommentHandlingRules: { rules: { channel: string; escalate: boolean }[] } }>(
      SET,
      { input: { rules } },
      as(cm),
    );
    expect(set.setCommentHandlingRules.rules.map((r) => [r.channel, r.escalate])).toEqual([
      ['*', false],
      ['mastodon', false],
      ['*', true],
    ]);

    const DUE =
      'query ($input: CommentResponseDueInput!) { commentResponseDue(input: $input) { dueAt responseMinutes responsibleRole escalate source channel templates { text } } }';
    const receivedAt = '2026-03-02T09:00:00.000Z';
    const due = await api.ok<{ commentResponseDue: Record<string, unknown> }>(
      DUE,
      { input: { network: 'mastodon', severity: 'NORMAL', receivedAt } },
      as(contentLead),
    );
    expect(due.commentResponseDue).toEqual({
      dueAt: '2026-03-02T10:00:00.000Z',
      responseMinutes: 60,
      responsibleRole: 'CONTENT_LEAD',
      escalate: false,
      source: 'RULE',
      channel: 'mastodon',
      templates: [],
    });
    const star = await api.ok<{ commentResponseDue: Record<string, unknown> }>(
      DUE,
      { input: { network: 'bluesky', severity: 'NORMAL', receivedAt } },
      as(cm),
    );
    expect(star.commentResponseDue).toMatchObject({
      dueAt: '2026-03-02T13:00:00.000Z',
      channel: '*',
      templates: [{ text: 'Merci pour votre message !' }],
    });
    const fallback = await api.ok<{ commentResponseDue: Record<string, unknown> }>(
      DUE,
      { input: { network: 'bluesky', severity: 'HIGH', receivedAt } },
      as(cm),
    );
    expect(fallback.commentResponseDue).toMatchObject({ source: 'DEFAULT', responseMinutes: 240, channel: null });

    const before = await api.ok('{ commentHandlingRules { rules { channel severity responseMinutes } } }', {}, as(cm));
    const bad = await api.gql(
      SET,
      { input: { rules: [{ ...rules[0], responseMinutes: 0 }, rules[0], { ...rules[1], responsibleRole: 'BOSS' }] } },
      as(cm),
    );
    expect(firstError(bad).extensions.code).toBe('BAD_USER_INPUT');
    const dupe = await api.gql(SET, { input: { rules: [rules[0], rules[0]] } }, as(cm));
    expect(firstError(dupe).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rules[1]' });
    const zero = await api.gql(SET, { input: { rules: [{ ...rules[0], responseMinutes: 0 }] } }, as(cm));
    expect(firstError(zero).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.rules.0.responseMinutes' });
    expect(await api.ok('{ commentHandlingRules { rules { channel severity responseMinutes } } }', {}, as(cm))).toEqual(before);
  });

  it('counts policies, versions, history and members over all pages, and no other agency’s', async () => {
    type Page = CountedPage;
    const PAGE = COUNTED_PAGE;
    /** Reads a list through `pick`: whole, then one item at a time (see countedOverPages). */
    const countOf = (pick: (args: string) => Promise<Page>) => countedOverPages('list', pick);
    const policies = () =>
      countOf(async (args) => (await api.ok<{ policies: Page }>(`{ policies(${args}) { ${PAGE} } }`, {}, as(cm))).policies);
    const versions = (policyId: string) =>
      countOf(
        async (args) =>
          (
            await api.ok<{ policyVersions: Page }>(
              `query ($id: ID!) { policyVersions(policyId: $id, ${args}) { ${PAGE} } }`,
              { id: policyId },
              as(cm),
            )
          ).policyVersions,
      );
    const history = (policyId: string) =>
      countOf(
        async (args) =>
          (
            await api.ok<{ policyHistory: Page }>(
              `query ($id: ID!) { policyHistory(policyId: $id, ${args}) { ${PAGE} } }`,
              { id: policyId },
              as(cm),
            )
          ).policyHistory,
      );
    const members = (policyId: string, list: 'acknowledged' | 'pending') =>
      countOf(
        async (args) =>
          (
            await api.ok<{ policyAcknowledgements: Record<typeof list, Page> }>(
              `query ($id: ID!) { policyAcknowledgements(policyId: $id) { ${list}(${args}) { ${PAGE} } } }`,
              { id: policyId },
              as(cm),
            )
          ).policyAcknowledgements[list],
      );
    const eventsInDatabase = async (policyId: string) =>
      (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM policy_events WHERE policy_id = $1', [policyId])).rows[0].n;

    const before = await policies();
    const created = await api.ok<{ createPolicy: { id: string; latestVersion: { id: string } } }>(
      'mutation { createPolicy(input: { kind: USAGE_GUIDE, language: FR, fromTemplate: true }) { id latestVersion { id } } }',
      {},
      as(lead),
    );
    const policyId = created.createPolicy.id;
    const v1 = created.createPolicy.latestVersion.id;
    await move('submitPolicyForReview', lead, { versionId: v1 });
    await move('approvePolicyVersion', approver, { versionId: v1 });
    await move('publishPolicyVersion', lead, { versionId: v1 });
    await api.ok(
      'mutation ($input: StartPolicyRevisionInput!) { startPolicyRevision(input: $input) { id } }',
      { input: { policyId } },
      as(lead),
    );
    await api.ok(
      'mutation ($input: PolicyVersionInput!) { acknowledgePolicyVersion(input: $input) { userId } }',
      { input: { versionId: v1 } },
      as(cm),
    );

    expect(await policies()).toBe(before + 1);
    expect(await versions(policyId)).toBe(2);
    expect(await history(policyId)).toBe(await eventsInDatabase(policyId));
    expect(await history(policyId)).toBe(5);
    const summary = await api.ok<{ policyAcknowledgements: { acknowledgedCount: number; pendingCount: number } }>(
      'query ($id: ID!) { policyAcknowledgements(policyId: $id) { acknowledgedCount pendingCount } }',
      { id: policyId },
      as(cm),
    );
    // Each list follows its own filter: those who acknowledged, those who did not yet.
    expect(await members(policyId, 'acknowledged')).toBe(1);
    expect(await members(policyId, 'acknowledged')).toBe(summary.policyAcknowledgements.acknowledgedCount);
    expect(await members(policyId, 'pending')).toBe(summary.policyAcknowledgements.pendingCount);
    expect(summary.policyAcknowledgements.pendingCount).toBeGreaterThan(1);

    // Another agency's client writes and publishes the same kind of policy: nothing of it is counted here.
    const otherOwner = await signUpAgency(api, 'Agence Politiques Ailleurs');
    const elsewhere = await createOrganization(api, otherOwner, 'Client Politiques Ailleurs');
    const theirs = await addOrganizationMember(api, otherOwner, elsewhere, ['STRATEGY_LEAD', 'EXECUTIVE_APPROVER']);
    const there = { token: theirs.token, organizationId: elsewhere };
    const other = await api.ok<{ createPolicy: { id: string; latestVersion: { id: string } } }>(
      'mutation { createPolicy(input: { kind: USAGE_GUIDE, language: FR, fromTemplate: true }) { id latestVersion { id } } }',
      {},
      there,
    );
    const theirVersion = { input: { versionId: other.createPolicy.latestVersion.id } };
    await api.ok('mutation ($input: PolicyVersionInput!) { submitPolicyForReview(input: $input) { id } }', theirVersion, there);
    await api.ok('mutation ($input: ApprovePolicyVersionInput!) { approvePolicyVersion(input: $input) { id } }', theirVersion, there);
    await api.ok('mutation ($input: PolicyVersionInput!) { publishPolicyVersion(input: $input) { id } }', theirVersion, there);
    await api.ok('mutation ($input: PolicyVersionInput!) { acknowledgePolicyVersion(input: $input) { userId } }', theirVersion, there);
    const theirTotal = await api.ok<{ policies: { totalCount: number } }>('{ policies(first: 1) { totalCount } }', {}, there);
    expect(theirTotal.policies.totalCount).toBe(1);

    expect(await policies()).toBe(before + 1);
    expect(await versions(policyId)).toBe(2);
    expect(await history(policyId)).toBe(5);
    expect(await members(policyId, 'acknowledged')).toBe(1);
    expect(await members(policyId, 'pending')).toBe(summary.policyAcknowledgements.pendingCount);
  });
});
