import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'pg';
import sharp from 'sharp';
import request from 'supertest';
import { MEDIA_PUBLIC_LINK_TTL_MS, MediaPublicLinks } from '@socle/content';
import { AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { adminDatabase } from './e2e-support';

const png = (width: number, rgb: [number, number, number]) =>
  sharp({ create: { width, height: width, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } })
    .png()
    .toBuffer();

/**
 * The public address of a media file (what Instagram and Threads fetch while a post is sent): the signed token is
 * the permission, for one organisation's one file, until it expires. Nothing else is reachable through it.
 */
describe('public media addresses', () => {
  let api: TestApi;
  let admin: Client;
  let dir: string;
  let owner: AgencySession;
  let org: string;
  let links: MediaPublicLinks;

  const upload = async (organizationId: string, file: Buffer): Promise<string> => {
    const res = await request(api.server)
      .post('/media')
      .set('authorization', `Bearer ${owner.token}`)
      .set('x-socle-organization', organizationId)
      .attach('file', file, { filename: 'visuel.png', contentType: 'image/png' });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  /** GET without any credentials, as a network's fetcher does. */
  const fetchPublic = (url: string) =>
    request(api.server)
      .get(new URL(url).pathname)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'socle-public-media-'));
    api = await TestApi.start({ MEDIA_STORAGE_DIR: dir, PUBLIC_URL: 'https://socle.example/' });
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Adresses');
    org = await createOrganization(api, owner, 'Fromagerie Adresses');
    links = api.app.get(MediaPublicLinks, { strict: false });
  });
  afterAll(async () => {
    await admin?.end();
    await api?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers the file without credentials at an address under PUBLIC_URL, with its type and size', async () => {
    const file = await png(40, [200, 30, 30]);
    const id = await upload(org, file);
    const url = links.url(org, id);
    expect(url.startsWith('https://socle.example/media/public/')).toBe(true);
    const res = await fetchPublic(url);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-length']).toBe(String(file.length));
    expect(res.headers['cache-control']).toContain('private');
    expect(Buffer.compare(res.body as Buffer, file)).toBe(0);
    // HEAD, which some fetchers send first, answers the same headers.
    const head = await request(api.server).head(new URL(url).pathname);
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(file.length));
  });

  it('refuses an expired, tampered or malformed address, and another tenant’s file through this tenant’s token', async () => {
    const file = await png(24, [30, 200, 30]);
    const id = await upload(org, file);
    const expired = await fetchPublic(links.url(org, id, new Date(Date.now() - MEDIA_PUBLIC_LINK_TTL_MS - 1000)));
    expect(expired.status).toBe(410);
    expect(JSON.parse((expired.body as Buffer).toString()).errors[0].extensions.reason).toBe('LINK_EXPIRED');

    const url = links.url(org, id);
    const token = new URL(url).pathname.split('/').pop() as string;
    const [body, signature] = token.split('.');
    // The same claims for another asset, signed by nobody; a flipped signature; garbage; a huge token.
    const forgedBody = Buffer.from(JSON.stringify(['m1', org, '00000000-0000-4000-8000-000000000000', Date.now() + 60_000])).toString(
      'base64url',
    );
    for (const bad of [
      `${forgedBody}.${signature}`,
      `${body}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`,
      'nothing-here',
      `${body}.${signature}.${signature}`,
      'x'.repeat(400),
    ]) {
      const res = await request(api.server).get(`/media/public/${bad}`);
      expect([bad.slice(0, 40), res.status]).toEqual([bad.slice(0, 40), 404]);
      expect(res.body.errors[0].extensions.code).toBe('NOT_FOUND');
    }
    // A NUL, and a lone surrogate's bytes (not UTF-8), percent-encoded: refused as a bad request before the route.
    for (const bad of ['%00', '%ED%A0%80']) expect((await request(api.server).get(`/media/public/${bad}`)).status).toBe(400);
    // Longer than any address the server makes: refused before the route.
    expect((await request(api.server).get(`/media/public/${'x'.repeat(5000)}`)).status).toBe(414);

    // Another agency's client: its file, named in a token for this organisation, is not found; its own token works.
    const intruder = await signUpAgency(api, 'Agence Voisine');
    const theirOrg = await createOrganization(api, intruder, 'Client voisin');
    const theirs = await request(api.server)
      .post('/media')
      .set('authorization', `Bearer ${intruder.token}`)
      .set('x-socle-organization', theirOrg)
      .attach('file', await png(16, [10, 10, 200]), { filename: 'theirs.png', contentType: 'image/png' });
    expect(theirs.status).toBe(201);
    expect((await fetchPublic(links.url(org, theirs.body.id as string))).status).toBe(404);
    expect((await fetchPublic(links.url(theirOrg, id))).status).toBe(404);
    expect((await fetchPublic(links.url(theirOrg, theirs.body.id as string))).status).toBe(200);
    // Nothing was written by any of it.
    const { rows } = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM media_assets WHERE organization_id = $1', [org]);
    expect(rows[0].n).toBe(2);
  });

  it('answers 404 for a deleted file, whose address stays signed', async () => {
    const id = await upload(org, await png(20, [120, 120, 10]));
    const url = links.url(org, id);
    await api.ok(
      'mutation ($input: DeleteMediaAssetInput!) { deleteMediaAsset(input: $input) { id } }',
      { input: { id } },
      {
        token: owner.token,
        organizationId: org,
      },
    );
    expect((await fetchPublic(url)).status).toBe(404);
  });
});
