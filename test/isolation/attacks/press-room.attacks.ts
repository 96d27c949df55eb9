import type { AttackModule } from './attack-module';

/** The press room's operations aimed at B: B's room, release, item, media asset and subscribers, planted as owner. */
export const pressRoomAttacks: AttackModule = {
  name: 'press-room',
  async setup({ asOwner, orgB }) {
    await asOwner(
      `INSERT INTO press_rooms (organization_id, slug, title, enabled, language, custom_domain, domain_challenge, domain_claimed_at)
       VALUES ($1, 'salle-de-b', 'Salle de B', true, 'fr', 'presse.victime-b.fr', 'socle-press-verification=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', now())`,
      [orgB],
    );
    const [item] = await asOwner<{ id: string }>(
      `INSERT INTO content_items (organization_id, title, brief, source, status) VALUES ($1, 'Communiqué de B', '', 'TASK_FORCE', 'DRAFT') RETURNING id`,
      [orgB],
    );
    const [release] = await asOwner<{ id: string }>(
      `INSERT INTO press_releases (organization_id, item_id, slug, title, body_html, body_text, publish_at)
       VALUES ($1, $2, 'communique-b', 'Communiqué de B', '<p>B</p>', 'B', now()) RETURNING id`,
      [orgB, item.id],
    );
    const [asset] = await asOwner<{ id: string }>(
      `INSERT INTO media_assets (organization_id, storage_key, content_type, byte_size, sha256, width, height, file_name)
       VALUES ($1, md5(random()::text), 'image/png', 10, repeat('cd', 32), 10, 10, 'b.png') RETURNING id`,
      [orgB],
    );
    await asOwner(
      `INSERT INTO newsletter_subscribers (organization_id, email, state, unsubscribe_nonce, confirmed_at)
       VALUES ($1, 'lecteur@victime-b.fr', 'CONFIRMED', 'nonce-of-b-0123456789', now())`,
      [orgB],
    );
    return { pressItemB: item.id, pressReleaseB: release.id, pressAssetB: asset.id };
  },
  attacks: {
    pressRoom: () => [{ query: '{ pressRoom { id slug customDomain { recordValue } } }', options: 'orgB' }],
    updatePressRoom: ({ pressAssetB }) => [
      { query: 'mutation { updatePressRoom(input: { title: "Pris", enabled: false }) { id } }', options: 'orgB' },
      {
        query: `mutation { updatePressRoom(input: { slug: "salle-de-a", title: "A", mediaKit: [{ mediaAssetId: "${pressAssetB}" }] }) { id } }`,
        options: 'orgA',
      },
    ],
    verifyPressRoomDomain: () => [
      { query: 'mutation { verifyPressRoomDomain(input: { domain: "presse.victime-b.fr" }) { id } }', options: 'orgB' },
      { query: 'mutation { verifyPressRoomDomain(input: { domain: "presse.victime-b.fr" }) { id } }', options: 'orgA' },
    ],
    pressReleases: () => [{ query: '{ pressReleases(first: 10) { edges { node { id title } } } }', options: 'orgB' }],
    pressRelease: ({ pressReleaseB }) => [
      { query: `{ pressRelease(id: "${pressReleaseB}") { id title } }`, options: 'orgB' },
      { query: `{ pressRelease(id: "${pressReleaseB}") { id title } }`, options: 'orgA' },
    ],
    publishPressRelease: ({ pressItemB }) => [
      { query: `mutation { publishPressRelease(input: { itemId: "${pressItemB}" }) { id } }`, options: 'orgB' },
      { query: `mutation { publishPressRelease(input: { itemId: "${pressItemB}" }) { id } }`, options: 'orgA' },
    ],
    withdrawPressRelease: ({ pressReleaseB }) => [
      { query: `mutation { withdrawPressRelease(input: { id: "${pressReleaseB}" }) { id } }`, options: 'orgB' },
      { query: `mutation { withdrawPressRelease(input: { id: "${pressReleaseB}" }) { id } }`, options: 'orgA' },
    ],
    newsletterSubscribers: () => [{ query: '{ newsletterSubscribers(first: 10) { edges { node { id email } } } }', options: 'orgB' }],
    newsletterSubscriberCounts: () => [{ query: '{ newsletterSubscriberCounts { confirmed } }', options: 'orgB' }],
  },
  snapshot: async ({ orgB, asOwner }) => ({
    rooms: await asOwner(
      'SELECT slug, title, enabled, custom_domain, domain_verified_at, updated_at FROM press_rooms WHERE organization_id = $1',
      [orgB],
    ),
    releases: await asOwner('SELECT id, slug, withdrawn_at, updated_at FROM press_releases WHERE organization_id = $1 ORDER BY id', [orgB]),
    kit: await asOwner('SELECT media_asset_id FROM press_room_media WHERE organization_id = $1', [orgB]),
    subscribers: await asOwner('SELECT email, state FROM newsletter_subscribers WHERE organization_id = $1 ORDER BY email', [orgB]),
  }),
};
