import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'pg';
import { SaxesParser } from 'saxes';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { adminDatabase, firstError } from './e2e-support';
import {
  approvedItem,
  getPublic,
  longFormVariant,
  LoopbackDns,
  png,
  RELEASE_FIELDS,
  ROOM_FIELDS,
  textOf,
  uploadMedia,
} from './press-room-support';

interface Room {
  id: string;
  slug: string;
  title: string;
  enabled: boolean;
  language: string;
  url: string;
  customDomain: {
    id: string;
    host: string;
    status: string;
    recordName: string;
    recordValue: string;
    verifiedAt: string | null;
    checkError: string | null;
  } | null;
  contacts: { id: string; name: string; role: string; email: string | null; phone: string | null }[];
  mediaKit: { id: string; mediaAssetId: string; caption: string; credit: string; publicUrl: string }[];
}
interface Release {
  id: string;
  itemId: string;
  slug: string;
  title: string;
  summary: string;
  bodyHtml: string;
  mediaAssetIds: string[];
  publishAt: string;
  withdrawnAt: string | null;
  status: string;
  isPublic: boolean;
  url: string;
}

/** Every element of an XML document, parsed by saxes (a maintained, conforming parser): a malformed document throws. */
function parseXml(text: string): { name: string; attributes: Record<string, string>; text: string }[] {
  const parser = new SaxesParser({ xmlns: false });
  const elements: { name: string; attributes: Record<string, string>; text: string }[] = [];
  const open: { name: string; attributes: Record<string, string>; text: string }[] = [];
  let failure: Error | null = null;
  parser.on('error', (error) => {
    failure ??= error;
  });
  parser.on('opentag', (tag) => {
    const element = { name: tag.name, attributes: tag.attributes as Record<string, string>, text: '' };
    elements.push(element);
    open.push(element);
  });
  parser.on('text', (t) => {
    if (open.length) open[open.length - 1].text += t;
  });
  parser.on('closetag', () => {
    open.pop();
  });
  parser.write(text).close();
  if (failure) throw failure;
  return elements;
}

const HOSTILE_TITLE = '<script>alert("x")</script> & "Fromages" <img src=x onerror=alert(1)>';

/**
 * The hosted press room from end to end against the real API, PostgreSQL and a DNS server on loopback: settings and
 * their rules, releases published, scheduled and withdrawn, the public pages (escaped, with their Open Graph tags),
 * feeds and sitemap that parse as XML, the media route, and custom domains verified by a TXT record and routed by Host.
 */
describe('press room', () => {
  let api: TestApi;
  let admin: Client;
  let dns: LoopbackDns;
  let dir: string;
  let owner: AgencySession;
  let org: string;
  let other: AgencySession;
  let otherOrg: string;

  const as = (session: { token: string }, organizationId = org) => ({ token: session.token, organizationId });
  const updateRoom = (input: Record<string, unknown>, options = as(owner)) =>
    api.gql<{ updatePressRoom: Room }>(
      `mutation ($input: UpdatePressRoomInput!) { updatePressRoom(input: $input) { ${ROOM_FIELDS} } }`,
      { input },
      options,
    );
  const publish = (input: Record<string, unknown>, options = as(owner)) =>
    api.gql<{ publishPressRelease: Release }>(
      `mutation ($input: PublishPressReleaseInput!) { publishPressRelease(input: $input) { ${RELEASE_FIELDS} } }`,
      { input },
      options,
    );
  const room = async (options = as(owner)) =>
    (await api.ok<{ pressRoom: Room | null }>(`{ pressRoom { ${ROOM_FIELDS} } }`, {}, options)).pressRoom;

  beforeAll(async () => {
    dns = await new LoopbackDns().start();
    dir = await mkdtemp(join(tmpdir(), 'socle-press-room-'));
    api = await TestApi.start({ MEDIA_STORAGE_DIR: dir, PUBLIC_URL: 'https://socle.example/', PRESS_ROOM_DNS_SERVERS: dns.server });
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Presse');
    org = await createOrganization(api, owner, 'Fromagerie Alpine');
    other = await signUpAgency(api, 'Agence Voisine');
    otherOrg = await createOrganization(api, other, 'Laiterie Voisine');
  });
  afterAll(async () => {
    await admin?.end();
    await api?.stop();
    await dns?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  describe('settings', () => {
    it('is null until saved; the first save needs a slug and a title, and the room starts disabled in the organisation’s language', async () => {
      expect(await room()).toBeNull();
      const missing = await updateRoom({ description: 'Sans titre' });
      expect(firstError(missing).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect((firstError(missing).extensions.problems as { field: string }[]).map((p) => p.field).sort()).toEqual([
        'input.slug',
        'input.title',
      ]);
      expect(await room()).toBeNull();

      const created = await updateRoom({
        slug: 'fromagerie-alpine',
        title: 'Fromagerie Alpine',
        description: 'Nos nouvelles.\n\nEt nos fromages.',
      });
      expect(created.body.errors).toBeUndefined();
      expect(created.body.data?.updatePressRoom).toMatchObject({
        slug: 'fromagerie-alpine',
        enabled: false,
        language: 'FR',
        url: 'https://socle.example/press/fromagerie-alpine',
        customDomain: null,
        contacts: [],
        mediaKit: [],
      });
      // Disabled: every public page is a 404.
      const page = await getPublic(api, '/press/fromagerie-alpine');
      expect(page.status).toBe(404);
    });

    it('refuses malformed and reserved slugs, and every problem of contacts at once; nothing is stored', async () => {
      for (const slug of [
        'ab',
        'UPPER',
        'with space',
        '../etc',
        'a'.repeat(64),
        '-dash',
        'dash-',
        'dou--ble',
        'press',
        'é-accent',
        'x\u0000y',
      ]) {
        const res = await updateRoom({ slug });
        expect({ slug, code: firstError(res).extensions.code }).toEqual({ slug, code: 'BAD_USER_INPUT' });
      }
      const res = await updateRoom({
        title: 'Changé',
        contacts: [
          { name: 'Ok', email: 'pas-une-adresse' },
          { name: '', phone: '<script>' },
        ],
      });
      const fields = (firstError(res).extensions.problems as { field: string }[]).map((p) => p.field).sort();
      expect(fields).toEqual(['input.contacts[0].email', 'input.contacts[1].name', 'input.contacts[1].phone']);
      expect((await room())?.title).toBe('Fromagerie Alpine');
      const tooMany = await updateRoom({ contacts: Array.from({ length: 21 }, (_, i) => ({ name: `C${i}` })) });
      expect(firstError(tooMany).extensions.code).toBe('BAD_USER_INPUT');
    });

    it('keeps the slug unique across the platform: another organisation’s claim is a CONFLICT', async () => {
      const taken = await updateRoom({ slug: 'fromagerie-alpine', title: 'Voisine' }, as(other, otherOrg));
      expect(firstError(taken).extensions).toMatchObject({ code: 'CONFLICT', reason: 'PRESS_ROOM_SLUG_TAKEN', field: 'input.slug' });
      expect(await room(as(other, otherOrg))).toBeNull();
      const own = await updateRoom({ slug: 'laiterie-voisine', title: 'Laiterie Voisine' }, as(other, otherOrg));
      expect(own.body.errors).toBeUndefined();
    });

    it('serialises two organisations claiming one new slug at once: one wins, the other gets CONFLICT', async () => {
      const third = await signUpAgency(api, 'Agence Trois');
      const thirdOrg = await createOrganization(api, third, 'Troisième');
      const results = await Promise.all([
        updateRoom({ slug: 'course-au-slug', title: 'A' }, as(other, otherOrg)),
        updateRoom({ slug: 'course-au-slug', title: 'B' }, as(third, thirdOrg)),
      ]);
      const codes = results.map((r) => (r.body.errors ? r.body.errors[0].extensions?.code : 'OK')).sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
      const { rows } = await admin.query("SELECT count(*)::int AS n FROM press_rooms WHERE slug = 'course-au-slug'");
      expect(rows[0].n).toBe(1);
      // Put the neighbour back.
      await updateRoom({ slug: 'laiterie-voisine' }, as(other, otherOrg));
    });

    it('takes contacts and a media kit of the organisation’s own assets; another tenant’s asset id is NOT_FOUND', async () => {
      const mine = await uploadMedia(api, owner, org, await png(64, [200, 180, 40]));
      const theirs = await uploadMedia(api, other, otherOrg, await png(32, [10, 10, 200]));
      const refused = await updateRoom({ mediaKit: [{ mediaAssetId: mine }, { mediaAssetId: theirs, caption: 'volé' }] });
      expect(firstError(refused).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.mediaKit[1].mediaAssetId' });
      expect((await room())?.mediaKit).toEqual([]);
      const twice = await updateRoom({ mediaKit: [{ mediaAssetId: mine }, { mediaAssetId: mine }] });
      expect(firstError(twice).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.mediaKit[1].mediaAssetId' });

      const saved = await updateRoom({
        contacts: [{ name: 'Claire Martin', role: 'Relations presse', email: ' Claire@Fromagerie-Alpine.FR ', phone: '+33 4 50 00 00 00' }],
        mediaKit: [{ mediaAssetId: mine, caption: 'La cave d’affinage', credit: 'Photo : J. Dupont' }],
      });
      expect(saved.body.errors).toBeUndefined();
      const view = saved.body.data?.updatePressRoom as Room;
      expect(view.contacts).toEqual([
        {
          id: expect.any(String),
          name: 'Claire Martin',
          role: 'Relations presse',
          email: 'Claire@fromagerie-alpine.fr',
          phone: '+33 4 50 00 00 00',
        },
      ]);
      expect(view.mediaKit).toEqual([
        {
          id: expect.any(String),
          mediaAssetId: mine,
          caption: 'La cave d’affinage',
          credit: 'Photo : J. Dupont',
          publicUrl: `https://socle.example/press/fromagerie-alpine/media/${mine}`,
        },
      ]);
    });

    it('lets any member read and only the content and strategy leads (and agency managers) change it', async () => {
      const viewer = await addOrganizationMember(api, owner, org, ['VIEWER']);
      const lead = await addOrganizationMember(api, owner, org, ['CONTENT_LEAD']);
      expect((await room(as(viewer)))?.slug).toBe('fromagerie-alpine');
      expect(firstError(await updateRoom({ title: 'Pirate' }, as(viewer))).extensions.code).toBe('FORBIDDEN');
      const byLead = await updateRoom({ title: 'Fromagerie Alpine', description: 'Nos nouvelles.\n\nEt nos fromages.' }, as(lead));
      expect(byLead.body.errors).toBeUndefined();
    });
  });

  describe('releases and public pages', () => {
    let kitAsset: string;
    let releaseAsset: string;
    let strayAsset: string;
    let hostile: Release;
    let longForm: Release;

    beforeAll(async () => {
      kitAsset = (await room())?.mediaKit[0].mediaAssetId as string;
      releaseAsset = await uploadMedia(api, owner, org, await png(80, [30, 160, 60]));
      strayAsset = await uploadMedia(api, owner, org, await png(20, [90, 90, 90]));
      await updateRoom({ enabled: true });
    });

    it('publishes an approved item from its title and brief, with a slug from the title; a draft is refused', async () => {
      const draft = await approvedItem(api, admin, owner, org, { title: 'Brouillon' }, 'DRAFT');
      expect(firstError(await publish({ itemId: draft })).extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'PRESS_RELEASE_ITEM_NOT_READY',
      });
      const inReview = await approvedItem(api, admin, owner, org, { title: 'En revue' }, 'IN_REVIEW');
      expect(firstError(await publish({ itemId: inReview })).extensions).toMatchObject({ code: 'CONFLICT' });

      const itemId = await approvedItem(api, admin, owner, org, {
        title: HOSTILE_TITLE,
        brief: 'Premier paragraphe <b>gras</b>.\n\nSecond paragraphe.',
      });
      const res = await publish({ itemId });
      expect(res.body.errors).toBeUndefined();
      hostile = res.body.data?.publishPressRelease as Release;
      expect(hostile).toMatchObject({
        itemId,
        title: HOSTILE_TITLE,
        slug: 'script-alert-x-script-fromages-img-src-x-onerror-alert-1',
        status: 'PUBLISHED',
        isPublic: true,
        withdrawnAt: null,
        bodyHtml: '<p>Premier paragraphe &lt;b&gt;gras&lt;/b&gt;.</p><p>Second paragraphe.</p>',
        url: 'https://socle.example/press/fromagerie-alpine/releases/script-alert-x-script-fromages-img-src-x-onerror-alert-1',
      });
      // One release per item while it stands.
      expect(firstError(await publish({ itemId })).extensions).toMatchObject({ code: 'CONFLICT', reason: 'PRESS_RELEASE_EXISTS' });
    });

    it('takes a long-form variant’s title, excerpt and HTML, sanitised, with its media', async () => {
      const itemId = await approvedItem(api, admin, owner, org, { title: 'Titre interne', brief: 'Brief interne' });
      await longFormVariant(
        admin,
        org,
        itemId,
        {
          title: 'Le Beaufort d’été primé',
          excerpt: 'Médaille d’or au concours.',
          html: '<h1>Palmarès</h1><p onclick="x()">Notre <strong>Beaufort</strong> <a href="javascript:alert(1)">ici</a> et <a href="https://example.org/p?a=1&amp;b=2">là</a>.</p><script>steal()</script><iframe src="https://evil"></iframe><p>Fin<!-- note --></p>',
        },
        [releaseAsset],
      );
      const res = await publish({ itemId, slug: 'beaufort-ete' });
      expect(res.body.errors).toBeUndefined();
      longForm = res.body.data?.publishPressRelease as Release;
      expect(longForm).toMatchObject({
        title: 'Le Beaufort d’été primé',
        summary: 'Médaille d’or au concours.',
        slug: 'beaufort-ete',
        mediaAssetIds: [releaseAsset],
      });
      expect(longForm.bodyHtml).toBe(
        '<h2>Palmarès</h2><p>Notre <strong>Beaufort</strong> <a>ici</a> et <a href="https://example.org/p?a=1&amp;b=2" rel="nofollow noopener noreferrer">là</a>.</p><p>Fin</p>',
      );
      const taken = await publish({ itemId: await approvedItem(api, admin, owner, org, { title: 'Autre' }), slug: 'beaufort-ete' });
      expect(firstError(taken).extensions).toMatchObject({ code: 'CONFLICT', reason: 'PRESS_RELEASE_SLUG_TAKEN', field: 'input.slug' });
      for (const slug of ['../x', 'A', 'a b', '-a', 'a--b', 'a'.repeat(101)]) {
        const bad = await publish({ itemId: await approvedItem(api, admin, owner, org, { title: 'Mal nommé' }), slug });
        expect({ slug, code: firstError(bad).extensions.code }).toEqual({ slug, code: 'BAD_USER_INPUT' });
      }
    });

    it('serves the room’s home page with the releases, the media kit, the contacts and the sign-up form, everything escaped', async () => {
      const res = await getPublic(api, '/press/fromagerie-alpine');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toMatch(
        /^default-src 'none'; img-src 'self'; media-src 'self'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self'/,
      );
      expect(res.headers['cache-control']).toBe('public, max-age=60');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      const html = textOf(res);
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('<img src=x');
      expect(html).toContain(
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Fromages&quot; &lt;img src=x onerror=alert(1)&gt;',
      );
      expect(html).toContain('href="/press/fromagerie-alpine/releases/beaufort-ete"');
      expect(html).toContain(`src="/press/fromagerie-alpine/media/${kitAsset}" width="64" height="48"`);
      expect(html).toContain('La cave d’affinage');
      expect(html).toContain('Photo : J. Dupont');
      expect(html).toContain('href="mailto:Claire@fromagerie-alpine.fr"');
      expect(html).toContain('<form method="post" action="/press/fromagerie-alpine/subscribe">');
      expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
      // An ETag, and a 304 for a client that has the page.
      const again = await getPublic(api, '/press/fromagerie-alpine', { 'if-none-match': res.headers.etag });
      expect(again.status).toBe(304);
    });

    it('serves a release with Open Graph and Twitter card tags, a canonical link and JSON-LD, escaped', async () => {
      const res = await getPublic(api, `/press/fromagerie-alpine/releases/${hostile.slug}`);
      expect(res.status).toBe(200);
      const html = textOf(res);
      expect(html).not.toContain('<script>alert');
      expect(html).toContain(`<link rel="canonical" href="${hostile.url}">`);
      expect(html).toContain(
        '<meta property="og:title" content="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Fromages&quot; &lt;img src=x onerror=alert(1)&gt;">',
      );
      expect(html).toContain('<meta name="twitter:card" content="summary">');
      // JSON-LD never closes its element early, whatever the title holds.
      const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] as string;
      expect(ld).not.toContain('<');
      expect(JSON.parse(ld)).toMatchObject({ '@type': 'NewsArticle', headline: HOSTILE_TITLE.slice(0, 110) });

      const withImage = textOf(await getPublic(api, '/press/fromagerie-alpine/releases/beaufort-ete'));
      expect(withImage).toContain(
        `<meta property="og:image" content="https://socle.example/press/fromagerie-alpine/media/${releaseAsset}">`,
      );
      expect(withImage).toContain('<meta name="twitter:card" content="summary_large_image">');
      expect(withImage).toContain('<h2>Palmarès</h2>');
      expect(withImage).not.toContain('steal()');
      expect(withImage).not.toContain('javascript:');
    });

    it('serves Atom, RSS and a sitemap that parse as XML and list the public releases only', async () => {
      const scheduledItem = await approvedItem(api, admin, owner, org, { title: 'Annonce à venir' });
      const scheduled = (await publish({ itemId: scheduledItem, publishAt: new Date(Date.now() + 3600_000).toISOString() })).body.data
        ?.publishPressRelease as Release;
      expect(scheduled).toMatchObject({ status: 'SCHEDULED', isPublic: false });

      const atom = await getPublic(api, '/press/fromagerie-alpine/feed.atom');
      expect(atom.status).toBe(200);
      expect(atom.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      const atomXml = parseXml(textOf(atom));
      expect(atomXml[0]).toMatchObject({ name: 'feed', attributes: { xmlns: 'http://www.w3.org/2005/Atom' } });
      const titles = atomXml.filter((e) => e.name === 'title').map((e) => e.text);
      expect(titles).toEqual(expect.arrayContaining([HOSTILE_TITLE, 'Le Beaufort d’été primé']));
      expect(titles).not.toContain('Annonce à venir');

      const rss = await getPublic(api, '/press/fromagerie-alpine/feed.rss');
      const rssXml = parseXml(textOf(rss));
      expect(rssXml[0]).toMatchObject({ name: 'rss', attributes: { version: '2.0' } });
      expect(rssXml.filter((e) => e.name === 'link').map((e) => e.text)).toContain(hostile.url);

      const map = await getPublic(api, '/press/fromagerie-alpine/sitemap.xml');
      const locs = parseXml(textOf(map))
        .filter((e) => e.name === 'loc')
        .map((e) => e.text);
      expect(locs).toEqual(expect.arrayContaining(['https://socle.example/press/fromagerie-alpine', hostile.url, longForm.url]));
      expect(locs).not.toContain(scheduled.url);
      expect((await getPublic(api, `/press/fromagerie-alpine/releases/${scheduled.slug}`)).status).toBe(404);
    });

    it('shows a scheduled release by itself once its time comes, and never a withdrawn one', async () => {
      const itemId = await approvedItem(api, admin, owner, org, { title: 'Bientôt' });
      const soon = (await publish({ itemId, publishAt: new Date(Date.now() + 1500).toISOString() })).body.data
        ?.publishPressRelease as Release;
      const path = `/press/fromagerie-alpine/releases/${soon.slug}`;
      const before = await getPublic(api, path);
      expect(before.status).toBe(404);
      await new Promise((resolve) => setTimeout(resolve, 1800));
      expect((await getPublic(api, path)).status).toBe(200);

      const withdrawn = await api.gql<{ withdrawPressRelease: Release }>(
        `mutation ($input: WithdrawPressReleaseInput!) { withdrawPressRelease(input: $input) { ${RELEASE_FIELDS} } }`,
        { input: { id: soon.id } },
        as(owner),
      );
      expect(withdrawn.body.errors).toBeUndefined();
      expect(withdrawn.body.data?.withdrawPressRelease).toMatchObject({ status: 'WITHDRAWN', isPublic: false });
      const after = await getPublic(api, path);
      expect(after.status).toBe(404);
      // The same page as an unknown room, a disabled one or a future release: nothing tells them apart.
      expect(textOf(after)).toBe(textOf(await getPublic(api, '/press/personne-ici')));
      expect(textOf(after)).toBe(textOf(before));
      // Its slug is never given to another release.
      const reused = await publish({ itemId: await approvedItem(api, admin, owner, org, { title: 'Réemploi' }), slug: soon.slug });
      expect(firstError(reused).extensions.reason).toBe('PRESS_RELEASE_SLUG_TAKEN');
      // The item may be published again, under another slug.
      const again = await publish({ itemId });
      expect(again.body.data?.publishPressRelease.slug).toBe(`${soon.slug}-2`);
    });

    it('lists the releases for members, newest first, paginated and filtered by status', async () => {
      const page = async (args: string) =>
        (
          await api.ok<{
            pressReleases: { totalCount: number; edges: { node: Release }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
          }>(
            `{ pressReleases(${args}) { totalCount edges { node { id status slug } } pageInfo { hasNextPage endCursor } } }`,
            {},
            as(owner),
          )
        ).pressReleases;
      const all = await page('first: 100');
      expect(all.totalCount).toBe(all.edges.length);
      const first = await page('first: 2');
      expect(first.edges).toHaveLength(2);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await page(`first: 2, after: "${first.pageInfo.endCursor}"`);
      expect(second.edges.map((e) => e.node.id)).toEqual(all.edges.slice(2, 4).map((e) => e.node.id));
      expect((await page('first: 100, status: WITHDRAWN')).edges.every((e) => e.node.status === 'WITHDRAWN')).toBe(true);
      expect((await page('first: 100, status: SCHEDULED')).totalCount).toBe(1);
    });

    it('pages the archive, and answers 404 past its end or for a page that is not a number', async () => {
      const first = await getPublic(api, '/press/fromagerie-alpine/archive');
      expect(first.status).toBe(200);
      expect(textOf(first)).toContain('Page 1 sur 1');
      for (const query of ['?page=2', '?page=0', '?page=-1', '?page=abc', '?page=1e3', '?page=99999999999']) {
        expect({ query, status: (await getPublic(api, `/press/fromagerie-alpine/archive${query}`)).status }).toEqual({
          query,
          status: 404,
        });
      }
    });

    it('serves the media kit’s and public releases’ files only: another file of the library, or another tenant’s, is 404', async () => {
      const kit = await getPublic(api, `/press/fromagerie-alpine/media/${kitAsset}`);
      expect(kit.status).toBe(200);
      expect(kit.headers['content-type']).toBe('image/png');
      expect(kit.headers['cache-control']).toBe('public, max-age=300');
      expect((await getPublic(api, `/press/fromagerie-alpine/media/${releaseAsset}`)).status).toBe(200);
      expect((await getPublic(api, `/press/fromagerie-alpine/media/${strayAsset}`)).status).toBe(404);
      const theirs = await uploadMedia(api, other, otherOrg, await png(16, [1, 2, 3]));
      expect((await getPublic(api, `/press/fromagerie-alpine/media/${theirs}`)).status).toBe(404);
      expect((await getPublic(api, `/press/laiterie-voisine/media/${theirs}`)).status).toBe(404); // their room is disabled
      for (const id of ['not-a-uuid', '..%2F..%2Fetc%2Fpasswd', '%00', '00000000-0000-0000-0000-000000000000'])
        expect({ id, status: (await getPublic(api, `/press/fromagerie-alpine/media/${id}`)).status }).toEqual({
          id,
          status: id === '%00' ? 400 : 404,
        });
    });

    it('turns every public page into the same 404 once the room is disabled', async () => {
      await updateRoom({ enabled: false });
      for (const path of ['', '/archive', '/feed.atom', '/feed.rss', '/sitemap.xml', `/releases/${longForm.slug}`, `/media/${kitAsset}`]) {
        const res = await getPublic(api, `/press/fromagerie-alpine${path}`);
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
      }
      await updateRoom({ enabled: true });
      expect((await getPublic(api, '/press/fromagerie-alpine')).status).toBe(200);
    });

    it('answers 404 to hostile room and release paths', async () => {
      for (const path of [
        '/press/..%2F..%2Fetc%2Fpasswd',
        '/press/fromagerie-alpine/releases/..%2F..%2Fsecret',
        '/press/fromagerie-alpine/releases/%F0%9F%92%A5',
        '/press/FROMAGERIE-ALPINE',
        `/press/${'a'.repeat(400)}`,
        '/press/_',
        '/press/_/releases/beaufort-ete',
        `/press/fromagerie-alpine/releases/${'b'.repeat(300)}`,
      ]) {
        expect({ path, status: (await getPublic(api, path)).status }).toEqual({ path, status: 404 });
      }
      // A control character or a malformed encoding is refused before any route.
      for (const path of ['/press/fromagerie-alpine/releases/a%00b', '/press/fromagerie-alpine/releases/%ED%A0%80'])
        expect({ path, status: (await getPublic(api, path)).status }).toEqual({ path, status: 400 });
    });
  });

  describe('custom domains', () => {
    const domain = 'presse.fromagerie-alpine.fr';

    it('refuses hosts that are not public host names', async () => {
      for (const customDomain of [
        'localhost',
        'foo.localhost',
        '127.0.0.1',
        '10.0.0.1',
        '[::1]',
        '::1',
        '0x7f000001',
        '2130706433',
        '127.1',
        'intranet.local',
        'printer.internal',
        'http://press.example.com',
        'press.example.com:8443',
        'press.example.com/path',
        'user@press.example.com',
        'socle.example',
        'press.socle.example',
        'single',
        '-bad.example.com',
        'a'.repeat(64) + '.com',
        `${'a.'.repeat(130)}com`,
        'press\u0000.example.com',
      ]) {
        const res = await updateRoom({ customDomain });
        expect({ customDomain, code: firstError(res).extensions.code }).toEqual({ customDomain, code: 'BAD_USER_INPUT' });
      }
      expect((await room())?.customDomain).toBeNull();
    });

    it('verifies a domain by its TXT record on the configured DNS, then serves the room at it by Host', async () => {
      const claimed = (await updateRoom({ customDomain: ' Presse.Fromagerie-Alpine.FR. ' })).body.data?.updatePressRoom as Room;
      expect(claimed.customDomain).toMatchObject({
        host: domain,
        status: 'PENDING',
        recordName: `_socle-press.${domain}`,
        recordValue: expect.stringMatching(/^socle-press-verification=[A-Za-z0-9_-]{32}$/),
        verifiedAt: null,
      });
      // Not verified: the host is not routed to the room.
      const early = await getPublic(api, '/releases/beaufort-ete', { host: domain });
      expect(early.status).toBe(404);
      expect(textOf(early)).not.toContain('Beaufort');
      const verify = () =>
        api.gql<{ verifyPressRoomDomain: Room }>(
          `mutation ($input: VerifyPressRoomDomainInput!) { verifyPressRoomDomain(input: $input) { ${ROOM_FIELDS} } }`,
          { input: { domain } },
          as(owner),
        );
      const missing = (await verify()).body.data?.verifyPressRoomDomain as Room;
      expect(missing.customDomain).toMatchObject({ status: 'FAILED', checkError: `No TXT record _socle-press.${domain} was found.` });
      expect(dns.asked).toContain(`_socle-press.${domain}`);

      dns.txt.set(`_socle-press.${domain}`, ['v=spf1 -all', 'socle-press-verification=wrong']);
      expect(((await verify()).body.data?.verifyPressRoomDomain as Room).customDomain?.status).toBe('FAILED');

      dns.txt.set(`_socle-press.${domain}`, ['v=spf1 -all', claimed.customDomain?.recordValue as string]);
      const verified = (await verify()).body.data?.verifyPressRoomDomain as Room;
      expect(verified.customDomain).toMatchObject({ status: 'VERIFIED', verifiedAt: expect.any(String), checkError: null });
      expect(verified.url).toBe(`https://${domain}`);

      for (const host of [domain, 'PRESSE.Fromagerie-Alpine.fr', `${domain}:443`, `${domain}.`]) {
        const home = await getPublic(api, '/', { host });
        expect({ host, status: home.status }).toEqual({ host, status: 200 });
        expect(textOf(home)).toContain('href="/releases/beaufort-ete"');
        expect(textOf(home)).toContain(`<link rel="canonical" href="https://${domain}">`);
      }
      const release = await getPublic(api, '/releases/beaufort-ete', { host: domain });
      expect(release.status).toBe(200);
      expect(textOf(release)).toContain(`<link rel="canonical" href="https://${domain}/releases/beaufort-ete">`);
      expect((await getPublic(api, '/feed.atom', { host: domain })).status).toBe(200);
      expect((await getPublic(api, '/sitemap.xml', { host: domain })).status).toBe(200);
      // The platform's own pages are not reachable at a client's domain, nor another room.
      expect((await getPublic(api, '/graphql?query=%7B__typename%7D', { host: domain })).status).toBe(404);
      expect((await getPublic(api, '/health/live', { host: domain })).status).toBe(404);
      expect((await getPublic(api, '/press/laiterie-voisine', { host: domain })).status).toBe(404);
      // The platform's address still serves the room, pointing at the domain as canonical.
      expect(textOf(await getPublic(api, '/press/fromagerie-alpine'))).toContain(`<link rel="canonical" href="https://${domain}">`);
      // Hosts that are not the domain are routed as before.
      for (const host of ['127.0.0.1', `[::1]:3000`, 'evil.example.com']) {
        const res = await getPublic(api, '/health/live', { host });
        expect({ host, status: res.status }).toEqual({ host, status: 200 });
      }
      const releases = await api.ok<{ pressReleases: { edges: { node: Release }[] } }>(
        `{ pressReleases(first: 1, status: PUBLISHED) { edges { node { url slug } } } }`,
        {},
        as(owner),
      );
      const latest = releases.pressReleases.edges[0].node;
      expect(latest.url).toBe(`https://${domain}/releases/${latest.slug}`);
    });

    it('keeps a domain to one room: another organisation’s claim is a CONFLICT', async () => {
      const res = await updateRoom({ customDomain: domain }, as(other, otherOrg));
      expect(firstError(res).extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'PRESS_ROOM_DOMAIN_TAKEN',
        field: 'input.customDomain',
      });
    });

    it('stops serving the domain once the room drops it', async () => {
      const dropped = (await updateRoom({ customDomain: null })).body.data?.updatePressRoom as Room;
      expect(dropped.customDomain).toBeNull();
      expect(dropped.url).toBe('https://socle.example/press/fromagerie-alpine');
      // The routing table may still name the host for up to a minute: the room's look-up answers 404 meanwhile.
      expect((await getPublic(api, '/', { host: domain })).status).toBe(404);
    });
  });
});
