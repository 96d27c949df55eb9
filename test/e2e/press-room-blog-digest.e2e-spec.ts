import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { NETWORK_TARGETS, PublicationRepository } from '@socle/content';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { MailOutbox } from '@socle/platform-mail';
import { JobQueues } from '@socle/platform-queue';
import { BlogDigestRepository, NewsletterService, PressRoomRepository, PressRoomService, SendBlogDigestJob } from '@socle/press-room';
import { AgencySession, createOrganization, dropTestDatabase, ownTestDatabase, signUpAgency, TestApi } from '@socle/testing';
import { mailCapture, ReceivedMail } from './loopback-smtp';

/**
 * The newsletter's weekly blog digest against the real API, PostgreSQL, Redis and an SMTP server on loopback: the
 * articles an organisation's blogs (connectors whose manifest says `articles`: Ghost, WordPress) published in the
 * week, mailed on the Monday after to the confirmed subscribers who chose the digest, once each however many workers
 * run; nothing from other networks, other weeks, deleted articles or another organisation. A database of its own:
 * the workers of other suites run every tenant's jobs on the shared one, at their own time.
 */
describe('press room blog digest', () => {
  const database = ownTestDatabase();
  let api: TestApi;
  let admin: Client;
  let mailbox: Awaited<ReturnType<typeof mailCapture>>;
  let job: () => SendBlogDigestJob;
  let owner: AgencySession;
  let org: string;
  let other: string;
  const slug = `brasserie-${randomBytes(4).toString('hex')}`;
  let ipCounter = 0;

  const as = (session: { token: string }, organizationId = org) => ({ token: session.token, organizationId });
  const q = async <T extends Record<string, unknown>>(sql: string, values: unknown[] = []) => (await admin.query<T>(sql, values)).rows;
  const signUp = (body: unknown) =>
    request(api.server)
      .post(`/press/${slug}/subscribe`)
      .set('x-forwarded-for', `203.0.113.${(ipCounter += 1)}`)
      .set('content-type', 'application/json')
      .send(JSON.stringify(body));
  const deliver = (organizationId = org): Promise<ReceivedMail[]> => mailbox.deliver(organizationId);
  const setRoom = (input: Record<string, unknown>, organizationId = org) =>
    api.ok<{ updatePressRoom: { id: string; blogDigest: boolean } }>(
      'mutation ($input: UpdatePressRoomInput!) { updatePressRoom(input: $input) { id blogDigest } }',
      { input },
      as(owner, organizationId),
    );

  async function account(organizationId: string, network: string): Promise<string> {
    const [row] = await q<{ id: string }>(
      `INSERT INTO network_accounts (organization_id, network, handle, service_url, credentials_ciphertext, credentials_key_id)
       VALUES ($1, $2, $3, 'https://blog.example', 'sealed', 'k1') RETURNING id`,
      [organizationId, network, `${network}-${randomBytes(3).toString('hex')}`],
    );
    return row.id;
  }

  /** A published piece on `accountId` at `publishedAt`, with a title and excerpt in its settings (or the item's title and the text). */
  async function published(
    organizationId: string,
    accountId: string,
    network: string,
    publishedAt: string,
    fields: { title: string; excerpt?: string; deleted?: boolean },
  ): Promise<string> {
    const [item] = await q<{ id: string }>('INSERT INTO content_items (organization_id, title) VALUES ($1, $2) RETURNING id', [
      organizationId,
      `Item ${fields.title}`,
    ]);
    const options = network === 'mastodon' ? {} : { title: fields.title, ...(fields.excerpt ? { excerpt: fields.excerpt } : {}) };
    const [variant] = await q<{ id: string }>(
      `INSERT INTO content_variants (organization_id, item_id, network, network_account_id, text, options)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING id`,
      [organizationId, item.id, network, accountId, `Le texte de ${fields.title}, assez long pour un extrait.`, JSON.stringify(options)],
    );
    const url = `https://blog.example/${encodeURIComponent(fields.title.toLowerCase().replace(/\s+/g, '-'))}`;
    await q(
      `INSERT INTO publications (organization_id, item_id, variant_id, network_account_id, network, due_at, next_attempt_at, status,
         idempotency_key, external_id, external_url, published_at, deleted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6, 'PUBLISHED', $7, $7, $8, $6, $9)`,
      [
        organizationId,
        item.id,
        variant.id,
        accountId,
        network,
        publishedAt,
        randomBytes(8).toString('hex'),
        url,
        fields.deleted ? publishedAt : null,
      ],
    );
    return url;
  }

  async function subscriber(email: string, state: string, lists: string[]): Promise<void> {
    await q(
      `INSERT INTO newsletter_subscribers (organization_id, email, state, lists, unsubscribe_nonce, confirmed_at)
       VALUES ($1, $2, $3, $4::text[], $5, CASE WHEN $3 = 'CONFIRMED' THEN now() END)`,
      [org, email, state, lists, randomBytes(18).toString('base64url')],
    );
  }

  beforeAll(async () => {
    api = await TestApi.start({
      ...database.env,
      PUBLIC_URL: 'https://socle.example',
      CONNECTORS: '@socle/plugin-mastodon,@socle/plugin-ghost,@socle/plugin-wordpress',
    });
    admin = new Client({ connectionString: database.adminUrl });
    await admin.connect();
    mailbox = await mailCapture(api.app);
    const units = api.app.get(UnitOfWorkFactory, { strict: false });
    const queues = api.app.get(JobQueues, { strict: false });
    const get = api.app.get.bind(api.app);
    // The worker's job, built from the API's instances: each call a new one, as separate workers would have.
    job = () =>
      new SendBlogDigestJob(
        units,
        get(PressRoomRepository, { strict: false }),
        get(BlogDigestRepository, { strict: false }),
        get(PublicationRepository, { strict: false }),
        get(NETWORK_TARGETS, { strict: false }),
        get(NewsletterService, { strict: false }),
        get(PressRoomService, { strict: false }),
        get(MailOutbox, { strict: false }),
        queues,
      );
    owner = await signUpAgency(api, 'Agence Blog');
    org = await createOrganization(api, owner, 'Brasserie du Lac');
    other = await createOrganization(api, owner, 'Autre client');
    await setRoom({ slug, title: 'Brasserie du Lac', enabled: true, language: 'FR' });
  }, 120_000);
  afterAll(async () => {
    await mailbox?.close();
    await admin?.end();
    await api?.stop();
    await dropTestDatabase(database.name);
  });

  it('offers the digest at sign-up only where the room sends it', async () => {
    const page = await request(api.server).get(`/press/${slug}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('value="BLOG"');
    const refused = await signUp({ email: 'tot@exemple.fr', lists: ['BLOG'] });
    expect(refused.status).toBe(400);
    expect(refused.body.problems).toEqual([{ field: 'lists', message: 'must be one or more of RELEASES' }]);

    expect((await setRoom({ blogDigest: true })).updatePressRoom.blogDigest).toBe(true);
    const withChoice = await request(api.server).get(`/press/${slug}`);
    expect(withChoice.text).toContain('<input type="checkbox" name="lists" value="BLOG" checked>');
    for (const bad of [['BLOG', 'NEWS'], 'blog', [], ['BLOG', 'BLOG', 'RELEASES'], [{ $gt: '' }], ['BLOG\u0000']]) {
      const res = await signUp({ email: 'tot@exemple.fr', lists: bad });
      expect({ bad, status: res.status, field: res.body.problems?.[0]?.field }).toEqual({ bad, status: 400, field: 'lists' });
    }
    expect(await q('SELECT 1 FROM newsletter_subscribers WHERE organization_id = $1', [org])).toEqual([]);

    expect((await signUp({ email: 'lecteur@exemple.fr', lists: ['BLOG'] })).status).toBe(202);
    const [mail] = (await deliver()).filter((m) => m.to.includes('lecteur@exemple.fr'));
    expect(mail.text).toContain('le résumé hebdomadaire du blog de Brasserie du Lac');
    expect(mail.text).not.toContain('communiqués');
    expect(await q('SELECT lists, state FROM newsletter_subscribers WHERE organization_id = $1', [org])).toEqual([
      { lists: ['BLOG'], state: 'PENDING' },
    ]);
    // A form's repeated checkbox reads the same.
    const form = await request(api.server)
      .post(`/press/${slug}/subscribe`)
      .set('x-forwarded-for', '203.0.113.200')
      .set('content-type', 'application/x-www-form-urlencoded')
      .send('email=formulaire%40exemple.fr&lists=RELEASES&lists=BLOG');
    expect(form.status).toBe(202);
    expect(
      await q('SELECT lists FROM newsletter_subscribers WHERE organization_id = $1 AND email = $2', [org, 'formulaire@exemple.fr']),
    ).toEqual([{ lists: ['RELEASES', 'BLOG'] }]);
    expect((await deliver()).flatMap((m) => m.to)).toEqual(['formulaire@exemple.fr']);
    await q('DELETE FROM newsletter_subscribers WHERE organization_id = $1', [org]);
  });

  it('mails the week’s blog articles on the Monday after, to the subscribers who chose the digest, once', async () => {
    await subscriber('releases@exemple.fr', 'CONFIRMED', ['RELEASES']);
    await subscriber('blog@exemple.fr', 'CONFIRMED', ['BLOG']);
    await subscriber('both@exemple.fr', 'CONFIRMED', ['RELEASES', 'BLOG']);
    await subscriber('pending@exemple.fr', 'PENDING', ['BLOG']);
    await subscriber('gone@exemple.fr', 'UNSUBSCRIBED', ['BLOG']);
    const ghost = await account(org, 'ghost');
    const wordpress = await account(org, 'wordpress');
    const mastodon = await account(org, 'mastodon');
    // The week of Monday 5 October 2026, Europe/Paris (UTC+2): from 4 October 22:00 UTC to 11 October 22:00 UTC.
    const first = await published(org, ghost, 'ghost', '2026-10-04T22:30:00Z', { title: 'Nouvelle bière', excerpt: 'Une blonde légère.' });
    const second = await published(org, wordpress, 'wordpress', '2026-10-07T10:00:00Z', { title: 'Visite de la brasserie' });
    const third = await published(org, ghost, 'ghost', '2026-10-11T21:59:00Z', { title: 'Fête de la bière' });
    const notArticles = [
      await published(org, mastodon, 'mastodon', '2026-10-06T10:00:00Z', { title: 'Un pouet' }),
      await published(org, ghost, 'ghost', '2026-10-04T21:59:00Z', { title: 'La semaine d’avant' }),
      await published(org, ghost, 'ghost', '2026-10-11T22:00:00Z', { title: 'La semaine d’après' }),
      await published(org, ghost, 'ghost', '2026-10-08T10:00:00Z', { title: 'Article retiré', deleted: true }),
      await published(other, await account(other, 'ghost'), 'ghost', '2026-10-08T10:00:00Z', { title: 'Autre client' }),
    ];

    // Monday 12 October, 08:59 in Paris: not yet due (the week before's is).
    const early = await job().handle({ organizationId: org }, new Date('2026-10-12T06:59:00Z'));
    expect(early.weekStart).toBe('2026-09-28');
    expect(early.mails).toBe(0);
    const monday = new Date('2026-10-12T07:30:00Z');
    const summary = await job().handle({ organizationId: org }, monday);
    expect(summary).toEqual({ weekStart: '2026-10-05', articles: 3, mails: 2, skippedLate: false });
    expect(await job().handle({ organizationId: org }, monday)).toEqual({
      weekStart: '2026-10-05',
      articles: 3,
      mails: 0,
      skippedLate: false,
    });

    const mails = await deliver();
    expect(mails.flatMap((m) => m.to).sort()).toEqual(['blog@exemple.fr', 'both@exemple.fr']);
    for (const mail of mails) {
      expect(mail.raw).toMatch(/^Subject: /m);
      const at = (url: string) => mail.text.indexOf(url);
      expect([at(first), at(second), at(third)].every((i) => i > 0)).toBe(true);
      expect(at(first) < at(second) && at(second) < at(third)).toBe(true);
      for (const url of notArticles) expect(mail.text).not.toContain(url);
      expect(mail.text).toContain('Une blonde légère.');
      expect(mail.text).toContain('Visite de la brasserie');
      expect(mail.text).toContain('la semaine du 5 octobre 2026');
      const unsubscribe = /https:\/\/socle\.example\/press\/[a-z0-9-]+\/unsubscribe\?token=[A-Za-z0-9_.-]+/.exec(mail.text)?.[0];
      expect(mail.raw.replace(/\r\n(?=[ \t])/g, '')).toContain(`List-Unsubscribe: <${unsubscribe}>`);
    }
  });

  it('sends a week once to each subscriber when several workers run at once', async () => {
    await q(
      `INSERT INTO newsletter_subscribers (organization_id, email, state, lists, unsubscribe_nonce, confirmed_at)
       SELECT $1, 'lecteur' || n || '@exemple.fr', 'CONFIRMED', '{BLOG}', 'nonce-nonce-nonce-' || n, now() FROM generate_series(1, 700) n`,
      [org],
    );
    const ghost = await account(org, 'ghost');
    await published(org, ghost, 'ghost', '2026-10-14T10:00:00Z', { title: 'Bière de saison' });
    const monday = new Date('2026-10-19T08:00:00Z');
    const runs = await Promise.all(Array.from({ length: 4 }, () => job().handle({ organizationId: org }, monday)));
    expect(runs.reduce((sum, run) => sum + run.mails, 0)).toBe(702); // blog@, both@ and the 700
    const [counts] = await q<{ n: number; distinct: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT recipient)::int AS distinct FROM mail_outbox
        WHERE organization_id = $1 AND purpose = 'press-room.blog-digest' AND reference = (SELECT id FROM blog_digests WHERE organization_id = $1 AND week_start = '2026-10-12')`,
      [org],
    );
    expect(counts).toEqual({ n: 702, distinct: 702 });
  });

  it('sends nothing for a week without articles, for a week seen days late, or when the room does not offer it', async () => {
    expect(await job().handle({ organizationId: org }, new Date('2026-10-26T08:00:00Z'))).toEqual({
      weekStart: '2026-10-19',
      articles: 0,
      mails: 0,
      skippedLate: false,
    });
    const ghost = await account(org, 'ghost');
    await published(org, ghost, 'ghost', '2026-10-28T10:00:00Z', { title: 'Vue trop tard' });
    // Thursday 5 November: the week of 26 October fell due on Monday, over three days ago.
    expect(await job().handle({ organizationId: org }, new Date('2026-11-05T12:00:00Z'))).toEqual({
      weekStart: '2026-10-26',
      articles: 0,
      mails: 0,
      skippedLate: true,
    });
    await setRoom({ blogDigest: false });
    expect(await job().handle({ organizationId: org }, new Date('2026-11-09T08:00:00Z'))).toEqual({
      weekStart: null,
      articles: 0,
      mails: 0,
      skippedLate: false,
    });
    await setRoom({ blogDigest: true });
  });

  it('is found by the reconciler while its week is due, and no more once written', async () => {
    await q('DELETE FROM blog_digests WHERE organization_id = $1 AND week_start = socle_blog_digest_week(now(), $2)', [
      org,
      'Europe/Paris',
    ]);
    expect(await job().reconcile()).toBe(1);
    await job().handle({ organizationId: org });
    expect(await job().reconcile()).toBe(0);
  });

  it('keeps each organisation’s digests to itself', async () => {
    const units = api.app.get(UnitOfWorkFactory, { strict: false });
    const seen = await units.runInOrganization(other, (uow) =>
      uow.query<{ n: number }>('SELECT count(*)::int AS n FROM blog_digests UNION ALL SELECT count(*)::int FROM blog_digest_deliveries'),
    );
    expect(seen).toEqual([{ n: 0 }, { n: 0 }]);
    const [{ id }] = await q<{ id: string }>('SELECT id FROM blog_digests WHERE organization_id = $1 LIMIT 1', [org]);
    const changed = await units.runInOrganization(other, (uow) =>
      uow.execute('UPDATE blog_digests SET done_at = NULL WHERE id = $1', [id]),
    );
    expect(changed).toBe(0);
    await expect(
      units.runInOrganization(other, (uow) =>
        uow.query(`INSERT INTO blog_digests (organization_id, week_start, articles) VALUES ($1, '2026-11-02', '[]')`, [org]),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
