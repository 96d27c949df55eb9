import request from 'supertest';
import { Client } from 'pg';
import { addOrganizationMember, createOrganization, signUpAgency, TestApi, type AgencySession } from '@socle/testing';
import { HOSTILE_VALUES as HOSTILE, LONE, NUL, serverErrorLog } from './e2e-support';

/**
 * A hostile tenant against the operations the console's later pages use (live-score history, pending invitations and
 * their withdrawal and new links, approval links and their mail, a client's settings and deletion, KPI imports, the
 * roadmap's manual step, the strategy document's versions): NUL bytes, lone surrogates, huge strings, deep JSON, private
 * addresses and another tenant's ids, and each racing itself. No answer is a 500 or INTERNAL, another tenant's rows stay
 * as they were, and the invariants hold under the races (one membership per accepted invitation, one mail per approval
 * link, one draft version).
 */
describe('hostile input and races against the console’s later operations', () => {
  let api: TestApi;
  let admin: Client;
  let a: AgencySession;
  let b: AgencySession;
  let orgA = '';
  let orgB = '';
  const { problems, check } = serverErrorLog();

  beforeAll(async () => {
    api = await TestApi.start();
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    a = await signUpAgency(api, 'Probe A');
    b = await signUpAgency(api, 'Probe B');
    orgA = await createOrganization(api, a, 'Probe Client A');
    orgB = await createOrganization(api, b, 'Probe Client B');
  }, 60_000);
  afterAll(async () => {
    await admin?.end();
    await api?.stop();
  });

  it('answers every hostile input without a 500 or INTERNAL', async () => {
    const inA = { token: a.token, organizationId: orgA };
    // liveScoreHistory
    await api.ok('mutation { recomputeLiveScore { overallScore } }', {}, inA);
    for (const v of HOSTILE) {
      for (const arg of ['organizationId', 'from', 'to', 'after', 'first', 'granularity']) {
        const vars: Record<string, unknown> = { organizationId: orgA, [arg]: v };
        check(
          `liveScoreHistory ${arg}=${JSON.stringify(v).slice(0, 30)}`,
          await api.gql(
            'query ($organizationId: ID!, $from: DateTime, $to: DateTime, $after: String, $first: Int, $granularity: LiveScoreHistoryGranularity) { liveScoreHistory(organizationId: $organizationId, from: $from, to: $to, after: $after, first: $first, granularity: $granularity) { edges { node { computedAt } } } }',
            vars,
            inA,
          ),
        );
      }
    }
    check(
      'liveScoreHistory other tenant',
      await api.gql('query ($o: ID!) { liveScoreHistory(organizationId: $o) { edges { cursor } } }', { o: orgB }, inA),
    );
    check(
      'liveScoreHistory other tenant header',
      await api.gql(
        'query ($o: ID!) { liveScoreHistory(organizationId: $o) { edges { cursor } } }',
        { o: orgB },
        { token: a.token, organizationId: orgB },
      ),
    );

    // invitations
    const invite = await api.ok<{ inviteMember: { invitation: { id: string } } }>(
      'mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }',
      { input: { email: 'race@example.test', roles: ['VIEWER'] } },
      inA,
    );
    const invitationId = invite.inviteMember.invitation.id;
    const inviteB = await api.ok<{ inviteMember: { invitation: { id: string } } }>(
      'mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { invitation { id } } }',
      { input: { email: 'other@example.test', roles: ['VIEWER'] } },
      { token: b.token, organizationId: orgB },
    );
    for (const v of [...HOSTILE, inviteB.inviteMember.invitation.id]) {
      for (const op of ['revokeInvitation', 'resendInvitation']) {
        check(
          `${op} ${JSON.stringify(v).slice(0, 30)}`,
          await api.gql(
            `mutation ($input: ${op.startsWith('resend') ? 'Resend' : 'Revoke'}InvitationInput!) { ${op}(input: $input) { __typename } }`,
            { input: { invitationId: v } },
            inA,
          ),
        );
      }
      for (const op of ['revokeAgencyInvitation', 'resendAgencyInvitation']) {
        check(
          `${op} ${JSON.stringify(v).slice(0, 30)}`,
          await api.gql(
            `mutation ($input: ${op.startsWith('resend') ? 'Resend' : 'Revoke'}InvitationInput!) { ${op}(input: $input) { __typename } }`,
            { input: { invitationId: v } },
            { token: a.token },
          ),
        );
      }
      for (const arg of ['after', 'first']) {
        check(
          `invitations ${arg}`,
          await api.gql(`query ($v: ${arg === 'first' ? 'Int' : 'String'}) { invitations(${arg}: $v) { edges { cursor } } }`, { v }, inA),
        );
        check(
          `agencyInvitations ${arg}`,
          await api.gql(
            `query ($v: ${arg === 'first' ? 'Int' : 'String'}) { agencyInvitations(${arg}: $v) { edges { cursor } } }`,
            { v },
            { token: a.token },
          ),
        );
      }
    }
    // race: resends, a revoke and two accepts of the same invitation at once
    const resend = await api.ok<{ resendInvitation: { acceptUrl: string } }>(
      'mutation ($input: ResendInvitationInput!) { resendInvitation(input: $input) { acceptUrl } }',
      { input: { invitationId } },
      inA,
    );
    const token = new URL(resend.resendInvitation.acceptUrl).searchParams.get('token');
    const race = await Promise.all([
      ...Array.from({ length: 4 }, () =>
        api.gql(
          'mutation ($input: ResendInvitationInput!) { resendInvitation(input: $input) { acceptUrl } }',
          { input: { invitationId } },
          inA,
        ),
      ),
      api.gql('mutation ($input: RevokeInvitationInput!) { revokeInvitation(input: $input) { id } }', { input: { invitationId } }, inA),
      ...Array.from({ length: 2 }, (_, i) =>
        api.gql('mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userId } }', {
          input: { token, displayName: `Racer ${i}`, password: 'Correct-Horse-Battery-9' },
        }),
      ),
    ]);
    race.forEach((r, i) => check(`invitation race ${i}`, r));
    const members = await admin.query(
      'SELECT count(*)::int AS n FROM organization_memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1 AND u.email = $2',
      [orgA, 'race@example.test'],
    );
    expect(members.rows[0].n).toBeLessThanOrEqual(1);

    // createApprovalLink
    const lead = await addOrganizationMember(api, a, orgA, ['CONTENT_LEAD']);
    const item = (
      await admin.query<{ id: string }>(
        `INSERT INTO content_items (organization_id, title, status, created_by, updated_by) VALUES ($1, 'Probe', 'IN_REVIEW', $2, $2) RETURNING id`,
        [orgA, a.userId],
      )
    ).rows[0].id;
    const itemB = (
      await admin.query<{ id: string }>(
        `INSERT INTO content_items (organization_id, title, status) VALUES ($1, 'ProbeB', 'IN_REVIEW') RETURNING id`,
        [orgB],
      )
    ).rows[0].id;
    const link = (input: Record<string, unknown>) =>
      api.gql(
        'mutation ($input: CreateApprovalLinkInput!) { createApprovalLink(input: $input) { id emailed } }',
        { input: { itemId: item, recipientName: 'R', recipientEmail: 'r@example.test', expiresInHours: 2, ...input } },
        { token: lead.token, organizationId: orgA },
      );
    for (const v of HOSTILE) {
      for (const field of ['recipientName', 'recipientEmail', 'sendEmail', 'itemId', 'expiresInHours'])
        check(`createApprovalLink ${field}=${JSON.stringify(v).slice(0, 30)}`, await link({ [field]: v }));
    }
    check('createApprovalLink other tenant item', await link({ itemId: itemB }));
    check('createApprovalLink email to an IP literal', await link({ recipientEmail: 'x@[127.0.0.1]' }));
    const links = await Promise.all(Array.from({ length: 6 }, () => link({})));
    links.forEach((r, i) => check(`approval link race ${i}`, r));
    const counts = await admin.query<{ links: number; mails: number }>(
      `SELECT (SELECT count(*)::int FROM content_approval_links WHERE item_id = $1) AS links,
              (SELECT count(*)::int FROM mail_outbox m JOIN content_approval_links l ON l.organization_id = m.organization_id AND l.id = m.reference WHERE l.item_id = $1) AS mails`,
      [item],
    );
    expect(counts.rows[0].mails).toBe(counts.rows[0].links);
    expect((await admin.query('SELECT count(*)::int AS n FROM content_approval_links WHERE item_id = $1', [itemB])).rows[0].n).toBe(0);

    for (const field of ['locale', 'displayName'])
      check(
        `updateMe ${field}=null`,
        await api.gql(
          'mutation ($input: UpdateMeInput!) { updateMe(input: $input) { id } }',
          { input: { [field]: null } },
          { token: a.token },
        ),
      );
    // updateOrganization / deleteOrganization
    const target = await createOrganization(api, a, 'Delete Target');
    for (const v of HOSTILE) {
      for (const field of ['name', 'timezone', 'locale', 'sector', 'size'])
        check(
          `updateOrganization ${field}=${JSON.stringify(v).slice(0, 30)}`,
          await api.gql(
            'mutation ($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id } }',
            { input: { [field]: v } },
            inA,
          ),
        );
      check(
        `deleteOrganization id=${JSON.stringify(v).slice(0, 30)}`,
        await api.gql(
          'mutation ($input: DeleteOrganizationInput!) { deleteOrganization(input: $input) { id } }',
          { input: { id: v, confirmName: 'x' } },
          { token: a.token },
        ),
      );
      check(
        `deleteOrganization confirm=${JSON.stringify(v).slice(0, 30)}`,
        await api.gql(
          'mutation ($input: DeleteOrganizationInput!) { deleteOrganization(input: $input) { id } }',
          { input: { id: target, confirmName: v } },
          { token: a.token },
        ),
      );
    }
    expect((await admin.query('SELECT status FROM organizations WHERE id = $1', [target])).rows[0].status).toBe('ACTIVE');
    check(
      'deleteOrganization other tenant',
      await api.gql(
        'mutation ($input: DeleteOrganizationInput!) { deleteOrganization(input: $input) { id } }',
        { input: { id: orgB, confirmName: 'Probe Client B' } },
        { token: a.token },
      ),
    );
    expect((await admin.query('SELECT status FROM organizations WHERE id = $1', [orgB])).rows[0].status).toBe('ACTIVE');
    const doomed = await createOrganization(api, a, 'Doomed Probe');
    const deletions = await Promise.all(
      Array.from({ length: 4 }, () =>
        api.gql(
          'mutation ($input: DeleteOrganizationInput!) { deleteOrganization(input: $input) { id status } }',
          { input: { id: doomed, confirmName: 'Doomed Probe' } },
          { token: a.token },
        ),
      ),
    );
    deletions.forEach((r, i) => check(`deletion race ${i}`, r));

    // KPI import, roadmap step, strategy versions
    const objective = await api.ok<{ createObjective: { id: string } }>(
      'mutation ($input: CreateObjectiveInput!) { createObjective(input: $input) { id } }',
      { input: { kind: 'BRAND', title: 'O', metric: 'm', baseline: 1, target: 9, deadline: '2099-01-01' } },
      inA,
    );
    const kpi = await api.ok<{ createKpi: { id: string } }>(
      'mutation ($input: CreateKpiInput!) { createKpi(input: $input) { id } }',
      { input: { objectiveId: objective.createObjective.id, name: 'K', metric: 'm', frequency: 'MONTHLY', target: 5 } },
      inA,
    );
    for (const v of [
      ...HOSTILE,
      `date,value\n2026-01-01,${NUL}`,
      `date,value\n${LONE},1`,
      `date,value\n` + '2026-01-01,1\n'.repeat(20_000),
    ]) {
      check(
        `importKpiValues csv=${JSON.stringify(v).slice(0, 30)}`,
        await api.gql(
          'mutation ($input: ImportKpiValuesInput!) { importKpiValues(input: $input) { imported } }',
          { input: { kpiId: kpi.createKpi.id, csv: v } },
          inA,
        ),
      );
      check(
        `setRoadmapStepStatus note=${JSON.stringify(v).slice(0, 30)}`,
        await api.gql(
          'mutation ($input: SetRoadmapStepStatusInput!) { setRoadmapStepStatus(input: $input) { key } }',
          { input: { step: 8, status: 'DONE', note: v } },
          inA,
        ),
      );
      check(
        `setRoadmapStepStatus step=${JSON.stringify(v).slice(0, 30)}`,
        await api.gql(
          'mutation ($input: SetRoadmapStepStatusInput!) { setRoadmapStepStatus(input: $input) { key } }',
          { input: { step: v, status: 'DONE' } },
          inA,
        ),
      );
      check(
        `createStrategyDocumentVersion note=${JSON.stringify(v).slice(0, 30)}`,
        await api.gql(
          'mutation ($input: CreateStrategyDocumentVersionInput!) { createStrategyDocumentVersion(input: $input) { id } }',
          { input: { note: v } },
          inA,
        ),
      );
    }
    await admin.query("DELETE FROM strategy_document_versions WHERE organization_id = $1 AND status = 'DRAFT'", [orgA]);
    const versions = await Promise.all(
      Array.from({ length: 5 }, () => api.gql('mutation { createStrategyDocumentVersion(input: {}) { id } }', {}, inA)),
    );
    versions.forEach((r, i) => check(`version race ${i}`, r));
    expect(
      (
        await admin.query("SELECT count(*)::int AS n FROM strategy_document_versions WHERE organization_id = $1 AND status = 'DRAFT'", [
          orgA,
        ])
      ).rows[0].n,
    ).toBe(1);
    const roadmap = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        api.gql(
          'mutation ($input: SetRoadmapStepStatusInput!) { setRoadmapStepStatus(input: $input) { key } }',
          { input: { step: 8, status: i % 2 ? 'DONE' : 'IN_PROGRESS', note: `n${i}` } },
          inA,
        ),
      ),
    );
    roadmap.forEach((r, i) => check(`roadmap race ${i}`, r));

    // a deep JSON body
    let body = '{"query":"query ($v: String) { invitations(after: $v) { edges { cursor } } }","variables":{"v":';
    body += '['.repeat(50_000) + ']'.repeat(50_000) + '}}';
    const deepRes = await request(api.server)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${a.token}`)
      .set('x-socle-organization', orgA)
      .send(body);
    check('deep JSON body', { status: deepRes.status, body: deepRes.body ?? {} });

    // the console's routes with hostile paths
    for (const path of [
      `/organizations/${encodeURIComponent(NUL)}/settings`,
      `/organizations/${orgB}/settings`,
      '/organizations/%ED%A0%80/settings',
      `/organizations/${'x'.repeat(10_000)}/settings`,
    ]) {
      const res = await request(api.server).get(path);
      if (res.status >= 500 && res.status !== 503) problems.push(`GET ${path.slice(0, 60)}: ${res.status}`);
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
