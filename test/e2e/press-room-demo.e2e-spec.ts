import { Client } from 'pg';
import request from 'supertest';
import { AgencySession, createOrganization, dropTestDatabase, ownTestDatabase, signUpAgency, TestApi } from '@socle/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the demo loaders are scripts of the API app; this checks them against a real API
import { seedPressRoomDemo } from '../../apps/api/src/cli/demo/press-room';
import { approvedItem } from './press-room-support';

/**
 * The demo's press rooms load through the public API: one live room per client with its contact and the blog digest
 * offered, a first release from an approved item, and nothing changed by a second run. A database of its own: the
 * demo's slugs are unique on an instance, and the run's database holds the demo that another suite loads.
 */
describe('demo press rooms', () => {
  let api: TestApi;
  let admin: Client;
  let owner: AgencySession;
  const database = ownTestDatabase();
  const prefix = 'Démo';
  const clients = [
    { slug: 'boulangerie', name: `${prefix} Boulangerie Dupont`, locale: 'fr' },
    { slug: 'velo', name: `${prefix} Cycles Léman SA`, locale: 'en' },
  ];
  const orgs: string[] = [];

  const call = async <T>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<T> => {
    const res = await request(api.server).post('/graphql').set(headers).send({ query, variables });
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data as T;
  };

  beforeAll(async () => {
    api = await TestApi.start({ ...database.env, PUBLIC_URL: 'https://socle.example' });
    admin = new Client({ connectionString: database.adminUrl });
    await admin.connect();
    owner = await signUpAgency(api, `${prefix} Agence démo`);
    for (const client of clients) orgs.push(await createOrganization(api, owner, client.name));
    await approvedItem(api, admin, owner, orgs[1], { title: 'Launch of the Léman cargo bike', brief: 'Our first cargo bike.' });
  });
  afterAll(async () => {
    await admin?.end();
    await api?.stop();
    await dropTestDatabase(database.name);
  });

  it('opens a live room per client with a first release, and changes nothing on a second run', async () => {
    // Another organisation holds the bakery's slug: its room gets the slug with the organisation's id.
    const occupant = await createOrganization(api, owner, 'Occupant');
    await api.ok(
      'mutation { updatePressRoom(input: { slug: "boulangerie", title: "Occupant" }) { id } }',
      {},
      { token: owner.token, organizationId: occupant },
    );
    const auth = { authorization: `Bearer ${owner.token}` };
    const lines: string[] = [];
    await seedPressRoomDemo(call, auth, clients, (line) => lines.push(line));
    expect(lines).toEqual([
      `${clients[0].name}: press room at https://socle.example/press/boulangerie-${orgs[0].slice(0, 8)}`,
      `${clients[1].name}: press room at https://socle.example/press/velo`,
      expect.stringMatching(
        new RegExp(
          `^${clients[1].name}: first press release at https://socle\\.example/press/velo/releases/launch-of-the-leman-cargo-bike`,
        ),
      ),
    ]);
    const rooms = (
      await admin.query<{ slug: string; enabled: boolean; blog_digest: boolean; language: string; contacts: number; releases: number }>(
        `SELECT r.slug, r.enabled, r.blog_digest, r.language,
                (SELECT count(*)::int FROM press_room_contacts c WHERE c.organization_id = r.organization_id) AS contacts,
                (SELECT count(*)::int FROM press_releases p WHERE p.organization_id = r.organization_id) AS releases
           FROM press_rooms r WHERE r.organization_id = ANY($1::uuid[]) ORDER BY r.slug`,
        [orgs],
      )
    ).rows;
    expect(rooms).toEqual([
      { slug: `boulangerie-${orgs[0].slice(0, 8)}`, enabled: true, blog_digest: true, language: 'fr', contacts: 1, releases: 0 },
      { slug: 'velo', enabled: true, blog_digest: true, language: 'en', contacts: 1, releases: 1 },
    ]);
    const page = await request(api.server).get(`/press/boulangerie-${orgs[0].slice(0, 8)}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('presse@boulangerie.demo');

    const before = (
      await admin.query('SELECT organization_id, updated_at FROM press_rooms WHERE organization_id = ANY($1::uuid[]) ORDER BY 1', [orgs])
    ).rows;
    const again: string[] = [];
    await seedPressRoomDemo(call, auth, clients, (line) => again.push(line));
    expect(again).toEqual([]);
    expect(
      (await admin.query('SELECT organization_id, updated_at FROM press_rooms WHERE organization_id = ANY($1::uuid[]) ORDER BY 1', [orgs]))
        .rows,
    ).toEqual(before);
    expect(
      (await admin.query('SELECT count(*)::int AS n FROM press_releases WHERE organization_id = ANY($1::uuid[])', [orgs])).rows,
    ).toEqual([{ n: 1 }]);
  });
});
