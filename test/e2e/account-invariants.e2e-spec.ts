import { Client } from 'pg';
import {
  addOrganizationMember,
  AgencySession,
  createOrganization,
  GqlResult,
  signUpAgency,
  STRONG_PASSWORD,
  TestApi,
  uniqueEmail,
} from '@socle/testing';

/**
 * "An agency keeps at least one owner" and "a client keeps its last strategy
 * lead (unless an agency owner or admin acts)" hold under real concurrency:
 * two requests racing on the real PostgreSQL, many times over.
 */
const ROUNDS = 10;

const CHANGE_ROLE = `mutation ($input: ChangeAgencyMemberRoleInput!) { changeAgencyMemberRole(input: $input) { userId role } }`;
const REMOVE = `mutation ($input: RemoveMemberInput!) { removeAgencyMember(input: $input) { userId role } }`;
const CHANGE_ROLES = `mutation ($input: ChangeMemberRolesInput!) { changeMemberRoles(input: $input) { userId roles } }`;
const REMOVE_MEMBER = `mutation ($input: RemoveMemberInput!) { removeMember(input: $input) { userId } }`;

interface Person {
  token: string;
  userId: string;
}

type Outcome = 'ok' | 'CONFLICT' | 'FORBIDDEN' | 'NOT_FOUND';

/**
 * What a request came to. A loser that was removed from the client before its
 * own request began no longer sees the client at all (NOT_FOUND, as for any
 * outsider), which only races where one side removes the other may answer.
 */
function outcome(res: GqlResult, removal = false): Outcome {
  const error = res.body.errors?.[0];
  if (!error) return 'ok';
  const code = error.extensions?.code;
  const allowed = removal ? ['CONFLICT', 'FORBIDDEN', 'NOT_FOUND'] : ['CONFLICT', 'FORBIDDEN'];
  if (typeof code !== 'string' || !allowed.includes(code)) throw new Error(`unexpected answer: ${JSON.stringify(res.body.errors)}`);
  return code as Outcome;
}

/**
 * Of two racing requests exactly one wins. When both wrote before either
 * checked (`overlapped`), the loser gets CONFLICT; otherwise the loser may have
 * started after the winner committed and lost the right to act (FORBIDDEN).
 */
function expectOneWinner(results: GqlResult[], overlapped: boolean, removal = false): GqlResult {
  const outcomes = results.map((r) => outcome(r, removal));
  expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
  if (overlapped) expect(outcomes.sort()).toEqual(['CONFLICT', 'ok']);
  return results.find((r) => outcome(r, removal) !== 'ok') as GqlResult;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('account invariants under concurrency', () => {
  let api: TestApi;
  let db: Client;

  beforeAll(async () => {
    // Every round signs up a fresh agency: lift the per-IP sign-up limit, and cheapen password hashing for speed.
    api = await TestApi.start({ RATE_LIMIT_LOGIN_PER_MINUTE: '1000', SCRYPT_LOG_N: '12' });
    db = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await api.stop();
  });

  /** Invites someone to the agency, accepts as a new account, and (when asked) makes them owner. */
  async function addAgencyMember(owner: AgencySession, role: 'OWNER' | 'ADMIN' | 'MEMBER'): Promise<Person> {
    const invite = await api.ok<{ inviteAgencyMember: { token: string } }>(
      `mutation ($input: InviteAgencyMemberInput!) { inviteAgencyMember(input: $input) { token } }`,
      { input: { email: uniqueEmail('staff'), role: role === 'OWNER' ? 'ADMIN' : role } },
      { token: owner.token },
    );
    const accepted = await api.ok<{ acceptInvitation: { userId: string; session: { accessToken: string } } }>(
      `mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userId session { accessToken } } }`,
      { input: { token: invite.inviteAgencyMember.token, displayName: 'Staff', password: STRONG_PASSWORD } },
    );
    const person = { token: accepted.acceptInvitation.session.accessToken, userId: accepted.acceptInvitation.userId };
    if (role === 'OWNER') await api.ok(CHANGE_ROLE, { input: { userId: person.userId, role: 'OWNER' } }, { token: owner.token });
    return person;
  }

  /**
   * Makes two requests overlap for sure: holds the tenant's row lock (the one the
   * invariant check takes) until both requests have made their change and wait
   * at the check, then lets them go. Odd rounds race freely instead.
   */
  async function race(
    round: number,
    lock: { table: 'agencies' | 'organizations'; id: string },
    requests: () => Promise<GqlResult>[],
  ): Promise<GqlResult[]> {
    if (round % 2 === 1) return Promise.all(requests());
    return held(`SELECT 1 FROM ${lock.table} WHERE id = $1 FOR NO KEY UPDATE`, [lock.id], 'SET CONSTRAINTS%', requests);
  }

  /** Holds `lockSql`'s lock until two requests wait for it at a statement like `waitingAt`, then lets them go. */
  async function held(lockSql: string, params: unknown[], waitingAt: string, requests: () => Promise<GqlResult>[]): Promise<GqlResult[]> {
    const gate = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await gate.connect();
    try {
      await gate.query('BEGIN');
      await gate.query(lockSql, params);
      let settled = false;
      const pending = Promise.all(requests()).finally(() => {
        settled = true;
      });
      // Both waiting at the check; or both already answered (code that checks nothing: the assertions will tell).
      for (let polls = 0; !settled; polls += 1) {
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE $1`,
          [waitingAt],
        );
        if (rows[0].n >= 2) break;
        if (polls > 800) throw new Error('the two requests never both reached the invariant check');
        await sleep(25);
      }
      await gate.query('ROLLBACK');
      return await pending;
    } finally {
      await gate.end();
    }
  }

  /** Counted in the database itself, not through the API. */
  async function owners(agencyId: string): Promise<number> {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM agency_memberships WHERE agency_id = $1 AND role = 'OWNER'`,
      [agencyId],
    );
    return rows[0].n;
  }

  async function strategyLeads(organizationId: string): Promise<number> {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM organization_memberships WHERE organization_id = $1 AND 'STRATEGY_LEAD' = ANY(roles)`,
      [organizationId],
    );
    return rows[0].n;
  }

  it('two owners demoting each other at the same moment: one wins, the other gets CONFLICT, the agency keeps an owner', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const a = await signUpAgency(api, `Race ${round}`);
      const b = await addAgencyMember(a, 'OWNER');
      const results = await race(round, { table: 'agencies', id: a.agencyId }, () => [
        api.gql(CHANGE_ROLE, { input: { userId: b.userId, role: 'ADMIN' } }, { token: a.token }),
        api.gql(CHANGE_ROLE, { input: { userId: a.userId, role: 'ADMIN' } }, { token: b.token }),
      ]);
      const refused = expectOneWinner(results, round % 2 === 0);
      if (outcome(refused) === 'CONFLICT') {
        expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.role', reason: 'LAST_OWNER' });
        expect(refused.body.errors?.[0].message).toMatch(/at least one owner/);
      }
      expect(await owners(a.agencyId)).toBe(1);
    }
  });

  it('removal racing a demotion, and two owners leaving at once, still leave one owner', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const a = await signUpAgency(api, `Leave ${round}`);
      const b = await addAgencyMember(a, 'OWNER');
      const results = await race(round, { table: 'agencies', id: a.agencyId }, () =>
        round % 4 < 2
          ? [
              // a removes b while b demotes a
              api.gql(REMOVE, { input: { userId: b.userId } }, { token: a.token }),
              api.gql(CHANGE_ROLE, { input: { userId: a.userId, role: 'MEMBER' } }, { token: b.token }),
            ]
          : [
              // both leave the agency
              api.gql(REMOVE, { input: { userId: a.userId } }, { token: a.token }),
              api.gql(REMOVE, { input: { userId: b.userId } }, { token: b.token }),
            ],
      );
      expectOneWinner(results, round % 2 === 0);
      expect(await owners(a.agencyId)).toBe(1);
    }
  });

  it('the last owner cannot leave or step down; ownership is transferred by naming another owner first', async () => {
    const a = await signUpAgency(api, 'Transfer');
    const c = await addAgencyMember(a, 'ADMIN');
    const leave = await api.gql(REMOVE, { input: { userId: a.userId } }, { token: a.token });
    expect(leave.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.userId', reason: 'LAST_OWNER' });
    const stepDown = await api.gql(CHANGE_ROLE, { input: { userId: a.userId, role: 'ADMIN' } }, { token: a.token });
    expect(stepDown.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.role', reason: 'LAST_OWNER' });
    expect(await owners(a.agencyId)).toBe(1);

    await api.ok(CHANGE_ROLE, { input: { userId: c.userId, role: 'OWNER' } }, { token: a.token });
    await api.ok(CHANGE_ROLE, { input: { userId: a.userId, role: 'ADMIN' } }, { token: a.token });
    const { rows } = await db.query<{ user_id: string }>(`SELECT user_id FROM agency_memberships WHERE agency_id = $1 AND role = 'OWNER'`, [
      a.agencyId,
    ]);
    expect(rows.map((r) => r.user_id)).toEqual([c.userId]);
  });

  it('two strategy leads taking the role from each other at once: the client keeps one', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const owner = await signUpAgency(api, `Leads ${round}`);
      const orgId = await createOrganization(api, owner, 'Client');
      const one = await addOrganizationMember(api, owner, orgId, ['STRATEGY_LEAD']);
      const two = await addOrganizationMember(api, owner, orgId, ['STRATEGY_LEAD', 'ANALYST']);
      const results = await race(round, { table: 'organizations', id: orgId }, () =>
        round % 4 < 2
          ? [
              api.gql(CHANGE_ROLES, { input: { userId: two.userId, roles: ['ANALYST'] } }, { token: one.token, organizationId: orgId }),
              api.gql(CHANGE_ROLES, { input: { userId: one.userId, roles: ['VIEWER'] } }, { token: two.token, organizationId: orgId }),
            ]
          : [
              api.gql(REMOVE_MEMBER, { input: { userId: two.userId } }, { token: one.token, organizationId: orgId }),
              api.gql(CHANGE_ROLES, { input: { userId: one.userId, roles: ['VIEWER'] } }, { token: two.token, organizationId: orgId }),
            ],
      );
      const removal = round % 4 >= 2;
      const refused = expectOneWinner(results, round % 2 === 0, removal);
      if (outcome(refused, removal) === 'CONFLICT')
        expect(refused.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_STRATEGY_LEAD' });
      // Only the removed lead can have lost sight of the client.
      if (outcome(refused, removal) === 'NOT_FOUND') expect(results[1]).toBe(refused);
      expect(await strategyLeads(orgId)).toBe(1);
    }
  });

  it('an agency owner may still take away the last strategy lead', async () => {
    const owner = await signUpAgency(api, 'Owner acts');
    const orgId = await createOrganization(api, owner, 'Client');
    const lead = await addOrganizationMember(api, owner, orgId, ['STRATEGY_LEAD']);
    const self = await api.gql(
      CHANGE_ROLES,
      { input: { userId: lead.userId, roles: ['VIEWER'] } },
      { token: lead.token, organizationId: orgId },
    );
    expect(self.body.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.roles', reason: 'LAST_STRATEGY_LEAD' });
    await api.ok(CHANGE_ROLES, { input: { userId: lead.userId, roles: ['VIEWER'] } }, { token: owner.token, organizationId: orgId });
    expect(await strategyLeads(orgId)).toBe(0);
  });

  it('two invitations to the same agency accepted at once: one membership, the other answer is CONFLICT', async () => {
    const owner = await signUpAgency(api, 'Invites');
    const invitee = await signUpAgency(api, 'Elsewhere');
    const invite = async () =>
      (
        await api.ok<{ inviteAgencyMember: { token: string } }>(
          `mutation ($input: InviteAgencyMemberInput!) { inviteAgencyMember(input: $input) { token } }`,
          { input: { email: invitee.email, role: 'MEMBER' } },
          { token: owner.token },
        )
      ).inviteAgencyMember.token;
    const tokens = [await invite(), await invite()];
    // A row for the same person held uncommitted: both acceptances pass their check and wait on the primary key.
    const results = await held(
      "INSERT INTO agency_memberships (agency_id, user_id, role) VALUES ($1, $2, 'MEMBER')",
      [owner.agencyId, invitee.userId],
      'INSERT INTO%agency_memberships%',
      () =>
        tokens.map((token) =>
          api.gql(
            `mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userId } }`,
            { input: { token } },
            { token: invitee.token },
          ),
        ),
    );
    expect(results.map((r) => outcome(r)).sort()).toEqual(['CONFLICT', 'ok']);
    expect(results.find((r) => outcome(r) === 'CONFLICT')?.body.errors?.[0].message).toBe('You are already a member of this agency.');
    const { rows } = await db.query('SELECT 1 FROM agency_memberships WHERE agency_id = $1 AND user_id = $2', [
      owner.agencyId,
      invitee.userId,
    ]);
    expect(rows).toHaveLength(1);
  });

  describe('in the database itself, whatever the code that writes', () => {
    let app: Client;
    beforeAll(async () => {
      app = new Client({ connectionString: process.env.DATABASE_URL });
      await app.connect();
    });
    afterAll(async () => {
      await app.end();
    });

    it('a transaction that leaves an agency without an owner does not commit', async () => {
      const a = await signUpAgency(api, 'Backstop');
      await app.query('BEGIN');
      await app.query("SELECT set_config('socle.agency_id', $1, true)", [a.agencyId]);
      await app.query("UPDATE agency_memberships SET role = 'ADMIN' WHERE agency_id = $1 AND user_id = $2", [a.agencyId, a.userId]);
      const failure = await app.query('COMMIT').then(
        () => null,
        (error: { code?: string; constraint?: string }) => error,
      );
      expect(failure).toMatchObject({ code: '23514', constraint: 'agency_keeps_an_owner' });
      expect(await owners(a.agencyId)).toBe(1);
    });

    it('within one transaction the owner may change hands (checked at commit)', async () => {
      const a = await signUpAgency(api, 'Handover');
      const c = await addAgencyMember(a, 'ADMIN');
      await app.query('BEGIN');
      await app.query("SELECT set_config('socle.agency_id', $1, true)", [a.agencyId]);
      await app.query("UPDATE agency_memberships SET role = 'ADMIN' WHERE agency_id = $1 AND user_id = $2", [a.agencyId, a.userId]);
      await app.query("UPDATE agency_memberships SET role = 'OWNER' WHERE agency_id = $1 AND user_id = $2", [a.agencyId, c.userId]);
      await app.query('COMMIT');
      expect(await owners(a.agencyId)).toBe(1);
    });

    it('a client member without agency rights cannot take away the last strategy lead, even bypassing the API', async () => {
      const owner = await signUpAgency(api, 'Backstop leads');
      const orgId = await createOrganization(api, owner, 'Client');
      const lead = await addOrganizationMember(api, owner, orgId, ['STRATEGY_LEAD']);
      await app.query('BEGIN');
      await app.query("SELECT set_config('socle.organization_id', $1, true), set_config('socle.user_id', $2, true)", [orgId, lead.userId]);
      await app.query('DELETE FROM organization_memberships WHERE organization_id = $1 AND user_id = $2', [orgId, lead.userId]);
      const failure = await app.query('COMMIT').then(
        () => null,
        (error: { code?: string; constraint?: string }) => error,
      );
      expect(failure).toMatchObject({ code: '23514', constraint: 'organization_keeps_a_strategy_lead' });
      expect(await strategyLeads(orgId)).toBe(1);
    });
  });
});
