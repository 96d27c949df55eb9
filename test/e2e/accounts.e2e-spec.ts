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

  interface CountedPage {
    totalCount: number;
    edges: { node: { id?: string; user?: { id: string } } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  }

  /** Every page of a list read one item at a time: the totalCount each page answered and the items of all pages. */
  async function readByOnes(
    field: 'organizations' | 'members',
    query: string,
    variables: Record<string, unknown>,
    options: { token: string; organizationId?: string },
  ): Promise<{ counts: number[]; items: number }> {
    const counts: number[] = [];
    let items = 0;
    let after: string | null = null;
    do {
      const page: CountedPage = (await api.ok<Record<string, CountedPage>>(query, { ...variables, after }, options))[field];
      counts.push(page.totalCount);
      items += page.edges.length;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return { counts, items };
  }

  const ORGANIZATIONS = `query ($after: String, $filter: OrganizationFilterInput) {
    organizations(first: 1, after: $after, filter: $filter) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
  const MEMBERS = `query ($after: String) {
    members(first: 1, after: $after) { totalCount edges { node { user { id } } } pageInfo { hasNextPage endCursor } } }`;

  it("counts the agency's organizations over all pages, with the filter, and never another agency's", async () => {
    const owner = await signUpAgency(api, 'Agence Comptée');
    for (const name of ['Boulangerie Comptée Nord', 'Boulangerie Comptée Sud', 'Fleuriste Compté'])
      await createOrganization(api, owner, name);
    const all = () => readByOnes('organizations', ORGANIZATIONS, {}, { token: owner.token });
    const bakeries = () => readByOnes('organizations', ORGANIZATIONS, { filter: { nameContains: 'Boulangerie' } }, { token: owner.token });
    expect(await all()).toEqual({ counts: [3, 3, 3], items: 3 });
    expect(await bakeries()).toEqual({ counts: [2, 2], items: 2 });
    expect(await readByOnes('organizations', ORGANIZATIONS, { filter: { status: 'DELETION_PENDING' } }, { token: owner.token })).toEqual({
      counts: [0],
      items: 0,
    });

    // Another agency's clients, named alike, are neither listed nor counted.
    const other = await signUpAgency(api, 'Agence Voisine');
    for (const name of ['Boulangerie Voisine', 'Fleuriste Voisin']) await createOrganization(api, other, name);
    expect(await all()).toEqual({ counts: [3, 3, 3], items: 3 });
    expect(await bakeries()).toEqual({ counts: [2, 2], items: 2 });
  });

  it("counts an organization's members over all pages, and neither another client's nor another agency's", async () => {
    const owner = await signUpAgency(api, 'Agence Membres');
    const orgId = await createOrganization(api, owner, 'Client Membres');
    for (const roles of [['VIEWER'], ['ANALYST'], ['COMMUNITY_MANAGER']]) await addOrganizationMember(api, owner, orgId, roles);
    const members = () => readByOnes('members', MEMBERS, {}, { token: owner.token, organizationId: orgId });
    expect(await members()).toEqual({ counts: [3, 3, 3], items: 3 });

    // Members of another client of the agency, and of another agency's client, do not count here.
    const sibling = await createOrganization(api, owner, 'Client Voisin');
    await addOrganizationMember(api, owner, sibling, ['VIEWER']);
    const other = await signUpAgency(api, 'Agence Étrangère');
    const foreign = await createOrganization(api, other, 'Client Étranger');
    for (const roles of [['VIEWER'], ['ANALYST']]) await addOrganizationMember(api, other, foreign, roles);
    expect(await members()).toEqual({ counts: [3, 3, 3], items: 3 });
  });

  interface IdOf {
    id: string;
  }
  interface MemberIds {
    members: { edges: { node: IdOf & { userId: string } }[] };
  }
  interface MeIds {
    me: { agencies: (IdOf & { agency: IdOf })[]; organizations: (IdOf & { organization: IdOf })[] };
  }
  const MEMBER_IDS = '{ members(first: 10) { edges { node { id userId } } } }';
  const ME_IDS = '{ me { agencies { id agency { id } } organizations { id organization { id } } } }';

  it('gives a membership one id in the lists, in me and in the answers that change it, and each membership its own', async () => {
    const owner = await signUpAgency(api, 'Agence Ids');
    const first = await createOrganization(api, owner, 'Client Ids Un');
    const second = await createOrganization(api, owner, 'Client Ids Deux');
    const member = await addOrganizationMember(api, owner, first, ['VIEWER']);
    const colleague = await addOrganizationMember(api, owner, first, ['ANALYST']);
    // The same person joins the second client: invited there, they accept while signed in.
    const invited = await api.ok<{ inviteMember: { token: string } }>(
      'mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { token } }',
      { input: { email: member.email, roles: ['ANALYST'], sendEmail: false } },
      { token: owner.token, organizationId: second },
    );
    await api.ok(
      'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userId } }',
      { input: { token: invited.inviteMember.token } },
      { token: member.token },
    );

    // The same person's membership of the first client: listed by members, answered by me and by changeMemberRoles.
    const listed = (await api.ok<MemberIds>(MEMBER_IDS, {}, { token: owner.token, organizationId: first })).members.edges.map(
      (e) => e.node,
    );
    const inFirst = listed.find((m) => m.userId === member.userId)?.id;
    const me = (await api.ok<MeIds>(ME_IDS, {}, { token: member.token })).me;
    const fromMe = new Map(me.organizations.map((o) => [o.organization.id, o.id]));
    const changed = await api.ok<{ changeMemberRoles: IdOf }>(
      `mutation ($input: ChangeMemberRolesInput!) { changeMemberRoles(input: $input) { id } }`,
      { input: { userId: member.userId, roles: ['ANALYST'] } },
      { token: owner.token, organizationId: first },
    );
    expect(inFirst).toEqual(expect.any(String));
    expect(fromMe.get(first)).toBe(inFirst);
    expect(changed.changeMemberRoles.id).toBe(inFirst);
    // Read again, unchanged by the change of roles.
    const again = (await api.ok<MemberIds>(MEMBER_IDS, {}, { token: owner.token, organizationId: first })).members.edges;
    expect(again.find((e) => e.node.userId === member.userId)?.node.id).toBe(inFirst);

    // Another person in the same client, and the same person in another client, are other memberships.
    const inSecond = (await api.ok<MemberIds>(MEMBER_IDS, {}, { token: owner.token, organizationId: second })).members.edges.find(
      (e) => e.node.userId === member.userId,
    )?.node.id;
    expect(fromMe.get(second)).toBe(inSecond);
    const ids = [inFirst, inSecond, listed.find((m) => m.userId === colleague.userId)?.id];
    expect(new Set(ids).size).toBe(3);

    // The agency's staff: agencyMembers and me.agencies agree; the owner's membership differs from another agency's owner's.
    const staff = await api.ok<{ agencyMembers: { edges: { node: IdOf & { userId: string } }[] } }>(
      '{ agencyMembers(first: 10) { edges { node { id userId } } } }',
      {},
      { token: owner.token, agencyId: owner.agencyId },
    );
    const ownerMe = (await api.ok<MeIds>(ME_IDS, {}, { token: owner.token })).me;
    const ownerInAgency = staff.agencyMembers.edges.find((e) => e.node.userId === owner.userId)?.node.id;
    expect(ownerInAgency).toEqual(expect.any(String));
    expect(ownerMe.agencies).toEqual([{ id: ownerInAgency, agency: { id: owner.agencyId } }]);
    const other = await signUpAgency(api, 'Agence Ids Voisine');
    const otherMe = (await api.ok<MeIds>(ME_IDS, {}, { token: other.token })).me;
    expect(otherMe.agencies[0].id).not.toBe(ownerInAgency);
    // An agency membership and an organization membership never share an id.
    expect(ids).not.toContain(ownerInAgency);
  });
});
