import { Client } from 'pg';
import request from 'supertest';
import { SignedTokens } from '@socle/platform-crypto';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { JobQueues } from '@socle/platform-queue';
import { SendMailJob, SmtpMailer } from '@socle/platform-mail';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { COUNTED_PAGE, CountedPage, countedOverPages } from './e2e-support';
import { LoopbackSmtp } from './loopback-smtp';

interface Person {
  token: string;
  userId: string;
}

/**
 * Staff list, acknowledgement links by e-mail and their public route, against the real
 * API, PostgreSQL, Redis and an SMTP server on loopback.
 */
describe('policies known by everyone: staff list and acknowledgement links', () => {
  let api: TestApi;
  let admin: Client;
  let smtp: LoopbackSmtp;
  let mailer: SmtpMailer;
  let sendMail: SendMailJob;
  let owner: AgencySession;
  let org: string;
  let lead: Person;
  let approver: Person;
  let viewer: Person;
  let policyId: string;
  let otherOrg: string;
  let otherLead: Person;

  const as = (who: Person, organizationId = org) => ({ token: who.token, organizationId });
  const ok = <T>(query: string, variables: Record<string, unknown>, who: Person, organizationId = org) =>
    api.ok<T>(query, variables, as(who, organizationId));
  const importStaff = (csv: string, who = lead, organizationId = org) =>
    api.gql<{ importStaff: { created: number; updated: number; unchanged: number; total: number; duplicates: { line: number }[] } }>(
      'mutation ($input: ImportStaffInput!) { importStaff(input: $input) { created updated unchanged total duplicates { line firstLine email } } }',
      { input: { csv } },
      as(who, organizationId),
    );
  const staffList = async (who = lead, organizationId = org) =>
    (
      await ok<{ staff: { edges: { node: { id: string; email: string; name: string } }[] } }>(
        '{ staff(first: 100) { edges { node { id email name department role } } } }',
        {},
        who,
        organizationId,
      )
    ).staff.edges.map((e) => e.node);
  const publishNewVersion = async (who = lead, approverOf = approver, organizationId = org, policy = policyId) => {
    const doc = await ok<{ policy: { latestVersion: { id: string; status: string } } }>(
      'query ($id: ID!) { policy(id: $id) { latestVersion { id status } } }',
      { id: policy },
      who,
      organizationId,
    );
    let versionId = doc.policy.latestVersion.id;
    if (doc.policy.latestVersion.status === 'PUBLISHED') {
      versionId = (
        await ok<{ startPolicyRevision: { id: string } }>(
          'mutation ($input: StartPolicyRevisionInput!) { startPolicyRevision(input: $input) { id } }',
          { input: { policyId: policy } },
          who,
          organizationId,
        )
      ).startPolicyRevision.id;
    }
    const input = { input: { versionId } };
    await ok('mutation ($input: PolicyVersionInput!) { submitPolicyForReview(input: $input) { id } }', input, who, organizationId);
    await ok(
      'mutation ($input: ApprovePolicyVersionInput!) { approvePolicyVersion(input: $input) { id } }',
      input,
      approverOf,
      organizationId,
    );
    await ok('mutation ($input: PolicyVersionInput!) { publishPolicyVersion(input: $input) { id } }', input, who, organizationId);
    return versionId;
  };
  const requestAcks = (input: Record<string, unknown>, who = lead, organizationId = org) =>
    api.gql<{ requestPolicyAcknowledgements: { requested: number; alreadyAcknowledged: number; version: { number: number } } }>(
      'mutation ($input: RequestPolicyAcknowledgementsInput!) { requestPolicyAcknowledgements(input: $input) { requested alreadyAcknowledged expiresAt version { number } } }',
      { input },
      as(who, organizationId),
    );
  const summary = async (who = lead) =>
    (
      await ok<{
        policyAcknowledgements: {
          version: { number: number } | null;
          staff: { staffCount: number; acknowledgedCount: number; pendingCount: number; linkedCount: number; share: number };
        };
      }>(
        'query ($policyId: ID!) { policyAcknowledgements(policyId: $policyId) { version { number } staff { staffCount acknowledgedCount pendingCount linkedCount share } } }',
        { policyId },
        who,
      )
    ).policyAcknowledgements;
  /** Sends the outbox of `organizationId` to the loopback SMTP server; the links found in the new mails, by recipient. */
  const deliver = async (organizationId = org): Promise<Map<string, string>> => {
    const before = smtp.received.length;
    await sendMail.handle({ organizationId });
    const links = new Map<string, string>();
    for (const mail of smtp.received.slice(before)) {
      const match = /\/policy-acknowledgements\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(mail.text);
      if (match) links.set(mail.to[0], match[1]);
    }
    return links;
  };
  const open = (token: string) => request(api.server).get(`/policy-acknowledgements/${token}`);
  const acknowledge = (token: string) => request(api.server).post(`/policy-acknowledgements/${token}`).send({});
  const ackRows = async () =>
    (
      await admin.query<{ staff_id: string | null; version: number; user_id: string | null }>(
        'SELECT staff_id, version, user_id, policy_id FROM policy_acknowledgements WHERE organization_id = $1 ORDER BY acknowledged_at',
        [org],
      )
    ).rows;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = new Client({ connectionString: process.env.SOCLE_TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    smtp = await new LoopbackSmtp().start();
    mailer = new SmtpMailer(smtp.url, { timeoutMs: 5000 });
    const queues = api.app.get(JobQueues, { strict: false });
    sendMail = new SendMailJob(api.app.get(UnitOfWorkFactory, { strict: false }), queues, { from: 'no-reply@example.test' }, mailer);

    owner = await signUpAgency(api, 'Agence Connue de Tous');
    org = await createOrganization(api, owner, 'Mairie de Test');
    lead = await addOrganizationMember(api, owner, org, ['STRATEGY_LEAD']);
    approver = await addOrganizationMember(api, owner, org, ['EXECUTIVE_APPROVER']);
    viewer = await addOrganizationMember(api, owner, org, ['VIEWER']);
    policyId = (
      await ok<{ createPolicy: { id: string } }>(
        'mutation { createPolicy(input: { kind: PERSONAL_USE, language: FR, fromTemplate: true }) { id } }',
        {},
        lead,
      )
    ).createPolicy.id;

    const other = await signUpAgency(api, 'Agence Autre');
    otherOrg = await createOrganization(api, other, 'Autre Client');
    otherLead = await addOrganizationMember(api, other, otherOrg, ['STRATEGY_LEAD', 'EXECUTIVE_APPROVER']);
  });
  afterAll(async () => {
    mailer?.close();
    await smtp?.stop();
    await admin?.end();
    await api?.stop();
  });

  it('imports a staff list, dedupes e-mails case-insensitively, and updates people on a second import', async () => {
    const first = await importStaff(
      'name,email,department,role\nAna Lima,ana@example.test,Accueil,Agente\nBob Roy,bob@example.test,Voirie,\nChloé Dias,chloe@example.test,Écoles,Directrice\nAna Bis,ANA@example.test,Accueil,\n',
    );
    expect(first.body.data?.importStaff).toMatchObject({ created: 3, updated: 0, unchanged: 0, total: 3, duplicates: [{ line: 5 }] });
    const again = await importStaff('nom;courriel;service\nBob Roy;Bob@Example.test;Propreté\nAna Lima;ana@example.test;Accueil\n');
    expect(again.body.data?.importStaff).toMatchObject({ created: 0, updated: 1, unchanged: 1, total: 3 });
    const people = await staffList();
    expect(people.map((p) => p.email).sort()).toEqual(['ana@example.test', 'bob@example.test', 'chloe@example.test']);
  });

  it('refuses a bad CSV as a whole, naming each line, and stores nothing', async () => {
    const res = await importStaff('name,email,department\nDan,dan@example.test,X\nEve,not-an-email,Y\n,f@example.test,Z\n');
    const error = res.body.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.csv' });
    expect((error?.extensions?.problems as { message: string }[]).map((p) => p.message)).toEqual([
      'line 3, email: email is not an e-mail address',
      'line 4, name: name is empty',
    ]);
    expect((await staffList()).map((p) => p.email)).not.toContain('dan@example.test');

    for (const csv of [
      'name,email,department\nA\u0000,a@example.test,X',
      'name,email,department\nA\uD800,a@example.test,X',
      'x'.repeat(1_000_001),
    ]) {
      const hostile = await importStaff(csv);
      expect(hostile.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await staffList()).toHaveLength(3);
  });

  it('keeps the staff list to those who edit policies', async () => {
    const res = await api.gql('{ staff(first: 5) { edges { node { email } } } }', {}, as(viewer));
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const csv = await importStaff('name,email,department\nZed,zed@example.test,X\n', viewer);
    expect(csv.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses to ask for an acknowledgement of a policy not published, or of people not on the list', async () => {
    const unpublished = await requestAcks({ policyId });
    expect(unpublished.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NOT_PUBLISHED',
      field: 'input.policyId',
    });
    await publishNewVersion();
    const [person] = await staffList();
    const stranger = await requestAcks({ policyId, staffIds: [person.id, '00000000-0000-4000-8000-000000000000'] });
    expect(stranger.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.staffIds[1]' });
    expect((await admin.query('SELECT 1 FROM policy_acknowledgement_links WHERE organization_id = $1', [org])).rowCount).toBe(0);
    expect((await admin.query('SELECT 1 FROM mail_outbox WHERE organization_id = $1', [org])).rowCount).toBe(0);
  });

  it('e-mails each person a link; the link shows the policy read-only and records the acknowledgement once', async () => {
    const res = await requestAcks({ policyId });
    expect(res.body.data?.requestPolicyAcknowledgements).toMatchObject({ requested: 3, alreadyAcknowledged: 0, version: { number: 1 } });
    const links = await deliver();
    expect([...links.keys()].sort()).toEqual(['ana@example.test', 'bob@example.test', 'chloe@example.test']);
    const ana = links.get('ana@example.test') as string;

    const preview = await open(ana);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ recipientName: 'Ana Lima', policy: { id: policyId, kind: 'PERSONAL_USE', version: 1 } });
    expect(preview.body.policy.sections.length).toBeGreaterThan(0);
    expect(await ackRows()).toEqual([]); // reading records nothing

    const done = await acknowledge(ana);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ policyId, version: 1 });
    const again = await acknowledge(ana);
    expect(again.status).toBe(410);
    expect(again.body.errors[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LINK_USED' });
    const rows = await ackRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ version: 1, user_id: null });

    expect(await summary()).toMatchObject({
      version: { number: 1 },
      staff: { staffCount: 3, acknowledgedCount: 1, pendingCount: 2, linkedCount: 3, share: 1 / 3 },
    });
    // A second request leaves out who already acknowledged; the earlier links of the others stop working.
    const second = await requestAcks({ policyId });
    expect(second.body.data?.requestPolicyAcknowledgements).toMatchObject({ requested: 2, alreadyAcknowledged: 1 });
    const oldBob = links.get('bob@example.test') as string;
    expect((await acknowledge(oldBob)).body.errors[0].extensions.reason).toBe('LINK_REVOKED');
    const fresh = await deliver();
    expect((await acknowledge(fresh.get('bob@example.test') as string)).status).toBe(200);
    expect((await summary()).staff).toMatchObject({ acknowledgedCount: 2, share: 2 / 3 });

    // Who acknowledged, by name and e-mail: for those who edit policies; the counts for every reader.
    const PEOPLE =
      'query ($policyId: ID!) { policyAcknowledgements(policyId: $policyId) { staff { share people(first: 10) { edges { node { email acknowledgedAt linkSentAt } } } } } }';
    const listed = await ok<{
      policyAcknowledgements: { staff: { people: { edges: { node: { email: string; acknowledgedAt: string | null } }[] } } };
    }>(PEOPLE, { policyId }, lead);
    expect(listed.policyAcknowledgements.staff.people.edges.map((e) => [e.node.email, e.node.acknowledgedAt !== null]).sort()).toEqual([
      ['ana@example.test', true],
      ['bob@example.test', true],
      ['chloe@example.test', false],
    ]);
    const forViewer = await api.gql(PEOPLE, { policyId }, as(viewer));
    expect(forViewer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await summary(viewer)).staff.share).toBe(2 / 3);
  });

  it('changes nothing for a tampered, expired, foreign or withdrawn link', async () => {
    // Asked twice before the mails left: the first mails, whose links were replaced, are cancelled.
    await requestAcks({ policyId });
    await requestAcks({ policyId });
    const outbox = await admin.query<{ status: string }>(
      `SELECT status FROM mail_outbox WHERE organization_id = $1 AND recipient = 'chloe@example.test' AND status <> 'SENT' ORDER BY created_at`,
      [org],
    );
    expect(outbox.rows.map((r) => r.status)).toEqual(['CANCELLED', 'PENDING']);
    const links = await deliver();
    expect([...links.keys()]).toEqual(['chloe@example.test']);
    const chloe = links.get('chloe@example.test') as string;
    const before = await ackRows();

    const [body, signature] = chloe.split('.');
    const flipped = `${body}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const bad of [flipped, `${body}x.${signature}`, 'not-a-token', 'a'.repeat(300)]) {
      const res = await acknowledge(bad);
      expect(res.status).toBe(404);
      expect(res.body.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'LINK_UNKNOWN' });
    }

    // NUL and a lone surrogate in the path: refused as bad input before the route, or as no link by it.
    for (const hostile of ['%00', '%ED%A0%80']) expect([400, 404]).toContain((await acknowledge(hostile)).status);
    // Longer than any link: refused before the route (414) or by it (404), never recorded.
    expect([404, 414]).toContain((await acknowledge('a'.repeat(5000))).status);

    // Signed by this server but for another organisation: the link row is not in that tenant.
    const tokens = new SignedTokens(api.config.JWT_SECRET, 'socle.policy-acknowledgement-link.v1');
    const [, linkId] = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as [string, string, number];
    const foreign = tokens.sign([otherOrg, linkId, Date.now() + 3_600_000]);
    expect((await open(foreign)).status).toBe(404);
    expect((await acknowledge(foreign)).status).toBe(404);
    // An approval link (another kind of token) is not an acknowledgement link.
    const approvalKind = new SignedTokens(api.config.JWT_SECRET, 'socle.content-approval-link.v1').sign([
      org,
      linkId,
      Date.now() + 3_600_000,
    ]);
    expect((await acknowledge(approvalKind)).status).toBe(404);

    // Expired: by the token's own date, and by the link row's.
    const expiredToken = tokens.sign([org, linkId, Date.now() - 1000]);
    expect((await acknowledge(expiredToken)).body.errors[0].extensions.reason).toBe('LINK_EXPIRED');
    await admin.query(
      `UPDATE policy_acknowledgement_links SET expires_at = now() - interval '1 second' WHERE organization_id = $1 AND id = $2`,
      [org, linkId],
    );
    const res = await acknowledge(chloe);
    expect(res.status).toBe(410);
    expect(res.body.errors[0].extensions.reason).toBe('LINK_EXPIRED');
    expect(await ackRows()).toEqual(before);
  });

  it('removing a person withdraws their pending links and cancels their unsent mail', async () => {
    await requestAcks({ policyId });
    const chloe = (await staffList()).find((p) => p.email === 'chloe@example.test') as { id: string };
    const pendingLink = (
      await admin.query<{ id: string }>(
        'SELECT id FROM policy_acknowledgement_links WHERE organization_id = $1 AND staff_id = $2 AND used_at IS NULL AND revoked_at IS NULL',
        [org, chloe.id],
      )
    ).rows[0];
    const removed = await ok<{ removeStaffMember: { linksRevoked: number } }>(
      'mutation ($input: RemoveStaffMemberInput!) { removeStaffMember(input: $input) { linksRevoked staffMember { email } } }',
      { input: { staffId: chloe.id } },
      lead,
    );
    expect(removed.removeStaffMember.linksRevoked).toBe(1);
    const mail = await admin.query<{ status: string }>('SELECT status FROM mail_outbox WHERE organization_id = $1 AND reference = $2', [
      org,
      pendingLink.id,
    ]);
    expect(mail.rows.map((r) => r.status)).toEqual(['CANCELLED']);
    const sent = await deliver();
    expect(sent.has('chloe@example.test')).toBe(false);
    expect((await staffList()).map((p) => p.email)).not.toContain('chloe@example.test');
    expect((await summary()).staff).toMatchObject({ staffCount: 2, acknowledgedCount: 2, share: 1 });
    // Removing again, or someone of another organisation: not found, nothing changed.
    const again = await api.gql(
      'mutation ($input: RemoveStaffMemberInput!) { removeStaffMember(input: $input) { linksRevoked } }',
      { input: { staffId: chloe.id } },
      as(lead),
    );
    expect(again.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('asks for a new acknowledgement of a new version: links of the old one are refused', async () => {
    await importStaff('name,email,department\nDan Oak,dan@example.test,Sport\n');
    await requestAcks({ policyId });
    const links = await deliver();
    const dan = links.get('dan@example.test') as string;
    await publishNewVersion();
    const outdated = await acknowledge(dan);
    expect(outdated.status).toBe(409);
    expect(outdated.body.errors[0].extensions.reason).toBe('LINK_OUTDATED');
    expect(await summary()).toMatchObject({ version: { number: 2 }, staff: { staffCount: 3, acknowledgedCount: 0, share: 0 } });
    await requestAcks({ policyId });
    const fresh = await deliver();
    expect((await acknowledge(fresh.get('dan@example.test') as string)).status).toBe(200);
    const rows = await ackRows();
    expect(rows.filter((r) => r.version === 2)).toHaveLength(1);
    expect(rows.filter((r) => r.version === 1)).toHaveLength(2);
  });

  it('raced against itself: imports, requests and one link used six times at once keep one person, one link, one acknowledgement', async () => {
    const csv = 'name,email,department\nRia Race,ria@example.test,Accueil\n';
    const imports = await Promise.all(Array.from({ length: 6 }, () => importStaff(csv)));
    for (const res of imports) {
      expect(res.status).toBeLessThan(500);
      expect(res.body.errors?.map((e) => e.extensions?.code) ?? []).not.toContain('INTERNAL');
    }
    expect((await staffList()).filter((p) => p.email === 'ria@example.test')).toHaveLength(1);
    const ria = (await staffList()).find((p) => p.email === 'ria@example.test') as { id: string };

    const requests = await Promise.all(Array.from({ length: 6 }, () => requestAcks({ policyId, staffIds: [ria.id] })));
    for (const res of requests) {
      expect(res.status).toBeLessThan(500);
      expect(res.body.errors?.map((e) => e.extensions?.code) ?? []).not.toContain('INTERNAL');
    }
    const open = await admin.query(
      'SELECT 1 FROM policy_acknowledgement_links WHERE organization_id = $1 AND staff_id = $2 AND used_at IS NULL AND revoked_at IS NULL',
      [org, ria.id],
    );
    expect(open.rowCount).toBe(1);

    const link = (await deliver()).get('ria@example.test') as string;
    expect(link).toBeTruthy();
    const answers = await Promise.all(Array.from({ length: 6 }, () => acknowledge(link)));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 410, 410, 410, 410, 410]);
    expect((await ackRows()).filter((r) => r.staff_id === ria.id)).toHaveLength(1);
  });

  it('keeps each organisation’s staff, links and acknowledgements to itself', async () => {
    await importStaff('name,email,department\nOther Person,other@example.test,X\n', otherLead, otherOrg);
    expect((await staffList(otherLead, otherOrg)).map((p) => p.email)).toEqual(['other@example.test']);
    expect((await staffList()).map((p) => p.email)).not.toContain('other@example.test');
    const mine = (await staffList())[0];
    // Another organisation's ids: not found, nothing sent or removed.
    const foreignRemove = await api.gql(
      'mutation ($input: RemoveStaffMemberInput!) { removeStaffMember(input: $input) { linksRevoked } }',
      { input: { staffId: mine.id } },
      as(otherLead, otherOrg),
    );
    expect(foreignRemove.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const foreignRequest = await requestAcks({ policyId }, otherLead, otherOrg);
    expect(foreignRequest.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await staffList()).map((p) => p.id)).toContain(mine.id);
  });

  it('counts the staff list and its acknowledgements over all pages, without removed people nor another agency’s', async () => {
    type Page = CountedPage;
    const PAGE = COUNTED_PAGE;
    /** Reads a list through `pick`: whole, then one item at a time (see countedOverPages). */
    const countOf = (pick: (args: string) => Promise<Page>) => countedOverPages('list', pick);
    const staff = (who = lead, organizationId = org) =>
      countOf(async (args) => (await ok<{ staff: Page }>(`{ staff(${args}) { ${PAGE} } }`, {}, who, organizationId)).staff);
    const people = () =>
      countOf(
        async (args) =>
          (
            await ok<{ policyAcknowledgements: { staff: { people: Page } } }>(
              `query ($policyId: ID!) { policyAcknowledgements(policyId: $policyId) { staff { people(${args}) { ${PAGE} } } } }`,
              { policyId },
              lead,
            )
          ).policyAcknowledgements.staff.people,
      );

    await importStaff('name,email,department\nCompte Un,compte1@example.test,X\nCompte Deux,compte2@example.test,Y\n');
    const listed = await staff();
    expect(listed).toBe((await staffList()).length);
    expect(listed).toBeGreaterThanOrEqual(3);
    expect(await people()).toBe(listed);
    expect(await people()).toBe((await summary()).staff.staffCount);

    // A removed person leaves both lists and their counts.
    const gone = (await staffList()).find((p) => p.email === 'compte2@example.test') as { id: string };
    await ok(
      'mutation ($input: RemoveStaffMemberInput!) { removeStaffMember(input: $input) { linksRevoked } }',
      { input: { staffId: gone.id } },
      lead,
    );
    expect(await staff()).toBe(listed - 1);
    expect(await people()).toBe(listed - 1);

    // Another agency's client imports people: its list counts them, ours does not move.
    const theirsBefore = await staff(otherLead, otherOrg);
    await importStaff(
      'name,email,department\nAilleurs Un,a1@example.test,X\nAilleurs Deux,a2@example.test,X\nAilleurs Trois,a3@example.test,X\n',
      otherLead,
      otherOrg,
    );
    expect(await staff(otherLead, otherOrg)).toBe(theirsBefore + 3);
    expect(await staff()).toBe(listed - 1);
    expect(await people()).toBe(listed - 1);
  });

  it('gives each acknowledgement one id, pending or made, in the summary and in the answer that makes it', async () => {
    type Member = { id: string; userId: string };
    type StaffPerson = { id: string; staffId: string; email: string; acknowledgedAt: string | null };
    type Summary = {
      acknowledged: { edges: { node: Member }[] };
      pending: { edges: { node: Member }[] };
      staff: { people: { edges: { node: StaffPerson }[] } };
    };
    const ACKS = `query ($policyId: ID!) { policyAcknowledgements(policyId: $policyId) {
      acknowledged(first: 50) { edges { node { id userId } } } pending(first: 50) { edges { node { id userId } } }
      staff { people(first: 50) { edges { node { id staffId email acknowledgedAt } } } } } }`;
    const read = async () => (await ok<{ policyAcknowledgements: Summary }>(ACKS, { policyId }, lead)).policyAcknowledgements;
    const ACKNOWLEDGE = 'mutation ($input: PolicyVersionInput!) { acknowledgePolicyVersion(input: $input) { id versionId userId } }';
    const versionId = await publishNewVersion();

    // A member's acknowledgement keeps the id it had while pending; the mutation answers it, again when repeated.
    const before = await read();
    const pending = new Map(before.pending.edges.map((e) => [e.node.userId, e.node.id]));
    expect(pending.size).toBeGreaterThanOrEqual(3);
    expect(new Set(pending.values()).size).toBe(pending.size);
    const made = await ok<{ acknowledgePolicyVersion: Member }>(ACKNOWLEDGE, { input: { versionId } }, viewer);
    expect(made.acknowledgePolicyVersion.id).toBe(pending.get(viewer.userId));
    const repeated = await ok<{ acknowledgePolicyVersion: Member }>(ACKNOWLEDGE, { input: { versionId } }, viewer);
    expect(repeated.acknowledgePolicyVersion.id).toBe(made.acknowledgePolicyVersion.id);
    const after = await read();
    expect(after.acknowledged.edges.map((e) => e.node)).toEqual([{ id: made.acknowledgePolicyVersion.id, userId: viewer.userId }]);
    expect(after.pending.edges.map((e) => e.node.id)).not.toContain(made.acknowledgePolicyVersion.id);

    // A person of the staff list likewise, before and after acknowledging through their link.
    const people = new Map(before.staff.people.edges.map((e) => [e.node.staffId, e.node]));
    expect(new Set([...people.values()].map((p) => p.id)).size).toBe(people.size);
    await requestAcks({ policyId });
    const [[email, token]] = [...(await deliver()).entries()];
    expect((await acknowledge(token)).status).toBe(200);
    const done = (await read()).staff.people.edges.map((e) => e.node).find((p) => p.email === email) as StaffPerson;
    expect(done.acknowledgedAt).not.toBeNull();
    expect(done.id).toBe(people.get(done.staffId)?.id);

    // The next version asks everyone again: other acknowledgements, other ids.
    await publishNewVersion();
    const next = await read();
    expect(next.pending.edges.find((e) => e.node.userId === viewer.userId)?.node.id).not.toBe(made.acknowledgePolicyVersion.id);
    expect(next.staff.people.edges.find((e) => e.node.staffId === done.staffId)?.node.id).not.toBe(done.id);
  });
});
