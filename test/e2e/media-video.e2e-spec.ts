import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'pg';
import sharp from 'sharp';
import request from 'supertest';
import { createOrganization, signUpAgency, AgencySession, TestApi } from '@socle/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the box builders of the inspector's tests, to make small videos
import { movie } from '../../libs/domain/content/src/lib/media/video-boxes.fixtures';
import { adminDatabase } from './e2e-support';

/** Images and videos have their own limits: a video larger than the image limit is taken. */
const IMAGE_MAX_BYTES = 64 * 1024;
const VIDEO_MAX_BYTES = 512 * 1024;
const ASSET = 'id kind contentType byteSize sha256 width height durationMs';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name));
}

describe('videos in the media library (upload, GraphQL, download)', () => {
  let api: TestApi;
  let admin: Client;
  let dir: string;
  let owner: AgencySession;
  let org: string;

  const upload = (file: Buffer, filename: string, contentType = 'application/octet-stream') =>
    request(api.server)
      .post('/media')
      .set('authorization', `Bearer ${owner.token}`)
      .set('x-socle-organization', org)
      .attach('file', file, { filename, contentType });
  const rows = async () =>
    (await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM media_assets WHERE organization_id = $1', [org])).rows[0].n;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'socle-media-video-e2e-'));
    api = await TestApi.start({
      MEDIA_STORAGE_DIR: dir,
      MEDIA_MAX_BYTES: String(IMAGE_MAX_BYTES),
      MEDIA_VIDEO_MAX_BYTES: String(VIDEO_MAX_BYTES),
    });
    admin = await adminDatabase();
    owner = await signUpAgency(api, 'Agence Vidéo');
    org = await createOrganization(api, owner, 'Vélo Vidéo');
  });
  afterAll(async () => {
    await admin?.end();
    await api?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('takes an MP4 (index after the data) larger than the image limit: kind VIDEO, its duration and size, served as video/mp4', async () => {
    const mp4 = movie({ width: 1080, height: 1920, timescale: 600, duration: 7_380, mediaBytes: 200 * 1024, fastStart: false });
    expect(mp4.length).toBeGreaterThan(IMAGE_MAX_BYTES);
    // The declared name and type say PNG: the bytes decide.
    const uploaded = await upload(mp4, 'clip.png', 'image/png');
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      kind: 'VIDEO',
      contentType: 'video/mp4',
      byteSize: mp4.length,
      sha256: sha256(mp4),
      width: 1080,
      height: 1920,
      durationMs: 12_300,
      fileName: 'clip.png',
    });
    const id = uploaded.body.id as string;

    const read = await api.ok<{ mediaAsset: Record<string, unknown> }>(
      `query ($id: ID!) { mediaAsset(id: $id) { ${ASSET} } }`,
      { id },
      { token: owner.token, organizationId: org },
    );
    expect(read.mediaAsset).toEqual({
      id,
      kind: 'VIDEO',
      contentType: 'video/mp4',
      byteSize: mp4.length,
      sha256: sha256(mp4),
      width: 1080,
      height: 1920,
      durationMs: 12_300,
    });
    const { rows: stored } = await admin.query('SELECT kind, duration_ms FROM media_assets WHERE organization_id = $1 AND id = $2', [
      org,
      id,
    ]);
    expect(stored).toEqual([{ kind: 'VIDEO', duration_ms: 12_300 }]);

    const got = await request(api.server)
      .get(`/media/${id}`)
      .set('authorization', `Bearer ${owner.token}`)
      .set('x-socle-organization', org)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('video/mp4');
    expect(Buffer.compare(got.body as Buffer, mp4)).toBe(0);
  });

  it('takes a QuickTime movie, and an image keeps its own limit and a null duration', async () => {
    const mov = movie({ quickTime: 'ftyp', width: 640, height: 480, timescale: 1000, duration: 4321 });
    const res = await upload(mov, 'IMG_0001.MOV');
    expect({ status: res.status, kind: res.body.kind, contentType: res.body.contentType }).toEqual({
      status: 201,
      kind: 'VIDEO',
      contentType: 'video/quicktime',
    });
    const png = await sharp({ create: { width: 20, height: 10, channels: 3, background: { r: 1, g: 2, b: 3 } } })
      .png()
      .toBuffer();
    const image = await upload(png, 'a.png');
    expect({ status: image.status, kind: image.body.kind }).toEqual({ status: 201, kind: 'IMAGE' });
    const listed = await api.ok<{ mediaAssets: { edges: { node: { kind: string; contentType: string; durationMs: number | null } }[] } }>(
      '{ mediaAssets(first: 2) { edges { node { kind contentType durationMs } } } }',
      {},
      { token: owner.token, organizationId: org },
    );
    expect(listed.mediaAssets.edges.map((e) => e.node)).toEqual([
      { kind: 'IMAGE', contentType: 'image/png', durationMs: null },
      { kind: 'VIDEO', contentType: 'video/quicktime', durationMs: 4321 },
    ]);
    // An image over the image limit is refused even though videos may be larger.
    const big = Buffer.concat([png, randomBytes(IMAGE_MAX_BYTES)]);
    const refused = await upload(big, 'big.png');
    expect({ status: refused.status, reason: refused.body.errors?.[0]?.extensions?.reason }).toEqual({
      status: 413,
      reason: 'MEDIA_TOO_LARGE',
    });
  });

  it('refuses a damaged video with its reason, and stores nothing', async () => {
    const before = { rows: await rows(), files: (await filesUnder(dir)).length };
    const whole = movie({ mediaBytes: 4000 });
    const ftypBox = whole.subarray(0, 32);
    const cases: Array<[string, Buffer, string]> = [
      ['cut inside its media data', whole.subarray(0, whole.length - 100), 'MEDIA_TRUNCATED'],
      ['cut inside its index', whole.subarray(0, 120), 'MEDIA_TRUNCATED'],
      [
        'media data and no index',
        Buffer.concat([ftypBox, Buffer.from([0, 0, 0, 16]), Buffer.from('mdat'), Buffer.alloc(8)]),
        'MEDIA_DAMAGED',
      ],
    ];
    for (const [name, data, reason] of cases) {
      const res = await upload(data, 'clip.mp4', 'video/mp4');
      const extensions = res.body.errors?.[0]?.extensions;
      expect({ name, status: res.status, reason: extensions?.reason, field: extensions?.field }).toEqual({
        name,
        status: 400,
        reason,
        field: 'file',
      });
    }
    expect({ rows: await rows(), files: (await filesUnder(dir)).length }).toEqual(before);
  });

  it('refuses a video over MEDIA_VIDEO_MAX_BYTES while it streams (before the body ends) and leaves no file', async () => {
    const before = { rows: await rows(), files: (await filesUnder(dir)).length };
    // A movie whose media data declares more than the limit; the body never ends.
    const start = movie({ mediaBytes: 0 });
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
            authorization: `Bearer ${owner.token}`,
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
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="long.mp4"\r\nContent-Type: video/mp4\r\n\r\n`);
      // The file ends with an mdat that runs to the end of the file (size 0): its bytes follow, a little past the limit
      // (the multipart reader holds back what could be the start of the boundary); then the client waits without ending
      // the body: only a refusal while it streams answers (else the test times out). The server has read every byte
      // sent when it closes the connection, so the answer is not lost to a reset.
      const total = VIDEO_MAX_BYTES + 1024;
      const pump = () => {
        while (sent < total) {
          const first = Buffer.concat([start, Buffer.from([0, 0, 0, 0]), Buffer.from('mdat')]);
          const chunk = sent === 0 ? first : randomBytes(Math.min(16 * 1024, total - sent));
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
    expect(JSON.parse(answer.body).errors[0].message).toContain(`limit of ${VIDEO_MAX_BYTES} bytes for a video`);
    expect({ rows: await rows(), files: (await filesUnder(dir)).length }).toEqual(before);
  });
});
