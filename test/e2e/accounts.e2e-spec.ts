import { addOrganizationMember, createOrganization, signUpAgency, TestApi } from '@socle/testing';

describe('accounts over GraphQL', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api.stop();
  });

  it('signs up an agency, creates a client and lists its members with their users', async () => {
    const owner = await signUpAgency(api);
    const orgId = await createOrganization(api, owner, 'Boulangerie Dupont');
    const member = await addOrganizationMember(api, owner, orgId, ['COMMUNITY_MANAGER']);
    const data = await api.ok<{ members: { edges: { node: { roles: string[]; user: { id: string; displayName: string } } }[] } }>(
      `{ members(first: 10) { edges { node { roles user { id displayName } } } } }`,
      {},
      { token: member.token, organizationId: orgId },
    );
    expect(data.members.edges.map((e) => e.node.user.id)).toEqual([member.userId]);
    expect(data.members.edges[0].node.roles).toEqual(['COMMUNITY_MANAGER']);
  });
});
