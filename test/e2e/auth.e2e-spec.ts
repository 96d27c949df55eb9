import type { Client } from 'pg';
import request from 'supertest';
import { generateApiKey } from '@socle/platform-auth';
import {
  addOrganizationMember,
  AgencySession,
  createOrganization,
  signUpAgency,
  STRONG_PASSWORD,
  TestApi,
  uniqueEmail,
} from '@socle/testing';
import { adminDatabase, firstError, insideOneRateWindow, isolatedPrefix } from './e2e-support';

const LOG_IN = 'mutation ($input: LogInInput!) { logIn(input: $input) { accessToken refreshToken expiresIn userId } }';
const REFRESH = 'mutation ($input: RefreshSessionInput!) { refreshSession(input: $input) { accessToken refreshToken userId } }';
const CREATE_KEY =
  'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id name displayPrefix scopes organizationId expiresAt lastUsedAt revokedAt } } }';
const INVITE = 'mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { token invitation { id email roles } } }';
const INVITE_AGENCY =
  'mutation ($input: InviteAgencyMemberInput!) { inviteAgencyMember(input: $input) { token invitation { id email agencyRole } } }';
const ACCEPT =
  'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { userId newAccount session { accessToken refreshToken } } }';
const AGENCY_AUDIT = '{ agencyAuditLog(first: 100) { edges { node { action actorType actorId targetId metadata requestId } } } }';
const ORG_AUDIT = '{ auditLog(first: 100) { edges { node { action actorType actorId targetId metadata requestId } } } }';

interface AuditNode {
  action: string;
  actorType: string;
  actorId: string | null;
  targetId: string | null;
  metadata: Record<string, unknown>;
  requestId: string | null;
}
interface CreatedKey {
  secret: string;
  apiKey: {
    id: string;
    name: string;
    displayPrefix: string;
    scopes: string[];
    organizationId: string | null;
    expiresAt: string | null;
    lastUsedAt: string | null;
    revokedAt: string | null;
  };
}

/** Sign-in, sessions, rate limits, API keys, roles and invitations, end to end. */
describe('authentication and authorization', () => {
  let api: TestApi;
  let admin: Client;

  const agencyAudit = async (session: { token: string }) =>
    (
      await api.ok<{ agencyAuditLog: { edges: { node: AuditNode }[] } }>(AGENCY_AUDIT, {}, { token: session.token })
    ).agencyAuditLog.edges.map((e) => e.node);
  const orgAudit = async (session: { token: string }, organizationId: string) =>
    (
      await api.ok<{ auditLog: { edges: { node: AuditNode }[] } }>(ORG_AUDIT, {}, { token: session.token, organizationId })
    ).auditLog.edges.map((e) => e.node);
  const createKey = async (owner: AgencySession, input: Record<string, unknown>) =>
    (await api.ok<{ createApiKey: CreatedKey }>(CREATE_KEY, { input: { name: 'Intégration', ...input } }, { token: owner.token }))
      .createApiKey;
  const logIn = (email: string, password: string, app: TestApi = api) =>
    app.gql<{ logIn: { accessToken: string; refreshToken: string; userId: string } }>(LOG_IN, { input: { email, password } });
  const refresh = (refreshToken: string) =>
    api.gql<{ refreshSession: { accessToken: string; refreshToken: string; userId: string } }>(REFRESH, { input: { refreshToken } });

  beforeAll(async () => {
    api = await TestApi.start({ QUEUE_PREFIX: isolatedPrefix('auth'), RATE_LIMIT_LOGIN_PER_MINUTE: '1000' });
    admin = await adminDatabase();
  });
  afterAll(async () => {
    await admin?.end();
    await api?.stop();
  });

  describe('logging in', () => {
    it('gives a working session for the right password', async () => {
      const owner = await signUpAgency(api);
      const res = await logIn(owner.email.toUpperCase(), STRONG_PASSWORD);
      expect(res.status).toBe(200);
      const session = res.body.data?.logIn;
      expect(session?.userId).toBe(owner.userId);
      expect(session?.refreshToken).toMatch(new RegExp(`^srt_${owner.userId}_[A-Za-z0-9_-]{43}$`));
      const me = await api.ok<{ me: { user: { id: string } } }>('{ me { user { id } } }', {}, { token: session?.accessToken });
      expect(me.me.user.id).toBe(owner.userId);
    });

    it('refuses a wrong password with UNAUTHENTICATED and records login.failed in the agency audit log', async () => {
      const owner = await signUpAgency(api);
      const res = await logIn(owner.email, 'Wrong-Horse-Battery-9');
      expect(res.body.data).toBeNull();
      const error = firstError(res);
      expect(error.extensions.code).toBe('UNAUTHENTICATED');
      expect(error.message).toBe('Email or password is incorrect.');
      expect(res.status).toBe(401);
      // Same answer for an unknown email: nothing tells whether the account exists.
      const unknown = await logIn(uniqueEmail('nobody'), 'Wrong-Horse-Battery-9');
      expect(firstError(unknown)).toEqual({
        ...error,
        extensions: { ...error.extensions, requestId: unknown.body.errors?.[0].extensions?.requestId },
      });
      const failed = (await agencyAudit(owner)).filter((e) => e.action === 'login.failed');
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ actorType: 'USER', actorId: owner.userId, requestId: error.extensions.requestId });
      expect(JSON.stringify(failed[0])).not.toContain('Wrong-Horse-Battery-9');
    });
  });

  describe('refresh tokens', () => {
    it('rotate: each works once, and re-using one revokes the whole family', async () => {
      const owner = await signUpAgency(api);
      const first = await refresh(owner.refreshToken);
      const r1 = first.body.data?.refreshSession;
      expect(r1?.userId).toBe(owner.userId);
      expect(r1?.refreshToken).not.toBe(owner.refreshToken);
      const second = await refresh(r1?.refreshToken ?? '');
      const r2 = second.body.data?.refreshSession;
      expect(r2?.refreshToken).toEqual(expect.any(String));
      // The new access token works.
      expect((await api.ok<{ me: { user: { id: string } } }>('{ me { user { id } } }', {}, { token: r2?.accessToken })).me.user.id).toBe(
        owner.userId,
      );

      // Replaying the first token: refused, and the newest token of the family dies with it.
      const replay = await refresh(owner.refreshToken);
      expect(firstError(replay).extensions.code).toBe('UNAUTHENTICATED');
      expect(firstError(replay).message).toMatch(/already used.*revoked/);
      const newest = await refresh(r2?.refreshToken ?? '');
      expect(firstError(newest).extensions.code).toBe('UNAUTHENTICATED');
      expect(firstError(newest).message).toBe('This refresh token is not valid. Log in again.');

      const events = (await agencyAudit(owner)).filter((e) => e.action === 'session.refresh_reuse_detected');
      expect(events).toHaveLength(1);
      expect(events[0].actorId).toBe(owner.userId);
      const dump = JSON.stringify(events);
      for (const token of [owner.refreshToken, r1?.refreshToken, r2?.refreshToken]) expect(dump).not.toContain(String(token).slice(-43));
    });

    it('leave other sessions of the same person alone when one family is revoked', async () => {
      const owner = await signUpAgency(api);
      const other = (await logIn(owner.email, STRONG_PASSWORD)).body.data?.logIn;
      await refresh(owner.refreshToken);
      await refresh(owner.refreshToken); // reuse: revokes the sign-up family only
      expect((await refresh(other?.refreshToken ?? '')).body.data?.refreshSession.userId).toBe(owner.userId);
    });

    it('refuses a malformed or unknown refresh token', async () => {
      const owner = await signUpAgency(api);
      expect(firstError(await refresh('not-a-token')).message).toBe('This refresh token is malformed.');
      const forged = owner.refreshToken.slice(0, -5) + (owner.refreshToken.endsWith('AAAAA') ? 'BBBBB' : 'AAAAA');
      expect(firstError(await refresh(forged)).message).toBe('This refresh token is not valid. Log in again.');
      // The real one still works: a forged one revokes nothing.
      expect((await refresh(owner.refreshToken)).body.data?.refreshSession.userId).toBe(owner.userId);
    });

    it('stop working after logging out', async () => {
      const owner = await signUpAgency(api);
      const out = await api.ok<{ logOut: boolean }>('mutation { logOut }', {}, { token: owner.token });
      expect(out.logOut).toBe(true);
      const after = await refresh(owner.refreshToken);
      expect(firstError(after).extensions.code).toBe('UNAUTHENTICATED');
      expect(after.body.data).toBeNull();
    });
  });

  describe('rate limits', () => {
    let loginLimited: TestApi;
    let userLimited: TestApi;
    beforeAll(async () => {
      loginLimited = await TestApi.start({ QUEUE_PREFIX: isolatedPrefix('auth-login'), RATE_LIMIT_LOGIN_PER_MINUTE: '3' });
      userLimited = await TestApi.start({
        QUEUE_PREFIX: isolatedPrefix('auth-user'),
        RATE_LIMIT_USER_PER_MINUTE: '5',
        RATE_LIMIT_LOGIN_PER_MINUTE: '1000',
      });
    });
    afterAll(async () => {
      await loginLimited?.stop();
      await userLimited?.stop();
    });

    it('limits log-in attempts per account: RATE_LIMITED, 429 and Retry-After', async () => {
      await insideOneRateWindow();
      const owner = await signUpAgency(loginLimited);
      for (let i = 0; i < 3; i++)
        expect(firstError(await logIn(owner.email, 'Wrong-Horse-Battery-9', loginLimited)).extensions.code).toBe('UNAUTHENTICATED');
      // Even the right password waits now.
      const res = await logIn(owner.email, STRONG_PASSWORD, loginLimited);
      const error = firstError(res);
      expect(error.extensions.code).toBe('RATE_LIMITED');
      const retryAfter = error.extensions.retryAfterSeconds as number;
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(error.message).toBe(`Too many requests. Retry in ${retryAfter} s.`);
      expect(res.status).toBe(429);
      expect(res.headers['retry-after']).toBe(String(retryAfter));
      expect(res.body.data?.logIn).toBeUndefined();
      // Another account is not held back by this one's attempts.
      const other = await signUpAgency(loginLimited);
      expect((await logIn(other.email, STRONG_PASSWORD, loginLimited)).body.data?.logIn.userId).toBe(other.userId);
    });

    it('limits requests per user: RATE_LIMITED with 429 and Retry-After, other users unaffected', async () => {
      await insideOneRateWindow();
      const owner = await signUpAgency(userLimited); // its `me` look-up is the first of 5
      for (let i = 0; i < 4; i++) await userLimited.ok('{ me { user { id } } }', {}, { token: owner.token });
      const res = await userLimited.gql('{ me { user { id } } }', {}, { token: owner.token });
      expect(res.status).toBe(429);
      expect(res.body).not.toHaveProperty('data');
      const error = firstError(res);
      expect(error.extensions.code).toBe('RATE_LIMITED');
      expect(error.extensions.retryAfterSeconds).toEqual(expect.any(Number));
      expect(res.headers['retry-after']).toBe(String(error.extensions.retryAfterSeconds));
      const other = await signUpAgency(userLimited);
      expect(
        (await userLimited.ok<{ me: { user: { id: string } } }>('{ me { user { id } } }', {}, { token: other.token })).me.user.id,
      ).toBe(other.userId);
    });
  });

  describe('API keys', () => {
    it('show the secret once, in the documented format; listings show only the display prefix', async () => {
      const owner = await signUpAgency(api);
      const key = await createKey(owner, { scopes: ['WRITE', 'READ'] });
      expect(key.secret).toMatch(/^socle_ak_[0-9A-Za-z]{46}$/);
      expect(key.apiKey).toMatchObject({
        name: 'Intégration',
        scopes: ['READ', 'WRITE'],
        organizationId: null,
        lastUsedAt: null,
        revokedAt: null,
      });
      expect(key.apiKey.displayPrefix).toMatch(/^socle_ak_[0-9A-Za-z]{6}$/);
      expect(key.secret.startsWith(key.apiKey.displayPrefix)).toBe(true);
      const listed = await api.gql<{ apiKeys: { edges: { node: { id: string; displayPrefix: string } }[] } }>(
        '{ apiKeys(first: 10) { edges { node { id displayPrefix name scopes } } } }',
        {},
        { token: owner.token },
      );
      expect(listed.body.data?.apiKeys.edges.map((e) => e.node)).toEqual([
        { id: key.apiKey.id, displayPrefix: key.apiKey.displayPrefix, name: 'Intégration', scopes: ['READ', 'WRITE'] },
      ]);
      expect(JSON.stringify(listed.body)).not.toContain(key.secret.slice(15));
    });

    it('act for their agency (agency key) or for their one organization (scoped key, no header needed)', async () => {
      const owner = await signUpAgency(api);
      const orgId = await createOrganization(api, owner, 'Client Clé');
      const otherOrg = await createOrganization(api, owner, 'Client Autre');
      const member = await addOrganizationMember(api, owner, orgId, ['CONTENT_LEAD']);
      const agencyKey = await createKey(owner, { scopes: ['READ'] });
      const orgs = await api.ok<{ organizations: { edges: { node: { id: string } }[] } }>(
        '{ organizations(first: 10) { edges { node { id } } } }',
        {},
        { token: agencyKey.secret },
      );
      expect(orgs.organizations.edges.map((e) => e.node.id)).toEqual([orgId, otherOrg]);

      const scoped = await createKey(owner, { scopes: ['READ'], organizationId: orgId });
      expect(scoped.apiKey.organizationId).toBe(orgId);
      const inside = await api.ok<{
        organization: { id: string; name: string };
        members: { edges: { node: { userId: string; roles: string[] } }[] };
      }>('{ organization { id name } members(first: 10) { edges { node { userId roles } } } }', {}, { token: scoped.secret });
      expect(inside.organization).toEqual({ id: orgId, name: 'Client Clé' });
      expect(inside.members.edges.map((e) => e.node)).toEqual([{ userId: member.userId, roles: ['CONTENT_LEAD'] }]);
      // Aimed at another organization of the same agency: refused.
      const elsewhere = await api.gql('{ organization { id } }', {}, { token: scoped.secret, organizationId: otherOrg });
      expect(firstError(elsewhere).extensions.code).toBe('FORBIDDEN');
      // And agency-level reads are not for an organization key.
      expect(
        firstError(await api.gql('{ organizations(first: 5) { edges { cursor } } }', {}, { token: scoped.secret })).extensions.code,
      ).toBe('FORBIDDEN');
    });

    it('with the read scope only, cannot write', async () => {
      const owner = await signUpAgency(api);
      const orgId = await createOrganization(api, owner, 'Client Lecture');
      const key = await createKey(owner, { scopes: ['READ'], organizationId: orgId });
      const res = await api.gql('mutation { updateOrganization(input: { name: "Renommé" }) { name } }', {}, { token: key.secret });
      expect(firstError(res).extensions.code).toBe('FORBIDDEN');
      expect(firstError(res).message).toBe('Your access does not include organization.update.');
      const org = await api.ok<{ organization: { name: string } }>(
        '{ organization { name } }',
        {},
        { token: owner.token, organizationId: orgId },
      );
      expect(org.organization.name).toBe('Client Lecture');
      // With the write scope it can.
      const writer = await createKey(owner, { scopes: ['READ', 'WRITE'], organizationId: orgId });
      expect(
        (
          await api.ok<{ updateOrganization: { name: string } }>(
            'mutation { updateOrganization(input: { name: "Renommé" }) { name } }',
            {},
            { token: writer.secret },
          )
        ).updateOrganization.name,
      ).toBe('Renommé');
      // null keeps what always has a value and empties what may be empty; never an internal error.
      await api.ok('mutation { updateOrganization(input: { sector: "Boulangerie", size: SMALL }) { id } }', {}, { token: writer.secret });
      const nulls = await api.ok<{ updateOrganization: Record<string, unknown> }>(
        'mutation { updateOrganization(input: { name: null, locale: null, timezone: null, sector: null, size: null }) { name locale timezone sector size } }',
        {},
        { token: writer.secret },
      );
      expect(nulls.updateOrganization).toEqual({ name: 'Renommé', locale: 'FR', timezone: 'Europe/Paris', sector: null, size: null });
    });

    it('never manage people or keys, whatever their scopes (humans only)', async () => {
      const owner = await signUpAgency(api);
      const orgId = await createOrganization(api, owner, 'Client Humains');
      const key = await createKey(owner, { scopes: ['READ', 'WRITE'] });
      const orgKey = await createKey(owner, { scopes: ['READ', 'WRITE'], organizationId: orgId });
      const attempts: [string, string, Record<string, unknown>][] = [
        [
          key.secret,
          'agency.members.manage',
          { query: INVITE_AGENCY, variables: { input: { email: uniqueEmail('via-key'), role: 'ADMIN' } } },
        ],
        [
          key.secret,
          'agency.apiKeys.manage',
          { query: CREATE_KEY, variables: { input: { name: 'Clé fille', scopes: ['READ', 'WRITE'] } } },
        ],
        [key.secret, 'agency.apiKeys.manage', { query: '{ apiKeys(first: 5) { edges { node { id } } } }', variables: {} }],
        [
          key.secret,
          'agency.apiKeys.manage',
          {
            query: 'mutation ($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { id } }',
            variables: { input: { id: orgKey.apiKey.id } },
          },
        ],
        [
          orgKey.secret,
          'organization.members.manage',
          { query: INVITE, variables: { input: { email: uniqueEmail('via-key'), roles: ['STRATEGY_LEAD'] } } },
        ],
      ];
      for (const [secret, permission, { query, variables }] of attempts) {
        const res = await api.gql(query as string, variables as Record<string, unknown>, { token: secret });
        expect({ permission, code: firstError(res).extensions.code }).toEqual({ permission, code: 'FORBIDDEN' });
        expect(firstError(res).message).toBe(`Your access does not include ${permission}.`);
      }
      const keys = await api.ok<{ apiKeys: { edges: { node: { id: string; revokedAt: string | null } }[] } }>(
        '{ apiKeys(first: 10) { edges { node { id revokedAt } } } }',
        {},
        { token: owner.token },
      );
      expect(keys.apiKeys.edges.map((e) => e.node.revokedAt)).toEqual([null, null]);
    });

    it('are refused when the checksum is wrong, when revoked and when expired, each with its reason', async () => {
      const owner = await signUpAgency(api);
      const key = await createKey(owner, { scopes: ['READ'] });
      const query = '{ organizations(first: 5) { edges { cursor } } }';
      const last = key.secret.slice(-1);
      const badChecksum = key.secret.slice(0, -1) + (last === 'a' ? 'b' : 'a');
      const malformed = await api.gql(query, {}, { token: badChecksum });
      expect(malformed.status).toBe(401);
      expect(firstError(malformed)).toMatchObject({
        message: 'This API key is malformed (bad prefix, length or checksum).',
        extensions: { code: 'UNAUTHENTICATED' },
      });
      const truncated = await api.gql(query, {}, { token: key.secret.slice(0, -2) });
      expect(truncated.status).toBe(401);
      expect(firstError(truncated)).toMatchObject({
        message: 'This API key is malformed (bad prefix, length or checksum).',
        extensions: { code: 'UNAUTHENTICATED' },
      });
      // Well formed, checksum right, but never issued.
      const unknown = await api.gql(query, {}, { token: generateApiKey().key });
      expect(unknown.status).toBe(401);
      expect(firstError(unknown)).toMatchObject({ message: 'This API key is not valid.', extensions: { code: 'UNAUTHENTICATED' } });

      const revoked = await api.ok<{ revokeApiKey: { revokedAt: string | null } }>(
        'mutation ($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { revokedAt } }',
        { input: { id: key.apiKey.id } },
        { token: owner.token },
      );
      expect(revoked.revokeApiKey.revokedAt).toEqual(expect.any(String));
      const afterRevoke = await api.gql(query, {}, { token: key.secret });
      expect(afterRevoke.status).toBe(401);
      expect(firstError(afterRevoke)).toMatchObject({ message: 'This API key has been revoked.', extensions: { code: 'UNAUTHENTICATED' } });

      const expiring = await createKey(owner, { scopes: ['READ'], expiresAt: new Date(Date.now() + 3600_000).toISOString() });
      expect((await api.ok<{ organizations: { edges: unknown[] } }>(query, {}, { token: expiring.secret })).organizations.edges).toEqual(
        [],
      );
      await admin.query("UPDATE api_keys SET expires_at = now() - interval '1 minute' WHERE id = $1", [expiring.apiKey.id]);
      const afterExpiry = await api.gql(query, {}, { token: expiring.secret });
      expect(afterExpiry.status).toBe(401);
      expect(firstError(afterExpiry)).toMatchObject({ message: 'This API key has expired.', extensions: { code: 'UNAUTHENTICATED' } });

      const past = await api.gql(
        CREATE_KEY,
        { input: { name: 'Passée', scopes: ['READ'], expiresAt: new Date(Date.now() - 1000).toISOString() } },
        { token: owner.token },
      );
      expect(firstError(past).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.expiresAt' });
    });

    it('record when they were last used', async () => {
      const owner = await signUpAgency(api);
      const key = await createKey(owner, { scopes: ['READ'] });
      expect(key.apiKey.lastUsedAt).toBeNull();
      const before = Date.now();
      await api.ok('{ agency { id } }', {}, { token: key.secret });
      const listed = await api.ok<{ apiKeys: { edges: { node: { lastUsedAt: string | null } }[] } }>(
        '{ apiKeys(first: 5) { edges { node { lastUsedAt } } } }',
        {},
        { token: owner.token },
      );
      const lastUsed = Date.parse(listed.apiKeys.edges[0].node.lastUsedAt ?? '');
      expect(lastUsed).toBeGreaterThanOrEqual(before - 1000);
      expect(lastUsed).toBeLessThanOrEqual(Date.now() + 1000);
    });
  });

  describe('roles and permissions', () => {
    it('refuses inviteMember to a VIEWER (FORBIDDEN, audited) and allows it to a STRATEGY_LEAD', async () => {
      const owner = await signUpAgency(api);
      const orgId = await createOrganization(api, owner, 'Client Rôles');
      const viewer = await addOrganizationMember(api, owner, orgId, ['VIEWER']);
      const refused = await api.gql(
        INVITE,
        { input: { email: uniqueEmail('by-viewer'), roles: ['VIEWER'] } },
        { token: viewer.token, organizationId: orgId },
      );
      expect(firstError(refused).extensions.code).toBe('FORBIDDEN');
      expect(firstError(refused).message).toBe('Your access does not include organization.members.manage.');
      const audit = await orgAudit(owner, orgId);
      const refusal = audit.find((e) => e.action === 'authorization.refused');
      expect(refusal).toMatchObject({
        actorType: 'USER',
        actorId: viewer.userId,
        metadata: { permission: 'organization.members.manage' },
        requestId: firstError(refused).extensions.requestId,
      });
      expect(audit.filter((e) => e.action === 'member.invited')).toHaveLength(1); // only the viewer's own invitation

      const lead = await addOrganizationMember(api, owner, orgId, ['STRATEGY_LEAD']);
      const email = uniqueEmail('by-lead');
      const invited = await api.ok<{ inviteMember: { invitation: { email: string; roles: string[] } } }>(
        INVITE,
        { input: { email, roles: ['ANALYST'] } },
        { token: lead.token, organizationId: orgId },
      );
      expect(invited.inviteMember.invitation).toEqual({ email, roles: ['ANALYST'], id: expect.any(String) });
      // A VIEWER still reads.
      const org = await api.ok<{ organization: { id: string } }>(
        '{ organization { id } }',
        {},
        { token: viewer.token, organizationId: orgId },
      );
      expect(org.organization.id).toBe(orgId);
    });

    it('shows an agency MEMBER only the organizations where they hold a membership', async () => {
      const owner = await signUpAgency(api);
      const mine = await createOrganization(api, owner, 'Client Suivi');
      const notMine = await createOrganization(api, owner, 'Client Non Suivi');
      const email = uniqueEmail('agency-member');
      const invitation = await api.ok<{ inviteAgencyMember: { token: string; invitation: { agencyRole: string } } }>(
        INVITE_AGENCY,
        { input: { email, role: 'MEMBER' } },
        { token: owner.token },
      );
      expect(invitation.inviteAgencyMember.invitation.agencyRole).toBe('MEMBER');
      const accepted = await api.ok<{ acceptInvitation: { userId: string; newAccount: boolean; session: { accessToken: string } } }>(
        ACCEPT,
        { input: { token: invitation.inviteAgencyMember.token, displayName: 'Membre', password: STRONG_PASSWORD } },
      );
      expect(accepted.acceptInvitation.newAccount).toBe(true);
      const token = accepted.acceptInvitation.session.accessToken;
      const list = async () =>
        (
          await api.ok<{ organizations: { edges: { node: { id: string } }[] } }>(
            '{ organizations(first: 10) { edges { node { id } } } }',
            {},
            { token },
          )
        ).organizations.edges.map((e) => e.node.id);
      expect(await list()).toEqual([]);
      expect(firstError(await api.gql('{ organization { id } }', {}, { token, organizationId: mine })).extensions.code).toBe('NOT_FOUND');

      // Invited into one client, accepted while signed in.
      const orgInvite = await api.ok<{ inviteMember: { token: string } }>(
        INVITE,
        { input: { email, roles: ['COMMUNITY_MANAGER'] } },
        { token: owner.token, organizationId: mine },
      );
      const joined = await api.ok<{ acceptInvitation: { userId: string; newAccount: boolean; session: null } }>(
        ACCEPT,
        { input: { token: orgInvite.inviteMember.token } },
        { token },
      );
      expect(joined.acceptInvitation).toEqual({ userId: accepted.acceptInvitation.userId, newAccount: false, session: null });
      expect(await list()).toEqual([mine]);
      expect(firstError(await api.gql('{ organization { id } }', {}, { token, organizationId: notMine })).extensions.code).toBe(
        'NOT_FOUND',
      );
      // Agency-level management stays with owners and admins.
      expect(
        firstError(await api.gql('mutation { createOrganization(input: { name: "Par un membre" }) { id } }', {}, { token })).extensions
          .code,
      ).toBe('FORBIDDEN');
    });

    it('audits role and key changes without any secret in the log', async () => {
      const owner = await signUpAgency(api);
      const orgId = await createOrganization(api, owner, 'Client Audité');
      const member = await addOrganizationMember(api, owner, orgId, ['ANALYST']);
      const changed = await api.ok<{ changeMemberRoles: { roles: string[] } }>(
        'mutation ($input: ChangeMemberRolesInput!) { changeMemberRoles(input: $input) { roles } }',
        { input: { userId: member.userId, roles: ['VIEWER', 'ANALYST'] } },
        { token: owner.token, organizationId: orgId },
      );
      expect(changed.changeMemberRoles.roles).toEqual(['ANALYST', 'VIEWER']);
      const key = await createKey(owner, { scopes: ['READ'], organizationId: orgId });
      await api.ok(
        'mutation ($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { id } }',
        { input: { id: key.apiKey.id } },
        { token: owner.token },
      );
      const invite = await api.ok<{ inviteMember: { token: string } }>(
        INVITE,
        { input: { email: uniqueEmail('pending'), roles: ['VIEWER'] } },
        { token: owner.token, organizationId: orgId },
      );
      const session = (await logIn(owner.email, STRONG_PASSWORD)).body.data?.logIn;
      await logIn(owner.email, 'Wrong-Horse-Battery-9');

      const org = await orgAudit(owner, orgId);
      expect(org.find((e) => e.action === 'member.roles_changed')).toMatchObject({
        actorType: 'USER',
        actorId: owner.userId,
        targetId: member.userId,
        metadata: { from: ['ANALYST'], to: ['ANALYST', 'VIEWER'] },
      });
      const agency = await agencyAudit(owner);
      expect(agency.find((e) => e.action === 'api_key.created')).toMatchObject({
        targetId: key.apiKey.id,
        metadata: { displayPrefix: key.apiKey.displayPrefix, scopes: ['read'] },
      });
      expect(agency.find((e) => e.action === 'api_key.revoked')).toMatchObject({
        targetId: key.apiKey.id,
        metadata: { displayPrefix: key.apiKey.displayPrefix },
      });

      const everything = JSON.stringify({ org, agency });
      const secrets = {
        apiKey: key.secret.slice(key.apiKey.displayPrefix.length),
        password: STRONG_PASSWORD,
        wrongPassword: 'Wrong-Horse-Battery-9',
        accessToken: owner.token.split('.')[2],
        refreshToken: owner.refreshToken.slice(-43),
        loginRefreshToken: String(session?.refreshToken).slice(-43),
        invitationToken: invite.inviteMember.token.slice(-43),
      };
      for (const [name, secret] of Object.entries(secrets))
        expect({ name, found: everything.includes(secret) }).toEqual({ name, found: false });
    });
  });

  describe('invitations', () => {
    it('work once: a second acceptance is a CONFLICT', async () => {
      const owner = await signUpAgency(api);
      const orgId = await createOrganization(api, owner, 'Client Unique');
      const email = uniqueEmail('once');
      const invite = await api.ok<{ inviteMember: { token: string } }>(
        INVITE,
        { input: { email, roles: ['ANALYST'] } },
        { token: owner.token, organizationId: orgId },
      );
      const first = await api.ok<{ acceptInvitation: { userId: string } }>(ACCEPT, {
        input: { token: invite.inviteMember.token, displayName: 'Une fois', password: STRONG_PASSWORD },
      });
      const again = await api.gql(ACCEPT, { input: { token: invite.inviteMember.token, password: STRONG_PASSWORD } });
      expect(firstError(again).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.token' });
      expect(firstError(again).message).toBe('This invitation was already accepted.');
      const members = await api.ok<{ members: { edges: { node: { userId: string } }[] } }>(
        '{ members(first: 10) { edges { node { userId } } } }',
        {},
        { token: owner.token, organizationId: orgId },
      );
      expect(members.members.edges.map((e) => e.node.userId)).toEqual([first.acceptInvitation.userId]);
    });

    it('expire: an expired invitation is refused and creates no account', async () => {
      const owner = await signUpAgency(api);
      const orgId = await createOrganization(api, owner, 'Client Expiré');
      const email = uniqueEmail('late');
      const invite = await api.ok<{ inviteMember: { token: string; invitation: { id: string } } }>(
        INVITE,
        { input: { email, roles: ['VIEWER'] } },
        { token: owner.token, organizationId: orgId },
      );
      const updated = await admin.query("UPDATE organization_invitations SET expires_at = now() - interval '1 minute' WHERE id = $1", [
        invite.inviteMember.invitation.id,
      ]);
      expect(updated.rowCount).toBe(1);
      const res = await api.gql(ACCEPT, {
        input: { token: invite.inviteMember.token, displayName: 'En retard', password: STRONG_PASSWORD },
      });
      expect(firstError(res).extensions).toMatchObject({ code: 'CONFLICT', field: 'input.token' });
      expect(firstError(res).message).toBe('This invitation has expired: ask for a new one.');
      expect(firstError(await logIn(email, STRONG_PASSWORD)).extensions.code).toBe('UNAUTHENTICATED');
    });

    it('belong to the invited email: a signed-in person with another email is FORBIDDEN', async () => {
      const owner = await signUpAgency(api);
      const orgId = await createOrganization(api, owner, 'Client Destinataire');
      const intruder = await signUpAgency(api, 'Agence Intruse');
      const invite = await api.ok<{ inviteMember: { token: string } }>(
        INVITE,
        { input: { email: uniqueEmail('intended'), roles: ['VIEWER'] } },
        { token: owner.token, organizationId: orgId },
      );
      const res = await api.gql(ACCEPT, { input: { token: invite.inviteMember.token } }, { token: intruder.token });
      expect(firstError(res).extensions.code).toBe('FORBIDDEN');
      expect(firstError(res).message).toBe('This invitation was sent to another email address.');
      expect(
        firstError(await api.gql('{ organization { id } }', {}, { token: intruder.token, organizationId: orgId })).extensions.code,
      ).toBe('NOT_FOUND');
      // Still usable by its addressee.
      const ok = await api.ok<{ acceptInvitation: { newAccount: boolean } }>(ACCEPT, {
        input: { token: invite.inviteMember.token, displayName: 'Destinataire', password: STRONG_PASSWORD },
      });
      expect(ok.acceptInvitation.newAccount).toBe(true);
    });

    it('refuses a token that is not an invitation with BAD_USER_INPUT on input.token', async () => {
      const res = await request(api.server)
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: ACCEPT, variables: { input: { token: 'soi_nope' } } });
      expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.token' });
    });
  });

  describe('access tokens', () => {
    const part = (token: string, index: number) =>
      JSON.parse(Buffer.from(token.split('.')[index], 'base64url').toString('utf8')) as Record<string, unknown>;

    it('carry exp, iat, the issuer and the API audience, signed HS256, whether from sign-up, log-in or refresh', async () => {
      const owner = await signUpAgency(api);
      const loggedIn = (await logIn(owner.email, STRONG_PASSWORD)).body.data?.logIn;
      const refreshed = (await refresh(owner.refreshToken)).body.data?.refreshSession;
      for (const token of [owner.token, loggedIn?.accessToken ?? '', refreshed?.accessToken ?? '']) {
        expect(token.split('.')).toHaveLength(3);
        expect(part(token, 0)).toEqual({ alg: 'HS256', typ: 'JWT' });
        const claims = part(token, 1);
        expect(claims).toEqual({
          sub: owner.userId,
          sid: expect.any(String),
          iss: 'socle',
          aud: 'socle-api',
          iat: expect.any(Number),
          exp: expect.any(Number),
        });
        expect((claims.exp as number) - (claims.iat as number)).toBe(api.config.ACCESS_TOKEN_TTL_SECONDS);
        expect(Math.abs((claims.iat as number) - Date.now() / 1000)).toBeLessThan(300);
      }
    });

    it('and the other tokens are not interchangeable: refresh and invitation tokens are no access tokens, an access token is no refresh token', async () => {
      const owner = await signUpAgency(api);
      const orgId = await createOrganization(api, owner, 'Client Jetons');
      const invite = await api.ok<{ inviteMember: { token: string } }>(
        INVITE,
        { input: { email: uniqueEmail('jeton'), roles: ['VIEWER'] } },
        { token: owner.token, organizationId: orgId },
      );
      for (const token of [owner.refreshToken, invite.inviteMember.token]) {
        const res = await api.gql('{ me { user { id } } }', {}, { token });
        expect(res.status).toBe(401);
        expect(firstError(res).extensions.code).toBe('UNAUTHENTICATED');
      }
      const refreshed = await refresh(owner.token);
      expect(refreshed.body.data ?? null).toBeNull();
      expect(firstError(refreshed).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.refreshToken' });
      const accepted = await api.gql(ACCEPT, { input: { token: owner.token } }, { token: owner.token });
      expect(firstError(accepted).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.token' });
    });
  });
});
