import type { Client } from 'pg';
import request from 'supertest';
import { loadConfig } from '@socle/platform-config';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { MailOutbox } from '@socle/platform-mail';
import { JobQueues } from '@socle/platform-queue';
import {
  CONFIRMATIONS_PER_ADDRESS_PER_HOUR,
  NewsletterRepository,
  NewsletterService,
  PressReleaseRepository,
  PressRoomRepository,
  PressRoomService,
  SendReleaseDigestJob,
  SUBSCRIBE_PER_IP_PER_HOUR,
} from '@socle/press-room';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { createWorker } from '@socle/worker';
import { adminDatabase, insideOneRateWindow } from './e2e-support';
import { mailCapture, ReceivedMail } from './loopback-smtp';
import { approvedItem, getPublic, textOf } from './press-room-support';

/**
 * The press room's newsletter against the real API, PostgreSQL, Redis and an SMTP server on loopback: double opt-in
 * with a signed, expiring, single-use link; the same answer for every address whatever its state; rate limits per
 * client address and per subscriber address; one-click unsubscription (link and RFC 8058 POST); and each release
 * mailed once to each confirmed subscriber, also with several workers racing.
 */
describe('press room newsletter', () => {
  let api: TestApi;
  let admin: Client;
  let mailbox: Awaited<ReturnType<typeof mailCapture>>;
  let digest: () => SendReleaseDigestJob;
  let owner: AgencySession;
  let org: string;
  let ipCounter = 0;

  const as = (session: { token: string }) => ({ token: session.token, organizationId: org });
  /** Each sign-up from an address of its own, unless the test is about the per-address limit. */
  const nextIp = () => `198.51.100.${(ipCounter += 1)}`;
  const subscribeForm = (body: string, ip = nextIp(), path = '/press/cave-des-alpes/subscribe') =>
    request(api.server).post(path).set('x-forwarded-for', ip).set('content-type', 'application/x-www-form-urlencoded').send(body);
  const subscribeJson = (body: unknown, ip = nextIp()) =>
    request(api.server)
      .post('/press/cave-des-alpes/subscribe')
      .set('x-forwarded-for', ip)
      .set('content-type', 'application/json')
      .send(typeof body === 'string' ? body : JSON.stringify(body));
  const deliver = (): Promise<ReceivedMail[]> => mailbox.deliver(org);
  const linkIn = (mail: ReceivedMail, kind: 'confirm' | 'unsubscribe') =>
    new RegExp(`https://socle\\.example/press/cave-des-alpes/${kind}\\?token=[A-Za-z0-9_.-]+`).exec(mail.text)?.[0] as string;
  const pathOf = (url: string) => {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  };
  /** The release's mails in the outbox: how many, to how many addresses. */
  const releaseMails = async (releaseId: string) =>
    (
      await admin.query<{ n: number; distinct: number }>(
        `SELECT count(*)::int AS n, count(DISTINCT recipient)::int AS distinct FROM mail_outbox
          WHERE organization_id = $1 AND purpose = 'press-room.release' AND reference = $2`,
        [org, releaseId],
      )
    ).rows[0];
  const state = async (email: string) =>
    (
      await admin.query<{ state: string }>('SELECT state FROM newsletter_subscribers WHERE organization_id = $1 AND email = $2', [
        org,
        email,
      ])
    ).rows[0]?.state;

  beforeAll(async () => {
    api = await TestApi.start({ PUBLIC_URL: 'https://socle.example' });
    admin = await adminDatabase();
    mailbox = await mailCapture(api.app);
    const units = api.app.get(UnitOfWorkFactory, { strict: false });
    const queues = api.app.get(JobQueues, { strict: false });
    // The worker's job, built from the API's own instances (the API does not run jobs): each call a new instance,
    // as separate workers would have.
    const get = api.app.get.bind(api.app);
    digest = () =>
      new SendReleaseDigestJob(
        units,
        get(PressRoomRepository, { strict: false }),
        get(PressReleaseRepository, { strict: false }),
        get(NewsletterRepository, { strict: false }),
        get(NewsletterService, { strict: false }),
        get(PressRoomService, { strict: false }),
        get(MailOutbox, { strict: false }),
        queues,
      );
    owner = await signUpAgency(api, 'Agence Infolettre');
    org = await createOrganization(api, owner, 'Cave des Alpes');
    await api.ok(
      'mutation ($input: UpdatePressRoomInput!) { updatePressRoom(input: $input) { id } }',
      { input: { slug: 'cave-des-alpes', title: 'Cave des Alpes', enabled: true, language: 'EN' } },
      as(owner),
    );
  });
  afterAll(async () => {
    await mailbox?.close();
    await admin?.end();
    await api?.stop();
  });

  it('confirms by double opt-in: a signed link mailed to the address works once', async () => {
    const res = await subscribeForm('email=Alice%40Presse.Example.COM&name=Alice+Journaliste');
    expect(res.status).toBe(202);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('Check your inbox');
    expect(await state('Alice@presse.example.com')).toBe('PENDING');

    const [mail] = await deliver();
    expect(mail.to).toEqual(['Alice@presse.example.com']);
    expect(mail.raw).toMatch(/Subject: =\?UTF-8\?Q\?Confirm_your_subscription_to_Cave/);
    expect(mail.text).toContain('Someone (you, most likely) asked to receive the press releases of Cave des Alpes');
    const link = linkIn(mail, 'confirm');
    expect(link).toBeTruthy();
    const confirmed = await getPublic(api, pathOf(link));
    expect(confirmed.status).toBe(200);
    expect(textOf(confirmed)).toContain('Subscription confirmed');
    expect(await state('Alice@presse.example.com')).toBe('CONFIRMED');
    // Single use.
    const again = await getPublic(api, pathOf(link));
    expect(again.status).toBe(404);
    expect(textOf(again)).toContain('Link not valid');
    // A forged or altered link is not one.
    const [body, signature] = new URL(link).searchParams.get('token')?.split('.') as string[];
    expect((await getPublic(api, `/press/cave-des-alpes/confirm?token=${body}.${signature.slice(0, -2)}xx`)).status).toBe(404);
    expect((await getPublic(api, '/press/cave-des-alpes/confirm')).status).toBe(404);
    expect((await getPublic(api, '/press/cave-des-alpes/confirm?token=a&token=b')).status).toBe(404);
  });

  it('refuses a confirmation link past its time: 410 for the link’s own expiry, and the row’s expiry holds too', async () => {
    await subscribeForm('email=late%40presse.example.com');
    const [mail] = await deliver();
    const { rows } = await admin.query<{ id: string; confirm_nonce: string }>(
      "SELECT id, confirm_nonce FROM newsletter_subscribers WHERE email = 'late@presse.example.com'",
    );
    // A link signed by this server whose time has passed (the service's own signer, as 48 hours later).
    const signer = (api.app.get(NewsletterService, { strict: false }) as unknown as { tokens: { sign(fields: unknown[]): string } }).tokens;
    const expired = signer.sign(['c1', org, rows[0].id, rows[0].confirm_nonce, Date.now() - 1000]);
    const gone = await getPublic(api, `/press/cave-des-alpes/confirm?token=${expired}`);
    expect(gone.status).toBe(410);
    expect(textOf(gone)).toContain('Link not valid');
    // The row's expiry holds even where the link's own has not come.
    await admin.query(
      "UPDATE newsletter_subscribers SET confirm_expires_at = now() - interval '1 minute' WHERE email = 'late@presse.example.com'",
    );
    expect((await getPublic(api, pathOf(linkIn(mail, 'confirm')))).status).toBe(404);
    expect(await state('late@presse.example.com')).toBe('PENDING');
  });

  it('answers every address the same, new, pending, confirmed or unsubscribed, in HTML and in JSON', async () => {
    await admin.query(
      `INSERT INTO newsletter_subscribers (organization_id, email, state, unsubscribe_nonce, unsubscribed_at)
       VALUES ($1, 'gone@presse.example.com', 'UNSUBSCRIBED', 'gone-nonce-0123456789', now())`,
      [org],
    );
    const addresses = ['new@presse.example.com', 'late@presse.example.com', 'Alice@presse.example.com', 'gone@presse.example.com'];
    const forms = await Promise.all(addresses.map((a) => subscribeForm(`email=${encodeURIComponent(a)}`)));
    const jsons = await Promise.all(addresses.map((a) => subscribeJson({ email: a })));
    for (const res of forms) expect({ status: res.status, text: res.text }).toEqual({ status: forms[0].status, text: forms[0].text });
    for (const res of jsons) expect({ status: res.status, body: res.body }).toEqual({ status: 202, body: jsons[0].body });
    expect(jsons[0].body).toEqual({ message: 'If this address can receive mail, a confirmation link was sent to it.' });
    // A confirmed address got nothing; the others a new link.
    const mails = await deliver();
    expect(mails.flatMap((m) => m.to).sort()).toEqual(
      [
        'new@presse.example.com',
        'new@presse.example.com',
        'late@presse.example.com',
        'late@presse.example.com',
        'gone@presse.example.com',
        'gone@presse.example.com',
      ].sort(),
    );
    expect(await state('gone@presse.example.com')).toBe('PENDING');
    expect(await state('Alice@presse.example.com')).toBe('CONFIRMED');
  });

  it('mails at most a few confirmation links an hour to one address, answering the same', async () => {
    const replies = [];
    for (let i = 0; i < CONFIRMATIONS_PER_ADDRESS_PER_HOUR + 2; i += 1)
      replies.push(await subscribeForm('email=busy%40presse.example.com'));
    expect(new Set(replies.map((r) => `${r.status} ${r.text}`)).size).toBe(1);
    const mails = await deliver();
    expect(mails.filter((m) => m.to.includes('busy@presse.example.com'))).toHaveLength(CONFIRMATIONS_PER_ADDRESS_PER_HOUR);
  });

  it('limits sign-ups per client address and room: 429 with Retry-After past the limit', async () => {
    await insideOneRateWindow();
    const ip = '203.0.113.77';
    for (let i = 0; i < SUBSCRIBE_PER_IP_PER_HOUR; i += 1)
      expect((await subscribeJson({ email: `flood${i}@presse.example.com` }, ip)).status).toBe(202);
    const refused = await subscribeJson({ email: 'flood-last@presse.example.com' }, ip);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.body).toMatchObject({ code: 'RATE_LIMITED' });
    expect(await state('flood-last@presse.example.com')).toBeUndefined();
    const html = await subscribeForm('email=flood-form%40presse.example.com', ip);
    expect(html.status).toBe(429);
    // Another client is not limited.
    expect((await subscribeJson({ email: 'other@presse.example.com' })).status).toBe(202);
    await deliver();
  });

  it('refuses bad sign-ups with 400 and stores nothing: no address, a NUL, a lone surrogate, 1 MB, deep JSON, a form elsewhere', async () => {
    const bodies: unknown[] = [
      {},
      { email: 'not-an-address' },
      { email: 'a\u0000b@presse.example.com' },
      { email: 'x@presse.example.com', name: '\ud800' },
      { email: `${'a'.repeat(250)}@presse.example.com` },
      { email: ['x@presse.example.com'] },
      { email: 'x@127.0.0.1' },
      [],
    ];
    for (const body of bodies) {
      const res = await subscribeJson(body);
      expect({ body: JSON.stringify(body).slice(0, 60), status: res.status }).toEqual({
        body: JSON.stringify(body).slice(0, 60),
        status: 400,
      });
    }
    const deep = await subscribeJson(`${'{"email":'.repeat(5000)}1${'}'.repeat(5000)}`);
    expect(deep.status).toBe(400);
    const huge = await subscribeForm(`email=${'a'.repeat(1024 * 1024)}%40presse.example.com`);
    expect(huge.status).toBe(413);
    const lone = await subscribeForm('email=%ED%A0%80%40presse.example.com');
    expect(lone.status).toBe(400);
    // The API still takes JSON only elsewhere: a form to GraphQL is 415.
    const graphql = await request(api.server)
      .post('/graphql')
      .set('content-type', 'application/x-www-form-urlencoded')
      .send('query=%7B__typename%7D');
    expect(graphql.status).toBe(415);
    // An unknown or disabled room answers the 404 page, and stores nothing.
    expect((await subscribeForm('email=x%40presse.example.com', nextIp(), '/press/personne/subscribe')).status).toBe(404);
    // (Patterns in this organisation: the run's database holds other suites' subscribers, some a…@presse.example.com.)
    const { rows } = await admin.query(
      `SELECT count(*)::int AS n FROM newsletter_subscribers
        WHERE (organization_id = $1 AND (email LIKE 'x@%' OR email LIKE 'a%@presse.example.com')) OR email = 'x@presse.example.com'`,
      [org],
    );
    expect(rows[0].n).toBe(0);
  });

  it('mails each public release once to the confirmed subscribers, with a one-click unsubscription link that works by GET and by POST', async () => {
    const confirmed = async (email: string) => {
      await subscribeForm(`email=${encodeURIComponent(email)}`);
      const mail = (await deliver()).find((m) => m.to.includes(email)) as ReceivedMail;
      expect((await getPublic(api, pathOf(linkIn(mail, 'confirm')))).status).toBe(200);
      return mail;
    };
    const confirmation = await confirmed('bob@presse.example.com');
    await confirmed('carol@presse.example.com');

    const itemId = await approvedItem(api, admin, owner, org, { title: 'Vendanges 2026', brief: 'Une récolte exceptionnelle.' });
    const release = await api.ok<{ publishPressRelease: { id: string; url: string } }>(
      'mutation ($input: PublishPressReleaseInput!) { publishPressRelease(input: $input) { id url } }',
      { input: { itemId } },
      as(owner),
    );
    // (The workers of other suites reconcile every tenant of the shared test database: whoever runs the job, the
    // outbox holds one mail per subscriber.)
    await digest().handle({ organizationId: org });
    expect((await digest().handle({ organizationId: org })).mails).toBe(0);
    expect(await releaseMails(release.publishPressRelease.id)).toEqual({ n: 3, distinct: 3 }); // Alice, Bob, Carol
    const mails = (await deliver()).filter((m) => m.raw.includes('Vendanges 2026'));
    expect(mails.flatMap((m) => m.to).sort()).toEqual(['Alice@presse.example.com', 'bob@presse.example.com', 'carol@presse.example.com']);
    const bob = mails.find((m) => m.to.includes('bob@presse.example.com')) as ReceivedMail;
    expect(bob.text).toContain(release.publishPressRelease.url);
    const unsubscribe = linkIn(bob, 'unsubscribe');
    expect(unsubscribe).toBeTruthy();

    // By the link (one click in the mail's body).
    const byLink = await getPublic(api, pathOf(unsubscribe));
    expect(byLink.status).toBe(200);
    expect(textOf(byLink)).toContain('Unsubscribed');
    expect(await state('bob@presse.example.com')).toBe('UNSUBSCRIBED');
    // Again: the same answer.
    expect((await getPublic(api, pathOf(unsubscribe))).status).toBe(200);

    // RFC 8058: the mail names its link in List-Unsubscribe, and the mail client POSTs List-Unsubscribe=One-Click to it.
    const carol = mails.find((m) => m.to.includes('carol@presse.example.com')) as ReceivedMail;
    const headers = carol.raw.slice(0, carol.raw.indexOf('\r\n\r\n')).replace(/\r\n(?=[ \t])/g, '');
    const listUnsubscribe = /^List-Unsubscribe: <([^>]+)>$/im.exec(headers)?.[1];
    expect(listUnsubscribe).toBe(linkIn(carol, 'unsubscribe'));
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/im);
    // A confirmation mail is no list's: it has no such header.
    expect(confirmation.raw).toContain('Subject:');
    expect(confirmation.raw).not.toMatch(/^List-Unsubscribe/im);
    const oneClick = await request(api.server)
      .post(pathOf(listUnsubscribe as string))
      .set('content-type', 'application/x-www-form-urlencoded')
      .send('List-Unsubscribe=One-Click');
    expect(oneClick.status).toBe(200);
    expect(await state('carol@presse.example.com')).toBe('UNSUBSCRIBED');

    // The next release goes to Alice only.
    const next = await approvedItem(api, admin, owner, org, { title: 'Portes ouvertes' });
    const nextRelease = await api.ok<{ publishPressRelease: { id: string } }>(
      'mutation ($input: PublishPressReleaseInput!) { publishPressRelease(input: $input) { id } }',
      { input: { itemId: next } },
      as(owner),
    );
    await digest().handle({ organizationId: org });
    expect(await releaseMails(nextRelease.publishPressRelease.id)).toEqual({ n: 1, distinct: 1 });
    expect((await deliver()).flatMap((m) => m.to)).toEqual(['Alice@presse.example.com']);
  });

  it('sends a release once to each subscriber when several workers run the job at once', async () => {
    await admin.query(
      `INSERT INTO newsletter_subscribers (organization_id, email, state, unsubscribe_nonce, confirmed_at)
       SELECT $1, 'reader' || n || '@presse.example.com', 'CONFIRMED', 'nonce-' || lpad(n::text, 12, '0'), now() FROM generate_series(1, 1200) n`,
      [org],
    );
    const itemId = await approvedItem(api, admin, owner, org, { title: 'Course des ouvriers' });
    const release = await api.ok<{ publishPressRelease: { id: string } }>(
      'mutation ($input: PublishPressReleaseInput!) { publishPressRelease(input: $input) { id } }',
      { input: { itemId } },
      as(owner),
    );
    const runs = await Promise.all(Array.from({ length: 4 }, () => digest().handle({ organizationId: org })));
    expect(runs.reduce((sum, r) => sum + r.mails, 0)).toBeLessThanOrEqual(1201);
    expect(await releaseMails(release.publishPressRelease.id)).toEqual({ n: 1201, distinct: 1201 }); // 1200 readers and Alice
    const deliveries = await admin.query(
      'SELECT count(*)::int AS n FROM newsletter_deliveries WHERE organization_id = $1 AND release_id = $2',
      [org, release.publishPressRelease.id],
    );
    expect(deliveries.rows[0].n).toBe(1201);
    // Running again sends nothing more; nor does a run that finds the release due again (its mark lost, as after a
    // restore): the delivery rows, not the mark, say who has it.
    expect(
      (await Promise.all([digest().handle({ organizationId: org }), digest().handle({ organizationId: org })])).map((r) => r.mails),
    ).toEqual([0, 0]);
    await admin.query('UPDATE press_releases SET digest_done_at = NULL WHERE id = $1', [release.publishPressRelease.id]);
    expect(
      (await Promise.all(Array.from({ length: 3 }, () => digest().handle({ organizationId: org })))).reduce((n, r) => n + r.mails, 0),
    ).toBe(0);
    // Withdrawn before the mails left: they are cancelled.
    await api.ok(
      'mutation ($input: WithdrawPressReleaseInput!) { withdrawPressRelease(input: $input) { id } }',
      { input: { id: release.publishPressRelease.id } },
      as(owner),
    );
    const pending = await admin.query(
      `SELECT count(*)::int AS n FROM mail_outbox WHERE organization_id = $1 AND reference = $2 AND status = 'PENDING'`,
      [org, release.publishPressRelease.id],
    );
    expect(pending.rows[0].n).toBe(0);
  });

  it('shows members the subscribers by state; addresses only to content and strategy leads and agency managers', async () => {
    const counts = await api.ok<{ newsletterSubscriberCounts: { pending: number; confirmed: number; unsubscribed: number } }>(
      '{ newsletterSubscriberCounts { pending confirmed unsubscribed } }',
      {},
      as(owner),
    );
    expect(counts.newsletterSubscriberCounts).toMatchObject({ unsubscribed: 2 });
    expect(counts.newsletterSubscriberCounts.confirmed).toBe(1201);
    const list = (session: { token: string }, args = 'first: 5, state: UNSUBSCRIBED') =>
      api.ok<{ newsletterSubscribers: { totalCount: number; edges: { node: { email: string | null; state: string } }[] } }>(
        `{ newsletterSubscribers(${args}) { totalCount edges { node { email state } } } }`,
        {},
        as(session),
      );
    expect((await list(owner)).newsletterSubscribers.edges.map((e) => e.node.email).sort()).toEqual([
      'bob@presse.example.com',
      'carol@presse.example.com',
    ]);
    const lead = await addOrganizationMember(api, owner, org, ['STRATEGY_LEAD']);
    expect((await list(lead)).newsletterSubscribers.edges.every((e) => e.node.email !== null)).toBe(true);
    const viewer = await addOrganizationMember(api, owner, org, ['VIEWER']);
    const seen = await list(viewer);
    expect(seen.newsletterSubscribers.totalCount).toBe(2);
    expect(seen.newsletterSubscribers.edges.map((e) => e.node.email)).toEqual([null, null]);
  });
  it('is sent by the worker by itself: publishing wakes the job, which mails the release', async () => {
    const worker = await createWorker(
      loadConfig({ ...process.env, QUEUE_PREFIX: api.config.QUEUE_PREFIX, PUBLIC_URL: 'https://socle.example' }),
      {
        reconcileEveryMs: 600_000,
      },
    );
    try {
      const itemId = await approvedItem(api, admin, owner, org, { title: 'Par le worker' });
      const release = await api.ok<{ publishPressRelease: { id: string } }>(
        'mutation ($input: PublishPressReleaseInput!) { publishPressRelease(input: $input) { id } }',
        { input: { itemId } },
        as(owner),
      );
      const deadline = Date.now() + 20_000;
      let done: Date | null = null;
      while (!done && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        done = (
          await admin.query<{ at: Date | null }>('SELECT digest_done_at AS at FROM press_releases WHERE id = $1', [
            release.publishPressRelease.id,
          ])
        ).rows[0].at;
      }
      expect(done).toEqual(expect.any(Date));
      expect((await releaseMails(release.publishPressRelease.id)).n).toBe(1201);
    } finally {
      await worker.close();
    }
  });
});
