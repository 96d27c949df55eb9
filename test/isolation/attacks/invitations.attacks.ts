import type { AttackModule } from './attack-module';

/**
 * Pending invitations: B's client and agency invitations, listed, withdrawn and sent again from A (inside B's
 * tenant, from A's own organisation and agency with B's ids, and naming B's agency).
 */
export const invitationsAttacks: AttackModule = {
  name: 'invitations',
  async setup({ api, b, orgB }) {
    const client = await api.ok<{ inviteMember: { invitation: { id: string } } }>(
      'mutation { inviteMember(input: { email: "pending.b@example.test", roles: [ANALYST] }) { invitation { id } } }',
      {},
      { token: b.token, organizationId: orgB },
    );
    const agency = await api.ok<{ inviteAgencyMember: { invitation: { id: string } } }>(
      'mutation { inviteAgencyMember(input: { email: "staff.b@example.test", role: MEMBER }) { invitation { id } } }',
      {},
      { token: b.token },
    );
    return { invitationB: client.inviteMember.invitation.id, agencyInvitationB: agency.inviteAgencyMember.invitation.id };
  },
  attacks: {
    invitations: () => [{ query: '{ invitations(first: 10) { edges { node { id email } } } }', options: 'orgB' }],
    revokeInvitation: ({ invitationB, agencyInvitationB }) => [
      { query: `mutation { revokeInvitation(input: { invitationId: "${invitationB}" }) { id } }`, options: 'orgB' },
      { query: `mutation { revokeInvitation(input: { invitationId: "${invitationB}" }) { id } }`, options: 'orgA' },
      { query: `mutation { revokeInvitation(input: { invitationId: "${agencyInvitationB}" }) { id } }`, options: 'orgA' },
    ],
    resendInvitation: ({ invitationB }) => [
      { query: `mutation { resendInvitation(input: { invitationId: "${invitationB}" }) { token } }`, options: 'orgB' },
      { query: `mutation { resendInvitation(input: { invitationId: "${invitationB}" }) { token } }`, options: 'orgA' },
    ],
    agencyInvitations: () => [{ query: '{ agencyInvitations(first: 10) { edges { node { id email } } } }', options: 'agencyB' }],
    revokeAgencyInvitation: ({ agencyInvitationB, invitationB }) => [
      { query: `mutation { revokeAgencyInvitation(input: { invitationId: "${agencyInvitationB}" }) { id } }`, options: 'agency' },
      { query: `mutation { revokeAgencyInvitation(input: { invitationId: "${agencyInvitationB}" }) { id } }`, options: 'agencyB' },
      { query: `mutation { revokeAgencyInvitation(input: { invitationId: "${invitationB}" }) { id } }`, options: 'agency' },
    ],
    resendAgencyInvitation: ({ agencyInvitationB }) => [
      { query: `mutation { resendAgencyInvitation(input: { invitationId: "${agencyInvitationB}" }) { token } }`, options: 'agency' },
      { query: `mutation { resendAgencyInvitation(input: { invitationId: "${agencyInvitationB}" }) { token } }`, options: 'agencyB' },
    ],
  },
  snapshot: async ({ asOwner, orgB, b }) => ({
    client: await asOwner(
      'SELECT id, email, roles, token_hash, expires_at, accepted_at, revoked_at FROM organization_invitations WHERE organization_id = $1 ORDER BY id',
      [orgB],
    ),
    agency: await asOwner(
      'SELECT id, email, role, token_hash, expires_at, accepted_at, revoked_at FROM agency_invitations WHERE agency_id = $1 ORDER BY id',
      [b.agencyId],
    ),
  }),
};
