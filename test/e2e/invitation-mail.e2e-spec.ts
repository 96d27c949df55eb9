import { Client } from 'pg';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { JobQueues } from '@socle/platform-queue';
import { SendMailJob, SmtpMailer } from '@socle/platform-mail';
import { AgencySession, createOrganization, signUpAgency, STRONG_PASSWORD, TestApi, uniqueEmail } from '@socle/testing';
import { LoopbackSmtp, ReceivedMail } from './loopback-smtp';

interface InvitationPayload {
  acceptUrl: string;
  emailed: boolean;
  invitation: { id: string };
}

/**
 * Invitations by e-mail against the real API, PostgreSQL, Redis and an SMTP server on loopback: a client's in its
 * language and time zone, an agency's in the inviter's; the link read from the mail is accepted; a new link or a
 * withdrawal cancels a mail that has not left; an agency's mails stay its own.
 */
describe('invitations by e-mail', () => {
  let api: TestApi;
  let admin: Client;
  let smtp: LoopbackSmtp;
  let mailer: SmtpMailer;
  let sendMail: SendMailJob;
  let units: UnitOfWorkFactory;
  let owner: AgencySession;
  let org: string;

  const inviteMember = async (email: string, sendEmail?: boolean) =>
    (
      await api.ok<{ inviteMember: InvitationPayload }>(
        'mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { acceptUrl emailed invitation { id } } }',
        { input: { email, roles: ['COMMUNITY_MANAGER', 'VIEWER'], ...(sendEmail === undefined ? {} : { sendEmail }) } },
        { token: owner.token, organizationId: org },
      )
    ).inviteMember;
  const mailsTo = async (payload: { organizationId: string } | { agencyId: string }, email: string): Promise<ReceivedMail[]> => {
    const before = smtp.received.length;
    await sendMail.handle(payload);
    return smtp.received.slice(before).filter((m) => m.to.includes(email));
  };
  const linkIn = (mail: ReceivedMail) => /(https?:\/\/\S+\/invitations\/accept\?token=\S+)/.exec(mail.text)?.[1] ?? null;
  const tokenOf = (url: string) => new URL(url).searchParams.get('token') as string;
  const accept = (token: string) =>
    api.gql<{ acceptInvitation: { newAccount: boolean } }>(
      'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { newAccount } }',
      { input: { token, password: STRONG_PASSWORD, displayName: 'Nouvelle Recrue', locale: 'FR' } },
    );
  const outbox = async (table: string, tenant: string, id: string, reference: string) =>
    (
      await admin.query<{ status: string }>(`SELECT status FROM ${table} WHERE ${tenant} = $1 AND reference = $2 ORDER BY created_at`, [
        id,
        reference,
      ])
    ).rows;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    smtp = await new LoopbackSmtp().start();
    mailer = new SmtpMailer(smtp.url, { timeoutMs: 5000 });
    units = api.app.get(UnitOfWorkFactory, { strict: false });
    sendMail = new SendMailJob(units, api.app.get(JobQueues, { strict: false }), { from: 'no-reply@example.test' }, mailer);
    owner = await signUpAgency(api, 'Agence Invitante');
    org = await createOrganization(api, owner, 'Cycles du Lac');
    await api.ok(
      'mutation ($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id } }',
      { input: { locale: 'EN', timezone: 'Europe/Zurich' } },
      { token: owner.token, organizationId: org },
    );
  });
  afterAll(async () => {
    mailer?.close();
    await smtp?.stop();
    await admin?.end();
    await api?.stop();
  });

  it('mails a client’s invitation in its language and time zone; the link in the mail is the one accepted', async () => {
    const email = uniqueEmail('recrue');
    const invited = await inviteMember(email);
    expect(invited.emailed).toBe(true);
    const [mail] = await mailsTo({ organizationId: org }, email);
    expect(mail.raw).toMatch(/Subject: Owner invites you to Cycles du Lac on Socle/);
    expect(mail.text).toContain('as Community manager, Viewer');
    expect(mail.text).toContain('(Europe/Zurich)');
    const url = linkIn(mail);
    expect(url).toBe(invited.acceptUrl);
    expect((await accept(tokenOf(url as string))).body.data?.acceptInvitation.newAccount).toBe(true);
  });

  it('mails nothing when asked not to, and cancels a mail not yet sent when the link is renewed or withdrawn', async () => {
    const quiet = uniqueEmail('quiet');
    const silent = await inviteMember(quiet, false);
    expect(silent.emailed).toBe(false);
    expect(await outbox('mail_outbox', 'organization_id', org, silent.invitation.id)).toEqual([]);

    const email = uniqueEmail('renewed');
    const first = await inviteMember(email);
    const resent = (
      await api.ok<{ resendInvitation: InvitationPayload }>(
        'mutation ($input: ResendInvitationInput!) { resendInvitation(input: $input) { acceptUrl emailed invitation { id } } }',
        { input: { invitationId: first.invitation.id } },
        { token: owner.token, organizationId: org },
      )
    ).resendInvitation;
    expect(await outbox('mail_outbox', 'organization_id', org, first.invitation.id)).toEqual([
      { status: 'CANCELLED' },
      { status: 'PENDING' },
    ]);
    const mails = await mailsTo({ organizationId: org }, email);
    expect(mails.map(linkIn)).toEqual([resent.acceptUrl]);
    const stale = await accept(tokenOf(first.acceptUrl));
    expect(stale.body.data?.acceptInvitation ?? null).toBeNull();
    expect(stale.body.errors).toHaveLength(1);

    const withdrawn = await inviteMember(uniqueEmail('withdrawn'));
    await api.ok(
      'mutation ($input: RevokeInvitationInput!) { revokeInvitation(input: $input) { id } }',
      { input: { invitationId: withdrawn.invitation.id } },
      { token: owner.token, organizationId: org },
    );
    expect(await outbox('mail_outbox', 'organization_id', org, withdrawn.invitation.id)).toEqual([{ status: 'CANCELLED' }]);
  });

  it('mails an agency’s invitation from the agency’s own outbox, in the inviter’s language, out of other agencies’ reach', async () => {
    const email = uniqueEmail('staff');
    const invited = (
      await api.ok<{ inviteAgencyMember: InvitationPayload }>(
        'mutation ($input: InviteAgencyMemberInput!) { inviteAgencyMember(input: $input) { acceptUrl emailed invitation { id } } }',
        { input: { email, role: 'MEMBER' } },
        { token: owner.token },
      )
    ).inviteAgencyMember;
    expect(invited.emailed).toBe(true);
    expect(await outbox('agency_mail_outbox', 'agency_id', owner.agencyId, invited.invitation.id)).toEqual([{ status: 'PENDING' }]);

    // Another agency sees none of it, changes none of it, and its mail job sends none of it.
    const other = await signUpAgency(api, 'Agence Curieuse');
    const seen = await units.run({ agencyId: other.agencyId, userId: other.userId }, (uow) =>
      uow.query('SELECT * FROM agency_mail_outbox WHERE agency_id = $1', [owner.agencyId]),
    );
    expect(seen).toEqual([]);
    const changed = await units.run({ agencyId: other.agencyId, userId: other.userId }, (uow) =>
      uow.execute("UPDATE agency_mail_outbox SET recipient = 'thief@example.test' WHERE agency_id = $1", [owner.agencyId]),
    );
    expect(changed).toBe(0);
    expect(await mailsTo({ agencyId: other.agencyId }, email)).toEqual([]);

    const [mail] = await mailsTo({ agencyId: owner.agencyId }, email);
    expect(mail.raw).toMatch(/Subject: Owner vous invite sur Socle/);
    expect(mail.text).toContain('l’agence Agence Invitante');
    expect(linkIn(mail)).toBe(invited.acceptUrl);
    expect((await accept(tokenOf(invited.acceptUrl))).body.data?.acceptInvitation.newAccount).toBe(true);
    expect(await outbox('agency_mail_outbox', 'agency_id', owner.agencyId, invited.invitation.id)).toEqual([{ status: 'SENT' }]);
  });
});
