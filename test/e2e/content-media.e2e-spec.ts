import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import type { Client } from 'pg';
import sharp from 'sharp';
import request from 'supertest';
import { LocalDiskMediaStorage, SWEEP_GRACE_MS, SweepMediaFilesJob } from '@socle/content';
import { UnitOfWorkFactory } from '@socle/platform-database';
import { addOrganizationMember, AgencySession, createOrganization, signUpAgency, TestApi } from '@socle/testing';
import { adminDatabase, firstError, leaksIn } from './e2e-support';

const MAX_BYTES = 256 * 1024;
const ASSET = 'id kind contentType byteSize sha256 width height fileName tags usageCount downloadUrl uploadedBy createdAt updatedAt';

interface Asset {
  id: string;
  kind: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  width: number;
  height: number;
  fileName: string | null;
  tags: string[];
  usageCount: number;
  downloadUrl: string;
  uploadedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const picture = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 220, g: 90, b: 30 } } });
/** A PNG of incompressible pixels: its size is about 3 bytes per pixel. */
const noisyPng = (width: number, height: number) =>
  sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();

/** Every file under a directory (the media storage), however deep. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name));
}

describe('media library (upload, GraphQL, download)', () => {
  let api: TestApi;
  let admin: Client;
  let dir: string;
  let owner: AgencySession;
  let org: string;
  let cm: { token: string; userId: string };
  let approver: { token: string; userId: string };

  const as = (who: { token: string }) => ({ token: who.token, organizationId: org });
  const upload = (
    who: { token: string } | null,
    file: Buffer,
    filename = 'file.bin',
    contentType = 'application/octet-stream',
    organizationId = org,
  ) => {
    let req = request(api.server).post('/media');
    if (who) req = req.set('authorization', `Bearer ${who.token}`);
    if (organizationId) req = req.set('x-socle-organization', organizationId);
    return req.attach('file', file, { filename, contentType });
  };
  const download = (who: { token: string }, path: string, organizationId = org) =>
    request(api.server)
      .get(path)
      .set('authorization', `Bearer ${who.token}`)
      .set('x-socle-organization', organizationId)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const rows = async () =>
    (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM media_assets WHERE organization_id = $1', [org])).rows[0].n;
  const variantUsing = async (mediaIds: string[]) => {
    const {
      rows: [item],
    } = await admin.query<{ id: string }>(`INSERT INTO content_items (organization_id, title) VALUES ($1, 'Avec image') RETURNING id`, [
      org,
    ]);
    const {
      rows: [variant],
    } = await admin.query<{ id: string }>(
      `INSERT INTO content_variants (organization_id, item_id, network, text, media_ids) VALUES ($1, $2, 'mastodon', 'Bonjour', $3::uuid[]) RETURNING id`,
      [org, item.id, mediaIds],
    );
    return variant.id;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'socle-media-e2e-'));
    api = await TestApi.start({ MEDIA_STORAGE_DIR: dir, MEDIA_MAX_BYTES: String(MAX_BYTES) });
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Médias');
    org = await createOrganization(api, owner, 'Vélo Médias');
    cm = await addOrganizationMember(api, owner, org, ['COMMUNITY_MANAGER']);
    approver = await addOrganizationMember(api, owner, org, ['EXECUTIVE_APPROVER']);
  });
  afterAll(async () => {
    await admin?.end();
    await api?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('uploads once, lists, tags, downloads, counts usage, refuses deleting an asset in use, then deletes it and its file', async () => {
    const png = await picture(640, 427).png().toBuffer();
    // The declared name and type say JPEG: the bytes decide.
    const uploaded = await upload(cm, png, 'affiche été.jpg', 'image/jpeg');
    expect(uploaded.status).toBe(201);
    const asset = uploaded.body as Asset;
    expect(asset).toMatchObject({
      kind: 'IMAGE',
      contentType: 'image/png',
      byteSize: png.length,
      sha256: sha256(png),
      width: 640,
      height: 427,
      fileName: 'affiche été.jpg',
      tags: [],
      usageCount: 0,
      uploadedBy: cm.userId,
    });
    expect(uploaded.headers.location).toBe(asset.downloadUrl);
    expect(asset.downloadUrl).toBe(`${api.config.PUBLIC_URL.replace(/\/+$/, '')}/media/${asset.id}`);
    expect(await filesUnder(dir)).toHaveLength(1);

    const others: Array<[Buffer, string, number, number]> = [
      [await picture(300, 200).jpeg().withMetadata({ orientation: 6 }).toBuffer(), 'image/jpeg', 200, 300],
      [await picture(40, 30).gif().toBuffer(), 'image/gif', 40, 30],
      [await picture(64, 48).webp().toBuffer(), 'image/webp', 64, 48],
    ];
    for (const [data, contentType, width, height] of others) {
      const res = await upload(owner, data, 'x');
      expect({ status: res.status, contentType: res.body.contentType, width: res.body.width, height: res.body.height }).toEqual({
        status: 201,
        contentType,
        width,
        height,
      });
    }

    const listed = await api.ok<{ mediaAssets: { edges: { node: Asset }[]; pageInfo: { hasNextPage: boolean } } }>(
      `{ mediaAssets(first: 3) { edges { node { ${ASSET} } } pageInfo { hasNextPage } } }`,
      {},
      as(approver),
    );
    expect(listed.mediaAssets.edges.map((e) => e.node.contentType)).toEqual(['image/webp', 'image/gif', 'image/jpeg']);
    expect(listed.mediaAssets.pageInfo.hasNextPage).toBe(true);

    const tagged = await api.ok<{ tagMediaAsset: Asset }>(
      `mutation ($input: TagMediaAssetInput!) { tagMediaAsset(input: $input) { ${ASSET} } }`,
      { input: { id: asset.id, tags: [' Été  2026 ', 'logo', 'LOGO'] } },
      as(cm),
    );
    expect(tagged.tagMediaAsset.tags).toEqual(['été 2026', 'logo']);
    const byTag = await api.ok<{ mediaAssets: { edges: { node: { id: string } }[] } }>(
      '{ mediaAssets(first: 10, tag: "Logo") { edges { node { id } } } }',
      {},
      as(approver),
    );
    expect(byTag.mediaAssets.edges.map((e) => e.node.id)).toEqual([asset.id]);

    const one = await api.ok<{ mediaAsset: Asset }>(
      `query ($id: ID!) { mediaAsset(id: $id) { ${ASSET} } }`,
      { id: asset.id },
      as(approver),
    );
    const got = await download(approver, new URL(one.mediaAsset.downloadUrl).pathname);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(got.body as Buffer, png)).toBe(0);

    // A variant uses it: counted, and the deletion is refused.
    const variant = await variantUsing([asset.id]);
    const counted = await api.ok<{ mediaAsset: { usageCount: number } }>(
      `query ($id: ID!) { mediaAsset(id: $id) { usageCount } }`,
      { id: asset.id },
      as(cm),
    );
    expect(counted.mediaAsset.usageCount).toBe(1);
    const refused = await api.gql(
      `mutation ($input: DeleteMediaAssetInput!) { deleteMediaAsset(input: $input) { id } }`,
      { input: { id: asset.id } },
      as(cm),
    );
    expect(firstError(refused).extensions).toMatchObject({ code: 'CONFLICT', reason: 'MEDIA_IN_USE', usageCount: 1, field: 'input.id' });
    expect(await filesUnder(dir)).toHaveLength(4);

    await admin.query(`UPDATE content_variants SET media_ids = '{}' WHERE organization_id = $1 AND id = $2`, [org, variant]);
    const deleted = await api.ok<{ deleteMediaAsset: Asset }>(
      `mutation ($input: DeleteMediaAssetInput!) { deleteMediaAsset(input: $input) { ${ASSET} } }`,
      { input: { id: asset.id } },
      as(cm),
    );
    expect(deleted.deleteMediaAsset).toMatchObject({ id: asset.id, sha256: sha256(png), tags: ['été 2026', 'logo'], usageCount: 0 });
    expect(await filesUnder(dir)).toHaveLength(3);
    expect((await download(approver, `/media/${asset.id}`)).status).toBe(404);
    const gone = await api.gql(`query ($id: ID!) { mediaAsset(id: $id) { id } }`, { id: asset.id }, as(cm));
    expect(firstError(gone).extensions.code).toBe('NOT_FOUND');
    // A variant cannot list an asset that does not exist.
    await expect(variantUsing([asset.id])).rejects.toThrow(/media asset that does not exist/);
  });

  it('refuses callers without the permission, without credentials or organization, and stores nothing', async () => {
    const png = await picture(10, 10).png().toBuffer();
    const before = { rows: await rows(), files: (await filesUnder(dir)).length };
    const forbidden = await upload(approver, png);
    expect({ status: forbidden.status, code: forbidden.body.errors?.[0]?.extensions?.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    const anonymous = await upload(null, png);
    expect({ status: anonymous.status, code: anonymous.body.errors?.[0]?.extensions?.code }).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
    const noOrg = await upload(cm, png, 'a.png', 'image/png', '');
    expect({ status: noOrg.status, field: noOrg.body.errors?.[0]?.extensions?.field }).toEqual({
      status: 400,
      field: 'X-Socle-Organization',
    });
    const badOrg = await upload(cm, png, 'a.png', 'image/png', 'not-a-uuid');
    expect(badOrg.status).toBe(400);
    const notMember = await upload(cm, png, 'a.png', 'image/png', '00000000-0000-4000-8000-000000000000');
    expect(notMember.status).toBe(404);
    const json = await request(api.server)
      .post('/media')
      .set('authorization', `Bearer ${cm.token}`)
      .set('x-socle-organization', org)
      .send({ file: 'x' });
    expect({ status: json.status, reason: json.body.errors?.[0]?.extensions?.reason }).toEqual({
      status: 400,
      reason: 'MEDIA_BAD_MULTIPART',
    });
    // Multipart is read by the upload route only.
    const elsewhere = await request(api.server).post('/graphql').attach('file', png, 'a.png');
    expect(elsewhere.status).toBe(415);
    const noDownload = await request(api.server).get(`/media/${randomUuid()}`).set('x-socle-organization', org);
    expect(noDownload.status).toBe(401);
    expect({ rows: await rows(), files: (await filesUnder(dir)).length }).toEqual(before);
  });

  it('takes an organisation API key like the GraphQL API: write scope to upload, read scope to download', async () => {
    const key = async (scopes: string[]) =>
      (
        await api.ok<{ createApiKey: { secret: string } }>(
          'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
          { input: { name: `médias ${scopes.join()}`, organizationId: org, scopes } },
          { token: owner.token },
        )
      ).createApiKey.secret;
    const writer = { token: await key(['READ', 'WRITE']) };
    const reader = { token: await key(['READ']) };
    const png = await picture(12, 9).png().toBuffer();
    // No organization header: the key's own organisation.
    const uploaded = await upload(writer, png, 'key.png', 'image/png', '');
    expect({ status: uploaded.status, width: uploaded.body.width, uploadedBy: uploaded.body.uploadedBy }).toEqual({
      status: 201,
      width: 12,
      uploadedBy: null,
    });
    const refused = await upload(reader, png, 'key.png', 'image/png', '');
    expect({ status: refused.status, code: refused.body.errors?.[0]?.extensions?.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    const got = await request(api.server).get(`/media/${uploaded.body.id}`).set('authorization', `Bearer ${reader.token}`);
    expect({ status: got.status, type: got.headers['content-type'] }).toEqual({ status: 200, type: 'image/png' });
    const elsewhere = await upload(writer, png, 'key.png', 'image/png', await createOrganization(api, owner, 'Autre client'));
    expect(elsewhere.status).toBe(403);
  });

  it('refuses bad files by their bytes with a 4xx naming the problem, and stores nothing', async () => {
    const before = { rows: await rows(), files: (await filesUnder(dir)).length };
    const png = await picture(64, 64).png().toBuffer();
    const jpeg = await picture(64, 64).jpeg().toBuffer();
    const bomb = Buffer.from(png);
    bomb.writeUInt32BE(30_000, 16);
    bomb.writeUInt32BE(30_000, 20);
    const cases: Array<[string, Buffer, string, number, string]> = [
      ['text named .png', Buffer.from('just some text, not an image at all'), 'image/png', 415, 'MEDIA_TYPE_NOT_SUPPORTED'],
      [
        'SVG',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        'image/svg+xml',
        415,
        'MEDIA_TYPE_NOT_SUPPORTED',
      ],
      ['empty', Buffer.alloc(0), 'image/png', 400, 'MEDIA_EMPTY'],
      ['truncated PNG', png.subarray(0, png.length - 20), 'image/png', 400, 'MEDIA_TRUNCATED'],
      ['truncated JPEG', jpeg.subarray(0, jpeg.length - 100), 'image/jpeg', 400, 'MEDIA_TRUNCATED'],
      ['decompression bomb', bomb, 'image/png', 400, 'MEDIA_TOO_MANY_PIXELS'],
    ];
    for (const [name, data, type, status, reason] of cases) {
      const res = await upload(cm, data, 'upload', type);
      const extensions = res.body.errors?.[0]?.extensions ?? {};
      expect({ name, status: res.status, code: extensions.code, reason: extensions.reason, field: extensions.field }).toEqual({
        name,
        status,
        code: 'BAD_USER_INPUT',
        reason,
        field: 'file',
      });
      expect(leaksIn(res.body)).toEqual([]);
    }
    const noFile = await request(api.server)
      .post('/media')
      .set('authorization', `Bearer ${cm.token}`)
      .set('x-socle-organization', org)
      .field('note', 'no file');
    expect({ status: noFile.status, reason: noFile.body.errors?.[0]?.extensions?.reason }).toEqual({
      status: 400,
      reason: 'MEDIA_NO_FILE',
    });
    const two = await request(api.server)
      .post('/media')
      .set('authorization', `Bearer ${cm.token}`)
      .set('x-socle-organization', org)
      .attach('file', png, 'a.png')
      .attach('file', png, 'b.png');
    expect({ status: two.status, reason: two.body.errors?.[0]?.extensions?.reason }).toEqual({
      status: 400,
      reason: 'MEDIA_BAD_MULTIPART',
    });
    expect({ rows: await rows(), files: (await filesUnder(dir)).length }).toEqual(before);
  });

  it('refuses a file over the limit while it streams (before the body ends) and leaves no file', async () => {
    const before = { rows: await rows(), files: (await filesUnder(dir)).length };
    const big = await noisyPng(200, 200); // about 120 KB per 200x200: well over the limit once repeated
    expect(big.length).toBeGreaterThan(MAX_BYTES / 4);
    const address = (api.server.address() ??
      (await new Promise<AddressInfo>((resolve) =>
        api.server.listen(0, '127.0.0.1', () => resolve(api.server.address() as AddressInfo)),
      ))) as AddressInfo;
    const boundary = `socle${randomBytes(8).toString('hex')}`;
    const answer = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
      let sent = 0;
      let open = true;
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: address.port,
          method: 'POST',
          path: '/media',
          headers: {
            authorization: `Bearer ${cm.token}`,
            'x-socle-organization': org,
            'content-type': `multipart/form-data; boundary=${boundary}`,
          },
        },
        (res) => {
          open = false;
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
        },
      );
      req.on('error', (error) => (open ? reject(error) : undefined));
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`);
      // Never ends the body: only a refusal while streaming answers. Stops sending once answered (or at 16 MB).
      const pump = () => {
        while (open && sent < 16 * 1024 * 1024) {
          const chunk = sent === 0 ? big : randomBytes(64 * 1024);
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
      };
      pump();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'MEDIA_TOO_LARGE',
      field: 'file',
    });
    expect(answer.sent).toBeLessThan(16 * 1024 * 1024);
    expect({ rows: await rows(), files: (await filesUnder(dir)).length }).toEqual(before);
    expect((await readdir(dir, { recursive: true })).filter((name) => String(name).endsWith('.partial'))).toEqual([]);
  });

  it('keeps another tenant out: it can neither list, download, tag nor delete', async () => {
    const png = await picture(32, 32).png().toBuffer();
    const asset = (await upload(cm, png, 'secret.png')).body as Asset;
    const intruder = await signUpAgency(api, 'Agence Intruse');
    const theirOrg = await createOrganization(api, intruder, 'Client intrus');
    const inTheirs = { token: intruder.token, organizationId: theirOrg };
    const inOurs = { token: intruder.token, organizationId: org };

    const list = await api.ok<{ mediaAssets: { edges: unknown[] } }>('{ mediaAssets(first: 100) { edges { node { id } } } }', {}, inTheirs);
    expect(list.mediaAssets.edges).toEqual([]);
    expect(firstError(await api.gql('{ mediaAssets(first: 100) { edges { node { id } } } }', {}, inOurs)).extensions.code).toBe(
      'NOT_FOUND',
    );
    for (const options of [inTheirs, inOurs]) {
      const read = await api.gql(`query ($id: ID!) { mediaAsset(id: $id) { id } }`, { id: asset.id }, options);
      const tag = await api.gql(
        `mutation ($input: TagMediaAssetInput!) { tagMediaAsset(input: $input) { id } }`,
        { input: { id: asset.id, tags: ['pwned'] } },
        options,
      );
      const del = await api.gql(
        `mutation ($input: DeleteMediaAssetInput!) { deleteMediaAsset(input: $input) { id } }`,
        { input: { id: asset.id } },
        options,
      );
      for (const res of [read, tag, del]) expect(firstError(res).extensions.code).toBe('NOT_FOUND');
      const file = await download(intruder, `/media/${asset.id}`, options.organizationId);
      expect(file.status).toBe(404);
      expect((file.body as Buffer).includes(png.subarray(0, 64))).toBe(false);
      const uploadInto = await upload(intruder, png, 'x.png', 'image/png', options.organizationId);
      expect(uploadInto.status).toBe(options === inOurs ? 404 : 201);
    }
    const still = await api.ok<{ mediaAsset: Asset }>(`query ($id: ID!) { mediaAsset(id: $id) { ${ASSET} } }`, { id: asset.id }, as(cm));
    expect(still.mediaAsset).toMatchObject({ tags: [], sha256: sha256(png) });
    expect(Buffer.compare((await download(cm, `/media/${asset.id}`)).body as Buffer, png)).toBe(0);
  });

  it('never leaves a variant listing a deleted asset when a deletion and a variant edit race', async () => {
    const png = await picture(16, 16).png().toBuffer();
    const variant = await variantUsing([]);
    const outcomes = new Set<string>();
    for (let round = 0; round < 12; round++) {
      const asset = (await upload(cm, png, `r${round}.png`)).body as Asset;
      const [deletion, edit] = await Promise.allSettled([
        api.gql(
          `mutation ($input: DeleteMediaAssetInput!) { deleteMediaAsset(input: $input) { id } }`,
          { input: { id: asset.id } },
          as(cm),
        ),
        admin.query(`UPDATE content_variants SET media_ids = ARRAY[$3::uuid] WHERE organization_id = $1 AND id = $2`, [
          org,
          variant,
          asset.id,
        ]),
      ]);
      const deleted = deletion.status === 'fulfilled' && !deletion.value.body.errors;
      outcomes.add(`${deleted ? 'deleted' : 'kept'}/${edit.status === 'fulfilled' ? 'used' : 'refused'}`);
      expect(deleted && edit.status === 'fulfilled').toBe(false);
      if (!deleted && deletion.status === 'fulfilled') expect(firstError(deletion.value).extensions.reason).toBe('MEDIA_IN_USE');
      await admin.query(`UPDATE content_variants SET media_ids = '{}' WHERE organization_id = $1 AND id = $2`, [org, variant]);
    }
    const dangling = await admin.query(
      `SELECT v.id FROM content_variants v, unnest(v.media_ids) AS m(id)
        WHERE NOT EXISTS (SELECT 1 FROM media_assets a WHERE a.organization_id = v.organization_id AND a.id = m.id)`,
    );
    expect(dangling.rows).toEqual([]);
    expect([...outcomes].every((o) => o === 'deleted/refused' || o === 'kept/used')).toBe(true);
  });

  it('sweeps the files no asset names once they are old enough, and keeps every file an asset names', async () => {
    const storage = new LocalDiskMediaStorage(dir);
    const sweeper = new SweepMediaFilesJob(api.app.get(UnitOfWorkFactory), storage);
    const png = await picture(20, 20).png().toBuffer();
    const live = (await upload(cm, png, 'live.png')).body as Asset;
    const liveKey = (await admin.query<{ storage_key: string }>('SELECT storage_key FROM media_assets WHERE id = $1', [live.id])).rows[0]
      .storage_key;
    // As a purged organisation leaves them: files whose rows are gone.
    const orphan = await storage.put(Readable.from([png]));
    const fresh = await storage.put(Readable.from([png]));
    const partial = `${storage.pathOf(orphan.key.replace(/^../, 'ff'))}.partial`;
    await mkdir(dirname(partial), { recursive: true });
    await writeFile(partial, png.subarray(0, 10));
    const old = new Date(Date.now() - SWEEP_GRACE_MS - 60_000);
    for (const path of [storage.pathOf(liveKey), storage.pathOf(orphan.key), partial]) await utimes(path, old, old);
    const before = await filesUnder(dir);

    expect(await sweeper.sweep()).toBe(1);
    const after = await filesUnder(dir);
    expect(before.filter((f) => !after.includes(f)).sort()).toEqual([storage.pathOf(orphan.key), partial].sort());
    expect(after).toEqual(expect.arrayContaining([storage.pathOf(liveKey), storage.pathOf(fresh.key)]));
    expect(Buffer.compare((await download(cm, `/media/${live.id}`)).body as Buffer, png)).toBe(0);
    expect(await sweeper.sweep()).toBe(0);
    await storage.delete(fresh.key);
  });

  it('holds both interleavings: a deletion waits for a variant being edited, a variant edit waits for a deletion', async () => {
    const png = await picture(16, 16).png().toBuffer();
    const variant = await variantUsing([]);
    const other = await adminDatabase();
    try {
      // 1. The variant's transaction takes the asset first: the deletion waits for it, then sees the use.
      const first = (await upload(cm, png, 'a.png')).body as Asset;
      await other.query('BEGIN');
      await other.query(`UPDATE content_variants SET media_ids = ARRAY[$3::uuid] WHERE organization_id = $1 AND id = $2`, [
        org,
        variant,
        first.id,
      ]);
      let settled = false;
      const deletion = api
        .gql(`mutation ($input: DeleteMediaAssetInput!) { deleteMediaAsset(input: $input) { id } }`, { input: { id: first.id } }, as(cm))
        .finally(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(settled).toBe(false);
      await other.query('COMMIT');
      expect(firstError(await deletion).extensions).toMatchObject({ code: 'CONFLICT', reason: 'MEDIA_IN_USE' });
      await admin.query(`UPDATE content_variants SET media_ids = '{}' WHERE organization_id = $1 AND id = $2`, [org, variant]);

      // 2. The deletion takes the asset first: the variant edit waits for it, then finds no asset.
      const second = (await upload(cm, png, 'b.png')).body as Asset;
      await other.query('BEGIN');
      await other.query('SELECT 1 FROM media_assets WHERE organization_id = $1 AND id = $2 FOR UPDATE', [org, second.id]);
      await other.query('DELETE FROM media_assets WHERE organization_id = $1 AND id = $2', [org, second.id]);
      let editSettled = false;
      const edit = admin
        .query(`UPDATE content_variants SET media_ids = ARRAY[$3::uuid] WHERE organization_id = $1 AND id = $2`, [org, variant, second.id])
        .finally(() => (editSettled = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(editSettled).toBe(false);
      await other.query('COMMIT');
      await expect(edit).rejects.toThrow(/media asset that does not exist/);
    } finally {
      await other.query('ROLLBACK').catch(() => undefined);
      await other.end();
    }
  });

  it('counts the whole library in totalCount: every page, the tag filter, never another agency’s assets', async () => {
    type Counted = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string } };
    const counted = await createOrganization(api, owner, 'Vélo compté');
    const plant = (organizationId: string, tags: string[]) =>
      admin.query(
        `INSERT INTO media_assets (organization_id, storage_key, content_type, byte_size, sha256, width, height, tags)
         VALUES ($1, md5(random()::text), 'image/png', 2048, repeat('a', 64), 10, 10, $2::text[])`,
        [organizationId, tags],
      );
    const page = async (variables: Record<string, unknown>, who: { token: string } = owner, organizationId = counted) =>
      (
        await api.ok<{ mediaAssets: Counted }>(
          'query ($first: Int, $after: String, $tag: String) { mediaAssets(first: $first, after: $after, tag: $tag) { totalCount pageInfo { hasNextPage endCursor } } }',
          variables,
          { token: who.token, organizationId },
        )
      ).mediaAssets;
    await plant(counted, ['logo']);
    await plant(counted, ['logo', 'été']);
    await plant(counted, []);

    const first = await page({ first: 1 });
    expect(first).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect((await page({ first: 1, after: first.pageInfo.endCursor })).totalCount).toBe(3);
    // The tag is read as tags are stored (trimmed, lower case), for the page and its count alike.
    expect((await page({ first: 1, tag: ' Logo ' })).totalCount).toBe(2);
    expect((await page({ first: 1, tag: 'été' })).totalCount).toBe(1);
    expect((await page({ first: 1, tag: 'absent' })).totalCount).toBe(0);

    // Another agency's assets, with the same tags, are not counted.
    const stranger = await signUpAgency(api, 'Agence Médias étrangère');
    const strangerOrg = await createOrganization(api, stranger, 'Vélo étranger');
    await plant(strangerOrg, ['logo']);
    await plant(strangerOrg, ['logo']);
    expect((await page({ first: 1 })).totalCount).toBe(3);
    expect((await page({ first: 1, tag: 'logo' })).totalCount).toBe(2);
    expect((await page({ first: 1, tag: 'logo' }, stranger, strangerOrg)).totalCount).toBe(2);
  });
});

function randomUuid(): string {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
