import { Client } from 'pg';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';

interface Person {
  token: string;
  userId: string;
}

const VERSION = 'id number status returnComment review { id kind verdict reviewedBy comment }';

describe('policy review step before executive approval (real PostgreSQL)', () => {
  let api: TestApi;
  let admin: Client;
  let owner: AgencySession;
  let org: string;
  let lead: Person;
  let approver: Person;
  let legal: Person;
  let cm: Person;
  let versionId: string;

  const as = (who: Person) => ({ token: who.token, organizationId: org });
  const mutate = (name: string, type: string, input: Record<string, unknown>, who: Person, fields = VERSION) =>
    api.gql<Record<string, Record<string, unknown>>>(
      `mutation ($input: ${type}!) { ${name}(input: $input) { ${fields} } }`,
      { input },
      as(who),
    );
  const submit = (who = lead) => mutate('submitPolicyForReview', 'PolicyVersionInput', { versionId }, who);
  const approve = (who = approver) => mutate('approvePolicyVersion', 'ApprovePolicyVersionInput', { versionId }, who);
  const review = (input: Record<string, unknown>, who = legal) =>
    mutate('recordPolicyReview', 'RecordPolicyReviewInput', { versionId, ...input }, who);
  const setReview = (input: Record<string, unknown>, who = lead) =>
    mutate('setPolicyReview', 'SetPolicyReviewInput', input, who, 'id mode reviewerIds updatedAt');
  const reviewIdOf = async (id: string) =>
    (
      await api.ok<{ policyVersion: { review: { id: string } | null } }>(
        'query ($id: ID!) { policyVersion(id: $id) { review { id } } }',
        { id },
        as(lead),
      )
    ).policyVersion.review?.id;
  const status = async () =>
    (await admin.query<{ status: string }>('SELECT status FROM policy_versions WHERE organization_id = $1 AND id = $2', [org, versionId]))
      .rows[0].status;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    owner = await signUpAgency(api, 'Agence Relecture');
    org = await createOrganization(api, owner, 'Entreprise avec CSE');
    lead = await addOrganizationMember(api, owner, org, ['STRATEGY_LEAD']);
    approver = await addOrganizationMember(api, owner, org, ['EXECUTIVE_APPROVER']);
    legal = await addOrganizationMember(api, owner, org, ['VIEWER']);
    cm = await addOrganizationMember(api, owner, org, ['COMMUNITY_MANAGER']);
    const created = await api.ok<{ createPolicy: { latestVersion: { id: string } } }>(
      'mutation { createPolicy(input: { kind: CODE_OF_CONDUCT, language: FR, fromTemplate: true }) { latestVersion { id } } }',
      {},
      as(lead),
    );
    versionId = created.createPolicy.latestVersion.id;
  });
  afterAll(async () => {
    await admin?.end();
    await api?.stop();
  });

  it('starts with no review, and refuses bad settings naming the field', async () => {
    const read = await api.ok<{ policyReviewSettings: { mode: string; reviewerIds: string[] } }>(
      '{ policyReviewSettings { mode reviewerIds } }',
      {},
      as(cm),
    );
    expect(read.policyReviewSettings).toEqual({ mode: 'NONE', reviewerIds: [] });
    const noReviewer = await setReview({ mode: 'LEGAL', reviewerIds: [] });
    expect(noReviewer.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reviewerIds' });
    const stranger = await setReview({ mode: 'LEGAL', reviewerIds: [legal.userId, '00000000-0000-4000-8000-000000000000'] });
    expect(stranger.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reviewerIds[1]' });
    const notAllowed = await setReview({ mode: 'LEGAL', reviewerIds: [legal.userId] }, cm);
    expect(notAllowed.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await admin.query('SELECT 1 FROM policy_review_settings WHERE organization_id = $1', [org])).rowCount).toBe(0);
  });

  it('holds the approval until the named reviewer cleared the version', async () => {
    const set = await setReview({ mode: 'WORKS_COUNCIL', reviewerIds: [legal.userId] });
    expect(set.body.data?.setPolicyReview).toMatchObject({ mode: 'WORKS_COUNCIL', reviewerIds: [legal.userId] });
    // One review setting per organisation: the same id before it was set, as set, and read again.
    const settingsId = (await api.ok<{ policyReviewSettings: { id: string } }>('{ policyReviewSettings { id } }', {}, as(cm)))
      .policyReviewSettings.id;
    expect(set.body.data?.setPolicyReview.id).toBe(settingsId);

    const submitted = await submit();
    expect(submitted.body.data?.submitPolicyForReview).toMatchObject({
      status: 'IN_REVIEW',
      review: { kind: 'WORKS_COUNCIL', verdict: null },
    });

    const early = await approve();
    expect(early.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'REVIEW_PENDING',
      field: 'input.versionId',
    });
    expect(await status()).toBe('IN_REVIEW');

    const outsider = await review({ verdict: 'CLEARED' }, cm);
    expect(outsider.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_A_REVIEWER' });
    const noComment = await review({ verdict: 'CHANGES_REQUESTED' });
    expect(noComment.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.comment' });
    expect(await status()).toBe('IN_REVIEW');
  });

  it('returns the version to draft when the reviewer asks for changes, and asks for a new review on resubmission', async () => {
    const changes = await review({ verdict: 'CHANGES_REQUESTED', comment: 'Préciser le droit de réserve.' });
    expect(changes.body.data?.recordPolicyReview).toMatchObject({
      status: 'DRAFT',
      returnComment: 'Préciser le droit de réserve.',
      review: { kind: 'WORKS_COUNCIL', verdict: 'CHANGES_REQUESTED', reviewedBy: legal.userId },
    });
    const notInReview = await review({ verdict: 'CLEARED' });
    expect(notInReview.body.errors?.[0]?.extensions).toMatchObject({ reason: 'NOT_AWAITING_REVIEW' });

    const again = await submit();
    expect(again.body.data?.submitPolicyForReview).toMatchObject({ status: 'IN_REVIEW', review: { verdict: null } });
    const cleared = await review({ verdict: 'CLEARED', comment: 'Conforme.' });
    expect(cleared.body.data?.recordPolicyReview).toMatchObject({
      status: 'IN_REVIEW',
      review: { verdict: 'CLEARED', comment: 'Conforme.' },
    });
    const twice = await review({ verdict: 'CLEARED' });
    expect(twice.body.errors?.[0]?.extensions).toMatchObject({ reason: 'NOT_AWAITING_REVIEW' });

    // One review per version: the same id through changes requested, resubmission and clearance, and when read alone.
    const reviewIds = [changes, again, cleared].map(
      (res) => (Object.values(res.body.data ?? {})[0] as { review: { id: string } }).review.id,
    );
    expect(reviewIds).toEqual([reviewIds[0], reviewIds[0], reviewIds[0]]);
    expect(await reviewIdOf(versionId)).toBe(reviewIds[0]);

    const approved = await approve();
    expect(approved.body.data?.approvePolicyVersion).toMatchObject({ status: 'APPROVED' });

    const history = await admin.query<{ action: string; from_status: string; to_status: string }>(
      'SELECT action, from_status, to_status FROM policy_events WHERE organization_id = $1 AND version_id = $2 ORDER BY occurred_at, id',
      [org, versionId],
    );
    expect(history.rows.map((r) => `${r.action} ${r.from_status ?? '-'}→${r.to_status}`)).toEqual([
      'CREATED -→DRAFT',
      'SUBMITTED DRAFT→IN_REVIEW',
      'REVIEWED IN_REVIEW→DRAFT',
      'SUBMITTED DRAFT→IN_REVIEW',
      'REVIEWED IN_REVIEW→IN_REVIEW',
      'APPROVED IN_REVIEW→APPROVED',
    ]);
    const audit = await admin.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE organization_id = $1 AND action LIKE 'policy.review%' ORDER BY occurred_at, id`,
      [org],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['policy.review_settings_updated', 'policy.reviewed', 'policy.reviewed']);
  });

  it('lets the database refuse an approval that skips a pending review, even past the service', async () => {
    const other = await api.ok<{ createPolicy: { latestVersion: { id: string } } }>(
      'mutation { createPolicy(input: { kind: USAGE_GUIDE, language: FR, fromTemplate: true }) { latestVersion { id } } }',
      {},
      as(lead),
    );
    const id = other.createPolicy.latestVersion.id;
    await api.ok(
      'mutation ($input: PolicyVersionInput!) { submitPolicyForReview(input: $input) { id } }',
      { input: { versionId: id } },
      as(lead),
    );
    await expect(
      admin.query(`UPDATE policy_versions SET status = 'APPROVED' WHERE organization_id = $1 AND id = $2`, [org, id]),
    ).rejects.toThrow(/awaits its WORKS_COUNCIL review/);
    // Another version's review is another review.
    const pendingReview = await reviewIdOf(id);
    expect(pendingReview).toEqual(expect.any(String));
    expect(pendingReview).not.toBe(await reviewIdOf(versionId));
  });

  it('with the review set back to NONE, a new submission goes straight to the executive', async () => {
    await setReview({ mode: 'NONE', reviewerIds: [] });
    const created = await api.ok<{ createPolicy: { latestVersion: { id: string } } }>(
      'mutation { createPolicy(input: { kind: EDITORIAL_POLICY, language: FR, fromTemplate: true }) { latestVersion { id } } }',
      {},
      as(lead),
    );
    versionId = created.createPolicy.latestVersion.id;
    expect((await submit()).body.data?.submitPolicyForReview).toMatchObject({ status: 'IN_REVIEW', review: null });
    expect((await approve()).body.data?.approvePolicyVersion).toMatchObject({ status: 'APPROVED' });
  });
});
