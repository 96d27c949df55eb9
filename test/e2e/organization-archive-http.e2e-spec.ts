import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Client } from 'pg';
import request from 'supertest';
import {
  addOrganizationMember,
  AgencySession,
  createOrganization,
  dropTestDatabase,
  ownTestDatabase,
  signUpAgency,
  TestApi,
} from '@socle/testing';

const PASSPHRASE = 'correct horse battery staple 2026';
const COUNTED = ['organizations', 'organization_memberships', 'objectives', 'audit_events'];

/** Supertest's buffered body of a binary answer. */
function binary(res: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

function multipart(fields: { archive?: Buffer; passphrase?: string }): { type: string; body: Buffer } {
  const boundary = `socle-${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  if (fields.passphrase !== undefined)
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="passphrase"\r\n\r\n${fields.passphrase}\r\n`));
  if (fields.archive)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="archive"; filename="client.socle.tar.gz"\r\nContent-Type: application/gzip\r\n\r\n`,
      ),
      fields.archive,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(parts) };
}

async function counts(admin: Client, organizationId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of COUNTED) {
    const key = table === 'organizations' ? 'id' : 'organization_id';
    const [{ n }] = (await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE ${key} = $1`, [organizationId]))
      .rows;
    out[table] = n;
  }
  return out;
}

async function everyRow(admin: Client): Promise<number> {
  const { rows } = await admin.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
  );
  let total = 0;
  for (const { table_name } of rows)
    total += (await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table_name}"`)).rows[0].n;
  return total;
}

/**
 * An agency hands a client over through the API and another agency, on another instance, takes it in: the archive routes,
 * their permissions and their refusals. The source and the target each have a database of their own (ids are kept by an
 * import, so a client cannot enter the instance it still lives in).
 */
describe('organisation archives over HTTP', () => {
  let scratch: string;
  let sourceDatabase: ReturnType<typeof ownTestDatabase>;
  let targetDatabase: ReturnType<typeof ownTestDatabase>;
  let source: TestApi;
  let target: TestApi;
  let sourceAdmin: Client;
  let targetAdmin: Client;
  let owner: AgencySession;
  let receiver: AgencySession;
  let organization: string;
  let member: { token: string };
  let archive: Buffer;

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'socle-archive-http-'));
    sourceDatabase = ownTestDatabase();
    targetDatabase = ownTestDatabase();
    source = await TestApi.start({ ...sourceDatabase.env, MEDIA_STORAGE_DIR: join(scratch, 'source-media') });
    target = await TestApi.start({
      ...targetDatabase.env,
      MEDIA_STORAGE_DIR: join(scratch, 'target-media'),
      ORGANIZATION_ARCHIVE_MAX_BYTES: String(64 * 1024),
    });
    sourceAdmin = new Client({ connectionString: sourceDatabase.adminUrl });
    targetAdmin = new Client({ connectionString: targetDatabase.adminUrl });
    await sourceAdmin.connect();
    await targetAdmin.connect();
    owner = await signUpAgency(source, 'Agence qui rend');
    organization = await createOrganization(source, owner, 'Boulangerie Exportée');
    member = await addOrganizationMember(source, owner, organization, ['STRATEGY_LEAD']);
    await source.ok(
      `mutation ($input: CreateObjectiveInput!) { createObjective(input: $input) { id } }`,
      {
        input: {
          kind: 'BUSINESS',
          title: 'Être connus du quartier',
          metric: 'commandes en ligne par mois',
          baseline: 120,
          target: 180,
          unit: 'commandes',
          deadline: `${new Date().getUTCFullYear() + 1}-06-30`,
        },
      },
      { token: owner.token, organizationId: organization },
    );
    receiver = await signUpAgency(target, 'Agence qui reçoit');
  }, 180_000);

  afterAll(async () => {
    await sourceAdmin?.end();
    await targetAdmin?.end();
    await source?.stop();
    await target?.stop();
    for (const database of [sourceDatabase, targetDatabase]) if (database) await dropTestDatabase(database.name);
    await rm(scratch, { recursive: true, force: true });
  });

  it('streams the archive to the agency owner, and writes who exported which client to the agency audit log', async () => {
    const res = await request(source.server)
      .post(`/organizations/${organization}/archive`)
      .set('authorization', `Bearer ${owner.token}`)
      .send({ passphrase: PASSPHRASE })
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    const date = new Date().toISOString().slice(0, 10);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="boulangerie-exportee-${date}.socle.tar.gz"`);
    archive = res.body as Buffer;
    const tar = gunzipSync(archive);
    expect(tar.toString('latin1')).toContain('"format": "socle.organization-archive"');
    expect(tar.includes(Buffer.from(PASSPHRASE))).toBe(false);
    const { rows } = await sourceAdmin.query<{ action: string; actor_id: string; subject_organization_id: string; metadata: object }>(
      `SELECT action, actor_id, subject_organization_id, metadata FROM agency_audit_events WHERE action = 'organization.exported'`,
    );
    expect(rows).toEqual([
      {
        action: 'organization.exported',
        actor_id: owner.userId,
        subject_organization_id: organization,
        metadata: { name: 'Boulangerie Exportée' },
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain(PASSPHRASE);
  });

  it('imports the archive into the caller agency and answers the new organisation (201)', async () => {
    const form = multipart({ archive, passphrase: PASSPHRASE });
    const res = await request(target.server)
      .post('/agency/organization-archives')
      .set('authorization', `Bearer ${receiver.token}`)
      .set('content-type', form.type)
      .send(form.body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: organization, name: 'Boulangerie Exportée' });
    const [row] = (await targetAdmin.query<{ agency_id: string }>('SELECT agency_id FROM organizations WHERE id = $1', [organization]))
      .rows;
    expect(row.agency_id).toBe(receiver.agencyId);
    const before = await counts(sourceAdmin, organization);
    expect(before.objectives).toBe(1);
    expect(await counts(targetAdmin, organization)).toEqual(before);
    // The receiving owner sees the client through the API.
    const seen = await target.ok<{ organization: { name: string } }>(
      `{ organization { name } }`,
      {},
      { token: receiver.token, organizationId: organization },
    );
    expect(seen.organization.name).toBe('Boulangerie Exportée');
    const audit = await targetAdmin.query(
      `SELECT actor_id FROM agency_audit_events WHERE action = 'organization.imported' AND agency_id = $1 AND subject_organization_id = $2`,
      [receiver.agencyId, organization],
    );
    expect(audit.rows).toEqual([{ actor_id: receiver.userId }]);
    // Imported a second time: refused as a conflict, nothing stored.
    const again = await request(target.server)
      .post('/agency/organization-archives')
      .set('authorization', `Bearer ${receiver.token}`)
      .set('content-type', form.type)
      .send(form.body);
    expect(again.status).toBe(409);
    expect(again.body.errors[0].message).toContain('already exists');
  });

  it('refuses a member without the permission (403), another agency (404), and a short passphrase (400 naming it)', async () => {
    const asMember = await request(source.server)
      .post(`/organizations/${organization}/archive`)
      .set('authorization', `Bearer ${member.token}`)
      .send({ passphrase: PASSPHRASE });
    expect(asMember.status).toBe(403);
    expect(asMember.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(asMember.headers['content-type']).not.toContain('gzip');

    const stranger = await signUpAgency(source, 'Autre agence');
    const elsewhere = await request(source.server)
      .post(`/organizations/${organization}/archive`)
      .set('authorization', `Bearer ${stranger.token}`)
      .send({ passphrase: PASSPHRASE });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.headers['content-type']).not.toContain('gzip');

    for (const body of [{ passphrase: 'too short' }, {}, { passphrase: 12345678901234 }]) {
      const short = await request(source.server)
        .post(`/organizations/${organization}/archive`)
        .set('authorization', `Bearer ${owner.token}`)
        .send(body);
      expect(short.status).toBe(400);
      expect(short.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'passphrase' });
    }

    const anonymous = await request(source.server).post(`/organizations/${organization}/archive`).send({ passphrase: PASSPHRASE });
    expect(anonymous.status).toBe(401);
  });

  it('refuses a wrong passphrase, a tampered archive, a short passphrase, a form without the file and an oversized upload, storing nothing', async () => {
    const other = await signUpAgency(target, 'Agence vide');
    const stored = await everyRow(targetAdmin);
    const media = await readdir(join(scratch, 'target-media')).catch(() => []);
    const post = (fields: Parameters<typeof multipart>[0], token = other.token) => {
      const form = multipart(fields);
      return request(target.server)
        .post('/agency/organization-archives')
        .set('authorization', `Bearer ${token}`)
        .set('content-type', form.type)
        .send(form.body);
    };

    const wrong = await post({ archive, passphrase: 'not the right passphrase' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].message).toMatch(/passphrase/i);

    const tampered = Buffer.from(archive);
    tampered[Math.floor(tampered.length / 2)] ^= 0xff;
    const altered = await post({ archive: tampered, passphrase: PASSPHRASE });
    expect(altered.status).toBe(400);
    expect(altered.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');

    const short = await post({ archive, passphrase: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.errors[0].extensions.field).toBe('passphrase');

    const noFile = await post({ passphrase: PASSPHRASE });
    expect(noFile.status).toBe(400);
    expect(noFile.body.errors[0].extensions.field).toBe('archive');

    const oversized = await post({ archive: Buffer.concat([archive, randomBytes(80 * 1024)]), passphrase: PASSPHRASE });
    expect(oversized.status).toBe(413);

    expect(await everyRow(targetAdmin)).toBe(stored);
    expect(await readdir(join(scratch, 'target-media')).catch(() => [])).toEqual(media);
  });

  it('imports for the agency owner only, not its administrators (403)', async () => {
    const admin = await signUpAgency(target, 'Agence de l’administratrice');
    await targetAdmin.query(`INSERT INTO agency_memberships (agency_id, user_id, role) VALUES ($1, $2, 'ADMIN')`, [
      receiver.agencyId,
      admin.userId,
    ]);
    const form = multipart({ archive, passphrase: PASSPHRASE });
    const res = await request(target.server)
      .post('/agency/organization-archives')
      .set('authorization', `Bearer ${admin.token}`)
      .set('x-socle-agency', receiver.agencyId)
      .set('content-type', form.type)
      .send(form.body);
    expect(res.status).toBe(403);
    expect(res.body.errors[0].message).toContain('agency.organizations.import');
  });
});
