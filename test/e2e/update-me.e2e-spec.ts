import type { Client } from 'pg';
import { addOrganizationMember, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { adminDatabase, firstError } from './e2e-support';

const UPDATE_ME = 'mutation ($input: UpdateMeInput!) { updateMe(input: $input) { id displayName locale email } }';
const ME = '{ me { user { id displayName locale email } } }';
const AGENCY_AUDIT = '{ agencyAuditLog(first: 100) { edges { node { action actorType actorId targetId metadata } } } }';

interface MeUser {
  id: string;
  displayName: string;
  locale: string;
  email: string;
}

/** A person changes their own name and language, and nothing of anybody else. */
describe('updateMe', () => {
  let api: TestApi;
  let admin: Client;
  beforeAll(async () => {
    api = await TestApi.start();
    admin = await adminDatabase();
  });
  afterAll(async () => {
    await admin.end();
    await api.stop();
  });

  const me = async (token: string) => (await api.ok<{ me: { user: MeUser } }>(ME, {}, { token })).me.user;

  it('changes the language and the name of the signed-in person, and records it in their agency', async () => {
    const owner = await signUpAgency(api);
    const updated = await api.ok<{ updateMe: MeUser }>(UPDATE_ME, { input: { locale: 'EN' } }, { token: owner.token });
    expect(updated.updateMe).toMatchObject({ id: owner.userId, locale: 'EN', displayName: 'Owner', email: owner.email });
    const renamed = await api.ok<{ updateMe: MeUser }>(
      UPDATE_ME,
      { input: { displayName: '  Camille Martin  ', locale: 'FR' } },
      { token: owner.token },
    );
    expect(renamed.updateMe).toMatchObject({ displayName: 'Camille Martin', locale: 'FR' });
    expect(await me(owner.token)).toMatchObject({ displayName: 'Camille Martin', locale: 'FR' });

    const audit = await api.ok<{
      agencyAuditLog: { edges: { node: { action: string; actorId: string; metadata: { fields: string[] } } }[] };
    }>(AGENCY_AUDIT, {}, { token: owner.token });
    const events = audit.agencyAuditLog.edges.map((e) => e.node).filter((n) => n.action === 'user.updated');
    expect(events.map((e) => e.metadata.fields.sort())).toEqual([['displayName', 'locale'], ['locale']]);
    expect(events.every((e) => e.actorId === owner.userId)).toBe(true);
  });

  it('works for a member of a client organisation who belongs to no agency', async () => {
    const owner = await signUpAgency(api);
    const orgId = await createOrganization(api, owner, 'Client Langue');
    const member = await addOrganizationMember(api, owner, orgId, ['VIEWER']);
    const updated = await api.ok<{ updateMe: MeUser }>(UPDATE_ME, { input: { locale: 'EN' } }, { token: member.token });
    expect(updated.updateMe).toMatchObject({ id: member.userId, locale: 'EN' });
    // The owner is untouched.
    expect(await me(owner.token)).toMatchObject({ locale: 'FR', displayName: 'Owner' });
  });

  it('refuses bad values at their field, and stores nothing', async () => {
    const owner = await signUpAgency(api);
    const cases: [Record<string, unknown>, string][] = [
      [{ displayName: '' }, 'input.displayName'],
      [{ displayName: '   ' }, 'input.displayName'],
      [{ displayName: 'x'.repeat(121) }, 'input.displayName'],
      [{ displayName: 'x'.repeat(200_000) }, 'input.displayName'],
      [{ displayName: 'Nul\u0000Byte' }, 'input.displayName'],
      [{ displayName: 'Lone \uD800 surrogate' }, 'input.displayName'],
      [{ displayName: 'Valid', locale: 'de' }, 'input.locale'],
      // The GraphQL names are upper case; the stored language codes are not accepted as values.
      [{ locale: 'fr' }, 'input.locale'],
      [{}, 'input'],
    ];
    for (const [input, field] of cases) {
      const res = await api.gql(UPDATE_ME, { input }, { token: owner.token });
      expect(res.status).toBeLessThan(500);
      const error = firstError(res);
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.field).toBe(field);
    }
    expect(await me(owner.token)).toMatchObject({ displayName: 'Owner', locale: 'FR' });
  });

  it('needs a signed-in person: neither anonymous callers nor API keys change anyone', async () => {
    const owner = await signUpAgency(api);
    const anonymous = await api.gql(UPDATE_ME, { input: { locale: 'EN' } });
    expect(firstError(anonymous).extensions.code).toBe('UNAUTHENTICATED');
    const key = await api.ok<{ createApiKey: { secret: string } }>(
      'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
      { input: { name: 'Clé', scopes: ['READ', 'WRITE'] } },
      { token: owner.token },
    );
    const byKey = await api.gql(UPDATE_ME, { input: { locale: 'EN' } }, { token: key.createApiKey.secret });
    expect(byKey.body.data?.updateMe ?? null).toBeNull();
    expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(firstError(byKey).extensions.code);
    const { rows } = await admin.query<{ locale: string }>('SELECT locale FROM users WHERE id = $1', [owner.userId]);
    expect(rows[0].locale).toBe('fr');
  });

  it('acts on the caller only, whatever tenant headers say', async () => {
    const a = await signUpAgency(api);
    const b = await signUpAgency(api);
    const orgB = await createOrganization(api, b, 'Client B');
    for (const options of [{ agencyId: b.agencyId }, { organizationId: orgB }]) {
      const res = await api.gql<{ updateMe: MeUser }>(UPDATE_ME, { input: { displayName: 'Piraté' } }, { token: a.token, ...options });
      // Either refused (a header naming a tenant the caller is not in) or applied to the caller alone.
      if (res.body.data?.updateMe) expect(res.body.data.updateMe.id).toBe(a.userId);
    }
    expect(await me(b.token)).toMatchObject({ displayName: 'Owner', locale: 'FR' });
    const { rows } = await admin.query<{ display_name: string }>('SELECT display_name FROM users WHERE id = $1', [b.userId]);
    expect(rows[0].display_name).toBe('Owner');
  });
});
