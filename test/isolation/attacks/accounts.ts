import type { AttackModule } from './attack-module';

export const accountsAttacks: AttackModule = {
  name: 'accounts',
  async setup({ api, b }) {
    const key = await api.ok<{ createApiKey: { apiKey: { id: string } } }>(
      `mutation { createApiKey(input: { name: "B", scopes: [READ, WRITE] }) { apiKey { id } } }`,
      {},
      { token: b.token },
    );
    return { keyB: key.createApiKey.apiKey.id };
  },
  attacks: {
    organization: () => [{ query: '{ organization { id } }', options: 'orgB' }],
    updateOrganization: () => [{ query: 'mutation { updateOrganization(input: { name: "pwned" }) { id } }', options: 'orgB' }],
    members: () => [{ query: '{ members(first: 5) { edges { node { userId } } } }', options: 'orgB' }],
    inviteMember: () => [
      { query: 'mutation { inviteMember(input: { email: "x@example.test", roles: [VIEWER] }) { token } }', options: 'orgB' },
    ],
    changeMemberRoles: ({ memberB }) => [
      { query: `mutation { changeMemberRoles(input: { userId: "${memberB}", roles: [VIEWER] }) { userId } }`, options: 'orgB' },
      { query: `mutation { changeMemberRoles(input: { userId: "${memberB}", roles: [VIEWER] }) { userId } }`, options: 'orgA' },
    ],
    removeMember: ({ memberB }) => [
      { query: `mutation { removeMember(input: { userId: "${memberB}" }) { userId } }`, options: 'orgB' },
      { query: `mutation { removeMember(input: { userId: "${memberB}" }) { userId } }`, options: 'orgA' },
    ],
    auditLog: () => [{ query: '{ auditLog(first: 5) { edges { node { id } } } }', options: 'orgB' }],
    agency: () => [{ query: '{ agency { id } }', options: 'agencyB' }],
    renameAgency: () => [{ query: 'mutation { renameAgency(input: { name: "pwned" }) { id } }', options: 'agencyB' }],
    organizations: () => [{ query: '{ organizations(first: 5) { edges { node { id } } } }', options: 'agencyB' }],
    createOrganization: () => [{ query: 'mutation { createOrganization(input: { name: "pwned" }) { id } }', options: 'agencyB' }],
    deleteOrganization: ({ orgB }) => [
      { query: `mutation { deleteOrganization(input: { id: "${orgB}", confirmName: "Client B" }) { id } }`, options: 'agency' },
    ],
    agencyMembers: () => [{ query: '{ agencyMembers(first: 5) { edges { node { userId } } } }', options: 'agencyB' }],
    inviteAgencyMember: () => [
      { query: 'mutation { inviteAgencyMember(input: { email: "x@example.test", role: ADMIN }) { token } }', options: 'agencyB' },
    ],
    changeAgencyMemberRole: ({ ownerB }) => [
      { query: `mutation { changeAgencyMemberRole(input: { userId: "${ownerB}", role: MEMBER }) { userId } }`, options: 'agency' },
    ],
    removeAgencyMember: ({ ownerB }) => [
      { query: `mutation { removeAgencyMember(input: { userId: "${ownerB}" }) { userId } }`, options: 'agency' },
    ],
    apiKeys: () => [{ query: '{ apiKeys(first: 5) { edges { node { id } } } }', options: 'agencyB' }],
    createApiKey: ({ orgB }) => [
      { query: `mutation { createApiKey(input: { name: "x", scopes: [READ], organizationId: "${orgB}" }) { secret } }`, options: 'agency' },
    ],
    revokeApiKey: ({ keyB }) => [{ query: `mutation { revokeApiKey(input: { id: "${keyB}" }) { id } }`, options: 'agency' }],
    agencyAuditLog: () => [{ query: '{ agencyAuditLog(first: 5) { edges { node { id } } } }', options: 'agencyB' }],
  },
  snapshot: ({ api, b, orgB }) =>
    Promise.all([
      api.ok(
        `{ organization { id name sector status } members(first: 50) { edges { node { userId roles } } } auditLog(first: 100) { edges { node { action } } } }`,
        {},
        { token: b.token, organizationId: orgB },
      ),
      api.ok(
        `{ agency { name } apiKeys(first: 50) { edges { node { id revokedAt } } } agencyMembers(first: 50) { edges { node { userId role } } } organizations(first: 50) { edges { node { id status } } } }`,
        {},
        { token: b.token },
      ),
    ]),
  // The password reset acts on the account its mail went to; a link naming another account is refused in
  // test/e2e/password-reset.e2e-spec.ts. viewer answers about the caller itself; aimed at B's organisation it answers
  // NOT_FOUND on viewer.organization (the rest is the caller's own): tested in cross-tenant.e2e-spec.ts. errorReference
  // describes the API itself and holds no tenant data.
  selfOnly: [
    'signUp',
    'logIn',
    'refreshSession',
    'logOut',
    'acceptInvitation',
    'me',
    'updateMe',
    'requestPasswordReset',
    'resetPassword',
    'viewer',
    'errorReference',
  ],
};
