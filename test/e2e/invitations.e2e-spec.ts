import type { Client } from 'pg';
import {
  addOrganizationMember,
  AgencySession,
  createOrganization,
  GqlOptions,
  signUpAgency,
  STRONG_PASSWORD,
  TestApi,
  uniqueEmail,
} from '@socle/testing';
import { adminDatabase, firstError, leaksIn } from './e2e-support';

const INVITATION_FIELDS = 'id email roles agencyRole status createdAt expiresAt invitedBy { userId displayName }';
const INVITE = `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { token acceptUrl invitation { ${INVITATION_FIELDS} } } }`;
const INVITE_AGENCY = `mutation ($input: InviteAgencyMemberInput!) { inviteAgencyMember(input: $input) { token invitation { ${INVITATION_FIELDS} } } }`;
const LIST = `query ($first: Int, $after: String) { invitations(first: $first, after: $after) {
  edges { node { ${INVITATION_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
const LIST_AGENCY = `query ($first: Int, $after: String) { agencyInvitations(first: $first, after: $after) {
  edges { node { ${INVITATION_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
const COUNTED = `query ($first: Int, $after: String) { invitations(first: $first, after: $after) {
  totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
const COUNTED_AGENCY = `query ($first: Int, $after: String) { agencyInvitations(first: $first, after: $after) {
  totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
const REVOKE = `mutation ($input: RevokeInvitationInput!) { revokeInvitation(input: $input) { ${INVITATION_FIELDS} } }`;
const REVOKE_AGENCY = `mutation ($input: RevokeInvitationInput!) { revokeAgencyInvitation(input: $input) { ${INVITATION_FIELDS} } }`;
const RESEND = `mutation ($input: ResendInvitationInput!) { resendInvitation(input: $input) { token acceptUrl invitation { ${INVITATION_FIELDS} } } }`;
const RESEND_AGENCY = `mutation ($input: ResendInvitationInput!) { resendAgencyInvitation(input: $input) { token acceptUrl invitation { ${INVITATION_FIELDS} } } }`;
const ACCEPT = 'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userId newAccount } }';
const AUDIT = '{ auditLog(first: 100) { edges { node { action actorId targetId metadata } } } }';
const AGENCY_AUDIT = '{ agencyAuditLog(first: 100) { edges { node { action actorId targetId metadata } } } }';

interface Invitation {
  id: string;
  email: string;
  roles: string[] | null;
  agencyRole: string | null;
  status: 'PENDING' | 'EXPIRED' | 'REVOKED';
  createdAt: string;
  expiresAt: string;
  invitedBy: { userId: string | null; displayName: string } | null;
}
interface Payload {
  token: string;
  acceptUrl: string;
  invitation: Invitation;
}
interface Page {
  edges: { node: Invitation }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/**
 * Pending invitations as the people who manage members see them (a client's, the agency's): listed newest first
 * with their status, withdrawn (the link then refused), sent again (a new link, the old one refused); nobody else
 * reads or changes them, and never their token.
 */
describe('pending invitations', () => {
  let api: TestApi;
  let admin: Client;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await adminDatabase();
  });
  afterAll(async () => {
    await admin?.end();
    await api.stop();
  });

  const inOrg = (session: { token: string }, organizationId: string): GqlOptions => ({ token: session.token, organizationId });
  const invite = async (options: GqlOptions, email = uniqueEmail('invited'), roles = ['VIEWER']) =>
    (await api.ok<{ inviteMember: Payload }>(INVITE, { input: { email, roles } }, options)).inviteMember;
  const list = async (options: GqlOptions, first = 20, after?: string) =>
    (await api.ok<{ invitations: Page }>(LIST, { first, after }, options)).invitations;
  const listAgency = async (options: GqlOptions, first = 20, after?: string) =>
    (await api.ok<{ agencyInvitations: Page }>(LIST_AGENCY, { first, after }, options)).agencyInvitations;
  /** Every page of a list of invitations, `first` at a time: the totalCount each page answered and the items of all pages. */
  const counted = async (query: string, field: 'invitations' | 'agencyInvitations', options: GqlOptions, first: number) => {
    const counts: number[] = [];
    let items = 0;
    let after: string | null = null;
    do {
      const page: Page & { totalCount: number } = (
        await api.ok<Record<string, Page & { totalCount: number }>>(query, { first, after }, options)
      )[field];
      counts.push(page.totalCount);
      items += page.edges.length;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return { counts, items };
  };
  const accept = (token: string, displayName = 'Invitée') => api.gql(ACCEPT, { input: { token, displayName, password: STRONG_PASSWORD } });
  const expire = async (table: 'organization_invitations' | 'agency_invitations', id: string) => {
    const updated = await admin.query(`UPDATE ${table} SET expires_at = now() - interval '1 minute' WHERE id = $1`, [id]);
    expect(updated.rowCount).toBe(1);
  };

  describe("a client's invitations", () => {
    let owner: AgencySession;
    let orgId: string;

    beforeAll(async () => {
      owner = await signUpAgency(api, 'Agence Invitations');
      orgId = await createOrganization(api, owner, 'Client Invitations');
    });

    it('lists those neither accepted nor withdrawn, newest first, by pages, with who sent them, and never a token', async () => {
      const org = await createOrganization(api, owner, 'Client Liste');
      const lead = await addOrganizationMember(api, owner, org, ['STRATEGY_LEAD']);
      const sent: Payload[] = [];
      for (const [i, roles] of [['VIEWER'], ['ANALYST', 'CONTRIBUTOR'], ['COMMUNITY_MANAGER']].entries()) {
        sent.push(await invite(inOrg(owner, org), uniqueEmail(`page${i}`), roles));
      }
      const accepted = await invite(inOrg(owner, org));
      expect((await accept(accepted.token)).body.errors).toBeUndefined();
      const revoked = await invite(inOrg(owner, org));
      await api.ok(REVOKE, { input: { invitationId: revoked.invitation.id } }, inOrg(owner, org));

      const first = await list(inOrg(owner, org), 2);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await list(inOrg(owner, org), 2, first.pageInfo.endCursor ?? undefined);
      expect(second.pageInfo.hasNextPage).toBe(false);
      const listed = [...first.edges, ...second.edges].map((e) => e.node);
      // The member invited at the start (the strategy lead) accepted: not listed either.
      expect(listed.map((i) => i.id)).toEqual([sent[2], sent[1], sent[0]].map((p) => p.invitation.id));
      expect(listed[1]).toEqual({
        id: sent[1].invitation.id,
        email: sent[1].invitation.email,
        roles: ['ANALYST', 'CONTRIBUTOR'],
        agencyRole: null,
        status: 'PENDING',
        createdAt: sent[1].invitation.createdAt,
        expiresAt: sent[1].invitation.expiresAt,
        invitedBy: { userId: owner.userId, displayName: 'Owner' },
      });
      // The strategy lead manages the members but cannot see the agency's owner among the client's people: the
      // inviter's name was kept with the invitation.
      const asLead = await list(inOrg(lead, org));
      expect(asLead.edges.map((e) => e.node.invitedBy)).toEqual(sent.map(() => ({ userId: owner.userId, displayName: 'Owner' })));
      // The lead's own invitation names them, as they are now.
      await api.ok('mutation { updateMe(input: { displayName: "Léa Lead" }) { id } }', {}, { token: lead.token });
      const byLead = await invite(inOrg(lead, org));
      expect(byLead.invitation.invitedBy).toEqual({ userId: lead.userId, displayName: 'Léa Lead' });

      const answer = JSON.stringify([first, second, asLead]);
      for (const p of [...sent, byLead]) expect(answer).not.toContain(p.token.slice(-43));
      expect(leaksIn(answer)).toEqual([]);
      const fields = await api.ok<{ __type: { fields: { name: string }[] } }>('{ __type(name: "Invitation") { fields { name } } }');
      expect(fields.__type.fields.map((f) => f.name).filter((n) => /token|hash|secret/i.test(n))).toEqual([]);
    });

    it("counts the pending and expired ones over all pages, and neither another client's nor another agency's", async () => {
      const org = await createOrganization(api, owner, 'Client Compté');
      for (let i = 0; i < 3; i += 1) await invite(inOrg(owner, org));
      const accepted = await invite(inOrg(owner, org));
      expect((await accept(accepted.token)).body.errors).toBeUndefined();
      const revoked = await invite(inOrg(owner, org));
      await api.ok(REVOKE, { input: { invitationId: revoked.invitation.id } }, inOrg(owner, org));
      const expired = await invite(inOrg(owner, org));
      await expire('organization_invitations', expired.invitation.id);
      // Three pending and one expired are listed; the accepted and the withdrawn ones are not, nor counted.
      const listed = () => counted(COUNTED, 'invitations', inOrg(owner, org), 2);
      expect(await listed()).toEqual({ counts: [4, 4], items: 4 });

      // Invitations into another client of the agency, and into another agency's client, count there only.
      await invite(inOrg(owner, orgId));
      const stranger = await signUpAgency(api, 'Agence Étrangère Invitante');
      const foreign = await createOrganization(api, stranger, 'Client Étranger Invité');
      for (let i = 0; i < 2; i += 1) await invite(inOrg(stranger, foreign));
      expect(await counted(COUNTED, 'invitations', inOrg(stranger, foreign), 1)).toEqual({ counts: [2, 2], items: 2 });
      expect(await listed()).toEqual({ counts: [4, 4], items: 4 });
    });

    it('shows an expired invitation as EXPIRED, still listed until resent or revoked', async () => {
      const sent = await invite(inOrg(owner, orgId));
      await expire('organization_invitations', sent.invitation.id);
      const listed = (await list(inOrg(owner, orgId), 100)).edges.map((e) => e.node).find((i) => i.id === sent.invitation.id);
      expect(listed?.status).toBe('EXPIRED');
      expect(Date.parse(listed?.expiresAt ?? '')).toBeLessThan(Date.now());
      const fresh = await invite(inOrg(owner, orgId));
      expect(fresh.invitation.status).toBe('PENDING');
    });

    it('revokes: the link is then refused (CONFLICT, INVITATION_REVOKED), the revocation is audited and not repeated', async () => {
      const email = uniqueEmail('revoked');
      const sent = await invite(inOrg(owner, orgId), email, ['ANALYST']);
      const revoked = await api.ok<{ revokeInvitation: Invitation }>(
        REVOKE,
        { input: { invitationId: sent.invitation.id } },
        inOrg(owner, orgId),
      );
      expect(revoked.revokeInvitation).toMatchObject({ id: sent.invitation.id, email, status: 'REVOKED', roles: ['ANALYST'] });
      expect((await list(inOrg(owner, orgId), 100)).edges.map((e) => e.node.id)).not.toContain(sent.invitation.id);

      const refused = await accept(sent.token);
      expect(firstError(refused).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.token', reason: 'INVITATION_REVOKED' });
      expect(firstError(refused).message).toBe('This invitation was withdrawn.');
      const [{ n }] = (await admin.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [email])).rows as { n: number }[];
      expect(n).toBe(0);

      const again = await api.gql(REVOKE, { input: { invitationId: sent.invitation.id } }, inOrg(owner, orgId));
      expect(firstError(again).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.invitationId', reason: 'INVITATION_REVOKED' });
      const resent = await api.gql(RESEND, { input: { invitationId: sent.invitation.id } }, inOrg(owner, orgId));
      expect(firstError(resent).extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVITATION_REVOKED' });

      const audit = await api.ok<{
        auditLog: { edges: { node: { action: string; actorId: string; targetId: string; metadata: unknown } }[] };
      }>(AUDIT, {}, inOrg(owner, orgId));
      const events = audit.auditLog.edges.map((e) => e.node).filter((e) => e.action === 'member.invitation_revoked');
      expect(events).toEqual([
        {
          action: 'member.invitation_revoked',
          actorId: owner.userId,
          targetId: sent.invitation.id,
          metadata: { email, roles: ['ANALYST'] },
        },
      ]);
    });

    it('refuses to revoke or resend an accepted invitation', async () => {
      const sent = await invite(inOrg(owner, orgId));
      expect((await accept(sent.token)).body.errors).toBeUndefined();
      for (const mutation of [REVOKE, RESEND]) {
        const res = await api.gql(mutation, { input: { invitationId: sent.invitation.id } }, inOrg(owner, orgId));
        expect(firstError(res).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.invitationId', reason: 'INVITATION_ACCEPTED' });
      }
    });

    it('resends: a new link and a new expiry, the old link refused and the new one accepted', async () => {
      const email = uniqueEmail('resent');
      const sent = await invite(inOrg(owner, orgId), email, ['CONTENT_LEAD']);
      await expire('organization_invitations', sent.invitation.id);
      const resent = (
        await api.ok<{ resendInvitation: Payload }>(RESEND, { input: { invitationId: sent.invitation.id } }, inOrg(owner, orgId))
      ).resendInvitation;
      expect(resent.token).not.toBe(sent.token);
      expect(resent.acceptUrl).toBe(`${api.config.PUBLIC_URL}/invitations/accept?token=${encodeURIComponent(resent.token)}`);
      expect(resent.invitation).toMatchObject({ id: sent.invitation.id, email, roles: ['CONTENT_LEAD'], status: 'PENDING' });
      expect(resent.invitation.createdAt).toBe(sent.invitation.createdAt);
      expect(Date.parse(resent.invitation.expiresAt)).toBeGreaterThan(Date.now() + 6.9 * 86400_000);
      const listed = (await list(inOrg(owner, orgId), 100)).edges.map((e) => e.node).find((i) => i.id === sent.invitation.id);
      expect(listed).toMatchObject({ status: 'PENDING', expiresAt: resent.invitation.expiresAt });

      const old = await accept(sent.token);
      expect(firstError(old).extensions.code).toBe('NOT_FOUND');
      const joined = await accept(resent.token, 'Relancée');
      expect(joined.body.errors).toBeUndefined();
      const members = await api.ok<{ members: { edges: { node: { roles: string[]; user: { email: string } } }[] } }>(
        '{ members(first: 100) { edges { node { roles user { email } } } } }',
        {},
        inOrg(owner, orgId),
      );
      expect(members.members.edges.find((e) => e.node.user.email === email)?.node.roles).toEqual(['CONTENT_LEAD']);
      expect((await list(inOrg(owner, orgId), 100)).edges.map((e) => e.node.id)).not.toContain(sent.invitation.id);

      const audit = await api.ok<{
        auditLog: { edges: { node: { action: string; targetId: string; metadata: Record<string, unknown> } }[] };
      }>(AUDIT, {}, inOrg(owner, orgId));
      const event = audit.auditLog.edges.find(
        (e) => e.node.action === 'member.invitation_resent' && e.node.targetId === sent.invitation.id,
      );
      expect(event?.node.metadata).toEqual({ email, roles: ['CONTENT_LEAD'] });
      expect(JSON.stringify(audit)).not.toContain(resent.token.slice(-43));
    });

    it('lets exactly one of a revocation and an acceptance racing each other win', async () => {
      for (let round = 0; round < 3; round += 1) {
        const sent = await invite(inOrg(owner, orgId));
        const [revoked, accepted] = await Promise.all([
          api.gql(REVOKE, { input: { invitationId: sent.invitation.id } }, inOrg(owner, orgId)),
          accept(sent.token, `Course ${round}`),
        ]);
        const outcomes = [revoked, accepted].map((r) => r.body.errors?.[0]?.extensions?.code ?? 'OK');
        expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
        expect(outcomes.filter((o) => o !== 'OK')).toEqual(['CONFLICT']);
      }
    });

    it('is for those who manage the members: a contributor, a viewer and a read-write API key are refused', async () => {
      const sent = await invite(inOrg(owner, orgId));
      const contributor = await addOrganizationMember(api, owner, orgId, ['CONTRIBUTOR']);
      const viewer = await addOrganizationMember(api, owner, orgId, ['VIEWER', 'ANALYST']);
      const key = await api.ok<{ createApiKey: { secret: string } }>(
        `mutation { createApiKey(input: { name: "Outil", scopes: [READ, WRITE] }) { secret } }`,
        {},
        { token: owner.token },
      );
      for (const token of [contributor.token, viewer.token, key.createApiKey.secret]) {
        for (const [query, variables] of [
          [LIST, {}],
          [REVOKE, { input: { invitationId: sent.invitation.id } }],
          [RESEND, { input: { invitationId: sent.invitation.id } }],
        ] as const) {
          const res = await api.gql(query, variables, { token, organizationId: orgId });
          expect(firstError(res).extensions.code).toBe('FORBIDDEN');
          expect(res.body.data ?? null).toBeNull();
        }
      }
      const listed = (await list(inOrg(owner, orgId), 100)).edges.map((e) => e.node).find((i) => i.id === sent.invitation.id);
      expect(listed?.status).toBe('PENDING');
      // The coordinator manages the task force's people: allowed.
      const coordinator = await addOrganizationMember(api, owner, orgId, ['COORDINATOR']);
      expect((await list(inOrg(coordinator, orgId), 100)).edges.map((e) => e.node.id)).toContain(sent.invitation.id);
    });

    it('answers bad ids with BAD_USER_INPUT at input.invitationId, and unknown or foreign ones with NOT_FOUND, changing nothing', async () => {
      const sent = await invite(inOrg(owner, orgId));
      for (const mutation of [REVOKE, RESEND]) {
        for (const bad of ['not-a-uuid', '', 'x'.repeat(10_000), `${sent.invitation.id}' OR '1'='1`]) {
          const res = await api.gql(mutation, { input: { invitationId: bad } }, inOrg(owner, orgId));
          expect({ bad: bad.slice(0, 20), ...firstError(res).extensions }).toMatchObject({
            bad: bad.slice(0, 20),
            code: 'BAD_USER_INPUT',
            field: 'input.invitationId',
          });
          expect(leaksIn(res.body)).toEqual([]);
        }
        const unknown = await api.gql(mutation, { input: { invitationId: '00000000-0000-4000-8000-000000000000' } }, inOrg(owner, orgId));
        expect(firstError(unknown).extensions.code).toBe('NOT_FOUND');
      }
      const badCursor = await api.gql(LIST, { first: 5, after: 'nope' }, inOrg(owner, orgId));
      expect(firstError(badCursor).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      const tooMany = await api.gql(LIST, { first: 0 }, inOrg(owner, orgId));
      expect(firstError(tooMany).extensions.code).toBe('BAD_USER_INPUT');

      // Another client of the same agency, and another agency: the invitation is not theirs to touch.
      const sibling = await createOrganization(api, owner, 'Client Voisin');
      const other = await signUpAgency(api, 'Agence Autre');
      const otherOrg = await createOrganization(api, other, 'Client Autre');
      for (const options of [inOrg(owner, sibling), inOrg(other, otherOrg)]) {
        for (const mutation of [REVOKE, RESEND]) {
          const res = await api.gql(mutation, { input: { invitationId: sent.invitation.id } }, options);
          expect(firstError(res).extensions.code).toBe('NOT_FOUND');
        }
        expect((await list(options, 100)).edges.map((e) => e.node.id)).not.toContain(sent.invitation.id);
      }
      // An agency invitation is not a client's, and the other way round.
      const staff = await api.ok<{ inviteAgencyMember: Payload }>(
        INVITE_AGENCY,
        { input: { email: uniqueEmail('staff'), role: 'MEMBER' } },
        { token: owner.token },
      );
      expect(
        firstError(await api.gql(REVOKE, { input: { invitationId: staff.inviteAgencyMember.invitation.id } }, inOrg(owner, orgId)))
          .extensions.code,
      ).toBe('NOT_FOUND');
      expect(
        firstError(await api.gql(REVOKE_AGENCY, { input: { invitationId: sent.invitation.id } }, { token: owner.token })).extensions.code,
      ).toBe('NOT_FOUND');
      // Still pending, and its link still works.
      const listed = (await list(inOrg(owner, orgId), 100)).edges.map((e) => e.node).find((i) => i.id === sent.invitation.id);
      expect(listed?.status).toBe('PENDING');
      expect((await accept(sent.token)).body.errors).toBeUndefined();
    });
  });

  describe("the agency's invitations", () => {
    it('lists, revokes and resends for owners and admins; a member, another agency and an API key are refused', async () => {
      const owner = await signUpAgency(api, 'Agence Équipe Invitée');
      const sent: Payload[] = [];
      for (const role of ['MEMBER', 'ADMIN', 'MEMBER']) {
        sent.push(
          (
            await api.ok<{ inviteAgencyMember: Payload }>(
              INVITE_AGENCY,
              { input: { email: uniqueEmail('staff'), role } },
              { token: owner.token },
            )
          ).inviteAgencyMember,
        );
      }
      const first = await listAgency({ token: owner.token }, 2);
      const second = await listAgency({ token: owner.token }, 2, first.pageInfo.endCursor ?? undefined);
      expect([...first.edges, ...second.edges].map((e) => e.node.id)).toEqual(sent.map((p) => p.invitation.id).reverse());
      expect(second.edges[0].node).toMatchObject({
        roles: null,
        agencyRole: 'MEMBER',
        status: 'PENDING',
        invitedBy: { userId: owner.userId },
      });
      // Counted over both pages alike; invitations into a client of the agency are not the agency's.
      await invite({ token: owner.token, organizationId: await createOrganization(api, owner, 'Client Équipe Invitée') });
      expect(await counted(COUNTED_AGENCY, 'agencyInvitations', { token: owner.token }, 2)).toEqual({ counts: [3, 3], items: 3 });

      await expire('agency_invitations', sent[0].invitation.id);
      expect((await listAgency({ token: owner.token })).edges.map((e) => e.node.status)).toEqual(['PENDING', 'PENDING', 'EXPIRED']);

      // Another agency and an agency member see none of it and change nothing.
      const other = await signUpAgency(api, 'Agence Voisine');
      const memberInvite = sent[2];
      const joined = await api.ok<{ acceptInvitation: { userId: string } }>(
        'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userId session { accessToken } } }',
        { input: { token: memberInvite.token, displayName: 'Membre', password: STRONG_PASSWORD } },
      );
      expect(joined.acceptInvitation.userId).toBeTruthy();
      const member = await api.ok<{ logIn: { accessToken: string } }>(
        'mutation ($input: LogInInput!) { logIn(input: $input) { accessToken } }',
        { input: { email: memberInvite.invitation.email, password: STRONG_PASSWORD } },
      );
      const key = await api.ok<{ createApiKey: { secret: string } }>(
        `mutation { createApiKey(input: { name: "Outil", scopes: [READ, WRITE] }) { secret } }`,
        {},
        { token: owner.token },
      );
      const refusals: [string, string][] = [];
      for (const [who, options] of [
        ['other agency', { token: other.token }],
        ['other agency naming ours', { token: other.token, agencyId: owner.agencyId }],
        ['agency member', { token: member.logIn.accessToken }],
        ['API key', { token: key.createApiKey.secret }],
      ] as [string, GqlOptions][]) {
        const listed = await api.gql<{ agencyInvitations: Page }>(LIST_AGENCY, {}, options);
        const ids = listed.body.data?.agencyInvitations.edges.map((e) => e.node.id) ?? [];
        expect({ who, leaked: ids.filter((id) => sent.some((p) => p.invitation.id === id)) }).toEqual({ who, leaked: [] });
        for (const mutation of [REVOKE_AGENCY, RESEND_AGENCY]) {
          const res = await api.gql(mutation, { input: { invitationId: sent[1].invitation.id } }, options);
          refusals.push([who, String(firstError(res).extensions.code)]);
        }
      }
      expect(refusals.every(([, code]) => code === 'NOT_FOUND' || code === 'FORBIDDEN')).toBe(true);
      expect(refusals.filter(([who]) => who === 'other agency').map(([, code]) => code)).toEqual(['NOT_FOUND', 'NOT_FOUND']);
      expect(refusals.filter(([who]) => who === 'agency member').map(([, code]) => code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);

      // The owner resends the expired one and revokes the admin's.
      const resent = (
        await api.ok<{ resendAgencyInvitation: Payload }>(
          RESEND_AGENCY,
          { input: { invitationId: sent[0].invitation.id } },
          { token: owner.token },
        )
      ).resendAgencyInvitation;
      expect(resent.invitation).toMatchObject({ id: sent[0].invitation.id, agencyRole: 'MEMBER', status: 'PENDING' });
      expect(firstError(await accept(sent[0].token)).extensions.code).toBe('NOT_FOUND');
      const revoked = await api.ok<{ revokeAgencyInvitation: Invitation }>(
        REVOKE_AGENCY,
        { input: { invitationId: sent[1].invitation.id } },
        { token: owner.token },
      );
      expect(revoked.revokeAgencyInvitation).toMatchObject({ status: 'REVOKED', agencyRole: 'ADMIN' });
      expect(firstError(await accept(sent[1].token)).extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVITATION_REVOKED' });
      expect((await listAgency({ token: owner.token })).edges.map((e) => e.node.id)).toEqual([sent[0].invitation.id]);
      expect((await accept(resent.token, 'Relancé')).body.errors).toBeUndefined();
      expect((await listAgency({ token: owner.token })).edges).toEqual([]);

      const audit = await api.ok<{ agencyAuditLog: { edges: { node: { action: string; targetId: string } }[] } }>(
        AGENCY_AUDIT,
        {},
        { token: owner.token },
      );
      const actions = audit.agencyAuditLog.edges.map((e) => `${e.node.action} ${e.node.targetId}`);
      expect(actions).toEqual(
        expect.arrayContaining([
          `agency_member.invitation_resent ${sent[0].invitation.id}`,
          `agency_member.invitation_revoked ${sent[1].invitation.id}`,
        ]),
      );
      for (const bad of ['nope', 'x'.repeat(5000)]) {
        const res = await api.gql(REVOKE_AGENCY, { input: { invitationId: bad } }, { token: owner.token });
        expect(firstError(res).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.invitationId' });
      }
    });
  });

  describe('myRoles', () => {
    it("gives the caller's own roles in an organization, empty for agency staff without a membership and for API keys", async () => {
      const owner = await signUpAgency(api, 'Agence Rôles');
      const orgA = await createOrganization(api, owner, 'Client Rôles A');
      const orgB = await createOrganization(api, owner, 'Client Rôles B');
      const person = await addOrganizationMember(api, owner, orgA, ['VIEWER', 'ANALYST']);
      const MY = '{ organization { id myRoles } }';
      expect((await api.ok<{ organization: { myRoles: string[] } }>(MY, {}, inOrg(person, orgA))).organization.myRoles).toEqual([
        'ANALYST',
        'VIEWER',
      ]);
      expect((await api.ok<{ organization: { myRoles: string[] } }>(MY, {}, inOrg(owner, orgA))).organization.myRoles).toEqual([]);
      const me = await api.ok<{ me: { organizations: { roles: string[]; organization: { id: string; myRoles: string[] } }[] } }>(
        '{ me { organizations { roles organization { id myRoles } } } }',
        {},
        { token: person.token },
      );
      expect(me.me.organizations).toEqual([{ roles: ['ANALYST', 'VIEWER'], organization: { id: orgA, myRoles: ['ANALYST', 'VIEWER'] } }]);

      // An agency member who also belongs to one client: their roles there, none in the other (one query for the page).
      const staffEmail = uniqueEmail('staff');
      const staffInvite = await api.ok<{ inviteAgencyMember: Payload }>(
        INVITE_AGENCY,
        { input: { email: staffEmail, role: 'MEMBER' } },
        { token: owner.token },
      );
      await accept(staffInvite.inviteAgencyMember.token, 'Équipier');
      const sentToStaff = await invite(inOrg(owner, orgB), staffEmail, ['COORDINATOR']);
      await api.ok(ACCEPT, { input: { token: sentToStaff.token, password: STRONG_PASSWORD } });
      const staff = {
        token: (
          await api.ok<{ logIn: { accessToken: string } }>('mutation ($input: LogInInput!) { logIn(input: $input) { accessToken } }', {
            input: { email: staffEmail, password: STRONG_PASSWORD },
          })
        ).logIn.accessToken,
      };
      const clients = await api.ok<{ organizations: { edges: { node: { id: string; myRoles: string[] } }[] } }>(
        '{ organizations(first: 10) { edges { node { id myRoles } } } }',
        {},
        { token: staff.token },
      );
      expect(clients.organizations.edges.map((e) => e.node)).toEqual([{ id: orgB, myRoles: ['COORDINATOR'] }]);
      const asOwner = await api.ok<{ organizations: { edges: { node: { id: string; myRoles: string[] } }[] } }>(
        '{ organizations(first: 10) { edges { node { id myRoles } } } }',
        {},
        { token: owner.token },
      );
      expect(asOwner.organizations.edges.map((e) => e.node)).toEqual([
        { id: orgA, myRoles: [] },
        { id: orgB, myRoles: [] },
      ]);
      const key = await api.ok<{ createApiKey: { secret: string } }>(
        `mutation { createApiKey(input: { name: "Rôles", scopes: [READ] }) { secret } }`,
        {},
        { token: owner.token },
      );
      expect(
        (await api.ok<{ organization: { myRoles: string[] } }>(MY, {}, { token: key.createApiKey.secret, organizationId: orgA }))
          .organization.myRoles,
      ).toEqual([]);
    });
  });
});
