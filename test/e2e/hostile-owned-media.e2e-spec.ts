import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { Client } from 'pg';
import { createOrganization, signUpAgency, TestApi, type AgencySession } from '@socle/testing';
import { adminDatabase, HOSTILE_VALUES as HOSTILE, NUL, serverErrorLog } from './e2e-support';

/** A lone surrogate written as a JSON escape: valid JSON text, not valid UTF-16 once parsed. */
const LONE_IN_JSON = '\\ud800';
import { approvedItem, getPublic } from './press-room-support';

/**
 * A hostile tenant against what owned media added: the long form of a press release (`setVariant.longForm`, scheduling),
 * the press room's settings, releases and domain check, and its public pages and newsletter routes. NUL bytes, lone
 * surrogates, huge strings, deep JSON, private addresses and another tenant's ids in every argument, and each
 * operation racing itself. No answer is a 500 or INTERNAL, another tenant's rows stay as they were, and the invariants
 * hold under the races (one long form per item, one standing release per item, one subscriber per address).
 */
describe('hostile input and races against owned media', () => {
  let api: TestApi;
  let admin: Client;
  let a: AgencySession;
  let b: AgencySession;
  let orgA = '';
  let orgB = '';
  let accountA = '';
  let accountB = '';
  let ghostA = '';
  const { problems, check } = serverErrorLog();
  /** An account written as the worker's check would leave it (no network is called by these tests). */
  const account = async (organizationId: string, network = 'mastodon') =>
    (
      await admin.query<{ id: string }>(
        `INSERT INTO network_accounts (organization_id, network, handle, service_url, status)
         VALUES ($1, $2, $3, 'http://127.0.0.1:9', 'OK') RETURNING id`,
        [organizationId, network, `probe-${randomBytes(3).toString('hex')}`],
      )
    ).rows[0].id;
  const label = (v: unknown) => JSON.stringify(v)?.slice(0, 30) ?? String(v);
  const inA = () => ({ token: a.token, organizationId: orgA });
  const inB = () => ({ token: b.token, organizationId: orgB });
  const SET_VARIANT = 'mutation ($input: SetContentVariantInput!) { setVariant(input: $input) { id longForm } }';
  const SCHEDULE = 'mutation ($input: ScheduleContentItemInput!) { scheduleContentItem(input: $input) { id waitsFor } }';
  const UPDATE_ROOM = 'mutation ($input: UpdatePressRoomInput!) { updatePressRoom(input: $input) { id slug } }';
  const PUBLISH = 'mutation ($input: PublishPressReleaseInput!) { publishPressRelease(input: $input) { id slug } }';
  const VERIFY = 'mutation ($input: VerifyPressRoomDomainInput!) { verifyPressRoomDomain(input: $input) { id } }';

  beforeAll(async () => {
    // Ghost beside the default networks: its Lexical option is probed below.
    api = await TestApi.start({
      CONNECTORS: [
        '@socle/plugin-bluesky',
        '@socle/plugin-mastodon',
        '@socle/plugin-rss',
        '@socle/plugin-ghost',
        '@socle/plugin-instagram',
        '@socle/plugin-x',
        '@socle/plugin-youtube',
      ].join(','),
    });
    admin = await adminDatabase();
    a = await signUpAgency(api, 'Hostile Owned A');
    b = await signUpAgency(api, 'Hostile Owned B');
    orgA = await createOrganization(api, a, 'Hostile Owned Client A');
    orgB = await createOrganization(api, b, 'Hostile Owned Client B');
    accountA = await account(orgA);
    accountB = await account(orgB);
    ghostA = await account(orgA, 'ghost');
  }, 60_000);
  afterAll(async () => {
    await admin?.end();
    await api?.stop();
  });

  it('answers hostile long-form and scheduling input without a 500, and leaves another tenant’s item as it was', async () => {
    const itemA = await approvedItem(api, admin, a, orgA, { title: 'Probe item A' }, 'DRAFT');
    const itemB = await approvedItem(api, admin, b, orgB, { title: 'Probe item B' }, 'DRAFT');
    await api.ok(SET_VARIANT, { input: { itemId: itemB, networkAccountId: accountB, text: 'B', longForm: true } }, inB());
    const before = (await admin.query('SELECT id, text, long_form FROM content_variants WHERE item_id = $1', [itemB])).rows;
    for (const v of [...HOSTILE, 'true', 1, {}, [true]]) {
      for (const field of ['longForm', 'itemId', 'networkAccountId', 'text']) {
        const input: Record<string, unknown> = { itemId: itemA, networkAccountId: accountA, text: 'A', longForm: true, [field]: v };
        check(`setVariant ${field}=${label(v)}`, await api.gql(SET_VARIANT, { input }, inA()));
      }
      check(`schedule accountIds=[${label(v)}]`, await api.gql(SCHEDULE, { input: { itemId: itemA, dueAt: v, accountIds: [v] } }, inA()));
    }
    // Another tenant's item, account or both: refused, nothing of B changes.
    for (const input of [
      { itemId: itemB, networkAccountId: accountA, text: 'A', longForm: false },
      { itemId: itemA, networkAccountId: accountB, text: 'A', longForm: true },
      { itemId: itemB, networkAccountId: accountB, text: 'A', longForm: false },
    ]) {
      const res = await api.gql(SET_VARIANT, { input }, inA());
      check('setVariant foreign', res);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const scheduleForeign = await api.gql(
      SCHEDULE,
      { input: { itemId: itemB, dueAt: new Date(Date.now() + 3_600_000).toISOString() } },
      inA(),
    );
    expect(scheduleForeign.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await admin.query('SELECT id, text, long_form FROM content_variants WHERE item_id = $1', [itemB])).rows).toEqual(before);

    // The long form raced against scheduling: every answer clean, one long form at most, and every publication that waits
    // waits for the long form's publication of its own item.
    const secondAccount = (
      await admin.query<{ id: string }>(
        `INSERT INTO network_accounts (organization_id, network, handle, service_url, status)
         VALUES ($1, 'mastodon', 'probe-second', 'http://127.0.0.1:9', 'OK') RETURNING id`,
        [orgA],
      )
    ).rows[0].id;
    await api.ok(SET_VARIANT, { input: { itemId: itemA, networkAccountId: secondAccount, text: 'Short' } }, inA());
    for (const status of ['IN_REVIEW', 'APPROVED'])
      await admin.query('UPDATE content_items SET status = $2 WHERE id = $1', [itemA, status]);
    const answers = await Promise.all([
      ...Array.from({ length: 6 }, (_, i) =>
        api.gql(
          SET_VARIANT,
          { input: { itemId: itemA, networkAccountId: i % 2 ? accountA : secondAccount, text: `V${i}`, longForm: true } },
          inA(),
        ),
      ),
      ...Array.from({ length: 4 }, () =>
        api.gql(SCHEDULE, { input: { itemId: itemA, dueAt: new Date(Date.now() + 3_600_000).toISOString() } }, inA()),
      ),
    ]);
    answers.forEach((res, i) => check(`race ${i}`, res));
    const longForms = await admin.query('SELECT id FROM content_variants WHERE item_id = $1 AND long_form', [itemA]);
    expect(longForms.rowCount).toBeLessThanOrEqual(1);
    const wrong = await admin.query(
      `SELECT p.id FROM publications p JOIN publications w ON w.organization_id = p.organization_id AND w.id = p.waits_for
        WHERE p.item_id = $1 AND w.item_id <> p.item_id`,
      [itemA],
    );
    expect(wrong.rowCount).toBe(0);
    expect(problems).toEqual([]);
  }, 180_000);

  it('answers hostile press room settings, releases and domain checks without a 500, and races to one standing release', async () => {
    const slug = `probe-${randomBytes(3).toString('hex')}`;
    await api.ok(UPDATE_ROOM, { input: { slug, title: 'Probe room', enabled: true } }, inA());
    const privateHosts = ['localhost', '10.0.0.1', '[::1]', '169.254.169.254', 'metadata.google.internal', 'xn--', 'a'.repeat(300)];
    for (const v of HOSTILE) {
      for (const field of ['slug', 'title', 'description', 'customDomain', 'enabled', 'language']) {
        check(`updatePressRoom ${field}=${label(v)}`, await api.gql(UPDATE_ROOM, { input: { [field]: v } }, inA()));
      }
      check(`contacts ${label(v)}`, await api.gql(UPDATE_ROOM, { input: { contacts: [{ name: v, email: v, phone: v, role: v }] } }, inA()));
      check(
        `mediaKit ${label(v)}`,
        await api.gql(UPDATE_ROOM, { input: { mediaKit: [{ mediaAssetId: v, caption: v, credit: v }] } }, inA()),
      );
      check(`publish ${label(v)}`, await api.gql(PUBLISH, { input: { itemId: v, slug: v, publishAt: v } }, inA()));
      check(`verify ${label(v)}`, await api.gql(VERIFY, { input: { domain: v } }, inA()));
    }
    // Private and reserved addresses as the custom domain: refused on the field, never looked up.
    for (const host of privateHosts) {
      const res = await api.gql(UPDATE_ROOM, { input: { customDomain: host } }, inA());
      check(`customDomain ${host.slice(0, 30)}`, res);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      check(`verify ${host.slice(0, 30)}`, await api.gql(VERIFY, { input: { domain: host } }, inA()));
    }
    // The room kept its slug through all of that (every bad value refused, nothing stored).
    const room = await api.ok<{ pressRoom: { slug: string } }>('{ pressRoom { slug } }', {}, inA());
    expect(room.pressRoom.slug).toBe(slug);

    // Another tenant's item: NOT_FOUND, nothing published.
    const itemB = await approvedItem(api, admin, b, orgB, { title: 'Foreign release' });
    const foreign = await api.gql(PUBLISH, { input: { itemId: itemB } }, inA());
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await admin.query('SELECT 1 FROM press_releases WHERE item_id = $1', [itemB])).rowCount).toBe(0);

    // Ten publications of one item at once: one standing release, the others refused cleanly.
    const itemA = await approvedItem(api, admin, a, orgA, { title: 'Raced release', brief: 'Once.' });
    const raced = await Promise.all(Array.from({ length: 10 }, () => api.gql(PUBLISH, { input: { itemId: itemA } }, inA())));
    raced.forEach((res, i) => check(`publish race ${i}`, res));
    const standing = await admin.query('SELECT id FROM press_releases WHERE item_id = $1 AND withdrawn_at IS NULL', [itemA]);
    expect(standing.rowCount).toBe(1);
    expect(raced.filter((res) => !res.body.errors).length).toBe(1);
    expect(problems).toEqual([]);
  }, 240_000);

  it('answers hostile requests to the public pages and the newsletter without a 500, and races to one subscriber', async () => {
    const slug = `public-${randomBytes(3).toString('hex')}`;
    await api.ok(UPDATE_ROOM, { input: { slug, title: 'Public probe', enabled: true } }, inA());
    const paths = [
      `/press/${slug}/%00`,
      `/press/${slug}/releases/%ED%A0%80`,
      `/press/%00${slug}`,
      `/press/${slug}/releases/..%2F..%2Fetc%2Fpasswd`,
      `/press/${slug}/archive?page=${NUL}`,
      `/press/${slug}/archive?page=1e308`,
      `/press/${slug}/archive?page=-1&page=2`,
      `/press/${slug}/media/${'f'.repeat(5000)}`,
      `/press/${slug}/confirm?token=%ED%A0%80${encodeURIComponent(NUL)}`,
      `/press/${slug}/unsubscribe?token=${'A'.repeat(20_000)}`,
      `/press/${'x'.repeat(5000)}/feed.atom`,
    ];
    for (const path of paths) check(`GET ${path.slice(0, 60)}`, await getPublic(api, path));
    for (const host of ['127.0.0.1', '[::1]:80', 'EXAMPLE.com.', 'a'.repeat(300), 'press.example.com:99999']) {
      check(`Host ${label(host)}`, await getPublic(api, '/', { host }));
    }
    const subscribe = (body: unknown, contentType = 'application/json') =>
      request(api.server)
        .post(`/press/${slug}/subscribe`)
        .set('content-type', contentType)
        .send(typeof body === 'string' ? body : JSON.stringify(body));
    for (const v of HOSTILE) {
      check(`subscribe email=${label(v)}`, await subscribe({ email: v, name: v }));
      check(
        `subscribe form ${label(v)}`,
        await subscribe(
          // A lone surrogate cannot be percent-encoded by encodeURIComponent: its UTF-8-like bytes are written by hand.
          `email=${encodeURIComponent(String(v).replace(/[\uD800-\uDFFF]/g, ''))}%ED%A0%80&name=%00${NUL}`,
          'application/x-www-form-urlencoded',
        ),
      );
    }
    check('subscribe deep', await subscribe(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`));
    check('subscribe not JSON', await subscribe('{"email": "a@b.c"'));
    check(
      'subscribe unsubscribe POST',
      await request(api.server).post(`/press/${slug}/unsubscribe?token=${NUL}`).send('List-Unsubscribe=One-Click'),
    );

    // One address signing up ten times at once, in a room of its own (the sign-ups above spent this client address's
    // hourly budget for the first room): one subscriber row, every answer the same.
    const orgC = await createOrganization(api, a, 'Hostile Owned Client C');
    const raceSlug = `race-${randomBytes(3).toString('hex')}`;
    await api.ok(UPDATE_ROOM, { input: { slug: raceSlug, title: 'Race probe', enabled: true } }, { token: a.token, organizationId: orgC });
    const email = `race-${randomBytes(3).toString('hex')}@example.org`;
    const raced = await Promise.all(
      Array.from({ length: 10 }, () =>
        request(api.server).post(`/press/${raceSlug}/subscribe`).set('content-type', 'application/json').send(JSON.stringify({ email })),
      ),
    );
    raced.forEach((res, i) => check(`subscribe race ${i}`, res));
    expect(new Set(raced.map((res) => res.status))).toEqual(new Set([202]));
    const rows = await admin.query('SELECT 1 FROM newsletter_subscribers WHERE organization_id = $1 AND lower(email) = $2', [orgC, email]);
    expect(rows.rowCount).toBe(1);
    // Nothing of the other organisation's was created by any of it.
    expect((await admin.query('SELECT 1 FROM newsletter_subscribers WHERE organization_id = $1', [orgB])).rowCount).toBe(0);
    expect(problems).toEqual([]);
  }, 240_000);

  it('answers hostile blog digest settings, newsletter lists and Ghost Lexical bodies without a 500, and races lists to one subscriber', async () => {
    const slug = `digest-${randomBytes(3).toString('hex')}`;
    const orgD = await createOrganization(api, a, 'Hostile Owned Client D');
    const inD = { token: a.token, organizationId: orgD };
    await api.ok(UPDATE_ROOM, { input: { slug, title: 'Digest probe', enabled: true, blogDigest: true } }, inD);
    for (const v of [...HOSTILE, 'true', 1, {}, [true]]) {
      const res = await api.gql(UPDATE_ROOM, { input: { blogDigest: v } }, inD);
      check(`updatePressRoom blogDigest=${label(v)}`, res);
      if (v !== null) expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect((await api.ok<{ pressRoom: { blogDigest: boolean } }>('{ pressRoom { blogDigest } }', {}, inD)).pressRoom.blogDigest).toBe(true);

    // Sign-ups with hostile lists, from addresses of their own (the hourly budget per client address stays untouched).
    let ip = 0;
    const subscribe = (body: string, contentType = 'application/json') =>
      request(api.server)
        .post(`/press/${slug}/subscribe`)
        .set('x-forwarded-for', `192.0.2.${(ip += 1) % 250}`)
        .set('content-type', contentType)
        .send(body);
    for (const v of [...HOSTILE, {}, ['BLOG', {}], Array.from({ length: 10_000 }, () => 'BLOG')]) {
      const res = await subscribe(JSON.stringify({ email: `lists-${ip}@example.org`, lists: v }));
      check(`subscribe lists=${label(v)}`, res);
      if (v !== null && v !== '') expect(res.status).toBe(400);
    }
    for (const form of [
      `email=f%40example.org&${'lists=BLOG&'.repeat(1000)}`,
      'email=f%40example.org&lists=%00',
      'email=f%40example.org&lists=%ED%A0%80',
      'email=f%40example.org&lists=BLOG&lists=BLOG&lists=RELEASES',
      'email=f%40example.org&email=g%40example.org&lists=BLOG',
    ]) {
      const res = await subscribe(form, 'application/x-www-form-urlencoded');
      check(`subscribe form ${form.slice(0, 40)}`, res);
      expect(res.status).toBe(400);
    }
    // Only the two sign-ups without lists (null, '') were taken, with the default list.
    expect((await admin.query('SELECT lists FROM newsletter_subscribers WHERE organization_id = $1', [orgD])).rows).toEqual([
      { lists: ['RELEASES'] },
      { lists: ['RELEASES'] },
    ]);

    // One address signing up ten times at once with different lists: one subscriber, with one of the lists asked for.
    const email = `lists-race-${randomBytes(3).toString('hex')}@example.org`;
    const raced = await Promise.all(
      Array.from({ length: 10 }, (_, i) => subscribe(JSON.stringify({ email, lists: i % 2 ? ['BLOG'] : ['RELEASES', 'BLOG'] }))),
    );
    raced.forEach((res, i) => check(`lists race ${i}`, res));
    expect(new Set(raced.map((res) => res.status))).toEqual(new Set([202]));
    const rows = await admin.query<{ lists: string[] }>(
      'SELECT lists FROM newsletter_subscribers WHERE organization_id = $1 AND email = $2',
      [orgD, email],
    );
    expect(rows.rows).toHaveLength(1);
    expect([['BLOG'], ['RELEASES', 'BLOG']]).toContainEqual(rows.rows[0].lists);

    // Ghost Lexical bodies: hostile text, deep nesting, lone surrogates and NUL inside the JSON, a huge document.
    const item = await approvedItem(api, admin, a, orgA, { title: 'Lexical probe' }, 'DRAFT');
    const lexical = [
      ...HOSTILE,
      `{"root":${'['.repeat(90_000)}`,
      `{"root":{"type":"root","children":[{"type":"text","text":"${LONE_IN_JSON}"}]}}`,
      `{"root":{"type":"root","children":[],"x":"${NUL}"}}`,
      `{"root":{"type":"root","children":[${'{},'.repeat(30_000)}{}]}}`,
      '{"__proto__":{"root":{"type":"root","children":[]}}}',
    ];
    for (const v of lexical) {
      const options = [
        { name: 'title', value: 'T' },
        { name: 'lexical', value: v },
      ];
      const res = await api.gql(
        'mutation ($input: SetContentVariantInput!) { setVariant(input: $input) { id findings { rule severity } } }',
        { input: { itemId: item, networkAccountId: ghostA, text: 'Le texte brut.', options } },
        inA(),
      );
      check(`lexical ${label(v)}`, res);
      // A string is taken (stored with its findings) or refused on its field; anything else is refused by the schema.
      if (typeof v === 'string' && v.length <= 100_000 && !v.includes('\u0000') && !/[\ud800-\udfff]/.test(v))
        expect((res.body.data as { setVariant?: { id?: string } } | undefined)?.setVariant?.id).toBeTruthy();
      else expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    /** The findings of a Ghost article with an empty text and these settings. */
    const articleFindings = async (options: { name: string; value: string }[]) =>
      (
        await api.ok<{ setVariant: { findings: { rule: string; severity: string }[] } }>(
          'mutation ($input: SetContentVariantInput!) { setVariant(input: $input) { findings { rule severity } } }',
          { input: { itemId: item, networkAccountId: ghostA, text: '', options } },
          inA(),
        )
      ).setVariant.findings;
    // In the editor too, a Lexical body stands for the text: an article with an empty text has no finding.
    expect(
      await articleFindings([
        { name: 'title', value: 'T' },
        { name: 'lexical', value: '{"root":{"type":"root","children":[]}}' },
      ]),
    ).toEqual([]);
    // What only Ghost's connector knows shows in the editor, not first as a refusal at publishing time.
    expect(
      await articleFindings([
        { name: 'title', value: 'T' },
        { name: 'slug', value: 'Pas Un Slug!' },
        { name: 'lexical', value: '{"root":{"type":"paragraph"}}' },
      ]),
    ).toEqual([
      { rule: 'slug.format', severity: 'BLOCK' },
      { rule: 'lexical.format', severity: 'BLOCK' },
    ]);
    expect(problems).toEqual([]);
  }, 240_000);

  it('runs each connector’s own check in the editor on hostile text, settings and media without a 500, and races it', async () => {
    const item = await approvedItem(api, admin, a, orgA, { title: 'Connector checks probe' }, 'DRAFT');
    // One after the other, as every write through the one admin connection.
    const accounts: string[] = [];
    for (const network of ['bluesky', 'instagram', 'x', 'youtube', 'ghost']) accounts.push(await account(orgA, network));
    // A picture of A's library, and one of B's (B's may never be attached by A).
    const media = async (organizationId: string) =>
      (
        await admin.query<{ id: string }>(
          `INSERT INTO media_assets (organization_id, storage_key, content_type, byte_size, sha256, width, height)
           VALUES ($1, $2, 'image/jpeg', 9000000, $3, 20000, 20000) RETURNING id`,
          [organizationId, randomBytes(16).toString('hex'), randomBytes(32).toString('hex')],
        )
      ).rows[0].id;
    const mediaA = await media(orgA);
    const mediaB = await media(orgB);
    const texts = [
      ...HOSTILE,
      '👩‍👩‍👧'.repeat(12_000),
      `e${'\u0301'.repeat(99_000)}`,
      '🇫'.repeat(50_000),
      '#@<'.repeat(33_000),
      `a${NUL}b`,
      'x\ud800y',
    ];
    const SET = 'mutation ($input: SetContentVariantInput!) { setVariant(input: $input) { id findings { rule severity } } }';
    for (const networkAccountId of accounts) {
      for (const text of texts) {
        const options = [
          { name: 'title', value: typeof text === 'string' ? text.slice(0, 500) : 'T' },
          { name: 'slug', value: typeof text === 'string' ? text.slice(0, 500) : 's' },
        ];
        const res = await api.gql(SET, { input: { itemId: item, networkAccountId, text, mediaIds: [mediaA], options } }, inA());
        check(`setVariant ${label(text)}`, res);
        // Either checked (stored with its findings) or refused on a field; never a server error.
        if (res.body.errors) expect(['BAD_USER_INPUT', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE']).toContain(res.body.errors[0]?.extensions?.code);
      }
    }
    // The picture is judged by what the library measured: too many pixels and too heavy for Instagram.
    const instagram = await api.ok<{ setVariant: { findings: { rule: string }[] } }>(
      SET,
      { input: { itemId: item, networkAccountId: accounts[1], text: 'Bonjour', mediaIds: [mediaA] } },
      inA(),
    );
    expect(instagram.setVariant.findings.map((f) => f.rule)).toContain('media.too-large');
    // Another tenant's picture or account: not found, nothing stored.
    const before = (await admin.query('SELECT id, text, media_ids FROM content_variants WHERE item_id = $1 ORDER BY id', [item])).rows;
    for (const input of [
      { itemId: item, networkAccountId: accounts[0], text: 'B', mediaIds: [mediaB] },
      { itemId: item, networkAccountId: accountB, text: 'B' },
    ]) {
      const res = await api.gql(SET, { input }, inA());
      check('setVariant foreign', res);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    expect((await admin.query('SELECT id, text, media_ids FROM content_variants WHERE item_id = $1 ORDER BY id', [item])).rows).toEqual(
      before,
    );
    // Ten saves of one variant at once, with texts the checks work hard on: one variant, whole, with its findings.
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.gql(SET, { input: { itemId: item, networkAccountId: accounts[2], text: `${'👩‍👩‍👧'.repeat(1000 * (i + 1))} ${i}` } }, inA()),
      ),
    );
    answers.forEach((res, i) => check(`race ${i}`, res));
    const rows = (
      await admin.query<{ text: string; findings: { rule: string }[] }>(
        'SELECT text, findings FROM content_variants WHERE item_id = $1 AND network_account_id = $2',
        [item, accounts[2]],
      )
    ).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0].findings.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 240_000);
});
