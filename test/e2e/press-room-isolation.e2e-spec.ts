import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'pg';
import request from 'supertest';
import { AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { adminDatabase, firstError, leaksIn } from './e2e-support';
import { approvedItem, getPublic, longFormVariant, png, RELEASE_FIELDS, ROOM_FIELDS, textOf, uploadMedia } from './press-room-support';

/**
 * What one tenant's press room never gives another: through GraphQL, another organisation's releases, items, assets
 * and subscribers are unknown (NOT_FOUND, or simply absent); through the public pages, a room shows only its own
 * public releases and media, never a draft, a future or withdrawn release, nor anything of another tenant. And what
 * hostile input gets: a refusal naming its field, never a 500, nothing stored.
 */
describe('press room isolation and hostile input', () => {
  let api: TestApi;
  let admin: Client;
  let dir: string;
  let alpha: AgencySession;
  let alphaOrg: string;
  let beta: AgencySession;
  let betaOrg: string;
  let alphaRelease: { id: string; slug: string };
  let alphaItem: string;
  let alphaAsset: string;
  let alphaFuture: { id: string; slug: string };

  const as = (session: AgencySession, organizationId: string) => ({ token: session.token, organizationId });
  const gql = (session: AgencySession, organizationId: string, query: string, variables: Record<string, unknown> = {}) =>
    api.gql(query, variables, as(session, organizationId));

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'socle-press-isolation-'));
    api = await TestApi.start({ MEDIA_STORAGE_DIR: dir, PUBLIC_URL: 'https://socle.example' });
    admin = await adminDatabase();
    alpha = await signUpAgency(api, 'Agence Alpha');
    alphaOrg = await createOrganization(api, alpha, 'Alpha Chocolats');
    beta = await signUpAgency(api, 'Agence Beta');
    betaOrg = await createOrganization(api, beta, 'Beta Biscuits');
    for (const [session, org, slug] of [
      [alpha, alphaOrg, 'alpha-chocolats'],
      [beta, betaOrg, 'beta-biscuits'],
    ] as const) {
      await api.ok(
        'mutation ($input: UpdatePressRoomInput!) { updatePressRoom(input: $input) { id } }',
        { input: { slug, title: slug, enabled: true } },
        as(session, org),
      );
    }
    alphaAsset = await uploadMedia(api, alpha, alphaOrg, await png(40, [120, 60, 20]));
    alphaItem = await approvedItem(api, admin, alpha, alphaOrg, { title: 'Tablette Alpha', brief: 'Le secret de la recette alpha' });
    await longFormVariant(admin, alphaOrg, alphaItem, { title: 'Tablette Alpha', html: '<p>Recette alpha</p>' }, [alphaAsset]);
    alphaRelease = (
      await api.ok<{ publishPressRelease: { id: string; slug: string } }>(
        'mutation ($input: PublishPressReleaseInput!) { publishPressRelease(input: $input) { id slug } }',
        { input: { itemId: alphaItem } },
        as(alpha, alphaOrg),
      )
    ).publishPressRelease;
    const futureItem = await approvedItem(api, admin, alpha, alphaOrg, { title: 'Lancement secret', brief: 'Pas encore public' });
    alphaFuture = (
      await api.ok<{ publishPressRelease: { id: string; slug: string } }>(
        'mutation ($input: PublishPressReleaseInput!) { publishPressRelease(input: $input) { id slug } }',
        { input: { itemId: futureItem, publishAt: new Date(Date.now() + 86_400_000).toISOString() } },
        as(alpha, alphaOrg),
      )
    ).publishPressRelease;
    // A draft of alpha's and one of beta's, never published.
    await approvedItem(api, admin, alpha, alphaOrg, { title: 'Brouillon alpha confidentiel' }, 'DRAFT');
    await approvedItem(api, admin, beta, betaOrg, { title: 'Brouillon beta confidentiel' }, 'DRAFT');
    await request(api.server)
      .post('/press/alpha-chocolats/subscribe')
      .set('content-type', 'application/json')
      .send({ email: 'fan@alpha.example.com' });
  });
  afterAll(async () => {
    await admin?.end();
    await api?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  describe('through GraphQL, another tenant', () => {
    it('reads only its own room, releases and subscribers', async () => {
      const res = await gql(
        beta,
        betaOrg,
        `{ pressRoom { ${ROOM_FIELDS} } pressReleases(first: 100) { totalCount edges { node { id } } } newsletterSubscriberCounts { pending confirmed unsubscribed } newsletterSubscribers(first: 100) { totalCount } }`,
      );
      expect(res.body.errors).toBeUndefined();
      const data = res.body.data as {
        pressRoom: { slug: string };
        pressReleases: { totalCount: number };
        newsletterSubscriberCounts: { pending: number };
        newsletterSubscribers: { totalCount: number };
      };
      expect(data.pressRoom.slug).toBe('beta-biscuits');
      expect(data.pressReleases.totalCount).toBe(0);
      expect(data.newsletterSubscriberCounts.pending).toBe(0);
      expect(data.newsletterSubscribers.totalCount).toBe(0);
    });

    it('gets NOT_FOUND for the other tenant’s release, item and asset ids, and changes nothing', async () => {
      const read = await gql(beta, betaOrg, `query ($id: ID!) { pressRelease(id: $id) { id title } }`, { id: alphaRelease.id });
      expect(firstError(read).extensions.code).toBe('NOT_FOUND');
      const withdraw = await gql(
        beta,
        betaOrg,
        `mutation ($input: WithdrawPressReleaseInput!) { withdrawPressRelease(input: $input) { id } }`,
        {
          input: { id: alphaRelease.id },
        },
      );
      expect(firstError(withdraw).extensions.code).toBe('NOT_FOUND');
      const publish = await gql(
        beta,
        betaOrg,
        `mutation ($input: PublishPressReleaseInput!) { publishPressRelease(input: $input) { id } }`,
        {
          input: { itemId: alphaItem },
        },
      );
      expect(firstError(publish).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.itemId' });
      const kit = await gql(beta, betaOrg, `mutation ($input: UpdatePressRoomInput!) { updatePressRoom(input: $input) { id } }`, {
        input: { mediaKit: [{ mediaAssetId: alphaAsset }] },
      });
      expect(firstError(kit).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.mediaKit[0].mediaAssetId' });
      // Alpha's release is untouched, and public.
      expect((await getPublic(api, `/press/alpha-chocolats/releases/${alphaRelease.slug}`)).status).toBe(200);
      const { rows } = await admin.query('SELECT count(*)::int AS n FROM press_releases WHERE organization_id = $1', [betaOrg]);
      expect(rows[0].n).toBe(0);
    });

    it('cannot act in the other organisation by naming it', async () => {
      const res = await gql(beta, alphaOrg, `{ pressRoom { id } }`);
      // The organisation is not the caller's: it is unknown to them (the same answer as one that does not exist).
      expect(firstError(res).extensions.code).toBe('NOT_FOUND');
      const write = await gql(beta, alphaOrg, `mutation ($input: UpdatePressRoomInput!) { updatePressRoom(input: $input) { id } }`, {
        input: { enabled: false },
      });
      expect(firstError(write).extensions.code).toBe('NOT_FOUND');
      expect((await getPublic(api, '/press/alpha-chocolats')).status).toBe(200);
    });
  });

  describe('through the public pages', () => {
    it('never shows a draft, a future release, a subscriber or another tenant’s anything', async () => {
      const pages = await Promise.all(
        ['', '/archive', '/feed.atom', '/feed.rss', '/sitemap.xml'].map((p) => getPublic(api, `/press/alpha-chocolats${p}`)),
      );
      for (const page of pages) {
        expect(page.status).toBe(200);
        const text = textOf(page);
        expect(text).not.toContain('Brouillon');
        expect(text).not.toContain('Lancement secret');
        expect(text).not.toContain(alphaFuture.slug);
        expect(text).not.toContain('fan@alpha.example.com');
        expect(text).not.toContain('beta');
        expect(text).not.toContain('Le secret de la recette alpha'); // the brief, replaced by the long-form body
      }
      expect((await getPublic(api, `/press/alpha-chocolats/releases/${alphaFuture.slug}`)).status).toBe(404);
      const betaPages = await Promise.all(['', '/feed.atom', '/sitemap.xml'].map((p) => getPublic(api, `/press/beta-biscuits${p}`)));
      for (const page of betaPages) expect(textOf(page)).not.toMatch(/alpha|Tablette/i);
    });

    it('answers 404 to another room’s release or media under this room, and to an unpublished item’s files', async () => {
      expect((await getPublic(api, `/press/beta-biscuits/releases/${alphaRelease.slug}`)).status).toBe(404);
      expect((await getPublic(api, `/press/beta-biscuits/media/${alphaAsset}`)).status).toBe(404);
      expect((await getPublic(api, `/press/alpha-chocolats/media/${alphaAsset}`)).status).toBe(200);
      const betaAsset = await uploadMedia(api, beta, betaOrg, await png(12, [5, 5, 5]));
      expect((await getPublic(api, `/press/alpha-chocolats/media/${betaAsset}`)).status).toBe(404);
      // Withdrawn: its file is no longer shown either (it is in no kit).
      await api.ok(
        'mutation ($input: WithdrawPressReleaseInput!) { withdrawPressRelease(input: $input) { id } }',
        { input: { id: alphaRelease.id } },
        as(alpha, alphaOrg),
      );
      expect((await getPublic(api, `/press/alpha-chocolats/media/${alphaAsset}`)).status).toBe(404);
      expect((await getPublic(api, `/press/alpha-chocolats/releases/${alphaRelease.slug}`)).status).toBe(404);
    });
  });

  describe('hostile input through GraphQL', () => {
    const update = (input: unknown) =>
      gql(alpha, alphaOrg, `mutation ($input: UpdatePressRoomInput!) { updatePressRoom(input: $input) { ${ROOM_FIELDS} } }`, { input });
    const publish = (input: unknown) =>
      gql(alpha, alphaOrg, `mutation ($input: PublishPressReleaseInput!) { publishPressRelease(input: $input) { ${RELEASE_FIELDS} } }`, {
        input,
      });

    it('refuses NUL bytes, lone surrogates, megabyte strings and deep values with their field; never a 500; nothing stored', async () => {
      const cases: [unknown, string][] = [
        [{ title: 'a\u0000b' }, 'input.title'],
        [{ description: 'x\ud800y' }, 'input.description'],
        [{ description: 'x'.repeat(900_000) }, 'input.description'],
        [{ contacts: [{ name: 'N', role: '\udc00' }] }, 'input.contacts[0].role'],
        [{ customDomain: `${'a'.repeat(300)}.com` }, 'input.customDomain'],
        [{ slug: '../../admin' }, 'input.slug'],
        [{ mediaKit: [{ mediaAssetId: 'not-a-uuid' }] }, 'input.mediaKit'],
      ];
      for (const [input, field] of cases) {
        const res = await update(input);
        expect(res.status).toBeLessThan(500);
        expect(leaksIn(res.body)).toEqual([]);
        const error = firstError(res);
        expect({ field, code: error.extensions.code }).toEqual({ field, code: 'BAD_USER_INPUT' });
        expect(String(error.extensions.field ?? (error.extensions.problems as { field: string }[] | undefined)?.[0]?.field)).toContain(
          field,
        );
      }
      let deep: unknown = 'x';
      for (let i = 0; i < 200; i += 1) deep = [deep];
      const nested = await update({ contacts: deep });
      expect(nested.status).toBeLessThan(500);
      expect(nested.body.errors?.length).toBeGreaterThan(0);
      const room = await api.ok<{ pressRoom: { title: string; description: string; contacts: unknown[] } }>(
        '{ pressRoom { title description contacts { id } } }',
        {},
        as(alpha, alphaOrg),
      );
      expect(room.pressRoom).toEqual({ title: 'alpha-chocolats', description: '', contacts: [] });
    });

    it('refuses bad release inputs with their field', async () => {
      const item = await approvedItem(api, admin, alpha, alphaOrg, { title: 'Hostile' });
      for (const [input, field] of [
        [{ itemId: 'x' }, 'input.itemId'],
        [{ itemId: item, slug: 'a\u0000' }, 'input.slug'],
        [{ itemId: item, publishAt: '1900-01-01T00:00:00Z' }, 'input.publishAt'],
        [{ itemId: item, publishAt: new Date(Date.now() + 5 * 366 * 86_400_000).toISOString() }, 'input.publishAt'],
        [{ itemId: item, publishAt: 'tomorrow' }, 'input.publishAt'],
      ] as [unknown, string][]) {
        const res = await publish(input);
        expect(res.status).toBeLessThan(500);
        const error = firstError(res);
        expect({ field, code: error.extensions.code }).toEqual({ field, code: 'BAD_USER_INPUT' });
      }
      const { rows } = await admin.query('SELECT count(*)::int AS n FROM press_releases WHERE organization_id = $1 AND item_id = $2', [
        alphaOrg,
        item,
      ]);
      expect(rows[0].n).toBe(0);
    });

    it('refuses a verification of a domain the room does not claim', async () => {
      const res = await gql(
        alpha,
        alphaOrg,
        `mutation ($input: VerifyPressRoomDomainInput!) { verifyPressRoomDomain(input: $input) { id } }`,
        {
          input: { domain: 'press.example.com' },
        },
      );
      expect(firstError(res).extensions).toMatchObject({ code: 'CONFLICT', reason: 'PRESS_ROOM_DOMAIN_CHANGED' });
    });
  });
});
